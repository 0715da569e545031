import { soleStatementsOf } from '../../../../src/linking/candidates/sole.js';

const FLOOR = 0.15;
const st = (id: string, checkworthiness: number) => ({ id, checkworthiness });

describe('the statement a one-claim source is about', () => {
  it('is the only statement, however low it scores', () => {
    expect(soleStatementsOf([st('a', 0.01)], FLOOR).map((s) => s.id)).toEqual(['a']);
  });

  it('is the one linkable statement beside a split-off kicker ("WATCH:")', () => {
    const revision = [st('kicker', 0.05), st('headline', 0.6)];
    expect(soleStatementsOf(revision, FLOOR).map((s) => s.id)).toEqual(['headline']);
  });

  it('is none when two statements are linkable (an article), or none is', () => {
    expect(soleStatementsOf([st('a', 0.5), st('b', FLOOR)], FLOOR)).toEqual([]);
    expect(soleStatementsOf([st('a', 0.05), st('b', 0.1)], FLOOR)).toEqual([]);
    expect(soleStatementsOf([], FLOOR)).toEqual([]);
  });
});
