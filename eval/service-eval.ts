/**
 * npm run eval [-- --limit N --rte-limit N --skip-fever --skip-covid --skip-snli --skip-sick
 *                  --skip-fnc --skip-examples --keep --order ORDER --out FILE --provider P]
 *
 * Measures the service as a researcher meets it: a fresh database (claimtrace_eval_<time> on
 * DATABASE_URL's server, or on the embedded one), the whole app with its in-process linking
 * worker, sources ingested through IngestService, links made by the linking queue's workers, and every
 * label read from ComparisonService.compare (GraphQL compareSources). Data: the held-out parts
 * of ../shared/datasets that training never saw (see eval/lib/datasets.ts). Progress goes to
 * stderr, the tables to stdout, everything to a JSON file. Run from the repository root.
 */
import './lib/log-level.js';
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Command, InvalidArgumentError } from 'commander';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { PROJECT_ROOT, RELATION_PROVIDERS, loadConfig } from '../src/config/env.js';
import type { EmbeddedServer } from '../src/database/embedded-postgres.js';
import { openSharedEmbedded } from '../src/database/shared-embedded.js';
import { migrate } from '../src/database/migrator.js';
import { LinkingService } from '../src/linking/linking.service.js';
import { loadModel } from '../src/linking/relation/classifier.js';
import {
  DATA,
  FILES,
  FRACTIONS,
  SPLIT_SEED,
  loadCovid,
  loadFever,
  loadSick,
  loadSnli,
  rteHeldOut,
  rtePart,
  type RtePair,
} from './lib/datasets.js';
import {
  evaluateExamples,
  evaluateProbes,
  formatExampleScores,
  formatProbeScores,
} from './lib/examples.js';
import {
  ServicePipeline,
  evaluateFnc,
  evaluateFncApart,
  evaluateRte,
  fncHeldOut,
  type FncRun,
  type IngestOrder,
  type LinkLoad,
  type RteRun,
} from './lib/pipeline.js';
import { formatRteScores, formatStanceScores, scoreRte, scoreStances } from './lib/report.js';

interface Options {
  limit?: number;
  fncApart?: number;
  skipFever: boolean;
  skipCovid: boolean;
  skipSnli: boolean;
  skipSick: boolean;
  skipFnc: boolean;
  skipExamples: boolean;
  probes?: string[];
  keep: boolean;
  fncPart: 'test' | 'val';
  rtePart: 'test' | 'val';
  order: IngestOrder | 'both';
  workers: number;
  rteLimit?: number;
  out?: string;
  provider?: string;
}

/** Commander's parser for the counting options. */
function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
}

/** Commander's parser for the part options: held out or development. */
function testOrVal(v: string): 'test' | 'val' {
  if (v !== 'test' && v !== 'val') throw new InvalidArgumentError('test or val');
  return v;
}

const program = new Command()
  .name('npm run eval --')
  .description('Evaluate linking and compareSources through the service on held-out data')
  .option('--limit <n>', 'only this many FNC-1 headline groups (quick run)', positiveInt)
  .option(
    '--rte-limit <n>',
    'only the first n held-out pairs of each sentence-pair set (FEVER, COVID-Fact, SNLI, SICK)',
    positiveInt,
  )
  .option(
    '--fnc-apart <n>',
    'also n FNC-1 pairs of each gold stance, each pair (body, then headline) in a workspace of its own',
    positiveInt,
  )
  .option('--skip-fever', 'skip FEVER Symmetric dev', false)
  .option('--skip-covid', 'skip COVID-Fact RTE', false)
  .option('--skip-snli', 'skip SNLI dev+test', false)
  .option('--skip-sick', 'skip SICK', false)
  .option('--skip-fnc', 'skip FNC-1', false)
  .option(
    '--fnc-part <part>',
    'FNC-1 stories to read: test (held out) or val (development, for choosing constants)',
    testOrVal,
    'test',
  )
  .option(
    '--rte-part <part>',
    'sentence-pair parts to read: test (held out) or val (development, for studying errors)',
    testOrVal,
    'test',
  )
  .option(
    '--skip-examples',
    'skip the example corpus and the contested-event sets (examples/, examples/probes/)',
    false,
  )
  .option(
    '--probes <names>',
    'only these contested-event sets of examples/probes/, comma-separated (e.g. dornie,elgin)',
    (v) =>
      v
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
  )
  .option('--keep', 'keep the evaluation database (its name is printed)', false)
  .option(
    '--order <order>',
    'FNC-1 ingest order: bodies-first (headlines linked last), headlines-first, or both',
    (v) => {
      if (!['bodies-first', 'headlines-first', 'both'].includes(v))
        throw new InvalidArgumentError('bodies-first, headlines-first or both');
      return v;
    },
    'bodies-first',
  )
  .option(
    '--workers <n>',
    'linking workers: the in-process one plus n-1 more, as `npm run worker` adds',
    (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 8) throw new InvalidArgumentError('1 to 8');
      return n;
    },
    4,
  )
  .option('--out <file>', 'JSON results file (default: eval-results/service-eval.json)')
  .option(
    '--provider <kind>',
    'relation provider: builtin, onnx-nli (RELATION_MODEL_DIR) or llm (RELATION_LLM_URL); sets RELATION_PROVIDER, see docs/models.md',
    (v) => {
      if (!(RELATION_PROVIDERS as readonly string[]).includes(v))
        throw new InvalidArgumentError(RELATION_PROVIDERS.join(', '));
      return v;
    },
  )
  .parse();
