/**
 * The environment, read and validated once at boot: a wrong value stops the process with a
 * message that says which variable to fix, instead of failing later in a request.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppConfig {
  /** Set: use this PostgreSQL server. Unset: start the embedded one under `dataDir`. */
  databaseUrl: string | null;
  port: number;
  host: string;
  /** Project-local folder for the embedded database and generated secrets. */
  dataDir: string;
  /** Preferred port for the embedded PostgreSQL (a free one is picked when taken). */
  embeddedPgPort: number;
  /** Claims below this score are hidden from `Source.claims` unless asked for. */
  checkworthinessThreshold: number;
  /** Largest accepted source text, in bytes of UTF-8. */
  maxSourceBytes: number;
  /** Largest accepted HTTP request body, in bytes. */
  maxBodyBytes: number;
  /** Link sources after ingest (jobs in PostgreSQL). Off: sources are DONE at once, with no links. */
  linking: boolean;
  /** Run a linking worker inside this process (the API does by default; `npm run worker` adds more). */
  runWorker: boolean;
  logLevel: string;
  /** Requests per minute per API key (or per address without one); 0 switches the limit off. */
  rateLimitPerMinute: number;
  /** API keys and workspace roles; off only for trusted single-user setups. */
  auth: boolean;
  /** Schema introspection and the /explorer page; switch off in production if wanted. */
  introspection: boolean;
  /**
   * The lease a linking worker holds on the batch it claimed, renewed by heartbeat while it works:
   * a batch whose worker stops renewing (killed, machine lost, database connection gone) is
   * claimed again this long after the last renewal. 0: no heartbeat, the lease is
   * `linkJobExpireSeconds`.
   */
  linkJobHeartbeatSeconds: number;
  /** Lease without heartbeats (LINK_JOB_HEARTBEAT_SECONDS=0). */
  linkJobExpireSeconds: number;
  /** How often an idle worker looks for work claimed by a lost worker (new work wakes it sooner). */
  jobSuperviseSeconds: number;
  /** Claims per linking batch (sources are added while the sum stays under this; at least one). */
  linkBatchClaims: number;
  /** Threads classifying pairs in each worker process (0: one per core). */
  linkThreads: number;
  /**
   * Store links with the calibrated confidence (link-calibration.ts) rather than the
   * classifier's. Off only to fit the calibration itself (npm run train:calibration).
   */
  linkCalibration: boolean;
  /**
   * Test-only: a linking job sleeps this long (after marking its source RUNNING, before linking),
   * so a fault test can kill a worker mid-job deterministically. Always 0 in real deployments.
   */
  linkJobTestDelayMs: number;
  /** After SIGTERM, how long in-flight HTTP requests get to finish before they are cut. */
  shutdownGraceSeconds: number;
  /** Who decides relations: the built-in classifier alone, or a model re-scoring its pairs. */
  relationProvider: RelationProviderConfig;
}

/** Options shared by the providers that re-score the built-in classifier's pairs. */
export interface RescoreConfig {
  /** At most this many of one claim's candidate pairs go to the model (the most promising). */
  perClaim: number;
  /** Pairs per model call (one ONNX run, or one chat-completions request). */
  batchSize: number;
}

export type RelationProviderConfig =
  | { kind: 'builtin' }
  | ({
      kind: 'onnx-nli';
      /** Folder with model.onnx (or onnx/model.onnx), config.json, tokenizer.json. */
      dir: string;
      /** Longest input in tokens; null: the model's own limit from its config. */
      maxTokens: number | null;
      /** Temperature file written by `npm run calibrate:model`; null: <dir>/claimtrace-calibration.json if present. */
      calibrationFile: string | null;
    } & RescoreConfig)
  | ({
      kind: 'llm';
      /** An OpenAI-compatible base URL (…/v1) or the full …/chat/completions URL. */
      url: string;
      model: string;
      apiKey: string | null;
      /** Pairs sent to the endpoint per workspace (cache hits are free); 0 stops all calls. */
      budgetPairs: number;
      maxRetries: number;
      backoffMs: number;
      timeoutMs: number;
    } & RescoreConfig);

export const RELATION_PROVIDERS = ['builtin', 'onnx-nli', 'llm'] as const;

export class ConfigError extends Error {}

