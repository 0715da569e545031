/**
 * npm run calibrate:model -- --data DEV_SET [--model-dir DIR] [--out FILE] [--limit N] [--split dev]
 *
 * Fits the temperature of the local NLI model (RELATION_MODEL_DIR, or --model-dir) on a
 * labelled development set so its confidence means what it says, and writes the parameter to
 * DIR/claimtrace-calibration.json (read at start) or to --out (then point
 * RELATION_MODEL_CALIBRATION at it). No database needed; nothing is downloaded.
 */
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../config/env.js';
import { DevSetError, calibrateModel } from '../linking/providers/nli/calibrate.js';

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
};

const options = new Command()
  .name('npm run calibrate:model --')
  .description('Fit the confidence calibration of a local NLI model on a labelled dev set')
  .requiredOption(
    '--data <path>',
    'labelled pairs: .jsonl/.csv/.tsv (premise, hypothesis, label) or an e-SNLI folder (s1.dev, s2.dev, labels.dev)',
  )
  .option('--model-dir <dir>', 'the exported model folder (default: RELATION_MODEL_DIR)')
  .option(
    '--out <file>',
    'where to write the parameters (default: <model dir>/claimtrace-calibration.json)',
  )
  .option('--split <name>', 'split of an e-SNLI folder', 'dev')
  .option('--limit <n>', 'only the first n pairs', positive)
  .option('--batch <n>', 'pairs per model run', positive, 16)
  .parse()
  .opts<{
    data: string;
    modelDir?: string;
    out?: string;
    split: string;
    limit?: number;
    batch: number;
  }>();

const dir = options.modelDir ?? process.env.RELATION_MODEL_DIR?.trim();
if (!dir) {
  process.stderr.write(
    'error: give --model-dir DIR or set RELATION_MODEL_DIR to the exported model folder\n',
  );
  process.exit(1);
}

try {
  const started = Date.now();
  const { path, file } = await calibrateModel(
    {
      dir,
      data: options.data,
      split: options.split,
      out: options.out,
      limit: options.limit,
      batchSize: options.batch,
    },
    (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rscored ${done}/${total} pairs`);
    },
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (file.temperature > 19.9 || file.temperature < 0.051) {
    // At the search bound: the model's scores barely carry the dev labels (wrong label set,
    // swapped columns, or a model that does not fit this data).
    process.stderr.write(
      `warning: the temperature hit its search bound (${file.temperature.toFixed(2)}): check the dev set's columns and labels, or the model\n`,
    );
  }
  process.stdout.write(
    `${file.examples} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s; accuracy ${(100 * file.accuracy).toFixed(1)}%\n` +
      `temperature ${file.temperature.toFixed(3)}: mean negative log-likelihood ${file.nllBefore.toFixed(4)} -> ${file.nllAfter.toFixed(4)}\n` +
      `written to ${path}${options.out ? ' (set RELATION_MODEL_CALIBRATION to this file)' : ''}\n`,
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof DevSetError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
