import {
  decideDerivation,
  longestMonotoneChain,
  MIN_DERIVED_COVERAGE,
  type DerivationSource,
  type PositionMatch,
} from '../../../../src/tracking/domain/derivation.js';
import { independence } from '../../../../src/tracking/domain/independence.js';

/**
 * Invented reports of an invented event. Each sentence is tagged with the fact it states; a
 * match (what the linker's CORROBORATES link would be) joins two sentences stating one fact.
 */
type Sentence = [fact: string | null, text: string];

const WIRE: Sentence[] = [
  ['bridge', 'A road bridge over the Talmer river collapsed on Tuesday morning near Oskaven.'],
  ['cars', 'Four cars and a delivery van fell into the water, police said.'],
  ['dead', 'Three people were killed and eleven injured, according to the regional health office.'],
  ['divers', 'Forty divers searched the river until nightfall.'],
  ['built', 'The bridge was built in 1964 and last inspected in 2019.'],
  ['cracks', 'Residents had reported cracks in the eastern pillar in March.'],
  ['mayor', '"We warned the ministry twice," Mayor Ilse Varga told reporters.'],
  ['ministry', 'The transport ministry said an inquiry would report within 30 days.'],
  ['traffic', 'Traffic is being diverted through Brennick, adding 40 minutes to journeys.'],
  ['closed', 'Two other bridges of the same design were closed as a precaution.'],
];

/** The same facts in the same order, reworded sentence by sentence, plus one line of its own. */
const REWRITE: Sentence[] = [
  ['bridge', 'Near Oskaven, a bridge carrying a road across the Talmer gave way early on Tuesday.'],
  ['cars', 'According to police, a van and four cars plunged into the river.'],
  ['dead', 'The regional health office put the toll at three dead and eleven hurt.'],
  ['divers', 'Until dark, some forty divers combed the water.'],
  [null, 'Our reporter saw crowds gathering on both banks.'],
  ['built', 'Built in 1964, the span was last checked in 2019.'],
  ['cracks', 'In March, locals had flagged cracks in its eastern pillar.'],
  ['mayor', 'Mayor Ilse Varga said: "We warned the ministry twice."'],
  ['ministry', 'An inquiry will report within 30 days, the transport ministry said.'],
  ['traffic', 'Drivers face a 40-minute detour via Brennick.'],
];

const source = (
  sourceId: string,
  sentences: Sentence[],
  publishedAt: string | null,
): DerivationSource => ({
  sourceId,
  publishedAt: publishedAt ? new Date(publishedAt) : null,
  createdAt: new Date('2031-01-01T00:00:00Z'),
  // Every invented sentence here states a fact worth checking.
  checkworthy: sentences.map((_, i) => i),
  label: sourceId,
});

const matches = (a: Sentence[], b: Sentence[]): PositionMatch[] =>
  a.flatMap(([fact], aPos) =>
    fact === null ? [] : b.flatMap(([other], bPos) => (other === fact ? [{ aPos, bPos }] : [])),
  );

describe('longestMonotoneChain', () => {
  it('finds the longest chain increasing in both positions, each statement used once', () => {
    const chain = longestMonotoneChain([
      { from: 0, to: 0 },
      { from: 1, to: 5 },
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 3, to: 1 },
      { from: 4, to: 3 },
    ]);
    expect(chain).toEqual([
      { from: 0, to: 0 },
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 4, to: 3 },
    ]);
    expect(longestMonotoneChain([])).toEqual([]);
  });
});

