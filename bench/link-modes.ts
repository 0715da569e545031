/**
 * The real-news modes of `npm run bench:link` (see link.bench.ts for the command line):
 * - real: the FNC-1 training split ingested through IngestService (the service's own code path:
 *   sources PENDING, the linking queue) while `--workers` `dist/worker.js` processes link it, end
 *   to end until the workspace is linked; sources/s, claims/s, the per-phase split summed from
 *   the workers' per-batch logs, CPU of the workers and of PostgreSQL, load average.
 * - scale: cost per source of linking one new real article into a workspace of ~10,000 and of
 *   ~100,000 claims of real news (FNC-1 bodies, repeated as further editions until the size is
 *   reached, so a story has many near-identical articles), through linkBatch and the after-link
 *   steps, as the runner does.
 * - fairness: a 2,000-source backlog in one workspace, then 5 sources in another: seconds until
 *   the small workspace is linked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SYSTEM_ACTOR } from '../src/common/actor.js';
import { DomainError } from '../src/common/errors.js';
import { cliActor } from '../src/cli/context.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { PrismaService } from '../src/database/prisma.service.js';
import { AfterLinkSteps } from '../src/linking/jobs/after-link.steps.js';
import { LinkingService } from '../src/linking/linking.service.js';
import { LinkingProgressService } from '../src/linking/progress/linking-progress.service.js';
import { normalizePublisherName } from '../src/ingest/prepare/publisher-name.js';
import type { IngestInputLike } from '../src/ingest/prepare/prepare-ingest.js';
import { IngestService } from '../src/ingest/ingest.service.js';
import { WorkspaceService } from '../src/workspaces/workspace.service.js';
import {
  boot,
  CpuMeter,
  dropDatabase,
  freshDatabase,
  load,
  log,
  procCpuMs,
  round,
  summary,
} from './harness.js';

const actor = cliActor();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FncCorpus {
  bodies: { id: string; text: string }[];
  /** Distinct headlines, each with the body it was paired with first. */
  headlines: { text: string; bodyId: string }[];
}

