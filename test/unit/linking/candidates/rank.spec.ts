import {
  bestCandidates,
  candidateScore,
  dealSolePairs,
} from '../../../../src/linking/candidates/rank.js';

// Every word equally rare, so the tests read as "words shared".
const idf = { idf: new Map<string, number>(), unseen: 1 };

const claim = {
  text: 'The convoy struck a mine near Dorvik on Thursday evening.',
  facetKeys: ['date:2031-09-18', 'frame:attack:dorvik'],
};

// Each statement from a source of its own unless named.
const statement = (id: string, text: string, facetKeys: string[] = [], sourceId = `src-${id}`) => ({
  id,
  sourceId,
  text,
  facetKeys,
});

describe('candidate ranking', () => {
  it('keeps every candidate when there are no more than the bound', () => {
    const few = [statement('b', 'Rain in Dorvik.'), statement('a', 'A mine exploded.')];
    expect(bestCandidates(claim, few, 2, idf).map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('keeps the candidates sharing most with the claim, near-copies and frames first', () => {
    const list = [
      statement('w1', 'Weather news from the capital.'),
      statement('w2', 'A convoy struck a mine near Dorvik.'),
      statement('f1', 'Three days of fighting followed.', ['frame:attack:dorvik']),
      statement('c1', 'Completely different words here.', ['lsh:7:123']),
      statement('w3', 'The convoy was on the road.'),
    ];
    const withBand = { ...claim, facetKeys: [...claim.facetKeys, 'lsh:7:123'] };
    expect(bestCandidates(withBand, list, 3, idf).map((c) => c.id)).toEqual(['c1', 'f1', 'w2']);
  });

  it('does not depend on the order candidates were retrieved in', () => {
    const list = Array.from({ length: 20 }, (_, i) =>
      statement(`s${String(i).padStart(2, '0')}`, i % 2 ? 'The convoy struck a mine.' : 'Mine.'),
    );
    const forward = bestCandidates(claim, list, 5, idf).map((c) => c.id);
    const backward = bestCandidates(claim, [...list].reverse(), 5, idf).map((c) => c.id);
    expect(backward).toEqual(forward);
    // Equal scores and texts go to the smaller id.
    expect(forward).toEqual(['s01', 's03', 's05', 's07', 's09']);
  });

  it("takes every other source's best statement before any source's second", () => {
    // Three near-identical editions, two statements each, and one differently worded source.
    const list = [
      ...['e1', 'e2', 'e3'].flatMap((src) => [
        statement(`${src}a`, 'The convoy struck a mine near Dorvik on Thursday.', [], src),
        statement(`${src}b`, 'The convoy struck a mine near Dorvik.', [], src),
      ]),
      statement('h', 'Mine hits convoy.', [], 'headline'),
    ];
    const best = bestCandidates(claim, list, 4, idf).map((c) => c.id);
    expect(best).toContain('h');
    expect(new Set(best.map((id) => list.find((c) => c.id === id)!.sourceId)).size).toBe(4);
  });

  it('weighs shared words by how rare they are', () => {
    const weights = new Map([
      ['dorvik', 5],
      ['convoy', 1],
    ]);
    const rare = candidateScore(weights, new Set(), new Set(['dorvik']), []);
    const common = candidateScore(weights, new Set(), new Set(['convoy']), []);
    expect(rare).toBeGreaterThan(common);
    expect(candidateScore(weights, new Set(['date:x']), new Set(), ['date:x'])).toBeGreaterThan(0);
  });
});

describe('pairing earlier sole statements with a new source', () => {
  const headline = (id: string, text: string) => statement(id, text, [], `head-${id}`);
  const line = (id: string, text: string, sourceId = 'article') =>
    statement(id, text, [], sourceId);

  it("gives each sole statement its best lines, every statement's first before any second", () => {
    const lines = [
      line('l1', 'The convoy struck a mine near Dorvik.'),
      line('l2', 'A mine near Dorvik was struck by the convoy on Thursday.'),
      line('l3', 'The convoy carried grain.'),
      line('l4', 'Dorvik lies on the river.'),
    ];
    const mine = headline('h1', 'Convoy struck mine near Dorvik');
    const river = headline('h2', 'Dorvik river floods');
    const reached = new Map([
      ['l1', [mine]],
      ['l2', [mine]],
      ['l3', [mine]],
      ['l4', [river, mine]],
    ]);
    const pairs = dealSolePairs(lines, reached, 2, 100, idf).map(([l, s]) => `${s.id}:${l.id}`);
    // h1 is reached by four lines and keeps its best two; h2 by one. Each sole statement's
    // best line comes before any one's second.
    expect(pairs).toEqual(['h1:l2', 'h2:l4', 'h1:l1']);
  });

  it("stops at the new source's budget, and counts each new source apart", () => {
    const soles = Array.from({ length: 5 }, (_, i) => headline(`h${i}`, `Mine near Dorvik ${i}`));
    const lines = [line('a1', 'A mine near Dorvik.', 'a'), line('b1', 'A mine near Dorvik.', 'b')];
    const reached = new Map(lines.map((l) => [l.id, soles]));
    const pairs = dealSolePairs(lines, reached, 3, 2, idf);
    expect(pairs.filter(([l]) => l.sourceId === 'a')).toHaveLength(2);
    expect(pairs.filter(([l]) => l.sourceId === 'b')).toHaveLength(2);
    expect(dealSolePairs(lines, new Map(), 3, 2, idf)).toEqual([]);
  });
});
