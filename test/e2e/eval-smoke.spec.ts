/**
 * The evaluation through the service (npm run eval) on a tiny deterministic subset: the same
 * functions, the real app with its linking worker, stances read from compareSources. Model
 * results are not asserted (the classifier changes); the metric code is checked on hand-made
 * predictions whose scores are worked out below.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DATA, loadFever, rteHeldOut } from '../../eval/lib/datasets.js';
import { STANCES, relationToStance, type StanceLabel } from '../../eval/lib/metrics.js';
import {
  ServicePipeline,
  evaluateFnc,
  evaluateFncApart,
  evaluateRte,
  fncHeldOut,
  type StanceOutcome,
} from '../../eval/lib/pipeline.js';
import { scoreRte, scoreStances } from '../../eval/lib/report.js';
import { evaluateProbes, readGold } from '../../eval/lib/examples.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const haveData = existsSync(DATA);
if (!haveData) {
  process.stderr.write(
    `eval-smoke: skipping the pipeline run: datasets folder ${DATA} is absent (it is read at test time, never copied)\n`,
  );
}

(haveData ? describe : describe.skip)('evaluation through the service (3 headline groups)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads a stance from compareSources for every held-out pair', async () => {
    const data = fncHeldOut(3);
    expect(data.groups.used).toBe(3);
    expect(new Set(data.natural.map((p) => p.headline)).size).toBe(3);
    // The subset is the held-out part's: the top-up adds only unrelated pairings inside it.
    expect(data.extended.slice(0, data.natural.length)).toEqual(data.natural);
    expect(data.extended.slice(data.natural.length).every((p) => p.stance === 'unrelated')).toBe(
      true,
    );

    const run = await evaluateFnc(new ServicePipeline(t.app), data);
    expect(run.headlines).toBe(3);
    expect(run.linking.every((l) => l.failed === 0)).toBe(true);
    expect(run.outcomes).toHaveLength(data.extended.length);
    expect(run.outcomes.filter((o) => o.natural)).toHaveLength(data.natural.length);
    run.outcomes.forEach((o, i) => {
      expect(o.bodyId).toBe(data.extended[i].bodyId);
      expect(o.gold).toBe(data.extended[i].stance);
      expect(STANCES).toContain(o.pred);
      // A stance comes from links, with the confidence of the strongest one of its relation.
      if (o.pred === 'unrelated') expect(o.confidence).toBeNull();
      else {
        expect(o.links.length).toBeGreaterThan(0);
        expect(o.confidence).toBeGreaterThan(0);
        expect(o.confidence).toBeLessThanOrEqual(1);
      }
    });
    const scores = scoreStances(run.outcomes);
    expect(scores.pairs).toBe(data.extended.length);
    expect(scores.confusion.flat().reduce((a, b) => a + b, 0)).toBe(data.extended.length);
  }, 300_000);

  it('reads FNC-1 pairs apart, the same number of each stance, each in a workspace of its own', async () => {
    const data = fncHeldOut(40);
    const run = await evaluateFncApart(new ServicePipeline(t.app), data, 2);
    const stances = run.outcomes.map((o) => o.gold);
    for (const s of STANCES) expect(stances.filter((g) => g === s)).toHaveLength(2);
    expect(new Set(run.workspaceIds).size).toBe(8);
    expect(run.linking.every((l) => l.failed === 0)).toBe(true);
    const natural = new Set(data.natural.map((p) => `${p.headline}|${p.bodyId}|${p.stance}`));
    for (const o of run.outcomes) {
      expect(natural.has(`${o.headline}|${o.bodyId}|${o.gold}`)).toBe(true);
      expect(STANCES).toContain(o.pred);
    }
    // Seeded: the same sample every run.
    const again = await evaluateFncApart(new ServicePipeline(t.app), data, 2);
    expect(again.outcomes.map((o) => o.bodyId)).toEqual(run.outcomes.map((o) => o.bodyId));
  }, 300_000);

  it('reads a stance for claim/evidence pairs, one workspace each', async () => {
    const rows = rteHeldOut(loadFever()).slice(0, 4);
    const run = await evaluateRte(new ServicePipeline(t.app), 'FEVER smoke', rows);
    expect(run.outcomes).toHaveLength(4);
    expect(run.outcomes.map((o) => o.gold)).toEqual(rows.map((r) => r.label));
    for (const o of run.outcomes) {
      expect([null, 'CORROBORATES', 'CONTRADICTS', 'DISCUSSES']).toContain(o.pred);
    }
    expect(scoreRte(run.outcomes).pairs).toBe(4);
  }, 120_000);
});

describe('evaluation metrics on hand-made predictions', () => {
  const cases: [StanceLabel, StanceLabel, number | null][] = [
    ['agree', 'agree', 0.95],
    ['agree', 'discuss', 0.65],
    ['disagree', 'disagree', 0.85],
    ['discuss', 'discuss', 0.75],
    ['discuss', 'unrelated', null],
    ['unrelated', 'unrelated', null],
    ['unrelated', 'unrelated', null],
    ['unrelated', 'agree', 0.55],
  ];
  const outcomes: StanceOutcome[] = cases.map(([gold, pred, confidence]) => ({
    headline: 'h',
    bodyId: 'b',
    gold,
    pred,
    confidence,
    links: [],
  }));

  it('computes the confusion matrix, FNC score and F1 by hand', () => {
    const s = scoreStances(outcomes);
    expect(s.confusion).toEqual([
      [1, 0, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 1],
      [1, 0, 0, 2],
    ]);
    // Scores 1 + 0.25 + 1 + 1 + 0 + 0.25 + 0.25 + 0 = 3.75 of 5 × 1 + 3 × 0.25 = 5.75.
    expect(s.fncScore).toBeCloseTo((100 * 3.75) / 5.75, 10);
    // agree 2/(2+1+1), disagree 1, discuss 2/(2+1+1), unrelated 4/(4+1+1).
    expect(s.perClassF1.agree).toBeCloseTo(0.5, 10);
    expect(s.perClassF1.disagree).toBeCloseTo(1, 10);
    expect(s.perClassF1.discuss).toBeCloseTo(0.5, 10);
    expect(s.perClassF1.unrelated).toBeCloseTo(2 / 3, 10);
    expect(s.macroF1).toBeCloseTo((0.5 + 1 + 0.5 + 2 / 3) / 4, 10);
    // Related vs unrelated is right in 6 of 8.
    expect(s.relatedAccuracy).toBeCloseTo(6 / 8, 10);
  });

  it('calibrates the document decision on the pairs that have a stance', () => {
    const s = scoreStances(outcomes);
    expect(s.decisionCalibration.pairs).toBe(5);
    expect(s.decisionCalibration.unrelatedWithoutConfidence).toBe(3);
    // One pair per bin: |0.55-0| + |0.65-0| + |0.75-1| + |0.85-1| + |0.95-1|, over 5.
    expect(s.decisionCalibration.ece).toBeCloseTo((0.55 + 0.65 + 0.25 + 0.15 + 0.05) / 5, 10);
  });

  it('scores claim/evidence pairs with no stance as wrong', () => {
    const s = scoreRte([
      { gold: 'CORROBORATES', pred: 'CORROBORATES', confidence: 0.9 },
      { gold: 'CORROBORATES', pred: null, confidence: null },
      { gold: 'CONTRADICTS', pred: 'CONTRADICTS', confidence: 0.8 },
      { gold: 'CONTRADICTS', pred: 'DISCUSSES', confidence: 0.6 },
    ]);
    expect(s.accuracy).toBe(0.5);
    expect(s.nulls).toBe(1);
    expect(s.byLabel).toEqual({
      CORROBORATES: { right: 1, of: 2 },
      CONTRADICTS: { right: 1, of: 2 },
      none: { right: 0, of: 0 },
    });
    expect(s.corroborates.precision).toBe(1);
    expect(s.corroborates.recall).toBe(0.5);
    expect(s.contradicts.precision).toBe(1);
    expect(s.link.precision).toBe(1);
    expect(s.link.recall).toBe(0.75);
  });

  it('scores a gold no-link pair (SNLI/SICK neutral) outside the accuracy, inside link precision', () => {
    const s = scoreRte([
      { gold: 'CORROBORATES', pred: 'CORROBORATES', confidence: 0.9 },
      { gold: 'none', pred: 'CORROBORATES', confidence: 0.7 },
      { gold: 'none', pred: null, confidence: null },
    ]);
    expect(s.accuracy).toBe(1);
    expect(s.byLabel.none).toEqual({ right: 1, of: 2 });
    expect(s.corroborates.precision).toBe(0.5);
    expect(s.link.precision).toBe(0.5);
    expect(s.link.recall).toBe(1);
  });

  it('reads the exhaustive gold of the example corpus (gold-links.json plus gold-exhaustive.json)', () => {
    const g = readGold();
    expect(g.from).toMatch(/gold-exhaustive\.json/);
    expect(g.exhaustive.length).toBeGreaterThan(0);
    // Every exhaustive claim is a quote of a corpus article, and the extra links are included.
    expect(g.links.length).toBeGreaterThan(40);
    for (const c of g.exhaustive) expect(c.quote.length).toBeGreaterThan(10);
  });

  it('maps the service relations to FNC-1 labels', () => {
    expect(relationToStance('CORROBORATES')).toBe('agree');
    expect(relationToStance('CONTRADICTS')).toBe('disagree');
    expect(relationToStance('DISCUSSES')).toBe('discuss');
    expect(relationToStance(null)).toBe('unrelated');
  });
});

describe('the contested-event sets of examples/probes through the service', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('scores each set in a workspace of its own against its gold, every quote matched', async () => {
    const sets = await evaluateProbes(new ServicePipeline(t.app), 0.5, () => undefined);
    // Every set on disk is scored, in name order: read from the folder so that moving a
    // held-back set in needs no edit here.
    const onDisk = readdirSync(path.resolve('examples/probes'))
      .filter((f) => f.endsWith('.gold.json'))
      .map((f) => f.slice(0, -'.gold.json'.length))
      .sort();
    expect(onDisk.length).toBeGreaterThan(100);
    expect(sets.map((s) => s.name)).toEqual(onDisk);
    for (const s of sets) {
      expect(s.unmatchedQuotes).toEqual([]);
      expect(s.goldLinks).toBeGreaterThan(5);
      expect(s.storedLinks).toBeGreaterThan(0);
      for (const x of [s.recall, s.foundAnyRelation, s.precision, s.shown.precision])
        expect(x).toBeGreaterThanOrEqual(0);
      expect(s.recall).toBeLessThanOrEqual(s.foundAnyRelation);
      // Links shown are a subset of links stored.
      expect(s.shown.judgedLinks).toBeLessThanOrEqual(s.judgedLinks);
      expect(s.note.length).toBeGreaterThan(20);
    }
  }, 360_000);
});
