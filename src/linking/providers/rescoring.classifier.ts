/**
 * A RelationClassifier that runs the built-in classifier first (its signals explain every link
 * and its decision picks the pairs worth a model call, bounded per claim), then lets a stronger
 * model re-score those pairs in batches. Answers are cached in PostgreSQL by the pair's text
 * hashes and the model, so a relink does not pay twice.
 */
import type { BuiltinRelationClassifier } from '../relation/classifier.js';
import type { RelationClassifier, RelationResult, StatementView } from '../relation/types.js';
import { currentScopeKey } from './link-scope.js';
import type { PairScorer, VerdictCache } from './pair-scorer.js';
import {
  canonicalPair,
  combine,
  orient,
  planRescoring,
  skipped,
  type ModelVerdict,
} from './rescore.js';

export interface RescoringStats {
  /** Pairs the built-in stage passed to the model stage. */
  rescored: number;
  cacheHits: number;
  /** Pairs sent to the model (cache misses within budget). */
  scored: number;
  /** Calls to `score` (batches). */
  calls: number;
  overBudget: number;
}

export class RescoringClassifier implements RelationClassifier {
  readonly method: string;
  readonly stats: RescoringStats = {
    rescored: 0,
    cacheHits: 0,
    scored: 0,
    calls: 0,
    overBudget: 0,
  };

  constructor(
    private readonly builtin: BuiltinRelationClassifier,
    private readonly scorer: PairScorer,
    private readonly cache: VerdictCache,
    private readonly perClaim: number,
    private readonly warn: (details: Record<string, unknown>, message: string) => void = () => {},
  ) {
    // Recorded on every link: which model decided, on top of which built-in stage.
    this.method = `${scorer.id}+${builtin.method}`;
  }

  async classify(claim: StatementView, evidence: StatementView): Promise<RelationResult> {
    return (await this.classifyBatch([[claim, evidence]]))[0]!;
  }

  async classifyBatch(
    pairs: ReadonlyArray<readonly [StatementView, StatementView]>,
  ): Promise<RelationResult[]> {
    const results = pairs.map(([a, b]) => this.builtin.classify(a, b));
    const chosen = planRescoring(
      results,
      pairs.map(([a]) => a.text),
      this.perClaim,
    );
    if (chosen.length === 0) return results;
    this.stats.rescored += chosen.length;

    const canon = chosen.map((i) => canonicalPair(pairs[i]![0].text, pairs[i]![1].text));
    const keys = [...new Set(canon.map((c) => c.key))];
    const raws = await this.cache.get(this.scorer.id, keys);
    const misses = keys.filter((k) => !raws.has(k));
    this.stats.cacheHits += keys.length - misses.length;

    const verdicts = new Map<string, ModelVerdict>();
    if (misses.length > 0) {
      const textsOf = new Map(canon.map((c) => [c.key, c.texts] as const));
      const granted = this.scorer.reserve
        ? Math.min(misses.length, await this.scorer.reserve(currentScopeKey(), misses.length))
        : misses.length;
      for (const key of misses.slice(granted)) {
        verdicts.set(key, skipped(this.scorer.provider, 'budget for this workspace is spent'));
      }
      if (granted < misses.length) {
        this.stats.overBudget += misses.length - granted;
        this.warn(
          { scope: currentScopeKey(), model: this.scorer.id, pairs: misses.length - granted },
          'relation model budget spent; the built-in decisions stand for these pairs',
        );
      }
      const toScore = misses.slice(0, granted);
      for (let start = 0; start < toScore.length; start += this.scorer.batchSize) {
        const batch = toScore.slice(start, start + this.scorer.batchSize);
        this.stats.calls++;
        this.stats.scored += batch.length;
        const answers = await this.scorer.score(batch.map((k) => textsOf.get(k)!));
        const fresh: { key: string; raw: unknown }[] = [];
        batch.forEach((key, j) => {
          const raw = answers[j];
          if (raw === null || raw === undefined) {
            verdicts.set(key, skipped(this.scorer.provider, 'no answer from the model'));
          } else {
            raws.set(key, raw);
            fresh.push({ key, raw });
          }
        });
        await this.cache.put(this.scorer.id, fresh);
      }
    }

    const out = results.slice();
    chosen.forEach((index, j) => {
      const c = canon[j]!;
      const raw = raws.get(c.key);
      const verdict =
        verdicts.get(c.key) ?? (raw !== undefined ? this.scorer.verdict(raw, c.texts) : null);
      if (!verdict) return;
      const oriented: ModelVerdict = { ...verdict, signal: orient(verdict.signal, c.swapped) };
      out[index] = combine(results[index]!, oriented);
    });
    return out;
  }
}