export function readFnc(dir: string): FncCorpus {
  const bodies = (
    parse(readFileSync(join(dir, 'train_bodies.csv')), {
      columns: true,
      skip_empty_lines: true,
    }) as { 'Body ID': string; articleBody: string }[]
  )
    .filter((b) => b.articleBody.trim())
    .map((b) => ({ id: b['Body ID'], text: b.articleBody }));
  const stances = parse(readFileSync(join(dir, 'train_stances.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as { Headline: string; 'Body ID': string }[];
  const seen = new Map<string, string>();
  for (const s of stances) {
    const h = s.Headline.trim();
    if (h && !seen.has(h)) seen.set(h, s['Body ID']);
  }
  return { bodies, headlines: [...seen].map(([text, bodyId]) => ({ text, bodyId })) };
}

/** FNC-1 sources of a workspace: bodies, then the headlines about the used bodies. */
export function fncInputs(
  workspaceId: string,
  corpus: FncCorpus,
  bodyLimit?: number,
): IngestInputLike[] {
  const bodies = bodyLimit ? corpus.bodies.slice(0, bodyLimit) : corpus.bodies;
  const used = new Set(bodies.map((b) => b.id));
  return [
    ...bodies.map((b) => ({
      workspaceId,
      text: b.text,
      url: `https://fnc-1.example/body/${b.id}`,
    })),
    ...corpus.headlines
      .filter((h) => used.has(h.bodyId))
      .map((h, i) => ({
        workspaceId,
        text: h.text,
        title: h.text,
        url: `https://fnc-1.example/headline/${i}`,
      })),
  ];
}

/** Ingests in batches of 50 with two callers (the CLI's bulk path); returns sources and claims. */
export async function ingestAll(service: IngestService, inputs: IngestInputLike[]) {
  let next = 0;
  let sources = 0;
  let claims = 0;
  let rejected = 0;
  const caller = async () => {
    while (next < inputs.length) {
      const batch = inputs.slice(next, next + 50);
      next += batch.length;
      // One lock order for concurrent publisher upserts (see ingest.bench.ts).
      batch.sort((a, b) =>
        normalizePublisherName(a.publisher ?? '') < normalizePublisherName(b.publisher ?? '')
          ? -1
          : 1,
      );
      let results;
      try {
        results = await service.ingest(batch, actor);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // As the ingest CLI does: one bad source (a few FNC-1 bodies hold control characters)
        // must not drop its batch; the rest go in one by one.
        results = [];
        for (const input of batch) {
          try {
            results.push(...(await service.ingest([input], actor)));
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            rejected++;
          }
        }
      }
      for (const r of results) {
        if (r.outcome !== 'UNCHANGED') sources++;
        claims += r.claimCount;
      }
    }
  };
  await Promise.all([caller(), caller()]);
  if (rejected) log(`${rejected} inputs rejected by ingest validation`);
  return { sources, claims };
}

interface PhaseTotals {
  batches: number;
  sources: number;
  claims: number;
  pairs: number;
  statementsMs: number;
  candidatesMs: number;
  classificationMs: number;
  writesMs: number;
  afterLinkMs: number;
  ms: number;
}

/** `npm run worker` processes (the built app), whose per-batch logs are summed. */
class WorkerFleet {
  readonly totals: PhaseTotals = {
    batches: 0,
    sources: 0,
    claims: 0,
    pairs: 0,
    statementsMs: 0,
    candidatesMs: 0,
    classificationMs: 0,
    writesMs: 0,
    afterLinkMs: 0,
    ms: 0,
  };
  private readonly procs: ChildProcess[] = [];

  constructor(url: string, count: number, env: Record<string, string> = {}) {
    for (let i = 0; i < count; i++) {
      const proc = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'worker.js')], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: url,
          LOG_LEVEL: process.env.BENCH_WORKER_LOG_LEVEL ?? 'info',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let buffer = '';
      const echo = process.env.BENCH_WORKER_LOG_LEVEL === 'debug';
      proc.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          if (echo) process.stderr.write(`${line}\n`);
          this.take(line);
        }
      });
      this.procs.push(proc);
    }
  }

  private take(line: string) {
    if (!line.startsWith('{')) return;
    try {
      const e = JSON.parse(line) as Record<string, number | string>;
      if (e.msg !== 'linking batch') return;
      const t = this.totals;
      t.batches++;
      for (const k of [
        'sources',
        'claims',
        'pairs',
        'statementsMs',
        'candidatesMs',
        'classificationMs',
        'writesMs',
        'afterLinkMs',
        'ms',
      ] as const)
        t[k] += Number(e[k] ?? 0);
    } catch {
      // not a log line
    }
  }

  /** CPU ms of the worker processes (threads included) so far. */
  cpuMs(): number {
    return this.procs.reduce((s, p) => s + (p.pid ? procCpuMs(p.pid) : 0), 0);
  }

  async stop() {
    await Promise.all(
      this.procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null) return resolve();
            p.once('exit', () => resolve());
            p.kill('SIGTERM');
          }),
      ),
    );
  }
}

async function waitLinked(
  progress: LinkingProgressService,
  workspaceId: string,
  label: string,
  timeoutS: number,
) {
  const deadline = Date.now() + timeoutS * 1000;
  let lastLog = 0;
  for (;;) {
    const p = await progress.forWorkspace(workspaceId);
    if (p.complete) return p;
    if (Date.now() > deadline)
      throw new Error(`${label}: not linked after ${timeoutS} s: ${JSON.stringify(p)}`);
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(
        `${label}: done ${p.done}, failed ${p.failed}, running ${p.running}, pending ${p.pending}, ${p.sourcesPerSecond} sources/s, eta ${p.etaSeconds ?? '?'} s; load ${load()}`,
      );
    }
    await sleep(250);
  }
}

const phaseSplit = (t: PhaseTotals) => {
  const sum =
    t.statementsMs + t.candidatesMs + t.classificationMs + t.writesMs + t.afterLinkMs || 1;
  const pct = (v: number) => round((100 * v) / sum);
  return {
    batches: t.batches,
    claimsPerBatch: round(t.claims / (t.batches || 1)),
    pairsPerClaim: round(t.pairs / (t.claims || 1)),
    seconds: {
      statements: round(t.statementsMs / 1000),
      candidates: round(t.candidatesMs / 1000),
      classification: round(t.classificationMs / 1000),
      writes: round(t.writesMs / 1000),
      afterLink: round(t.afterLinkMs / 1000),
    },
    percent: {
      statements: pct(t.statementsMs),
      candidates: pct(t.candidatesMs),
      classification: pct(t.classificationMs),
      writes: pct(t.writesMs),
      afterLink: pct(t.afterLinkMs),
    },
  };
};

export interface RealOptions {
  fncDir: string;
  fncLimit?: number;
  workers: number;
  database: string;
  keep?: boolean;
}

