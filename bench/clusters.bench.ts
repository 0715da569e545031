/**
 * `npm run bench:clusters`: claim clusters and coverage on a synthetic 100,000-claim workspace.
 *
 * The workspace is written straight into the tables (2,000 sources x 50 statements, 40
 * publishers, 20,000 propositions each stated by 5 sources, rival propositions paired by a
 * differing figure, 90,000 links), because the figures measured here are tracking's, not the
 * linker's. Then: the initial full build (every statement dirty), list and coverage query
 * latency, and the incremental update after one more source is linked.
 */
import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { PrismaService } from '../src/database/prisma.service.js';
import { ClusterMaintenanceService } from '../src/tracking/cluster-maintenance.service.js';
import { TrackingService } from '../src/tracking/tracking.service.js';
import type { ClusterOrder } from '../src/tracking/cluster.repository.js';
import {
  boot,
  dropDatabase,
  freshDatabase,
  load,
  log,
  machine,
  positiveInt,
  saveResults,
  serverVersion,
  summary,
} from './harness.js';

const DB = 'claimtrace_bench_clusters';
const PER_SOURCE = 50;
const STATED_BY = 5;

const program = new Command()
  .option('--claims <n>', 'statements in the workspace', positiveInt('--claims'), 100_000)
  .option('--runs <n>', 'timed runs per query', positiveInt('--runs'), 40)
  .option('--keep', 'keep the database afterwards')
  .parse();
const opts = program.opts<{ claims: number; runs: number; keep?: boolean }>();

const facets = (counted: string, value: number) =>
  JSON.stringify({
    dates: [],
    durations: [],
    quantities: [
      { text: String(value), value, unit: null, counted, event: 'kill', approx: 'exact' },
    ],
    actors: [],
    negations: [],
    attribution: null,
    hedges: [],
    question: false,
  });

