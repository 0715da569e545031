/**
 * npm run train:polar
 *
 * Trains only the polar head (eval/lib/polar-head.ts) and writes it into
 * src/linking/relation/model.json, keeping the main model's trees, calibration and display
 * threshold as they are. `npm run train` trains both. Run from the repository root; rebuild the
 * service afterwards so the compiled classifier reads the new file.
 *
 * npm run train:polar -- --dev
 *
 * Writes nothing: trains on the training part only, with and without the lexical features, and
 * prints each head's accuracy on the development part of each sentence-pair set (about 20 s).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { idfTable, type ModelJson } from '../src/linking/relation/model.js';
import { ROOT } from './lib/data.js';
import { MODEL_VERSION, measurePolarHead, trainPolarHead } from './lib/polar-head.js';
import { viewFactory } from './lib/run.js';

function log(...a: unknown[]) {
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
}

async function main() {
  const t0 = Date.now();
  const out = path.join(ROOT, 'src/linking/relation/model.json');
  const model = JSON.parse(readFileSync(out, 'utf8')) as ModelJson;
  const vf = await viewFactory();
  if (process.argv.includes('--dev')) {
    for (const lexical of [false, true]) {
      const head = trainPolarHead(vf.view, idfTable(model), log, { devOnly: true, lexical });
      const scores = measurePolarHead(head, vf.view, idfTable(model));
      log(
        `development part, ${lexical ? 'with' : 'without'} lexical features: ` +
          scores
            .map((r) => `${r.name} ${(100 * r.accuracy).toFixed(1)} % of ${r.pairs}`)
            .join(', '),
      );
    }
    return;
  }
  const before = model.header.version;
  model.polar = trainPolarHead(vf.view, idfTable(model), log);
  // Where the main model's trees come from is said once; retraining the head does not change it.
  if (before !== MODEL_VERSION && !model.header.notes?.includes('Main model trained as')) {
    model.header.notes =
      `${model.header.notes ? `${model.header.notes} ` : ''}Main model trained as ${before} ` +
      `(${model.header.created}); polar head added by npm run train:polar.`;
  }
  model.header.version = MODEL_VERSION;
  const json = JSON.stringify(model);
  writeFileSync(out + '.tmp', json + '\n');
  renameSync(out + '.tmp', out);
  log(
    `wrote ${out} with a polar head of ${model.polar.rows} pairs in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
