import { independence } from '../../../../src/tracking/domain/independence.js';
import { speakerKey } from '../../../../src/tracking/domain/stance.js';

const src = (sourceId: string, publisherId: string, speakers: string[] = []) => ({
  sourceId,
  publisherId,
  publisherName: publisherId.toUpperCase(),
  title: null,
  speakers,
});

describe('independence', () => {
  it('counts a syndicated copy with its original once, and says why', () => {
    const r = independence(
      [src('wire', 'mpw'), src('copy', 'cdh'), src('ngo', 'fcw')],
      [{ copyId: 'copy', originalId: 'wire', similarity: 0.8 }],
    );
    expect(r).toMatchObject({ count: 3, independentCount: 2 });
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]!.sourceIds.sort()).toEqual(['copy', 'wire']);
    expect(r.groups[0]!.kinds).toEqual(['SYNDICATED']);
    expect(r.groups[0]!.reasons[0]).toMatch(/syndicated copy: CDH copies MPW/);
  });

  it('groups sources of one publisher and sources citing the same speaker', () => {
    const r = independence(
      [
        src('a', 'p1', ['defence ministry']),
        src('b', 'p2', ['defence ministry']),
        src('c', 'p3'),
        src('d', 'p3'),
      ],
      [],
    );
    expect(r.independentCount).toBe(2);
    expect(r.groups.map((g) => g.kinds)).toEqual([['SHARED_SPEAKER'], ['SAME_PUBLISHER']]);
  });

  it('normalises speakers and ignores pronouns and generic nouns', () => {
    expect(speakerKey('the Defense Ministry')).toBe(speakerKey('Defence Ministry'));
    expect(speakerKey('Reuters')).toBe('reuters');
    expect(speakerKey('they')).toBeNull();
    expect(speakerKey('officials')).toBeNull();
    expect(speakerKey(null)).toBeNull();
  });
});
