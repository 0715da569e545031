import { analyzeStatement, extractFacets } from '../../../../src/claims/extraction/index.js';

const ctx = { publishedAt: new Date('2023-09-21T10:00:00Z') };
const facets = (s: string) => extractFacets(s, ctx);

describe('dates', () => {
  it('reads an en-dash day range as one facet', () => {
    const f = facets('The measures conducted on September 19–20, 2023, ended.');
    expect(f.dates).toEqual([
      {
        text: 'September 19–20, 2023',
        start: '2023-09-19',
        end: '2023-09-20',
        precision: 'day',
        relative: false,
        at: 26,
      },
    ]);
    expect(f.quantities).toEqual([]);
  });

  it('reads single days, cross-month ranges, years and relative dates', () => {
    const f = facets(
      'The statement of November 10, 2020 followed fighting from September 27 to November 10, 2020.',
    );
    expect(f.dates.map((d) => [d.text, d.start, d.end, d.precision])).toEqual([
      ['November 10, 2020', '2020-11-10', '2020-11-10', 'day'],
      ['September 27 to November 10, 2020', '2020-09-27', '2020-11-10', 'day'],
    ]);
    const r = facets('Fighting began in 2020 and ended yesterday, on Tuesday.');
    expect(r.dates.map((d) => [d.text, d.start, d.end, d.precision, d.relative])).toEqual([
      ['2020', '2020-01-01', '2020-12-31', 'year', false],
      ['yesterday', '2023-09-20', '2023-09-20', 'day', true],
      ['on Tuesday', '2023-09-19', '2023-09-19', 'day', true],
    ]);
    expect(r.quantities).toEqual([]);
  });

  it('reads a span whose ends each carry a year as one facet', () => {
    const span = (s: string) => facets(s).dates.map((d) => [d.text, d.start, d.end, d.precision]);
    expect(span('The film was shot from September 1994 to August 1995 in India.')).toEqual([
      ['from September 1994 to August 1995', '1994-09-01', '1995-08-31', 'month'],
    ]);
    expect(span('The series aired from October 3, 2013 to July 18, 2015 on CBS.')).toEqual([
      ['from October 3, 2013 to July 18, 2015', '2013-10-03', '2015-07-18', 'day'],
    ]);
    expect(span('The blockade lasted between 12 December 2022 and 19 September 2023.')).toEqual([
      ['between 12 December 2022 and 19 September 2023', '2022-12-12', '2023-09-19', 'day'],
    ]);
    // Two months named side by side are two dates; so are ends out of order.
    expect(span('Talks were held in September 1994 and August 1995.')).toEqual([
      ['September 1994', '1994-09-01', '1994-09-30', 'month'],
      ['August 1995', '1995-08-01', '1995-08-31', 'month'],
    ]);
    expect(span('Prices rose from August 1995 to September 1994, the table says.')).toEqual([
      ['August 1995', '1995-08-01', '1995-08-31', 'month'],
      ['September 1994', '1994-09-01', '1994-09-30', 'month'],
    ]);
  });

  it('reads a year after a comma written with a space before it', () => {
    // Tokenised corpora and text copied out of PDFs: "June 26 , 1980".
    const f = extractFacets('Michael Vick was born on June 26th , 1980 in Virginia .', {});
    expect(f.dates.map((d) => [d.text, d.start, d.precision])).toEqual([
      ['June 26th , 1980', '1980-06-26', 'day'],
    ]);
  });

  it('resolves a year-less date against the publication date, and drops it without one', () => {
    expect(facets('It ended on September 20.').dates.map((d) => [d.start, d.relative])).toEqual([
      ['2023-09-20', true],
    ]);
    expect(extractFacets('It ended on September 20.', {}).dates).toEqual([]);
  });

  it('does not read durations or plain numbers as dates', () => {
    const f = facets('Within just 23 hours and 43 minutes, 120 soldiers surrendered.');
    expect(f.dates).toEqual([]);
  });
});

describe('durations', () => {
  it('normalises compound and hyphenated durations to seconds', () => {
    expect(facets('Within just 23 hours and 43 minutes, they surrendered.').durations).toEqual([
      { text: '23 hours and 43 minutes', seconds: 85380, at: 12 },
    ]);
    const f = facets(
      'The ceasefire lasted 24 hours, then two weeks, then a month, after a 48-hour pause and three days of fighting.',
    );
    expect(f.durations.map((d) => [d.text, d.seconds])).toEqual([
      ['24 hours', 86400],
      ['two weeks', 1209600],
      ['a month', 2592000],
      ['48-hour', 172800],
      ['three days', 259200],
    ]);
    expect(f.quantities).toEqual([]);
    expect(facets('The one-day operation ended.').durations.map((d) => d.seconds)).toEqual([86400]);
  });
});

