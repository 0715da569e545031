import { analyzeStatement, isSpeechDate } from '../../../../src/claims/extraction/index.js';
import { facetKeys, frameKeys } from '../../../../src/claims/facet-keys.js';

const ctx = { publishedAt: new Date('2031-09-22T12:00:00Z') };
const facets = (t: string) => analyzeStatement(t, ctx).facets;
const frameKeysOf = (t: string) => new Set(frameKeys(facets(t).frame));
const shared = (a: string, b: string) => [...frameKeysOf(a)].filter((k) => frameKeysOf(b).has(k));

describe('event frames', () => {
  it('gives the event class, its wording, the parties and the voice', () => {
    const f = facets('Aldorian units launched an offensive on Dorvik on 19 September.').frame!;
    expect(f.classes[0]).toBe('military_action');
    expect(f.triggers[0]).toBe('offensive');
    expect(f.parties).toContain('aldoria');
    expect(f.dates.map((d) => d.start)).toEqual(['2031-09-19']);
    expect(f.voice).toBe('asserted');
    expect(facets('Kestria denied any role in the blast.').frame!.voice).toBe('denied');
    // The month is no modal "may": this was read as hedged.
    expect(facets('Twelve people were killed in the shelling on May 13.').frame!.voice).toBe(
      'asserted',
    );
    expect(facets('Kestrian units may have shelled the village.').frame!.voice).toBe('hedged');
    expect(facets('The story incorrectly said the blast was on Monday.').frame!.voice).toBe(
      'corrected',
    );
  });

  it('reads "opened fire on" as a military action, and a fire at a plant as none', () => {
    expect(facets('Ostavian troops opened fire on Valdish positions.').frame!.classes).toContain(
      'military_action',
    );
    expect(facets('Our units returned fire.').frame?.classes ?? []).toContain('military_action');
    // Troops are who acts: the two events of the sentence are its classes.
    expect(
      facets('Ostavian troops opened fire near Brenna, violating the ceasefire.').frame!.classes,
    ).toEqual(['military_action', 'ceasefire']);
    expect(facets('Kestria has had no troops there since 2021.').frame!.classes).toEqual([
      'deployment',
    ]);
    expect(facets('A fire broke out at the chemical plant.').frame?.classes ?? []).not.toContain(
      'military_action',
    );
  });

  it('reads the soldiers an army "lost" as a count of its dead, and pairs it with "killed"', () => {
    const lost = facets('Kestria says it lost 12 servicemen near Dorvik.').frame!;
    expect(lost.classes).toEqual(['killing']);
    expect(lost.counts).toEqual(['killing:12']);
    expect(
      shared(
        'Kestria says it lost 12 servicemen near Dorvik.',
        'Officials said 15 soldiers were killed near Dorvik.',
      ),
    ).toContain('frame:killing:dorvik');
    expect(
      shared(
        'Kestria says it lost 12 servicemen near Dorvik.',
        'Officials said 12 soldiers were killed on Monday.',
      ),
    ).toContain('frame:killing:n12');
    // Lost shops are no deaths.
    expect(facets('Traders lost 12 shops in the fire.').frame?.classes ?? []).not.toContain(
      'killing',
    );
  });

  it('keeps the date of the speech act out of the frame', () => {
    const text = 'Officials said on Saturday that the convoy struck a mine on 17 September.';
    const f = facets(text);
    expect(f.frame!.dates.map((d) => d.start)).toEqual(['2031-09-17']);
    const saturday = f.dates.find((d) => d.text.includes('Saturday'))!;
    expect(isSpeechDate(text, saturday)).toBe(true);
    expect(
      isSpeechDate(
        text,
        f.dates.find((d) => d.text.includes('17'))!,
      ),
    ).toBe(false);
  });

  it('reads loaded and neutral names of one military action as one class', () => {
    for (const t of [
      'The anti-terror measures in Lower Veshnar lasted 23 hours.',
      'The offensive in Lower Veshnar lasted two days.',
      'Aldorian aggression against Lower Veshnar lasted three days.',
    ])
      expect(facets(t).frame?.classes[0]).toBe('military_action');
  });

  it('pairs rewordings of one operation through frame keys, not through words', () => {
    // No content word in common: the frame keys are what makes them candidates.
    expect(
      shared('The measures lasted 23 hours.', 'The offensive lasted two days.').length,
    ).toBeGreaterThan(0);
    // Dates two days apart across a week boundary still share a bucket.
    const a = 'A ceasefire took hold on 20 September.';
    const b = 'The truce began on 22 September.';
    expect(shared(a, b).some((k) => k.startsWith('frame:ceasefire:'))).toBe(true);
    // The same figure of one kind of event, in other words.
    expect(
      shared('Eleven men were detained at the checkpoint.', 'Patrols abducted 11 residents.'),
    ).toContain('frame:detention:n11');
    // Ceasefires three years apart share none.
    expect(shared(a, 'A ceasefire took hold on 10 November 2028.')).toEqual([]);
  });

  it('pairs two accounts of who did an undated event, through the word that names it', () => {
    // No party and no pair of rare words in common: the conflict is who planted the mine.
    expect(
      shared(
        'The mine was planted by Kestrian units operating covertly in the valley.',
        'Aldorian saboteurs planted the mine to create a pretext for the assault.',
      ),
    ).toEqual(['frame:explosion:t:mine']);
    // Words that name who acts make no such key.
    expect(
      facetKeys(facets('Kestria said none of its troops were in the valley.')).filter((k) =>
        k.includes(':t:'),
      ),
    ).toEqual([]);
  });

  it('keys when an operation began or ended, so two accounts of its start are paired first', () => {
    const a = 'On 21 September at 06:00, police units began security measures in the Morvan hills.';
    const b = 'The Ostrian offensive began on 20 September, when artillery shelled Halden.';
    expect(facets(a).frame!.phase).toBe('start');
    expect(facets(b).frame!.phase).toBe('start');
    // Both name a military action in the same week; the start keys are what they share beyond
    // every other report of that week.
    expect(shared(a, b).filter((k) => k.includes(':start:'))).toHaveLength(2);
    expect(
      shared(a, 'Ostrian artillery shelled Halden on 20 September.').some((k) =>
        k.includes(':start:'),
      ),
    ).toBe(false);
    const end = 'Military activity around Halden appears to have ceased at 04:40 on 21 September.';
    expect(facets(end).frame).toMatchObject({ classes: ['military_action'], phase: 'end' });
    // However many dates, the phase keys leave room for who did it.
    const keys = frameKeys(
      facets(
        'The Ostrian offensive on Halden began on 20 September, after clashes on 12 and 16 September.',
      ).frame,
    );
    expect(keys.filter((k) => k.includes(':start:'))).toHaveLength(2);
    expect(keys).toContain('frame:military_action:ostria');
    // A statement that names both the start and the end has no single phase.
    expect(
      facets('The offensive began on 20 September and ended on 21 September.').frame!.phase,
    ).toBeUndefined();
  });

  it('stays selective: a handful of keys per claim, none without an event', () => {
    const keys = facetKeys(
      facets(
        'On 19 September Aldorian and Kestrian units clashed near Dorvik and Tarsk after a mine blast.',
      ),
    ).filter((k) => k.startsWith('frame:'));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(8);
    expect(frameKeys(facets('The weather in Tarsk was mild.').frame)).toEqual([]);
  });
});

