/**
 * npm run train:calibration [-- --workers N --l2 X --from FILE]
 *
 * Fits the link calibration (src/linking/relation/link-calibration.ts) and writes it into
 * src/linking/relation/model.json, keeping the trees and the polar head. It runs the example corpus
 * and every probe set of examples/probes through the service with the calibration off
 * (LINK_CALIBRATION=false, `npm run eval`'s own command, about two minutes), takes every stored
 * link that touches a claim a gold link names, judged right when the gold gives that relation,
 * and fits "this link is right" on its relation, confidence and signal kinds, together with
 * the first runs of examples/first-runs (links made on new sets before the linker was tuned on
 * them; lib/first-runs.ts). Links on tuned sets get a column of their own, never applied, so
 * the fit reads every link as on new text. Before writing, it measures the same fit out of fold
 * on the first runs (a batch at a time: each batch's links scored by a model fitted without its
 * sets), records the figures in the model file, and sets the display threshold
 * (`display.minConfidence`) to the lowest at which the links shown are surely right at least
 * 80 % of the time out of fold (the lower end of a 90 % interval with batches as clusters):
 * linking stores calibrated confidences, so the threshold is read on them.
 * Uses DATABASE_URL's server, or the embedded one, as `npm run eval` does.
 *
 * --from FILE reads a results file of an earlier `npm run eval` run instead of running one; it
 * must have been made with LINK_CALIBRATION=false. Rebuild the service afterwards
 * (`npm run build`) so the compiled classifier reads the new file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import * as prettier from 'prettier';
import type { ModelJson } from '../src/linking/relation/model.js';
import type { LinkCalibrationJson } from '../src/linking/relation/link-calibration.js';
import { ROOT } from './lib/data.js';
import {
  clusteredLower,
  fitCalibration,
  foldCount,
  outOfFold,
  shownAt,
  type JudgedRow,
} from './lib/calibration-fit.js';
import { readFirstRuns } from './lib/first-runs.js';
import type { ProbeScores } from './lib/examples.js';
import { MODEL_VERSION } from './lib/polar-head.js';

/**
 * Chosen on the folds of the first runs (docs/quality.md; 33 sets, the refit of 19f2e02): the
 * links shown at precision 0.8 out of fold were 397 (318 right) at 2, 394 (316) at 1, 341 (273)
 * at 3 and 328 (263) at 5.
 */
const DEFAULT_L2 = 2;
/** Folds of sets, used only where no first run names its batch (foldGroups). */
const FOLDS = 12;
/** Seed of the fold assignment. */
const SEED = 20261202;
/**
 * The display threshold `npm run train` chose on the sentence-pair and FNC-1 development parts
 * for the classifier's own confidence, before links were calibrated: the figure to compare with.
 */
const CLASSIFIER_DISPLAY = 0.52;
/** The precision the links shown by default must reach (issue 13). */
const DISPLAY_PRECISION = 0.8;

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * How sure the threshold must be of the precision target: the lower end of a one-sided 90 %
 * interval must reach it, not only the figure out of fold. Chosen where the figure just reaches
 * 0.8, the next batch of new sets was under it as often as over (0.714 and 0.741 against 0.84
 * and 0.81 in the twenty-first and twenty-second sessions): precision first. The interval
 * treats each batch of first runs as a cluster (clusteredLower): with the links taken one by
 * one it came out at 0.79, and the next two batches were still under 0.8 (0.781, 0.733).
 */
const DISPLAY_Z = 1.2816;

/** The lowest threshold in steps of 0.01 whose links shown are surely right often enough. */
function displayThreshold(rows: readonly JudgedRow[], scores: readonly number[]) {
  for (let k = 30; k <= 90; k++) {
    const t = k / 100;
    const at = shownAt(rows, scores, t);
    if (at.shown > 0 && clusteredLower(rows, scores, t, DISPLAY_Z) >= DISPLAY_PRECISION)
      return { t, ...at };
  }
  return null;
}

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a positive number');
  return n;
}

const program = new Command()
  .name('train:calibration')
  .option('--workers <n>', 'linking workers for the evaluation run (npm run eval --workers)')
  .option('--l2 <x>', 'L2 penalty', positive, DEFAULT_L2)
  .option('--from <file>', 'read this npm run eval results file instead of running one')
  .parse();
const options = program.opts<{ workers?: string; l2: number; from?: string }>();

function log(line: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** Runs the probe sets through the service with the calibration off; returns the results file. */
function evaluate(): string {
  const out = path.join(tmpdir(), `claimtrace-calibration-${process.pid}.json`);
  const args = [
    path.join(ROOT, '.build/tools/eval/service-eval.js'),
    '--skip-fnc',
    '--skip-fever',
    '--skip-covid',
    '--skip-snli',
    '--skip-sick',
    '--out',
    out,
    ...(options.workers ? ['--workers', options.workers] : []),
  ];
  log(`running the probe sets through the service, calibration off: node ${args.join(' ')}`);
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LINK_CALIBRATION: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0)
    throw new Error(`the evaluation run failed (exit ${run.status ?? run.signal}); see above`);
  return out;
}

