import {
  OUTRANKED_FACTOR,
  outrankedPairs,
  outrankedSignal,
  type ClassifiedPair,
} from '../../../../src/linking/relation/outrank.js';

/** A pair from claim `a` (source A) to evidence `b` (source B). */
function pair(
  a: string,
  b: string,
  confidence: number,
  signalKinds: string[] = [],
  relation: ClassifiedPair['relation'] = 'CORROBORATES',
): ClassifiedPair {
  return {
    claimId: a,
    claimSourceId: a[0]!,
    claimText: `statement ${a}`,
    evidenceId: b,
    evidenceSourceId: b[0]!,
    evidenceText: `statement ${b}`,
    relation,
    confidence,
    signalKinds,
  };
}

describe('outrankedPairs', () => {
  it('demotes a link both of whose statements have a stronger partner in the other source', () => {
    // A1 prefers B2, B1 prefers A2: the A1-B1 link is nobody's best.
    const pairs = [pair('A1', 'B1', 0.6), pair('A1', 'B2', 0.9), pair('A2', 'B1', 0.8)];
    const out = outrankedPairs(pairs);
    expect([...out.keys()]).toEqual([0]);
    expect(out.get(0)).toEqual({
      claimSide: { text: 'statement B2', confidence: 0.9 },
      evidenceSide: { text: 'statement A2', confidence: 0.8 },
    });
  });

  it('keeps a link that is the best of one of its statements', () => {
    // B1 has no other partner in A: the link is its best, whatever A1 prefers.
    const out = outrankedPairs([pair('A1', 'B1', 0.6), pair('A1', 'B2', 0.9)]);
    expect(out.size).toBe(0);
  });

  it('never demotes a link that compares a slot, though it outranks others', () => {
    const pairs = [
      pair('A1', 'B1', 0.6, ['DATE_MISMATCH'], 'CONTRADICTS'),
      pair('A1', 'B2', 0.9),
      pair('A2', 'B1', 0.8),
      // A3-B3 is outranked by slot links on both sides.
      pair('A3', 'B3', 0.5),
      pair('A3', 'B4', 0.7, ['QUANTITY_MISMATCH'], 'CONTRADICTS'),
      pair('A4', 'B3', 0.7, ['DURATION_AGREEMENT']),
    ];
    expect([...outrankedPairs(pairs).keys()]).toEqual([3]);
  });

  it('reads both directions of one pair as one link with the stronger confidence', () => {
    // A1-B1 asked both ways: its 0.85 direction beats the partners, so neither is demoted;
    // without it, the 0.6 direction alone would be.
    const both = [
      pair('A1', 'B1', 0.6),
      pair('B1', 'A1', 0.85),
      pair('A1', 'B2', 0.8),
      pair('A2', 'B1', 0.8),
    ];
    expect(outrankedPairs(both).size).toBe(0);
    expect([...outrankedPairs(both.filter((_, i) => i !== 1)).keys()]).toEqual([0]);
    // A pair's reverse direction is not its own stronger partner.
    const weak = [
      pair('A1', 'B1', 0.5),
      pair('B1', 'A1', 0.55),
      pair('A1', 'B2', 0.9),
      pair('A2', 'B1', 0.9),
    ];
    expect([...outrankedPairs(weak).keys()]).toEqual([0, 1]);
  });

  it('lets ties and unlinked pairs outrank nothing', () => {
    expect(
      outrankedPairs([pair('A1', 'B1', 0.7), pair('A1', 'B2', 0.7), pair('A2', 'B1', 0.9)]).size,
    ).toBe(0);
    const none = [
      pair('A1', 'B1', 0.6),
      pair('A1', 'B2', 0.9, [], null),
      pair('A2', 'B1', 0.9, [], null),
    ];
    expect(outrankedPairs(none).size).toBe(0);
  });

  it('compares partners only within the same other source', () => {
    // A1's stronger link is into source C, not B: it says nothing about A1-B1.
    const out = outrankedPairs([
      pair('A1', 'B1', 0.6),
      pair('A1', 'C1', 0.9),
      pair('A2', 'B1', 0.9),
    ]);
    expect(out.size).toBe(0);
  });
});

describe('outrankedSignal', () => {
  it('lowers the confidence and names both stronger partners', () => {
    const { signal, confidence } = outrankedSignal(
      {
        claimSide: { text: 'the operation lasted two days', confidence: 0.9 },
        evidenceSide: { text: 'x'.repeat(120), confidence: 0.75 },
      },
      0.64,
    );
    expect(confidence).toBeCloseTo(0.64 * OUTRANKED_FACTOR);
    expect(signal.kind).toBe('OUTRANKED');
    expect(signal.detail).toContain('"the operation lasted two days", 0.90');
    expect(signal.detail).toContain(`"${'x'.repeat(77)}...", 0.75`);
    expect(signal.detail).toContain('0.64 -> 0.32');
  });
});
