/**
 * npm run bench:ingest -- [--quick] [--sources N] [--window N] [--batch N] [--concurrency N] [--keep]
 *
 * Bulk ingest of synthetic ~600-word articles through IngestService.ingest (extraction
 * included), into a fresh database. Measures a window of sources at a small workspace and the
 * same window after filling the workspace to --sources, so the per-source cost can be compared
 * as the tables and GIN indexes grow. Linking is OFF (no jobs, no listener): this measures ingest.
 */
import { Command } from 'commander';
import { IngestService } from '../src/ingest/ingest.service.js';
import { WorkspaceService } from '../src/workspaces/workspace.service.js';
import { PrismaService } from '../src/database/prisma.service.js';
import { cliActor } from '../src/cli/context.js';
import { normalizePublisherName } from '../src/ingest/prepare/publisher-name.js';
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
} from './harness.js';

const program = new Command()
  .name('npm run bench:ingest --')
  .description('Bulk-ingest throughput and per-source cost at two workspace sizes')
  .option(
    '--sources <n>',
    'workspace size (sources) of the second window',
    positiveInt('--sources'),
  )
  .option('--small <n>', 'workspace size (sources) of the first window', positiveInt('--small'))
  .option('--window <n>', 'sources ingested in each measured window', positiveInt('--window'))
  .option('--batch <n>', 'sources per IngestService.ingest call', positiveInt('--batch'), 50)
  .option('--concurrency <n>', 'concurrent ingest callers', positiveInt('--concurrency'), 2)
  .option('--seed <n>', 'article generator seed', positiveInt('--seed'), 1)
  .option('--database <name>', 'database to (re)create', 'claimtrace_bench_ingest')
  .option('--keep', 'keep the database afterwards (it is dropped by default: ~GBs)')
  .option('--quick', 'smoke run (<1 min): windows of 400 at 200 and 2,000 sources')
  .parse();

const opts = program.opts<{
  sources?: number;
  small?: number;
  window?: number;
  batch: number;
  concurrency: number;
  seed: number;
  database: string;
  keep?: boolean;
  quick?: boolean;
}>();
const large = opts.sources ?? (opts.quick ? 2_000 : 100_000);
const small = opts.small ?? (opts.quick ? 200 : 1_000);
const windowSize = opts.window ?? (opts.quick ? 400 : 2_000);
if (small >= large) throw new Error('--small must be below --sources');
// About six articles per story at the end: enough overlap for realistic index posting lists.
const stories = Math.ceil((large + windowSize) / 6);

const url = await freshDatabase(opts.database);
const booted = await boot(url);
const { app } = booted;
const service = app.get(IngestService);
const prisma = app.get(PrismaService);
const actor = cliActor();
const workspace = await app.get(WorkspaceService).create('bench-ingest');
const meter = CpuMeter.for(app, opts.database);
const info = machine(await serverVersion());
log(
  `machine: ${info.cores} cores, ${info.ramGiB} GiB, ${info.cpu}, node ${info.node}, pg ${info.postgres}`,
);
log(
  `plan: ${small} → window ${windowSize} → fill to ${large} → window ${windowSize}; batch ${opts.batch} × ${opts.concurrency} callers; linking OFF`,
);

let next = 0; // index of the next article to ingest (== sources in the workspace when idle)
let claims = 0;

