/**
 * Offline evaluation of the relation classifier (no database).
 *
 * Run from the repository root, after training (or with the committed model):
 *   npx swc eval src/linking/relation src/claims/extraction -d /tmp/ct-build --copy-files --quiet && \
 *     ln -sfn "$PWD/node_modules" /tmp/ct-build/node_modules && \
 *     node /tmp/ct-build/eval/relation-offline.js
 *
 * FNC-1: the held-out story part (never used for training or tuning). Each body is split
 * into sentences, the top candidates by word overlap are classified against the headline
 * (as the service's candidate search would pick them), and the document stance comes from
 * aggregateStance over those sentence links. FEVER Symmetric and COVID-Fact: the held-out
 * halves, one claim vs one evidence pair each.
 */
import { performance } from 'node:perf_hooks';
import { BuiltinRelationClassifier, loadModel } from '../src/linking/relation/classifier.js';
import { idfTable } from '../src/linking/relation/model.js';
import { aggregateStance } from '../src/linking/relation/stance.js';
import type { RelationResult } from '../src/linking/relation/types.js';
import {
  FILES,
  loadCovid,
  loadFever,
  loadStanceCorpus,
  SPLIT_SEED,
  storySplit,
  topUpUnrelated,
  unitHash,
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

  const rte = (name: string, rows: RtePair[]) => {
    const held = rows.filter((r) => unitHash(r.group) >= 0.5);
    let ok = 0;
    let nul = 0;
    const items: { confidence: number; correct: boolean }[] = [];
    const byLabel: Record<string, [number, number]> = { CORROBORATES: [0, 0], CONTRADICTS: [0, 0] };
    for (const r of held) {
      const res = clf.classify(vf.view(r.claim), vf.view(r.evidence));
      const correct = res.relation === r.label;
      if (res.relation === null) nul++;
      if (correct) ok++;
      byLabel[r.label][0] += correct ? 1 : 0;
      byLabel[r.label][1]++;
      items.push({ confidence: res.confidence, correct });
    }
    const c = calibrationTable(items, 5);
    console.log(
      `\n${name} (held-out half, ${held.length} pairs): accuracy ${((100 * ok) / held.length).toFixed(2)} % (null ${nul}); CORROBORATES ${byLabel.CORROBORATES[0]}/${byLabel.CORROBORATES[1]}, CONTRADICTS ${byLabel.CONTRADICTS[0]}/${byLabel.CONTRADICTS[1]}; ECE ${c.ece.toFixed(4)}`,
    );
  };
  rte('FEVER Symmetric dev', loadFever());
  rte('COVID-Fact RTE', loadCovid());
  void STANCE_CLASS;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
