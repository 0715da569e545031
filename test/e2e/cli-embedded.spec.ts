/**
 * The README's commands on the embedded default (no DATABASE_URL), as a new user runs them: beside
 * a running `npm start`, two at once, and alone. Runs the built service and commands (dist/, which
 * `npm test` builds first) as separate processes on a data folder of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { readPostmaster } from '../../src/database/shared-embedded.js';
import { freePort } from '../support/free-port.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const DIST = join(PROJECT_ROOT, 'dist');

describe('commands on the embedded database', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let service: ChildProcess | null = null;
  let port: number;
  let archive: string;

  function run(script: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [join(DIST, script), ...args], {
        env: { ...env, ...extraEnv },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  }

  /** A command succeeded, and said nothing of `undefined` or a TypeError. */
  function expectClean(result: Run) {
    expect(result.stderr).not.toMatch(/undefined|TypeError|EADDRINUSE/);
    if (result.code !== 0) throw new Error(`exit code ${result.code}:\n${result.stderr}`);
  }

  async function startService() {
    port = await freePort();
    service = spawn(process.execPath, [join(DIST, 'main.js')], {
      env: { ...env, PORT: String(port) },
    });
    let out = '';
    await new Promise<void>((ready, fail) => {
      service!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('GraphQL API')) ready();
      });
      service!.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      service!.on('exit', () => fail(new Error(`the service exited:\n${out}`)));
    });
  }

  async function stopService() {
    if (!service) return;
    const exited = new Promise((done) => service!.once('exit', done));
    service.kill('SIGTERM');
    await exited;
    service = null;
  }

  async function serviceAnswers(): Promise<boolean> {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return res.ok;
  }

  beforeAll(() => {
    if (!existsSync(join(DIST, 'cli', 'ingest.js')))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    dataDir = mkdtempSync(join(tmpdir(), 'claimtrace-cli-'));
    env = { ...process.env, CLAIMTRACE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    writeFileSync(
      join(dataDir, 'a.txt'),
      'The council approved 12 new buses on Monday, the mayor said.\n',
    );
    writeFileSync(
      join(dataDir, 'b.txt'),
      'The council rejected the transport budget on Tuesday, officials said.\n',
    );
  });

  afterAll(async () => {
    await stopService();
    const left = readPostmaster(dataDir);
    if (left) process.kill(left.pid, 'SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every command beside a running service, which keeps running', async () => {
    await startService();
    const servicePg = readPostmaster(dataDir);
    expect(servicePg).not.toBeNull();

    expectClean(await run('cli/demo.js', []));
    const [one, two] = await Promise.all([
      run('cli/ingest.js', ['--workspace', 'X', join(dataDir, 'a.txt')]),
      run('cli/ingest.js', ['--workspace', 'X', join(dataDir, 'b.txt')]),
    ]);
    expectClean(one);
    expectClean(two);
    expect(one.stdout + two.stdout).toMatch(/ingested: 1[^]*ingested: 1/);
    expectClean(await run('cli/relink.js', ['--workspace', 'X']));
    expectClean(await run('cli/export.js', ['--workspace', 'X', '--out', join(dataDir, 'export')]));
    expect(readdirSync(join(dataDir, 'export')).sort()).toEqual(['claims.csv', 'links.csv']);
    expectClean(await run('cli/keys.js', ['list']));
    archive = join(dataDir, 'x.ctar.gz');
    expectClean(await run('cli/workspace-export.js', ['--workspace', 'X', '--out', archive]));
    // Importing it back into the same installation is refused with what to do instead.
    const again = await run('cli/workspace-import.js', [archive]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists in this installation/);
    expect(again.stderr).not.toMatch(/undefined|TypeError/);
    expectClean(await run('cli/migrate.js', []));

    // Same server all along, and the service still answers.
    expect(readPostmaster(dataDir)).toEqual(servicePg);
    expect(await serviceAnswers()).toBe(true);
    await stopService();
    expect(readPostmaster(dataDir)).toBeNull();

    // The archive restores into another installation (a fresh embedded data folder).
    const other = join(dataDir, 'other-installation');
    const restored = await run('cli/workspace-import.js', [archive], {
      CLAIMTRACE_DATA_DIR: other,
    });
    expectClean(restored);
    expect(restored.stdout).toMatch(/imported workspace "X"[^]*sources 2[^]*audit chain verified/);
    expect(readPostmaster(other)).toBeNull();
  }, 300_000);

  it('runs two commands at once with no service: one starts the server, the last out stops it', async () => {
    // A record left by a crashed command (a pid that no longer runs) must not pin the server.
    writeFileSync(join(dataDir, 'embedded-postgres.users', '999999'), 'cli\n');
    const [one, two] = await Promise.all([
      run('cli/ingest.js', ['--workspace', 'Y', join(dataDir, 'a.txt')]),
      run('cli/ingest.js', ['--workspace', 'Y', join(dataDir, 'b.txt')]),
    ]);
    expectClean(one);
    expectClean(two);
    expect(readPostmaster(dataDir)).toBeNull();
    expect(readdirSync(join(dataDir, 'embedded-postgres.users'))).toEqual([]);
    // The data is there when the next command starts the server again.
    const again = await run('cli/ingest.js', ['--workspace', 'Y', join(dataDir, 'a.txt')]);
    expectClean(again);
    expect(again.stdout).toContain('unchanged: 1');
  }, 240_000);
});
