/**
 * @jest-environment ./test/support/onnx-environment.mjs
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OnnxNliScorer,
  loadOnnxRuntime,
} from '../../../../src/linking/providers/nli/onnx-nli.scorer.js';
import { ConfigError } from '../../../../src/config/env.js';
import { calibrateModel } from '../../../../src/linking/providers/nli/calibrate.js';
import { MAX_POSITIONS, writeTinyNliModel } from '../../../support/tiny-nli-model.js';

const load = (dir: string, maxTokens: number | null = null) =>
  OnnxNliScorer.load({ dir, maxTokens, batchSize: 4, calibrationFile: null });

describe('OnnxNliScorer on a tiny model written by the test', () => {
  let dir: string;
  let scorer: OnnxNliScorer;
  beforeAll(async () => {
    dir = writeTinyNliModel();
    scorer = await load(dir);
  });
  afterAll(async () => {
    await scorer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the model and its file hash, and takes its token limit from the config', () => {
    expect(scorer.id).toMatch(/^onnx-nli:tiny-nli-test@sha256:[0-9a-f]{12}$/);
    expect(scorer.maxTokens).toBe(MAX_POSITIONS);
  });

  it('maps outputs to labels by id2label (declared in a non-standard order)', async () => {
    const [denied, confirmed, plain] = await scorer.score([
      ['Officials denied the bridge was closed.', 'The bridge was closed.'],
      ['The ministry confirmed the bridge was closed.', 'The bridge was closed.'],
      ['The bridge was closed on Monday.', 'The bridge was closed.'],
    ]);
    const rel = (raw: typeof denied) => {
      const v = scorer.verdict(raw!);
      return v.ok ? v.relation : null;
    };
    expect(rel(denied)).toBe('CONTRADICTS');
    expect(rel(confirmed)).toBe('CORROBORATES');
    expect(rel(plain)).toBe('NEUTRAL');
    const v = scorer.verdict(denied!);
    expect(v.signal.kind).toBe('NLI_MODEL');
    expect(v.signal.detail).toMatch(/^tiny-nli-test: contradiction 0\.\d\d/);
  });

  it('cuts statements longer than the model limit instead of failing the batch', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const [raw] = await scorer.score([[long, `${long} denied`]]);
    expect(raw!.truncated).toBe(true);
    expect(raw!.tokens).toBeLessThanOrEqual(MAX_POSITIONS);
    expect(scorer.longestInput).toBeLessThanOrEqual(MAX_POSITIONS);
  });

  it('the cut matters: told a larger limit than its positions, the model fails the batch', async () => {
    const capped = await OnnxNliScorer.load({
      dir,
      maxTokens: 10_000,
      batchSize: 4,
      calibrationFile: null,
    });
    expect(capped.maxTokens).toBe(MAX_POSITIONS);
    const lying = writeTinyNliModel();
    writeFileSync(join(lying, 'tokenizer_config.json'), JSON.stringify({ model_max_length: 1000 }));
    const config = JSON.parse(readFileSync(join(lying, 'config.json'), 'utf8'));
    writeFileSync(
      join(lying, 'config.json'),
      JSON.stringify({ ...config, max_position_embeddings: 1000 }),
    );
    const wide = await load(lying);
    const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    await expect(wide.score([[long, long]])).rejects.toThrow();
    await Promise.all([capped.close(), wide.close()]);
    rmSync(lying, { recursive: true, force: true });
  });

  it('refuses a missing or broken folder with a message that says what to fix', async () => {
    await expect(load('/nonexistent/model')).rejects.toThrow(ConfigError);
    await expect(load('/nonexistent/model')).rejects.toThrow(/is not a folder/);
    const broken = writeTinyNliModel();
    rmSync(join(broken, 'tokenizer.json'));
    await expect(load(broken)).rejects.toThrow(/has no tokenizer\.json/);
    const garbage = writeTinyNliModel();
    writeFileSync(join(garbage, 'model.onnx'), 'not a model');
    await expect(load(garbage)).rejects.toThrow(/model\.onnx could not be loaded by ONNX Runtime/);
    const wrongLabels = writeTinyNliModel();
    writeFileSync(
      join(wrongLabels, 'config.json'),
      JSON.stringify({ id2label: { 0: 'LABEL_0', 1: 'LABEL_1' } }),
    );
    await expect(load(wrongLabels)).rejects.toThrow(
      /expected entailment, neutral and contradiction/,
    );
    for (const d of [broken, garbage, wrongLabels]) rmSync(d, { recursive: true, force: true });
  });

  it('calibrates on a labelled dev set, then loads the temperature for that model file only', async () => {
    const dev = join(dir, 'dev.jsonl');
    const rows = [
      ['Officials denied the bridge was closed.', 'The bridge was closed.', 'contradiction'],
      ['The ministry confirmed the bridge was closed.', 'The bridge was closed.', 'entailment'],
      ['The bridge was closed on Monday.', 'The bridge was closed.', 'neutral'],
      // The tiny model gets these wrong, so it is overconfident and T must exceed 1.
      ['The bridge was never closed on Monday.', 'The bridge was closed.', 'neutral'],
      ['The bridge was closed.', 'A bridge was closed on Monday.', 'entailment'],
    ];
    writeFileSync(
      dev,
      rows
        .map(([premise, hypothesis, label]) => JSON.stringify({ premise, hypothesis, label }))
        .join('\n'),
    );
    const { path, file } = await calibrateModel({ dir, data: dev, batchSize: 2 });
    expect(path).toBe(join(dir, 'claimtrace-calibration.json'));
    expect(file.examples).toBe(5);
    expect(file.temperature).toBeGreaterThan(1);
    expect(file.nllAfter).toBeLessThan(file.nllBefore);
    const calibrated = await load(dir);
    expect(calibrated.temperature).toBeCloseTo(file.temperature, 9);
    const [raw] = await calibrated.score([
      ['Officials denied the bridge was closed.', 'The bridge was closed.'],
    ]);
    expect(calibrated.verdict(raw!).signal.detail).toContain(
      `temperature ${file.temperature.toFixed(2)}`,
    );
    await calibrated.close();
    writeFileSync(path, JSON.stringify({ ...file, modelSha256: 'f'.repeat(64) }));
    await expect(load(dir)).rejects.toThrow(/fitted for another model file/);
    rmSync(path);
  });

  it('says what to install when the optional ONNX runtime is missing', async () => {
    await expect(loadOnnxRuntime('onnxruntime-node-not-installed')).rejects.toThrow(
      /ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1\.30/,
    );
  });
});
