import { useCallback, useEffect, useState } from 'preact/hooks';
import { GraphqlError, setApiKey } from '../api/client';
import { ASSUME_ALL, loadCapabilities, loadMayEdit, type Capabilities } from '../api/capabilities';

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The page's session with the service: the API key, what the service offers (capabilities),
 * and the status line and error read out by screen readers. `keyVersion` changes when the key
 * does, so every loader that depends on it runs again.
 */
export function useSession() {
  const [keyVersion, setKeyVersion] = useState(0);
  const [caps, setCaps] = useState<Capabilities | null>(null);
  const [needKey, setNeedKey] = useState(false);
  const [keyOpen, setKeyOpen] = useState(false);
  useEffect(() => {
    loadCapabilities()
      .then(setCaps)
      .catch((e) => {
        if (e instanceof GraphqlError && e.code === 'UNAUTHENTICATED') setNeedKey(true);
        setCaps(ASSUME_ALL);
      });
  }, [keyVersion]);

  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => {
    if (e instanceof GraphqlError && e.code === 'UNAUTHENTICATED') {
      setNeedKey(true);
      setKeyOpen(true);
    }
    setError(messageOf(e));
  }, []);

  const saveKey = (key: string | null) => {
    setApiKey(key);
    setNeedKey(false);
    setKeyOpen(false);
    setKeyVersion((v) => v + 1);
  };

  return {
    keyVersion,
    caps,
    setCaps,
    needKey,
    keyOpen,
    setKeyOpen,
    saveKey,
    status,
    setStatus,
    error,
    setError,
    fail,
  };
}

/** Whether the caller may edit `workspaceId`; roles are per workspace, so asked again when it changes. */
export function useMayEdit(caps: Capabilities | null, workspaceId: string | null) {
  const [mayEdit, setMayEdit] = useState(false);
  useEffect(() => {
    if (!caps) return;
    setMayEdit(false);
    void loadMayEdit(caps, workspaceId).then(setMayEdit);
  }, [caps, workspaceId]);
  return [mayEdit, setMayEdit] as const;
}