/** Ingests articles [next, to) with `concurrency` callers pulling batches from one cursor. */
async function ingestTo(to: number, onBatch?: () => void) {
  const latencies: number[] = [];
  const worker = async () => {
    while (next < to) {
      const from = next;
      const until = Math.min(to, from + opts.batch);
      next = until;
      // Consecutive batches (the ones in flight together) draw from disjoint sets of outlets.
      // IngestService upserts each publisher inside the ingest transaction, holding its row lock
      // until commit; batches sharing outlets wait on each other (and deadlocked, 40P01, when
      // unordered). Real parallel feeds rarely share outlets batch by batch; docs/benchmarks.md.
      const outlets = {
        part: Math.floor(from / opts.batch) % opts.concurrency,
        parts: opts.concurrency,
      };
      const inputs = [];
      for (let i = from; i < until; i++) {
        inputs.push({ ...article(opts.seed, i, stories, { outlets }), workspaceId: workspace.id });
      }
      // Same lock order in every transaction in case two batches do share an outlet.
      inputs.sort((a, b) =>
        normalizePublisherName(a.publisher) < normalizePublisherName(b.publisher) ? -1 : 1,
      );
      const t0 = performance.now();
      const results = await service.ingest(inputs, actor);
      latencies.push(performance.now() - t0);
      for (const r of results) claims += r.claimCount;
      onBatch?.();
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return latencies;
}

interface Window {
  label: string;
  workspaceSources: number;
  sources: number;
  claims: number;
  wallS: number;
  sourcesPerS: number;
  wallMsPerSource: number;
  nodeCpuMsPerSource: number;
  pgCpuMsPerSource: number;
  batchMs: ReturnType<typeof summary>;
  load: { before: string; after: string };
  rssMiB: number;
}

async function measure(label: string): Promise<Window> {
  const startSources = next;
  const startClaims = claims;
  const before = { load: load(), cpu: await meter.snapshot() };
  const t0 = performance.now();
  const latencies = await ingestTo(startSources + windowSize);
  const wallMs = performance.now() - t0;
  const cpu = CpuMeter.delta(before.cpu, await meter.snapshot());
  const n = next - startSources;
  const w: Window = {
    label,
    workspaceSources: startSources,
    sources: n,
    claims: claims - startClaims,
    wallS: round(wallMs / 1000, 2),
    sourcesPerS: round((n * 1000) / wallMs),
    wallMsPerSource: round(wallMs / n, 2),
    nodeCpuMsPerSource: round(cpu.nodeMs / n, 2),
    pgCpuMsPerSource: round(cpu.pgMs / n, 2),
    batchMs: summary(latencies),
    load: { before: before.load, after: load() },
    rssMiB: rssMiB(),
  };
  log(
    `window at ${startSources}: ${w.sourcesPerS} sources/s, ${w.wallMsPerSource} ms/source wall, ` +
      `CPU ${w.nodeCpuMsPerSource} node + ${w.pgCpuMsPerSource} pg ms/source, load ${w.load.after}`,
  );
  return w;
}

const progress: { sources: number; sourcesPerS: number; load: string; rssMiB: number }[] = [];
const runStart = performance.now();

await ingestTo(small);
log(`warm-up: ${next} sources`);
const first = await measure(`${small.toLocaleString('en-US')} sources`);

// Fill in steps so the log (and the results) show how the rate evolves with size.
const step = Math.max(windowSize, Math.round(large / 10));
while (next < large) {
  const from = next;
  const t0 = performance.now();
  await ingestTo(Math.min(large, from + step));
  const rate = round(((next - from) * 1000) / (performance.now() - t0));
  progress.push({ sources: next, sourcesPerS: rate, load: load(), rssMiB: rssMiB() });
  log(`filled to ${next}: ${rate} sources/s, load ${load()}, rss ${rssMiB()} MiB`);
}
const second = await measure(`${large.toLocaleString('en-US')} sources`);
const totalS = (performance.now() - runStart) / 1000;

const size = await prisma.$queryRawUnsafe<{ db: bigint; claims: bigint }[]>(
  `SELECT pg_database_size(current_database()) AS db, (SELECT count(*) FROM claim) AS claims`,
);
const result = {
  date: new Date().toISOString(),
  machine: info,
  options: { ...opts, small, large, window: windowSize, stories, linking: false },
  sustained: {
    sources: next,
    claims,
    wallS: round(totalS),
    sourcesPerS: round(next / totalS),
  },
  windows: [first, second],
  ratio: {
    wallMsPerSource: round(second.wallMsPerSource / first.wallMsPerSource, 2),
    cpuMsPerSource: round(
      (second.nodeCpuMsPerSource + second.pgCpuMsPerSource) /
        (first.nodeCpuMsPerSource + first.pgCpuMsPerSource),
      2,
    ),
  },
  progress,
  databaseMiB: Math.round(Number(size[0]!.db) / 1024 ** 2),
  claimRows: Number(size[0]!.claims),
  peakRssMiB: peakRssMiB(),
};
await booted.close();
if (!opts.keep) await dropDatabase(opts.database);
const file = saveResults(opts.quick ? 'ingest-quick' : 'ingest', result);

const row = (w: Window) =>
  `| ${w.label} | ${w.sourcesPerS} | ${w.wallMsPerSource} | ${w.nodeCpuMsPerSource} + ${w.pgCpuMsPerSource} | ${w.batchMs.p50} / ${w.batchMs.p95} | ${w.load.before} → ${w.load.after} |`;
process.stdout.write(
  [
    '',
    `Sustained: ${result.sustained.sources} sources (${claims} claims) in ${result.sustained.wallS} s = ` +
      `${result.sustained.sourcesPerS} sources/s (target ≥ 100)`,
    '',
    '| workspace | sources/s | wall ms/source | CPU ms/source (node + pg) | batch ms p50 / p95 | load avg |',
    '|---|---|---|---|---|---|',
    row(first),
    row(second),
    '',
    `Cost ratio ${second.label} / ${first.label}: wall ${result.ratio.wallMsPerSource}x, ` +
      `CPU ${result.ratio.cpuMsPerSource}x (target ≤ 1.5x)`,
    `Peak RSS (node): ${result.peakRssMiB} MiB; database ${result.databaseMiB} MiB` +
      (opts.keep ? ` (kept: ${opts.database})` : ' (dropped)'),
    `Results: ${file}`,
    '',
  ].join('\n'),
);
process.exit(0);
