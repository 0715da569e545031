/**
 * A linking worker killed mid-job (SIGKILL: no chance to clean up) loses nothing: its job's
 * heartbeat stops, pg-boss fails it and retries it on another worker, and the source ends DONE
 * with its links written once. Runs the built worker (`node dist/worker.js`, so `npm run build`
 * first) against this file's own database on the shared server.
 *
 * The job is held RUNNING by the test-only LINK_JOB_TEST_DELAY_MS (see src/config/env.ts): on a
 * loaded machine a "naturally slow" job is either too quick to catch or too slow to finish.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { article } from '../../src/bench/articles.js';
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
      // A dead worker's job is noticed within ~10 s + 2 s instead of the 5 minutes of expiry.
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
    // The API enqueues (and its pg-boss supervises) but runs no worker: the children do the work.
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

  it('retries the job on another worker; the source ends DONE, linked once', async () => {
    const workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "kill" }) { id } }`))
      .createWorkspace.id as string;
    const inputs = Array.from({ length: 8 }, (_, i) => {
      const a = article(31337, i, 3);
      return { workspaceId, url: a.url, title: a.title, publisher: a.publisher, text: a.text };
    });

    // Worker 1 claims a job, marks its source RUNNING, and is held there until we kill it. It is
    // up (its first queries done) before the jobs exist: a process still starting can block its
    // event loop for longer than the 10 s heartbeat on this loaded machine, and pg-boss would
    // then rightly retry the job while worker 1 still holds it.
    const first = startWorker(t.db.url, { LINK_JOB_TEST_DELAY_MS: '600000' });
    workers.push(first);
    await waitForOutput(first, /linking worker running/, 120_000);
    await t.ok(`mutation($i: [IngestSourceInput!]!) { ingestSources(inputs: $i) { id } }`, {
      i: inputs,
    });
    let victim: { id: string; revision: string } | undefined;
    const deadline = Date.now() + 120_000;
    while (!victim) {
      if (first.proc.exitCode !== null) throw new Error(`worker 1 exited: ${first.output()}`);
      if (Date.now() > deadline) throw new Error(`no job started: ${first.output()}`);
      [victim] = await sql<{ id: string; revision: string }[]>(
        `SELECT id, current_revision_id AS revision FROM source
          WHERE workspace_id = $1::uuid AND linking_status = 'RUNNING'`,
        workspaceId,
      );
      await sleep(100);
    }
    const jobOf = async () =>
      sql<{ state: string; retry_count: number }[]>(
        `SELECT state::text, retry_count FROM pgboss.job
          WHERE name = 'link-source' AND data->>'sourceId' = $1`,
        victim!.id,
      );
    expect(await jobOf()).toEqual([{ state: 'active', retry_count: 0 }]);

    first.proc.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Killed mid-job: the source is left RUNNING and nothing of its linking was written.
    const linkedEvents = async () =>
      sql<{ subject_id: string; n: bigint }[]>(
        `SELECT subject_id, count(*) AS n FROM audit_event
          WHERE workspace_id = $1::uuid AND action = 'source.linked' GROUP BY 1`,
        workspaceId,
      );
    expect((await linkedEvents()).find((e) => e.subject_id === victim!.revision)).toBeUndefined();

    // Worker 2 (no delay) does the rest, including the killed job once its heartbeat has lapsed.
    const second = startWorker(t.db.url, {});
    workers.push(second);
    await waitForLinking(t, workspaceId, 240_000);

    const statuses = await sql<{ linking_status: string }[]>(
      `SELECT linking_status::text FROM source WHERE workspace_id = $1::uuid`,
      workspaceId,
    );
    expect(statuses.every((s) => s.linking_status === 'DONE')).toBe(true);
    // The killed job was retried (not re-created) and completed.
    const [job] = await jobOf();
    expect(job!.state).toBe('completed');
    expect(job!.retry_count).toBeGreaterThanOrEqual(1);
    expect(await jobOf()).toHaveLength(1);

    // Exactly one completed linking run per revision, the killed one included: the kill came
    // before the run's single transaction, so the retry is its only run.
    const events = await linkedEvents();
    expect(events).toHaveLength(inputs.length);
    for (const e of events) expect(Number(e.n)).toBe(1);
    expect(events.map((e) => e.subject_id)).toContain(victim.revision);

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
