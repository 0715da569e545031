import { describe, expect, it } from 'vitest';
import { layoutLinks, pointAt } from './layout';

describe('link layout', () => {
  const left = new Map([
    ['l1', 10],
    ['l2', 100],
  ]);
  const right = new Map([
    ['r1', 50],
    ['r2', 100],
  ]);

  it('joins the claims of each link from the left edge to the right edge', () => {
    const out = layoutLinks([{ id: 'k', leftClaimId: 'l1', rightClaimId: 'r1' }], left, right, 80);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ y1: 10, y2: 50, d: 'M0 10 C40 10 40 50 80 50' });
    expect(out[0].labelX).toBeCloseTo(40);
    expect(out[0].labelY).toBeCloseTo(30);
  });

  it('skips links whose claim is not on the page', () => {
    const out = layoutLinks(
      [{ id: 'k', leftClaimId: 'l1', rightClaimId: 'gone' }],
      left,
      right,
      80,
    );
    expect(out).toEqual([]);
  });

  it('moves icons apart when two links would put them on top of each other', () => {
    const out = layoutLinks(
      [
        { id: 'a', leftClaimId: 'l2', rightClaimId: 'r2' },
        { id: 'b', leftClaimId: 'l2', rightClaimId: 'r2' },
      ],
      left,
      right,
      120,
    );
    const [a, b] = out;
    expect(Math.abs(a.labelX - b.labelX) >= 18 || Math.abs(a.labelY - b.labelY) >= 18).toBe(true);
    // Each icon stays on its own curve.
    for (const l of out) expect(l.labelY).toBeCloseTo(100);
  });

  it('puts the curve ends on the column edges', () => {
    expect(pointAt(100, 5, 70, 0)).toEqual([0, 5]);
    expect(pointAt(100, 5, 70, 1)).toEqual([100, 70]);
  });
});
