import { analyze } from '../../../../src/linking/relation/analyze.js';
import { align } from '../../../../src/linking/relation/alignment.js';
import { overlapSignals, sharedContentWords } from '../../../../src/linking/relation/overlap.js';

const kindsOf = (a: string, b: string) => {
  const la = analyze(a);
  const lb = analyze(b);
  return overlapSignals(la, lb, align(la, lb)).map((s) => s.kind);
};

describe('overlap signals', () => {
  it('names a thin tie: one content word shared besides names and figures', () => {
    const a = 'Ostvale came under a drone attack at 23:45 on Tuesday.';
    const b =
      'The Ostvale city council will meet on 14 March to discuss the budget and the attack.';
    const la = analyze(a);
    const lb = analyze(b);
    expect(sharedContentWords(la, lb, align(la, lb))).toEqual(['attack']);
    expect(kindsOf(a, b)).toContain('THIN_OVERLAP');
  });

  it('says nothing of two statements that share most of their words', () => {
    const kinds = kindsOf(
      'Twelve miners were trapped by the rock fall in the north gallery.',
      'Nine miners were trapped by the rock fall in the north gallery on Monday.',
    );
    expect(kinds).toEqual([]);
  });

  it('tells a narrow tie and a part of a long statement apart', () => {
    const kinds = kindsOf(
      'The bridge was closed to traffic.',
      'The bridge, which carries the only road to the coast and was rebuilt after the floods of the spring, has been closed since Monday morning to all lorries, buses, tractors and cars.',
    );
    expect(kinds).toContain('NARROW_OVERLAP');
    expect(kinds).toContain('PARTIAL_COVERAGE');
  });

  it('weighs nothing in the decision', () => {
    const la = analyze('Ostvale came under a drone attack.');
    const lb = analyze('The attack on the port was the third this year.');
    for (const s of overlapSignals(la, lb, align(la, lb))) expect(s.weight).toBe(0);
  });
});
