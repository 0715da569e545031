import { getApiKey } from '../api/client';
import { KeyForm } from './KeyForm';

/** The page header: title, links elsewhere, the API key form and the caller's role. */
export function TopBar(p: {
  role: string;
  keyOpen: boolean;
  needKey: boolean;
  onToggleKey(): void;
  onSaveKey(key: string | null): void;
}) {
  return (
    <>
      <header class="top">
        <h1>
          claimtrace <span class="muted">· compare sources</span>
        </h1>
        <nav aria-label="Elsewhere">
          <a href="/explorer">API explorer</a>
          <button
            type="button"
            aria-expanded={p.keyOpen}
            aria-controls="key-form"
            onClick={p.onToggleKey}
          >
            {getApiKey() ? 'API key ✓' : 'API key'}
          </button>
          <span class="role-pill" data-testid="role">
            {p.role}
          </span>
        </nav>
      </header>
      {p.keyOpen && <KeyForm needKey={p.needKey} onSave={p.onSaveKey} />}
    </>
  );
}
