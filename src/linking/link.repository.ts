import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { LinkSignal, Relation } from './relation/types.js';

export interface LinkRow {
  id: string;
  workspaceId: string;
  aId: string;
  bId: string;
  aSourceId: string;
  bSourceId: string;
  relation: Relation;
  confidence: number;
  signals: LinkSignal[];
  method: string;
  origin: 'MACHINE' | 'HUMAN';
  status: 'SUGGESTED' | 'CONFIRMED' | 'REJECTED';
  createdAt: Date;
  updatedAt: Date;
}

export interface NewMachineLink {
  claimId: string;
  claimSourceId: string;
  evidenceId: string;
  evidenceSourceId: string;
  relation: Relation;
  confidence: number;
  /** From the claim's side (left = claim's words). */
  signals: LinkSignal[];
}

/** One source's linking run inside a batch: the links it found for its current statements. */
export interface LinkRun {
  /** The source whose run this is (it withdraws only its own findings); null: replace outright. */
  sourceId: string | null;
  /** Every current statement of the source (their machine links are replaced). */
  claimIds: string[];
  links: NewMachineLink[];
}

export interface LinkRunChange {
  inserted: number;
  rescored: number;
  removed: number;
}

type LinkBefore = Pick<LinkRow, 'relation' | 'confidence' | 'method'>;

interface RawLink {
  id: string;
  workspace_id: string;
  a_id: string;
  b_id: string;
  a_source_id: string;
  b_source_id: string;
  relation: Relation;
  confidence: number;
  signals: LinkSignal[];
  method: string;
  origin: LinkRow['origin'];
  status: LinkRow['status'];
  created_at: Date;
  updated_at: Date;
}

const LINK_COLUMNS = `l.id, l.workspace_id, l.a_id, l.b_id, l.a_source_id, l.b_source_id, l.relation::text AS relation,
  l.confidence, l.signals, l.method, l.origin::text AS origin, l.status::text AS status, l.created_at, l.updated_at`;

const fromRaw = (r: RawLink): LinkRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  aId: r.a_id,
  bId: r.b_id,
  aSourceId: r.a_source_id,
  bSourceId: r.b_source_id,
  relation: r.relation,
  confidence: Number(r.confidence),
  signals: r.signals,
  method: r.method,
  origin: r.origin,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Flips a's-side signals to b's side. */
export const flipSignals = (signals: LinkSignal[]): LinkSignal[] =>
  signals.map((s) => ({ ...s, left: s.right, right: s.left }));

/**
 * Whether two lists of signals name the same reasons: kinds, the words on each side and
 * weights, whatever order jsonb stored their keys in. A relink that keeps a link's relation
 * and confidence but finds other reasons rewrites them, so the reasons shown are the current
 * method's. Order and the wording of `detail` depend on which side's run found the pair ("The
 * claim ..." / "The evidence ..."), so they do not count.
 */
export function sameSignals(a: readonly LinkSignal[], b: readonly LinkSignal[]): boolean {
  if (a.length !== b.length) return false;
  const key = (s: LinkSignal) =>
    JSON.stringify([s.kind, s.left ?? null, s.right ?? null, s.weight]);
  const x = a.map(key).sort();
  const y = b.map(key).sort();
  return x.every((k, i) => k === y[i]);
}