/** End to end: ingest the FNC-1 training split and wait until the workers have linked it. */
export async function realNews(o: RealOptions) {
  const corpus = readFnc(o.fncDir);
  const url = await freshDatabase(o.database);
  const booted = await boot(url, { linking: true, runWorker: false });
  let fleet: WorkerFleet | null = null;
  try {
    const { app } = booted;
    const workspace = await app.get(WorkspaceService).create('fnc-1-train');
    const inputs = fncInputs(workspace.id, corpus, o.fncLimit);
    log(`real news: ${inputs.length} FNC-1 sources, ${o.workers} worker process(es)`);
    fleet = new WorkerFleet(url, o.workers);
    // Workers up before the clock starts (their boot is not linking).
    await sleep(4_000);
    const meter = CpuMeter.for(app, o.database);
    const cpu0 = await meter.snapshot();
    const workersCpu0 = fleet.cpuMs();
    const loadBefore = load();
    const t0 = performance.now();
    const ingested = await ingestAll(app.get(IngestService), inputs);
    const ingestS = (performance.now() - t0) / 1000;
    log(
      `real news: ingested ${ingested.sources} sources, ${ingested.claims} claims in ${round(ingestS)} s`,
    );
    const final = await waitLinked(
      app.get(LinkingProgressService),
      workspace.id,
      'real news',
      3600,
    );
    const totalS = (performance.now() - t0) / 1000;
    const cpu = CpuMeter.delta(cpu0, await meter.snapshot());
    const counts = await app
      .get(PrismaService)
      .$queryRawUnsafe<{ links: bigint }[]>(`SELECT count(*) AS links FROM claim_link`);
    const result = {
      workers: o.workers,
      sources: ingested.sources,
      claims: ingested.claims,
      links: Number(counts[0]!.links),
      failed: final.failed,
      ingestS: round(ingestS),
      endToEndS: round(totalS),
      sourcesPerSecond: round(ingested.sources / totalS, 2),
      claimsPerSecond: round(ingested.claims / totalS),
      phases: phaseSplit(fleet.totals),
      cpuS: {
        workers: round((fleet.cpuMs() - workersCpu0) / 1000),
        postgres: round(cpu.pgMs / 1000),
        benchProcess: round(cpu.nodeMs / 1000),
      },
      load: { before: loadBefore, after: load() },
    };
    log(
      `real news: ${result.sources} sources linked end to end in ${result.endToEndS} s: ${result.sourcesPerSecond} sources/s, ${result.claimsPerSecond} claims/s; load ${result.load.after}`,
    );
    return result;
  } finally {
    await fleet?.stop();
    await booted.close();
    if (!o.keep) await dropDatabase(o.database);
  }
}

export interface ScaleOptions {
  fncDir: string;
  small: number;
  large: number;
  probes: number;
  database: string;
  keep?: boolean;
}

