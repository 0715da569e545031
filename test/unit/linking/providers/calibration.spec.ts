import {
  accuracy,
  fitTemperature,
  goldLabel,
  negLogLikelihood,
} from '../../../../src/linking/providers/nli/calibration.js';
import {
  labelIndex,
  softmax,
  type NliLabel,
  type NliRaw,
} from '../../../../src/linking/providers/nli/nli-labels.js';

const labels = labelIndex({ id2label: { 0: 'contradiction', 1: 'entailment', 2: 'neutral' } });

/** A model whose logits are `scale` times too sharp: right 70% of the time, always ~certain. */
function overconfident(scale: number): { raws: NliRaw[]; gold: NliLabel[] } {
  const raws: NliRaw[] = [];
  const gold: NliLabel[] = [];
  const order: NliLabel[] = ['contradiction', 'entailment', 'neutral'];
  for (let i = 0; i < 300; i++) {
    const predicted = i % 3;
    const right = i % 10 < 7;
    const logits = [0, 0, 0];
    logits[predicted] = Math.log(0.7 / 0.15) * scale;
    raws.push({ logits: [logits, logits], tokens: 10, truncated: false });
    gold.push(right ? order[predicted]! : order[(predicted + 1) % 3]!);
  }
  return { raws, gold };
}

describe('temperature calibration', () => {
  it('recovers the factor by which logits are too sharp, and lowers the NLL', () => {
    const { raws, gold } = overconfident(4);
    const t = fitTemperature(raws, gold, labels);
    expect(t).toBeGreaterThan(3.7);
    expect(t).toBeLessThan(4.3);
    expect(negLogLikelihood(raws, gold, labels, t)).toBeLessThan(
      negLogLikelihood(raws, gold, labels, 1),
    );
    expect(accuracy(raws, gold, labels)).toBeCloseTo(0.7, 2);
  });

  it('leaves a calibrated model alone (T ≈ 1)', () => {
    const { raws, gold } = overconfident(1);
    expect(fitTemperature(raws, gold, labels)).toBeCloseTo(1, 1);
  });

  it('reads labels in NLI, link and fact-checking vocabularies', () => {
    expect(['ENTAILMENT', 'corroborates', 'SUPPORTS'].map(goldLabel)).toEqual([
      'entailment',
      'entailment',
      'entailment',
    ]);
    expect(['CONTRADICTION', 'REFUTES', 'contradicts'].map(goldLabel)).toEqual([
      'contradiction',
      'contradiction',
      'contradiction',
    ]);
    expect(['NEUTRAL', 'NOT ENOUGH INFO', 'DISCUSSES'].map(goldLabel)).toEqual([
      'neutral',
      'neutral',
      'neutral',
    ]);
    expect(goldLabel('-')).toBeNull();
  });

  it('softmax with temperature flattens', () => {
    const sharp = softmax([4, 0, 0]);
    const flat = softmax([4, 0, 0], 4);
    expect(flat[0]!).toBeLessThan(sharp[0]!);
    expect(flat.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
