/**
 * npm run bench:model -- --model-dir DIR [--pairs N] [--batch N]
 *
 * What a local NLI model adds per candidate pair, next to the built-in classifier: SNLI dev
 * pairs (../shared/datasets/snli-dev-test, read at run time) scored by the built-in stage and by
 * the ONNX model (both directions, as the provider runs it), in batches of 1 and --batch.
 * Prints ms per pair; no database. Run on a quiet machine for figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { extractFacets } from '../src/claims/extraction/facets.js';
import { DATA } from '../eval/lib/datasets.js';
import { OnnxNliScorer } from '../src/linking/providers/nli/onnx-nli.scorer.js';
import { BuiltinRelationClassifier } from '../src/linking/relation/classifier.js';

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
};
const options = new Command()
  .name('npm run bench:model --')
  .option('--model-dir <dir>', 'exported model folder (default: RELATION_MODEL_DIR)')
  .option('--pairs <n>', 'SNLI dev pairs to score', positive, 512)
  .option('--batch <n>', 'pairs per model run', positive, 16)
  .parse()
  .opts<{ modelDir?: string; pairs: number; batch: number }>();

const dir = options.modelDir ?? process.env.RELATION_MODEL_DIR;
if (!dir) {
  process.stderr.write('error: give --model-dir DIR or set RELATION_MODEL_DIR\n');
  process.exit(1);
}
const folder = join(DATA, 'snli-dev-test');
const lines = (name: string) => readFileSync(join(folder, name), 'utf8').split('\n');
const s1 = lines('s1.dev');
const s2 = lines('s2.dev');
const pairs = Array.from(
  { length: Math.min(options.pairs, s1.length - 1) },
  (_, i) => [s1[i]!, s2[i]!] as const,
);

const builtin = new BuiltinRelationClassifier();
const views = pairs.map(([a, b]) => [
  { text: a, facets: extractFacets(a) },
  { text: b, facets: extractFacets(b) },
]);
const time = async (fn: () => Promise<void> | void) => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

const builtinMs = await time(() => {
  for (const [a, b] of views) builtin.classify(a!, b!);
});
const results: string[] = [`| stage | ms per pair |`, `|---|---|`];
results.push(`| built-in classifier | ${(builtinMs / pairs.length).toFixed(3)} |`);
for (const batch of [1, options.batch]) {
  const scorer = await OnnxNliScorer.load({
    dir,
    maxTokens: null,
    batchSize: batch,
    calibrationFile: null,
  });
  await scorer.score(pairs.slice(0, batch)); // warm-up: first run allocates
  const ms = await time(async () => {
    for (let i = 0; i < pairs.length; i += batch) await scorer.score(pairs.slice(i, i + batch));
  });
  results.push(
    `| ${scorer.name}, batch ${batch} (both directions) | ${(ms / pairs.length).toFixed(3)} |`,
  );
  await scorer.close();
}
process.stdout.write(`${pairs.length} SNLI dev pairs\n\n${results.join('\n')}\n`);
