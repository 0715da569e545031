import { sameSignals } from '../../../src/linking/link.repository.js';

const s = (kind: string, left: string | null, right: string | null, detail = kind) => ({
  kind,
  detail,
  left,
  right,
  weight: 0.8,
});

describe("sameSignals (whether a relink must rewrite a link's reasons)", () => {
  it('ignores order and the wording of details, which depend on the finding side', () => {
    expect(
      sameSignals(
        [
          s('NEGATION', 'no troops', 'forces', 'The claim negates ...'),
          s('ATTRIBUTION', 'said', null),
        ],
        [s('ATTRIBUTION', 'said', null), s('NEGATION', 'no troops', 'forces', 'The evidence ...')],
      ),
    ).toBe(true);
  });

  it('sees other words, kinds, weights or counts', () => {
    const base = [s('DURATION_MISMATCH', 'three days', 'a day')];
    expect(sameSignals(base, [s('DURATION_MISMATCH', 'two days', 'a day')])).toBe(false);
    expect(sameSignals(base, [s('CORRECTION_CONSISTENT', 'three days', 'a day')])).toBe(false);
    expect(sameSignals(base, [{ ...base[0]!, weight: 0.6 }])).toBe(false);
    expect(sameSignals(base, [...base, s('FRAMING', 'riots', 'protests')])).toBe(false);
  });
});
