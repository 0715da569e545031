/**
 * npm run bench:link -- [--quick] [--probes N] [--skip-fnc] [--explain] [--keep]
 *
 * 1. FNC-1 training split, end to end: every body and every distinct headline ingested into one
 *    workspace, then every source linked (LinkingService.linkSource, --link-concurrency callers);
 *    wall time and peak RSS. Runs first so the process's peak RSS is this phase's own.
 * 2. Synthetic workspaces of ~10,000 and ~100,000 claims (ingested with linking off), and at each
 *    size --probes new 30-claim sources linked one at a time: ms per source, split into
 *    statements / candidate retrieval / classification / write. The split is measured from
 *    outside by wrapping the repository's and classifier's methods on their instances; the
 *    service code is unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { SYSTEM_ACTOR } from '../common/actor.js';
import { cliActor } from '../cli/context.js';
import { PrismaService } from '../database/prisma.service.js';
import { LinkingService } from '../linking/linking.service.js';
import { normalizePublisherName } from '../sources/ingest/publisher-name.js';
import type { IngestInputLike } from '../sources/ingest/prepare-ingest.js';
import { SourceService } from '../sources/source.service.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import { article } from './articles.js';
import {
  boot,
  CpuMeter,
  dropDatabase,
  freshDatabase,
  load,
  log,
  machine,
  peakRssMiB,
  positiveInt,
  round,
  rssMiB,
  saveResults,
  serverVersion,
  summary,
  type Booted,
} from './harness.js';

const program = new Command()
  .name('npm run bench:link --')
  .description('Linking cost per source at two workspace sizes, and FNC-1 end to end')
  .option('--small <n>', 'claims in the first workspace', positiveInt('--small'))
  .option('--large <n>', 'claims in the second workspace', positiveInt('--large'))
  .option('--probes <n>', 'new sources linked and timed at each size', positiveInt('--probes'))
  .option('--sentences <n>', 'claims per probe source', positiveInt('--sentences'), 30)
  .option(
    '--link-concurrency <n>',
    'concurrent linkSource callers (FNC)',
    positiveInt('--link-concurrency'),
    2,
  )
  .option('--fnc-dir <dir>', 'FNC-1 CSVs', '/work/shared/datasets/fnc-1-train')
  .option(
    '--fnc-limit <n>',
    'only the first N bodies (and their headlines)',
    positiveInt('--fnc-limit'),
  )
  .option('--skip-fnc', 'skip the FNC-1 end-to-end run')
  .option('--skip-synthetic', 'skip the synthetic workspaces')
  .option(
    '--explain',
    'print EXPLAIN (ANALYZE, BUFFERS) of the candidate query of one probe per size',
  )
  .option('--seed <n>', 'article generator seed', positiveInt('--seed'), 1)
  .option('--database <name>', 'database for the synthetic workspaces', 'claimtrace_bench_link')
  .option('--fnc-database <name>', 'database for FNC-1', 'claimtrace_bench_fnc')
  .option('--keep', 'keep the databases afterwards')
  .option('--quick', 'smoke run (<1 min): 2,000 / 10,000 claims, 5 probes, 5 FNC bodies')
  .parse();

const opts = program.opts<{
  small?: number;
  large?: number;
  probes?: number;
  sentences: number;
  linkConcurrency: number;
  fncDir: string;
  fncLimit?: number;
  skipFnc?: boolean;
  skipSynthetic?: boolean;
  explain?: boolean;
  seed: number;
  database: string;
  fncDatabase: string;
  keep?: boolean;
  quick?: boolean;
}>();
const smallClaims = opts.small ?? (opts.quick ? 2_000 : 10_000);
const largeClaims = opts.large ?? (opts.quick ? 10_000 : 100_000);
const probes = opts.probes ?? (opts.quick ? 5 : 30);
// Headlines are spread over many bodies: 5 bodies already bring ~150 headlines.
const fncLimit = opts.fncLimit ?? (opts.quick ? 5 : undefined);
const WARMUP_PROBES = 2;
const actor = cliActor();

/** Ingests `inputs` in batches of 50 with two callers (the service's bulk path). */
async function ingestAll(service: SourceService, inputs: IngestInputLike[]) {
  let next = 0;
  const ids: string[] = [];
  let claims = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const batch = inputs.slice(next, next + 50);
      next += batch.length;
      // Same lock order for concurrent publisher upserts (see ingest.bench.ts); the synthetic
      // inputs also come from disjoint outlets per batch parity, so batches rarely wait at all.
      batch.sort((a, b) =>
        normalizePublisherName(a.publisher ?? '') < normalizePublisherName(b.publisher ?? '')
          ? -1
          : 1,
      );
      for (const r of await service.ingest(batch, actor)) {
        if (r.outcome !== 'UNCHANGED') ids.push(r.sourceId);
        claims += r.claimCount;
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return { ids, claims };
}

/** Peak RSS while `fn` runs, sampled (the kernel's high-water mark cannot be reset). */
async function sampledPeak<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMiB: number }> {
  let peak = rssMiB();
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB())), 100);
  try {
    const value = await fn();
    return { value, peakRssMiB: Math.max(peak, rssMiB()) };
  } finally {
    clearInterval(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// FNC-1 end to end

async function fnc() {
  const bodies = parse(readFileSync(join(opts.fncDir, 'train_bodies.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as { 'Body ID': string; articleBody: string }[];
  const stances = parse(readFileSync(join(opts.fncDir, 'train_stances.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as { Headline: string; 'Body ID': string; Stance: string }[];
  const used = fncLimit ? bodies.slice(0, fncLimit) : bodies;
  const usedIds = new Set(used.map((b) => b['Body ID']));
  const headlines = [
    ...new Set(stances.filter((s) => usedIds.has(s['Body ID'])).map((s) => s.Headline.trim())),
  ].filter(Boolean);
  log(`FNC-1: ${used.length} bodies, ${headlines.length} distinct headlines`);

  const url = await freshDatabase(opts.fncDatabase);
  const booted = await boot(url);
  try {
    const { app } = booted;
    const workspace = await app.get(WorkspaceService).create('fnc-1-train');
    const inputs: IngestInputLike[] = [
      ...used
        .filter((b) => b.articleBody.trim())
        .map((b) => ({
          workspaceId: workspace.id,
          text: b.articleBody,
          url: `https://fnc-1.example/body/${b['Body ID']}`,
        })),
      ...headlines.map((h, i) => ({
        workspaceId: workspace.id,
        text: h,
        title: h,
        url: `https://fnc-1.example/headline/${i}`,
      })),
    ];
    const loadBefore = load();
    const t0 = performance.now();
    const ingested = await sampledPeak(() => ingestAll(app.get(SourceService), inputs));
    const ingestS = (performance.now() - t0) / 1000;
    log(
      `FNC-1 ingested: ${ingested.value.ids.length} sources, ${ingested.value.claims} claims in ${round(ingestS)} s`,
    );

    const linking = app.get(LinkingService);
    const ids = ingested.value.ids;
    let next = 0;
    let pairs = 0;
    let links = 0;
    const perSource: number[] = [];
    const t1 = performance.now();
    const linked = await sampledPeak(async () => {
      const worker = async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          const s = performance.now();
          const r = await linking.linkSource(id, SYSTEM_ACTOR);
          perSource.push(performance.now() - s);
          pairs += r?.pairs ?? 0;
          links += r?.links ?? 0;
          if (next % 500 === 0) log(`FNC-1 linked ${next}/${ids.length}, load ${load()}`);
        }
      };
      await Promise.all(Array.from({ length: opts.linkConcurrency }, worker));
    });
    const linkS = (performance.now() - t1) / 1000;
    const counts = await app
      .get(PrismaService)
      .$queryRawUnsafe<{ links: bigint; claims: bigint }[]>(
        `SELECT (SELECT count(*) FROM claim_link) AS links, (SELECT count(*) FROM claim) AS claims`,
      );
    const result = {
      bodies: used.length,
      headlines: headlines.length,
      sources: ids.length,
      claims: Number(counts[0]!.claims),
      pairsClassified: pairs,
      linksFound: links,
      linksStored: Number(counts[0]!.links),
      ingestS: round(ingestS),
      linkS: round(linkS),
      totalS: round(ingestS + linkS),
      linkConcurrency: opts.linkConcurrency,
      linkMsPerSource: summary(perSource),
      peakRssMiB: { ingest: ingested.peakRssMiB, link: linked.peakRssMiB, process: peakRssMiB() },
      load: { before: loadBefore, after: load() },
    };
    log(
      `FNC-1 linked in ${result.linkS} s (${pairs} pairs, ${result.linksStored} links); total ${result.totalS} s, peak RSS ${result.peakRssMiB.process} MiB`,
    );
    return result;
  } finally {
    await booted.close();
    if (!opts.keep) await dropDatabase(opts.fncDatabase);
  }
}

// ---------------------------------------------------------------------------------------------
// Synthetic workspaces

function explainNextCandidateQuery(prisma: PrismaService) {
  const original = prisma.$queryRawUnsafe.bind(prisma);
  let armed = true;
  (prisma as { $queryRawUnsafe: unknown }).$queryRawUnsafe = async (
    sql: string,
    ...params: unknown[]
  ) => {
    if (armed && sql.trimStart().startsWith('WITH q AS')) {
      armed = false;
      const plan = await original<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        ...params,
      );
      process.stderr.write(`${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
    }
    return original(sql, ...params);
  };
  return () => ((prisma as { $queryRawUnsafe: unknown }).$queryRawUnsafe = original);
}

async function synthetic() {
  const url = await freshDatabase(opts.database);
  const booted: Booted = await boot(url);
  try {
    const { app } = booted;
    const service = app.get(SourceService);
    const linking = app.get(LinkingService);
    const prisma = app.get(PrismaService);
    const meter = CpuMeter.for(app, opts.database);
    const workspace = await app.get(WorkspaceService).create('bench-link');
    // ~34 claims per generated article; about six articles per story in the large workspace.
    const stories = Math.ceil(largeClaims / 34 / 6);

    let nextArticle = 0;
    let claims = 0;
    let nextProbe = 0;
    const sizes = [];
    for (const target of [smallClaims, largeClaims]) {
      const t0 = performance.now();
      while (claims < target) {
        const n = Math.max(50, Math.min(500, Math.ceil((target - claims) / 34)));
        const inputs = Array.from({ length: n }, (_, i) => ({
          ...article(opts.seed, nextArticle + i, stories, {
            outlets: { part: Math.floor(i / 50) % 2, parts: 2 },
          }),
          workspaceId: workspace.id,
        }));
        nextArticle += n;
        claims += (await ingestAll(service, inputs)).claims;
      }
      log(
        `workspace: ${claims} claims (${nextArticle} articles) built in ${round((performance.now() - t0) / 1000)} s`,
      );
      // Fresh statistics, as autovacuum would have by then in a workspace that grew over days.
      await prisma.$executeRawUnsafe('ANALYZE');

      const rows: {
        totalMs: number;
        statementsMs: number;
        candidatesMs: number;
        classifyMs: number;
        writeMs: number;
        pairs: number;
        links: number;
        claims: number;
      }[] = [];
      let cpuBefore = await meter.snapshot();
      const loadBefore = load();
      for (let p = 0; p < probes + WARMUP_PROBES; p++) {
        if (p === WARMUP_PROBES) cpuBefore = await meter.snapshot();
        // Probes are new articles about the workspace's stories, so they do have candidates.
        const input = {
          ...article(opts.seed, 50_000_000 + nextProbe++, stories, { sentences: opts.sentences }),
          workspaceId: workspace.id,
        };
        const [written] = await service.ingest([input], actor);
        // EXPLAIN runs on the last warm-up probe, so it doubles nothing that is timed.
        const restore =
          opts.explain && p === WARMUP_PROBES - 1 ? explainNextCandidateQuery(prisma) : null;
        const t = performance.now();
        const batch = await linking.linkBatch(
          workspace.id,
          [{ sourceId: written!.sourceId, revisionId: written!.revisionId }],
          SYSTEM_ACTOR,
        );
        const totalMs = performance.now() - t;
        restore?.();
        if (p < WARMUP_PROBES) continue;
        rows.push({
          totalMs,
          statementsMs: batch.phases.statements,
          candidatesMs: batch.phases.candidates,
          classifyMs: batch.phases.classification,
          writeMs: batch.phases.writes,
          pairs: batch.pairs,
          links: batch.runs[0]?.links ?? 0,
          claims: written!.claimCount,
        });
      }
      const cpu = CpuMeter.delta(cpuBefore, await meter.snapshot());
      const count = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM claim WHERE workspace_id = $1::uuid`,
        workspace.id,
      );
      // CPU includes the probes' own ingest; it is small next to linking and the same at both sizes.
      const size = {
        workspaceClaims: Number(count[0]!.n),
        probes: rows.length,
        claimsPerProbe: round(rows.reduce((s, r) => s + r.claims, 0) / rows.length),
        pairsPerProbe: round(rows.reduce((s, r) => s + r.pairs, 0) / rows.length),
        linksPerProbe: round(rows.reduce((s, r) => s + r.links, 0) / rows.length),
        totalMs: summary(rows.map((r) => r.totalMs)),
        statementsMs: summary(rows.map((r) => r.statementsMs)),
        candidatesMs: summary(rows.map((r) => r.candidatesMs)),
        classifyMs: summary(rows.map((r) => r.classifyMs)),
        writeMs: summary(rows.map((r) => r.writeMs)),
        cpuMsPerProbe: {
          node: round(cpu.nodeMs / probes),
          pg: round(cpu.pgMs / probes),
        },
        load: { before: loadBefore, after: load() },
      };
      log(
        `linking at ${size.workspaceClaims} claims: mean ${size.totalMs.mean} ms, p50 ${size.totalMs.p50}, p95 ${size.totalMs.p95} ` +
          `(candidates ${size.candidatesMs.mean}, classify ${size.classifyMs.mean}, write ${size.writeMs.mean}); load ${load()}`,
      );
      sizes.push(size);
    }
    return sizes;
  } finally {
    await booted.close();
    if (!opts.keep) await dropDatabase(opts.database);
  }
}

// ---------------------------------------------------------------------------------------------

const info = machine(await serverVersion());
log(
  `machine: ${info.cores} cores, ${info.ramGiB} GiB, ${info.cpu}, node ${info.node}, pg ${info.postgres}`,
);

const fncResult = opts.skipFnc ? null : await fnc();
const sizes = opts.skipSynthetic ? [] : await synthetic();
const result = {
  date: new Date().toISOString(),
  machine: info,
  options: { ...opts, smallClaims, largeClaims, probes, fncLimit, warmupProbes: WARMUP_PROBES },
  synthetic: sizes,
  ratio: sizes.length === 2 ? round(sizes[1]!.totalMs.mean / sizes[0]!.totalMs.mean, 2) : null,
  fnc: fncResult,
  peakRssMiB: peakRssMiB(),
};
const file = saveResults(opts.quick ? 'link-quick' : 'link', result);

const out: string[] = [''];
if (sizes.length) {
  out.push(
    '| workspace claims | probes | pairs / links per probe | total ms mean / p50 / p95 | candidates ms | classify ms | write ms | CPU ms/probe node + pg | load avg |',
    '|---|---|---|---|---|---|---|---|---|',
    ...sizes.map(
      (s) =>
        `| ${s.workspaceClaims.toLocaleString('en-US')} | ${s.probes} × ${s.claimsPerProbe} claims | ${s.pairsPerProbe} / ${s.linksPerProbe} | ` +
        `${s.totalMs.mean} / ${s.totalMs.p50} / ${s.totalMs.p95} | ${s.candidatesMs.mean} | ${s.classifyMs.mean} | ` +
        `${s.writeMs.mean} | ${s.cpuMsPerProbe.node} + ${s.cpuMsPerProbe.pg} | ${s.load.before} → ${s.load.after} |`,
    ),
    '',
    `Cost ratio (mean ms): ${result.ratio}x (target ≤ 2x); target < 1000 ms at 100,000 claims`,
  );
}
if (fncResult) {
  out.push(
    '',
    `FNC-1: ${fncResult.sources} sources (${fncResult.bodies} bodies + ${fncResult.headlines} headlines, ${fncResult.claims} claims): ` +
      `ingest ${fncResult.ingestS} s + linking ${fncResult.linkS} s = ${fncResult.totalS} s; ` +
      `${fncResult.pairsClassified} pairs classified, ${fncResult.linksStored} links; ` +
      `peak RSS ${fncResult.peakRssMiB.process} MiB (link phase ${fncResult.peakRssMiB.link} MiB)`,
  );
}
out.push(`Results: ${file}`, '');
process.stdout.write(out.join('\n'));
process.exit(0);
