export type WorkspaceRole = 'OWNER' | 'EDITOR' | 'VIEWER';

/** Who is calling: the user behind an API key. */
export interface Principal {
  userId: string;
  name: string;
  isAdmin: boolean;
  keyId: string | null;
}