async function seed(prisma: PrismaService, workspaceId: string, claims: number) {
  const sources = Math.ceil(claims / PER_SOURCE);
  const propositions = Math.floor(claims / STATED_BY);
  await prisma.$executeRawUnsafe(
    `INSERT INTO workspace (id, name) VALUES ($1::uuid, 'bench')`,
    workspaceId,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO publisher (id, workspace_id, name, normalized_name)
     SELECT md5('p' || i)::uuid, $1::uuid, 'Publisher ' || i, 'publisher ' || i FROM generate_series(0, 39) i`,
    workspaceId,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO source (id, workspace_id, publisher_id, url, title, published_at, linking_status)
     SELECT md5('s' || s)::uuid, $1::uuid, md5('p' || (s % 40))::uuid, 'https://bench.example/' || s,
            'Source ' || s, timestamptz '2031-09-01' + s * interval '1 minute', 'DONE'
       FROM generate_series(0, $2::int - 1) s`,
    workspaceId,
    sources,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO source_revision (id, workspace_id, source_id, number, text, content_hash, original_format, original_hash)
     SELECT md5('r' || s)::uuid, $1::uuid, md5('s' || s)::uuid, 1, 'bench source ' || s, md5('r' || s), 'TEXT', md5('r' || s)
       FROM generate_series(0, $2::int - 1) s`,
    workspaceId,
    sources,
  );
  await prisma.$executeRawUnsafe(
    `UPDATE source s SET current_revision_id = r.id FROM source_revision r
      WHERE r.source_id = s.id AND s.workspace_id = $1::uuid`,
    workspaceId,
  );
  // Statement g states proposition g % propositions; rival propositions 2q and 2q+1 count the
  // same thing with different values.
  await prisma.$executeRawUnsafe(
    `INSERT INTO claim (id, workspace_id, source_id, revision_id, sentence_index, start, "end", text, prefix, suffix,
                        checkworthiness, facets, extractor, facet_keys)
     SELECT md5('c' || g)::uuid, $1::uuid, md5('s' || (g / ${PER_SOURCE}))::uuid, md5('r' || (g / ${PER_SOURCE}))::uuid,
            g % ${PER_SOURCE}, 0, 40,
            'Officials reported that item' || (g % $3::int) || ' affected district' || ((g % $3::int) % 97) || ' near alpha' || (g % $3::int),
            '', '', 0.8,
            replace(replace($4::text, 'COUNTED', 'thing' || ((g % $3::int) / 2)), '999', (10 + (g % $3::int) % 2)::text)::jsonb,
            'bench', ARRAY['count:thing' || ((g % $3::int) / 2)]
       FROM generate_series(0, $2::int - 1) g`,
    workspaceId,
    claims,
    propositions,
    facets('COUNTED', 999),
  );
  // Each proposition's statements in a chain of CORROBORATES; rivals joined by one CONTRADICTS.
  await prisma.$executeRawUnsafe(
    `INSERT INTO claim_link (id, workspace_id, a_id, b_id, a_source_id, b_source_id, relation, confidence, method)
     SELECT gen_random_uuid(), $1::uuid, LEAST(x.a, x.b), GREATEST(x.a, x.b),
            CASE WHEN x.a < x.b THEN x.sa ELSE x.sb END, CASE WHEN x.a < x.b THEN x.sb ELSE x.sa END,
            x.rel::"LinkRelation", 0.8, 'bench'
       FROM (
         SELECT md5('c' || g)::uuid AS a, md5('c' || (g + $3::int))::uuid AS b,
                md5('s' || (g / ${PER_SOURCE}))::uuid AS sa, md5('s' || ((g + $3::int) / ${PER_SOURCE}))::uuid AS sb,
                'CORROBORATES' AS rel
           FROM generate_series(0, $2::int - $3::int - 1) g
         UNION ALL
         SELECT md5('c' || g)::uuid, md5('c' || (g + 1 + $3::int))::uuid,
                md5('s' || (g / ${PER_SOURCE}))::uuid, md5('s' || ((g + 1 + $3::int) / ${PER_SOURCE}))::uuid, 'CONTRADICTS'
           FROM generate_series(0, $3::int - 2, 2) g
       ) x`,
    workspaceId,
    claims,
    propositions,
  );
  await prisma.$executeRawUnsafe(`ANALYZE`);
  return { sources, propositions };
}

/** One more source whose statements restate existing propositions, linked like the linker would. */
async function addSource(
  prisma: PrismaService,
  workspaceId: string,
  n: number,
  propositions: number,
) {
  const sourceId = randomUUID();
  const revisionId = randomUUID();
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO source (id, workspace_id, publisher_id, url, title, published_at, linking_status)
       VALUES ($1::uuid, $2::uuid, md5('p' || ($3::int % 40))::uuid, 'https://bench.example/new/' || $1::text, 'New ' || $3::int, now(), 'RUNNING')`,
      sourceId,
      workspaceId,
      n,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO source_revision (id, workspace_id, source_id, number, text, content_hash, original_format, original_hash)
       VALUES ($1::uuid, $2::uuid, $3::uuid, 1, 'new source ' || $3::text, md5($3::text), 'TEXT', md5($3::text))`,
      revisionId,
      workspaceId,
      sourceId,
    );
    await tx.$executeRawUnsafe(
      `UPDATE source SET current_revision_id = $1::uuid WHERE id = $2::uuid`,
      revisionId,
      sourceId,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO claim (id, workspace_id, source_id, revision_id, sentence_index, start, "end", text, prefix, suffix,
                          checkworthiness, facets, extractor, facet_keys)
       SELECT md5($3::text || k)::uuid, $1::uuid, $3::uuid, $2::uuid, k, 0, 40,
              'Officials reported that item' || p || ' affected district' || (p % 97) || ' near alpha' || p, '', '', 0.8,
              replace(replace($5::text, 'COUNTED', 'thing' || (p / 2)), '999', (10 + p % 2)::text)::jsonb, 'bench',
              ARRAY['count:thing' || (p / 2)]
         FROM generate_series(0, ${PER_SOURCE - 1}) k, LATERAL (SELECT (k * 397 + $4::int * 7919) % $6::int AS p) q`,
      workspaceId,
      revisionId,
      sourceId,
      n,
      facets('COUNTED', 999),
      propositions,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO claim_link (id, workspace_id, a_id, b_id, a_source_id, b_source_id, relation, confidence, method)
       SELECT gen_random_uuid(), $1::uuid, LEAST(c.id, o.id), GREATEST(c.id, o.id),
              CASE WHEN c.id < o.id THEN c.source_id ELSE o.source_id END,
              CASE WHEN c.id < o.id THEN o.source_id ELSE c.source_id END, 'CORROBORATES', 0.8, 'bench'
         FROM claim c JOIN claim o ON o.id = md5('c' || substr(c.text, 29, strpos(substr(c.text, 29), ' ') - 1))::uuid
        WHERE c.source_id = $2::uuid`,
      workspaceId,
      sourceId,
    );
  });
  return sourceId;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

async function main() {
  const pgVersion = await serverVersion();
  const url = await freshDatabase(DB);
  const booted = await boot(url);
  try {
    const prisma = booted.app.get(PrismaService);
    const maintenance = booted.app.get(ClusterMaintenanceService);
    const tracking = booted.app.get(TrackingService);
    const workspaceId = randomUUID();
    log(`seeding ${opts.claims} statements (load ${load()})`);
    const [seedMs, shape] = await time(() => seed(prisma, workspaceId, opts.claims));
    log(`seeded in ${Math.round(seedMs)} ms; full build (every statement dirty)`);
    const [buildMs, build] = await time(() => maintenance.refresh(workspaceId));
    // What autovacuum does after a backfill: the drained queue and replaced clusters leave dead rows.
    await prisma.$executeRawUnsafe(`VACUUM ANALYZE`);
    log(`built ${build.reclustered} statements in ${Math.round(buildMs)} ms`);

    const queries: Record<string, number[]> = {};
    const run = async (name: string, fn: () => Promise<unknown>) => {
      await fn(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < opts.runs; i++) times.push((await time(fn))[0]);
      queries[name] = times;
      log(`${name}: ${JSON.stringify(summary(times))}`);
    };
    for (const order of ['CONTESTEDNESS', 'SUPPORT', 'RECENCY'] as ClusterOrder[]) {
      await run(`claimClusters ${order} first 20`, () =>
        tracking.list(workspaceId, order, 20, null),
      );
    }
    const first = await tracking.list(workspaceId, 'CONTESTEDNESS', 20, null);
    const third = await tracking.list(workspaceId, 'CONTESTEDNESS', 20, first.pageInfo.endCursor);
    await run('claimClusters page 3', () =>
      tracking.list(workspaceId, 'CONTESTEDNESS', 20, third.pageInfo.endCursor),
    );
    await run('coverage 50 most contested x 40 publishers', () =>
      tracking.coverage(workspaceId, null, null, 50),
    );

    const updates: number[] = [];
    const details: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      const sourceId = await addSource(prisma, workspaceId, i, shape.propositions);
      const [ms, r] = await time(() => maintenance.afterSourceLinked(sourceId));
      updates.push(ms);
      details.push(r);
    }
    log(`incremental update after one source: ${JSON.stringify(summary(updates))}`);
    const clusters = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM claim_cluster WHERE workspace_id = $1::uuid`,
      workspaceId,
    );
    const result = {
      machine: machine(pgVersion),
      load: load(),
      claims: opts.claims,
      sources: shape.sources,
      clusters: Number(clusters[0]?.n ?? 0),
      fullBuildMs: Math.round(buildMs),
      queries: Object.fromEntries(Object.entries(queries).map(([k, v]) => [k, summary(v)])),
      incrementalUpdateMs: summary(updates),
      incrementalDetails: details,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    log(`results: ${saveResults('clusters', result)}`);
  } finally {
    await booted.close();
    if (!opts.keep) await dropDatabase(DB);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:clusters failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
