import type { ClaimFacets } from '../../../../src/claims/extraction/types.js';
import { computeSignals } from '../../../../src/linking/relation/signals.js';
import type { LinkSignal, StatementView } from '../../../../src/linking/relation/types.js';
import { makeFacets } from '../../../support/facets.js';

const facets = makeFacets;

function view(text: string, over: Partial<ClaimFacets> = {}): StatementView {
  return { text, facets: facets(over) };
}

function find(signals: LinkSignal[], kind: string): LinkSignal {
  const s = signals.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} in ${signals.map((x) => x.kind).join(',')}`);
  return s;
}

describe('relation signals', () => {
  it('QUANTITY_MISMATCH for the same counted thing and event', () => {
    const a = view('The shelling killed 2 civilians in the village.', {
      quantities: [
        { text: '2 civilians', value: 2, unit: null, counted: 'civilian', event: 'kill' },
      ],
    });
    const b = view('Four civilians were killed by shelling in the village.', {
      quantities: [
        { text: 'Four civilians', value: 4, unit: null, counted: 'civilian', event: 'kill' },
      ],
    });
    const s = find(computeSignals(a, b), 'QUANTITY_MISMATCH');
    expect([s.left, s.right]).toEqual(['2 civilians', 'Four civilians']);
    expect(s.detail).toContain('(kill)');
  });

  it('QUANTITY_AGREEMENT respects "at least"', () => {
    const a = view('At least 3 soldiers were wounded near the bridge.', {
      quantities: [
        {
          text: 'At least 3 soldiers',
          value: 3,
          approx: 'at_least',
          unit: null,
          counted: 'soldier',
          event: 'wound',
        },
      ],
    });
    const b = view('Five soldiers were wounded near the bridge.', {
      quantities: [
        { text: 'Five soldiers', value: 5, unit: null, counted: 'soldier', event: 'wound' },
      ],
    });
    const sig = computeSignals(a, b);
    const s = find(sig, 'QUANTITY_AGREEMENT');
    expect([s.left, s.right]).toEqual(['At least 3 soldiers', 'Five soldiers']);
    expect(sig.some((x) => x.kind === 'QUANTITY_MISMATCH')).toBe(false);
  });

  it('DATE_MISMATCH and DATE_AGREEMENT for the same event, precision-aware', () => {
    const a = view('The ferry sank off the northern coast on 3 May 2021.', {
      dates: [
        {
          text: '3 May 2021',
          start: '2021-05-03',
          end: '2021-05-03',
          precision: 'day',
          relative: false,
        },
      ],
    });
    const b = view('The ferry sank off the northern coast on 9 May 2021.', {
      dates: [
        {
          text: '9 May 2021',
          start: '2021-05-09',
          end: '2021-05-09',
          precision: 'day',
          relative: false,
        },
      ],
    });
    const m = find(computeSignals(a, b), 'DATE_MISMATCH');
    expect([m.left, m.right]).toEqual(['3 May 2021', '9 May 2021']);
    const c = view('The ferry sank off the northern coast in May 2021.', {
      dates: [
        {
          text: 'May 2021',
          start: '2021-05-01',
          end: '2021-05-31',
          precision: 'month',
          relative: false,
        },
      ],
    });
    const ag = find(computeSignals(a, c), 'DATE_AGREEMENT');
    expect([ag.left, ag.right]).toEqual(['3 May 2021', 'May 2021']);
  });

  it('DURATION_MISMATCH and DURATION_AGREEMENT within tolerance', () => {
    const a = view('The blackout lasted 23 hours.', {
      durations: [{ text: '23 hours', seconds: 82800 }],
    });
    const b = view('The blackout lasted three days.', {
      durations: [{ text: 'three days', seconds: 259200 }],
    });
    const m = find(computeSignals(a, b), 'DURATION_MISMATCH');
    expect([m.left, m.right]).toEqual(['23 hours', 'three days']);
    const c = view('A one-day blackout hit the city.', {
      durations: [{ text: 'one-day', seconds: 86400 }],
    });
    const d = view('The city had no power for 24 hours.', {
      durations: [{ text: '24 hours', seconds: 86400 }],
    });
    const ag = find(computeSignals(c, d), 'DURATION_AGREEMENT');
    expect([ag.left, ag.right]).toEqual(['one-day', '24 hours']);
  });

  it('ACTOR_SWAP when the same predicate has a different agent', () => {
    const a = view('Rovania shelled the border town overnight.', {
      actors: [{ text: 'Rovania', key: 'rovania', kind: 'PLACE', role: 'agent' }],
    });
    const b = view('Tessaland shelled the border town overnight.', {
      actors: [{ text: 'Tessaland', key: 'tessaland', kind: 'PLACE', role: 'agent' }],
    });
    const s = find(computeSignals(a, b), 'ACTOR_SWAP');
    expect([s.left, s.right]).toEqual(['Rovania', 'Tessaland']);
  });

  it('NEGATION when one side negates the aligned predicate', () => {
    const a = view('The mayor attended the ceremony.');
    const b = view("The mayor didn't attend the ceremony.");
    const s = find(computeSignals(a, b), 'NEGATION');
    expect([s.left, s.right]).toEqual(['attended', "didn't attend"]);
  });

  it('ANTONYM on aligned predicates', () => {
    const a = view('Unemployment rose sharply in the region last year.');
    const b = view('Unemployment fell sharply in the region last year.');
    const s = find(computeSignals(a, b), 'ANTONYM');
    expect([s.left, s.right]).toEqual(['rose', 'fell']);
  });

  it('REFUTATION_CUE names the side that refutes', () => {
    const a = view('A giant squid was found in the city lake.');
    const b = view('Officials said the giant squid photo is a hoax.');
    const s = find(computeSignals(a, b), 'REFUTATION_CUE');
    expect([s.left, s.right]).toEqual([null, 'hoax']);
    const p = find(
      computeSignals(a, view('There is no evidence a squid lives in the lake.')),
      'REFUTATION_CUE',
    );
    expect(p.right).toBe('no evidence');
  });

  it('ATTRIBUTION and HEDGING from text cues and facets', () => {
    const a = view('The bridge collapsed on Monday.');
    const b = view('The bridge reportedly collapsed on Monday, according to residents.');
    const sig = computeSignals(a, b);
    expect([find(sig, 'ATTRIBUTION').left, find(sig, 'ATTRIBUTION').right]).toEqual([
      null,
      'according to',
    ]);
    expect([find(sig, 'HEDGING').left, find(sig, 'HEDGING').right]).toEqual([null, 'reportedly']);
    const c = view('The bridge collapsed.', {
      hedges: ['allegedly'],
      attribution: { speaker: 'the police', cue: 'claimed' },
    });
    const sig2 = computeSignals(c, a);
    expect(find(sig2, 'HEDGING').left).toBe('allegedly');
    expect(find(sig2, 'ATTRIBUTION').left).toBe('claimed');
  });

  it('PARAPHRASE aligns number words, stems and synonyms', () => {
    const a = view('Gunmen killed two guards at the depot.');
    const b = view('Two guards were slain by gunmen at the depot.');
    const s = find(computeSignals(a, b), 'PARAPHRASE');
    expect([s.left, s.right]).toEqual(['killed', 'slain']);
  });

  it('FACT_AGREEMENT when both state the same facts without conflict', () => {
    const a = view('The central bank raised interest rates to five percent.');
    const b = view('Interest rates were raised by the central bank to 5 percent.');
    const s = find(computeSignals(a, b), 'FACT_AGREEMENT');
    expect(s.left).toBe('central bank raised interest rates five percent');
    expect(s.right).toBe('Interest rates raised central bank 5 percent');
    const neg = computeSignals(
      a,
      view('The central bank did not raise interest rates to five percent.'),
    );
    expect(neg.some((x) => x.kind === 'FACT_AGREEMENT')).toBe(false);
  });
});

describe('hedging', () => {
  const hedged = (a: string, b: string) =>
    computeSignals(view(a), view(b)).some((s) => s.kind === 'HEDGING');

  it('"appeared" hedges only as "appeared to" or "it appears"', () => {
    const other = 'Ashley Graham was on the cover of Vogue.';
    expect(hedged('She has appeared on the cover of Vogue and Elle.', other)).toBe(false);
    expect(hedged('She appeared in three films in 2005.', other)).toBe(false);
    expect(hedged('She appeared to be on the cover of Vogue.', other)).toBe(true);
    expect(hedged('It appears she was on the cover of Vogue.', other)).toBe(true);
  });
});
