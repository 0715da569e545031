/**
 * npm run bench:load -- [--seconds N] [--concurrency N] [--synthetic N] [--keep]
 *
 * Sustained mixed GraphQL load on the real service: `node dist/main.js` runs as a child process
 * on a fresh database (linking on, rate limit off, API keys on), loaded with the example corpus
 * plus synthetic articles and linked; then this process drives reads, searches, comparisons and
 * ingests over loopback from --concurrency keep-alive clients for --seconds, sampling the
 * server's RSS every 5 s. Reports throughput, p50/p99 latency and errors per operation, and the
 * memory trend. Both processes share the machine's cores: the figures are for this machine.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Command } from 'commander';
import pg from 'pg';
import { PROJECT_ROOT } from '../src/config/env.js';
import { AuthService } from '../src/auth/auth.service.js';
import { article, rng } from './articles.js';
import {
  boot,
  dropDatabase,
  freshDatabase,
  load,
  log,
  machine,
  percentile,
  positiveInt,
  round,
  saveResults,
  serverVersion,
} from './harness.js';

const program = new Command()
  .name('npm run bench:load --')
  .description('Sustained mixed GraphQL load against node dist/main.js')
  .option('--seconds <n>', 'measured duration', positiveInt('--seconds'), 60)
  .option('--concurrency <n>', 'concurrent keep-alive clients', positiveInt('--concurrency'), 16)
  .option(
    '--synthetic <n>',
    'synthetic articles loaded besides the corpus',
    positiveInt('--synthetic'),
    60,
  )
  .option('--warmup <n>', 'unmeasured seconds of the same load first', positiveInt('--warmup'), 10)
  .option('--seed <n>', 'article generator seed', positiveInt('--seed'), 7)
  .option('--database <name>', 'database to (re)create', 'claimtrace_bench_load')
  .option('--keep', 'keep the database afterwards')
  .parse();

const opts = program.opts<{
  seconds: number;
  concurrency: number;
  synthetic: number;
  warmup: number;
  seed: number;
  database: string;
  keep?: boolean;
}>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MiB, from the kernel (VmRSS). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024);
}

interface Client {
  call(query: string, variables?: Record<string, unknown>): Promise<{ ok: boolean; data: any }>;
}

/** One keep-alive agent for all clients, like a connection-pooling HTTP client library. */
function client(url: string, key: string, agent: Agent): Client {
  return {
    call: (query, variables) =>
      new Promise((resolve) => {
        const body = JSON.stringify({ query, variables });
        const req = request(
          url,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              authorization: `Bearer ${key}`,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => {
              try {
                const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
                resolve({
                  ok: res.statusCode === 200 && !parsed.errors?.length,
                  data: parsed.errors?.length ? parsed.errors : parsed.data,
                });
              } catch {
                resolve({ ok: false, data: `${res.statusCode}: ${text.slice(0, 200)}` });
              }
            });
            res.on('error', (error) => resolve({ ok: false, data: String(error) }));
          },
        );
        req.on('error', (error) => resolve({ ok: false, data: String(error) }));
        req.end(body);
      }),
  };
}

const INGEST = `mutation($i: [IngestSourceInput!]!) { ingestSources(inputs: $i) { id } }`;
const READ = `query($id: ID!) { source(id: $id) { id title linkingStatus publisher { name }
  claims(first: 20) { totalCount edges { node { id text checkworthiness
    links { id relation confidence evidence { id text source { id title } } } } } } } }`;
const LIST = `query($ws: ID!) { workspace(id: $ws) { sources(first: 20) { totalCount
  edges { node { id title linkingStatus publishedAt } } } } }`;
const SEARCH = `query($ws: ID!, $q: String!) { searchClaims(workspaceId: $ws, query: $q, first: 20) {
  totalCount edges { node { id text source { id title } } } } }`;
const COMPARE = `query($l: ID!, $r: ID!) { compareSources(leftId: $l, rightId: $r) { stance
  corroborated { left { id text } right { id text } link { relation confidence } }
  contradicted { left { id text } right { id text } link { relation confidence } }
  discussed { left { id } right { id } } onlyInLeft { id } onlyInRight { id } } }`;

type Op = 'read' | 'list' | 'search' | 'compare' | 'ingest';
/** The mix: mostly reading, as researchers browse far more than they add. */
const MIX: [Op, number][] = [
  ['read', 35],
  ['search', 25],
  ['compare', 20],
  ['list', 10],
  ['ingest', 10],
];

interface Sample {
  op: Op;
  ms: number;
  ok: boolean;
}

