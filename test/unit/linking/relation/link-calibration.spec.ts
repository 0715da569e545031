import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../../src/config/env.js';
import { loadModel } from '../../../../src/linking/relation/classifier.js';
import {
  calibratedConfidence,
  calibrationScore,
  logit,
  type LinkCalibrationJson,
} from '../../../../src/linking/relation/link-calibration.js';

/** A hand-made model: every relation has its own bias, slope and signal weights. */
const MODEL: LinkCalibrationJson = {
  command: 'test',
  created: '2026-12-02T00:00:00.000Z',
  seed: 1,
  sets: [],
  relationBuild: 'test',
  rows: 0,
  l2: 1,
  intercept: -0.5,
  kinds: 0.25,
  relations: {
    CORROBORATES: { bias: 0.1, logit: 1, signals: { QUANTITY_AGREEMENT: 1 } },
    CONTRADICTS: { bias: 0.2, logit: 2, signals: { DURATION_MISMATCH: 1.5, ATTRIBUTION: -1 } },
    DISCUSSES: { bias: -0.3, logit: 0.5, signals: { HEDGING: -2 } },
  },
};

describe('calibratedConfidence', () => {
  it("adds the link's relation's bias, slope and signal weights to the shared terms", () => {
    const z = calibrationScore(MODEL, 'CONTRADICTS', 0.8, ['DURATION_MISMATCH', 'ATTRIBUTION']);
    expect(z).toBeCloseTo(-0.5 + 0.25 * 2 + 0.2 + 2 * logit(0.8) + 1.5 - 1, 10);
    expect(calibratedConfidence(MODEL, 'CONTRADICTS', 0.8, ['DURATION_MISMATCH'])).toBeCloseTo(
      1 / (1 + Math.exp(-(-0.5 + 0.25 + 0.2 + 2 * logit(0.8) + 1.5))),
      10,
    );
  });

  it("reads a signal kind's weight only under the link's own relation", () => {
    // DURATION_MISMATCH weighs only for contradictions; a discussing link gets nothing for it.
    const plain = calibrationScore(MODEL, 'DISCUSSES', 0.6, []);
    const withKind = calibrationScore(MODEL, 'DISCUSSES', 0.6, ['DURATION_MISMATCH']);
    expect(withKind - plain).toBeCloseTo(0.25, 10);
  });

  it('counts a kind once however many signals carry it, and gives unseen kinds no weight', () => {
    expect(calibrationScore(MODEL, 'DISCUSSES', 0.6, ['HEDGING', 'HEDGING'])).toBeCloseTo(
      calibrationScore(MODEL, 'DISCUSSES', 0.6, ['HEDGING']),
      10,
    );
    expect(calibrationScore(MODEL, 'CORROBORATES', 0.6, ['NEVER_SEEN'])).toBeCloseTo(
      calibrationScore(MODEL, 'CORROBORATES', 0.6, []) + MODEL.kinds,
      10,
    );
  });

  it('stays finite at confidences of 0 and 1 and rises with the confidence', () => {
    const at = (c: number) => calibratedConfidence(MODEL, 'CORROBORATES', c, []);
    expect(Number.isFinite(at(0))).toBe(true);
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(0.2)).toBeLessThan(at(0.5));
    expect(at(0.5)).toBeLessThan(at(0.9));
  });
});

describe('the committed link calibration', () => {
  const cal = loadModel().linkCalibration!;

  it('was fitted on the probe sets and first runs as they are now (retrain with npm run train:calibration)', () => {
    const filesOf = (sub: string, keep: (n: string) => boolean) =>
      readdirSync(path.join(PROJECT_ROOT, sub))
        .filter(keep)
        .sort()
        .map((n) => `${sub}/${n}`);
    expect(cal.sets.map((s) => s.file)).toEqual([
      ...filesOf('examples/probes', (n) => n.endsWith('.jsonl') || n.endsWith('.gold.json')),
      ...filesOf('examples/first-runs', (n) => n.endsWith('.json')),
    ]);
    for (const s of cal.sets) {
      const sha = createHash('sha256')
        .update(readFileSync(path.join(PROJECT_ROOT, s.file)))
        .digest('hex');
      expect({ file: s.file, sha256: sha }).toEqual(s);
    }
  });

  it('trusts a contradiction a length conflict explains over one a refutation cue alone carries', () => {
    // What the probe sets taught it: a slot conflict is right far more often than a rebuttal
    // word near shared words.
    const slot = calibratedConfidence(cal, 'CONTRADICTS', 0.8, ['DURATION_MISMATCH']);
    const cue = calibratedConfidence(cal, 'CONTRADICTS', 0.8, ['REFUTATION_CUE']);
    expect(slot).toBeGreaterThan(cue);
  });
});
