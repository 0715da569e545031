/**
 * LinkingRunner owns a run's life: RUNNING (claimed), linked, after-link steps in their declared
 * order, then DONE; or PENDING to retry and FAILED with the reason after three attempts. One
 * bad source in a batch does not fail the others.
 */
import { SYSTEM_ACTOR } from '../../src/common/actor.js';
import { AfterLinkSteps } from '../../src/linking/jobs/after-link.steps.js';
import { LinkingQueueRepository } from '../../src/linking/jobs/linking-queue.repository.js';
import { LinkingRunner } from '../../src/linking/jobs/linking.runner.js';
import { LinkingService } from '../../src/linking/linking.service.js';
import { IngestService } from '../../src/ingest/ingest.service.js';
import { WorkspaceService } from '../../src/workspaces/workspace.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('LinkingRunner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ linking: true, runWorker: false, linkJobHeartbeatSeconds: 10 });
  });
  afterAll(async () => {
    await t.close();
  });

  const status = async (workspaceId: string) =>
    t.prisma.$queryRawUnsafe<
      {
        url: string;
        linking_status: string;
        linking_error: string | null;
        linking_attempts: number;
      }[]
    >(
      `SELECT url, linking_status::text, linking_error, linking_attempts FROM source
        WHERE workspace_id = $1::uuid ORDER BY url`,
      workspaceId,
    );

  it('links a batch, runs the after-link steps, marks DONE; isolates and finally fails a bad source', async () => {
    const ws = (await t.app.get(WorkspaceService).create('runner')).id;
    await t.app.get(IngestService).ingest(
      [
        'The Kovel bridge was destroyed on Monday, officials said.',
        'The Kovel bridge was blown up on Monday, the army said.',
        'POISON: this source makes the classifier fail.',
      ].map((text, i) => ({ workspaceId: ws, text, url: `https://r.example/${i}` })),
      SYSTEM_ACTOR,
    );
    const linking = t.app.get(LinkingService);
    const original = linking.linkBatch.bind(linking);
    const poisoned = new Set(
      (
        await t.prisma.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id FROM source WHERE workspace_id = $1::uuid AND url LIKE '%/2'`,
          ws,
        )
      ).map((r) => r.id),
    );
    const batches: number[] = [];
    linking.linkBatch = async (workspaceId, refs, actor) => {
      batches.push(refs.length);
      if (refs.some((r) => poisoned.has(r.sourceId))) throw new Error('model endpoint said 500');
      return original(workspaceId, refs, actor);
    };
    const stepsSeen: string[][] = [];
    const steps = t.app.get(AfterLinkSteps);
    const run = steps.run.bind(steps);
    steps.run = async (ids, context) => {
      if (ids.length) stepsSeen.push([...ids].sort());
      return run(ids, context);
    };
    try {
      const queue = t.app.get(LinkingQueueRepository);
      const runner = t.app.get(LinkingRunner);
      const first = await queue.claimBatch('runner-test', 60, 400, ws);
      expect(first).toHaveLength(3);
      const report = await runner.run('runner-test', first);
      // The batch failed, then each source alone: two linked, the bad one back in the queue.
      expect(batches).toEqual([3, 1, 1, 1]);
      expect(report).toMatchObject({ sources: 3, done: 2, failed: 0 });
      expect(stepsSeen).toHaveLength(2);
      let rows = await status(ws);
      expect(rows.map((r) => r.linking_status)).toEqual(['DONE', 'DONE', 'PENDING']);
      expect(rows[2]!.linking_error).toBe('retrying: model endpoint said 500');

      // Two more attempts (the retry wait skipped): the third ends FAILED with the reason.
      for (let attempt = 2; attempt <= 3; attempt++) {
        await t.prisma.$executeRawUnsafe(
          `UPDATE source SET linking_lease_until = NULL WHERE workspace_id = $1::uuid`,
          ws,
        );
        const again = await queue.claimBatch('runner-test', 60, 400, ws);
        expect(again.map((c) => c.attempts)).toEqual([attempt]);
        await runner.run('runner-test', again);
      }
      rows = await status(ws);
      expect(rows[2]).toMatchObject({
        linking_status: 'FAILED',
        linking_error: 'model endpoint said 500',
        linking_attempts: 3,
      });
      const progress = (
        await t.ok(`query($id: ID!) { workspace(id: $id) { linking { done failed complete } } }`, {
          id: ws,
        })
      ).workspace.linking;
      expect(progress).toEqual({ done: 2, failed: 1, complete: true });
    } finally {
      linking.linkBatch = original;
      steps.run = run;
    }
  });

  it('leaves re-clustering to the batch that drains the backlog, which brings clusters up to date', async () => {
    const ws = (await t.app.get(WorkspaceService).create('runner backlog')).id;
    await t.app.get(IngestService).ingest(
      [
        'The Kovel bridge was destroyed on Monday by artillery fire, officials said.',
        'The Kovel bridge was destroyed on Monday by artillery fire, the army said.',
        'Artillery fire destroyed the Kovel bridge on Monday, residents said.',
      ].map((text, i) => ({ workspaceId: ws, text, url: `https://b.example/${i}` })),
      SYSTEM_ACTOR,
    );
    const steps = t.app.get(AfterLinkSteps);
    const run = steps.run.bind(steps);
    const backlog: boolean[] = [];
    steps.run = async (ids, context) => {
      backlog.push(ids.length > 0 && context.backlog);
      return run(ids, context);
    };
    const clustered = async () =>
      (
        await t.prisma.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM cluster_member WHERE workspace_id = $1::uuid`,
          ws,
        )
      )[0]!.n;
    const dirty = async () =>
      (
        await t.prisma.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM tracking_dirty_claim WHERE workspace_id = $1::uuid`,
          ws,
        )
      )[0]!.n;
    try {
      const queue = t.app.get(LinkingQueueRepository);
      const runner = t.app.get(LinkingRunner);
      // One source per batch: the first two leave work queued behind them.
      for (let i = 0; i < 3; i++) {
        const batch = await queue.claimBatch('runner-test', 60, 1, ws, 1);
        expect(batch).toHaveLength(1);
        await runner.run('runner-test', batch);
        if (i === 1) {
          expect(await clustered()).toBe(0);
          expect(await dirty()).toBeGreaterThan(0);
        }
      }
      expect(backlog).toEqual([true, true, false]);
      expect(await dirty()).toBe(0);
      expect(await clustered()).toBe(3);
    } finally {
      steps.run = run;
    }
  });

  it('catches clusters up when the last of two concurrent batches finishes', async () => {
    const ws = (await t.app.get(WorkspaceService).create('runner concurrent')).id;
    await t.app.get(IngestService).ingest(
      [
        'The Dorvik dam burst on Tuesday night after heavy rain, officials said.',
        'The Dorvik dam burst on Tuesday night after heavy rain, the mayor said.',
      ].map((text, i) => ({ workspaceId: ws, text, url: `https://c.example/${i}` })),
      SYSTEM_ACTOR,
    );
    const queue = t.app.get(LinkingQueueRepository);
    const runner = t.app.get(LinkingRunner);
    const steps = t.app.get(AfterLinkSteps);
    const run = steps.run.bind(steps);
    const a = await queue.claimBatch('runner-a', 60, 1, ws, 1);
    const b = await queue.claimBatch('runner-b', 60, 1, ws, 1);
    expect([a.length, b.length]).toEqual([1, 1]);
    let bFinished!: () => void;
    const bDone = new Promise<void>((resolve) => (bFinished = resolve));
    const calls: string[] = [];
    steps.run = async (ids, context) => {
      const who = ids.length === 0 ? 'drain' : ids[0] === a[0]!.sourceId ? 'a' : 'b';
      calls.push(`${who}:${context.backlog}`);
      // a's steps wait until b has finished: b sees a RUNNING, a then finds nothing left.
      if (who === 'a') await bDone;
      return run(ids, context);
    };
    try {
      const first = runner.run('runner-a', a);
      // a has taken its backlog decision (b RUNNING) once it reached its steps.
      while (!calls.includes('a:true')) await new Promise((r) => setTimeout(r, 10));
      await runner.run('runner-b', b);
      bFinished();
      await first;
      expect(calls).toEqual(['a:true', 'b:true', 'drain:false']);
      const [{ n }] = await t.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM cluster_member WHERE workspace_id = $1::uuid`,
        ws,
      );
      expect(n).toBe(2);
      const [{ d }] = await t.prisma.$queryRawUnsafe<{ d: number }[]>(
        `SELECT count(*)::int AS d FROM tracking_dirty_claim WHERE workspace_id = $1::uuid`,
        ws,
      );
      expect(d).toBe(0);
    } finally {
      steps.run = run;
    }
  });

  it('runs after-link steps in the declared order, and refuses unknown or repeated names', async () => {
    const steps = new AfterLinkSteps();
    const calls: string[] = [];
    steps.register('clusters', async (ids) => {
      calls.push(`clusters:${ids.join(',')}`);
    });
    expect(() => steps.register('clusters', async () => undefined)).toThrow(/twice/);
    expect(() => steps.register('nope' as 'clusters', async () => undefined)).toThrow(/unknown/);
    const ms = await steps.run(['a', 'b'], { workspaceId: 'w', backlog: false });
    expect(calls).toEqual(['clusters:a,b']);
    expect(Object.keys(ms)).toEqual(['clusters']);
  });
});