async function main() {
  const started = Date.now();
  log(`load ${load()}; fresh database ${opts.database}`);
  const url = await freshDatabase(opts.database);
  // An API key made the way `npm run keys` makes one; the service checks it on every request.
  const setup = await boot(url);
  const key = (await setup.app.get(AuthService).createKey('bench-load', { admin: true })).plaintext;
  await setup.close();

  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'main.js')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (/GraphQL API: http/.test(out)) resolve();
    });
    void exited.then((code) => reject(new Error(`service exited with ${code}: ${out}`)));
  });
  const pid = server.pid!;
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const api = client(`http://127.0.0.1:${port}/graphql`, key, agent);
  const must = async (query: string, variables?: Record<string, unknown>) => {
    const res = await api.call(query, variables);
    if (!res.ok) throw new Error(`setup request failed: ${JSON.stringify(res.data)}`);
    return res.data as Record<string, any>;
  };

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const ws = (await must(`mutation { createWorkspace(input: { name: "load" }) { id } }`))
      .createWorkspace.id as string;
    const corpus = readFileSync(join(PROJECT_ROOT, 'examples', 'corpus.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => ({ ...(JSON.parse(l) as Record<string, unknown>), workspaceId: ws }));
    const stories = Math.max(5, Math.round(opts.synthetic / 5));
    const synthetic = Array.from({ length: opts.synthetic }, (_, i) => {
      const a = article(opts.seed, i, stories);
      return { workspaceId: ws, ...a };
    });
    const inputs = [...corpus, ...synthetic];
    for (let i = 0; i < inputs.length; i += 25) await must(INGEST, { i: inputs.slice(i, i + 25) });
    log(`ingested ${inputs.length} sources; waiting for linking`);
    // Linking is CPU-bound and the machine may be shared: after 10 minutes, measure with what is
    // linked by then (the rest keeps linking during the run, as it would in production).
    const linkDeadline = Date.now() + 10 * 60_000;
    let unlinked = 0;
    for (;;) {
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM source WHERE linking_status IN ('PENDING', 'RUNNING')`,
      );
      unlinked = Number(rows[0]!.n);
      if (unlinked === 0 || Date.now() > linkDeadline) break;
      await sleep(1000);
    }
    if (unlinked) log(`${unlinked} sources still linking; measuring anyway`);
    const sources = (await db.query<{ id: string }>('SELECT id FROM source')).rows.map((r) => r.id);
    // Compare pairs that share links (what a researcher opens), plus some that share none.
    const linkedPairs = (
      await db.query<{ a: string; b: string }>(
        `SELECT DISTINCT a_source_id AS a, b_source_id AS b FROM claim_link LIMIT 300`,
      )
    ).rows.map((r) => [r.a, r.b] as const);
    const { rows: linkCount } = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM claim_link',
    );
    // Search terms: words of real claims (some rare, some common), plus a typo or two.
    const words = (
      await db.query<{ w: string }>(
        `SELECT DISTINCT lower(w) AS w FROM claim, regexp_split_to_table(text, '[^A-Za-z]+') AS w
          WHERE length(w) >= 5 LIMIT 400`,
      )
    ).rows.map((r) => r.w);
    words.push('civilans killed', 'ministry said', 'floodig');
    log(
      `${sources.length} sources, ${linkCount[0]!.n} links, ${linkedPairs.length} linked source pairs; load ${load()}`,
    );

    const r = rng(opts.seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
    const total = MIX.reduce((s, [, w]) => s + w, 0);
    const nextOp = (): Op => {
      let x = r() * total;
      for (const [op, w] of MIX) if ((x -= w) < 0) return op;
      return 'read';
    };
    let ingested = 0;
    const run = async (op: Op) => {
      switch (op) {
        case 'read':
          return api.call(READ, { id: pick(sources) });
        case 'list':
          return api.call(LIST, { ws });
        case 'search':
          return api.call(SEARCH, { ws, q: pick(words) });
        case 'compare': {
          const [l, rr] =
            linkedPairs.length && r() < 0.8 ? pick(linkedPairs) : [pick(sources), pick(sources)];
          return api.call(COMPARE, { l, r: rr });
        }
        case 'ingest': {
          const a = article(opts.seed + 1, ingested++, stories);
          return api.call(INGEST, { i: [{ workspaceId: ws, ...a }] });
        }
      }
    };

    const drive = async (seconds: number, samples: Sample[] | null, errors: unknown[]) => {
      const until = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (Date.now() < until) {
            const op = nextOp();
            const t0 = performance.now();
            const res = await run(op);
            const ms = performance.now() - t0;
            samples?.push({ op, ms, ok: res.ok });
            if (!res.ok && errors.length < 20) errors.push({ op, error: res.data });
          }
        }),
      );
    };

    log(`warm-up ${opts.warmup} s`);
    const warmupErrors: unknown[] = [];
    await drive(opts.warmup, null, warmupErrors);
    const memory: { t: number; rssMiB: number }[] = [];
    const t0 = Date.now();
    memory.push({ t: 0, rssMiB: rssOf(pid) });
    const sampler = setInterval(
      () => memory.push({ t: round((Date.now() - t0) / 1000, 0), rssMiB: rssOf(pid) }),
      5000,
    );
    const loadBefore = load();
    log(`measuring ${opts.seconds} s with ${opts.concurrency} clients`);
    const samples: Sample[] = [];
    const errors: unknown[] = [];
    await drive(opts.seconds, samples, errors);
    clearInterval(sampler);
    const elapsed = (Date.now() - t0) / 1000;
    memory.push({ t: round(elapsed, 0), rssMiB: rssOf(pid) });
    const loadAfter = load();
    await sleep(5000);
    const idleAfter = rssOf(pid);
    const { rows: backlog } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM source WHERE linking_status IN ('PENDING', 'RUNNING')`,
    );

    const stats = (list: Sample[]) => {
      const ms = list.map((s) => s.ms).sort((a, b) => a - b);
      return {
        requests: list.length,
        perSecond: round(list.length / elapsed),
        p50ms: round(percentile(ms, 50)),
        p99ms: round(percentile(ms, 99)),
        errors: list.filter((s) => !s.ok).length,
      };
    };
    const byOp = Object.fromEntries(
      MIX.map(([op]) => [op, stats(samples.filter((s) => s.op === op))]),
    );
    const all = stats(samples);
    // Least-squares slope of RSS over the run, in MiB per minute: the growth trend, if any.
    const n = memory.length;
    const mt = memory.reduce((s, m) => s + m.t, 0) / n;
    const mr = memory.reduce((s, m) => s + m.rssMiB, 0) / n;
    const slope =
      memory.reduce((s, m) => s + (m.t - mt) * (m.rssMiB - mr), 0) /
      (memory.reduce((s, m) => s + (m.t - mt) ** 2, 0) || 1);
    const trend = round(slope * 60);

    const out = process.stdout;
    out.write(`\nmixed GraphQL load: ${opts.concurrency} clients, ${round(elapsed)} s measured\n`);
    out.write(`${'operation'.padEnd(10)}${'requests'.padStart(10)}${'req/s'.padStart(9)}`);
    out.write(`${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}\n`);
    for (const [op, s] of [...Object.entries(byOp), ['all', all] as const]) {
      out.write(
        `${op.padEnd(10)}${String(s.requests).padStart(10)}${String(s.perSecond).padStart(9)}` +
          `${String(s.p50ms).padStart(9)}${String(s.p99ms).padStart(9)}${String(s.errors).padStart(8)}\n`,
      );
    }
    out.write(`\nserver RSS (MiB) every 5 s: ${memory.map((m) => m.rssMiB).join(' ')}\n`);
    out.write(
      `before ${memory[0]!.rssMiB}, after ${memory[memory.length - 1]!.rssMiB}, 5 s idle later ${idleAfter}; trend ${trend} MiB/min\n`,
    );
    out.write(
      `linking backlog at the end: ${backlog[0]!.n} sources; load average ${loadBefore} -> ${loadAfter}\n`,
    );
    if (errors.length) out.write(`errors (first ${errors.length}): ${JSON.stringify(errors)}\n`);
    const file = saveResults('load', {
      options: opts,
      machine: machine(await serverVersion()),
      corpus: {
        sources: sources.length,
        links: Number(linkCount[0]!.n),
        unlinkedAtStart: unlinked,
      },
      mix: MIX,
      elapsedSeconds: elapsed,
      operations: byOp,
      all,
      memory,
      idleAfterMiB: idleAfter,
      rssTrendMiBPerMinute: trend,
      warmupErrors: warmupErrors.length,
      errors,
      linkingBacklog: Number(backlog[0]!.n),
      load: { before: loadBefore, after: loadAfter },
    });
    log(`results: ${file}; total ${round((Date.now() - started) / 1000)} s`);
    process.exitCode = all.errors === 0 && warmupErrors.length === 0 ? 0 : 1;
  } finally {
    await db.end().catch(() => undefined);
    agent.destroy();
    server.kill('SIGTERM');
    await exited;
    if (!opts.keep) await dropDatabase(opts.database);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:load failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
