/**
 * A local NLI cross-encoder exported to ONNX (the Hugging Face export layout), run with
 * onnxruntime-node. Reads only the folder it is given: nothing here reaches the network.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { ConfigError } from '../../../config/env.js';
import type { PairScorer } from '../pair-scorer.js';
import type { ModelVerdict } from '../rescore.js';
import type { CalibrationFile } from './calibration.js';
import { encodePair, type PairTokenizer } from './nli-encode.js';
import {
  NliConfigError,
  labelIndex,
  nliVerdict,
  type LabelIndex,
  type NliRaw,
} from './nli-labels.js';

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

export const CALIBRATION_FILE_NAME = 'claimtrace-calibration.json';
const KNOWN_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

export interface OnnxNliOptions {
  dir: string;
  maxTokens: number | null;
  batchSize: number;
  calibrationFile: string | null;
  /** Calibration command only: score with temperature 1 whatever file is there. */
  ignoreCalibration?: boolean;
}

/** The runtime is an optional peer dependency: a clear start-up error when it is absent. */
export async function loadOnnxRuntime(specifier = 'onnxruntime-node'): Promise<Ort> {
  try {
    return (await import(specifier)) as Ort;
  } catch (error) {
    throw new ConfigError(
      `RELATION_MODEL_DIR is set but the ONNX runtime could not be loaded (${(error as Error).message.split('\n')[0]}). ` +
        'Install it next to claimtrace: ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1.30 ' +
        '(the variable skips its optional GPU download), or unset RELATION_MODEL_DIR to use the built-in classifier.',
    );
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function readJson(dir: string, name: string, required: boolean): Record<string, unknown> | null {
  const path = join(dir, name);
  if (!existsSync(path)) {
    if (!required) return null;
    throw new ConfigError(
      `RELATION_MODEL_DIR=${dir} has no ${name}; the folder needs model.onnx (or onnx/model.onnx), config.json, tokenizer.json and tokenizer_config.json (see docs/models.md)`,
    );
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(
      `RELATION_MODEL_DIR: ${name} is not valid JSON (${(error as Error).message})`,
    );
  }
}

export class OnnxNliScorer implements PairScorer<NliRaw> {
  readonly provider = 'onnx-nli';
  /** Pairs encoded longer than the limit and cut (for tests and the eval's report). */
  truncatedPairs = 0;
  /** Longest sequence fed to the model so far. */
  longestInput = 0;

  private constructor(
    readonly id: string,
    readonly batchSize: number,
    readonly name: string,
    readonly maxTokens: number,
    readonly temperature: number,
    readonly sha256: string,
    private readonly ort: Ort,
    private readonly session: Session,
    private readonly tokenizer: PairTokenizer,
    private readonly labels: LabelIndex,
    private readonly padId: number,
  ) {}

  static async load(options: OnnxNliOptions): Promise<OnnxNliScorer> {
    const { dir } = options;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new ConfigError(
        `RELATION_MODEL_DIR=${dir} is not a folder (see docs/models.md for the layout)`,
      );
    }
    const modelPath = [join(dir, 'model.onnx'), join(dir, 'onnx', 'model.onnx')].find((p) =>
      existsSync(p),
    );
    if (!modelPath) {
      throw new ConfigError(
        `RELATION_MODEL_DIR=${dir} has no model.onnx (nor onnx/model.onnx); export one with optimum-cli (see docs/models.md)`,
      );
    }
    const config = readJson(dir, 'config.json', true)!;
    const tokenizerJson = readJson(dir, 'tokenizer.json', true)!;
    const tokenizerConfig = readJson(dir, 'tokenizer_config.json', false) ?? {};
    let labels: LabelIndex;
    try {
      labels = labelIndex(config);
    } catch (error) {
      if (error instanceof NliConfigError)
        throw new ConfigError(`RELATION_MODEL_DIR: ${error.message}`);
      throw error;
    }
    let tokenizer: Tokenizer;
    try {
      tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
    } catch (error) {
      throw new ConfigError(
        `RELATION_MODEL_DIR: tokenizer.json could not be read (${(error as Error).message})`,
      );
    }
    const ort = await loadOnnxRuntime();
    let session: Session;
    try {
      session = await ort.InferenceSession.create(modelPath, { graphOptimizationLevel: 'all' });
    } catch (error) {
      throw new ConfigError(
        `RELATION_MODEL_DIR: ${basename(modelPath)} could not be loaded by ONNX Runtime (${(error as Error).message.split('\n')[0]})`,
      );
    }
    const unknown = session.inputNames.filter((n) => !KNOWN_INPUTS.has(n));
    if (!session.inputNames.includes('input_ids') || unknown.length > 0) {
      throw new ConfigError(
        `RELATION_MODEL_DIR: the model's inputs are ${session.inputNames.join(', ')}; a cross-encoder export takes input_ids, attention_mask and optionally token_type_ids`,
      );
    }
    const fromTokenizer = Number(tokenizerConfig.model_max_length);
    const fromConfig = Number(config.max_position_embeddings);
    const modelLimit =
      Number.isInteger(fromTokenizer) && fromTokenizer > 0 && fromTokenizer < 100_000
        ? fromTokenizer
        : Number.isInteger(fromConfig) && fromConfig > 0
          ? fromConfig
          : 512;
    const maxTokens = Math.min(options.maxTokens ?? modelLimit, modelLimit);
    const sha = await sha256File(modelPath);
    const name =
      String(config._name_or_path || basename(dir))
        .split('/')
        .at(-1) || basename(dir);
    const temperature = options.ignoreCalibration
      ? 1
      : readCalibration(
          options.calibrationFile ?? join(dir, CALIBRATION_FILE_NAME),
          sha,
          options.calibrationFile !== null,
        );
    const padId = Number.isInteger(config.pad_token_id) ? (config.pad_token_id as number) : 0;
    return new OnnxNliScorer(
      `onnx-nli:${name}@sha256:${sha.slice(0, 12)}`,
      options.batchSize,
      name,
      maxTokens,
      temperature,
      sha,
      ort,
      session,
      tokenizer as unknown as PairTokenizer,
      labels,
      padId,
    );
  }

  /** Raw logits for both directions of each pair; one ONNX run per call. */
  async score(pairs: ReadonlyArray<readonly [string, string]>): Promise<NliRaw[]> {
    const encoded = pairs.flatMap(([a, b]) => [
      encodePair(this.tokenizer, a, b, this.maxTokens),
      encodePair(this.tokenizer, b, a, this.maxTokens),
    ]);
    const rows = encoded.length;
    const width = Math.max(...encoded.map((e) => e.ids.length));
    this.longestInput = Math.max(this.longestInput, width);
    const ids = new BigInt64Array(rows * width).fill(BigInt(this.padId));
    const mask = new BigInt64Array(rows * width);
    const types = new BigInt64Array(rows * width);
    encoded.forEach((e, r) => {
      e.ids.forEach((id, j) => {
        ids[r * width + j] = BigInt(id);
        mask[r * width + j] = 1n;
        types[r * width + j] = BigInt(e.typeIds[j] ?? 0);
      });
    });
    const feeds: Record<string, InstanceType<Ort['Tensor']>> = {};
    const arrays: Record<string, BigInt64Array> = {
      input_ids: ids,
      attention_mask: mask,
      token_type_ids: types,
    };
    for (const name of this.session.inputNames)
      feeds[name] = new this.ort.Tensor('int64', arrays[name]!, [rows, width]);
    const output = await this.session.run(feeds);
    const logits = output.logits ?? output[this.session.outputNames[0]!]!;
    const classes = Number(logits.dims.at(-1));
    if (logits.dims.length !== 2 || Number(logits.dims[0]) !== rows || classes < 3) {
      throw new Error(
        `the NLI model returned logits of shape [${logits.dims.join(', ')}], expected [${rows}, 3]`,
      );
    }
    const data = logits.data as Float32Array;
    return pairs.map((_, i) => {
      const truncated = encoded[2 * i]!.truncated || encoded[2 * i + 1]!.truncated;
      if (truncated) this.truncatedPairs++;
      const row = (r: number) => Array.from(data.subarray(r * classes, (r + 1) * classes));
      return {
        logits: [row(2 * i), row(2 * i + 1)],
        tokens: Math.max(encoded[2 * i]!.ids.length, encoded[2 * i + 1]!.ids.length),
        truncated,
      };
    });
  }

  verdict(raw: NliRaw): ModelVerdict {
    return nliVerdict(raw, this.labels, this.temperature, this.name);
  }

  /** For the calibration command: raw scores without the cache. */
  get labelIndex(): LabelIndex {
    return this.labels;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

function readCalibration(path: string, sha: string, required: boolean): number {
  if (!existsSync(path)) {
    if (required)
      throw new ConfigError(
        `RELATION_MODEL_CALIBRATION=${path} does not exist; run npm run calibrate:model first`,
      );
    return 1;
  }
  let file: CalibrationFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as CalibrationFile;
  } catch (error) {
    throw new ConfigError(
      `calibration file ${path} is not valid JSON (${(error as Error).message})`,
    );
  }
  if (!(
    typeof file.temperature === 'number' &&
    file.temperature > 0 &&
    Number.isFinite(file.temperature)
  )) {
    throw new ConfigError(
      `calibration file ${path} has no positive temperature; re-run npm run calibrate:model`,
    );
  }
  if (file.modelSha256 && file.modelSha256 !== sha) {
    throw new ConfigError(
      `calibration file ${path} was fitted for another model file (sha256 ${file.modelSha256.slice(0, 12)}); re-run npm run calibrate:model`,
    );
  }
  return file.temperature;
}