describe('decideDerivation', () => {
  const wire = source('wire', WIRE, '2031-05-06T08:00:00Z');

  it('takes a sentence-by-sentence rewrite published later as a derived copy, with the evidence', () => {
    const rewrite = source('rewrite', REWRITE, '2031-05-06T11:30:00Z');
    const d = decideDerivation(wire, rewrite, matches(WIRE, REWRITE));
    expect(d).toMatchObject({ copyId: 'rewrite', originId: 'wire', aligned: 9, statements: 10 });
    expect(d!.evidence).toBe(
      'derived copy: 9 of 10 statements of rewrite follow wire in order, published later',
    );
    // The argument order does not matter.
    expect(decideDerivation(rewrite, wire, matches(REWRITE, WIRE))).toMatchObject({
      copyId: 'rewrite',
      originId: 'wire',
      aligned: 9,
    });
  });

  it('does not call the earlier source the copy, even when it follows the later one', () => {
    // Published before the wire: then the wire follows it (the rewrite is the origin).
    const early = source('early', REWRITE, '2031-05-05T20:00:00Z');
    const d = decideDerivation(
      wire,
      early,
      matches(
        WIRE,
        early.checkworthy.map((i) => REWRITE[i]!),
      ),
    );
    expect(d).toMatchObject({ copyId: 'wire', originId: 'early' });
  });

  it('does not take the same facts told in another order as derived', () => {
    // An independent report: all of the rewrite's facts, but told in its own order
    // (toll first, then background, then the scene).
    const order = [2, 7, 0, 9, 5, 3, 8, 1, 6, 4];
    const shuffled = order.map((i) => REWRITE[i]!);
    const d = decideDerivation(
      wire,
      source('own', shuffled, '2031-05-06T12:00:00Z'),
      matches(WIRE, shuffled),
    );
    expect(d).toBeNull();
    const chain = longestMonotoneChain(
      matches(shuffled, WIRE).map((m) => ({ from: m.aPos, to: m.bPos })),
    );
    expect(chain.length / shuffled.length).toBeLessThan(MIN_DERIVED_COVERAGE);
  });

  it('does not take a report sharing only a few facts (in order) as derived', () => {
    const own: Sentence[] = [
      ['bridge', 'The Talmer bridge near Oskaven fell on Tuesday.'],
      [null, 'Engineers from the university said the pillars were of a type prone to scour.'],
      [null, 'The same design failed in Veldt in 1998.'],
      ['dead', 'Three people died.'],
      [null, 'Insurers expect claims above 10 million.'],
      [null, 'Opposition deputies called for the minister to resign.'],
      ['closed', 'Two sister bridges are closed.'],
      [null, 'Schools in Oskaven will stay shut on Wednesday.'],
    ];
    const d = decideDerivation(
      wire,
      source('own', own, '2031-05-06T12:00:00Z'),
      matches(WIRE, own),
    );
    expect(d).toBeNull();
  });

  it('takes a short brief wholly contained in the wire, in order, as derived', () => {
    const brief: Sentence[] = [
      ['bridge', 'A bridge collapsed near Oskaven on Tuesday.'],
      ['dead', 'Three died and eleven were hurt.'],
      ['mayor', 'The mayor says she warned the ministry twice.'],
      ['ministry', 'An inquiry is due within a month.'],
    ];
    const d = decideDerivation(
      wire,
      source('brief', brief, '2031-05-06T09:00:00Z'),
      matches(WIRE, brief),
    );
    expect(d).toMatchObject({ copyId: 'brief', aligned: 4, statements: 4, coverage: 1 });
  });

  it('needs more than two statements in order: a two-line brief is no evidence of copying', () => {
    const two: Sentence[] = [
      ['bridge', 'A bridge collapsed near Oskaven on Tuesday.'],
      ['dead', 'Three died.'],
    ];
    expect(
      decideDerivation(wire, source('two', two, '2031-05-06T09:00:00Z'), matches(WIRE, two)),
    ).toBeNull();
  });

  it('without publication dates, takes the source that the other wholly contains as the copy', () => {
    const brief: Sentence[] = [
      ['cars', 'Four cars and a van fell in.'],
      ['divers', 'Forty divers searched.'],
      ['cracks', 'Cracks had been reported in March.'],
    ];
    const d = decideDerivation(
      source('wire', WIRE, null),
      source('brief', brief, null),
      matches(WIRE, brief),
    );
    expect(d).toMatchObject({ copyId: 'brief', originId: 'wire', dated: false });
    expect(d!.evidence).toMatch(/publication order unknown/);
  });
});

describe('independence with derived copies', () => {
  const s = (id: string) => ({
    sourceId: id,
    publisherId: id,
    publisherName: id,
    title: null,
    speakers: [],
  });

  it('joins a derived copy to its origin with kind DERIVED and the evidence', () => {
    const evidence =
      'derived copy: 9 of 10 statements of rewrite follow wire in order, published later';
    const r = independence(
      [s('wire'), s('rewrite'), s('own')],
      [{ copyId: 'rewrite', originalId: 'wire', similarity: 0.9, kind: 'DERIVED', evidence }],
    );
    expect(r).toMatchObject({ count: 3, independentCount: 2 });
    expect(r.groups[0]).toMatchObject({
      kinds: ['DERIVED'],
      reasons: [evidence],
      derivations: [{ copyId: 'rewrite', originId: 'wire', evidence }],
    });
  });

  it('shows a near-identical copy as SYNDICATED only, not also DERIVED', () => {
    const r = independence(
      [s('wire'), s('copy')],
      [
        { copyId: 'copy', originalId: 'wire', similarity: 1 },
        { copyId: 'copy', originalId: 'wire', similarity: 1, kind: 'DERIVED', evidence: 'x' },
      ],
    );
    expect(r.independentCount).toBe(1);
    expect(r.groups[0]!.kinds).toEqual(['SYNDICATED']);
  });
});
