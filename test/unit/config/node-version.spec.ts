import { nodeSatisfies } from '../../../src/config/node-version.js';
import { describeError } from '../../../src/common/describe-error.js';

describe('the Node version check', () => {
  it('accepts the minimum and newer, refuses older', () => {
    expect(nodeSatisfies('20.19.0', '>=20.19')).toBe(true);
    expect(nodeSatisfies('v20.20.2', '>=20.19')).toBe(true);
    expect(nodeSatisfies('22.1.0', '>=20.19')).toBe(true);
    expect(nodeSatisfies('20.18.3', '>=20.19')).toBe(false);
    expect(nodeSatisfies('18.20.0', '>=20.19')).toBe(false);
  });

  it('does not block on a range it cannot read', () => {
    expect(nodeSatisfies('18.0.0', '')).toBe(true);
  });
});

describe('describing a thrown value', () => {
  it('never prints undefined for a rejection without a reason', () => {
    expect(describeError(undefined)).toBe('an unknown error (no detail was given)');
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('plain')).toBe('plain');
    expect(describeError({ code: 1 })).toBe('{"code":1}');
  });
});
