import { bestCandidates, candidateScore } from '../../../../src/linking/candidates/rank.js';

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
