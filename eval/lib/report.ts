/** Scores and tables of the evaluation through the service, from the shared metric code. */
import type { Relation } from '../../src/linking/relation/types.js';
import {
  STANCES,
  balancedConfusion,
  calibrationTable,
  confusion,
  fncScore,
  formatConfusion,
  macroF1,
  perClassF1,
  type StanceLabel,
} from './metrics.js';
import type { RteOutcome, StanceOutcome } from './pipeline.js';

export interface StanceScores {
  pairs: number;
  fncScore: number;
  macroF1: number;
  /** Macro-F1 with every gold class weighed alike (metrics.ts balancedConfusion). */
  balancedMacroF1: number;
  balancedF1: Record<StanceLabel, number>;
  perClassF1: Record<StanceLabel, number>;
  /** Per class, from the confusion matrix (rows gold, columns predicted). */
  perClass: Record<StanceLabel, PrecisionRecall>;
  relatedAccuracy: number;
  /** Rows gold, columns predicted, in STANCES order. */
  confusion: number[][];
  /** Document-level decision: confidence = highest link confidence of the chosen relation. */
  decisionCalibration: {
    pairs: number;
    unrelatedWithoutConfidence: number;
    ece: number;
    table: string;
  };
  /** Every stored link between the pair's sources, right when its relation is the pair's gold label. */
  linkCalibration: { links: number; ece: number; table: string };
}

const GOLD_RELATION: Record<StanceLabel, Relation | null> = {
  agree: 'CORROBORATES',
  disagree: 'CONTRADICTS',
  discuss: 'DISCUSSES',
  unrelated: null,
};

export function scoreStances(outcomes: StanceOutcome[]): StanceScores {
  const gold = outcomes.map((o) => o.gold);
  const pred = outcomes.map((o) => o.pred);
  const m = confusion(gold, pred);
  const f1 = perClassF1(m);
  const balanced = balancedConfusion(m);
  const balancedF1 = perClassF1(balanced);
  const related = gold.filter((g, i) => (g === 'unrelated') === (pred[i] === 'unrelated')).length;
  const decided = outcomes.filter((o) => o.confidence !== null);
  const decision = calibrationTable(
    decided.map((o) => ({ confidence: o.confidence!, correct: o.pred === o.gold })),
  );
  const links = outcomes.flatMap((o) =>
    o.links.map((l) => ({
      confidence: l.confidence,
      correct: l.relation === GOLD_RELATION[o.gold],
    })),
  );
  const link = calibrationTable(links);
  return {
    pairs: outcomes.length,
    fncScore: fncScore(gold, pred),
    macroF1: macroF1(m),
    balancedMacroF1: macroF1(balanced),
    balancedF1: Object.fromEntries(STANCES.map((c, i) => [c, balancedF1[i]])) as Record<
      StanceLabel,
      number
    >,
    perClassF1: Object.fromEntries(STANCES.map((s, i) => [s, f1[i]])) as Record<
      StanceLabel,
      number
    >,
    perClass: Object.fromEntries(
      STANCES.map((c, i) => [
        c,
        pr(
          m[i][i],
          m.reduce((t, row) => t + row[i], 0),
          m[i].reduce((t, v) => t + v, 0),
        ),
      ]),
    ) as Record<StanceLabel, PrecisionRecall>,
    relatedAccuracy: outcomes.length ? related / outcomes.length : 0,
    confusion: m,
    decisionCalibration: {
      pairs: decided.length,
      unrelatedWithoutConfidence: outcomes.length - decided.length,
      ece: decision.ece,
      table: decision.table,
    },
    linkCalibration: { links: links.length, ece: link.ece, table: link.table },
  };
}

