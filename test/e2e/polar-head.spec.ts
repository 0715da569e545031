/**
 * The polar head in the committed model is what `npm run train:polar` makes from the data sets
 * it names: same rows, same seed, same trees. Reads ../shared/datasets at test time (skipped
 * when the folder is absent); takes about ten seconds.
 */
import { existsSync } from 'node:fs';
import { DATA, FILES, fileInfo } from '../../eval/lib/datasets.js';
import { trainPolarHead } from '../../eval/lib/polar-head.js';
import { viewFactory } from '../../eval/lib/run.js';
import { loadModel } from '../../src/linking/relation/classifier.js';
import { idfTable } from '../../src/linking/relation/model.js';

const haveData = existsSync(DATA);

(haveData ? describe : describe.skip)('npm run train:polar', () => {
  it('reproduces the committed polar head from the recorded data', async () => {
    const model = loadModel();
    const committed = model.polar!;
    for (const d of committed.datasets) expect(fileInfo(d.file).sha256).toBe(d.sha256);
    expect(committed.datasets.map((d) => d.file)).toContain(FILES.covid);
    const vf = await viewFactory();
    const fresh = trainPolarHead(vf.view, idfTable(model));
    expect(fresh.rows).toBe(committed.rows);
    expect(fresh.seed).toBe(committed.seed);
    expect(fresh.base).toEqual(committed.base);
    expect(fresh.trees).toEqual(committed.trees);
    expect(fresh.features).toEqual(committed.features);
    expect(fresh.lexicon).toBe(committed.lexicon);
  }, 120_000);
});
