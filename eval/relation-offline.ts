/**
 * Offline evaluation of the relation classifier (no database).
 *
 * Run from the repository root, after training (or with the committed model):
 *   npm run eval:offline
 *
 * FNC-1: the held-out story part (never used for training or tuning). Each body is split
 * into sentences, the top candidates by word overlap are classified against the headline
 * (as the service's candidate search would pick them), and the document stance comes from
 * aggregateStance over those sentence links. FEVER Symmetric, COVID-Fact, SNLI and SICK: the
 * held-out halves, one claim vs one evidence pair each, read as the service reads a pair (the
 * stance of its one link). Precision and recall per relation and for "any link".
 */
import { performance } from 'node:perf_hooks';
import { BuiltinRelationClassifier, loadModel } from '../src/linking/relation/classifier.js';
import { idfTable } from '../src/linking/relation/model.js';
import { aggregateStance } from '../src/linking/relation/stance.js';
import type { RelationResult } from '../src/linking/relation/types.js';
import type { RteOutcome } from './lib/pipeline.js';
import { formatRteScores, scoreRte } from './lib/report.js';
import {
  FILES,
  loadCovid,
  loadFever,
  loadSick,
  loadSnli,
  loadStanceCorpus,
  rteHeldOut,
  SPLIT_SEED,
  storySplit,
  topUpUnrelated,
  type RtePair,
  type StancePairRow,
} from './lib/data.js';
import {
  STANCES,
  calibrationTable,
  confusion,
  fncScore,
  formatConfusion,
  macroF1,
  perClassF1,
  type StanceLabel,
} from './lib/metrics.js';
import {
  STANCE_CLASS,
  docCandidates,
  relationToStance,
  sentenceTargets,
  viewFactory,
} from './lib/run.js';
import { FRACTIONS } from './lib/split-config.js';

const REL_CLASS: Record<string, number> = {
  none: 0,
  CORROBORATES: 1,
  CONTRADICTS: 2,
  DISCUSSES: 3,
};

async function main() {
  const model = loadModel();
  const clf = new BuiltinRelationClassifier(model);
  const idf = idfTable(model);
  const vf = await viewFactory();
  const fnc = loadStanceCorpus(FILES.fncBodies, FILES.fncStances);
  const split = storySplit(fnc.pairs, FRACTIONS);
  console.log(`${clf.method}; extraction: ${vf.source}`);

  const evaluateFnc = (test: StancePairRow[], title: string) => {
    console.log(
      `\n=== FNC-1 held-out stories, ${title}: ${test.length} pairs, ${new Set(test.map((p) => p.headline)).size} headlines, ${new Set(test.map((p) => p.bodyId)).size} bodies`,
    );
    const gold: StanceLabel[] = [];
    const pred: StanceLabel[] = [];
    const calib: { confidence: number; correct: boolean }[] = [];
    let pairs = 0;
    let ms = 0;
    for (const p of test) {
      const d = docCandidates(p.headline, fnc.bodies.get(p.bodyId)!, vf.segment, idf);
      const targets = sentenceTargets(d, p.stance);
      const hv = vf.view(p.headline);
      const results: RelationResult[] = d.picks.map((pick, i) => {
        const ev = vf.view(d.sentences[pick.index]);
        const t = performance.now();
        const r = clf.classify(hv, ev);
        ms += performance.now() - t;
        pairs++;
        calib.push({
          confidence: r.confidence,
          correct: REL_CLASS[r.relation ?? 'none'] === targets[i],
        });
        return r;
      });
      gold.push(p.stance);
      pred.push(relationToStance(aggregateStance(results)));
    }
    const m = confusion(gold, pred);
    const f1 = perClassF1(m);
    console.log(`FNC score: ${fncScore(gold, pred).toFixed(2)} % of gold max`);
    console.log(`macro-F1: ${macroF1(m).toFixed(3)}`);
    console.log(`per-class F1: ${STANCES.map((s, i) => `${s} ${f1[i].toFixed(3)}`).join(', ')}`);
    const rel = gold.filter((g, i) => (g === 'unrelated') === (pred[i] === 'unrelated')).length;
    console.log(`related/unrelated accuracy: ${((100 * rel) / gold.length).toFixed(2)} %`);
    console.log(`confusion (rows gold, columns predicted):\n${formatConfusion(m)}`);
    const c1 = calibrationTable(calib);
    console.log(
      `calibration of link confidence, sentence pairs vs derived sentence targets (${calib.length} pairs):\n${c1.table}\nECE ${c1.ece.toFixed(4)}`,
    );
    console.log(
      `classify: ${pairs} pairs, ${(ms / pairs).toFixed(4)} ms per pair (facets precomputed)`,
    );
  };
  const natural = fnc.pairs.filter((p) => split.part(p) === 'test');
  evaluateFnc(natural, 'natural held-out pairs only');
  evaluateFnc(
    topUpUnrelated(natural, split, SPLIT_SEED + 2),
    'plus random unrelated pairings restoring the FNC-1 share of unrelated',
  );

  const display = (model as { display?: { minConfidence: number } }).display?.minConfidence;
  const rte = (name: string, rows: RtePair[]) => {
    const held = rteHeldOut(rows);
    const outcomes: RteOutcome[] = [];
    const items: { confidence: number; correct: boolean }[] = [];
    let shown = 0;
    let shownRight = 0;
    for (const r of held) {
      const res = clf.classify(vf.view(r.claim), vf.view(r.evidence));
      // As the service reads a pair: the stance of its one link (aggregateStance).
      const stance = aggregateStance([res]);
      outcomes.push({ gold: r.label, pred: stance, confidence: res.confidence });
      items.push({ confidence: res.confidence, correct: (res.relation ?? 'none') === r.label });
      if (display !== undefined && res.relation !== null && res.confidence >= display) {
        shown++;
        if (res.relation === r.label) shownRight++;
      }
    }
    const c = calibrationTable(items, 5);
    const shownText =
      display === undefined
        ? ''
        : `; links at confidence >= ${display} (display threshold): ${shown}, precision ${(shown ? shownRight / shown : 0).toFixed(3)}`;
    console.log(
      `\n${formatRteScores(`${name}, offline`, scoreRte(outcomes))}\n  ECE ${c.ece.toFixed(4)}${shownText}`,
    );
  };
  rte('FEVER Symmetric dev', loadFever());
  rte('COVID-Fact RTE', loadCovid());
  rte('SNLI dev+test', loadSnli());
  rte('SICK', loadSick());
  void STANCE_CLASS;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
