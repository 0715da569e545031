import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../database/prisma.service.js';
import type { LinkSignal, Relation } from '../../linking/relation/types.js';
import type { ClaimKind, ClaimVerdict } from '../provenance.types.js';

export interface LockedLink {
  id: string;
  workspaceId: string;
  aId: string;
  bId: string;
  relation: Relation;
  status: 'SUGGESTED' | 'CONFIRMED' | 'REJECTED';
  origin: 'MACHINE' | 'HUMAN';
}

/** What the link_event trigger records as the action, actor and note of the next statements in `tx`. */
export interface HistoryContext {
  action: string;
  actor: string;
  note?: string | null;
}

/** Every write of the review workflow and of re-anchoring, each inside the caller's transaction. */
@Injectable()
export class ReviewRepository {
  async setHistoryContext(tx: Tx, c: HistoryContext): Promise<void> {
    await tx.$executeRawUnsafe(
      `SELECT set_config('claimtrace.action', $1, true), set_config('claimtrace.actor', $2, true),
              set_config('claimtrace.note', $3, true)`,
      c.action,
      c.actor,
      c.note ?? '',
    );
  }

  async lockLink(tx: Tx, id: string): Promise<LockedLink | null> {
    const rows = await tx.$queryRawUnsafe<LockedLink[]>(
      `SELECT id, workspace_id AS "workspaceId", a_id AS "aId", b_id AS "bId", relation::text AS relation,
              status::text AS status, origin::text AS origin
         FROM claim_link WHERE id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows[0] ?? null;
  }

  async findPair(tx: Tx, x: string, y: string): Promise<{ id: string } | null> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM claim_link WHERE a_id = LEAST($1::uuid, $2::uuid) AND b_id = GREATEST($1::uuid, $2::uuid)`,
      x,
      y,
    );
    return rows[0] ?? null;
  }