describe('quantities', () => {
  it('takes the event named between a figure and what it counts', () => {
    const seen = facets(
      'A reporter saw at least six damaged houses and a school with its roof burned away.',
    );
    expect(seen.quantities.map((q) => [q.value, q.counted, q.event])).toEqual([
      [6, 'house', 'damage'],
    ]);
    const treated = facets('The hospital said it had treated 14 wounded people.');
    expect(treated.quantities.map((q) => [q.value, q.counted, q.event])).toEqual([
      [14, 'person', 'wound'],
    ]);
  });

  it('links counts to counted nouns and events', () => {
    const f = facets(
      'A mine killed two civilians and four soldiers were wounded, the Defence Ministry said.',
    );
    expect(f.quantities).toEqual([
      {
        text: 'two',
        value: 2,
        approx: 'exact',
        unit: null,
        counted: 'civilian',
        event: 'kill',
        at: 14,
      },
      {
        text: 'four',
        value: 4,
        approx: 'exact',
        unit: null,
        counted: 'soldier',
        event: 'wound',
        at: 32,
      },
    ]);
  });

  it('reads qualifiers, number words, scales, vague counts and ranges', () => {
    const f = facets(
      'At least 1,200 people fled, and dozens of houses were destroyed; about 3.5 million people live there.',
    );
    expect(f.quantities.map((q) => [q.text, q.value, q.approx, q.counted, q.event])).toEqual([
      ['At least 1,200', 1200, 'at_least', 'person', 'flee'],
      ['dozens', 24, 'approximate', 'house', 'destroy'],
      ['about 3.5 million', 3500000, 'approximate', 'person', null],
    ]);
    const r = facets('Between 10 and 15 soldiers and 5-7 civilians died.');
    expect(r.quantities.map((q) => [q.text, q.value, q.valueMax, q.counted, q.event])).toEqual([
      ['Between 10 and 15', 10, 15, 'soldier', 'die'],
      ['5-7', 5, 7, 'civilian', 'die'],
    ]);
  });

  it('carries the counted noun over an elliptical second count', () => {
    const f = facets('Azerbaijan said 200 Armenian soldiers were killed and 400 injured.');
    expect(f.quantities.map((q) => [q.value, q.counted, q.event])).toEqual([
      [200, 'soldier', 'kill'],
      [400, 'soldier', 'injure'],
    ]);
  });

  it('counts a part of a count for the same event, and passes over it for the next count', () => {
    const part = (t: string) => facets(t).quantities.map((q) => [q.value, q.counted, q.event]);
    expect(part('A rocket hit the market, killing 14 people, five of them children.')).toEqual([
      [14, 'person', 'kill'],
      [5, 'child', 'kill'],
    ]);
    expect(
      part('Twelve people were killed when the hospital was shelled, among them nine patients.'),
    ).toEqual([
      [12, 'person', 'kill'],
      [9, 'patient', 'kill'],
    ]);
    expect(part('The strike killed 30 people, including 12 children, and wounded 40.')).toEqual([
      [30, 'person', 'kill'],
      [12, 'child', 'kill'],
      [40, 'person', 'wound'],
    ]);
  });

  it('takes the verb after a participle that describes what is counted', () => {
    const ev = (t: string) => facets(t).quantities.map((q) => q.event);
    expect(ev('400 trucks carrying food passed along the road in January.')).toEqual(['pass']);
    expect(ev('Two soldiers guarding the post were killed.')).toEqual(['kill']);
    // A participle before the figure is the event itself.
    expect(ev('The strike hit the market, killing 14 people.')).toEqual(['kill']);
  });

  it('reads people taken to hospital or treated as one kind of count', () => {
    const care = (t: string) => facets(t).quantities.map((q) => [q.value, q.event]);
    expect(care('A fire at the plant sent 11 people to hospital.')).toEqual([[11, 'hospitalise']]);
    expect(care('Four workers were rushed to hospital.')).toEqual([[4, 'hospitalise']]);
    expect(care('Three employees were treated for smoke inhalation.')).toEqual([[3, 'treat']]);
    // A move that is not to hospital keeps its own event.
    expect(care('The army evacuated 300 residents to the capital.')).toEqual([[300, 'evacuate']]);
    // Care named after another count belongs to that count; people found alive were rescued.
    expect(
      care(
        'Rescuers pulled 14 people alive from the rubble, and 31 people were taken to hospital.',
      ),
    ).toEqual([
      [14, 'rescue'],
      [31, 'hospitalise'],
    ]);
  });

  it('reads "all X were accounted for" as none missing, and a colon breaking a count down', () => {
    const q = (t: string) => facets(t).quantities.map((x) => [x.value, x.counted, x.event]);
    expect(q('All passengers were accounted for and have been brought ashore.')).toEqual([
      [0, 'passenger', 'disappear'],
    ]);
    expect(q('Three people remain missing: two passengers and one member of the crew.')).toEqual([
      [3, 'person', 'disappear'],
      [2, 'passenger', 'disappear'],
      [1, 'member', null],
    ]);
    expect(q('Two miners are still missing.')).toEqual([[2, 'miner', 'disappear']]);
  });

  it('reads "no casualties among X" as none of X hurt, and "the death of one X" as a death', () => {
    const q = (t: string) => facets(t).quantities.map((x) => [x.value, x.counted, x.event]);
    expect(q('There were no casualties among Valdish servicemen.')).toEqual([
      [0, 'serviceman', 'hurt'],
    ]);
    expect(q('The attack caused no deaths.')).toEqual([[0, 'person', 'die']]);
    expect(q('The mission confirmed the death of one Valdish soldier near Brenna.')).toEqual([
      [1, 'soldier', 'death'],
    ]);
  });

  it('reads units and currencies', () => {
    const f = facets('Up to 50 km of road and 40% of the budget, worth $1.2bn, were lost.');
    expect(f.quantities.map((q) => [q.text, q.value, q.valueMax, q.approx, q.unit])).toEqual([
      ['Up to 50 km', 50, 50, 'at_most', 'km'],
      ['40%', 40, undefined, 'exact', '%'],
      ['$1.2bn', 1200000000, undefined, 'exact', 'USD'],
    ]);
  });

  it('does not report years, ordinals, identifiers or pronoun "one"', () => {
    const f = facets('One of the 19th-century buildings, No. 5, was hit in 2020 by a T-72.');
    expect(f.quantities).toEqual([]);
  });
});

