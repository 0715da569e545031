/**
 * The clustering SQL and the maintenance around it, on a real PostgreSQL database of this file's
 * own (cloned from the migrated template). Rows are written straight into the tables, so each
 * test states exactly which links exist.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaService, createPool } from '../../../src/database/prisma.service.js';
import { AfterLinkSteps } from '../../../src/linking/jobs/after-link.steps.js';
import { ClusterMaintenanceService } from '../../../src/tracking/cluster-maintenance.service.js';
import { ClusterRepository } from '../../../src/tracking/cluster.repository.js';
import { ClusterInputRepository } from '../../../src/tracking/cluster-input.repository.js';
import { ClusterStatsRepository } from '../../../src/tracking/cluster-stats.repository.js';
import { DerivationRepository } from '../../../src/tracking/derivation.repository.js';
import { DirtyClaimRepository } from '../../../src/tracking/dirty-claim.repository.js';
import { FingerprintRepository } from '../../../src/tracking/fingerprint.repository.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-db.js';
import { makeFacets } from '../../support/facets.js';

const FACETS = makeFacets();

let db: TestDatabase;
let prisma: PrismaService;
let sql: pg.Client;
let dirty: DirtyClaimRepository;
let inputs: ClusterInputRepository;
let service: ClusterMaintenanceService;

function makeService(d: DirtyClaimRepository, i: ClusterInputRepository) {
  return new ClusterMaintenanceService(
    prisma,
    new ClusterRepository(prisma),
    i,
    new ClusterStatsRepository(),
    d,
    new FingerprintRepository(prisma),
    new DerivationRepository(prisma),
    new AfterLinkSteps(),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = new PrismaService(createPool(db.url, 4));
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  dirty = new DirtyClaimRepository(prisma);
  inputs = new ClusterInputRepository();
  service = makeService(dirty, inputs);
});

afterAll(async () => {
  await sql.end();
  await prisma.onModuleDestroy();
  await db.drop();
});

async function workspace(): Promise<string> {
  const id = randomUUID();
  await sql.query(`INSERT INTO workspace (id, name) VALUES ($1, $2)`, [id, `ws ${id}`]);
  return id;
}

/** A source whose current revision holds `sentences`; returns its id and its claims' ids. */
async function source(
  ws: string,
  sentences: string[],
  publishedAt: string | null = null,
): Promise<{ id: string; claims: string[] }> {
  const id = randomUUID();
  const revision = randomUUID();
  const text = sentences.join(' ');
  await sql.query(
    `INSERT INTO source (id, workspace_id, title, published_at) VALUES ($1, $2, $3, $4)`,
    [id, ws, `source ${sentences[0]!.slice(0, 20)}`, publishedAt],
  );
  await sql.query(
    `INSERT INTO source_revision (id, workspace_id, source_id, number, text, content_hash, original_format, original_hash)
     VALUES ($1, $2, $3, 1, $4, $5, 'TEXT', $5)`,
    [revision, ws, id, text, randomUUID()],
  );
  await sql.query(`UPDATE source SET current_revision_id = $1 WHERE id = $2`, [revision, id]);
  const claims: string[] = [];
  let start = 0;
  for (const [i, sentence] of sentences.entries()) {
    const claim = randomUUID();
    await sql.query(
      `INSERT INTO claim (id, workspace_id, source_id, revision_id, sentence_index, start, "end", text,
                          prefix, suffix, checkworthiness, facets, extractor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', '', 0.8, $9, 'test')`,
      [
        claim,
        ws,
        id,
        revision,
        i,
        start,
        start + sentence.length,
        sentence,
        JSON.stringify(FACETS),
      ],
    );
    start += sentence.length + 1;
    claims.push(claim);
  }
  return { id, claims };
}

/** A wire report and, two hours later, a copy that restates each of its facts in order. */
async function wireAndCopy(ws: string, facts: string[]) {
  const wire = await source(
    ws,
    facts.map((f) => `${f}.`),
    '2031-03-01T08:00:00Z',
  );
  const copy = await source(
    ws,
    facts.map((f) => `${f}, our reporter was told.`),
    '2031-03-01T10:00:00Z',
  );
  return { wire, copy };
}

