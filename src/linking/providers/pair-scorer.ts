import type { ModelVerdict } from './rescore.js';

/**
 * A model that judges pairs of statements, behind the re-scoring classifier. `score` may call
 * out (ONNX run, HTTP); `verdict` is pure, so a cached raw answer is judged again by the current
 * code (a new calibration file, a stricter quote check) without paying for the call twice.
 */
export interface PairScorer<Raw = unknown> {
  /** Provider, model and version, e.g. "onnx-nli:nli-deberta-v3-xsmall@sha256:1a2b3c4d5e6f". */
  readonly id: string;
  /** Short provider name for signals and logs. */
  readonly provider: string;
  /** Pairs per `score` call. */
  readonly batchSize: number;
  /** Pairs the caller may still send in this scope; Infinity when there is no budget. */
  reserve?(scope: string, wanted: number): Promise<number>;
  /** Raw answers in the pairs' order; null where the model gave none (not cached). */
  score(pairs: ReadonlyArray<readonly [string, string]>): Promise<(Raw | null)[]>;
  verdict(raw: Raw, pair: readonly [string, string]): ModelVerdict;
  close?(): Promise<void>;
}

/** Raw answers stored in PostgreSQL, keyed by scorer id and the canonical pair key. */
export interface VerdictCache {
  get(scorerId: string, keys: readonly string[]): Promise<Map<string, unknown>>;
  put(scorerId: string, entries: ReadonlyArray<{ key: string; raw: unknown }>): Promise<void>;
}
