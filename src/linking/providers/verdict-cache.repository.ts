import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { VerdictCache } from './pair-scorer.js';

/** The relation-model cache and budget counters (tables relation_model_cache, relation_model_usage). */
@Injectable()
export class VerdictCacheRepository implements VerdictCache {
  constructor(private readonly prisma: PrismaService) {}

  async get(scorerId: string, keys: readonly string[]): Promise<Map<string, unknown>> {
    if (keys.length === 0) return new Map();
    const rows = await this.prisma.$queryRawUnsafe<{ pair_key: string; raw: unknown }[]>(
      `SELECT pair_key, raw FROM relation_model_cache WHERE scorer_id = $1 AND pair_key = ANY($2::text[])`,
      scorerId,
      keys,
    );
    return new Map(rows.map((r) => [r.pair_key, r.raw]));
  }

  async put(
    scorerId: string,
    entries: ReadonlyArray<{ key: string; raw: unknown }>,
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO relation_model_cache (scorer_id, pair_key, raw)
       SELECT $1, k, r FROM unnest($2::text[], $3::jsonb[]) AS t(k, r)
       ON CONFLICT (scorer_id, pair_key) DO UPDATE SET raw = EXCLUDED.raw, created_at = now()`,
      scorerId,
      entries.map((e) => e.key),
      entries.map((e) => JSON.stringify(e.raw)),
    );
  }

  /**
   * Takes up to `wanted` pairs from the scope's budget in one statement (concurrent workers
   * cannot overspend) and returns how many were granted.
   */
  async reserve(scope: string, scorerId: string, wanted: number, budget: number): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<{ granted: number }[]>(
      `WITH ensure AS (
         INSERT INTO relation_model_usage (scope, scorer_id, pairs) VALUES ($1, $2, 0)
         ON CONFLICT (scope, scorer_id) DO NOTHING
       )
       UPDATE relation_model_usage u
          SET pairs = LEAST($4::int, u.pairs + $3::int), updated_at = now()
         FROM (SELECT pairs AS before FROM relation_model_usage
                WHERE scope = $1 AND scorer_id = $2 FOR UPDATE) b
        WHERE u.scope = $1 AND u.scorer_id = $2
    RETURNING GREATEST(0, LEAST($4::int, b.before + $3::int) - b.before)::int AS granted`,
      scope,
      scorerId,
      wanted,
      budget,
    );
    // First use of a scope: the CTE's insert is not visible to the UPDATE in the same statement.
    if (rows.length === 0) return this.reserve(scope, scorerId, wanted, budget);
    return rows[0]!.granted;
  }

  async used(scope: string, scorerId: string): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<{ pairs: number }[]>(
      `SELECT pairs FROM relation_model_usage WHERE scope = $1 AND scorer_id = $2`,
      scope,
      scorerId,
    );
    return rows[0]?.pairs ?? 0;
  }
}
