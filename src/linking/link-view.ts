import { flipSignals, type LinkRow } from './link.repository.js';
import type { LinkSignal, Relation } from './relation/types.js';

/** A stored link as seen from one of its two statements (the GraphQL ClaimLink). */
export interface LinkView {
  id: string;
  workspaceId: string;
  relation: Relation;
  claimId: string;
  evidenceId: string;
  confidence: number;
  signals: LinkSignal[];
  method: string;
  origin: LinkRow['origin'];
  status: LinkRow['status'];
  createdAt: Date;
  updatedAt: Date;
}

/** Orients a link so that `claimId` is the claim it is read from; signals follow (left = that claim). */
export function viewFrom(link: LinkRow, claimId: string): LinkView {
  const fromA = link.aId === claimId;
  return {
    id: link.id,
    workspaceId: link.workspaceId,
    relation: link.relation,
    claimId: fromA ? link.aId : link.bId,
    evidenceId: fromA ? link.bId : link.aId,
    confidence: link.confidence,
    signals: fromA ? link.signals : flipSignals(link.signals),
    method: link.method,
    origin: link.origin,
    status: link.status,
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
  };
}