/**
 * The repository root, whether running from src/ (tests), dist/ (the product) or .build/tools/src/
 * (benchmarks and evaluation, built apart so they do not ship in dist/): the nearest folder above
 * this file that holds the project's package.json and prisma/.
 */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'prisma'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..', '..');
  }
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function floatVar(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function heartbeatVar(env: NodeJS.ProcessEnv) {
  const value = intVar(env, 'LINK_JOB_HEARTBEAT_SECONDS', 60, 0, 3600);
  if (value !== 0 && value < 10) {
    throw new ConfigError(
      `LINK_JOB_HEARTBEAT_SECONDS must be 0 (off) or at least 10, got ${value}`,
    );
  }
  return value;
}

function relationProviderVar(env: NodeJS.ProcessEnv): RelationProviderConfig {
  const dir = env.RELATION_MODEL_DIR?.trim() || null;
  const url = env.RELATION_LLM_URL?.trim() || null;
  const named = env.RELATION_PROVIDER?.trim() || null;
  if (named && !(RELATION_PROVIDERS as readonly string[]).includes(named)) {
    throw new ConfigError(
      `RELATION_PROVIDER must be one of ${RELATION_PROVIDERS.join(', ')}, got "${named}"`,
    );
  }
  if (!named && dir && url) {
    throw new ConfigError(
      'RELATION_MODEL_DIR and RELATION_LLM_URL are both set: set RELATION_PROVIDER=onnx-nli or RELATION_PROVIDER=llm to choose one',
    );
  }
  const kind = named ?? (dir ? 'onnx-nli' : url ? 'llm' : 'builtin');
  const perClaim = intVar(env, 'RELATION_RESCORE_PER_CLAIM', 8, 1, 1000);
  if (kind === 'onnx-nli') {
    if (!dir) {
      throw new ConfigError(
        'RELATION_PROVIDER=onnx-nli needs RELATION_MODEL_DIR (the exported model folder)',
      );
    }
    const maxTokens = intVar(env, 'RELATION_MODEL_MAX_TOKENS', 0, 0, 8192);
    return {
      kind,
      dir: resolve(dir),
      maxTokens: maxTokens === 0 ? null : maxTokens,
      calibrationFile: env.RELATION_MODEL_CALIBRATION?.trim()
        ? resolve(env.RELATION_MODEL_CALIBRATION.trim())
        : null,
      perClaim,
      batchSize: intVar(env, 'RELATION_MODEL_BATCH', 16, 1, 1024),
    };
  }
  if (kind === 'llm') {
    if (!url) {
      throw new ConfigError(
        'RELATION_PROVIDER=llm needs RELATION_LLM_URL (an OpenAI-compatible endpoint)',
      );
    }
    if (!/^https?:\/\/[^\s]+$/.test(url)) {
      throw new ConfigError(`RELATION_LLM_URL must be an http:// or https:// URL, got "${url}"`);
    }
    const model = env.RELATION_LLM_MODEL?.trim();
    if (!model) {
      throw new ConfigError(
        'RELATION_LLM_URL is set: RELATION_LLM_MODEL must name the model to ask',
      );
    }
    return {
      kind,
      url,
      model,
      apiKey: env.RELATION_LLM_API_KEY?.trim() || null,
      budgetPairs: intVar(env, 'RELATION_LLM_BUDGET', 2000, 0, 100_000_000),
      maxRetries: intVar(env, 'RELATION_LLM_MAX_RETRIES', 4, 0, 20),
      backoffMs: intVar(env, 'RELATION_LLM_BACKOFF_MS', 1000, 0, 600_000),
      timeoutMs: intVar(env, 'RELATION_LLM_TIMEOUT_MS', 60_000, 100, 3_600_000),
      perClaim,
      batchSize: intVar(env, 'RELATION_LLM_BATCH', 8, 1, 100),
    };
  }
  return { kind: 'builtin' };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      `DATABASE_URL must be a postgres:// or postgresql:// URL, got "${databaseUrl.replace(/:[^:@/]*@/, ':***@')}"`,
    );
  }
  return {
    databaseUrl,
    port: intVar(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.CLAIMTRACE_DATA_DIR?.trim() || join(PROJECT_ROOT, '.data')),
    embeddedPgPort: intVar(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    checkworthinessThreshold: floatVar(env, 'CHECKWORTHINESS_THRESHOLD', 0.5, 0, 1),
    maxSourceBytes: intVar(env, 'MAX_SOURCE_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    maxBodyBytes: intVar(env, 'MAX_BODY_BYTES', 8 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    linking: boolVar(env, 'LINKING', true),
    runWorker: boolVar(env, 'RUN_WORKER', true),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    introspection: boolVar(env, 'GRAPHQL_INTROSPECTION', true),
    auth: boolVar(env, 'AUTH', true),
    rateLimitPerMinute: intVar(env, 'RATE_LIMIT_PER_MINUTE', 3000, 0, 10_000_000),
    linkJobHeartbeatSeconds: heartbeatVar(env),
    linkJobExpireSeconds: intVar(env, 'LINK_JOB_EXPIRE_SECONDS', 300, 10, 24 * 3600),
    jobSuperviseSeconds: intVar(env, 'JOB_SUPERVISE_SECONDS', 5, 1, 3600),
    linkBatchClaims: intVar(env, 'LINK_BATCH_CLAIMS', 400, 1, 100_000),
    linkThreads: intVar(env, 'LINK_THREADS', 0, 0, 256),
    linkCalibration: boolVar(env, 'LINK_CALIBRATION', true),
    linkJobTestDelayMs: intVar(env, 'LINK_JOB_TEST_DELAY_MS', 0, 0, 600_000),
    shutdownGraceSeconds: intVar(env, 'SHUTDOWN_GRACE_SECONDS', 25, 1, 3600),
    relationProvider: relationProviderVar(env),
  };
}