/** Cost per source at two workspace sizes of real news (one source per batch, as a quiet workspace sees). */
export async function realScale(o: ScaleOptions) {
  const corpus = readFnc(o.fncDir);
  // Probes are held out: the last bodies, never in the workspace, and different at each size
  // (the same text again would be recognised by its hash and not ingested anew).
  const held = 2 * (o.probes + 1);
  const probeBodies = corpus.bodies.slice(-held);
  const baseBodies = corpus.bodies.slice(0, -held);
  const url = await freshDatabase(o.database);
  // Linking off while the workspace is built (sources DONE at once); probes are linked by hand.
  const booted = await boot(url);
  try {
    const { app } = booted;
    const service = app.get(IngestService);
    const linking = app.get(LinkingService);
    const steps = app.get(AfterLinkSteps);
    const prisma = app.get(PrismaService);
    const workspace = await app.get(WorkspaceService).create('bench-real-scale');
    let claims = 0;
    let edition = 0;
    let nextBody = 0;
    let nextProbe = 0;
    const sizes = [];
    for (const target of [o.small, o.large]) {
      const t0 = performance.now();
      while (claims < target) {
        const inputs: IngestInputLike[] = [];
        while (inputs.length < 200) {
          if (nextBody === baseBodies.length) {
            nextBody = 0;
            edition++;
          }
          const b = baseBodies[nextBody++]!;
          // Later editions: the same story again from another outlet, as syndication and
          // follow-ups make it (a story gathers many near-identical articles).
          inputs.push({
            workspaceId: workspace.id,
            text: edition === 0 ? b.text : `Edition ${edition}. ${b.text}`,
            url: `https://fnc-1.example/body/${b.id}/${edition}`,
            publisher: `Outlet ${edition % 40}`,
          });
        }
        claims += (await ingestAll(service, inputs)).claims;
      }
      await prisma.$executeRawUnsafe('ANALYZE');
      log(`real scale: ${claims} claims built in ${round((performance.now() - t0) / 1000)} s`);
      const rows: {
        ms: number;
        candidates: number;
        classification: number;
        writes: number;
        afterLink: number;
        pairs: number;
      }[] = [];
      const loadBefore = load();
      for (let p = 0; p < o.probes + 1; p++) {
        const b = probeBodies[nextProbe++]!;
        const [written] = await service.ingest(
          [
            {
              workspaceId: workspace.id,
              text: b.text,
              url: `https://fnc-1.example/probe/${b.id}/${target}`,
            },
          ],
          actor,
        );
        const t = performance.now();
        const r = await linking.linkBatch(
          workspace.id,
          [{ sourceId: written!.sourceId, revisionId: written!.revisionId }],
          SYSTEM_ACTOR,
        );
        const ta = performance.now();
        await steps.run([written!.sourceId], { workspaceId: workspace.id, backlog: false });
        const afterLink = performance.now() - ta;
        if (p === 0) continue; // warm-up
        rows.push({
          ms: performance.now() - t,
          candidates: r.phases.statements + r.phases.candidates,
          classification: r.phases.classification,
          writes: r.phases.writes,
          afterLink,
          pairs: r.pairs,
        });
      }
      const size = {
        workspaceClaims: claims,
        probes: rows.length,
        msPerSource: summary(rows.map((r) => r.ms)),
        candidatesMs: summary(rows.map((r) => r.candidates)),
        classificationMs: summary(rows.map((r) => r.classification)),
        writesMs: summary(rows.map((r) => r.writes)),
        afterLinkMs: summary(rows.map((r) => r.afterLink)),
        pairsPerSource: round(rows.reduce((s, r) => s + r.pairs, 0) / (rows.length || 1)),
        load: { before: loadBefore, after: load() },
      };
      log(
        `real scale at ${claims} claims: ${size.msPerSource.mean} ms per source (p95 ${size.msPerSource.p95}); candidates ${size.candidatesMs.mean}, classification ${size.classificationMs.mean}, writes ${size.writesMs.mean}, after-link ${size.afterLinkMs.mean}; load ${load()}`,
      );
      sizes.push(size);
    }
    return {
      sizes,
      ratio: round(sizes[1]!.msPerSource.mean / sizes[0]!.msPerSource.mean, 2),
    };
  } finally {
    await booted.close();
    if (!o.keep) await dropDatabase(o.database);
  }
}

export interface FairnessOptions {
  fncDir: string;
  backlog: number;
  workers: number;
  database: string;
  keep?: boolean;
}

/** Seconds until a 5-source workspace is linked while another has a large backlog. */
export async function fairness(o: FairnessOptions) {
  const corpus = readFnc(o.fncDir);
  const url = await freshDatabase(o.database);
  const booted = await boot(url, { linking: true, runWorker: false });
  let fleet: WorkerFleet | null = null;
  try {
    const { app } = booted;
    const workspaces = app.get(WorkspaceService);
    const big = await workspaces.create('backlog');
    const small = await workspaces.create('small');
    const backlog = fncInputs(big.id, corpus).slice(0, o.backlog);
    const five = corpus.bodies.slice(-5).map((b) => ({
      workspaceId: small.id,
      text: b.text,
      url: `https://fnc-1.example/small/${b.id}`,
    }));
    fleet = new WorkerFleet(url, o.workers);
    await sleep(4_000);
    const loadBefore = load();
    await ingestAll(app.get(IngestService), backlog);
    log(`fairness: ${backlog.length}-source backlog ingested; now 5 sources in another workspace`);
    const t0 = performance.now();
    await ingestAll(app.get(IngestService), five);
    const p = await waitLinked(app.get(LinkingProgressService), small.id, 'fairness', 600);
    const smallS = (performance.now() - t0) / 1000;
    const bigState = await app.get(LinkingProgressService).forWorkspace(big.id);
    const result = {
      backlog: backlog.length,
      workers: o.workers,
      smallWorkspaceLinkedS: round(smallS),
      smallFailed: p.failed,
      backlogAtThatTime: {
        pending: bigState.pending,
        running: bigState.running,
        done: bigState.done,
      },
      load: { before: loadBefore, after: load() },
    };
    log(
      `fairness: the 5-source workspace was linked in ${result.smallWorkspaceLinkedS} s (backlog still pending ${bigState.pending}); load ${load()}`,
    );
    return result;
  } finally {
    await fleet?.stop();
    await booted.close();
    if (!o.keep) await dropDatabase(o.database);
  }
}
