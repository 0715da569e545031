/**
 * npm run bench:link -- --mode real|scale|fairness|synthetic [--quick] [options]
 *
 * real (default): the FNC-1 training split (1,683 articles + 1,648 headlines) ingested through
 *    the service while `--workers` worker processes (dist/worker.js) link it; end to end until
 *    linked: sources/s, claims/s, the per-phase split (candidates, classification, writes,
 *    after-link) from the workers' per-batch logs, CPU of workers and PostgreSQL, load average.
 * scale: cost per source at ~10,000 and ~100,000 claims of real news (link-modes.ts).
 * fairness: seconds until a 5-source workspace is linked behind a 2,000-source backlog.
 * synthetic: generated workspaces of --small and --large claims and --probes new sources
 *    linked one at a time (ms per source and its split).
 */
import { Command } from 'commander';
import { SYSTEM_ACTOR } from '../src/common/actor.js';
import { cliActor } from '../src/cli/context.js';
import { PrismaService } from '../src/database/prisma.service.js';
import { LinkingService } from '../src/linking/linking.service.js';
import { IngestService } from '../src/ingest/ingest.service.js';
import { WorkspaceService } from '../src/workspaces/workspace.service.js';
import { article } from './articles.js';
import { fairness, ingestAll, realNews, realScale } from './link-modes.js';
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
  saveResults,
  serverVersion,
  summary,
  type Booted,
} from './harness.js';

const program = new Command()
  .name('npm run bench:link --')
  .description('Linking cost per source at two workspace sizes, and FNC-1 end to end')
  .option('--mode <mode>', 'real | scale | fairness | synthetic', 'real')
  .option('--workers <n>', 'worker processes (real, fairness)', positiveInt('--workers'), 1)
  .option('--backlog <n>', 'sources in the backlog (fairness)', positiveInt('--backlog'))
  .option('--small <n>', 'claims in the first workspace', positiveInt('--small'))
  .option('--large <n>', 'claims in the second workspace', positiveInt('--large'))
  .option('--probes <n>', 'new sources linked and timed at each size', positiveInt('--probes'))
  .option('--sentences <n>', 'claims per probe source', positiveInt('--sentences'), 30)
  .option('--fnc-dir <dir>', 'FNC-1 CSVs', '/work/shared/datasets/fnc-1-train')
  .option(
    '--fnc-limit <n>',
    'only the first N bodies (and their headlines)',
    positiveInt('--fnc-limit'),
  )
  .option(
    '--explain',
    'print EXPLAIN (ANALYZE, BUFFERS) of the candidate query of one probe per size',
  )
  .option('--seed <n>', 'article generator seed', positiveInt('--seed'), 1)
  .option('--database <name>', 'database for the synthetic workspaces', 'claimtrace_bench_link')
  .option('--fnc-database <name>', 'database for FNC-1', 'claimtrace_bench_fnc')
  .option('--keep', 'keep the databases afterwards')
  .option(
    '--quick',
    'smoke run: 2,000 / 10,000 claims, 5 probes, 40 FNC bodies, a 200-source backlog',
  )
  .parse();

const opts = program.opts<{
  mode: string;
  workers: number;
  backlog?: number;
  small?: number;
  large?: number;
  probes?: number;
  sentences: number;
  fncDir: string;
  fncLimit?: number;
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
// Headlines are spread over many bodies: 40 bodies already bring several hundred headlines.
const fncLimit = opts.fncLimit ?? (opts.quick ? 40 : undefined);
const WARMUP_PROBES = 2;
const actor = cliActor();

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
    const service = app.get(IngestService);
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

if (!['real', 'scale', 'fairness', 'synthetic'].includes(opts.mode)) {
  process.stderr.write(`--mode must be real, scale, fairness or synthetic, got "${opts.mode}"\n`);
  process.exit(1);
}
const file = saveResults(`link-${opts.mode}${opts.quick ? '-quick' : ''}`, {
  date: new Date().toISOString(),
  machine: info,
  options: opts,
  result: await runMode(),
  peakRssMiB: peakRssMiB(),
});
process.stdout.write(`Results: ${file}\n`);
process.exit(0);

async function runMode(): Promise<unknown> {
  if (opts.mode === 'real') {
    const r = await realNews({
      fncDir: opts.fncDir,
      fncLimit,
      workers: opts.workers,
      database: opts.fncDatabase,
      keep: opts.keep,
    });
    const s = r.phases.seconds;
    process.stdout.write(
      [
        '',
        `| workers | sources | claims | end to end s | sources/s | claims/s | candidates s | classification s | writes s | after-link s | CPU s workers + pg | load avg |`,
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
        `| ${r.workers} | ${r.sources} | ${r.claims} | ${r.endToEndS} | ${r.sourcesPerSecond} | ${r.claimsPerSecond} | ${round(s.statements + s.candidates)} | ${s.classification} | ${s.writes} | ${s.afterLink} | ${r.cpuS.workers} + ${r.cpuS.postgres} | ${r.load.before} → ${r.load.after} |`,
        '',
        `phase shares (% of worker batch time): ${JSON.stringify(r.phases.percent)}; ${r.phases.batches} batches, ${r.phases.claimsPerBatch} claims and ${r.phases.pairsPerClaim} pairs per claim; ${r.links} links, ${r.failed} failed`,
        '',
      ].join('\n'),
    );
    return r;
  }
  if (opts.mode === 'scale') {
    const r = await realScale({
      fncDir: opts.fncDir,
      small: smallClaims,
      large: largeClaims,
      probes,
      database: opts.database,
      keep: opts.keep,
    });
    process.stdout.write(
      [
        '',
        '| workspace claims | probes | ms per source mean / p50 / p95 | candidates ms | classification ms | writes ms | after-link ms | pairs/source | load avg |',
        '|---|---|---|---|---|---|---|---|---|',
        ...r.sizes.map(
          (x) =>
            `| ${x.workspaceClaims.toLocaleString('en-US')} | ${x.probes} | ${x.msPerSource.mean} / ${x.msPerSource.p50} / ${x.msPerSource.p95} | ${x.candidatesMs.mean} | ${x.classificationMs.mean} | ${x.writesMs.mean} | ${x.afterLinkMs.mean} | ${x.pairsPerSource} | ${x.load.before} → ${x.load.after} |`,
        ),
        '',
        `cost ratio large/small: ${r.ratio}x (target ≤ 1.5x)`,
        '',
      ].join('\n'),
    );
    return r;
  }
  if (opts.mode === 'fairness') {
    const r = await fairness({
      fncDir: opts.fncDir,
      backlog: opts.backlog ?? (opts.quick ? 200 : 2_000),
      workers: opts.workers,
      database: opts.fncDatabase,
      keep: opts.keep,
    });
    process.stdout.write(
      `\nfairness: 5-source workspace linked in ${r.smallWorkspaceLinkedS} s behind a ${r.backlog}-source backlog (${r.workers} worker(s); target < 30 s); load ${r.load.before} → ${r.load.after}\n`,
    );
    return r;
  }
  return syntheticReport();
}

async function syntheticReport() {
  const sizes = await synthetic();
  const ratio =
    sizes.length === 2 ? round(sizes[1]!.totalMs.mean / sizes[0]!.totalMs.mean, 2) : null;
  const out: string[] = [''];
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
    `Cost ratio (mean ms): ${ratio}x`,
    '',
  );
  process.stdout.write(out.join('\n'));
  return { sizes, ratio };
}
