/**
 * classify() cost per pair, analysis cached (as in the service, where one claim meets
 * ~1,500 candidates and every statement's analysis is reused): FNC-1 held-out headlines
 * against their top candidate body sentences, best of 15 timed passes after one warm-up.
 *
 *   npm run build:tools --silent && node .build/tools/eval/classify-speed.js [--pairs N]
 *     [--compare DIR]
 * With --compare, DIR is another build of the same layout (e.g. the base commit's
 * `npm run build:tools` output copied away): both classifiers are timed in alternating passes in
 * one process, so a busy machine slows both alike and the ratio stays meaningful.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { BuiltinRelationClassifier, loadModel } from '../src/linking/relation/classifier.js';
import { idfTable } from '../src/linking/relation/model.js';
import type { StatementView } from '../src/linking/relation/types.js';
import { FILES, loadStanceCorpus, storySplit } from './lib/data.js';
import { docCandidates, viewFactory } from './lib/run.js';
import { FRACTIONS } from './lib/split-config.js';

const PASSES = 15;

async function main() {
  const at = process.argv.indexOf('--pairs');
  const want = at > 0 ? Number(process.argv[at + 1]) : 3000;
  const model = loadModel();
  const clf = new BuiltinRelationClassifier(model);
  const idf = idfTable(model);
  const vf = await viewFactory();
  const fnc = loadStanceCorpus(FILES.fncBodies, FILES.fncStances);
  const split = storySplit(fnc.pairs, FRACTIONS);
  const pairs: [StatementView, StatementView][] = [];
  for (const p of fnc.pairs) {
    if (split.part(p) !== 'test') continue;
    const d = docCandidates(p.headline, fnc.bodies.get(p.bodyId)!, vf.segment, idf);
    const hv = vf.view(p.headline);
    for (const pick of d.picks) pairs.push([hv, vf.view(d.sentences[pick.index])]);
    if (pairs.length >= want) break;
  }
  const cmpAt = process.argv.indexOf('--compare');
  const classifiers: {
    method: string;
    classify: (a: StatementView, b: StatementView) => { relation: unknown };
  }[] = [clf];
  if (cmpAt > 0) {
    const dir = path.resolve(process.argv[cmpAt + 1]);
    const mod = (await import(
      pathToFileURL(path.join(dir, 'src/linking/relation/classifier.js')).href
    )) as { BuiltinRelationClassifier: new () => (typeof classifiers)[number] };
    classifiers.push(new mod.BuiltinRelationClassifier());
  }
  const links = classifiers.map((c) => {
    let n = 0;
    for (const [a, b] of pairs) if (c.classify(a, b).relation !== null) n++;
    return n;
  });
  const best = classifiers.map(() => Infinity);
  for (let pass = 0; pass < PASSES; pass++) {
    // Alternate which one goes first, so neither always runs on a warmer or quieter machine.
    const order = pass % 2 === 0 ? classifiers : [...classifiers].reverse();
    order.forEach((c) => {
      const i = classifiers.indexOf(c);
      const t = performance.now();
      for (const [a, b] of pairs) c.classify(a, b);
      best[i] = Math.min(best[i], performance.now() - t);
    });
  }
  classifiers.forEach((c, i) =>
    console.log(
      `${c.method}: ${pairs.length} FNC-1 held-out pairs (${links[i]} linked), classify ${((1000 * best[i]) / pairs.length).toFixed(1)} µs per pair (analysis cached, best of ${PASSES})`,
    ),
  );
  if (classifiers.length === 2) console.log(`ratio ${(best[0] / best[1]).toFixed(3)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