interface Results {
  linkCalibration?: boolean;
  model?: { relationBuildSha256?: string };
  probes?: ProbeScores[];
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function main() {
  const file = options.from ? path.resolve(options.from) : evaluate();
  const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
  if (results.linkCalibration !== false)
    throw new Error(
      `${file} was not made with LINK_CALIBRATION=false: its confidences are calibrated already`,
    );
  const learned: JudgedRow[] = (results.probes ?? []).flatMap((p) =>
    p.judged.map((j) => ({
      set: p.name,
      relation: j.relation,
      confidence: j.confidence,
      signals: j.signals,
      right: j.right,
      learned: true,
    })),
  );
  if (learned.length === 0) throw new Error(`${file} has no judged probe-set links`);
  // First runs (examples/first-runs/): the links of new sets before the linker was tuned on
  // them. They are what a researcher's new text looks like, so the figures below and the
  // display threshold are read on them, out of fold.
  const first = readFirstRuns(ROOT);
  const rows = [...learned, ...first];
  const judgedOn = first.length > 0 ? first : learned;
  const model = JSON.parse(
    readFileSync(path.join(ROOT, 'src/linking/relation/model.json'), 'utf8'),
  ) as ModelJson;
  const oof = outOfFold(rows, options.l2, FOLDS, SEED);
  const folds = foldCount(rows, FOLDS, SEED);
  const raw = rows.map((r) =>
    first.length > 0 && r.learned !== false ? Number.NaN : r.confidence,
  );
  const f = (x: { shown: number; right: number; precision: number }) =>
    `${x.shown} shown, ${x.right} right (${x.precision.toFixed(3)})`;
  const classifier = shownAt(rows, raw, CLASSIFIER_DISPLAY);
  const firstSets = new Set(first.map((r) => r.set)).size;
  log(
    `${learned.length} judged links of ${results.probes!.length} sets, ${first.length} of the ` +
      `first runs of ${firstSets} sets; figures on ${first.length > 0 ? 'the first runs' : 'the sets'} ` +
      `out of fold. The classifier's own confidence at its former display threshold ` +
      `${CLASSIFIER_DISPLAY}: ${f(classifier)}`,
  );

  // The display threshold: the lowest at which the links shown reach the precision target out
  // of fold. Linking stores calibrated confidences, so the threshold is read on them.
  const chosen = displayThreshold(rows, oof);
  if (chosen) {
    const allRight = judgedOn.filter((r) => r.right).length;
    model.display = {
      minConfidence: chosen.t,
      precision: round3(chosen.precision),
      recall: round3(chosen.right / Math.max(1, allRight)),
      chosenOn:
        (first.length > 0
          ? `development data: the first runs of ${firstSets} probe sets (examples/first-runs, ` +
            `links made before the linker was tuned on them) out of fold (${folds} batches, ` +
            `each scored by a calibration fitted without its sets), ${first.length} judged links`
          : `development data: the probe sets of examples/probes out of fold (${FOLDS} folds ` +
            `of sets, each scored by a calibration fitted on the others), ${rows.length} judged links`) +
        `; the lowest threshold (steps of 0.01) whose shown links are right at least ` +
        `${DISPLAY_PRECISION} of the time at the lower end of a one-sided 90 % interval ` +
        `(batches as clusters): ` +
        `${chosen.shown} shown, ${chosen.right} right`,
    };
    log(`display threshold ${chosen.t}: ${f(chosen)} out of fold`);
  } else log(`no threshold reaches precision ${DISPLAY_PRECISION} out of fold: display kept`);

  const fitted = fitCalibration(rows, options.l2);
  const files = (sub: string, keep: (n: string) => boolean) => {
    const dir = path.join(ROOT, sub);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter(keep)
          .sort()
          .map((n) => ({ file: `${sub}/${n}`, sha256: sha256(path.join(dir, n)) }))
      : [];
  };
  const calibration: LinkCalibrationJson = {
    command: 'npm run train:calibration',
    created: new Date().toISOString(),
    seed: SEED,
    sets: [
      ...files('examples/probes', (n) => n.endsWith('.jsonl') || n.endsWith('.gold.json')),
      ...files('examples/first-runs', (n) => n.endsWith('.json')),
    ],
    relationBuild: results.model?.relationBuildSha256 ?? 'unknown',
    ...fitted,
    outOfFold: {
      folds,
      foldsOf: first.length > 0 ? 'first-run batches' : 'sets',
      threshold: chosen?.t ?? model.display?.minConfidence ?? CLASSIFIER_DISPLAY,
      shownCalibrated: (chosen ?? shownAt(rows, oof, CLASSIFIER_DISPLAY)).shown,
      rightCalibrated: (chosen ?? shownAt(rows, oof, CLASSIFIER_DISPLAY)).right,
      classifierThreshold: CLASSIFIER_DISPLAY,
      shownClassifier: classifier.shown,
      rightClassifier: classifier.right,
    },
  };
  model.linkCalibration = calibration;
  model.header.version = MODEL_VERSION;
  const target = path.join(ROOT, 'src/linking/relation/model.json');
  // Formatted as the repository's format check wants it, so a retrain commits as it is written.
  const style = (await prettier.resolveConfig(target)) ?? {};
  writeFileSync(
    target + '.tmp',
    await prettier.format(JSON.stringify(model), { ...style, filepath: target }),
  );
  renameSync(target + '.tmp', target);
  log(`wrote the link calibration (${rows.length} links, l2 ${options.l2}) into ${target}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`train:calibration: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
