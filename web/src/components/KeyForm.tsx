import { useState } from 'preact/hooks';
import { getApiKey } from '../api/client';

/** Where the reader pastes an API key (kept in this browser only). */
export function KeyForm(p: { needKey: boolean; onSave(key: string | null): void }) {
  const [key, setKey] = useState(getApiKey() ?? '');
  return (
    <form
      id="key-form"
      class="key-form"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSave(key.trim() || null);
      }}
    >
      {p.needKey && <p role="alert">The API asks for a key.</p>}
      <label>
        API key <span class="muted">(kept in this browser only, sent as a Bearer token)</span>
        <input
          type="password"
          autoComplete="off"
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Save</button>
      <button type="button" onClick={() => p.onSave(null)}>
        Forget key
      </button>
    </form>
  );
}
