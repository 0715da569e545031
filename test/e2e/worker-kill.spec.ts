/**
 * A linking worker killed mid-batch (SIGKILL: no chance to clean up) loses nothing: its lease
 * stops being renewed, another worker claims the batch's sources once the lease lapses, and
 * every source ends DONE with its links written once. Runs the built worker (`node dist/worker.js`, so `npm run build`
 * first) against this file's own database on the shared server.
 *
 * The job is held RUNNING by the test-only LINK_JOB_TEST_DELAY_MS (see src/config/env.ts): on a
 * loaded machine a "naturally slow" job is either too quick to catch or too slow to finish.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { article } from '../../bench/articles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitForLinking } from '../support/wait.js';

const WORKER = join(PROJECT_ROOT, 'dist', 'worker.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Worker {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(databaseUrl: string, env: Record<string, string>): Worker {
  const proc = spawn(process.execPath, [WORKER], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // A dead worker's batch is claimed again ~10 s after its last lease renewal.
      LINK_JOB_HEARTBEAT_SECONDS: '10',
      JOB_SUPERVISE_SECONDS: '2',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, output: () => output, exited };
}

async function waitForOutput(worker: Worker, pattern: RegExp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(worker.output())) {
    if (worker.proc.exitCode !== null) throw new Error(`worker exited: ${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern}: ${worker.output()}`);
    await sleep(100);
  }
}

describe('a linking worker killed mid-job', () => {
  let t: TestApp;
  const workers: Worker[] = [];

  beforeAll(async () => {
    // The API queues (its sources are PENDING) but runs no worker: the children do the work.
    t = await startTestApp({
      linking: true,
      runWorker: false,
      linkJobHeartbeatSeconds: 10,
      jobSuperviseSeconds: 2,
    });
  });
  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await t.close();
  });

  const sql = <T>(query: string, ...params: unknown[]) =>
    t.prisma.$queryRawUnsafe<T>(query, ...params);

  it('another worker takes over the batch; every source ends DONE, linked once', async () => {
    const workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "kill" }) { id } }`))
      .createWorkspace.id as string;
    const inputs = Array.from({ length: 8 }, (_, i) => {
      const a = article(31337, i, 3);
      return { workspaceId, url: a.url, title: a.title, publisher: a.publisher, text: a.text };
    });

    // Worker 1 claims a batch (marking its sources RUNNING) and is held there until we kill it.
    // It is up (its first queries done) before the sources exist: a process still starting can
    // block its event loop for longer than the 10 s lease on this loaded machine, and another
    // worker would then rightly take over the batch while worker 1 still holds it.
    const first = startWorker(t.db.url, {
      LINK_JOB_TEST_DELAY_MS: '600000',
      LINK_BATCH_CLAIMS: '60',
    });
    workers.push(first);
    await waitForOutput(first, /linking worker running/, 120_000);
    await t.ok(`mutation($i: [IngestSourceInput!]!) { ingestSources(inputs: $i) { id } }`, {
      i: inputs,
    });
    let victims: { id: string; revision: string }[] = [];
    const deadline = Date.now() + 120_000;
    while (victims.length === 0) {
      if (first.proc.exitCode !== null) throw new Error(`worker 1 exited: ${first.output()}`);
      if (Date.now() > deadline) throw new Error(`no batch started: ${first.output()}`);
      victims = await sql<{ id: string; revision: string }[]>(
        `SELECT id, current_revision_id AS revision FROM source
          WHERE workspace_id = $1::uuid AND linking_status = 'RUNNING'`,
        workspaceId,
      );
      await sleep(100);
    }
    const leaseOf = async () =>
      sql<{ id: string; claimed_by: string; attempts: number }[]>(
        `SELECT id, linking_claimed_by AS claimed_by, linking_attempts AS attempts FROM source
          WHERE id = ANY($1::uuid[]) ORDER BY id`,
        victims.map((v) => v.id),
      );
    const held = await leaseOf();
    // One batch, one worker, a first attempt; the rest of the workspace waits its turn.
    expect(new Set(held.map((h) => h.claimed_by)).size).toBe(1);
    for (const h of held) expect(h.attempts).toBe(1);
    expect(victims.length).toBeLessThan(inputs.length);

    first.proc.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Killed mid-job: the source is left RUNNING and nothing of its linking was written.
    const linkedEvents = async () =>
      sql<{ subject_id: string; n: bigint }[]>(
        `SELECT subject_id, count(*) AS n FROM audit_event
          WHERE workspace_id = $1::uuid AND action = 'source.linked' GROUP BY 1`,
        workspaceId,
      );
    const revisions = new Set(victims.map((v) => v.revision));
    expect((await linkedEvents()).filter((e) => revisions.has(e.subject_id))).toEqual([]);

    // Worker 2 (no delay) does the rest, including the killed batch once its lease has lapsed.
    const second = startWorker(t.db.url, {});
    workers.push(second);
    await waitForLinking(t, workspaceId, 240_000);

    const statuses = await sql<{ linking_status: string }[]>(
      `SELECT linking_status::text FROM source WHERE workspace_id = $1::uuid`,
      workspaceId,
    );
    expect(statuses.every((s) => s.linking_status === 'DONE')).toBe(true);
    // The killed batch's sources were claimed again (a second attempt) by the other worker.
    for (const h of await leaseOf()) {
      expect(h.attempts).toBe(2);
      expect(h.claimed_by).not.toBe(held[0]!.claimed_by);
    }

    // Exactly one completed linking run per revision, the killed one included: the kill came
    // before the run's single transaction, so the retry is its only run.
    const events = await linkedEvents();
    expect(events).toHaveLength(inputs.length);
    for (const e of events) expect(Number(e.n)).toBe(1);
    for (const v of victims) expect(events.map((e) => e.subject_id)).toContain(v.revision);

    // No pair linked twice (the unique pair constraint holds, every row oriented a < b). A fresh
    // relink is compared in restart.spec.ts, where the linker runs in-process: here the workers run
    // dist/ and this process runs src/, which may differ while others edit the classifier.
    const linked = await sql<{ a_id: string; b_id: string }[]>(
      `SELECT a_id, b_id FROM claim_link WHERE workspace_id = $1::uuid`,
      workspaceId,
    );
    expect(linked.length).toBeGreaterThan(0);
    expect(new Set(linked.map((l) => `${l.a_id}|${l.b_id}`)).size).toBe(linked.length);
    for (const l of linked) expect(l.a_id < l.b_id).toBe(true);

    // And the surviving worker still shuts down cleanly.
    second.proc.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 480_000);
});