describe('actors', () => {
  it('finds places, organisations, people and national groups with roles', () => {
    const f = facets(
      'Six Russian peacekeepers were killed by Azerbaijani troops near Khankendi on September 20, 2023.',
    );
    expect(f.actors.map((a) => [a.text, a.key, a.kind, a.role, a.country])).toEqual([
      ['Russian peacekeepers', 'russian peacekeepers', 'GROUP', 'patient', 'russia'],
      ['Azerbaijani troops', 'azerbaijani troops', 'GROUP', 'agent', 'azerbaijan'],
      ['Khankendi', 'khankendi', 'PLACE', 'mention', undefined],
    ]);
    const g = facets('President Ilham Aliyev signed the decree, the Defence Ministry said.');
    expect(g.actors.map((a) => [a.text, a.key, a.kind, a.role])).toEqual([
      ['President Ilham Aliyev', 'ilham aliyev', 'PERSON', 'agent'],
      ['Defence Ministry', 'ministry of defence', 'ORGANIZATION', 'mention'],
    ]);
  });

  it('keeps dotted acronyms inside names and finds single-word surnames', () => {
    expect(facets('The U.N. Security Council met.').actors.map((a) => [a.text, a.kind])).toEqual([
      ['U.N. Security Council', 'ORGANIZATION'],
    ]);
    expect(
      facets('Pashinyan accused Baku of ethnic cleansing.').actors.map((a) => [
        a.key,
        a.kind,
        a.role,
      ]),
    ).toEqual([
      ['pashinyan', 'PERSON', 'agent'],
      ['baku', 'PLACE', 'patient'],
    ]);
  });

  it('reads org patterns and passive agents', () => {
    const f = facets(
      'A mine struck a vehicle of the Azerbaijan State Highways Agency and servicemen of the Internal Troops of the Ministry of Internal Affairs.',
    );
    expect(f.actors.map((a) => [a.key, a.kind])).toEqual([
      ['azerbaijan state highways agency', 'ORGANIZATION'],
      ['internal troops', 'ORGANIZATION'],
      ['ministry of internal affairs', 'ORGANIZATION'],
    ]);
    const g = facets('The statement signed by Azerbaijan, Russia, and Armenia served as a basis.');
    expect(g.actors.map((a) => [a.key, a.kind, a.role])).toEqual([
      ['azerbaijan', 'PLACE', 'agent'],
      ['russia', 'PLACE', 'agent'],
      ['armenia', 'PLACE', 'agent'],
    ]);
  });
});