const options = program.opts<Options>();
if (options.provider) process.env.RELATION_PROVIDER = options.provider;

const started = Date.now();
function progress(line: string) {
  const t = ((Date.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[${t} s] ${line}\n`);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** eval-results/ when .gitignore lists it; otherwise a temporary folder, said on stderr. */
function resultsFile(): string {
  if (options.out) return path.resolve(options.out);
  const gitignore = path.join(PROJECT_ROOT, '.gitignore');
  const ignored =
    existsSync(gitignore) &&
    readFileSync(gitignore, 'utf8')
      .split('\n')
      .some((l) => /^\/?eval-results\/?\s*$/.test(l.trim()));
  if (ignored) return path.join(PROJECT_ROOT, 'eval-results', 'service-eval.json');
  const tmp = path.join('/tmp', 'claimtrace-eval-results', 'service-eval.json');
  progress(
    `note: eval-results/ is not in .gitignore, so the results go to ${tmp} ` +
      `(add "eval-results/" to .gitignore to keep them in the repository folder)`,
  );
  return tmp;
}

/** Identifies the classifier that ran: model.json, and the compiled relation code with it. */
function modelInfo() {
  const dir = new URL('../src/linking/relation/', import.meta.url);
  const header = loadModel().header as unknown as Record<string, unknown>;
  const code = createHash('sha256');
  for (const f of readdirSync(dir)
    .filter((f) => /\.(js|json)$/.test(f))
    .sort()) {
    code.update(f).update(readFileSync(new URL(f, dir)));
  }
  return {
    version: header['version'],
    created: header['created'],
    sha256: createHash('sha256')
      .update(readFileSync(new URL('model.json', dir)))
      .digest('hex'),
    relationBuildSha256: code.digest('hex'),
  };
}

function formatLoad(l: LinkLoad): string {
  return (
    `links per check-worthy claim (checkworthiness >= ${l.minCheckworthiness}, ${l.claims} claims): ` +
    `${l.linksPerClaim.toFixed(2)} (${l.claimsWithLink} claims with a link)` +
    (l.minConfidence === null
      ? ''
      : `; at confidence >= ${l.minConfidence} (display threshold): ${l.shownPerClaim.toFixed(2)} ` +
        `(${l.claimsWithShown} claims with a link)`)
  );
}

async function run(app: INestApplicationContext) {
  const pipe = new ServicePipeline(app, progress);
  const checkworthy = loadConfig().checkworthinessThreshold;
  const display = loadModel().display?.minConfidence ?? null;
  const method = app.get(LinkingService).method;
  const model = modelInfo();
  progress(`classifier ${method}, model.json created ${String(model.created)}`);
  const json: Record<string, unknown> = {
    generatedAt: new Date().toISOString(),
    method,
    model,
    // The sentence-pair sets are always read from their held-out part; FNC-1 from --fnc-part.
    split: {
      seed: SPLIT_SEED,
      fractions: FRACTIONS,
      part: 'test',
      fncPart: options.fncPart,
      rtePart: options.rtePart,
    },
    files: FILES,
    options,
    // Off only when npm run train:calibration fits it (LINK_CALIBRATION=false).
    linkCalibration: loadConfig().linkCalibration,
  };

  // Each part is printed and saved as soon as it is done, so a stopped run keeps what it has.
  const out = resultsFile();
  mkdirSync(path.dirname(out), { recursive: true });
  const save = () => writeFileSync(out, JSON.stringify(json, null, 1) + '\n');
  const emit = (...blocks: string[]) => process.stdout.write(blocks.join('\n\n') + '\n\n');
  process.stdout.write(
    `${method} (model.json sha256 ${model.sha256.slice(0, 12)}, relation build ${model.relationBuildSha256.slice(0, 12)})\n\n`,
  );

  if (!options.skipExamples) {
    const ex = await evaluateExamples(pipe, display, progress);
    emit(formatExampleScores(ex));
    json.examples = ex;
    // The contested-event sets of examples/probes/, each in a workspace of its own.
    const probes = await evaluateProbes(pipe, display, progress, undefined, options.probes ?? null);
    emit(...probes.map(formatProbeScores));
    json.probes = probes;
    save();
  }

  const data = fncHeldOut(options.limit, options.fncPart);
  const orders: IngestOrder[] =
    options.order === 'both' ? ['bodies-first', 'headlines-first'] : [options.order];
  const fnc: Record<string, unknown>[] = [];
  for (const order of options.skipFnc ? [] : orders) {
    const r: FncRun = await evaluateFnc(pipe, data, { order, log: progress });
    const natural = scoreStances(r.outcomes.filter((o) => o.natural));
    const extended = scoreStances(r.outcomes);
    // The vote over the links listed by default only (display threshold applied): how
    // compareSources read the stance before it was read from every stored link.
    const shownExtended = scoreStances(
      r.outcomes.map((o) => ({ ...o, pred: o.predShown ?? o.pred })),
    );
    const what =
      `FNC-1 ${options.fncPart === 'val' ? 'development' : 'held-out'} stories through the service (${r.headlines} headlines, ${r.bodies} bodies, ` +
      `${data.groups.used} of ${data.groups.total} headline groups; ${order})`;
    emit(
      formatStanceScores(`${what}, natural held-out pairs only`, natural),
      formatStanceScores(
        `${what}, plus random unrelated pairings restoring the FNC-1 share of unrelated`,
        extended,
      ),
      formatStanceScores(
        `${what}, unrelated share restored, stance read from the listed links only (confidence >= ${display ?? 0}; the reading compareSources gave before it read every stored link)`,
        shownExtended,
      ),
      `timings: ingest ${r.ingestSeconds} s, linking ${r.linking.map((l) => `${l.seconds} s (${l.sources} sources, ${l.failed} failed)`).join(' then ')}, compare ${r.compareSeconds} s`,
    );
    const load = await pipe.linkLoad([r.workspaceId], checkworthy, display);
    emit(formatLoad(load));
    const { outcomes, ...rest } = r;
    const headlineIndex = new Map(
      [...new Set(outcomes.map((o) => o.headline))].map((h, i) => [h, i]),
    );
    fnc.push({
      ...rest,
      groups: data.groups,
      natural,
      extended,
      shownExtended,
      linkLoad: load,
      headlines: [...headlineIndex.keys()],
      // [headline index, body id, gold, predicted, decision confidence, natural pair]
      pairs: outcomes.map((o) => [
        headlineIndex.get(o.headline),
        o.bodyId,
        o.gold,
        o.pred,
        o.confidence,
        o.natural,
      ]),
    });
  }
  json.fnc = fnc;
  save();

  if (options.fncApart) {
    const r = await evaluateFncApart(pipe, data, options.fncApart, { log: progress });
    const scores = scoreStances(r.outcomes);
    const shown = scoreStances(r.outcomes.map((o) => ({ ...o, pred: o.predShown ?? o.pred })));
    const what = `FNC-1 ${options.fncPart === 'val' ? 'development' : 'held-out'} pairs, ${options.fncApart} of each gold stance, each pair in a workspace of its own (body, then headline)`;
    emit(
      formatStanceScores(what, scores) +
        (r.identical ? `\n(${r.identical} pairs with identical texts, counted unrelated)` : ''),
      formatStanceScores(
        `${what}, stance read from the listed links only (confidence >= ${display ?? 0})`,
        shown,
      ),
      `timings: linking ${r.linking.map((l) => `${l.seconds} s`).join(' + ')}`,
    );
    json.fncApart = {
      scores,
      shown,
      identical: r.identical,
      linking: r.linking,
      // [workspace id, body id, gold, predicted, from listed links only, decision confidence]
      pairs: r.outcomes.map((o, i) => [
        r.workspaceIds[i],
        o.bodyId,
        o.gold,
        o.pred,
        o.predShown ?? null,
        o.confidence,
      ]),
    };
    save();
  }

  const rte = async (key: string, set: string, rows: RtePair[]) => {
    const name = options.rtePart === 'val' ? `${set} (development part)` : set;
    const part = options.rtePart === 'val' ? 'development part' : 'held-out half';
    const held =
      options.rtePart === 'val' ? rows.filter((r) => rtePart(r) === 'val') : rteHeldOut(rows);
    const r: RteRun = await evaluateRte(
      pipe,
      name,
      held.slice(0, options.rteLimit ?? held.length),
      {
        log: progress,
      },
    );
    const s = scoreRte(r.outcomes);
    const shown = scoreRte(r.outcomes.map((o) => ({ ...o, pred: o.predShown ?? null })));
    const load = await pipe.linkLoad(r.workspaceIds, checkworthy, display);
    emit(
      formatRteScores(`${name} through the service`, s, part) +
        (r.identical ? ` (${r.identical} pairs with identical texts, counted wrong)` : '') +
        `; linking ${r.linking.map((l) => `${l.seconds} s`).join(' + ')}\n  ${formatLoad(load)}\n` +
        formatRteScores(
          `  ${name}, stance read from the listed links only (confidence >= ${display ?? 0}; the reading compareSources gave before it read every stored link)`,
          shown,
          part,
        ),
    );
    json[key] = {
      ...s,
      shown,
      identical: r.identical,
      linking: r.linking,
      linkLoad: load,
      // In held-out order: [gold, predicted (the API's stance), from listed links only, confidence]
      pairs: r.outcomes.map((o) => [o.gold, o.pred, o.predShown ?? null, o.confidence]),
    };
    save();
  };
  if (!options.skipFever) await rte('fever', 'FEVER Symmetric dev', loadFever());
  if (!options.skipCovid) await rte('covid', 'COVID-Fact RTE', loadCovid());
  if (!options.skipSnli) await rte('snli', 'SNLI dev+test', loadSnli());
  if (!options.skipSick) await rte('sick', 'SICK', loadSick());

  json.seconds = Math.round((Date.now() - started) / 1000);
  save();
  progress(`results written to ${out}`);
}

async function main() {
  if (!existsSync(DATA)) {
    throw new Error(`datasets folder ${DATA} not found (run from the repository root)`);
  }
  const config = loadConfig();
  let embedded: EmbeddedServer | null = null;
  let adminUrl = config.databaseUrl;
  if (!adminUrl) {
    // Shared with a running service (one PostgreSQL per data folder): see shared-embedded.ts.
    embedded = await openSharedEmbedded({
      dataDir: config.dataDir,
      preferredPort: config.embeddedPgPort,
      database: 'claimtrace',
      role: 'cli',
    });
    adminUrl = embedded.url;
  }
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
    .replace('T', '_');
  const name = `claimtrace_eval_${stamp}_${process.pid}`;
  const url = withDatabase(adminUrl, name);
  let app: INestApplicationContext | null = null;
  const workers: INestApplicationContext[] = [];
  // One cleanup, shared by the normal end, an error and a signal (whichever comes first).
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const w of workers) await w.close().catch(() => undefined);
      await app?.close().catch(() => undefined);
      if (options.keep) progress(`kept database ${name}`);
      else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await embedded?.stop();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  progress(`database ${name}`);
  try {
    await migrate(url);
    // The service as deployed: the app with its in-process worker, and optionally more workers
    // (each one is what `npm run worker` starts) sharing the same job queue.
    const boot = () =>
      NestFactory.createApplicationContext(
        AppModule.forRoot({ ...config, databaseUrl: url, linking: true, runWorker: true }, url, {
          graphql: false,
        }),
        { logger: ['error'] },
      );
    app = await boot();
    for (let i = 1; i < options.workers; i++) workers.push(await boot());
    progress(`app and ${options.workers - 1} more linking workers running`);
    await run(app);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`service-eval: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
