/**
 * Graceful shutdown of the real entry point: `node dist/main.js` gets SIGTERM while a slow
 * request is in flight. The request must complete (200, every source written) before the
 * process exits 0, and the port must stop accepting new work. Runs the built code (`npm run
 * build` first), as a deployment would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { article } from '../../bench/articles.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { freePort } from '../support/free-port.js';

const MAIN = join(PROJECT_ROOT, 'dist', 'main.js');

/** Resolves when the child prints a line matching `pattern`; rejects if it exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output: ${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; output: ${seen}`));
    });
  });
}

/**
 * A raw HTTP POST, so the test knows the moment the whole body has been handed to the server
 * (fetch only tells us when the response starts).
 */
function post(
  url: string,
  body: string,
  onBodySent: () => void,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('finish', onBodySent);
    req.end(body);
  });
}

describe('graceful shutdown of node dist/main.js', () => {
  let db: TestDatabase;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db.drop();
  });

  it('finishes an in-flight bulk ingest with 200 before exiting 0 on SIGTERM', async () => {
    const port = await freePort();
    const proc = spawn(process.execPath, [MAIN], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        // A trusted single-user setup: no key needed for a process we start ourselves.
        AUTH: 'false',
        LINKING: 'false',
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'warn',
        // The default 25 s can be too short for this request on a loaded 2-core machine; the
        // test is about order (drain, then close), not speed.
        SHUTDOWN_GRACE_SECONDS: '600',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      proc.once('exit', (code, signal) => resolve({ code, signal })),
    );
    await waitForOutput(proc, /GraphQL API: http/, 90_000);
    const url = `http://127.0.0.1:${port}/graphql`;

    const created = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { createWorkspace(input: { name: "shutdown" }) { id } }',
      }),
    });
    const workspaceId = ((await created.json()) as { data: { createWorkspace: { id: string } } })
      .data.createWorkspace.id;

    // ~80 articles of ~600 words: extraction and the write take seconds, far longer than the
    // gap between the body arriving and SIGTERM.
    const inputs = Array.from({ length: 80 }, (_, i) => {
      const a = article(4242, i, 40);
      return { workspaceId, url: a.url, title: a.title, publisher: a.publisher, text: a.text };
    });
    const body = JSON.stringify({
      query: 'mutation($i: [IngestSourceInput!]!) { ingestSources(inputs: $i) { id } }',
      variables: { i: inputs },
    });
    let signalledAt = 0;
    const response = post(url, body, () => {
      // Let the server parse the body and start the request before the signal arrives.
      setTimeout(() => {
        signalledAt = Date.now();
        proc.kill('SIGTERM');
      }, 300);
    });

    const res = await response;
    const answeredAt = Date.now();
    expect(signalledAt).toBeGreaterThan(0);
    expect(res.status).toBe(200);
    const parsed = JSON.parse(res.text) as {
      data?: { ingestSources: unknown[] };
      errors?: unknown;
    };
    expect(parsed.errors).toBeUndefined();
    expect(parsed.data?.ingestSources).toHaveLength(inputs.length);

    const exit = await exited;
    expect(exit).toEqual({ code: 0, signal: null });
    // The request was genuinely in flight when the signal came (not answered before it).
    expect(answeredAt).toBeGreaterThan(signalledAt);

    // Everything the 200 promised is in the database.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM source WHERE workspace_id = $1::uuid',
        [workspaceId],
      );
      expect(Number(rows[0]!.n)).toBe(inputs.length);
    } finally {
      await client.end();
    }
    // And the port is closed: nothing serves after exit.
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  }, 240_000);
});
