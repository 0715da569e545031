import { kindKeys } from '../../../src/claims/kind-keys.js';
import { analyzeStatement } from '../../../src/claims/extraction/index.js';

describe('kindKeys', () => {
  it('gives a negated general word and a kind of it the same key', () => {
    const none = kindKeys('No force was used.');
    const beaten = kindKeys('Officers beat the men with batons and kicked anyone who looked up.');
    expect(none.length).toBe(1);
    expect(beaten).toEqual(expect.arrayContaining(none));
  });

  it('pairs "only military targets were hit" with a civilian place struck', () => {
    const only = kindKeys('Only military targets were hit: firing positions and arms depots.');
    const market = kindKeys('On Saturday evening a drone struck the covered market, killing five.');
    expect(only).toEqual(['frame:kind:targets']);
    expect(market).toEqual(['frame:kind:targets']);
    expect(kindKeys('The convoy reached the town on Saturday.')).toEqual([]);
  });

  it('gives the general word no key when it is not negated, and lives no firearm key', () => {
    expect(kindKeys('Police used force to clear the square.')).toEqual([]);
    expect(kindKeys('Two people lost their lives in the fire.')).toEqual([]);
    expect(kindKeys('Guards fired live ammunition into the yard.').length).toBe(1);
  });
});

describe('a bare denial of a kind of deed is a claim', () => {
  it('scores "No force was used." as check-worthy', () => {
    const ctx = { publishedAt: new Date('2131-05-20T12:00:00Z') };
    expect(analyzeStatement('No force was used.', ctx).checkworthiness).toBeGreaterThanOrEqual(0.5);
    expect(analyzeStatement('Force.', ctx).checkworthiness).toBeLessThan(0.5);
  });
});
