/**
 * Fits the temperature of a local NLI model on a labelled development set and writes it where
 * the provider reads it (next to the model, or a file the user names). Reads the dev set from
 * disk at run time; runs the model without the database or the cache.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  accuracy,
  fitTemperature,
  goldLabel,
  negLogLikelihood,
  type CalibrationFile,
} from './calibration.js';
import type { NliLabel, NliRaw } from './nli-labels.js';
import { CALIBRATION_FILE_NAME, OnnxNliScorer } from './onnx-nli.scorer.js';

export interface DevExample {
  a: string;
  b: string;
  label: NliLabel;
}

export class DevSetError extends Error {}

const A_FIELDS = ['premise', 'sentence1', 'sentence_A', 'text_a', 'claim', 'a'];
const B_FIELDS = ['hypothesis', 'sentence2', 'sentence_B', 'text_b', 'evidence', 'b'];
const LABEL_FIELDS = ['label', 'gold_label', 'entailment_judgment', 'relation'];

function pick(row: Record<string, unknown>, fields: readonly string[]): string | null {
  for (const f of fields) if (typeof row[f] === 'string' && row[f]) return row[f] as string;
  return null;
}

/**
 * A dev set as JSONL, CSV or TSV with a header (premise/hypothesis/label, sentence1/sentence2/
 * gold_label, sentence_A/sentence_B/entailment_judgment, claim/evidence/label), or an e-SNLI
 * style folder with s1.<split>, s2.<split> and labels.<split>. Rows with other labels (FEVER's
 * NOT ENOUGH INFO is kept as neutral; "-" is dropped) are skipped.
 */
export function readDevSet(path: string, split = 'dev'): DevExample[] {
  if (!existsSync(path)) throw new DevSetError(`${path} does not exist`);
  let rows: Record<string, unknown>[];
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, `s1.${split}`)))
      throw new DevSetError(
        `${path} is a folder without s1.${split}, s2.${split} and labels.${split}`,
      );
    const lines = (name: string) =>
      readFileSync(join(path, `${name}.${split}`), 'utf8').split('\n');
    const s1 = lines('s1');
    const s2 = lines('s2');
    const labels = lines('labels');
    rows = labels.map((label, i) => ({ premise: s1[i], hypothesis: s2[i], label }));
  } else {
    const text = readFileSync(path, 'utf8');
    const ext = extname(path).toLowerCase();
    if (ext === '.jsonl' || ext === '.ndjson') {
      rows = text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    } else if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
      rows = parse(text, {
        columns: true,
        delimiter: ext === '.csv' ? ',' : '\t',
        relax_quotes: true,
        skip_empty_lines: true,
      }) as Record<string, unknown>[];
    } else {
      throw new DevSetError(
        `${path}: use a .jsonl, .csv or .tsv file, or an e-SNLI folder (s1.dev, s2.dev, labels.dev)`,
      );
    }
  }
  const out: DevExample[] = [];
  for (const row of rows) {
    const a = pick(row, A_FIELDS);
    const b = pick(row, B_FIELDS);
    const raw = pick(row, LABEL_FIELDS);
    const label = raw === null ? null : goldLabel(raw);
    if (a && b && label) out.push({ a, b, label });
  }
  if (out.length === 0) {
    throw new DevSetError(
      `${path}: no labelled pairs found; expected fields ${A_FIELDS.join('|')}, ${B_FIELDS.join('|')} and ${LABEL_FIELDS.join('|')} with entailment/neutral/contradiction (or CORROBORATES/DISCUSSES/CONTRADICTS, SUPPORTS/REFUTES)`,
    );
  }
  return out;
}

export interface CalibrateOptions {
  dir: string;
  data: string;
  split?: string;
  out?: string;
  limit?: number;
  batchSize?: number;
  maxTokens?: number | null;
}

export async function calibrateModel(
  options: CalibrateOptions,
  progress: (done: number, total: number) => void = () => {},
): Promise<{ path: string; file: CalibrationFile }> {
  const examples = readDevSet(options.data, options.split).slice(0, options.limit ?? Infinity);
  const scorer = await OnnxNliScorer.load({
    dir: options.dir,
    maxTokens: options.maxTokens ?? null,
    batchSize: options.batchSize ?? 16,
    // Fit from the raw model: a previous calibration must not bias the new one.
    calibrationFile: null,
    ignoreCalibration: true,
  });
  try {
    const raws: NliRaw[] = [];
    for (let i = 0; i < examples.length; i += scorer.batchSize) {
      const batch = examples.slice(i, i + scorer.batchSize);
      raws.push(...(await scorer.score(batch.map((e) => [e.a, e.b] as const))));
      progress(Math.min(i + scorer.batchSize, examples.length), examples.length);
    }
    const gold = examples.map((e) => e.label);
    const labels = scorer.labelIndex;
    const temperature = fitTemperature(raws, gold, labels);
    const file: CalibrationFile = {
      method: 'temperature',
      temperature,
      modelSha256: scorer.sha256,
      examples: examples.length,
      nllBefore: negLogLikelihood(raws, gold, labels, 1),
      nllAfter: negLogLikelihood(raws, gold, labels, temperature),
      accuracy: accuracy(raws, gold, labels),
      fittedAt: new Date().toISOString(),
    };
    const path = options.out ?? join(options.dir, CALIBRATION_FILE_NAME);
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
    return { path, file };
  } finally {
    await scorer.close();
  }
}