  async setStatus(
    tx: Tx,
    id: string,
    status: 'CONFIRMED' | 'REJECTED',
    reviewer: string,
    note: string | null,
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `UPDATE claim_link SET status = $2::"LinkStatus", reviewed_by = $3, reviewed_at = now(), review_note = $4,
              needs_review = false, review_reason = NULL, updated_at = now()
        WHERE id = $1::uuid`,
      id,
      status,
      reviewer,
      note,
    );
  }

  /** A reviewer's relation is a decision: the link becomes CONFIRMED, so relinking leaves it alone. */
  async setRelation(
    tx: Tx,
    id: string,
    relation: Relation,
    reviewer: string,
    note: string,
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `UPDATE claim_link SET relation = $2::"LinkRelation", status = 'CONFIRMED', reviewed_by = $3,
              reviewed_at = now(), review_note = $4, needs_review = false, review_reason = NULL, updated_at = now()
        WHERE id = $1::uuid`,
      id,
      relation,
      reviewer,
      note,
    );
  }

  /** Inserts a hand-drawn link; null when the pair is already linked (a concurrent insert won). */
  async insertHumanLink(
    tx: Tx,
    link: {
      workspaceId: string;
      claimId: string;
      claimSourceId: string;
      evidenceId: string;
      evidenceSourceId: string;
      relation: Relation;
      /** From the claim's side. */
      signals: LinkSignal[];
      reviewer: string;
      note: string | null;
    },
  ): Promise<string | null> {
    const forward = link.claimId < link.evidenceId;
    const signals = forward
      ? link.signals
      : link.signals.map((s) => ({ ...s, left: s.right, right: s.left }));
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO claim_link (id, workspace_id, a_id, b_id, a_source_id, b_source_id, relation, confidence, signals,
                               method, origin, status, reviewed_by, reviewed_at, review_note)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid, $7::"LinkRelation", 1, $8::jsonb,
               $9, 'HUMAN', 'CONFIRMED', $9, now(), $10)
       ON CONFLICT (a_id, b_id) DO NOTHING RETURNING id`,
      randomUUID(),
      link.workspaceId,
      forward ? link.claimId : link.evidenceId,
      forward ? link.evidenceId : link.claimId,
      forward ? link.claimSourceId : link.evidenceSourceId,
      forward ? link.evidenceSourceId : link.claimSourceId,
      link.relation,
      JSON.stringify(signals),
      link.reviewer,
      link.note,
    );
    return rows[0]?.id ?? null;
  }

  async upsertClaimReview(
    tx: Tx,
    r: {
      claimId: string;
      workspaceId: string;
      kind: ClaimKind;
      verdict: ClaimVerdict | null;
      note: string | null;
      reviewer: string;
    },
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO claim_review (claim_id, workspace_id, kind, verdict, note, reviewer, reviewed_at)
       VALUES ($1::uuid, $2::uuid, $3::"ClaimKind", $4::"ClaimVerdict", $5, $6, now())
       ON CONFLICT (claim_id) DO UPDATE SET kind = EXCLUDED.kind, verdict = EXCLUDED.verdict,
              note = EXCLUDED.note, reviewer = EXCLUDED.reviewer, reviewed_at = EXCLUDED.reviewed_at`,
      r.claimId,
      r.workspaceId,
      r.kind,
      r.verdict,
      r.note,
      r.reviewer,
    );
  }

  /** Flags every link of the given claims for review; returns the flagged link ids. */
  async flagLinksOfClaims(tx: Tx, flags: { claimId: string; reason: string }[]): Promise<string[]> {
    if (!flags.length) return [];
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE claim_link l SET needs_review = true, review_reason = u.reason, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS u(claim_id, reason)
        WHERE (l.a_id = u.claim_id OR l.b_id = u.claim_id) AND NOT l.needs_review
        RETURNING l.id`,
      flags.map((f) => f.claimId),
      flags.map((f) => f.reason),
    );
    return rows.map((r) => r.id);
  }

  /**
   * Copies the human and reviewed links of unchanged claims to their successors in the new
   * revision, so a reviewer's confirmation or rejection survives the re-ingest (the linker would
   * otherwise suggest a rejected pair again for the new claim ids). A machine suggestion the
   * linker already made for the new pair takes the reviewer's decision.
   */
  async carryReviewedLinks(tx: Tx, moves: { oldId: string; newId: string }[]): Promise<number> {
    if (!moves.length) return 0;
    return tx.$executeRawUnsafe(
      `WITH m AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS m(old_id, new_id)),
       src AS (
         SELECT l.*, m.new_id,
                CASE WHEN l.a_id = m.old_id THEN l.b_id ELSE l.a_id END AS other_id,
                CASE WHEN l.a_id = m.old_id THEN l.a_source_id ELSE l.b_source_id END AS self_source,
                CASE WHEN l.a_id = m.old_id THEN l.b_source_id ELSE l.a_source_id END AS other_source,
                (l.a_id = m.old_id) AS was_a
           FROM claim_link l JOIN m ON l.a_id = m.old_id OR l.b_id = m.old_id
          WHERE l.origin = 'HUMAN' OR l.status <> 'SUGGESTED'
       )
       INSERT INTO claim_link (id, workspace_id, a_id, b_id, a_source_id, b_source_id, relation, confidence, signals,
                               method, origin, status, reviewed_by, reviewed_at, review_note)
       SELECT gen_random_uuid(), workspace_id, LEAST(new_id, other_id), GREATEST(new_id, other_id),
              CASE WHEN new_id < other_id THEN self_source ELSE other_source END,
              CASE WHEN new_id < other_id THEN other_source ELSE self_source END,
              relation, confidence,
              CASE WHEN was_a = (new_id < other_id) THEN signals
                   ELSE (SELECT COALESCE(jsonb_agg(s || jsonb_build_object('left', s->'right', 'right', s->'left')), '[]'::jsonb)
                           FROM jsonb_array_elements(signals) s) END,
              method, origin, status, reviewed_by, reviewed_at, review_note
         FROM src WHERE new_id <> other_id
       ON CONFLICT (a_id, b_id) DO UPDATE SET relation = EXCLUDED.relation, confidence = EXCLUDED.confidence,
              signals = EXCLUDED.signals, method = EXCLUDED.method, origin = EXCLUDED.origin, status = EXCLUDED.status,
              reviewed_by = EXCLUDED.reviewed_by, reviewed_at = EXCLUDED.reviewed_at,
              review_note = EXCLUDED.review_note, updated_at = now()
        WHERE claim_link.origin = 'MACHINE' AND claim_link.status = 'SUGGESTED'`,
      moves.map((m) => m.oldId),
      moves.map((m) => m.newId),
    );
  }

  async carryClaimReviews(tx: Tx, moves: { oldId: string; newId: string }[]): Promise<number> {
    if (!moves.length) return 0;
    return tx.$executeRawUnsafe(
      `INSERT INTO claim_review (claim_id, workspace_id, kind, verdict, note, reviewer, reviewed_at)
       SELECT m.new_id, cr.workspace_id, cr.kind, cr.verdict, cr.note, cr.reviewer, cr.reviewed_at
         FROM claim_review cr JOIN unnest($1::uuid[], $2::uuid[]) AS m(old_id, new_id) ON cr.claim_id = m.old_id
       ON CONFLICT (claim_id) DO NOTHING`,
      moves.map((m) => m.oldId),
      moves.map((m) => m.newId),
    );
  }
}
