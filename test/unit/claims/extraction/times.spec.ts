import { timesMeet, timesOfDay } from '../../../../src/claims/extraction/times.js';

describe('times of day', () => {
  it('reads clock times after a word that makes them one, and parts of the day', () => {
    const [clock] = timesOfDay('At 23:40 on 2 October a patrol came under fire.');
    // Given to five minutes: it may be rounded by as much.
    expect(clock).toMatchObject({ text: '23:40', from: 1415, to: 1425 });
    const [hour] = timesOfDay('At 23:00 on 2 October a patrol came under fire.');
    expect(hour).toMatchObject({ from: 1350, to: 1410 });
    // In words, in the half of the day the sentence names; without one, no time is read.
    expect(
      timesOfDay('The shelling began at twenty minutes to three on Monday morning.')[0],
    ).toMatchObject({ text: 'twenty minutes to three', from: 150, to: 170 });
    expect(timesOfDay("The guns fell silent at four o'clock this afternoon.")[0]).toMatchObject({
      from: 950,
      to: 970,
    });
    expect(timesOfDay('He left at half past nine.')).toEqual([]);
    const [pm] = timesOfDay('The shelling began at around 9 p.m. on Monday.');
    expect(pm).toMatchObject({ text: '9 p.m.', from: 1230, to: 1290 });
    const [part] = timesOfDay('He was shot on the afternoon of 2 October.');
    expect(part).toMatchObject({ text: 'afternoon', from: 720, to: 1080 });
    expect(timesOfDay('in the early hours of Sunday')[0]).toMatchObject({ from: 0, to: 360 });
    expect(timesOfDay('late on Sunday evening')[0]?.text).toBe('evening');
  });

  it('leaves figures, ages and a night shift alone', () => {
    expect(timesOfDay('a 52-year-old shepherd')).toEqual([]);
    expect(timesOfDay('The index rose by 2.45 on Monday.')).toEqual([]);
    expect(timesOfDay('Turnout was 71.40 percent.')).toEqual([]);
    expect(timesOfDay('He worked a night shift.')).toEqual([]);
    expect(timesOfDay('at 5 on Monday')).toEqual([]);
  });

  it('a part of the day that places a clock time beside it is that time, not another', () => {
    const times = timesOfDay('At 06:45 this morning our ferry collided with a cargo vessel.');
    expect(times.map((x) => x.text)).toEqual(['06:45']);
    expect(timesOfDay('at 9 p.m. on Monday evening').map((x) => x.text)).toEqual(['9 p.m.']);
    expect(timesOfDay('At 03:05 this morning').map((x) => x.text)).toEqual(['03:05']);
    expect(timesOfDay('at 23:40 on the night of 2 October').map((x) => x.text)).toEqual(['23:40']);
    // A clock time outside the part, or far from it, is a second time.
    expect(timesOfDay('at 23:00 this morning')).toHaveLength(2);
    expect(
      timesOfDay('The raid began at 02:10, and by the afternoon the town was quiet.'),
    ).toHaveLength(2);
  });

  it('two windows meet when any reading lets them, across midnight too', () => {
    const [a] = timesOfDay('at 23:40');
    const [b] = timesOfDay('on the afternoon of');
    const [c] = timesOfDay('overnight');
    const [d] = timesOfDay('at 00:30');
    expect(timesMeet(a!, b!)).toBe(false);
    expect(timesMeet(a!, c!)).toBe(true);
    expect(timesMeet(c!, d!)).toBe(true);
  });
});