describe('cues', () => {
  it('finds attribution with and without a speaker', () => {
    expect(facets('According to Reuters, Armenian forces shelled the town.').attribution).toEqual({
      speaker: 'Reuters',
      cue: 'according to',
    });
    expect(facets('Two soldiers died, the Defence Ministry said.').attribution).toEqual({
      speaker: 'the Defence Ministry',
      cue: 'said',
    });
    expect(facets('“We will respond,” said Foreign Minister Jeyhun Bayramov.').attribution).toEqual(
      {
        speaker: 'Foreign Minister Jeyhun Bayramov',
        cue: 'said',
      },
    );
    expect(facets('Aliyev told reporters that the operation was over.').attribution).toEqual({
      speaker: 'Aliyev',
      cue: 'told reporters',
    });
    expect(facets('It was reported that two soldiers died.').attribution).toEqual({
      speaker: null,
      cue: 'was reported',
    });
    expect(facets('The army continued claims of independence.').attribution).toBeNull();
  });

  it('reads a headline that opens with an organisation and a colon as its words', () => {
    expect(facets('WHO: Vaccine cuts deaths by half').attribution).toEqual({
      speaker: 'WHO',
      cue: ':',
    });
    expect(facets('Defence Ministry: two soldiers were killed overnight').attribution).toEqual({
      speaker: 'Defence Ministry',
      cue: ':',
    });
    // A dateline, a kicker or a topic before the colon names no speaker.
    expect(facets('BAKU: The road reopened on Monday').attribution).toBeNull();
    expect(facets('WATCH: The road reopened on Monday').attribution).toBeNull();
    expect(facets('Karabakh: The road reopened on Monday').attribution).toBeNull();
    expect(facets('BREAKING NEWS: The road reopened on Monday').attribution).toBeNull();
    expect(facets('Syria News: The road reopened on Monday').attribution).toBeNull();
    expect(facets('Human Rights Watch: The road reopened on Monday').attribution?.speaker).toBe(
      'Human Rights Watch',
    );
  });

  it('does not read an everyday sense of a reporting verb as attribution', () => {
    // FEVER evidence read as relayed: "maintained its size", "heads of state", "to write".
    expect(facets('The horse has always maintained its size.').attribution).toBeNull();
    expect(
      facets('The summit brought together heads of state from 40 nations.').attribution,
    ).toBeNull();
    expect(facets('Leigh never managed to write anything noteworthy.').attribution).toBeNull();
    expect(facets('The airline added two flights to Baku.').attribution).toBeNull();
    // Next to the reported words they still attribute: after them ("maintained that",
    // "added:") or ending the clause the reported words opened.
    const cases: Array<[string, string, string]> = [
      ['The ministry maintained that the road stayed open.', 'The ministry', 'maintained'],
      ['The ministry added: the road stayed open.', 'The ministry', 'added'],
      ['“The road stayed open,” the ministry added.', 'the ministry', 'added'],
      ['The road stayed open, officials noted on Monday.', 'officials', 'noted'],
    ];
    for (const [text, speaker, cue] of cases) {
      expect(facets(text).attribution).toEqual({ speaker, cue });
    }
  });

  it('finds hedges and negations as written', () => {
    expect(
      facets('Officials may have underestimated the so-called allegedly unconfirmed losses.')
        .hedges,
      // "so-called" frames the name (a loaded word), it does not hedge the statement.
    ).toEqual(['may have', 'allegedly', 'unconfirmed']);
    expect(
      facets('Forces reportedly shelled a village that is believed to be empty.').hedges,
    ).toEqual(['reportedly', 'is believed to']);
    expect(
      facets("Armenia denied the claims and said it didn't launch any attack, not ever.").negations,
    ).toEqual(['denied', "didn't", 'not']);
    expect(facets('It was not only a military operation, with no choice left.').negations).toEqual([
      'no',
    ]);
  });

  it('marks questions', () => {
    expect(facets('Is this the end of the war?').question).toBe(true);
    expect(facets('The war ended.').question).toBe(false);
  });
});

describe('analyzeStatement', () => {
  it('returns facets and a score for one dataset sentence', () => {
    const r = analyzeStatement('Four soldiers were wounded on September 19, 2023.', ctx);
    expect(r.facets.quantities.map((q) => [q.value, q.counted, q.event])).toEqual([
      [4, 'soldier', 'wound'],
    ]);
    expect(r.facets.dates.map((d) => d.start)).toEqual(['2023-09-19']);
    expect(r.checkworthiness).toBeGreaterThan(0.8);
  });
});

describe('parties the lists do not know', () => {
  it('reads an unknown country adjective before a group noun as a party, even first in a sentence', () => {
    const actors = facets('Valdish forces shelled Ostavian positions near Brenna.').actors;
    expect(actors.map((a) => [a.text, a.kind, a.country, a.role])).toEqual([
      ['Valdish forces', 'GROUP', 'valdish', 'agent'],
      ['Ostavian', 'GROUP', 'ostavia', 'patient'],
      ['Brenna', 'PLACE', undefined, 'mention'],
    ]);
    // A sentence-initial word with such an ending and no group noun after it stays out.
    expect(facets('Bastian said the talks would resume.').actors.map((a) => a.kind)).not.toContain(
      'GROUP',
    );
  });
});

