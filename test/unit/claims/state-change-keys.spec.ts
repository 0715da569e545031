import { stateChangeKeys } from '../../../src/claims/state-change-keys.js';

describe('state-change keys', () => {
  it('gives both directions of one change the same key', () => {
    const better = stateChangeKeys('The situation along the line of contact has stabilised.');
    const worse = stateChangeKeys('The situation in the valley continues to deteriorate.');
    expect(better).toEqual(['change:trend']);
    expect(worse).toEqual(better);
    expect(stateChangeKeys('Deliveries will resume on Monday.')).toEqual(
      stateChangeKeys('Deliveries were suspended on Friday.'),
    );
  });

  it('gives no key to a statement that names no change', () => {
    expect(stateChangeKeys('Three border guards were killed in the blast near Dorvik.')).toEqual(
      [],
    );
  });
});
