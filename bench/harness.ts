/**
 * What both benchmarks share: a fresh database per bench on the local server, the real services
 * booted like the CLIs boot them (Nest application context, no HTTP), and the measurements that
 * make noisy figures interpretable (load average, CPU time of this process and of our own
 * PostgreSQL backends, peak RSS).
 */
import 'reflect-metadata';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { loadConfig, PROJECT_ROOT, type AppConfig } from '../src/config/env.js';
import { migrate } from '../src/database/migrator.js';
import { PrismaService } from '../src/database/prisma.service.js';

/** The local server's maintenance database; DATABASE_URL overrides (its database name is replaced). */
export function adminUrl(): string {
  return process.env.DATABASE_URL?.trim() || 'postgresql://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and recreates `name`, then applies the migrations: every run starts from the same state. */
export async function freshDatabase(name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  await migrate(url);
  return url;
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface Booted {
  app: INestApplicationContext;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The services as `runCli` boots them. Linking off: no linking worker, no ingest listener, so sources
 * are written DONE and nothing runs in the background while we measure.
 */
export async function boot(url: string, overrides: Partial<AppConfig> = {}): Promise<Booted> {
  const config: AppConfig = {
    ...loadConfig(),
    databaseUrl: url,
    linking: false,
    runWorker: false,
    ...overrides,
  };
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, url, { graphql: false }),
    { logger: ['error', 'warn'] },
  );
  return { app, config, close: () => app.close() };
}

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux we run on. */
const CLK_TCK = 100;

export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0; // the backend exited
  }
}

/**
 * CPU time spent for us: this process plus the PostgreSQL backends connected to our database.
 * Unlike wall time it barely moves when other processes compete for the two cores, so it is the
 * figure to compare between workspace sizes on a shared machine.
 */
export class CpuMeter {
  private constructor(
    private readonly prisma: PrismaService,
    private readonly database: string,
  ) {}

  static for(app: INestApplicationContext, database: string) {
    return new CpuMeter(app.get(PrismaService), database);
  }

  async snapshot(): Promise<{ node: number; pg: Map<number, number> }> {
    const rows = await this.prisma.$queryRawUnsafe<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1`,
      this.database,
    );
    const cpu = process.cpuUsage();
    return {
      node: (cpu.user + cpu.system) / 1000,
      pg: new Map(rows.map((r) => [r.pid, procCpuMs(r.pid)])),
    };
  }

  /** Node and PostgreSQL CPU ms between two snapshots (backends opened meanwhile count from 0). */
  static delta(
    a: Awaited<ReturnType<CpuMeter['snapshot']>>,
    b: Awaited<ReturnType<CpuMeter['snapshot']>>,
  ) {
    let pgMs = 0;
    for (const [pid, ms] of b.pg) pgMs += ms - (a.pg.get(pid) ?? 0);
    return { nodeMs: b.node - a.node, pgMs };
  }
}

/** Peak resident set size of this process so far, in MiB (the kernel's own high-water mark). */
export const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
export const rssMiB = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export function machine(pgVersion: string) {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    postgres: pgVersion,
  };
}

export async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / (values.length || 1);
  return {
    n: values.length,
    mean: round(mean),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export function log(line: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/**
 * Full results as JSON under .data/bench-results/ (git- and prettier-ignored, like the embedded
 * database), so the figures in docs/benchmarks.md can be traced to a run.
 */
export function saveResults(name: string, data: unknown): string {
  const dir = join(PROJECT_ROOT, '.data', 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** Positive integer option, with the flag named in the error. */
export function positiveInt(flag: string) {
  return (raw: string) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer`);
    return n;
  };
}