describe('fourteenth session: which end of an event a statement dates', () => {
  it('"has been shelling ... since Wednesday" dates the start; "declared a halt" the end', () => {
    expect(
      facets('Dovran artillery has been shelling the Eska district since Wednesday.').frame?.phase,
    ).toBe('start');
    expect(
      facets('Dovran commanders declared a halt on Friday, after two days of fighting.').frame
        ?.phase,
    ).toBe('end');
    // A state since a year is no event begun: "have been" with no verb of doing.
    expect(facets('No Dovran troops have been in Eska since 2052.').frame?.phase).toBeUndefined();
  });
});

describe('eighteenth session: counts of the harmed find each other', () => {
  it('"no civilians were hurt" and a toll share a frame key, though no rare word', () => {
    const harm = (t: string) => facetKeys(facets(t)).includes('frame:harm');
    expect(harm('No civilians were hurt in the strike.')).toBe(true);
    expect(harm('Nine people were killed and 34 wounded, among them four children.')).toBe(true);
    expect(harm('Twelve trucks crossed the border on Monday.')).toBe(false);
  });
});

describe('twentieth session: counts of people trapped, freed or moved find each other', () => {
  it('"cut off by the roof fall" and "trapped" share a frame key, though no rare word', () => {
    const keysOf = (t: string) => facetKeys(facets(t)).filter((k) => k.startsWith('frame:count'));
    expect(keysOf('Twelve miners were cut off by the roof fall.')).toEqual(['frame:count:trap']);
    expect(keysOf('Fifteen men were trapped, not 12 as the company says.')).toContain(
      'frame:count:trap',
    );
    expect(keysOf('Twelve trucks crossed the border on Monday.')).toEqual([]);
  });
});