export function formatStanceScores(title: string, s: StanceScores): string {
  const pct = (x: number) => (100 * x).toFixed(2);
  return [
    `=== ${title}: ${s.pairs} pairs`,
    `FNC score: ${s.fncScore.toFixed(2)} % of gold max`,
    `macro-F1: ${s.macroF1.toFixed(3)}; with the gold classes balanced: ${s.balancedMacroF1.toFixed(3)} ` +
      `(${STANCES.map((c) => `${c} ${s.balancedF1[c].toFixed(3)}`).join(', ')})`,
    `per-class F1: ${STANCES.map((c) => `${c} ${s.perClassF1[c].toFixed(3)}`).join(', ')}`,
    `per-class precision / recall: ${STANCES.map((c) => `${c} ${s.perClass[c].precision.toFixed(3)} / ${s.perClass[c].recall.toFixed(3)}`).join(', ')}`,
    `related/unrelated accuracy: ${pct(s.relatedAccuracy)} %`,
    `confusion (rows gold, columns predicted):`,
    formatConfusion(s.confusion),
    `calibration of the document decision (pairs with a stance, ${s.decisionCalibration.pairs}; ` +
      `confidence = highest link confidence of the chosen relation; ` +
      `${s.decisionCalibration.unrelatedWithoutConfidence} pairs without a stance carry none):`,
    s.decisionCalibration.table,
    `ECE ${s.decisionCalibration.ece.toFixed(4)}`,
    `calibration of the stored links between the pair's sources (${s.linkCalibration.links} links; ` +
      `right = relation equals the pair's gold label):`,
    s.linkCalibration.table,
    `ECE ${s.linkCalibration.ece.toFixed(4)}`,
  ].join('\n');
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
}

function pr(tp: number, predicted: number, gold: number): PrecisionRecall {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted, gold };
}

export interface RteScores {
  pairs: number;
  /**
   * Accuracy over the pairs whose gold is CORROBORATES or CONTRADICTS (the issue's target);
   * no stance and DISCUSSES count as wrong.
   */
  accuracy: number;
  nulls: number;
  byLabel: Record<RteOutcome['gold'], { right: number; of: number }>;
  predicted: Record<Relation | 'none', number>;
  /** Per relation: precision over the pairs given it, recall over the pairs whose gold it is. */
  corroborates: PrecisionRecall;
  contradicts: PrecisionRecall;
  /** Any link vs gold "related" (CORROBORATES or CONTRADICTS): is a link shown when one is due? */
  link: PrecisionRecall;
}

/** Scores of sentence pairs (FEVER, COVID-Fact, SNLI, SICK); no stance counts as wrong. */
export function scoreRte(outcomes: RteOutcome[]): RteScores {
  const byLabel: RteScores['byLabel'] = {
    CORROBORATES: { right: 0, of: 0 },
    CONTRADICTS: { right: 0, of: 0 },
    none: { right: 0, of: 0 },
  };
  const predicted: RteScores['predicted'] = {
    CORROBORATES: 0,
    CONTRADICTS: 0,
    DISCUSSES: 0,
    none: 0,
  };
  let right = 0;
  let linked = 0;
  let linkedRelated = 0;
  for (const o of outcomes) {
    const ok = (o.pred ?? 'none') === o.gold;
    if (ok && o.gold !== 'none') right++;
    byLabel[o.gold].of++;
    if (ok) byLabel[o.gold].right++;
    predicted[o.pred ?? 'none']++;
    if (o.pred !== null) {
      linked++;
      if (o.gold !== 'none') linkedRelated++;
    }
  }
  const related = byLabel.CORROBORATES.of + byLabel.CONTRADICTS.of;
  return {
    pairs: outcomes.length,
    accuracy: related ? right / related : 0,
    nulls: predicted.none,
    byLabel,
    predicted,
    corroborates: pr(byLabel.CORROBORATES.right, predicted.CORROBORATES, byLabel.CORROBORATES.of),
    contradicts: pr(byLabel.CONTRADICTS.right, predicted.CONTRADICTS, byLabel.CONTRADICTS.of),
    link: pr(linkedRelated, linked, related),
  };
}

export function formatPr(p: PrecisionRecall): string {
  return `P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)}`;
}

export function formatRteScores(
  title: string,
  s: RteScores,
  part: 'held-out half' | 'development part' = 'held-out half',
): string {
  const neutral = s.byLabel.none.of
    ? `; gold no-link ${s.byLabel.none.of} (${s.byLabel.none.right} left unlinked)`
    : '';
  return (
    `${title} (${part}, ${s.pairs} pairs): accuracy on CORROBORATES/CONTRADICTS pairs ` +
    `${(100 * s.accuracy).toFixed(2)} % ` +
    `(no stance ${s.nulls}, DISCUSSES ${s.predicted.DISCUSSES}); ` +
    `CORROBORATES ${s.byLabel.CORROBORATES.right}/${s.byLabel.CORROBORATES.of}, ` +
    `CONTRADICTS ${s.byLabel.CONTRADICTS.right}/${s.byLabel.CONTRADICTS.of}${neutral}\n` +
    `  CORROBORATES ${formatPr(s.corroborates)}; CONTRADICTS ${formatPr(s.contradicts)}; ` +
    `any link vs related ${formatPr(s.link)}`
  );
}