/** All SQL of the link aggregate (candidate retrieval: candidates/candidate.repository.ts). */
@Injectable()
export class LinkRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Makes the machine links of `claimIds` exactly `links`, in the caller's transaction (one run;
   * see replaceRuns). Returns what changed, with the previous values, for the audit log.
   */
  async replaceMachineLinks(
    tx: Tx,
    workspaceId: string,
    claimIds: string[],
    links: NewMachineLink[],
    method: string,
    /** The source whose run this is: it withdraws only what it found itself (see found_from). */
    foundBy: string | null = null,
  ): Promise<{
    inserted: number;
    rescored: { id: string; before: LinkBefore }[];
    removed: Pick<LinkRow, 'id' | 'relation' | 'confidence' | 'method' | 'aId' | 'bId'>[];
  }> {
    const result = await this.replaceRuns(
      tx,
      workspaceId,
      [{ sourceId: foundBy, claimIds, links }],
      method,
    );
    return {
      inserted: result.perRun[0]!.inserted,
      rescored: result.rescored,
      removed: result.removed,
    };
  }

  /**
   * Makes the machine links of a batch of linking runs exactly what they found, set-based (one
   * locking read, then at most one DELETE, two UPDATEs and one INSERT for the whole batch). The
   * result equals running replaceMachineLinks run by run in any order (a pair found by two runs
   * of the batch keeps the stronger score): new pairs are inserted, existing machine suggestions
   * re-scored, and a machine suggestion no run finds any more is removed, while one another
   * source's run still finds only loses this run's finding (found_from). Human-made and reviewed
   * links are never touched.
   */
  async replaceRuns(
    tx: Tx,
    workspaceId: string,
    runs: readonly LinkRun[],
    method: string,
  ): Promise<{
    perRun: LinkRunChange[];
    rescored: { id: string; before: LinkBefore }[];
    removed: Pick<LinkRow, 'id' | 'relation' | 'confidence' | 'method' | 'aId' | 'bId'>[];
    /** The same changes by the run they are charged to, for each run's audit event. */
    byRun: { rescored: { id: string; before: LinkBefore }[]; removed: LinkBefore[] }[];
  }> {
    const perRun: LinkRunChange[] = runs.map(() => ({ inserted: 0, rescored: 0, removed: 0 }));
    const byRun = runs.map(() => ({
      rescored: [] as { id: string; before: LinkBefore }[],
      removed: [] as (LinkBefore & { id: string })[],
    }));
    const owner = new Map<string, number>();
    runs.forEach((r, i) => r.claimIds.forEach((id) => owner.set(id, i)));

    type Found = Pick<
      LinkRow,
      'aId' | 'bId' | 'aSourceId' | 'bSourceId' | 'relation' | 'confidence' | 'signals'
    > & { finders: Set<string>; run: number };
    const found = new Map<string, Found>();
    runs.forEach((run, i) => {
      for (const l of run.links) {
        const forward = l.claimId < l.evidenceId;
        const o = {
          aId: forward ? l.claimId : l.evidenceId,
          bId: forward ? l.evidenceId : l.claimId,
          aSourceId: forward ? l.claimSourceId : l.evidenceSourceId,
          bSourceId: forward ? l.evidenceSourceId : l.claimSourceId,
          relation: l.relation,
          confidence: Math.min(1, Math.max(0, l.confidence)),
          signals: forward ? l.signals : flipSignals(l.signals),
        };
        const key = `${o.aId}|${o.bId}`;
        const seen = found.get(key);
        // The same pair can come from both directions: keep the stronger.
        if (!seen || seen.confidence < o.confidence)
          found.set(key, { ...o, finders: seen?.finders ?? new Set(), run: seen?.run ?? i });
        if (run.sourceId !== null) found.get(key)!.finders.add(run.sourceId);
      }
    });

    const allClaims = [...owner.keys()];
    // Locked in id order, so two batches touching the same links cannot deadlock.
    const existing = allClaims.length
      ? await tx.$queryRawUnsafe<(RawLink & { found_from: string[] })[]>(
          `SELECT ${LINK_COLUMNS}, l.found_from FROM claim_link l
            WHERE l.a_id = ANY($1::uuid[]) OR l.b_id = ANY($1::uuid[]) ORDER BY l.id FOR UPDATE`,
          allClaims,
        )
      : [];

    const rescored: { id: string; before: LinkBefore }[] = [];
    const removed: Pick<LinkRow, 'id' | 'relation' | 'confidence' | 'method' | 'aId' | 'bId'>[] =
      [];
    const rewrite: { id: string; f: Found; foundFrom: string[] }[] = [];
    const refind: { id: string; foundFrom: string[] }[] = [];
    const known = new Set<string>();
    for (const raw of existing) {
      const prev = fromRaw(raw);
      const key = `${prev.aId}|${prev.bId}`;
      known.add(key);
      if (prev.origin !== 'MACHINE' || prev.status !== 'SUGGESTED') continue;
      const responsible = [owner.get(prev.aId), owner.get(prev.bId)].filter(
        (i): i is number => i !== undefined,
      );
      const replacesOutright = responsible.some((i) => runs[i]!.sourceId === null);
      const mine = new Set(responsible.map((i) => runs[i]!.sourceId));
      const f = found.get(key);
      const oldFrom = raw.found_from ?? [];
      const next = new Set(oldFrom.filter((id) => !mine.has(id)));
      for (const id of f?.finders ?? []) next.add(id);
      const foundFrom = [...next].sort();
      const fromChanged =
        foundFrom.length !== oldFrom.length || foundFrom.some((id) => !oldFrom.includes(id));
      const run = responsible[0]!;
      if (f) {
        const same =
          prev.relation === f.relation &&
          Math.abs(prev.confidence - f.confidence) < 1e-9 &&
          prev.method === method &&
          sameSignals(prev.signals, f.signals);
        if (!same) {
          const change = {
            id: prev.id,
            before: { relation: prev.relation, confidence: prev.confidence, method: prev.method },
          };
          rescored.push(change);
          byRun[f.run]!.rescored.push(change);
          perRun[f.run]!.rescored++;
          rewrite.push({ id: prev.id, f, foundFrom });
        } else if (fromChanged) refind.push({ id: prev.id, foundFrom });
      } else if (replacesOutright || foundFrom.length === 0) {
        removed.push({
          id: prev.id,
          relation: prev.relation,
          confidence: prev.confidence,
          method: prev.method,
          aId: prev.aId,
          bId: prev.bId,
        });
        byRun[run]!.removed.push({
          id: prev.id,
          relation: prev.relation,
          confidence: prev.confidence,
          method: prev.method,
        });
        perRun[run]!.removed++;
      } else if (fromChanged) refind.push({ id: prev.id, foundFrom });
    }
    // Inserted in pair order: two batches inserting overlapping new pairs then wait for each
    // other in one order instead of deadlocking.
    const fresh = [...found.entries()]
      .filter(([key]) => !known.has(key))
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([, f]) => f);
    for (const f of fresh) perRun[f.run]!.inserted++;

    if (removed.length) {
      await tx.$executeRawUnsafe(
        `DELETE FROM claim_link WHERE id = ANY($1::uuid[])`,
        removed.map((r) => r.id),
      );
    }
    if (refind.length) {
      await tx.$executeRawUnsafe(
        `UPDATE claim_link l SET found_from = u.found_from::uuid[]
           FROM unnest($1::uuid[], $2::text[]) AS u(id, found_from) WHERE l.id = u.id`,
        refind.map((r) => r.id),
        refind.map((r) => `{${r.foundFrom.join(',')}}`),
      );
    }
    if (rewrite.length) {
      await tx.$executeRawUnsafe(
        `UPDATE claim_link l
            SET relation = u.relation::"LinkRelation", confidence = u.confidence, signals = u.signals::jsonb,
                method = $1, updated_at = now(), found_from = u.found_from::uuid[]
           FROM unnest($2::uuid[], $3::text[], $4::float8[], $5::text[], $6::text[])
             AS u(id, relation, confidence, signals, found_from)
          WHERE l.id = u.id`,
        method,
        rewrite.map((r) => r.id),
        rewrite.map((r) => r.f.relation),
        rewrite.map((r) => r.f.confidence),
        rewrite.map((r) => JSON.stringify(r.f.signals)),
        rewrite.map((r) => `{${r.foundFrom.join(',')}}`),
      );
    }
    if (fresh.length) {
      // A concurrent batch of the same workspace may insert the same pair first: then both
      // findings are kept and the newer score wins, as with two runs one after the other.
      await tx.$executeRawUnsafe(
        `INSERT INTO claim_link (id, workspace_id, a_id, b_id, a_source_id, b_source_id, relation, confidence, signals, method, found_from)
         SELECT u.id, $1::uuid, u.a_id, u.b_id, u.a_source_id, u.b_source_id, u.relation::"LinkRelation", u.confidence,
                u.signals::jsonb, $2, u.found_from::uuid[]
           FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::float8[], $10::text[], $11::text[])
             AS u(id, a_id, b_id, a_source_id, b_source_id, relation, confidence, signals, found_from)
         ON CONFLICT (a_id, b_id) DO UPDATE
            SET relation = EXCLUDED.relation, confidence = EXCLUDED.confidence, signals = EXCLUDED.signals,
                method = EXCLUDED.method, updated_at = now(),
                found_from = ARRAY(SELECT DISTINCT unnest(claim_link.found_from || EXCLUDED.found_from))
          WHERE claim_link.origin = 'MACHINE' AND claim_link.status = 'SUGGESTED'`,
        workspaceId,
        method,
        fresh.map(() => randomUUID()),
        fresh.map((f) => f.aId),
        fresh.map((f) => f.bId),
        fresh.map((f) => f.aSourceId),
        fresh.map((f) => f.bSourceId),
        fresh.map((f) => f.relation),
        fresh.map((f) => f.confidence),
        fresh.map((f) => JSON.stringify(f.signals)),
        fresh.map((f) => `{${[...f.finders].sort().join(',')}}`),
      );
    }
    return { perRun, rescored, removed, byRun };
  }

  async findByIds(ids: readonly string[]): Promise<LinkRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawLink[]>(
      `SELECT ${LINK_COLUMNS} FROM claim_link l WHERE l.id = ANY($1::uuid[])`,
      [...ids],
    );
    return rows.map(fromRaw);
  }

  /** Every link of the given claims, either side, strongest first. */
  async forClaims(claimIds: readonly string[]): Promise<LinkRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawLink[]>(
      `SELECT ${LINK_COLUMNS} FROM claim_link l
        WHERE l.a_id = ANY($1::uuid[]) OR l.b_id = ANY($1::uuid[])
        ORDER BY l.confidence DESC, l.id`,
      [...claimIds],
    );
    return rows.map(fromRaw);
  }

  /** Links between the current revisions of two sources. */
  async betweenSources(leftSourceId: string, rightSourceId: string): Promise<LinkRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<RawLink[]>(
      `SELECT ${LINK_COLUMNS} FROM claim_link l
         JOIN claim ca ON ca.id = l.a_id JOIN source sa ON sa.current_revision_id = ca.revision_id
         JOIN claim cb ON cb.id = l.b_id JOIN source sb ON sb.current_revision_id = cb.revision_id
        WHERE (l.a_source_id = $1::uuid AND l.b_source_id = $2::uuid)
           OR (l.a_source_id = $2::uuid AND l.b_source_id = $1::uuid)
        ORDER BY l.confidence DESC, l.id`,
      leftSourceId,
      rightSourceId,
    );
    return rows.map(fromRaw);
  }
}