describe('a publisher speaking of itself', () => {
  const attribution = (t: string, publisher: string) =>
    extractFacets(t, { ...ctx, publisher }).attribution;

  it('marks a definite short name of the publisher as its own voice, and frames it asserted', () => {
    const own = 'The mission confirmed the death of one Valdish soldier near Brenna.';
    expect(attribution(own, 'Joint Monitoring Mission')).toEqual({
      speaker: 'The mission',
      cue: 'confirmed',
      self: true,
    });
    expect(extractFacets(own, { ...ctx, publisher: 'Joint Monitoring Mission' }).frame!.voice).toBe(
      'asserted',
    );
    expect(
      attribution('The ministry said two soldiers were wounded.', 'Ministry of Defence')?.self,
    ).toBe(true);
  });

  it('leaves names, other bodies and no publisher as quoted speakers', () => {
    // The state is not its outlet.
    expect(
      attribution('Kestria said the talks would resume.', 'Kestria Today')?.self,
    ).toBeUndefined();
    expect(
      attribution('The Defence Ministry said two soldiers were wounded.', 'North Star News')?.self,
    ).toBeUndefined();
    expect(
      attribution('The group said the company had not informed residents.', 'Clean Air Saltvik')
        ?.self,
    ).toBeUndefined();
    expect(
      extractFacets('The mission confirmed the death of one soldier.', ctx).attribution?.self,
    ).toBeUndefined();
  });
});

describe('passive verbs', () => {
  it('reads a passive of reporting as an attribution, and a passive warning as an event', () => {
    expect(extractFacets('It was reported that two people died.', ctx).attribution).toEqual({
      speaker: null,
      cue: 'was reported',
    });
    expect(
      extractFacets('Residents of the villages were warned on Monday evening.', ctx).attribution,
    ).toBeNull();
    expect(extractFacets('Residents were told to leave.', ctx).attribution).toBeNull();
  });
});

describe('tenth-session probes: figures and voices', () => {
  it('reads "11 civilian deaths" as eleven civilians dead, and "12 new deaths" as deaths', () => {
    const [q] = facets('Monitors documented 11 civilian deaths in Holm.').quantities;
    expect(q).toMatchObject({ value: 11, counted: 'civilian', event: 'death' });
    expect(facets('Officials reported 12 new deaths.').quantities[0]).toMatchObject({
      value: 12,
      counted: 'death',
    });
  });

  it('reads "31 or more" as a lower bound and a toll "put at" as the speaker\'s figure', () => {
    const f = facets('Orlan officials put the death toll at 31 or more, including nine civilians.');
    expect(f.quantities[0]).toMatchObject({ text: '31 or more', value: 31, approx: 'at_least' });
    // The part of a toll is counted for the toll's event.
    expect(f.quantities[1]).toMatchObject({ value: 9, counted: 'civilian', event: 'death' });
    expect(f.attribution).toEqual({ speaker: 'Orlan officials', cue: 'put the death toll at' });
    expect(f.frame?.voice).toBe('reported');
  });

  it('reads vague plurals as ranges: "thousands" reaches tens of thousands, "hundreds" does not', () => {
    expect(facets('Thousands of people marched.').quantities[0]).toMatchObject({
      value: 2000,
      valueMax: 49999,
    });
    expect(facets('Hundreds of people marched.').quantities[0]).toMatchObject({
      value: 200,
      valueMax: 1999,
    });
  });

  it('finds a speaker across "has" and "have", and "we" is the writer\'s own voice', () => {
    expect(facets('The ministry has said that 12 people were detained.').attribution).toEqual({
      speaker: 'The ministry',
      cue: 'said',
    });
    expect(facets('We have confirmed the names of 180 detainees.').attribution).toEqual({
      speaker: 'We',
      cue: 'confirmed',
      self: true,
    });
  });

  it('"so-called" frames a name and hedges nothing; "was staged" denies the event', () => {
    const f = facets('The so-called rocket attack of 2 May was staged by Dastan itself.');
    expect(f.hedges).toEqual([]);
    expect(f.frame?.voice).toBe('denied');
  });

  it('people treated by a hospital are a count of people needing care', () => {
    expect(
      facets('The central hospital treated 29 people on Sunday night.').quantities[0],
    ).toMatchObject({ value: 29, event: 'treat' });
  });

  it('reads "not a single civilian was harmed" as none of the civilians hurt', () => {
    expect(facets('During the operation, not a single civilian was harmed.').quantities).toEqual([
      expect.objectContaining({ value: 0, counted: 'civilian', event: 'hurt' }),
    ]);
  });

  it('"according to our tracking" is the writer\'s own voice', () => {
    expect(
      facets('Poorer countries received 25 percent of the grain, according to our tracking.')
        .attribution,
    ).toEqual({
      speaker: 'our tracking',
      cue: 'according to',
      self: true,
    });
  });
});

