import { linkingProgress } from '../../../../src/linking/progress/linking-progress.service.js';

describe('linkingProgress', () => {
  const base = { pending: 0, running: 0, done: 0, failed: 0, recent: 0, recentSpan: 0 };

  it('is complete when nothing is pending or running, failed sources included', () => {
    expect(linkingProgress({ ...base, done: 5, failed: 1 })).toMatchObject({
      complete: true,
      etaSeconds: 0,
    });
  });

  it('gives the rate over the recent window and the time left at that rate', () => {
    const p = linkingProgress({
      ...base,
      pending: 90,
      running: 10,
      done: 60,
      recent: 60,
      recentSpan: 30,
    });
    expect(p.sourcesPerSecond).toBe(2);
    expect(p.etaSeconds).toBe(50);
    expect(p.complete).toBe(false);
  });

  it('has no estimate before anything finished, and no absurd rate from one instant', () => {
    expect(linkingProgress({ ...base, pending: 4 }).etaSeconds).toBeNull();
    // One source finished 10 ms ago is not 100 sources per second.
    expect(
      linkingProgress({ ...base, pending: 4, done: 1, recent: 1, recentSpan: 0.01 })
        .sourcesPerSecond,
    ).toBe(1);
  });
});