async function link(ws: string, x: string, y: string, confidence = 0.9): Promise<string> {
  const [a, b] = x < y ? [x, y] : [y, x];
  const id = randomUUID();
  await sql.query(
    `INSERT INTO claim_link (id, workspace_id, a_id, b_id, a_source_id, b_source_id, relation, confidence, method)
     SELECT $1, $2, $3, $4, ca.source_id, cb.source_id, 'CORROBORATES', $5, 'test'
       FROM claim ca, claim cb WHERE ca.id = $3 AND cb.id = $4`,
    [id, ws, a, b, confidence],
  );
  return id;
}

/** cluster id -> its member claim ids (sorted), for the workspace. */
async function clusters(ws: string): Promise<Map<string, string[]>> {
  const { rows } = await sql.query<{ cluster_id: string; claim_id: string }>(
    `SELECT cluster_id, claim_id FROM cluster_member WHERE workspace_id = $1 ORDER BY claim_id`,
    [ws],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.cluster_id, [...(out.get(r.cluster_id) ?? []), r.claim_id]);
  return out;
}

const memberSets = (m: Map<string, string[]>) =>
  [...m.values()].map((v) => [...v].sort().join(',')).sort();

describe('cluster maintenance on PostgreSQL', () => {
  let ws: string;
  let s: { id: string; claims: string[] }[];
  let heldTogether: string;

  beforeAll(async () => {
    ws = await workspace();
    s = [];
    for (const n of [1, 2, 3, 4])
      s.push(
        await source(ws, [
          `Three civilians were killed in the border village of Tarsk on Monday (report ${n}).`,
          `The convoy carried medical supplies to the Tarsk valley clinic (report ${n}).`,
        ]),
      );
    await link(ws, s[0]!.claims[0]!, s[1]!.claims[0]!);
    heldTogether = await link(ws, s[1]!.claims[0]!, s[2]!.claims[0]!);
    await link(ws, s[2]!.claims[0]!, s[3]!.claims[0]!);
    await link(ws, s[0]!.claims[1]!, s[1]!.claims[1]!);
  });

  it('assigns linked statements to clusters, with statistics', async () => {
    expect(await dirty.hasDirty(ws)).toBe(true);
    const r = await service.refresh(ws);
    expect(r).toMatchObject({ seeds: 6, clusters: 2, retries: 0 });
    const k = await clusters(ws);
    expect(memberSets(k)).toEqual(
      [
        s
          .map((x) => x.claims[0]!)
          .sort()
          .join(','),
        [s[0]!.claims[1]!, s[1]!.claims[1]!].sort().join(','),
      ].sort(),
    );
    const { rows } = await sql.query<{ member_count: number; independent_support_count: number }>(
      `SELECT member_count, independent_support_count FROM claim_cluster WHERE workspace_id = $1
        ORDER BY member_count DESC`,
      [ws],
    );
    expect(rows).toEqual([
      { member_count: 4, independent_support_count: 4 },
      { member_count: 2, independent_support_count: 2 },
    ]);
    expect(await dirty.hasDirty(ws)).toBe(false);
  });

  it('changes nothing when run again', async () => {
    const before = await clusters(ws);
    const stamps = await sql.query(
      `SELECT id, updated_at FROM claim_cluster WHERE workspace_id = $1 ORDER BY id`,
      [ws],
    );
    const r = await service.refresh(ws);
    expect(r).toMatchObject({ seeds: 0, clusters: 0, statsRefreshed: 0 });
    expect(await clusters(ws)).toEqual(before);
    const after = await sql.query(
      `SELECT id, updated_at FROM claim_cluster WHERE workspace_id = $1 ORDER BY id`,
      [ws],
    );
    expect(after.rows).toEqual(stamps.rows);
  });

  it('rebuilds the same clusters, with the same ids, when every statement is dirty', async () => {
    const before = await clusters(ws);
    await sql.query(
      `INSERT INTO tracking_dirty_claim (workspace_id, claim_id) SELECT workspace_id, id FROM claim WHERE workspace_id = $1`,
      [ws],
    );
    const r = await service.refresh(ws);
    expect(r.seeds).toBe(8);
    expect(await clusters(ws)).toEqual(before);
  });

  it('splits a cluster when a reviewer rejects the link that held it together (via the dirty queue)', async () => {
    const before = await clusters(ws);
    const bigId = [...before].find(([, m]) => m.length === 4)![0];
    await sql.query(`UPDATE claim_link SET status = 'REJECTED' WHERE id = $1`, [heldTogether]);
    expect(await dirty.hasDirty(ws)).toBe(true);
    const r = await service.refresh(ws);
    expect(r.seeds).toBe(2);
    const after = await clusters(ws);
    expect(memberSets(after)).toEqual(
      [
        [s[0]!.claims[0]!, s[1]!.claims[0]!].sort().join(','),
        [s[2]!.claims[0]!, s[3]!.claims[0]!].sort().join(','),
        [s[0]!.claims[1]!, s[1]!.claims[1]!].sort().join(','),
      ].sort(),
    );
    // One half keeps the old cluster's id; the untouched cluster keeps its own.
    expect(after.has(bigId)).toBe(true);
    for (const [id, members] of before)
      if (members.length === 2) expect(after.get(id)).toEqual(members);
  });

  it('recomputes when another writer changed the clusters between its reads and its write', async () => {
    // A writer that bumps the version right after this maintainer has read it, once.
    let raced = false;
    class RacingDirty extends DirtyClaimRepository {
      override async peek(workspaceId: string, limit: number) {
        if (!raced) {
          raced = true;
          await sql.query(
            `UPDATE tracking_state SET version = version + 1 WHERE workspace_id = $1`,
            [workspaceId],
          );
        }
        return super.peek(workspaceId, limit);
      }
    }
    const racing = makeService(new RacingDirty(prisma), inputs);
    await sql.query(`UPDATE claim_link SET status = 'SUGGESTED' WHERE id = $1`, [heldTogether]);
    const r = await racing.refresh(ws);
    expect(raced).toBe(true);
    expect(r.retries).toBe(1);
    expect(memberSets(await clusters(ws))).toContain(
      s
        .map((x) => x.claims[0]!)
        .sort()
        .join(','),
    );
  });

  it('keeps no transaction open while it computes', async () => {
    const seen: string[] = [];
    class Watching extends ClusterInputRepository {
      override async trackedClaims(...args: Parameters<ClusterInputRepository['trackedClaims']>) {
        const { rows } = await sql.query<{ state: string }>(
          `SELECT state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        seen.push(...rows.map((x) => x.state));
        return super.trackedClaims(...args);
      }
    }
    const watched = makeService(dirty, new Watching());
    await sql.query(`UPDATE claim_link SET status = 'REJECTED' WHERE id = $1`, [heldTogether]);
    await watched.refresh(ws);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((x) => x.startsWith('idle in transaction'))).toEqual([]);
  });
});

describe('the dirty queue and the write guard', () => {
  it('removes only the marks it read: a statement marked again meanwhile stays dirty', async () => {
    const ws = await workspace();
    const a = await source(ws, ['The dam at Korlu was opened on Friday night.']);
    const b = await source(ws, ['The Korlu dam was opened on Friday night.']);
    const id = await link(ws, a.claims[0]!, b.claims[0]!);
    const marks = await dirty.peek(ws, 10);
    expect(marks.map((m) => m.claimId).sort()).toEqual([a.claims[0]!, b.claims[0]!].sort());
    await sql.query(`UPDATE claim_link SET confidence = 0.5 WHERE id = $1`, [id]);
    const removed = await prisma.$transaction((tx) => dirty.remove(tx, ws, marks));
    expect(removed).toBe(0);
    expect(await dirty.hasDirty(ws)).toBe(true);
    const fresh = await dirty.peek(ws, 10);
    expect(await prisma.$transaction((tx) => dirty.remove(tx, ws, fresh))).toBe(2);
    expect(await dirty.hasDirty(ws)).toBe(false);
  });

  it('lets a write through only at the version it read, and bumps it', async () => {
    const ws = await workspace();
    expect(await dirty.version(ws)).toBe(0n);
    expect(await prisma.$transaction((tx) => dirty.claimWrite(tx, ws, 0n))).toBe(true);
    expect(await dirty.version(ws)).toBe(1n);
    expect(await prisma.$transaction((tx) => dirty.claimWrite(tx, ws, 0n))).toBe(false);
    expect(await dirty.version(ws)).toBe(1n);
  });
});

describe('exact copies', () => {
  it("counts two publishers' identical texts as one source, however short", async () => {
    const ws = await workspace();
    const text = ['The Korlu dam was opened at midnight on Friday, flooding two farms.'];
    const a = await source(ws, text, '2031-03-01T08:00:00Z');
    const b = await source(ws, text, '2031-03-01T09:00:00Z');
    await link(ws, a.claims[0]!, b.claims[0]!);
    await service.afterLink([a.id, b.id]);
    const dep = await sql.query(
      `SELECT kind, copy_id, similarity FROM source_dependency WHERE workspace_id = $1`,
      [ws],
    );
    expect(dep.rows).toEqual([{ kind: 'SYNDICATED', copy_id: b.id, similarity: 1 }]);
    const k = await sql.query(
      `SELECT support_count, independent_support_count, dependent_groups FROM claim_cluster WHERE workspace_id = $1`,
      [ws],
    );
    expect(k.rows).toHaveLength(1);
    expect(k.rows[0]).toMatchObject({ support_count: 2, independent_support_count: 1 });
    expect(k.rows[0].dependent_groups[0].kinds).toEqual(['SYNDICATED']);
  });
});

describe('derived copies', () => {
  it('stores a derived pair after linking, counts the copy as dependent, and drops it when reviewers reject the links', async () => {
    const ws = await workspace();
    const facts = [
      'The Orsk ferry sank at 6 am with 212 people aboard',
      'Coastguard boats rescued 180 passengers by noon',
      'Fourteen people are still missing, the port authority said',
      'The captain was detained for questioning on Sunday',
    ];
    const { wire, copy } = await wireAndCopy(ws, facts);
    const links = [];
    for (const i of [0, 1, 2, 3]) links.push(await link(ws, wire.claims[i]!, copy.claims[i]!));
    const [r] = await service.afterLink([copy.id]);
    expect(r!.derivationChanged).toBe(2);
    const dep = await sql.query(
      `SELECT kind, copy_id, evidence FROM source_dependency WHERE workspace_id = $1`,
      [ws],
    );
    expect(dep.rows).toEqual([
      {
        kind: 'DERIVED',
        copy_id: copy.id,
        evidence: expect.stringMatching(
          /^derived copy: 4 of 4 statements of .* follow .* in order, published later$/,
        ),
      },
    ]);
    const counts = await sql.query(
      `SELECT support_count, independent_support_count, dependent_groups FROM claim_cluster WHERE workspace_id = $1`,
      [ws],
    );
    expect(counts.rows).toHaveLength(4);
    for (const row of counts.rows) {
      expect(row).toMatchObject({ support_count: 2, independent_support_count: 1 });
      expect(row.dependent_groups[0].kinds).toEqual(['DERIVED']);
    }
    // The single-source call still works and changes nothing the second time.
    expect(await service.afterSourceLinked(copy.id)).toMatchObject({ derivationChanged: 0 });

    for (const id of links.slice(1))
      await sql.query(`UPDATE claim_link SET status = 'REJECTED' WHERE id = $1`, [id]);
    await service.refresh(ws);
    const left = await sql.query(`SELECT 1 FROM source_dependency WHERE workspace_id = $1`, [ws]);
    expect(left.rowCount).toBe(0);
    const still = await sql.query(
      `SELECT independent_support_count FROM claim_cluster WHERE workspace_id = $1`,
      [ws],
    );
    expect(still.rows).toEqual([{ independent_support_count: 2 }]);
  });
});

describe('maintenance deferred during a bulk load', () => {
  async function counts(ws: string) {
    const r = await sql.query<{ support_count: number; independent_support_count: number }>(
      `SELECT support_count, independent_support_count FROM claim_cluster WHERE workspace_id = $1
        ORDER BY id`,
      [ws],
    );
    return r.rows.map((x) => [x.support_count, x.independent_support_count]);
  }

  it('leaves re-clustering on the dirty queue while a backlog remains; the draining run ends where an undeferred one would', async () => {
    const facts = [
      'The Orsk ferry sank at 6 am with 212 people aboard',
      'Coastguard boats rescued 180 passengers by noon',
      'Fourteen people are still missing, the port authority said',
    ];
    const build = async () => {
      const ws = await workspace();
      const { wire, copy } = await wireAndCopy(ws, facts);
      for (const i of [0, 1, 2]) await link(ws, wire.claims[i]!, copy.claims[i]!);
      return { ws, wire, copy };
    };

    const eager = await build();
    await service.afterLink([eager.wire.id, eager.copy.id]);

    const deferred = await build();
    expect(
      await service.afterLink([deferred.wire.id, deferred.copy.id], { deferClusters: true }),
    ).toEqual([]);
    expect((await clusters(deferred.ws)).size).toBe(0);
    expect(await dirty.hasDirty(deferred.ws)).toBe(true);
    // Fingerprints and copy detection are per source and still done at once.
    const dep = await sql.query(`SELECT kind FROM source_dependency WHERE workspace_id = $1`, [
      deferred.ws,
    ]);
    expect(dep.rows).toEqual([{ kind: 'DERIVED' }]);

    await service.refresh(deferred.ws);
    expect(await dirty.hasDirty(deferred.ws)).toBe(false);
    expect(memberSets(await clusters(deferred.ws)).length).toBe(3);
    expect(await counts(deferred.ws)).toEqual(await counts(eager.ws));
    expect(await counts(deferred.ws)).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
  });

  it("takes a new revision's retired statements out of their clusters when the backlog drains", async () => {
    const ws = await workspace();
    const a = await source(ws, ['The Korlu dam was opened at midnight on Friday.']);
    const b = await source(ws, ['Officials opened the Korlu dam at midnight on Friday.']);
    await link(ws, a.claims[0]!, b.claims[0]!);
    await service.afterLink([a.id, b.id]);
    expect(memberSets(await clusters(ws))).toEqual([[a.claims[0], b.claims[0]].sort().join(',')]);

    // A new revision of b says something else; its old statement keeps its link row but is
    // no longer current.
    const revision = randomUUID();
    const text = 'Heavy rain closed three schools in the capital on Monday.';
    await sql.query(
      `INSERT INTO source_revision (id, workspace_id, source_id, number, text, content_hash, original_format, original_hash)
       VALUES ($1, $2, $3, 2, $4, $5, 'TEXT', $5)`,
      [revision, ws, b.id, text, randomUUID()],
    );
    await sql.query(`UPDATE source SET current_revision_id = $1 WHERE id = $2`, [revision, b.id]);
    await sql.query(
      `INSERT INTO claim (id, workspace_id, source_id, revision_id, sentence_index, start, "end", text,
                          prefix, suffix, checkworthiness, facets, extractor)
       VALUES ($1, $2, $3, $4, 0, 0, $5, $6, '', '', 0.8, $7, 'test')`,
      [randomUUID(), ws, b.id, revision, text.length, text, JSON.stringify(FACETS)],
    );

    await service.afterLink([b.id], { deferClusters: true });
    expect(memberSets(await clusters(ws))).toHaveLength(1);
    await service.refresh(ws);
    expect(memberSets(await clusters(ws))).toEqual([]);
  });
});