describe('eleventh-session probes: attacks and their months', () => {
  const classes = (s: string) => facets(s).frame?.classes ?? [];

  it('a strike, a bombing and a convoy struck from the air are military actions; a general strike is not', () => {
    expect(classes('The strike lasted less than a minute.')).toContain('military_action');
    expect(classes('Aircraft bombed an aid convoy near Orsk.')).toContain('military_action');
    expect(classes('A convoy was struck from the air near Orsk.')).toContain('military_action');
    expect(classes('A general strike closed the port of Orsk.')).not.toContain('military_action');
    // "struck" alone strikes deals and mines too.
    expect(classes('The two sides struck a deal in Orsk.')).not.toContain('military_action');
  });

  it('shots at people are a shooting', () => {
    expect(classes('A patrol near Orsk came under fire from a gunman.')).toContain('shooting');
    expect(classes('He was shot dead near Orsk.')).toEqual(['shooting', 'killing']);
  });

  it('the month March is not people marching', () => {
    const [q] = facets('Satellite images taken on 6 March show six burned-out trucks.').quantities;
    expect(q?.counted).toBe('truck');
    expect(q?.event).not.toBe('march');
    const [crowd] = facets('About 3,000 people marched to the square.').quantities;
    expect(crowd?.event).toBe('march');
  });
});

describe('eleventh-session probes: detentions', () => {
  const frame = (s: string) => facets(s).frame;

  it('seized, held on a court order and pre-trial detention are detentions; a detention centre is a place', () => {
    expect(frame('Masked officers seized the editor outside her home.')?.classes).toContain(
      'detention',
    );
    expect(frame('A court ordered him held for 30 days.')?.classes).toEqual(['detention']);
    expect(frame('A court placed him in pre-trial detention for two months.')?.classes).toEqual([
      'detention',
    ]);
    expect(frame('Our doctor examined him in Orsk detention centre No. 2.')).toBeNull();
  });

  it('"held for 30 days" and "went on for twenty minutes" give how long the event lasted', () => {
    expect(frame('A court ordered him held for 30 days.')?.lengths).toEqual([30 * 86400]);
    expect(frame('The bombing went on for twenty minutes.')?.lengths).toEqual([20 * 60]);
  });
});

describe('eleventh-session probes: lengths with a bound', () => {
  it('"lasted less than a minute" is how long the event lasted', () => {
    expect(facets('The strike lasted less than a minute.').frame?.lengths).toEqual([60]);
    expect(facets('The shelling lasted more than three hours.').frame?.lengths).toEqual([3 * 3600]);
  });
});

describe('eleventh-session probes: homes left without power', () => {
  it('"left N homes without electricity" counts homes cut off, not people who left', () => {
    const f = facets('A storm left 40,000 homes in Orsk without electricity for nine hours.');
    expect(f.quantities[0]).toMatchObject({ value: 40000, counted: 'home', event: 'deprive' });
    // People who left a place still left it.
    expect(facets('About 3,000 people left the town on Monday.').quantities[0]?.event).toBe(
      'leave',
    );
  });
});

describe('eleventh-session probes: an operation completed in N hours', () => {
  it('"was completed in 31 hours" is how long the operation lasted', () => {
    expect(facets('The operation in Orsk was completed in 31 hours.').frame?.lengths).toEqual([
      31 * 3600,
    ]);
  });
});

