import { selectLinks, type SelectableLink } from '../../../src/linking/relation/selection.js';

const link = (
  claimId: string,
  evidenceId: string,
  relation: SelectableLink['relation'],
  confidence: number,
  kinds: string[] = [],
): SelectableLink => ({
  claimId,
  claimSourceId: 'A',
  evidenceId,
  evidenceSourceId: 'B',
  relation,
  confidence,
  signals: kinds.map((kind) => ({ kind })),
});

describe('selectLinks', () => {
  it('keeps at most two DISCUSSES per statement and other source, the most confident', () => {
    const kept = selectLinks([
      link('c1', 'e1', 'DISCUSSES', 0.6),
      link('c1', 'e2', 'DISCUSSES', 0.9),
      link('c1', 'e3', 'DISCUSSES', 0.8),
      link('c1', 'e4', 'DISCUSSES', 0.7),
    ]);
    expect(kept.map((l) => l.evidenceId).sort()).toEqual(['e2', 'e3']);
  });

  it('caps from both ends: one statement discussed by many claims is not swamped', () => {
    const kept = selectLinks(
      ['c1', 'c2', 'c3', 'c4'].map((c, i) => link(c, 'e1', 'DISCUSSES', 0.5 + i / 10)),
    );
    expect(kept).toHaveLength(2);
  });

  it('prefers a link a researcher can check over a more confident one from word overlap', () => {
    const kept = selectLinks([
      link('c1', 'e1', 'CORROBORATES', 0.95),
      link('c1', 'e2', 'CORROBORATES', 0.9),
      link('c1', 'e3', 'CORROBORATES', 0.6, ['QUANTITY_AGREEMENT']),
    ]);
    expect(kept.map((l) => l.evidenceId).sort()).toEqual(['e1', 'e3']);
  });

  it('does not depend on the input order', () => {
    const links = [
      link('c1', 'e1', 'CONTRADICTS', 0.7),
      link('c1', 'e2', 'CONTRADICTS', 0.7),
      link('c1', 'e3', 'CONTRADICTS', 0.7),
      link('c1', 'e4', 'CONTRADICTS', 0.7),
      link('c1', 'e5', 'DISCUSSES', 0.9),
    ];
    const ids = (ls: SelectableLink[]) => ls.map((l) => l.evidenceId).sort();
    expect(ids(selectLinks(links))).toEqual(ids(selectLinks([...links].reverse())));
    expect(selectLinks(links)).toHaveLength(4);
  });
});
