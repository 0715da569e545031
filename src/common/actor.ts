/** Who acted, as recorded in audit events and reviews. */
export interface Actor {
  /** Stable id: "user:<id>", "key:<id>", "cli:<os user>" or "system". */
  id: string;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'system' };