describe('twelfth-session probes: sides, crowds and parts', () => {
  const at = (publisher?: string) => (s: string) =>
    extractFacets(s, { publishedAt: new Date('2065-08-21T10:00:00Z'), publisher });

  it('a name the lists do not know, before fighters, is a side; "Government forces" is not', () => {
    const f = at()(
      'On the night of 19 August, units of the Kesh armed forces opened fire on posts near Tor.',
    );
    const kesh = f.actors.find((a) => a.key.startsWith('kesh'));
    expect(kesh).toMatchObject({ kind: 'GROUP', country: 'kesh', role: 'agent' });
    const g = at()('Government forces opened fire on posts near Tor.');
    expect(g.actors.some((a) => a.country === 'government')).toBe(false);
  });

  it('"our positions" in a side\'s own statement names that side', () => {
    const s = 'Aravian forces attacked our positions near Tor in an attempt to seize Height 1204.';
    const own = at('Kesh Ministry of Defence')(s);
    expect(own.actors.find((a) => a.text === 'our positions')).toMatchObject({
      country: 'kesh',
      role: 'patient',
    });
    // An outlet's "our" is no side.
    expect(at('Meridian Wire')(s).actors.some((a) => a.text === 'our positions')).toBe(false);
    // "Height 1204" names a hill: no figure.
    expect(own.quantities).toEqual([]);
  });

  it('"took part" and "came out" count a crowd', () => {
    const took = at()('About 2,000 people took part in an unauthorised gathering in Corva.');
    expect(took.quantities[0]).toMatchObject({ value: 2000, event: 'gather' });
    const came = at()('Today more than 30,000 people came out in Corva for Ilse Maren.');
    expect(came.quantities[0]).toMatchObject({ value: 30000, event: 'gather' });
  });

  it('"six of them" counts what the count before it counted, unless it names its own event', () => {
    const f = at()(
      "The hospital treated 21 people injured during Saturday's protest, six of them for wounds caused by rubber bullets.",
    );
    expect(f.quantities.map((q) => q.event)).toEqual(['injure', 'injure']);
    const own = at()(
      'City Hospital No. 1 treated 29 people from the square on Sunday night, six of them for rubber-bullet wounds.',
    );
    expect(own.quantities.map((q) => q.event)).toEqual(['treat', 'wound']);
  });

  it('"battled the blaze for more than ten hours" is how long the fire lasted', () => {
    const f = at()('Firefighters battled the blaze for more than ten hours.');
    expect(f.frame?.classes).toContain('fire');
    expect(f.frame?.lengths).toEqual([36000]);
    const out = at()(
      'A fire broke out at the plant at about 22:00 and was put out within three hours.',
    );
    expect(out.frame?.classes).toContain('fire');
    // "Opened fire" stays an exchange of fire.
    expect(at()('Kesh units opened fire on the posts.').frame?.classes).not.toContain('fire');
  });

  it('"sustained fire" heard by a patrol is an exchange of fire', () => {
    const f = at()(
      'Our patrol heard sustained fire near Tor from 01:55 to about 05:30 on 20 August.',
    );
    expect(f.frame?.classes).toContain('military_action');
  });
});

describe('twelfth-session probes: a group said to come to no harm', () => {
  it('"the civilian population was not harmed" is a count of no civilians hurt', () => {
    const f = extractFacets(
      'Not only armed formations but also their command posts were disabled, while the civilian population was not harmed.',
      ctx,
    );
    expect(f.quantities).toEqual([
      expect.objectContaining({ value: 0, counted: 'civilian', event: 'hurt' }),
    ]);
  });
});

describe('twelfth-session probes: parts of a month', () => {
  const at = (s: string) => extractFacets(s, { publishedAt: new Date('2075-07-12T10:00:00Z') });

  it('"early June" and "the first week of June" are spans of days, not the month', () => {
    expect(at('Local doctors say the first patients fell ill in early June.').dates).toEqual([
      expect.objectContaining({ text: 'early June', start: '2075-06-01', end: '2075-06-10' }),
    ]);
    expect(at('They treated the first patients in the first week of June.').dates).toEqual([
      expect.objectContaining({ start: '2075-06-01', end: '2075-06-07', precision: 'day' }),
    ]);
    expect(at('The talks ended in late June.').dates[0]).toMatchObject({
      start: '2075-06-21',
      end: '2075-06-30',
    });
    // A bare month stays the month.
    expect(at('Prices rose in June.').dates[0]).toMatchObject({
      start: '2075-06-01',
      end: '2075-06-30',
      precision: 'month',
    });
  });
});

describe('twelfth-session probes: speeds', () => {
  it('"80 km/h" is a speed, not a distance', () => {
    const f = extractFacets(
      'The train was travelling at 80 km/h, within the permitted speed.',
      ctx,
    );
    expect(f.quantities).toEqual([expect.objectContaining({ value: 80, unit: 'km/h' })]);
    expect(extractFacets('The convoy drove 80 km to the border.', ctx).quantities[0]?.unit).toBe(
      'km',
    );
  });
});

describe('thirteenth-session probes: who the harmed were, and who was not there', () => {
  it('"eight of the dead were children" counts children killed', () => {
    const [q] = facets('Eight of the dead were children.').quantities;
    expect([q.value, q.counted, q.event]).toEqual([8, 'child', 'kill']);
    const [officers] = facets('Three of the injured were police officers.').quantities;
    expect([officers.value, officers.counted, officers.event]).toEqual([3, 'officer', 'injure']);
  });

  it('"there were no civilians in the building" is a count of no civilians hurt', () => {
    const [q] = facets('There were no civilians in the building.').quantities;
    expect([q.text, q.value, q.counted, q.event]).toEqual(['no civilians', 0, 'civilian', 'hurt']);
    const [present] = facets('No civilians were present at the site.').quantities;
    expect([present.value, present.counted]).toEqual([0, 'civilian']);
    // A place with no civilians named by what it lacks is no count of people.
    expect(facets('There was no water in the building.').quantities).toEqual([]);
  });
});

