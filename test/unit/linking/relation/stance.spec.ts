import { MIN_LINK_CONFIDENCE, aggregateStance } from '../../../../src/linking/relation/stance.js';

describe('aggregateStance', () => {
  it('no links means no stance', () => {
    expect(aggregateStance([])).toBeNull();
    expect(aggregateStance([{ relation: null, confidence: 0.9 }])).toBeNull();
  });

  it('weak links alone do not make a document related', () => {
    expect(
      aggregateStance([{ relation: 'DISCUSSES', confidence: MIN_LINK_CONFIDENCE - 0.01 }]),
    ).toBeNull();
    expect(
      aggregateStance([{ relation: 'CONTRADICTS', confidence: MIN_LINK_CONFIDENCE + 0.01 }]),
    ).toBe('CONTRADICTS');
  });

  it('the dominant stance wins', () => {
    expect(
      aggregateStance([
        { relation: 'CORROBORATES', confidence: 0.8 },
        { relation: 'CORROBORATES', confidence: 0.7 },
        { relation: 'DISCUSSES', confidence: 0.6 },
        { relation: null, confidence: 0.9 },
      ]),
    ).toBe('CORROBORATES');
  });

  it('a confident rebuttal outweighs a restatement that only discusses', () => {
    expect(
      aggregateStance([
        { relation: 'DISCUSSES', confidence: 0.8 },
        { relation: 'CONTRADICTS', confidence: 0.7 },
      ]),
    ).toBe('CONTRADICTS');
  });

  it('is independent of the order of the links', () => {
    const pairs = [
      { relation: 'DISCUSSES' as const, confidence: 0.5 },
      { relation: 'CORROBORATES' as const, confidence: 0.45 },
      { relation: null, confidence: 0.7 },
    ];
    expect(aggregateStance(pairs)).toBe(aggregateStance([...pairs].reverse()));
  });
});