describe('thirteenth-session probes: earlier events, pits and bodies', () => {
  it('"the 2091 war" dates the war in 2091; "the 2000 residents" is a count', () => {
    const [d] = facets('During the 2091 war, only about 6,000 residents left the region.').dates;
    expect([d.text, d.start, d.precision]).toEqual(['2091', '2091-01-01', 'year']);
    expect(facets('The 2000 residents were evacuated.').dates).toEqual([]);
  });

  it('"the bodies of two miners" counts the dead', () => {
    const [q] = facets('The bodies of two miners were recovered this afternoon.').quantities;
    expect([q.value, q.counted, q.event]).toEqual([2, 'miner', 'death']);
  });

  it('miners and a coal mine are no explosion; a mine planted on a road is', () => {
    const classes = (s: string) => analyzeStatement(s, ctx).facets.frame?.classes ?? [];
    expect(classes('Eleven miners were working in the section when the roof fell.')).not.toContain(
      'explosion',
    );
    expect(classes('Part of the Pell-2 coal mine collapsed on Tuesday.')).not.toContain(
      'explosion',
    );
    expect(classes('A mine planted by Kestrian units destroyed the convoy.')).toContain(
      'explosion',
    );
  });
});

describe('thirteenth-session probes: vague small counts', () => {
  it('"only a small number of residents" and "a handful of fighters" are counts with a ceiling', () => {
    const [few] = facets('Only a small number of residents have used the corridor.').quantities;
    expect([few.counted, few.approx, few.valueMax]).toEqual(['resident', 'approximate', 999]);
    const [handful] = facets('A handful of fighters stayed behind.').quantities;
    expect([handful.counted, handful.valueMax]).toEqual(['fighter', 12]);
  });
});

describe('fourteenth-session probes: parts of a group, crowds and zero counts', () => {
  it('"the war between the two" is no count', () => {
    expect(facets('The last war between the two, in 2071, lasted six weeks.').quantities).toEqual(
      [],
    );
  });

  it('"17 times the limit" is a multiple of a level, not a count of occasions', () => {
    const q = (s: string) => facets(s).quantities.map((x) => [x.value, x.unit, x.counted]);
    expect(q('At 21:00 the reading was still 17 times the limit.')).toEqual([[17, 'x', null]]);
    expect(q('Ammonia was 40 times higher than normal.')).toEqual([[40, 'x', null]]);
    expect(q('We warned management in writing three times this year.')).toEqual([
      [3, null, 'time'],
    ]);
  });

  it('"seven of the dead were killed when ..." is the part of a toll one incident killed', () => {
    const q = facets(
      'Seven of the dead were killed when a shell struck School No. 2 in Dannor.',
    ).quantities;
    expect(q.map((x) => [x.value, x.counted, x.event, x.partOfEarlier])).toEqual([
      [7, 'person', 'kill', true],
    ]);
  });

  it('"41 of the injured" and "nine of the injured were still" count no total', () => {
    expect(facets('Doctors treated 41 of the injured overnight.').quantities).toEqual([]);
    expect(facets('Nine of the injured were still in hospital on Monday.').quantities).toEqual([]);
    // A part whose group follows the verb still counts that group.
    const [q] = facets('Three of the injured were police officers.').quantities;
    expect(q.counted).toBe('officer');
  });

  it('"Seven of them were killed when ..." is a part of an earlier sentence\'s toll', () => {
    const [q] = facets(
      'Seven of them were killed when the market in Ostra was shelled.',
    ).quantities;
    expect([q.value, q.partOfEarlier]).toEqual([7, true]);
    // "of them" after a count in the same sentence is that count's part, as before.
    const parts = facets('Twenty people were killed, five of them children.').quantities;
    expect(parts.every((x) => !x.partOfEarlier)).toBe(true);
  });

  it('people who "came to" or "filled" a square are a crowd', () => {
    const [came] = facets('More than 30,000 people came to Varro Square on Sunday.').quantities;
    expect(came.event).toBe('gather');
    const [filled] = facets('Tens of thousands of people had filled the square.').quantities;
    expect(filled.event).toBe('gather');
    const [home] = facets('About 300 people came home on Sunday.').quantities;
    expect(home.event).not.toBe('gather');
  });

  it('"no participants of the rally were injured" is a count of none', () => {
    const [q] = facets('No participants of the rally were injured.').quantities;
    expect([q.value, q.counted, q.event]).toEqual([0, 'participant', 'injure']);
    const [inmates] = facets('No inmates were hurt.').quantities;
    expect([inmates.value, inmates.counted]).toEqual([0, 'inmate']);
  });
});

describe('fourteenth-session probes: a sentence that opens with its month', () => {
  it('"In June, ..." dates June of the year of writing; "May" and "march" stay verbs', () => {
    const [d] = facets('In June, two drivers were wounded near Keld.').dates;
    expect([d.text, d.start.slice(5), d.end.slice(5), d.precision]).toEqual([
      'June',
      '06-01',
      '06-30',
      'month',
    ]);
    expect(facets('Officials may march to the square.').dates).toEqual([]);
  });
});
