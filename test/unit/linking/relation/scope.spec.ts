/**
 * Scope, voice and frames (issue 13): invented sentences in the style of contested-event
 * reporting, through the built-in classifier with facets from the real extractor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BuiltinRelationClassifier } from '../../../../src/linking/relation/classifier.js';
import { analyzeStatement, extractClaims } from '../../../../src/claims/extraction/index.js';
import type { RelationResult, StatementView } from '../../../../src/linking/relation/types.js';
import { defaultMinConfidence } from '../../../../src/linking/relation/stance.js';
import { analyze } from '../../../../src/linking/relation/analyze.js';
import { percentReading } from '../../../../src/linking/relation/events.js';
import { lengthRange } from '../../../../src/linking/relation/signals.js';
import { wordKey } from '../../../../src/text/relation-words.js';
import { OVERLAP_KINDS } from '../../../../src/linking/relation/overlap.js';
import { timesOfDay } from '../../../../src/claims/extraction/times.js';

const ctx = { publishedAt: new Date('2031-09-22T12:00:00Z') };
const view = (text: string): StatementView => ({
  text,
  facets: analyzeStatement(text, ctx).facets,
});
const clf = new BuiltinRelationClassifier();
const facetsOf = (text: string) => analyzeStatement(text, ctx).facets;
const both = (a: string, b: string): [RelationResult, RelationResult] => [
  clf.classify(view(a), view(b)),
  clf.classify(view(b), view(a)),
];
const kinds = (r: RelationResult) => r.signals.map((s) => s.kind);
/**
 * The confidence the service stores for a link between statements of longer sources, which the
 * display threshold is read on: the calibrated one (relation/link-calibration.ts).
 */
const storedConfidence = (r: RelationResult) =>
  r.relation === null ? r.confidence : clf.calibrateLink(r.relation, r.confidence, kinds(r));
/** Statements read as published at `iso` (for weekdays and other relative dates). */
const publishedOn =
  (iso: string) =>
  (text: string): StatementView => ({
    text,
    facets: analyzeStatement(text, { publishedAt: new Date(iso) }).facets,
  });
/**
 * Both readings of a pair of statements published at `iso`, each from a source of
 * `sourceSize` statements when given (a longer source, not a claim check).
 */
const pairsOn = (iso: string, sourceSize?: number) => {
  const pub = publishedOn(iso);
  const at = (text: string): StatementView =>
    sourceSize === undefined ? pub(text) : { ...pub(text), sourceSize };
  return (a: string, b: string): [RelationResult, RelationResult] => [
    clf.classify(at(a), at(b)),
    clf.classify(at(b), at(a)),
  ];
};

describe('scope and voice', () => {
  it('a denial of an assertion contradicts it, with a DENIAL signal naming both sides', () => {
    const [r, back] = both(
      'A mine planted by Kestrian units destroyed the convoy near Dorvik.',
      'Kestria denied any role in the blast near Dorvik.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const denial = r.signals.find((s) => s.kind === 'DENIAL');
    expect(denial?.left).toBe('Kestrian units');
    expect(denial?.right).toContain('denied any role');
  });

  it('"found no evidence that P" rejects P: a DENIAL, not a negation inside P', () => {
    const [r, back] = both(
      'Rebels used the granary in Tarsk as an ammunition depot.',
      'Inspectors found no evidence that the granary in Tarsk was used as an ammunition depot.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    expect(kinds(r)).toContain('DENIAL');
  });

  it('a correction of a date about another event ties nothing', () => {
    const [r] = both(
      'Inspectors received reports that 11 men were taken into custody in Tarsk on 19 September.',
      'An earlier version of this story incorrectly said that the convoy struck a mine on 17 September.',
    );
    expect(r.relation).toBeNull();
  });

  it('a correction of a wrong date agrees with the right date and contradicts the wrong one', () => {
    const correction =
      'An earlier version of this story incorrectly said that the convoy struck a mine on 17 September.';
    const [right] = both(
      correction,
      'The convoy struck a mine near Dorvik on the evening of 18 September.',
    );
    expect(right.relation).toBe('CORROBORATES');
    expect(kinds(right)).toContain('CORRECTION_CONSISTENT');
    expect(kinds(right)).not.toContain('DATE_MISMATCH');
    const [wrong] = both(
      correction,
      'The convoy struck a mine near Dorvik on the evening of 17 September.',
    );
    expect(wrong.relation).toBe('CONTRADICTS');
    expect(kinds(wrong)).toContain('CORRECTION');
  });

  it('the day something was said is not compared with the day it happened', () => {
    const [r] = both(
      'Officials on both sides said on Saturday that the convoy struck a mine near Dorvik.',
      'The convoy struck a mine near Dorvik on the evening of 17 September.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.relation).toBe('DISCUSSES');
  });

  it('"not only ... but also" is no negation', () => {
    const r = clf.classify(
      view('The raid was not only a military operation but also a rescue of hostages.'),
      view('The raid near Dorvik was a military operation.'),
    );
    expect(kinds(r)).not.toContain('NEGATION');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('"no troops since <year>" contradicts "the deployment of X\'s forces"', () => {
    const [r, back] = both(
      'Kestria has had no troops in Lower Veshnar since 2028.',
      "The illegal deployment of Kestria's armed forces in Lower Veshnar continues.",
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    expect(kinds(r)).toContain('NEGATION');
  });
});

describe('shared names and dates alone', () => {
  it('make no link between two propositions of one week', () => {
    const [r, back] = both(
      'The regional hospital in Tarsk said it had treated 14 wounded people from Dorvik.',
      'The convoy struck an anti-tank mine on the road between Tarsk and Dorvik.',
    );
    expect(r.relation).toBeNull();
    expect(back.relation).toBeNull();
  });

  it('and a rebuttal of something else is no contradiction', () => {
    const r = clf.classify(
      view('The convoy was carrying humanitarian supplies for the residents of Dorvik.'),
      view('Monitors found no evidence that the school in Dorvik was used as a depot.'),
    );
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('an age is not a count', () => {
    const r = clf.classify(
      view('Three border guards were killed in the blast near Dorvik.'),
      view('The two people killed in Dorvik were a 64-year-old farmer and his daughter.'),
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
  });
});

describe('framing and events', () => {
  it('loaded words for the same event on the same day corroborate, with FRAMING', () => {
    const [r, back] = both(
      'The local anti-terror measures of 19 September restored order in Lower Veshnar.',
      'A military offensive launched by Aldoria on 19 September hit Lower Veshnar.',
    );
    expect(r.relation).toBe('CORROBORATES');
    expect(back.relation).toBe('CORROBORATES');
    const framing = r.signals.find((s) => s.kind === 'FRAMING');
    expect(framing?.left).toBe('anti-terror measures');
    expect(framing?.right).toBe('offensive');
    expect(kinds(r)).not.toContain('NEGATION');
  });

  it('loaded names of one party corroborate, with FRAMING naming both', () => {
    const [r, back] = both(
      'The separatist regime in Lower Veshnar ordered the evacuation of Dorvik.',
      'The local authorities in Lower Veshnar ordered the evacuation of Dorvik.',
    );
    expect(r.relation).toBe('CORROBORATES');
    expect(back.relation).toBe('CORROBORATES');
    const framing = r.signals.find((s) => s.kind === 'FRAMING');
    expect([framing?.left, framing?.right]).toEqual(['separatist regime', 'local authorities']);
  });

  it('two events of one kind years apart are not linked as one event', () => {
    const [r, back] = both(
      'The trilateral statement of 10 November 2027 halted hostilities in Lower Veshnar.',
      'Veshnar agreed to a ceasefire deal in Lower Veshnar on 20 September 2031.',
    );
    expect(r.relation).toBeNull();
    expect(back.relation).toBeNull();
    expect(kinds(r)).toContain('DIFFERENT_EVENT');
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
  });

  it('an event a thing has once, dated years apart, is one event misdated', () => {
    // A premiere, a birth: unlike two ceasefires, the same thing cannot have two of them.
    const [r, back] = both(
      'Moonlight premiered at the Telluride Film Festival on September 2, 2014.',
      'Moonlight premiered at the Telluride Film Festival in 2016.',
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    expect(kinds(r)).not.toContain('DIFFERENT_EVENT');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // Two people born in one month of different years share no subject: no conflict.
    const [births] = both(
      'Anna Kessler was born in Tarsk in September 1980.',
      'Her brother Tomas was born in September 1982.',
    );
    expect(kinds(births)).not.toContain('DATE_MISMATCH');
    expect(births.relation).not.toBe('CONTRADICTS');
  });

  it('durations of one operation: about a day agrees with 23 h 43 min, three days does not', () => {
    const exact = 'The measures in Lower Veshnar lasted 23 hours and 43 minutes.';
    const [agree] = both(exact, 'The offensive in Lower Veshnar lasted about a day.');
    expect(agree.relation).toBe('CORROBORATES');
    expect(kinds(agree)).toContain('DURATION_AGREEMENT');
    const [clash, back] = both(exact, 'The offensive in Lower Veshnar lasted three days.');
    expect(clash.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    expect(kinds(clash)).toContain('DURATION_MISMATCH');
  });

  it('accepting a ceasefire and "since the ceasefire" corroborate, though worded apart', () => {
    const [r, back] = both(
      'Lower Veshnar accepted a ceasefire brokered by Aldoria.',
      'Since the ceasefire of 20 September, the front line in Lower Veshnar has been quiet.',
    );
    expect(r.relation).toBe('CORROBORATES');
    expect(back.relation).toBe('CORROBORATES');
    expect(kinds(r)).toContain('EVENT_AGREEMENT');
    // "no shelling has been reported" observes, it does not put the ceasefire in another voice.
    const [obs] = both(
      'Lower Veshnar accepted a ceasefire brokered by Aldoria on 20 September.',
      'Since the ceasefire of 20 September, no shelling has been reported in Lower Veshnar.',
    );
    expect(obs.relation).toBe('CORROBORATES');
  });

  it('lengths of two different things are no duration conflict', () => {
    const [r] = both(
      'The truce in Lower Veshnar remained unfulfilled for three years.',
      'Fighting in Lower Veshnar stopped after about 24 hours.',
    );
    expect(kinds(r)).not.toContain('DURATION_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
  });
});

describe('the seed article (read at run time) against invented wire-style sentences', () => {
  const seedFile = path.resolve(process.cwd(), '../shared/seeds/000_eb3abbc80bf81dbd.txt');
  if (!fs.existsSync(seedFile)) {
    it.skip(`seed article not found at ${seedFile}`, () => undefined);
    return;
  }
  const claims = extractClaims(fs.readFileSync(seedFile, 'utf8'), {
    publishedAt: new Date('2025-09-20T08:00:00Z'),
  });
  const seed = (re: RegExp): StatementView => {
    const c = claims.find((x) => re.test(x.text));
    if (!c) throw new Error(`no seed claim matches ${re}`);
    return { text: c.text, facets: c.facets };
  };
  const wire = (text: string) => ({
    text,
    facets: analyzeStatement(text, { publishedAt: new Date('2023-09-21T12:00:00Z') }).facets,
  });

  it('the opening claim and a neutral "military offensive" of the same day differ in framing only', () => {
    const r = clf.classify(
      seed(/not only/),
      wire("Azerbaijan's army launched a military offensive in the region on 19 September 2023."),
    );
    expect(r.relation).toBe('CORROBORATES');
    expect(kinds(r)).toContain('FRAMING');
    expect(kinds(r)).not.toContain('NEGATION');
  });

  it('the 2020 statement and a 2023 ceasefire are different events', () => {
    const r = clf.classify(
      seed(/halting hostilities/),
      wire('Armenia and Azerbaijan agreed to a ceasefire in the region on 20 September 2023.'),
    );
    expect(r.relation).not.toBe('CORROBORATES');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('the mine attack it blames on Armenian units is not the offensive Azerbaijan began', () => {
    const r = clf.classify(
      seed(/terrorist attack carried out/),
      wire(
        'Azerbaijan began a military offensive in the region on September 19, 2023, calling it a local anti-terrorist operation.',
      ),
    );
    expect(kinds(r)).not.toContain('FRAMING');
    expect(kinds(r)).not.toContain('EVENT_AGREEMENT');
  });

  it('its 23 hours and 43 minutes are no conflict with a flight within a week or a 44-day war', () => {
    for (const other of [
      'Nearly all of the region’s ethnic Armenians fled to Armenia within a week.',
      'The 2020 ceasefire deal, brokered by Moscow, had ended a 44-day war.',
    ]) {
      const r = clf.classify(seed(/23 hours and 43 minutes/), wire(other));
      expect(kinds(r)).not.toContain('DURATION_MISMATCH');
    }
    const fight = clf.classify(
      seed(/23 hours and 43 minutes/),
      wire("Azerbaijan's military aggression in the region lasted two days."),
    );
    expect(kinds(fight)).toContain('DURATION_MISMATCH');
  });

  it('"unfulfilled for three years" is no duration conflict with a day of fighting', () => {
    const r = clf.classify(
      seed(/unfulfilled/),
      wire('Fighting in the region stopped after about 24 hours.'),
    );
    expect(kinds(r)).not.toContain('DURATION_MISMATCH');
  });
});

describe('reported conflicts and ellipsis', () => {
  it('a length attributed to officials discusses, not contradicts, the stated one', () => {
    const [r, back] = both(
      'The measures in Lower Veshnar lasted 23 hours and 40 minutes.',
      'Kestrian officials have described three days of fighting in Lower Veshnar.',
    );
    expect(r.relation).not.toBe('CONTRADICTS');
    expect(back.relation).not.toBe('CONTRADICTS');
  });

  it('a bare count counts what the count before it counted', () => {
    const f = analyzeStatement(
      'Officials say two civilians were killed, while the village council says four died.',
    ).facets;
    expect(f.quantities.map((q) => q.counted)).toEqual(['civilian', 'civilian']);
  });

  it('"the disputed valley" is no rebuttal', () => {
    const r = clf.classify(
      view('Three border guards were killed near Tarsk in the blast.'),
      view('Two civilians were killed in fighting in the disputed valley near Tarsk.'),
    );
    expect(kinds(r)).not.toContain('REFUTATION_CUE');
  });
});

describe('statements that share a place or an incident but no proposition', () => {
  const shown = (r: RelationResult) =>
    r.relation !== null && r.confidence >= defaultMinConfidence();

  it('a place name and a negation make no contradiction when the topics differ', () => {
    // Was CONTRADICTS 0.55, shown: the model alone decided pairs whose topics do not align.
    const [r, back] = both(
      'The envoy invited both delegations to a meeting of the Morvan Ridge liaison committee in Halden next week.',
      'No Ostrian troops have been stationed on the Morvan Ridge since the 2026 truce.',
    );
    expect(shown(r)).toBe(false);
    expect(shown(back)).toBe(false);
  });

  it('counts of two different groups of one incident are no link', () => {
    // Was DISCUSSES 0.63, shown: officers killed / farmers killed share the verb and the blast.
    const [r, back] = both(
      'Three Ostrian police officers were killed and five were wounded in the blast.',
      'At least two farmers were killed in fighting on the Morvan Ridge after an Ostrian police convoy struck a mine, officials on both sides said on Saturday.',
    );
    expect(r.relation).toBeNull();
    expect(back.relation).toBeNull();
  });

  it('a count of the same group still compares', () => {
    const [r] = both(
      'Four Ostrian police officers were killed in the explosion.',
      'Officials said six Ostrian police officers were killed in the explosion.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).not.toBeNull();
  });
});

describe('slots worded apart, corrections and periods (eighth session probe)', () => {
  it('soldiers who died and servicemen who were killed are one count', () => {
    const [r, back] = both(
      'Aldoria said 40 of its soldiers had died.',
      'According to the ministry, 36 Aldorian servicemen were killed in the clashes.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    expect(r.signals.find((s) => s.kind === 'QUANTITY_MISMATCH')).toMatchObject({
      left: '40',
      right: '36',
    });
  });

  it('an army that "lost" servicemen counts its dead', () => {
    const [r] = both(
      'Kestria says it lost 12 servicemen in the clashes near Dorvik.',
      'Kestria said 15 of its troops were killed in the clashes near Dorvik.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    // Not every loss is a death.
    const [shops] = both(
      'Traders in Dorvik lost 12 shops in the fire.',
      'The fire in Dorvik killed 15 traders.',
    );
    expect(kinds(shops)).not.toContain('QUANTITY_MISMATCH');
  });

  it('a correction of a length agrees with another length and contradicts the same one', () => {
    const correction =
      'An earlier version of this report wrongly said that the siege of Tarsk lasted five weeks.';
    const [other, otherBack] = both(correction, 'The siege of Tarsk lasted three weeks.');
    expect(kinds(other)).toContain('CORRECTION_CONSISTENT');
    expect(kinds(other)).not.toContain('DURATION_MISMATCH');
    expect(other.relation).not.toBe('CONTRADICTS');
    expect(otherBack.relation).not.toBe('CONTRADICTS');
    const [same] = both(correction, 'The siege of Tarsk lasted five weeks.');
    expect(kinds(same)).toContain('CORRECTION');
    expect(same.relation).toBe('CONTRADICTS');
  });

  it('"since <year>" runs on to the time of writing: a later year falls inside it', () => {
    const [inside] = both(
      'Kestria has kept 2,000 troops in the Veshnar Valley since 2028.',
      'Kestria has had no troops in the Veshnar Valley since 2029.',
    );
    expect(kinds(inside)).toContain('DATE_AGREEMENT');
    expect(kinds(inside)).not.toContain('DIFFERENT_EVENT');
    expect(inside.relation).toBe('CONTRADICTS');
    // Without "since" two years are two dates.
    const [apart] = both(
      'Kestria kept 2,000 troops in the Veshnar Valley in 2028.',
      'Kestria had no troops in the Veshnar Valley in 2031.',
    );
    expect(kinds(apart)).not.toContain('DATE_AGREEMENT');
  });

  it('denying P and stating not-P agree: no DENIAL, no NEGATION, no contradiction', () => {
    const [r, back] = both(
      'Inspectors found no evidence that the granary in Tarsk was used as an ammunition depot.',
      'The granary in Tarsk was never used as an ammunition depot.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).not.toContain('DENIAL');
      expect(kinds(x)).not.toContain('NEGATION');
      expect(x.relation).not.toBe('CONTRADICTS');
    }
    const [troops] = both(
      'The monitors found no evidence that Kestria had troops in the Veshnar Valley in 2031.',
      'Kestria has had no troops in the Veshnar Valley since 2029.',
    );
    expect(kinds(troops)).not.toContain('NEGATION');
    expect(kinds(troops)).not.toContain('DIFFERENT_EVENT');
  });

  it('a denial rebuts the clause after it, and more than its subject', () => {
    const [other] = both(
      'Police detained 112 protesters in Marsk.',
      'The Interior Ministry said 112 people were detained in Marsk and denied that police used live rounds.',
    );
    expect(kinds(other)).not.toContain('DENIAL');
    expect(other.relation).not.toBe('CONTRADICTS');
    // The denier is the doer on the other side: still a rebuttal.
    const [doer, back] = both(
      'The convoy was ambushed by Kestrian units near Tarsk.',
      'The Kestrian Defence Ministry denied that any of its units were in the area.',
    );
    expect(doer.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
  });

  it('a denial ends with its clause: "denied X and said Y" does not deny Y', () => {
    const [r] = both(
      'The ministry denied shelling the school in Dorvik and said its artillery had hit a fuel depot.',
      'Aldorian artillery hit a fuel depot near Dorvik on Monday.',
    );
    expect(kinds(r)).not.toContain('DENIAL');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('"no evidence of X" denies X, and a denied verb alone is not its object', () => {
    const [depot, back] = both(
      'The mission found no evidence of a military depot near the market in Tessal.',
      'Missiles struck a depot of ammunition near Tessal on 12 May.',
    );
    expect(kinds(depot)).toContain('DENIAL');
    expect(depot.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [verb] = both(
      'The ministry denied striking civilian homes near Tessal.',
      'Missiles struck a depot of ammunition near Tessal on 12 May.',
    );
    expect(kinds(verb)).not.toContain('DENIAL');
  });

  it('what a rebuttal denies is its phrase, not a place after it nor the event of a denied part', () => {
    const [place] = both(
      'The mission found no evidence of a military depot near the market in Tessal.',
      'The explosion at the market in Tessal was caused by a falling air-defence missile.',
    );
    expect(kinds(place)).not.toContain('DENIAL');
    // At most a weak guess of the model, not shown by default.
    expect(place.relation !== 'CONTRADICTS' || place.confidence < defaultMinConfidence()).toBe(
      true,
    );
    const [part] = both(
      'Kestria denied any role in the blast near Dorvik.',
      'A mine planted by unknown men caused the blast near Dorvik.',
    );
    expect(kinds(part)).not.toContain('DENIAL');
    expect(part.relation).not.toBe('CONTRADICTS');
  });

  it('a negated word is not the opposite of its antonym', () => {
    const [r] = both(
      'The group did not confirm the number of civilians killed in Dorvik.',
      'The ministry denied that civilians were killed in Dorvik.',
    );
    expect(kinds(r)).not.toContain('ANTONYM');
  });

  it('a death toll counts the dead, and the month of May hedges nothing', () => {
    const [r] = both(
      'The death toll from the strike on the Tessal market has risen to 15, the emergency service said.',
      'A missile hit the Tessal market on 11 May, killing 13 civilians, the governor said.',
    );
    expect(r.signals.find((s) => s.kind === 'QUANTITY_MISMATCH')).toMatchObject({
      left: '15',
      right: '13',
    });
    expect(kinds(r)).not.toContain('HEDGING');
    expect(facetsOf('Monitors visited Tessal on 11 May.').hedges).toEqual([]);
    expect(facetsOf('The strike may have killed 13 people.').hedges).toEqual(['may have']);
  });

  it('riots and protests are one event in two words: a date conflict with FRAMING', () => {
    const [r] = both(
      'The riots in Marsk began on March 3 after an unauthorised rally.',
      'The protests in Marsk, which started on March 4 over fuel prices, continued for a third day.',
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    expect(r.signals.find((s) => s.kind === 'FRAMING')).toMatchObject({
      left: 'riots',
      right: 'protests',
    });
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('a ceasefire dated years before another is another ceasefire', () => {
    const [r] = both(
      'The Kestrian side agreed to a ceasefire in the Veshnar Valley on 20 September 2031.',
      'The trilateral statement on the Veshnar Valley of 10 November 2028 served as the basis for halting hostilities.',
    );
    expect(kinds(r)).not.toContain('EVENT_AGREEMENT');
    expect(r.relation === null || r.confidence < defaultMinConfidence()).toBe(true);
  });

  it('lengths compare only when they measure one kind of event', () => {
    const measures = 'The one-day anti-terror measures in the Veshnar Valley restored order.';
    const [war] = both(
      measures,
      'The 2028 ceasefire deal in the Veshnar Valley had ended a 44-day war.',
    );
    expect(kinds(war)).not.toContain('DURATION_MISMATCH');
    const [flight] = both(
      'Within just 23 hours, the Kestrian units in the Veshnar Valley were forced to surrender.',
      'Nearly all residents of the Veshnar Valley fled to Kestria within a week.',
    );
    expect(kinds(flight)).not.toContain('DURATION_MISMATCH');
    const [fight] = both(
      measures,
      "Aldoria's military aggression in the Veshnar Valley lasted two days and killed 30 people.",
    );
    expect(kinds(fight)).toContain('DURATION_MISMATCH');
    expect(fight.relation).toBe('CONTRADICTS');
  });

  it('"no Moldovan forces" negates the forces, not every mention of Moldova', () => {
    const [treaty] = both(
      'There were no Moldovan armed forces in the Veshnar Valley, only local self-defence units.',
      'The trilateral statement was signed by Aldoria, Selvara and Moldova on November 10, 2028.',
    );
    expect(kinds(treaty)).not.toContain('NEGATION');
    const [units] = both(
      'There were no Moldovan armed forces in the Veshnar Valley, only local self-defence units.',
      'The withdrawal of Moldovan armed formations from the Veshnar Valley remained unfulfilled.',
    );
    expect(kinds(units)).toContain('NEGATION');
  });

  it('a party that denies its forces were present does not deny a treaty it signed', () => {
    const [r] = both(
      'Romanian officials denied that Romanian armed forces were present in the Veshnar Valley.',
      'The trilateral statement signed by Aldoria, Selvara and Romania on November 10, 2028, served as a legal basis for halting hostilities.',
    );
    expect(kinds(r)).not.toContain('DENIAL');
  });

  it('"no one was hurt" is a count of zero against two wounded', () => {
    const [r] = both(
      'No one was hurt in the strike on the bridge at Tarsk.',
      'The strike on the bridge at Tarsk wounded two people.',
    );
    expect(r.signals.find((x) => x.kind === 'QUANTITY_MISMATCH')).toMatchObject({
      left: 'No one',
      right: 'two',
    });
    expect(r.relation).toBe('CONTRADICTS');
    expect(facetsOf('No one was hurt.').quantities[0]).toMatchObject({ value: 0, event: 'hurt' });
    expect(analyzeStatement('No one was hurt.', ctx).checkworthiness).toBeGreaterThanOrEqual(0.5);
    expect(facetsOf('There is no one to blame.').quantities).toEqual([]);
  });

  it('"the night of 3 June" reaches into the small hours of 4 June', () => {
    const [r] = both(
      'Drones struck the bridge at Tarsk on the night of 3 September, wounding two people.',
      'Two people were wounded when a drone hit the bridge at Tarsk shortly after midnight on 4 September.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(kinds(r)).toContain('DATE_AGREEMENT');
    const [day] = both(
      'Drones struck the bridge at Tarsk on 3 September, wounding two people.',
      'Two people were wounded when a drone hit the bridge at Tarsk on 5 September.',
    );
    expect(kinds(day)).toContain('DATE_MISMATCH');
  });

  it('where an attack came from is not where it happened', () => {
    const [r] = both(
      'The attack was launched by Kestrian forces from the Selva region.',
      'Kestrian forces carried out no strikes in the Dorvik district on 3 September.',
    );
    expect(kinds(r)).toContain('NEGATION');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('drones shot down are drones destroyed, and a bridge that reopened was not closed', () => {
    const [drones] = both(
      'Air defence units destroyed six drones over Dorvik overnight, the ministry said.',
      'The ministry said its air defences shot down six drones over Dorvik.',
    );
    expect(kinds(drones)).toContain('QUANTITY_AGREEMENT');
    expect(drones.relation).toBe('CORROBORATES');
    const [bridge] = both(
      'Traffic on the bridge at Tarsk resumed at 09:00.',
      'The bridge at Tarsk remained closed until the evening.',
    );
    expect(kinds(bridge)).toContain('ANTONYM');
    expect(bridge.relation).toBe('CONTRADICTS');
  });

  it('how long someone was held is a length: six hours against two days', () => {
    const [r] = both(
      'They were held at the Tarsk border post for six hours before being moved to the capital.',
      'The detainees spent two days at the Tarsk border post before their transfer to the capital.',
    );
    expect(r.signals.find((x) => x.kind === 'DURATION_MISMATCH')).toMatchObject({
      left: 'six hours',
      right: 'two days',
    });
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('"needed five hours to put out the fire" is a length', () => {
    const [r] = both(
      'The fire at the Tarsk depot was put out within two hours.',
      'Firefighters needed five hours to put out the fire at the Tarsk depot.',
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
  });

  it('a country and its own troops are one party, not an actor swap', () => {
    const [same] = both(
      'Azerbaijan shelled the village of Sos on Monday.',
      'Azerbaijani troops shelled the village of Sos on Monday.',
    );
    expect(kinds(same)).not.toContain('ACTOR_SWAP');
    expect(same.relation).toBe('CORROBORATES');
    const [other] = both(
      'Azerbaijan shelled the village of Sos on Monday.',
      'Armenian forces shelled the village of Sos on Monday.',
    );
    expect(kinds(other)).toContain('ACTOR_SWAP');
  });

  it('"went on for 36 hours" is a length, and "on the 18th" a day of the month', () => {
    const [hours] = both(
      'The offensive lasted a day and a half.',
      'The fighting went on for 36 hours.',
    );
    expect(kinds(hours)).toContain('DURATION_AGREEMENT');
    expect(hours.relation).toBe('CORROBORATES');
    const [day] = both(
      'The convoy near Tarsk was attacked on the 18th.',
      'The convoy near Tarsk was attacked on September 19.',
    );
    expect(day.signals.find((x) => x.kind === 'DATE_MISMATCH')).toMatchObject({
      left: '18th',
      right: 'September 19',
    });
    // A day still to come this month is last month's.
    expect(facetsOf('They were detained on the 25th.').dates[0]).toMatchObject({
      start: '2031-08-25',
    });
    expect(facetsOf('Troops of the 3rd brigade fought in the 18th district.').dates).toEqual([]);
  });

  it('people and residents who fled are one group; civilians and people killed are not', () => {
    const [fled] = both(
      'Around 2,000 people were evacuated from Tarsk.',
      'Nearly 5,000 residents were evacuated from Tarsk.',
    );
    expect(kinds(fled)).toContain('QUANTITY_MISMATCH');
    expect(fled.relation).toBe('CONTRADICTS');
    const [killed] = both(
      'Three civilians were killed in Dorvik.',
      'Ten people were killed in Dorvik.',
    );
    expect(kinds(killed)).not.toContain('QUANTITY_MISMATCH');
  });

  it('soldiers on two sides of two sentences are no framing of one event', () => {
    const [r] = both(
      'Kestria said 40 of its troops were killed.',
      'Aldorian forces agreed to withdraw after Kestria launched what it called an anti-terror operation.',
    );
    expect(kinds(r)).not.toContain('FRAMING');
    expect(r.relation === null || r.confidence < defaultMinConfidence()).toBe(true);
  });

  it('"no troops" of one party says nothing of another party\'s forces', () => {
    const [r] = both(
      'Moldova has had no troops in the Veshnar Valley since 2029.',
      'Romanian armed forces shelled the Veshnar Valley on Tuesday.',
    );
    expect(kinds(r)).not.toContain('NEGATION');
    // A demonym and its country name one party.
    const [own] = both(
      'Moldova has had no troops in the Veshnar Valley since 2029.',
      'The operation forced the withdrawal of the Moldovan armed forces from the Veshnar Valley.',
    );
    expect(kinds(own)).toContain('NEGATION');
    expect(own.relation).toBe('CONTRADICTS');
  });

  it('none of a group hurt contradicts some of a part of it killed, even sharing no word', () => {
    const [r, back] = both(
      'No civilians were harmed.',
      'Twelve people were killed when the hospital was shelled, among them nine patients.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    expect(r.signals.find((s) => s.kind === 'QUANTITY_MISMATCH')?.left).toBe('No civilians');
    // None killed says nothing against some wounded.
    expect(both('No one was killed.', 'Two people were wounded in the blast.')[0].relation).toBe(
      null,
    );
    // Soldiers are no part of the civilians.
    expect(
      kinds(both('No civilians were harmed.', 'Two soldiers were killed in the strike.')[0]),
    ).not.toContain('QUANTITY_MISMATCH');
  });

  it('"reports that P are a fabrication" denies P, and only discusses a report of P', () => {
    const denial = 'Reports that patients were killed are a fabrication.';
    const [r, back] = both(
      denial,
      'Twelve people were killed when the hospital was shelled, among them nine patients.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    expect(kinds(r)).toContain('DENIAL');
    const [reported] = both(
      denial,
      'Shells hit the hospital in Veska, killing nine patients, the health ministry said.',
    );
    expect(reported.relation).toBe('DISCUSSES');
  });

  it('not finding two people is no denial of a count of wounded people', () => {
    const [r] = both(
      'Local officials gave FCW four names; FCW could find no trace of the other two people or of their deaths.',
      'The regional hospital in Tarsk said it had treated 14 wounded people, including border guards.',
    );
    expect(kinds(r)).not.toContain('DENIAL');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('two reports of one speaker saying the same thing corroborate each other', () => {
    const [r, back] = both(
      "Korvan's General Staff said its forces had struck a militant command post in the town.",
      'The Korvan General Staff claimed its units had hit a militant command post in Veska.',
    );
    expect(r.relation).toBe('CORROBORATES');
    expect(back.relation).toBe('CORROBORATES');
    // Two speakers: the same words relayed from each are no agreement of one voice.
    const [two] = both(
      'The Tarsian ministry said its forces had struck a militant command post in the town.',
      'The Korvan General Staff claimed its units had hit a militant command post in Veska.',
    );
    expect(two.relation).not.toBe('CORROBORATES');
  });

  it('roles reversed in one kind of event are an ACTOR_SWAP, worded apart', () => {
    const [r, back] = both(
      'Armenian forces shelled Azerbaijani positions near Lachin on Monday.',
      'Azerbaijani troops opened fire on Armenian positions near Lachin on Monday.',
    );
    expect(kinds(r)).toContain('ACTOR_SWAP');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // Sides the lists do not know, read from their adjectives.
    const [guessed] = both(
      'Valdish forces shelled Ostavian positions near Brenna on the night of 8 September.',
      'Ostavian troops opened fire on Valdish positions near Brenna late on 8 September.',
    );
    expect(kinds(guessed)).toContain('ACTOR_SWAP');
    // The same doer and target in other words agree.
    const [same] = both(
      'Armenian forces shelled Azerbaijani positions near Lachin on Monday.',
      'Armenian troops opened fire on Azerbaijani positions near Lachin on Monday.',
    );
    expect(kinds(same)).not.toContain('ACTOR_SWAP');
    expect(same.relation).toBe('CORROBORATES');
  });

  it("counts of two sides' soldiers are not one figure", () => {
    const [r] = both(
      'Two Ostavian servicemen were wounded.',
      'There were no casualties among Valdish servicemen.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
    const [one] = both(
      'Two Valdish servicemen were wounded.',
      'There were no casualties among Valdish servicemen.',
    );
    expect(one.relation).toBe('CONTRADICTS');
  });

  it('a landmine is a shared word: claims that units laid the mine, called fabricated, deny it', () => {
    const [r, back] = both(
      'Aldorian claims that Kestrian units laid the mine are fabricated, a spokesperson told reporters.',
      'The mine was planted by Kestrian units operating covertly in the valley.',
    );
    const denial = r.signals.find((s) => s.kind === 'DENIAL');
    expect(denial?.left).toMatch(/^claims that Kestrian units laid/);
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
  });

  it("a publisher's own finding under its short name is no report: it contradicts", () => {
    const claim = view('There were no casualties among Valdish servicemen.');
    const finding = 'The mission confirmed the death of one Valdish soldier near Brenna.';
    const own: StatementView = {
      text: finding,
      facets: analyzeStatement(finding, { ...ctx, publisher: 'Joint Monitoring Mission' }).facets,
    };
    const r = clf.classify(claim, own);
    expect(r.relation).toBe('CONTRADICTS');
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    // Read without its publisher, the same sentence reports the mission: DISCUSSES.
    expect(clf.classify(claim, view(finding)).relation).toBe('DISCUSSES');
  });

  it('a road "open" against "blocked" contradicts; "blocked" and "closed" since one day agree', () => {
    const open = 'The Sorin road has been open for civilian traffic since 12 December.';
    const blocked =
      'Since 12 December the Sorin road has been blocked, leaving residents without food.';
    const [r, back] = both(open, blocked);
    expect(kinds(r)).toContain('ANTONYM');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [same] = both(
      blocked,
      'The road has remained closed to civilian vehicles since 12 December.',
    );
    expect(same.relation).toBe('CORROBORATES');
  });

  it('trucks that passed and trucks that entered are counts of one thing', () => {
    const [r] = both(
      '400 trucks carrying food passed along the road in January.',
      'Only 32 aid trucks entered the region in January.',
    );
    expect(r.signals.find((s) => s.kind === 'QUANTITY_MISMATCH')?.detail).toContain('400 vs 32');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('"on Saturday" and "on Sunday" are two days, not one within a day of slack', () => {
    const v = publishedOn('2038-04-12T12:00:00Z');
    const r = clf.classify(
      v('Shelling hit the market on Saturday.'),
      v('Shelling hit the market on Sunday.'),
    );
    expect(kinds(r)).not.toContain('DATE_AGREEMENT');
    expect(kinds(r)).toContain('DATE_MISMATCH');
    // One word read from two publication times keeps its slack.
    const y = clf.classify(
      v('Shelling hit the market on Sunday.'),
      v('Shelling hit the market yesterday.'),
    );
    expect(kinds(y)).toContain('DATE_AGREEMENT');
    // A correction that rejects Saturday agrees with Sunday, and the shared "strike" ties them.
    const c = clf.classify(
      v("The toll from Sunday's missile strike on the building has risen to 19."),
      v('An earlier version of this article incorrectly said the strike happened on Saturday.'),
    );
    expect(kinds(c)).toContain('CORRECTION_CONSISTENT');
    expect(c.relation).toBe('CORROBORATES');
  });

  it('an exchange of prisoners: counts of men set free, its day, and names read from adjectives', () => {
    const v = publishedOn('2039-06-01T18:00:00Z');
    // "Returned" and "came home" count one thing.
    const count = clf.classify(
      v('Kalva returned 40 Rostan servicemen and received 40 of its own.'),
      v('38 Rostan servicemen came home from Kalvan captivity on 1 June.'),
    );
    expect(count.signals.find((s) => s.kind === 'QUANTITY_MISMATCH')?.detail).toContain('40 vs 38');
    expect(count.relation).toBe('CONTRADICTS');
    // "Rostan" and "Rosta" are one side; "on Tuesday" is not 1 June; "since March" dates the
    // exchange before, not this one.
    const day = clf.classify(
      v('Kalvan and Rostan authorities exchanged prisoners at the Tessa crossing on Tuesday.'),
      v(
        'Kalva and Rosta swapped prisoners on Wednesday, the first exchange since March, officials on both sides said.',
      ),
    );
    expect(kinds(day)).not.toContain('ACTOR_SWAP');
    expect(kinds(day)).not.toContain('DATE_AGREEMENT');
    expect(kinds(day)).toContain('DATE_MISMATCH');
    expect(day.relation).toBe('DISCUSSES');
    const weekday = clf.classify(
      v('The exchange took place at the Tessa crossing on Tuesday.'),
      v('The exchange took place at the Tessa crossing on 1 June.'),
    );
    expect(kinds(weekday)).not.toContain('DATE_AGREEMENT');
  });

  it('"no violations" is negated by a kind of violation the other side reports', () => {
    const [r, back] = both(
      'No serious violations were recorded at any polling station.',
      'Our observers recorded ballot stuffing at 120 polling stations on Sunday.',
    );
    const negation = r.signals.find((s) => s.kind === 'NEGATION');
    expect(negation?.left).toBe('No serious violations');
    expect(negation?.right).toBe('stuffing');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // Nothing else shared: no link.
    expect(
      both(
        'No violations were recorded at the border crossing.',
        'Ballot stuffing was reported.',
      )[0].relation,
    ).toBe(null);
  });

  it('those moved one way are a part of all that were moved, not a conflicting total', () => {
    const total = '2,300 people have been evacuated.';
    const [part] = both(total, 'Rescuers evacuated about 800 residents by boat.');
    expect(kinds(part)).not.toContain('QUANTITY_MISMATCH');
    expect(part.relation).not.toBe('CONTRADICTS');
    const [whole] = both(total, 'Rescuers evacuated about 800 residents.');
    expect(kinds(whole)).toContain('QUANTITY_MISMATCH');
  });

  it('"were warned" against "no warning was given" is a negation in the writers\' own voices', () => {
    const [r] = both(
      'Residents of the villages below the dam were warned on Monday evening.',
      'No warning was given to Osk before the dam collapsed early on Tuesday.',
    );
    expect(kinds(r)).toContain('NEGATION');
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.relation).toBe('CONTRADICTS');
  });
});

describe('tenth session: kelmar, varna, pelos, dunmar and istra, unseen sets', () => {
  it('"for two days artillery shelled" is a length, and a body named after a place is no place', () => {
    const [r] = both(
      'The security operation in the Orla valley began at dawn on 3 May and lasted 9 hours.',
      'For three days Dastan artillery shelled the Orla valley.',
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    // "the Verin mission" names who brokered the truce, not where the fighting was.
    const [mission] = both(
      'The security operation in the Orla valley began at dawn on 3 May and lasted 9 hours.',
      'Fighting lasted about three days, until a truce brokered by the Verin mission took hold.',
    );
    expect(kinds(mission)).toContain('DURATION_MISMATCH');
  });

  it('"did not use tear gas" negates the tear gas another report says was fired', () => {
    const [r, back] = both(
      'Riot police did not use tear gas during the march in Holm.',
      'Riot police fired tear gas at the march in Holm.',
    );
    expect(kinds(r)).toContain('NEGATION');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    expect(r.signals.find((s) => s.kind === 'NEGATION')?.left).toContain('tear gas');
  });

  it('"no one was injured" is contradicted by a count of injured supporters', () => {
    const [r] = both(
      'No one was injured.',
      'At least 12 of our supporters were injured, two of them seriously.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('a relative clause or a naming after a full clause leaves the main clause asserted', () => {
    const pub = publishedOn('2042-05-05T10:00:00Z');
    const r = clf.classify(
      pub(
        'Dastan forces launched an offensive on the Orla valley on Saturday, which Dastan called a security operation.',
      ),
      pub(
        'On Saturday the Dastan army began an assault on the Orla valley; Dastan described it as a security operation.',
      ),
    );
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.relation).toBe('CORROBORATES');
    const [relative] = both(
      'Dastan has kept no heavy artillery near Orla since the 2039 accord.',
      'Dastan used heavy artillery that it claims to have withdrawn in 2039.',
    );
    expect(kinds(relative)).not.toContain('HEDGING');
    expect(relative.relation).toBe('CONTRADICTS');
  });

  it('a drone attack by one side and an assault by the other on another day are two events', () => {
    const pub = publishedOn('2042-05-05T10:00:00Z');
    const r = clf.classify(
      pub(
        'The operation answered a drone attack by Orlan militants on a Dastan checkpoint on 2 May.',
      ),
      pub(
        "On Saturday Dastan's army began an assault on Orla, a valley held by the Orlan council.",
      ),
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
    // A speaker is no doer: the day the shelling began still conflicts.
    const speaker = clf.classify(
      pub('Monitors established that the shelling of Orla began on 3 May.'),
      pub('The Dastan aggression began on 2 May, when Dastan artillery opened fire on Orla.'),
    );
    expect(kinds(speaker)).toContain('DATE_MISMATCH');
  });

  it("one side's denial of its role says nothing of an attack the other side's army made", () => {
    const [r] = both(
      'Orla denied any role in the drone attack.',
      "On Saturday Dastan's army began an assault on Kiv, a town held by Orla.",
    );
    expect(kinds(r)).not.toContain('DENIAL');
    const [own] = both(
      'Orla denied any role in the drone attack.',
      'The drone attack was carried out by Orlan militants near Kiv.',
    );
    expect(kinds(own)).toContain('DENIAL');
  });

  it('an attack called staged is denied, and a report of it only discussed', () => {
    const pub = publishedOn('2042-05-05T10:00:00Z');
    const staged = pub('The so-called rocket attack of 2 May was staged by Dastan itself.');
    const r = clf.classify(
      pub('The rocket attack by Orlan militants on 2 May killed three Dastan soldiers.'),
      staged,
    );
    expect(kinds(r)).toContain('DENIAL');
    expect(kinds(r)).not.toContain('HEDGING');
    expect(r.relation).toBe('CONTRADICTS');
    const reported = clf.classify(
      pub('Dastan said a rocket attack on 2 May killed three of its soldiers.'),
      staged,
    );
    expect(reported.relation).not.toBe('CORROBORATES');
    // Another denial of the same attack agrees with it rather than contradicting it.
    const denied = clf.classify(pub('Orla denied any role in the rocket attack.'), staged);
    expect(denied.relation).not.toBe('CONTRADICTS');
    // An attack on another day is not the one called staged.
    const other = clf.classify(
      staged,
      pub('Orlan militants launched a rocket attack on Kiv on 4 May.'),
    );
    expect(kinds(other)).not.toContain('DENIAL');
  });

  it('a death toll is not contradicted by a count of one group killed in another attack', () => {
    const [r] = both(
      'Dastan said the raid followed a rocket attack that killed two of its soldiers.',
      'Orlan officials put the death toll at 40 or more, including 12 civilians.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
    // A count of people killed is the toll itself.
    const [toll] = both(
      'At least 40 people were killed, 12 of them civilians, according to Orlan officials.',
      'Orlan officials put the death toll at 25, including 12 civilians.',
    );
    expect(kinds(toll)).toContain('QUANTITY_MISMATCH');
  });

  it('counts of people treated, of marchers and of a gathering are three things', () => {
    const [r] = both(
      'The central hospital treated 31 people from Holm Square on Sunday night.',
      'More than 15,000 people marched to Holm Square on Sunday.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
    const [crowd] = both(
      'On Sunday police dispersed an unauthorised gathering of about 200 people on Holm Square.',
      'More than 15,000 people marched to Holm Square on Sunday.',
    );
    expect(kinds(crowd)).toContain('QUANTITY_MISMATCH');
  });

  it('"thousands" covers a crowd of 20,000 but not one of about 300', () => {
    const thousands = 'Police broke up a protest by thousands of people in Holm on Sunday.';
    const [big] = both(thousands, 'More than 20,000 people marched in Holm on Sunday.');
    expect(kinds(big)).not.toContain('QUANTITY_MISMATCH');
    const [small] = both(
      thousands,
      'Police dispersed a gathering of about 300 people in Holm on Sunday.',
    );
    expect(kinds(small)).toContain('QUANTITY_MISMATCH');
  });

  it('"we have confirmed" is the writer\'s own finding, and its figure contradicts another', () => {
    const own = {
      text: 'We have confirmed the names of 180 people detained in Holm on Sunday.',
      facets: analyzeStatement(
        'We have confirmed the names of 180 people detained in Holm on Sunday.',
        {
          ...ctx,
          publisher: 'Holm Rights Watch',
        },
      ).facets,
    };
    const r = clf.classify(view('Nine people were detained in Holm on Sunday.'), own);
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('militants firing and a named army shelling are no agreement on one event', () => {
    const [r] = both(
      'During the operation, militants fired from the roof of the Orla school.',
      'For two days Dastan artillery shelled Orla.',
    );
    expect(kinds(r)).not.toContain('EVENT_AGREEMENT');
    expect(kinds(r)).not.toContain('FRAMING');
  });

  it('a boat that capsized and one that sank on that day are one sinking, whoever it carried', () => {
    const pub = publishedOn('2045-03-15T12:00:00Z');
    const r = clf.classify(
      pub(
        'At 03:10 on 14 March a fishing boat carrying migrants capsized 20 nautical miles off Kessa.',
      ),
      pub('A boat carrying some 300 asylum seekers sank off the island of Kessa early on Tuesday.'),
    );
    expect(kinds(r)).toContain('EVENT_AGREEMENT');
    expect(r.relation).toBe('CORROBORATES');
    // Migrants, asylum seekers and people on board are who a boat carried, sharing no word.
    const [aboard] = both(
      'The boat was carrying about 90 illegal migrants.',
      'There were at least 280 people on board, including many children.',
    );
    expect(kinds(aboard)).toContain('QUANTITY_MISMATCH');
    expect(aboard.relation).toBe('CONTRADICTS');
  });

  it('"no X did P" is contradicted only by X doing P, not by X doing something else', () => {
    const [other] = both(
      'No coast guard vessel tried to tow the boat.',
      'Coast guard vessels rescued 96 people.',
    );
    expect(kinds(other)).not.toContain('NEGATION');
    const [same] = both(
      'No coast guard vessel tried to tow the boat.',
      'A coast guard vessel tied a rope to the boat and tried to tow it.',
    );
    expect(kinds(same)).toContain('NEGATION');
  });

  it('statements that share only an actor named by a compound are no link', () => {
    const [r] = both(
      'The coast guard first learned of the boat at 01:00.',
      "An independent inquiry into the coast guard's role is needed.",
    );
    expect(r.relation).toBeNull();
  });

  it('"no civilian casualties" is contradicted by children killed', () => {
    const [r] = both(
      'There were no civilian casualties.',
      'An airstrike on the wedding hall in Dunmar killed 19 people, among them six children.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('a word far inside a denial is denied, not asserted, and agrees with a negation of it', () => {
    const [r] = both(
      'There were no weapons in the hall.',
      'We found no sign of the secondary explosions that a strike on a weapons depot would cause.',
    );
    expect(kinds(r)).not.toContain('NEGATION');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('"the claim that no civilians were harmed is a lie" contradicts it, with its own figure', () => {
    const claim = 'During the operation, not a single civilian was harmed.';
    const [r] = both(
      claim,
      "Dastan's claim that no civilians were harmed is a lie: 9 civilians were killed.",
    );
    expect(kinds(r)).toContain('DENIAL');
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    // The rejected zero is no figure of the writer's: four workers killed elsewhere do not
    // conflict with it.
    const [other] = both(
      'A blast on the Orla road on Tuesday killed four workers.',
      "Dastan's claim that no civilians were harmed is a lie: 9 civilians were killed.",
    );
    expect(other.signals.find((s) => s.kind === 'QUANTITY_MISMATCH')?.right).not.toBe(
      'no civilians',
    );
  });

  it('"X blamed Y, while Y denied any involvement" reports both sides: it only discusses', () => {
    const pub = publishedOn('2053-05-16T15:00:00Z');
    const r = clf.classify(
      pub(
        'On May 13, a mine planted by Orlan sabotage units on the Kiv road killed three workers.',
      ),
      pub(
        'A blast on the Kiv road on Tuesday killed three workers; Dastan blamed Orlan saboteurs, while Orla denied any involvement.',
      ),
    );
    expect(r.relation).toBe('DISCUSSES');
  });

  it('the month May is no hedge when two reports agree an operation took place', () => {
    const pub = publishedOn('2053-05-17T10:00:00Z');
    const r = clf.classify(
      pub(
        'The security measures carried out by Dastan in the Orla district on May 14 were not only an operation but also a lawful response.',
      ),
      pub('On May 14, Dastan forces began a large-scale assault on Orla.'),
    );
    expect(kinds(r)).toContain('EVENT_AGREEMENT');
    expect(r.relation).toBe('CORROBORATES');
  });

  it('"no Sarnian vessel carried weapons": a named owner and two words of the deed, not one', () => {
    const negation = 'No Kessian vessel has been used to carry weapons.';
    const [named] = both(
      negation,
      'Kessia used the humanitarian corridor for the transport of weapons.',
    );
    expect(kinds(named)).toContain('NEGATION');
    const [food] = both(
      negation,
      'Under the deal, 980 vessels left Kessian ports carrying 30 million tonnes of food.',
    );
    expect(kinds(food)).not.toContain('NEGATION');
    // Names and years alone are no deed: units that "withdrew in 2042" are not "present".
    const [state] = both(
      'No Orlan units have been present in Kiv since 2042.',
      'Orlan units withdrew from Kiv in 2042, monitors confirmed.',
    );
    expect(kinds(state)).not.toContain('NEGATION');
  });

  it('a share of the grain that "reached" and one "received" are one figure, ours our own', () => {
    const [r] = both(
      'Only 4 percent of the grain reached the poorest countries.',
      'Poorer countries received about 25 percent of the grain, according to our tracking.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.relation).toBe('CONTRADICTS');
  });
});

describe('eleventh session: tosk, a man shot at a border (mended after its recorded first run)', () => {
  const onSunday = publishedOn('2048-06-15T12:00:00Z');
  const pair = pairsOn('2048-06-15T12:00:00Z');

  it('one shooting on one day at two times of day that cannot meet is a conflict', () => {
    const [r, back] = pair(
      'At 21:15 on 14 June a checkpoint near Varos came under fire from a gunman with a pistol.',
      'Ilan Berg, a farmer, was shot dead in his orchard near Varos on the morning of 14 June.',
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    expect(r.signals.find((s) => s.kind === 'DATE_MISMATCH')?.left).toBe('21:15');
    expect(r.signals.find((s) => s.kind === 'DATE_MISMATCH')?.right).toBe('morning');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // The same day and a time that fits ("the evening") is no conflict of time.
    const [fits] = pair(
      'At 21:15 on 14 June a checkpoint near Varos came under fire from a gunman with a pistol.',
      'Ilan Berg, a farmer, was shot dead in his orchard near Varos on the evening of 14 June.',
    );
    expect(kinds(fits)).not.toContain('DATE_MISMATCH');
  });

  it('"armed with a rifle" against "he was unarmed" is an opposition; "armed forces" is a name', () => {
    const [r] = pair(
      'A smuggler armed with a rifle attacked the post near Varos.',
      'He was unarmed and had never owned a rifle.',
    );
    expect(kinds(r)).toContain('ANTONYM');
    expect(r.relation).toBe('CONTRADICTS');
    const [forces] = pair(
      'The Dorsan armed forces shelled Varos on Monday.',
      'Unarmed residents of Varos were shelled on Monday.',
    );
    expect(kinds(forces)).not.toContain('ANTONYM');
  });

  it('an investigation into a death discusses the death, it does not corroborate how it happened', () => {
    const [r, back] = pair(
      'Ilan Berg, a 40-year-old farmer, was shot dead near Varos on 14 June.',
      'An investigation has been opened into the death of a 40-year-old man near Varos on 14 June.',
    );
    expect(r.relation).toBe('DISCUSSES');
    expect(back.relation).toBe('DISCUSSES');
    const hedge = r.signals.find((s) => s.kind === 'HEDGING');
    expect(hedge?.detail).toContain('inquiry');
  });

  it('"X said ...; Y said ..." reports two accounts: it only discusses each', () => {
    expect(
      analyze(
        'The patrol said he was a smuggler who had fired at them; his brother said he was an unarmed farmer.',
      ).balancedReport,
    ).toBe(true);
    expect(
      analyze('Police say 300 people marched, while organisers say 5,000 took part.')
        .balancedReport,
    ).toBe(true);
    expect(analyze('The patrol said he was a smuggler who had fired at them.').balancedReport).toBe(
      false,
    );
    const [r] = pair(
      'A smuggler armed with a rifle fired at the patrol near Varos.',
      'The patrol said he was a smuggler who had fired at them; his brother said he was an unarmed farmer.',
    );
    expect(r.relation).toBe('DISCUSSES');
  });

  it('"fired" and "fire", "died" and "die" are one word', () => {
    expect(wordKey('fired')).toBe(wordKey('fire'));
    expect(wordKey('firing')).toBe(wordKey('fire'));
    expect(wordKey('died')).toBe(wordKey('die'));
  });

  it('a contradiction between two longer sources that no signal explains is shown as discussion', () => {
    const long = (text: string): StatementView => ({ ...onSunday(text), sourceSize: 5 });
    const r = clf.classify(
      long(
        'Ilan Berg, a 40-year-old farmer, was shot dead in his orchard near Varos on the afternoon of 14 June.',
      ),
      long('Berg was shot three times in the back.'),
    );
    expect(r.relation).toBe('DISCUSSES');
    expect(kinds(r)).toContain('UNEXPLAINED_CONFLICT');
    // With nothing else said of the pair, it is stored but not shown by default.
    expect(kinds(r).filter((k) => !(OVERLAP_KINDS as readonly string[]).includes(k))).toEqual([
      'UNEXPLAINED_CONFLICT',
    ]);
    expect(r.confidence).toBeLessThan(defaultMinConfidence());
    // A contradiction with a reason stays one.
    const dated = clf.classify(
      long('Ilan Berg was shot dead near Varos at 23:10 on 14 June.'),
      long('Ilan Berg was shot dead near Varos on the morning of 14 June.'),
    );
    expect(dated.relation).toBe('CONTRADICTS');
  });
});

describe('eleventh session: ravel, an aid convoy struck at night (unseen set, mended after its first run)', () => {
  const pair = pairsOn('2061-03-05T14:00:00Z', 4);

  it('one thing attacked, told as a mine by one side and an air strike by the other, on two days', () => {
    const [r, back] = pair(
      'A convoy of eight aid trucks was struck from the air near Orsk at about 03:00 on 5 March.',
      'The convoy was destroyed by a mine on the evening of 4 March.',
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // Two attacks that share only a name are not one incident.
    const [apart] = pair(
      'Orsk had nothing to do with the explosion on the coast road on 4 March.',
      'Orsk said artillery had shelled the harbour on 5 March.',
    );
    expect(kinds(apart)).not.toContain('DATE_MISMATCH');
  });

  it('"only X" against another object of the same verb is an EXCLUSION; a kind of X is not', () => {
    const [r, back] = pair(
      'The convoy carried only food and medicine.',
      'The so-called aid convoy was carrying ammunition for the rebels.',
    );
    expect(kinds(r)).toContain('EXCLUSION');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [kind] = pair('The convoy carried only food and medicine.', 'The convoy carried flour.');
    expect(kinds(kind)).not.toContain('EXCLUSION');
    // "only 32 trucks" limits a count, not an object.
    const [count] = pair('Only 32 trucks carried food.', 'The trucks carried ammunition.');
    expect(kinds(count)).not.toContain('EXCLUSION');
  });

  it('attacks on different targets do not corroborate each other', () => {
    const [r, back] = pair(
      'On the night of 4 March our aircraft carried out a precision strike on an ammunition depot in Orsk.',
      'An airstrike on the Linden school in Orsk killed 14 people on 4 March.',
    );
    expect(r.relation).not.toBe('CORROBORATES');
    expect(back.relation).not.toBe('CORROBORATES');
    expect(r.relation === null || kinds(r).includes('TARGET_DIFFERS')).toBe(true);
    // Where one side says the fire came from is what the other says was hit.
    const [from] = pair(
      'During the operation, militants fired from the grounds of the Orsk clinic.',
      'The Orsk clinic was hit by artillery fire on the morning of 4 March.',
    );
    expect(from.relation).toBe('DISCUSSES');
    expect(kinds(from)).toContain('TARGET_DIFFERS');
    // The same target, worded apart, still agrees.
    const [same] = pair(
      'A convoy of eight aid trucks was struck from the air near Orsk at about 03:00 on 5 March.',
      'Aircraft bombed an aid convoy near Orsk shortly after 3 a.m. on Saturday.',
    );
    expect(same.relation).toBe('CORROBORATES');
  });
});

describe('eleventh session: lorne, an opposition leader detained (unseen set, mended after its first run)', () => {
  const pair = pairsOn('2064-11-07T12:00:00Z', 4);

  it('one detention on one day at two times is a conflict', () => {
    const [r, back] = pair(
      'On 6 November at 16:00, police detained Anna Vos, editor of the Orsk Courier, in Orsk.',
      'Plain-clothes officers seized Anna Vos outside her office in Orsk at 8 a.m. on Thursday.',
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    expect(r.signals.find((s) => s.kind === 'DATE_MISMATCH')?.detail).toMatch(/8 a\.m\.\.?$/);
    expect(r.signals.find((s) => s.kind === 'DATE_MISMATCH')?.detail).not.toMatch(/\.\.$/);
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
  });

  it('two lengths of one detention ordered by a court are compared', () => {
    const [r] = pair(
      'A court has placed Vos in pre-trial detention for two months.',
      'A court ordered her held for 30 days.',
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('on hunger strike against eating regularly, released against still in custody', () => {
    const [r, back] = pair(
      'Vos has been on hunger strike since her arrest.',
      'Detainee A. Vos eats regularly and is in good health.',
    );
    expect(kinds(r)).toContain('ANTONYM');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [held] = pair(
      'The three Orsk reporters were released on Monday.',
      'The three Orsk reporters remain in custody.',
    );
    expect(kinds(held)).toContain('ANTONYM');
    // Both states in one sentence are a sequence, not a conflict with either.
    const [both] = pair(
      'Most of the Orsk detainees were released on Monday; 12 remain in custody.',
      'The Orsk detainees remain in custody.',
    );
    expect(both.signals.some((s) => s.detail.startsWith('States that cannot'))).toBe(false);
  });

  it('no injuries against bruises, said of the same people', () => {
    const [r] = pair(
      'The Orsk detainees had no injuries.',
      'The Orsk detainees had bruises on both arms.',
    );
    expect(kinds(r)).toContain('NEGATION');
    expect(r.relation).toBe('CONTRADICTS');
  });
});

describe('eleventh session: an opening pronoun read as the person it stands for', () => {
  it('"He was unarmed" shares the name of the man another report says was shot', () => {
    const a = analyze('He was unarmed and had never owned a rifle.', 'Aret Moll');
    expect(a.keys.has(wordKey('moll'))).toBe(true);
    expect(a.names.has(wordKey('moll'))).toBe(true);
    expect(a.keyToken.get(wordKey('moll'))?.i).toBe(0);
    // Without the antecedent, and for a sentence that does not open with a pronoun, nothing is added.
    expect(analyze('He was unarmed and had never owned a rifle.').keys.has(wordKey('moll'))).toBe(
      false,
    );
    expect(analyze('The patrol said he fired first.', 'Aret Moll').keys.has(wordKey('moll'))).toBe(
      false,
    );
  });

  it('the person joins the link: no injuries against bruises, said of one named woman', () => {
    const view = (text: string, antecedent?: string): StatementView => ({
      text,
      facets: { ...analyzeStatement(text, ctx).facets, ...(antecedent ? { antecedent } : {}) },
      sourceSize: 3,
    });
    const r = clf.classify(
      view('She has no injuries.', 'Mira Tal'),
      view('Mira Tal had bruises on both arms when our doctor saw her.'),
    );
    expect(r.relation).toBe('CONTRADICTS');
    const bare = clf.classify(
      view('She has no injuries.'),
      view('Mira Tal had bruises on both arms when our doctor saw her.'),
    );
    expect(bare.relation).toBeNull();
  });
});

describe('eleventh session: "Monday night" runs into Tuesday', () => {
  it('a storm on Monday night and an outage early on Tuesday can be one night, and the days are no contradiction of words', () => {
    const tuesday = publishedOn('2066-02-03T12:00:00Z');
    const r = clf.classify(
      tuesday('A power outage hit the whole of Orsk on Tuesday.'),
      tuesday('The outage in Orsk was caused by a storm that damaged power lines on Monday night.'),
    );
    expect(kinds(r)).toContain('DATE_AGREEMENT');
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.signals.some((s) => s.kind === 'WORD_SUBSTITUTION' && s.left === 'Tuesday')).toBe(
      false,
    );
    // Two nights apart are still two days.
    const apart = clf.classify(
      tuesday('Shelling hit Orsk on Tuesday.'),
      tuesday('Shelling hit Orsk on Sunday night.'),
    );
    expect(kinds(apart)).toContain('DATE_MISMATCH');
  });
});

describe('eleventh session: kessa, a blackout (recorded, then general fixes)', () => {
  const onWednesday = publishedOn('2066-02-03T12:00:00Z');
  const long = (text: string): StatementView => ({ ...onWednesday(text), sourceSize: 4 });

  it('homes left without power and homes that lost power are one count; how long they were without it is a length', () => {
    const r = clf.classify(
      long(
        'A power outage left 1.2 million homes in Orsk without electricity for nine hours on Tuesday.',
      ),
      long('More than a million homes in Orsk lost power early on Tuesday.'),
    );
    expect(kinds(r)).toContain('QUANTITY_AGREEMENT');
    expect(r.relation).toBe('CORROBORATES');
    const length = clf.classify(
      long(
        'A power outage left 1.2 million homes in Orsk without electricity for nine hours on Tuesday.',
      ),
      long('Power was restored after six hours.'),
    );
    expect(kinds(length)).toContain('DURATION_MISMATCH');
    expect(length.relation).toBe('CONTRADICTS');
  });

  it('"had nothing to do with" and "played no part in" are denials', () => {
    expect(analyze('Vorn had nothing to do with the blast in Orsk.').denial).not.toBeNull();
    expect(analyze('Vorn played no part in the attack on Orsk.').denial).not.toBeNull();
    expect(facetsOf('Vorn had nothing to do with the blast in Orsk.').frame?.voice).toBe('denied');
  });
});

describe('eleventh session: zarov, in the seed shape (unseen set, mended after its first run)', () => {
  const pair = pairsOn('2060-06-09T12:00:00Z', 5);

  it('"completed in 31 hours" against "for more than 40 hours": a bound conflicts with a length outside it', () => {
    const [r, back] = pair(
      'The operation launched by the Dorsan army in the Orsk region on 7 June was completed in 31 hours.',
      'Since the morning of 7 June, Dorsan artillery has shelled Orsk city for more than 40 hours.',
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // "About two days" can be more than 40 hours.
    const [fits] = pair(
      'Fighting in Orsk lasted about two days.',
      'Since the morning of 7 June, Dorsan artillery has shelled Orsk city for more than 40 hours.',
    );
    expect(fits.relation).not.toBe('CONTRADICTS');
  });

  it('"since the morning of 7 June" opens a period: a later day inside it is no other date', () => {
    const [r] = pair(
      'Since the morning of 7 June, Dorsan artillery has shelled Orsk city for more than 40 hours.',
      'Shelling damaged the Orsk city hospital on 8 June.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('the date and toll after "a response to" belong to the earlier event', () => {
    const response =
      'The operation was a lawful response to the shelling of the Dorsan village of Elt on 6 June, which killed three civilians.';
    // Another report of the later event: no date or toll conflict.
    const [later] = pair(
      response,
      "Dorsa's army launched an offensive in the Orsk region on Monday, which Dorsa called an operation.",
    );
    expect(kinds(later)).not.toContain('DATE_MISMATCH');
    const [toll] = pair(response, '63 of our people have been killed, 19 of them civilians.');
    expect(kinds(toll)).not.toContain('QUANTITY_MISMATCH');
    // A report of the earlier event keeps its conflict.
    const [earlier] = pair(
      'The measures were launched in response to a terrorist attack on the evening of 18 June, when a convoy struck a mine near Elt.',
      'The convoy hit the mine near Elt on the evening of 17 June.',
    );
    expect(kinds(earlier)).toContain('DATE_MISMATCH');
  });

  it('two attacks on different targets, each with its own date, are two attacks', () => {
    const [r] = pair(
      'Dorsan artillery shelled the hospital in Orsk on 6 June.',
      'Dorsan artillery shelled the market in Orsk on 7 June.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(kinds(r)).toContain('DIFFERENT_EVENT');
    expect(r.relation).not.toBe('CONTRADICTS');
    // One target on two days is one attack misdated.
    const [same] = pair(
      'Dorsan artillery shelled the hospital in Orsk on 6 June.',
      'Dorsan artillery shelled the hospital in Orsk on 7 June.',
    );
    expect(kinds(same)).toContain('DATE_MISMATCH');
  });
});

describe('twelfth session: who fired, crowds, force and fires', () => {
  const pair = pairsOn('2065-08-21T12:00:00Z', 5);
  /** Statements of a side's own publication ("our positions" is that side). */
  const by =
    (publisher: string) =>
    (text: string): StatementView => ({
      text,
      facets: analyzeStatement(text, { publishedAt: new Date('2065-08-21T12:00:00Z'), publisher })
        .facets,
      sourceSize: 5,
    });

  it('"no X were killed by Y\'s fire" answers a count of X killed, not a report that X fired', () => {
    const none = 'No Kesh servicemen were killed by Aravian fire.';
    const [r, back] = pair('Four Kesh servicemen were killed in action.', none);
    expect(kinds(r)).toContain('NEGATION');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [fired] = pair(
      'On the night of 19-20 August, units of the Kesh armed forces opened fire on Aravian border posts near Tor.',
      none,
    );
    expect(kinds(fired)).not.toContain('NEGATION');
    expect(kinds(fired)).not.toContain('ACTOR_SWAP');
    expect(fired.relation).not.toBe('CONTRADICTS');
  });

  it('an exchange of fire, each side blaming the other, reports both accounts', () => {
    const traded =
      'Aravia and Kesh traded fire across their disputed border overnight, each accusing the other of starting the clash.';
    const [r] = pair(
      'On the night of 19-20 August, units of the Kesh armed forces opened fire on Aravian border posts near Tor.',
      traded,
    );
    expect(r.relation).not.toBe('CORROBORATES');
    const [killed] = pair('No Kesh servicemen were killed by Aravian fire.', traded);
    expect(kinds(killed)).not.toContain('ACTOR_SWAP');
  });

  it('"did not fire first" is answered by who opened fire, not by any firing', () => {
    const first = 'Kesh units did not fire first and only returned fire.';
    const [opened] = pair(
      first,
      'Units of the Kesh armed forces opened fire on Aravian posts near Tor.',
    );
    expect(kinds(opened)).toContain('NEGATION');
    const [later] = pair(first, 'Kesh units fired on Aravian posts near Tor for three hours.');
    expect(kinds(later)).not.toContain('NEGATION');
  });

  it('each side naming the other as the attacker is a conflict of roles', () => {
    const [r, back] = [
      clf.classify(
        by('Aravian News Agency')(
          'On the night of 19-20 August, units of the Kesh armed forces opened fire on Aravian border posts near Tor.',
        ),
        by('Kesh Ministry of Defence')(
          'At about 02:00 on 20 August, Aravian forces attacked our positions near Tor.',
        ),
      ),
      clf.classify(
        by('Kesh Ministry of Defence')(
          'At about 02:00 on 20 August, Aravian forces attacked our positions near Tor.',
        ),
        by('Aravian News Agency')(
          'On the night of 19-20 August, units of the Kesh armed forces opened fire on Aravian border posts near Tor.',
        ),
      ),
    ];
    expect(kinds(r)).toContain('ACTOR_SWAP');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
  });

  it('who said it is not who did it', () => {
    const units =
      'Air defence units of the Varnian army destroyed six enemy drones over Orlan overnight.';
    // "units of the Varnian army" did it ...
    expect(facetsOf(units).actors.find((a) => a.country === 'varnia')?.role).toBe('agent');
    const [r] = pair(
      units,
      "Varnia's Defence Ministry said its air defences shot down six drones.",
    );
    // ... and the ministry that said so is no other doer.
    expect(kinds(r)).not.toContain('ACTOR_SWAP');
  });

  it('crowd sizes: "about 2,000" against "tens of thousands", which agrees with "more than 30,000"', () => {
    const [r] = pair(
      "About 2,000 people took part in an unauthorised gathering in Corva's Freedom Square on 14 May.",
      'Tens of thousands of people marched through Corva on 14 May to demand the release of a jailed journalist.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    const [agree] = pair(
      'More than 30,000 people came out in Corva on 14 May for the jailed journalist.',
      'Tens of thousands of people marched through Corva on 14 May to demand the release of a jailed journalist.',
    );
    expect(kinds(agree)).toContain('QUANTITY_AGREEMENT');
    expect(agree.relation).toBe('CORROBORATES');
  });

  it('participants detained and people detained are one count; a demanded release is no release', () => {
    const [r] = pair(
      'Twelve participants were detained in Corva for public order offences.',
      'We have confirmed the names of 143 people detained in Corva on 14 May.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    const [demand] = pair(
      'Tens of thousands of people marched through Corva to demand the release of the jailed journalist Ilse Maren.',
      'We have confirmed the names of 143 people detained in Corva on 14 May.',
    );
    expect(kinds(demand)).not.toContain('ANTONYM');
    expect(demand.relation).not.toBe('CONTRADICTS');
  });

  it('"used no special means" is answered by tear gas', () => {
    const [r] = pair(
      'The police acted with restraint and used no special means.',
      'The march was entirely peaceful until the police attacked it with tear gas at about 16:00.',
    );
    expect(kinds(r)).toContain('NEGATION');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('a fire put out within three hours against a blaze fought for more than ten', () => {
    const [r, back] = pair(
      'A fire broke out at the Veltrax plant in Hollin at about 22:00 on 2 March and was put out within three hours.',
      'Firefighters battled the blaze for more than ten hours.',
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // A day of the month and a count of hours are no paraphrase.
    const [day] = pair(
      'A fire broke out at the Veltrax plant in Hollin at about 22:00 on 2 March and was put out within three hours.',
      'The fire was brought under control at 08:30 on 3 March.',
    );
    expect(kinds(day)).not.toContain('PARAPHRASE');
  });
});

describe('twelfth session: the seed-shaped tarn set', () => {
  const pair = pairsOn('2067-10-04T12:00:00Z', 5);

  it('"the civilian population was not harmed" is contradicted by any civilian toll', () => {
    const unharmed =
      'Not only armed formations but also their command posts were disabled, while the civilian population was not harmed.';
    const [r, back] = pair(unharmed, '118 of our people have been killed, 27 of them civilians.');
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [verified] = pair(
      unharmed,
      'Our researchers have verified the deaths of 19 civilians in the Tarn region on 2 and 3 October.',
    );
    expect(verified.relation).toBe('CONTRADICTS');
  });

  it('"an Ombrian-brokered truce" names no place that could differ from Tarn', () => {
    const [r] = pair(
      'The local counter-terrorism measures carried out by Lesvarian security forces in the Tarn region on 2-3 October were concluded within 20 hours.',
      "About 36 hours of fighting ended when the region's leaders agreed to an Ombrian-brokered truce.",
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('"the breakaway Tarn region" and "Tarn" are one target', () => {
    const [r] = pair(
      'Lesvaria launched a military offensive against the breakaway Tarn region on Sunday, which it described as counter-terrorism measures.',
      'On Sunday Lesvaria began an offensive on Tarn, calling it counter-terrorism measures.',
    );
    expect(kinds(r)).not.toContain('TARGET_DIFFERS');
    expect(r.relation).toBe('CORROBORATES');
  });

  it('"X said P, which Y denied" reports both sides and rebuts nothing of a third statement', () => {
    const [r] = pair(
      'The local counter-terrorism measures carried out by Lesvarian security forces in the Tarn region on 2-3 October were concluded within 20 hours.',
      'Lesvaria said the operation was a response to a mine blast that killed four police officers, which Tarn denied carrying out.',
    );
    expect(kinds(r)).not.toContain('DENIAL');
    expect(r.relation).not.toBe('CONTRADICTS');
  });
});

describe('twelfth session: a plant shelled, each side blaming the other (vessa)', () => {
  const pair = pairsOn('2073-04-12T12:00:00Z', 5);
  const shelled =
    'On 11 April the armed forces of Doria shelled the Vessa nuclear power plant with heavy artillery, damaging the roof of the turbine hall.';

  it('an attack called staged by the other side denies the attack as told', () => {
    const [r, back] = pair(
      'The attack was staged by Marosian units stationed at the plant, who fired mortars at the turbine hall from inside the site.',
      shelled,
    );
    expect(kinds(r)).toContain('DENIAL');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // A statement that only dates something by the attack is not what is denied.
    const [after] = pair(
      'Radiation levels at the site rose after the attack.',
      'The attack was staged by Marosian units stationed at the plant.',
    );
    expect(kinds(after)).not.toContain('DENIAL');
  });

  it('"did not fire on" the plant is answered by the party\'s shelling of it', () => {
    const [r] = pair('Dorian forces did not fire on the Vessa plant.', shelled);
    expect(kinds(r)).toContain('NEGATION');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('levels that rose against levels that remained normal, said of one thing', () => {
    const [r, back] = pair(
      'Radiation levels at the site rose after the attack.',
      'Radiation levels at the site remained normal.',
    );
    expect(kinds(r)).toContain('ANTONYM');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // Said of two different things, no opposition.
    const [apart] = pair(
      'Bread prices at the market in Vessa rose after the attack.',
      'Radiation levels at the site in Vessa remained normal.',
    );
    expect(kinds(apart)).not.toContain('ANTONYM');
  });
});

describe('twelfth session: percentages measure something (mirel)', () => {
  const pair = pairsOn('2074-04-05T12:00:00Z', 5);

  it('reads what a percentage measures, and whether it is a level, a change or an earlier level', () => {
    const read = (s: string, i = 0) => percentReading(s, facetsOf(s).quantities[i]!);
    expect(read('Real wages grew by 3 percent in the first quarter.')).toMatchObject({
      measure: `${wordKey('real')} ${wordKey('wage')}`,
      mode: 'change',
      sign: 1,
    });
    expect(read("Calvia's unemployment rate stood at 4.1 percent in March.")).toMatchObject({
      measure: wordKey('unemployment'),
      mode: 'level',
    });
    // A change in prices is the inflation rate.
    expect(read('Consumer prices rose 6.2 percent in March from a year earlier.').measure).toBe(
      read('By our measurement, annual inflation in March was 14.8 percent.').measure,
    );
    expect(
      read('Annual inflation slowed to 6.2 percent in March, down from 7.9 percent in February.', 1)
        .mode,
    ).toBe('prior');
  });

  it('two measures are not compared; one measure in two directions is a conflict', () => {
    const [apart] = pair(
      'Real wages fell by about 1 percent in the first quarter.',
      'Unemployment fell to 4.1 percent, the lowest level since 2070.',
    );
    expect(kinds(apart)).not.toContain('QUANTITY_MISMATCH');
    expect(apart.relation).not.toBe('CONTRADICTS');
    const [scope] = pair(
      'Food prices rose 22 percent over the year.',
      'Annual inflation in Calvia slowed to 6.2 percent in March.',
    );
    expect(kinds(scope)).not.toContain('QUANTITY_MISMATCH');
    const [ways, back] = pair(
      'Real wages grew by 3 percent in the first quarter.',
      'Real wages fell by 3 percent in the first quarter.',
    );
    expect(kinds(ways)).toContain('QUANTITY_MISMATCH');
    expect(ways.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
  });

  it('one level of one measure, two figures: a conflict', () => {
    const [r] = pair(
      'Annual inflation in Calvia slowed to 6.2 percent in March, down from 7.9 percent in February.',
      'By our measurement, annual inflation in March was 14.8 percent.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it("a sample is not the whole, and one candidate's share is not another's", () => {
    const [sample] = pair(
      'Turnout at the stations we monitored was below 40 percent.',
      "Turnout in Sunday's presidential election was 71.4 percent, the commission said.",
    );
    expect(kinds(sample)).not.toContain('QUANTITY_MISMATCH');
    const [shares] = pair(
      'Opposition candidate Lena Varga received at least 45 percent of the vote.',
      'President Arvo Tamm won 82 percent of the vote.',
    );
    expect(kinds(shares)).not.toContain('QUANTITY_AGREEMENT');
    expect(shares.relation).not.toBe('CORROBORATES');
  });
});

describe('twelfth session: an outbreak played down (brisa)', () => {
  const pair = pairsOn('2075-07-12T12:00:00Z', 5);

  it('water called safe against a pathogen found in it, said of the water', () => {
    const safe = "The city's water supply is safe and was not contaminated.";
    const [r, back] = pair(
      safe,
      'Vibrio cholerae was isolated from samples of the municipal water supply.',
    );
    expect(kinds(r)).toContain('ANTONYM');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [tap] = pair(
      safe,
      'Tap water samples we took in four districts of Brisa on 5 July contained cholera bacteria.',
    );
    expect(tap.relation).toBe('CONTRADICTS');
    // Bacteria found in something else say nothing of the water.
    const [other] = pair(
      safe,
      'Cholera bacteria were found in stool samples of 40 patients in Brisa.',
    );
    expect(kinds(other)).not.toContain('ANTONYM');
  });
});

describe('twelfth session: when an event ended against how long it took (hollin)', () => {
  const pair = pairsOn('2064-03-03T12:00:00Z', 5);
  const began =
    'A fire broke out at the Veltrax plant in Hollin at about 22:00 on 2 March and was put out within three hours.';

  it('a fire under control ten hours after it broke out was not put out within three', () => {
    const [r, back] = pair(began, 'The fire was brought under control at 08:30 on 3 March.');
    const s = r.signals.find((x) => x.kind === 'DATE_MISMATCH');
    expect(s?.left).toBe('within three hours from 22:00 on 2 March');
    expect(s?.detail).toContain('10 h 30 min');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // Under control within the bound: no conflict of time.
    const [fits] = pair(began, 'The fire was brought under control at 00:30 on 3 March.');
    expect(kinds(fits)).not.toContain('DATE_MISMATCH');
  });
});

describe('twelfth session: a train derailed (kelso)', () => {
  const pair = pairsOn('2079-09-14T12:00:00Z', 5);

  it('two speeds of the train conflict; a speed and a limit are not compared', () => {
    const [r, back] = pair(
      'The passenger train that derailed near Kelso on 13 September was travelling at 80 km/h, within the permitted speed.',
      'Data from the recorder show the train was travelling at 127 km/h when it entered the curve at Kelso junction.',
    );
    expect(r.signals.find((s) => s.kind === 'QUANTITY_MISMATCH')?.detail).toContain(
      '80 km/h vs 127 km/h',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [limit] = pair(
      'The train near Kelso was travelling at 80 km/h.',
      'At the curve near Kelso the limit is 90 km/h for every train.',
    );
    expect(kinds(limit)).not.toContain('QUANTITY_MISMATCH');
  });

  it('one signal said to be two colours is a conflict; a name with a colour is not', () => {
    const [r, back] = pair(
      'The signal at the junction was green.',
      'The signal at the junction was showing red.',
    );
    expect(kinds(r)).toContain('ANTONYM');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [names] = pair(
      'The Red Cross brought water to the junction near Kelso.',
      'The signal at the junction near Kelso was green.',
    );
    expect(kinds(names)).not.toContain('ANTONYM');
  });
});

describe('twelfth session: only military targets (belka)', () => {
  const pair = pairsOn('2081-03-03T12:00:00Z', 5);
  const only = 'Only military infrastructure was targeted.';

  it('"only military infrastructure was targeted" is contradicted by a hospital or villages hit, with no word shared', () => {
    const [r, back] = pair(
      only,
      'We confirmed that Marn hospital was struck by artillery on 1 March.',
    );
    expect(r.signals.find((s) => s.kind === 'EXCLUSION')?.right).toBe('Marn hospital');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [villages] = pair(
      only,
      'Estravian forces have been shelling Marn and villages across Belka since the morning of 1 March.',
    );
    expect(villages.relation).toBe('CONTRADICTS');
    // Military positions hit agree with it.
    const [positions] = pair(
      only,
      'Estravian artillery shelled Belkan positions near Marn on 1 March.',
    );
    expect(kinds(positions)).not.toContain('EXCLUSION');
  });

  it('"we confirmed that X was struck": the target is X, not the confirming', () => {
    const [r] = pair(
      'Estravian forces have been shelling Marn and villages across Belka since the morning of 1 March.',
      'We confirmed that Marn hospital was struck by artillery on 1 March.',
    );
    expect(r.signals.find((s) => s.kind === 'TARGET_DIFFERS')?.right).toBe('hospital');
    expect(r.relation).toBe('DISCUSSES');
  });
});

describe('twelfth session: a corridor few used (varden)', () => {
  const pair = pairsOn('2084-11-17T12:00:00Z', 5);
  const few =
    'The Rusalian side has opened a humanitarian corridor through Lask, and fewer than 2,000 residents have chosen to leave the region.';

  it('residents who crossed, people registered leaving and refugees who arrived count those who left', () => {
    const [crossed] = pair(
      few,
      'By the evening of 16 November, 64,300 residents of Varden had crossed into Tervia through the Lask corridor.',
    );
    expect(kinds(crossed)).toContain('QUANTITY_MISMATCH');
    expect(crossed.relation).toBe('CONTRADICTS');
    const [registered] = pair(
      few,
      'Our checkpoint at Lask registered about 64,000 people leaving the region between 15 and 16 November.',
    );
    expect(kinds(registered)).toContain('QUANTITY_MISMATCH');
    const [arrived] = pair(
      'By the evening of 16 November, 64,300 residents of Varden had crossed into Tervia through the Lask corridor.',
      'About 65,000 refugees from Varden have arrived in Tervia since 15 November.',
    );
    expect(kinds(arrived)).toContain('QUANTITY_AGREEMENT');
    expect(arrived.relation).toBe('CORROBORATES');
    // Trucks that crossed are not people who fled.
    const [trucks] = pair(few, '400 trucks crossed the Lask corridor into Tervia on 16 November.');
    expect(kinds(trucks)).not.toContain('QUANTITY_MISMATCH');
  });
});

describe('twelfth session: a school or a command post (solna)', () => {
  const pair = pairsOn('2086-05-08T12:00:00Z', 5);

  it('"found no weapons there" rejects "used to store weapons"', () => {
    const [r, back] = pair(
      'The building had been used by the Free Solna Brigade to store weapons.',
      'Our staff visited the school in March and found no weapons or fighters there.',
    );
    const denial = r.signals.find((s) => s.kind === 'DENIAL');
    expect(denial?.right).toBe('found no weapons or fighters there');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // Finding no one of another kind says nothing of it.
    const [other] = pair(
      'The building had been used by the Free Solna Brigade to store weapons.',
      'Rescuers found no survivors in the collapsed bakery in Solna.',
    );
    expect(kinds(other)).not.toContain('DENIAL');
  });
});

describe('twelfth session: toxic substances and their kinds (hollin)', () => {
  const pair = pairsOn('2064-03-03T12:00:00Z', 5);

  it('"no toxic substances were released" is answered by ammonia from the same plant', () => {
    const [r] = pair(
      'No toxic substances were released from the Veltrax plant.',
      'A cloud of ammonia from the Veltrax plant drifted over the town.',
    );
    expect(kinds(r)).toContain('NEGATION');
    expect(r.relation).toBe('CONTRADICTS');
    const [steam] = pair(
      'No toxic substances were released from the Veltrax plant.',
      'Steam from the Veltrax plant drifted over the town.',
    );
    expect(kinds(steam)).not.toContain('NEGATION');
  });
});

describe('twelfth session: the last set (dalen)', () => {
  const pair = pairsOn('2091-06-14T12:00:00Z', 5);

  it('"only legitimate military targets were neutralised" against a market hit by artillery', () => {
    const only =
      'Only legitimate military targets were neutralised, including firing positions and ammunition depots.';
    const [r] = pair(
      only,
      'Since Tuesday morning, Ostrovian artillery has hit the Dalen market, the bus station and dozens of homes.',
    );
    expect(r.signals.find((s) => s.kind === 'EXCLUSION')?.right).toBe('the Dalen market');
    expect(r.relation).toBe('CONTRADICTS');
    const [market] = pair(
      only,
      'The market in the district centre was destroyed by shelling on 12 June.',
    );
    expect(kinds(market)).toContain('EXCLUSION');
  });
});

describe('thirteenth session: what the left-alone cases asked for', () => {
  const pair = pairsOn('2091-06-14T12:00:00Z', 5);

  it('people named after their country ("Venlan diplomats") do not say where it happened', () => {
    const [r, back] = pair(
      'Local anti-terrorist measures carried out by Ostrovian units in the Dalen district on 12-13 June achieved their goals within 24 hours.',
      'The fighting continued for three days before a ceasefire brokered by Venlan diplomats took effect on Friday.',
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // A town named in each account still keeps two accounts apart.
    const [apart] = pair(
      'Local anti-terrorist measures carried out by Ostrovian units in the Dalen district on 12-13 June achieved their goals within 24 hours.',
      'The fighting in the Venlo district continued for three days.',
    );
    expect(apart.relation).toBeNull();
  });
});

describe('thirteenth session: children among the dead where no civilians were said to be', () => {
  const pair = pairsOn('2091-05-08T12:00:00Z', 5);

  it('"there were no civilians in the building" against "eight of the dead were children"', () => {
    const [r, back] = pair(
      'There were no civilians in the building.',
      'Eight of the dead were children.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
  });
});

describe('thirteenth session: an earlier event of the same kind is another event', () => {
  const pair = pairsOn('2095-02-18T12:00:00Z', 5);

  it('a toll told of the last such accident ("deadliest since ... in 2081, killing 31") is not compared', () => {
    const [r] = pair(
      'Of the 69 people on board, 23 died and 46 survived.',
      "It was the country's deadliest air accident since a Tamsa 620 crashed on take-off at Trelmont in 2081, killing 31 people.",
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('"the 2091 war" against this year\'s exodus: two events, whatever their figures', () => {
    const now =
      "Since Uskaria's offensive in Ulmen ended with the surrender of the region's forces on 21 September, tens of thousands of residents have left for Welsania.";
    const [fewer, back] = pair(
      'During the 2091 war, which ended with that agreement, only about 6,000 residents left the region.',
      now,
    );
    expect(kinds(fewer)).toContain('DIFFERENT_EVENT');
    expect(fewer.relation).toBeNull();
    expect(back.relation).toBeNull();
    // A vague agreement of figures ("about 30,000" / "tens of thousands") does not make two
    // far dates one event misdated.
    const [vague] = pair('About 30,000 people fled Ulmen during the 2091 war.', now);
    expect(kinds(vague)).not.toContain('DATE_MISMATCH');
    expect(vague.relation).toBeNull();
  });

  it('figures of two events dated years apart do not conflict', () => {
    const [r] = pairsOn('2093-11-03T18:00:00Z', 5)(
      'Two miners were killed in the collapse this afternoon.',
      'A methane explosion at Pell-2 killed 23 miners in 2081.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBeNull();
  });

  it('"the search for two more" adds to a count; it is not one', () => {
    const [r] = pairsOn('2093-11-03T18:00:00Z', 5)(
      'Eleven miners were working in the section when the roof fell.',
      'The bodies of two miners were recovered this afternoon, and the search for two more continues.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
  });
});

describe('thirteenth session: lengths of two things, and bounds', () => {
  const pair = pairsOn('2095-02-18T12:00:00Z', 5);

  it('how long a rescue took is not how long the crew fought for the aircraft', () => {
    const [r] = pair(
      'The rescue took more than two hours as boats struggled through ice in the bay.',
      'The crew of flight RK418 fought for 41 seconds to save an aircraft whose left engine had failed.',
    );
    expect(kinds(r)).not.toContain('DURATION_MISMATCH');
    expect(r.relation).toBeNull();
  });

  it('"more than two hours" agrees with "2 hours and 23 minutes"; "within 90 minutes" does not', () => {
    const exact =
      'The rescue lasted 2 hours and 23 minutes, until the last survivor was brought ashore.';
    const [more] = pair(
      exact,
      'The rescue took more than two hours as boats struggled through ice.',
    );
    expect(kinds(more)).toContain('DURATION_AGREEMENT');
    expect(kinds(more)).not.toContain('DURATION_MISMATCH');
    const [within] = pair(exact, 'The rescue was completed within 90 minutes.');
    expect(kinds(within)).toContain('DURATION_MISMATCH');
  });

  it('a bound holds any length, so it agrees only with a length of the same kind of event', () => {
    const [r] = pairsOn('2091-06-09T12:00:00Z', 5)(
      'Since the morning of 7 June, Dorsan artillery has shelled Zarov city for more than 40 hours.',
      'Under the Vell accord of 2049, Halvan troops were required to leave Zarov, but they remained there for six years.',
    );
    expect(kinds(r)).not.toContain('DURATION_AGREEMENT');
    expect(r.relation).not.toBe('CORROBORATES');
  });
});

describe('thirteenth session: what began, what followed, and who only mediated', () => {
  const pair = pairsOn('2094-09-17T12:00:00Z', 5);

  it('the date of what an operation was "launched after" is the earlier event\'s', () => {
    const [r, back] = pairsOn('2094-09-08T12:00:00Z', 5)(
      'On Sunday Rendovia began an offensive against the Rusk enclave, which it described as an anti-terrorist operation.',
      'The operation was launched after militants in Rusk fired mortars at the Rendovian border post at Tavna on the evening of 6 September, wounding three guards.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
    expect(back.relation).not.toBe('CONTRADICTS');
  });

  it('a strike days after the war began is in it, not another date for its start', () => {
    const [r] = pair(
      'Eleven of them were killed when Cendrian artillery struck the Lomna district hospital on the morning of 15 September.',
      'It was Cendria that began this aggression, when its artillery opened fire on Carrow at 04:10 on Tuesday without any provocation.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
    // Two dates for the start itself still conflict.
    const [starts] = pair(
      'Cendria began the offensive on 15 September.',
      'It was Cendria that began this offensive, when its artillery opened fire on Carrow at 04:10 on Tuesday.',
    );
    expect(kinds(starts)).toContain('DATE_MISMATCH');
  });

  it('who brokered a ceasefire did not fight: no actor swap between two accounts of it', () => {
    const [r] = pair(
      'Roughly 48 hours of fighting came to an end when a Liventian-brokered ceasefire took hold on Thursday morning.',
      'The fighting lasted about two days and stopped when a ceasefire brokered by Liventian envoys took effect on Thursday morning.',
    );
    expect(kinds(r)).not.toContain('ACTOR_SWAP');
    expect(kinds(r)).toContain('DURATION_AGREEMENT');
    expect(r.relation).toBe('CORROBORATES');
  });
});

describe('thirteenth session: balanced reports, corrections with the right value, warnings', () => {
  const pair = pairsOn('2094-09-08T12:00:00Z', 5);

  it('"X said P; Y denied it" reports both sides, so it only discusses either', () => {
    const balanced =
      'Rendovia said it had responded to mortar fire on one of its border posts; Rusk denied firing.';
    const [own] = pair(
      'Rendovia started this war: no mortar was fired from Rusk on 6 September, and the story of an attack on the Tavna post is an invention.',
      balanced,
    );
    expect(own.relation).not.toBe('CONTRADICTS');
    const [claim] = pair(
      'The operation was launched after militants in Rusk fired mortars at the Rendovian border post at Tavna on the evening of 6 September, wounding three guards.',
      balanced,
    );
    expect(claim.relation).not.toBe('CONTRADICTS');
  });

  it('"X said P, but the board\'s report found no P" is a balanced report', () => {
    const [r] = pair(
      "The airline said the plane had been hit by sudden wind shear, but the investigation board's preliminary report, published on Wednesday, found no wind shear at the time.",
      'Weather data recorded at Rindholm airport show a westerly wind of 22 km/h and no wind shear at the time of the approach.',
    );
    expect(kinds(r)).not.toContain('DENIAL');
    expect(r.relation).toBe('DISCUSSES');
  });

  it('a correction that gives the right figure conflicts with a third figure', () => {
    const correction =
      'An earlier version of this article incorrectly said that 16 miners were trapped; 14 were.';
    const [third] = pair(
      correction,
      'Eleven miners were trapped in the section when the roof fell.',
    );
    expect(kinds(third)).toContain('QUANTITY_MISMATCH');
    expect(third.relation).toBe('CONTRADICTS');
    const [right] = pair(correction, 'Fourteen miners were trapped underground.');
    expect(right.relation).toBe('CORROBORATES');
    const [wrong] = pair(correction, '16 miners were trapped underground.');
    expect(kinds(wrong)).toContain('CORRECTION');
    expect(wrong.relation).toBe('CONTRADICTS');
  });

  it('"officers warned its occupants three times" is a deed that "no warning was given" denies', () => {
    const [r, back] = pair(
      'Before entering the encampment, officers warned its occupants three times by loudspeaker and gave them 30 minutes to leave.',
      'No warning of any kind was given before officers entered the tents.',
    );
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    // "warned that ..." still reports words.
    expect(
      analyzeStatement('Aid groups warned that food would run out within a week.', ctx).facets
        .attribution?.cue,
    ).toBe('warned');
  });
});

describe('thirteenth session: days of denied deeds, plans and states that changed', () => {
  const pair = pairsOn('2098-04-24T12:00:00Z', 5);
  const denial =
    'The Morva defence forces did not fire on the Pardey border post on 20 April, and the story of that attack was invented to justify the aggression.';

  it('the day of a denied deed is no other date for the fighting', () => {
    const [r] = pair(
      denial,
      'Fighting went on into Wednesday and ended when a Mesvanian-mediated ceasefire came into force that evening.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('"did not fire on the post" is answered only by a deed done to that post', () => {
    const [op] = pair(
      denial,
      'The operation to restore order in the Morva district, which began at 05:30 on 22 April, was completed within nine hours.',
    );
    expect(kinds(op)).not.toContain('NEGATION');
    const [hit] = pair(denial, 'Morva units fired on the Pardey border post with mortars.');
    expect(kinds(hit)).toContain('NEGATION');
  });

  it('a plan for a later day and a deed begun by another are no conflict', () => {
    const [r] = pair(
      'Mesvanian observers will begin monitoring the line of contact on 28 April.',
      'On Tuesday Prastia began an offensive against the disputed district of Morva, which the Prastian defence ministry described as an operation to restore order.',
    );
    expect(kinds(r)).not.toContain('ACTOR_SWAP');
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('a checkpoint closed on one day and a road opened months later is a state that changed', () => {
    const [r] = pairsOn('2095-09-27T12:00:00Z', 5)(
      'Before that, no aid had reached Ulmen by road since 12 December 2094, when Uskarian forces closed the checkpoint to all humanitarian traffic.',
      "The Urzek road, the region's only way out, was opened by Uskaria on Saturday after a blockade of more than nine months.",
    );
    expect(kinds(r)).not.toContain('ANTONYM');
    expect(r.relation).not.toBe('CONTRADICTS');
    const [sameDay] = pair(
      'The crossing was open on 20 April.',
      'The crossing was closed on 20 April.',
    );
    expect(kinds(sameDay)).toContain('ANTONYM');
  });

  it('"many families had none left" says nothing of who left', () => {
    const [r] = pairsOn('2095-09-27T12:00:00Z', 5)(
      "Since Uskaria's offensive in Ulmen ended with the surrender of the region's forces on 21 September, tens of thousands of residents have left for Welsania.",
      'Our teams in Wirsk found that petrol had been almost impossible to buy in the region since the spring, and that many families had none left for the journey to Welsania.',
    );
    expect(kinds(r)).not.toContain('NEGATION');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('a naming in another\'s words ("in what its ministry called ...") leaves the fact the writer\'s', () => {
    const op =
      'The operation to restore order in the Morva district, which began at 05:30 on 22 April, was completed within nine hours.';
    const [called] = pair(
      op,
      'Prastia launched an offensive on the contested Morva district on Tuesday, in what its defence ministry called an operation to restore order.',
    );
    expect(kinds(called)).not.toContain('ATTRIBUTION');
    expect(called.relation).toBe('CORROBORATES');
    const [described] = pair(
      op,
      'On Tuesday Prastia began an offensive against the disputed district of Morva, which the Prastian defence ministry described as an operation to restore order.',
    );
    expect(described.relation).toBe('CORROBORATES');
  });
});

describe('thirteenth session: flows, suspected cases, confirmed deaths', () => {
  const pair = pairsOn('2091-04-09T12:00:00Z', 5);

  it('flows in cubic metres per second compare whatever the verb', () => {
    const [r] = pair(
      'River gauges below the Wendor dam show that releases began at about 19:30 on 7 April and reached 2,400 cubic metres per second by 02:00 on 8 April.',
      'The operator of the Wendor dam upstream released no more than 900 cubic metres of water per second, the governor said.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    // The governor's figure is reported: the gauges only discuss it.
    expect(r.relation).toBe('DISCUSSES');
  });

  it('a figure that "cannot be reconciled" with a record is rejected, not repeated', () => {
    const [r] = pair(
      'To protect the Wendor dam, its operator began controlled releases at 22:00 on 7 April, never exceeding 900 cubic metres per second.',
      "The regional government's figure of 900 cubic metres per second cannot be reconciled with the gauge record.",
    );
    expect(kinds(r)).toContain('REFUTATION_CUE');
    expect(r.relation).not.toBe('CORROBORATES');
  });

  it('"nine people have been confirmed dead" is the writer\'s count; "suspected cases" a category', () => {
    const [r] = pair(
      'At least nine people were killed after the swollen Wexa river broke through a levee at Waltrin early on Sunday.',
      'As of this evening, nine people have been confirmed dead and four are missing.',
    );
    expect(r.relation).toBe('CORROBORATES');
    expect(
      analyzeStatement('As of 9 July, 452 suspected cholera cases have been reported.', ctx).facets
        .hedges,
    ).toEqual([]);
    expect(analyzeStatement('The suspected gunman fled.', ctx).facets.hedges).toEqual([
      'suspected',
    ]);
  });
});

describe('thirteenth session: exclusions, zero counts, mediators, times and written days', () => {
  it('"only military targets were hit" against a hospital struck contradicts it', () => {
    const [r] = pairsOn('2094-09-17T12:00:00Z', 5)(
      'Only military targets were hit, among them firing positions, fuel depots and a command post of the illegal armed formations.',
      "Cendrian shells struck the district hospital in Lomna, the town's water station and dozens of homes.",
    );
    expect(kinds(r)).toContain('EXCLUSION');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('"none of the miners has died" against two miners\' bodies recovered', () => {
    const [r] = pairsOn('2093-11-03T18:00:00Z', 5)(
      'Nine of them have been brought to the surface alive, and none of the miners has died.',
      'The bodies of two miners were recovered this afternoon.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('an undated statement tells of the time it was written: an event years before is another', () => {
    const [r] = pairsOn('2093-11-03T18:00:00Z', 5)(
      'Nine of them have been brought to the surface alive, and none of the miners has died.',
      'A methane explosion at Pell-2 killed 23 miners in 2081.',
    );
    expect(kinds(r)).toContain('DIFFERENT_EVENT');
    expect(r.relation).toBeNull();
  });

  it('a country that mediated is no place apart from where it happened', () => {
    const [r] = pairsOn('2098-09-09T12:00:00Z', 5)(
      'The anti-terrorist operation conducted by Rendovian forces in the Rusk enclave on 7-8 September was completed in 17 hours and 40 minutes.',
      "More than a day of fighting ended on Monday, when the enclave's leaders agreed to a ceasefire mediated by Rovenna.",
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('a crash, a collapse or a raid at two times of one day', () => {
    const [crash] = pairsOn('2097-02-27T12:00:00Z', 5)(
      'Rennick Air flight RK418 came down in Tannis Bay at 18:52 local time on Thursday, 14 February.',
      'The aircraft struck the water of Tannis Bay 2,400 metres short of runway 27 at 18:47 on 14 February.',
    );
    expect(kinds(crash)).toContain('DATE_MISMATCH');
    const [raid] = pairsOn('2096-05-13T12:00:00Z', 5)(
      'At 06:00 on 12 May officers of the Carden Regional Police began clearing the unlawful encampment at Caddon Meadow near Liska.',
      'Police stormed the Caddon Meadow camp shortly before 4 a.m. on Saturday, while most people were asleep in their tents.',
    );
    expect(kinds(raid)).toContain('DATE_MISMATCH');
    expect(raid.relation).toBe('CONTRADICTS');
  });

  it('"into a second day" is no length of one second', () => {
    // It is a day at least (eighteenth session: "into a third day" is two days or more).
    expect(facetsOf('The fighting lasted into a second day.').durations).toEqual([
      { text: 'second day', seconds: 86_400, at: 27 },
    ]);
    expect(facetsOf('The blast lasted a second.').durations.map((d) => d.seconds)).toEqual([1]);
  });
});

describe('thirteenth session: tolls and targets against "only military targets" and the operation', () => {
  const pair = pairsOn('2098-09-09T12:00:00Z', 5);
  const only =
    'Only military objects were hit, among them fortified firing points, fuel depots and a radar post of the illegal armed groups.';

  it('a civilian toll discusses "only military objects were hit" (CIVILIAN_TOLL), without a word shared', () => {
    const [r, back] = pair(
      only,
      'In all, 83 of our people have been killed, 24 of them civilians.',
    );
    expect(kinds(r)).toContain('CIVILIAN_TOLL');
    expect(r.relation).toBe('DISCUSSES');
    expect(back.relation).toBe('DISCUSSES');
    // The classifier is sure of it; shared with no word, the link is kept under the display
    // threshold on new text (THIN_OVERLAP: first runs found such ties right less often).
    expect(r.confidence).toBeGreaterThan(0.6);
    expect(kinds(r)).toContain('THIN_OVERLAP');
    // A toll of fighters is no such thing.
    const [fighters] = pair(only, 'In all, 83 of our fighters have been killed.');
    expect(kinds(fighters)).not.toContain('CIVILIAN_TOLL');
  });

  it('"shells fired from X positions struck the hospital" is an attack on the hospital', () => {
    const [r] = pair(
      only,
      'Shells fired from Rendovian positions struck the Torvel district hospital shortly after midnight on 8 September, killing two medical workers and one patient.',
    );
    expect(r.signals.find((s) => s.kind === 'EXCLUSION')?.right).toBe(
      'the Torvel district hospital',
    );
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('an exclusion a side only reports is discussed, not asserted', () => {
    const [r] = pairsOn('2098-04-23T12:00:00Z', 5)(
      'Only terrorist infrastructure was hit: firing positions, arms depots and a command post of the Morva armed formations.',
      "Morva's council said 47 of its fighters and 19 civilians had been killed, and that Prastian shells had hit the district hospital in Mavrin.",
    );
    expect(kinds(r)).toContain('EXCLUSION');
    expect(r.relation).toBe('DISCUSSES');
  });

  it('the operation against a strike on a market it does not name: a discussion, not a corroboration', () => {
    const measures =
      'Local anti-terrorist measures carried out by Ostrovian units in the Dalen district on 12-13 June achieved their goals within 24 hours.';
    const dalen = pairsOn('2091-06-14T12:00:00Z', 5);
    const [market] = dalen(
      measures,
      'Since Tuesday morning, Ostrovian artillery has hit the Dalen market, the bus station and dozens of homes.',
    );
    expect(kinds(market)).toContain('TARGET_DIFFERS');
    expect(market.relation).toBe('DISCUSSES');
    // The same operation under loaded words still corroborates.
    const [assault] = dalen(
      measures,
      "Ostrovia's army launched an assault on the breakaway Dalen district on Tuesday, calling it anti-terrorist measures.",
    );
    expect(assault.relation).toBe('CORROBORATES');
  });

  it('a report of the same toll discusses it at about the display threshold', () => {
    const [r] = pair(
      "Rusk's authorities said 83 people were killed, 24 of them civilians.",
      'In all, 83 of our people have been killed, 24 of them civilians.',
    );
    expect(r.relation).toBe('DISCUSSES');
    // Such links are right about four times in five on first runs, so the fitted calibration
    // puts them at the threshold; which side of it moves with each refit (0.808 against 0.81
    // in the twenty-fifth session's), not with the rules.
    expect(storedConfidence(r)).toBeGreaterThan(defaultMinConfidence() - 0.05);
  });
});

describe('thirteenth session: what a treaty allows, and when news of an event came', () => {
  it('"has the right to send troops" against "forbids troops to enter" is an antonym', () => {
    const [r] = pairsOn('2098-09-09T12:00:00Z', 5)(
      'Under the Treaty of Ristov of 2071, Rendovia has the right to send troops into the enclave to restore order.',
      'The Treaty of Ristov of 2071 forbids Rendovian troops to enter the enclave under any circumstances.',
    );
    expect(kinds(r)).toContain('ANTONYM');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('the time a report came bounds the event: earlier agrees, later conflicts', () => {
    const pair = pairsOn('2093-11-03T18:00:00Z', 5);
    const notice =
      'At 05:52 on 3 November the duty service received a report of a rock fall in the eastern longwall of the Pell-2 mine.';
    const [before] = pair(
      'The roof of the eastern longwall at Pell-2 fell shortly before 04:00 on Tuesday, as the night shift was ending.',
      notice,
    );
    expect(kinds(before)).not.toContain('DATE_MISMATCH');
    expect(before.relation).not.toBe('CONTRADICTS');
    const [after] = pair(
      'A section of roof in the eastern longwall of the Pell-2 mine collapsed at 06:40 on 3 November, at the start of the morning shift.',
      notice,
    );
    expect(kinds(after)).toContain('DATE_MISMATCH');
  });
});

describe('thirteenth session: after the closing sets', () => {
  const pair = pairsOn('2094-08-20T12:00:00Z', 5);

  it('"X\'s claim that Hirvet was shelled from Hask is a fabrication" denies that Hask shelled Hirvet', () => {
    const [r] = pair(
      "Hadrania's claim that Hirvet was shelled from Hask on 16 August is a fabrication: the first shots of this war were fired by Hadranian artillery.",
      'Terrorists based in Hask shelled the Hadranian border village of Hirvet on the evening of 16 August, wounding three residents.',
    );
    expect(kinds(r)).toContain('DENIAL');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('"in what Hadris described as a counter-terrorist operation" names; the crossing is the writer\'s', () => {
    const [r] = pair(
      "On Tuesday Hadranian troops crossed the border into Kirsovia's Hask district, in what Hadris described as a counter-terrorist operation.",
      "Hadranian forces crossed into Kirsovia's Hask district on Tuesday in a military offensive that Hadris called a counter-terrorist operation.",
    );
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.relation).toBe('CORROBORATES');
  });

  it('fighting that ended on Thursday is no other date for a crossing on Tuesday', () => {
    const [r] = pair(
      'More than 48 hours of fighting ended when a Hestmark-brokered ceasefire came into force on Thursday evening.',
      "Hadranian forces crossed into Kirsovia's Hask district on Tuesday in a military offensive.",
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
  });
});

describe('fourteenth session: opposites of one thing, counts of one group', () => {
  const pair = pairsOn('2097-03-10T12:00:00Z', 5);

  it('"live ammunition" is no opposite of "died"', () => {
    const [r] = pair(
      'Four prisoners died in the fire at the Verl colony on Sunday.',
      'Guards fired live ammunition from the towers of the Verl colony on Sunday.',
    );
    expect(kinds(r)).not.toContain('ANTONYM');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('"exits were open" and "roads were blocked" say opposite things of two things', () => {
    const [r] = pair(
      'All emergency exits of the arena were open throughout the concert.',
      'The first fire engine arrived late after an emergency call because access roads were blocked.',
    );
    expect(kinds(r)).not.toContain('ANTONYM');
    // One thing, opposite states: still an opposite.
    const [same] = pair(
      'The northern gate of the arena was open throughout the concert.',
      'The northern gate of the arena was closed throughout the concert.',
    );
    expect(same.relation).toBe('CONTRADICTS');
  });

  it('two counts of "people" with nothing said of what befell them are two groups', () => {
    const [r] = pair(
      'Ravelco, which employs about 900 people in Tesk, makes paints.',
      'Thirty people in villages downstream have been treated for burns.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
  });

  it('a part of an earlier toll meets a count of its incident, not the toll', () => {
    const [toll] = pair(
      'In all, 140 of our people have been killed, 30 of them civilians.',
      'Seven of them were killed when the market in Ostra was shelled on 3 May.',
    );
    expect(kinds(toll)).not.toContain('QUANTITY_MISMATCH');
    const [incident] = pair(
      'Shells struck the market in Ostra on 3 May, killing nine people.',
      'Seven of them were killed when the market in Ostra was shelled on 3 May.',
    );
    expect(kinds(incident)).toContain('QUANTITY_MISMATCH');
  });

  it('no participants hurt against 60 people injured at the rally is a conflict', () => {
    const [r] = pair(
      'No participants of the rally were injured.',
      'At least 60 people were injured by the police at the rally.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('"at least 190 detained" today is not identified with 312 detained two years ago', () => {
    const [r] = pair(
      'At a rally on the same square on 9 October 2094, police detained 312 people.',
      'At least 190 people were detained, among them two council members.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_AGREEMENT');
    expect(r.relation).toBeNull();
  });
});

describe('fourteenth session: acts, namings, reported figures and causes', () => {
  // Wednesday is 6 May.
  const pair = pairsOn('2099-05-09T12:00:00Z', 5);

  it('"commanders declared a halt" is an act, not a report: its length is the writer\'s', () => {
    const [r] = pair(
      'The anti-terror measures carried out by Dovran units in the Eska district on 6 May were completed in 16 hours.',
      'Dovran commanders declared a halt on Friday morning, after more than two days of fighting.',
    );
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('"in an action the government described as" names the event in its words only', () => {
    const [r] = pair(
      'The counter-terrorist operation carried out by Dovran troops in the Eska district on 6 May was completed in 16 hours.',
      'On Wednesday morning Dovran troops backed by artillery moved into Eska, in an action the Dovran government described as a counter-terrorist operation.',
    );
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.relation).toBe('CORROBORATES');
  });

  it('"only the armed formations were targeted" is excluded by a hospital struck', () => {
    const [r] = pair(
      'Only the armed formations were targeted, while no civilian facility came under fire.',
      'On Wednesday afternoon shells struck the Ilsk district hospital.',
    );
    expect(kinds(r)).toContain('EXCLUSION');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('a figure reported and disputed ("a figure the railway disputed") is discussed', () => {
    const [r] = pair(
      'The train was travelling at 70 km/h, within the 80 km/h limit on the curve.',
      'The Vesk Courier reported that the train had been travelling at more than 110 km/h, a figure the railway disputed.',
    );
    expect(r.relation).toBe('DISCUSSES');
  });

  it('the cause of an operation is not linked to an account of the operation itself', () => {
    const cause =
      'The operation became unavoidable after Eska gunmen fired rockets at the Dovran village of Tarn on 5 May, killing three residents.';
    const [r] = pair(
      cause,
      'Dovra sent troops and artillery into the breakaway Eska district early on Wednesday, in what its government called a counter-terrorist operation.',
    );
    expect(r.relation).toBeNull();
    // A denial of the cause is still about it.
    const [denied] = pair(
      cause,
      'The rockets that fell on Tarn on 5 May were launched by Dovran army units, not by Eska.',
    );
    expect(denied.relation).not.toBeNull();
  });
});

describe('fourteenth session: delays, working parts and thrown stones', () => {
  const pair = pairsOn('2097-03-10T12:00:00Z', 5);

  it('two delays after one thing compare: "within 15 minutes of" / "more than an hour after"', () => {
    const [r] = pair(
      'The first fire engines reached the depot within 15 minutes of the explosion.',
      'The first fire engines arrived more than an hour after the explosion.',
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    // A length that ends at a thing is no delay after it.
    const [len] = pair(
      'The assault on Tesk was completed in 20 hours.',
      'Fighting in Tesk lasted about two days before the ceasefire.',
    );
    expect(kinds(len)).toContain('DURATION_MISMATCH');
  });

  it('a failed part against one working normally, unless they are two parts', () => {
    const [r] = pair(
      'The pump at the Vesk station had failed before the flood.',
      'The pump at the Vesk station was working normally before the flood.',
    );
    expect(kinds(r)).toContain('ANTONYM');
    const [two] = pair(
      'The crew fought to save an aircraft whose left engine had failed.',
      'Seconds later the crew shut down the right engine, which was working normally.',
    );
    expect(kinds(two)).not.toContain('ANTONYM');
  });

  it('"found in good condition" against "were worn" said of one track', () => {
    const [r] = pair(
      'The track on the Tesk curve was found in good condition.',
      'The rails on the Tesk curve were worn well beyond the limit.',
    );
    expect(kinds(r)).toContain('ANTONYM');
  });

  it('"threw stones" against "did not throw a single stone" is a negated deed', () => {
    const [r] = pair(
      'Police moved in after marchers threw stones and bottles at officers.',
      'The marchers did not throw a single stone or bottle.',
    );
    expect(kinds(r)).toContain('NEGATION');
  });
});

describe('fourteenth session: a reported cause against the operation itself', () => {
  // Wednesday is 6 May.
  const pair = pairsOn('2099-05-09T12:00:00Z', 5);

  it('"X said it had responded to mortar fire; Y denied firing" is no account of the offensive', () => {
    const [r] = pair(
      'Dovra said it had responded to mortar fire on one of its border posts on Tuesday night; Eska denied firing.',
      'Dovra launched a military offensive on the breakaway Eska district on Wednesday, calling it an anti-terrorist operation.',
    );
    expect(r.relation).toBeNull();
  });
});

describe('fourteenth session: spans, agreements kept or broken, corrections, earlier months', () => {
  // Tuesday is 9 June 2099, Thursday 11 June.
  const pair = pairsOn('2099-06-12T12:00:00Z', 5);

  it('"from before dawn on Tuesday until Thursday afternoon" holds the Thursday and the Tuesday', () => {
    const span =
      'The shelling of Vesk went on for almost 60 hours, from before dawn on Tuesday until Thursday afternoon.';
    const [end] = pair(span, 'The shelling of Vesk did not stop until Thursday afternoon.');
    expect(kinds(end)).not.toContain('DATE_MISMATCH');
    const [between] = pair(
      'Between 04:10 on 9 June and 15:30 on 11 June, monitors recorded 1,200 explosions in the Vesk enclave.',
      'Dovra launched an offensive on the Vesk enclave before dawn on Tuesday.',
    );
    expect(kinds(between)).not.toContain('DATE_MISMATCH');
  });

  it('an agreement kept against it broken, and a duty against none, are opposites', () => {
    const [kept] = pair(
      'Tesk withdrew its last soldiers from Vesk in 2093, as the Orla ceasefire required.',
      'Tesk has never honoured the Orla ceasefire of 2093, which obliged it to pull its units out of Vesk.',
    );
    expect(kinds(kept)).toContain('ANTONYM');
    expect(kept.relation).toBe('CONTRADICTS');
    const [duty] = pair(
      'Under the Treaty of Marn of 2078, Kesh undertook to keep armed groups away from the border.',
      'The Treaty of Marn of 2078 imposes no duty on Kesh to police armed groups at the border.',
    );
    expect(kinds(duty)).toContain('ANTONYM');
    // Two statements that the agreement was broken agree.
    const [both] = pair(
      'Tesk has never honoured the Orla ceasefire of 2093.',
      'Tesk ignored the Orla ceasefire of 2093 and kept its units in Vesk.',
    );
    expect(kinds(both)).not.toContain('ANTONYM');
  });

  it('"Correction: an earlier version of this article said" is the outlet\'s own voice', () => {
    const [r] = pair(
      'The fire at the Vesk depot broke out at about 21:45 on 7 June.',
      'Correction: an earlier version of this article said the fire broke out on Saturday evening; it broke out at about 21:45 on Sunday.',
    );
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.relation).toBe('CORROBORATES');
  });
});

describe('fourteenth session: one kind of event, nothing of it compared', () => {
  const pair = pairsOn('2099-06-12T12:00:00Z', 5);

  it('"began an offensive" and "strikes hit only military sites" do not corroborate each other', () => {
    const [r] = pair(
      'Before dawn on Tuesday Dovra began an offensive against the breakaway enclave of Vesk.',
      'Strikes were directed exclusively at military sites of the Vesk formations: artillery positions and a fuel depot.',
    );
    expect(r.relation === 'CORROBORATES' && storedConfidence(r) >= defaultMinConfidence()).toBe(
      false,
    );
    // With the day compared, one offensive told twice still corroborates.
    const [dated] = pair(
      'Before dawn on Tuesday Dovra began an offensive against the breakaway enclave of Vesk.',
      'Dovra launched an offensive on the Vesk enclave early on 9 June, calling it a special operation.',
    );
    expect(dated.relation).toBe('CORROBORATES');
  });
});

describe('fourteenth session: a deed one side negates is not confirmed by the day both give', () => {
  it('"no unit fired on Dersk on 16 September" does not corroborate "units shelled Dersk on 16 September"', () => {
    const [r] = pairsOn('2098-09-20T12:00:00Z', 5)(
      "No Tesk unit fired on Dersk on 16 September or on any other day; the village was shelled by Dovra's own artillery.",
      'The measures became necessary after Tesk army units shelled the Dovran border village of Dersk on 16 September, wounding two residents.',
    );
    expect(r.relation === 'CORROBORATES' && storedConfidence(r) >= defaultMinConfidence()).toBe(
      false,
    );
  });
});

describe('sixteenth session: a clock time placed in a part of the day', () => {
  const pair = pairsOn('2093-11-10T12:00:00Z', 5);

  it('"at 06:45 this morning" against "at 06:18 on 10 November" is two times of one day', () => {
    const [r, back] = pair(
      'At 06:45 this morning our passenger ferry was involved in a collision with the cargo vessel Brisk Harrier in Skelling Sound.',
      'At 06:18 on 10 November the passenger ferry and the cargo ship Brisk Harrier collided in Skelling Sound.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DATE_MISMATCH');
      expect(kinds(x)).not.toContain('DATE_AGREEMENT');
    }
    const mismatch = r.signals.find((s) => s.kind === 'DATE_MISMATCH');
    expect([mismatch?.left, mismatch?.right].sort()).toEqual(['06:18', '06:45']);
    // The same moment in the part of the day it falls in still agrees.
    const [same] = pair(
      'At 06:45 this morning our passenger ferry was involved in a collision with the cargo vessel Brisk Harrier in Skelling Sound.',
      'The passenger ferry and the cargo ship Brisk Harrier collided in Skelling Sound at 06:45 on 10 November.',
    );
    expect(kinds(same)).not.toContain('DATE_MISMATCH');
  });

  it('a clock time "this morning" may be before dawn: 03:05 against about 01:20 of one day', () => {
    const [r] = pair(
      'Mirvale General Hospital was bombed at about 01:20 on Tuesday 10 November.',
      'At 03:05 this morning, aircraft of the Vessalian Air Wing bombed the Mirvale General Hospital building.',
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('a day inside a long open period is not dated by it; a period from the same day is', () => {
    const on = pairsOn('2093-07-14T12:00:00Z', 5);
    const [r] = on(
      'This is the fourth attack on a health facility in the Mirvale district since January.',
      'At 03:05 this morning, aircraft of the Vessalian Air Wing bombed the Mirvale General Hospital building.',
    );
    expect(kinds(r)).not.toContain('DATE_AGREEMENT');
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    const [same] = on(
      'The Brisk crossing has been kept closed by Vardenian troops since the morning of 9 July.',
      'The Brisk crossing was closed to civilians from 9 to 12 July, and at least 600 people waited.',
    );
    expect(kinds(same)).toContain('DATE_AGREEMENT');
  });

  it('counts worded apart: people found alive, all accounted for against some missing', () => {
    const on = pairsOn('2093-11-10T12:00:00Z', 5);
    const [rescued] = on(
      'Search and rescue teams pulled 11 people alive from the rubble.',
      'Rescuers pulled 14 people alive from the rubble, and 31 people were taken to hospital.',
    );
    expect(kinds(rescued)).toContain('QUANTITY_MISMATCH');
    expect(rescued.relation).toBe('CONTRADICTS');
    const [missing] = on(
      'All passengers were accounted for and have been brought ashore at Vardenport.',
      "Three people remain missing: two passengers and one member of the ferry's crew.",
    );
    expect(kinds(missing)).toContain('QUANTITY_MISMATCH');
    expect(missing.relation).toBe('CONTRADICTS');
  });

  it('"only military targets ... and not a single civilian was harmed" excludes a hospital struck', () => {
    const on = pairsOn('2096-10-11T12:00:00Z', 5);
    const only =
      'Only military targets were hit, among them artillery emplacements, ammunition stores and a command post, and not a single civilian was harmed.';
    // "a command post," is a target, not a command that posted something.
    expect(facetsOf(only).attribution).toBeNull();
    const [r] = on(
      only,
      'Four of the dead were killed when two shells struck the surgical block of Sennet Central Hospital.',
    );
    expect(kinds(r)).toContain('EXCLUSION');
    expect(r.relation).toBe('CONTRADICTS');
    const [delivered] = on(
      'Strikes were delivered exclusively at military installations of the illegal armed formations, and the civilian population was not affected.',
      'At about 20:15 on 15 October, Maravian artillery shells struck the Linden Street School and the water pumping station in Ostrin.',
    );
    expect(kinds(delivered)).toContain('EXCLUSION');
    // A negation of the targets themselves still undoes the exclusion.
    const [undone] = on(
      'Only military targets were hit, and no school was struck.',
      'Shells struck the Linden Street School in Ostrin.',
    );
    expect(kinds(undone)).not.toContain('EXCLUSION');
  });

  it("a naming's figure is theirs, the rest of the sentence the writer's when it gives its own", () => {
    const mixed = analyze(
      'Troops moved on Hask at first light on Tuesday, in an action Olmek described as a one-day operation, and roughly 48 hours of fighting followed.',
    );
    expect(mixed.named).not.toBeNull();
    expect(mixed.attributions).toEqual([]);
    // With the named figure the sentence's only one, the figure and the sentence are reported.
    const only = analyze('Troops moved on Hask in what Olmek called a one-day operation.');
    expect(only.named).toBeNull();
    expect(only.attributions.length).toBeGreaterThan(0);
    const on = pairsOn('2096-10-11T12:00:00Z', 5);
    const [r] = on(
      'Troops moved on Hask at first light on Tuesday, in an action Olmek described as a one-day operation, and roughly 48 hours of fighting followed.',
      'The fighting in Hask lasted two days.',
    );
    expect(kinds(r)).not.toContain('ATTRIBUTION');
    expect(r.signals.find((s) => s.kind === 'DURATION_AGREEMENT')?.left).toBe('48 hours');
  });

  it('"completed ..., 21 hours and 20 minutes after they started" is the length of the measures', () => {
    const on = pairsOn('2096-10-11T12:00:00Z', 5);
    const done =
      'The local anti-terrorist measures in the Hask region were completed at 03:10 this morning, 21 hours and 20 minutes after they started.';
    const [r] = on(done, 'The fighting in Hask lasted two days.');
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    // Beside a naming's length, which is another's, the writer's own length still decides.
    const [mixed] = on(
      done,
      'Troops moved on Hask at first light on Tuesday, in an action Olmek described as a one-day anti-terrorist operation, and roughly 48 hours of fighting followed.',
    );
    expect(mixed.relation).toBe('CONTRADICTS');
    expect(mixed.signals.find((s) => s.kind === 'DURATION_MISMATCH')?.right).toBe('48 hours');
  });

  it('"not seriously damaged" negates the damage, not every serious thing', () => {
    const on = pairsOn('2093-11-11T12:00:00Z', 5);
    const [people] = on(
      'The Brisk Harrier, with 14 crew aboard, was not seriously damaged and is at anchor off Vardenport.',
      'Four of the 27 people taken to hospital in Vardenport were seriously hurt.',
    );
    expect(kinds(people)).not.toContain('NEGATION');
    const [ship] = on(
      'The Brisk Harrier was not seriously damaged.',
      'The Brisk Harrier was seriously damaged in the collision.',
    );
    expect(kinds(ship)).toContain('NEGATION');
  });

  it('calling false a claim with a negation agrees with the negated thing stated', () => {
    const on = pairsOn('2093-11-11T12:00:00Z', 5);
    const [r, back] = on(
      'A fog warning for the Sound had been broadcast at 04:30.',
      "The company's claim that the fog came down without warning is also false: the coast guard broadcast a fog warning for the Sound at 04:30.",
    );
    for (const x of [r, back]) {
      expect(kinds(x)).not.toContain('NEGATION');
      expect(x.relation).not.toBe('CONTRADICTS');
    }
  });

  it('a window "began at 01:21 and ended at 01:36, not at 03:05 as X stated" against 03:05', () => {
    const on = pairsOn('2093-07-14T12:00:00Z', 5);
    const [r] = on(
      'The videos show that the attack began at 01:21 and ended at 01:36 local time on 14 July, not at 03:05 as the Vessalian command stated.',
      'At 03:05 this morning, aircraft of the Vessalian Air Wing bombed the Mirvale General Hospital building.',
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    // A time inside the window agrees.
    const [inside] = on(
      'The videos show that the attack began at 01:21 and ended at 01:36 local time on 14 July.',
      'At 01:30 this morning, aircraft of the Vessalian Air Wing bombed the Mirvale General Hospital building.',
    );
    expect(kinds(inside)).not.toContain('DATE_MISMATCH');
  });

  it('"lasted" (went on) is no opposite of "first"', () => {
    const on = pairsOn('2093-07-14T12:00:00Z', 5);
    const [r] = on(
      'Thirty-eight patients were being treated in the building when the first strike hit.',
      'The hospital was hit twice in an attack that lasted almost half an hour.',
    );
    expect(kinds(r)).not.toContain('ANTONYM');
    expect(kinds(r)).not.toContain('WORD_SUBSTITUTION');
    const [last] = on(
      'The first convoy reached Tarsk on Monday.',
      'The last convoy reached Tarsk on Monday.',
    );
    expect(kinds(last)).toContain('ANTONYM');
  });

  it('two tolls of one named incident compare: "killing 11" / "seven of the dead ... when"', () => {
    const on = pairsOn('2096-04-11T12:00:00Z', 5);
    const school =
      'Seven of the dead were killed at about 18:40 on 10 April, when a shell struck School No. 2 in Dannor.';
    const [r] = on(
      'On Tuesday evening an Osmerian shell struck School No. 2 in Dannor, killing 11 people who had taken shelter there.',
      school,
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
    // Not the whole war's toll.
    const [toll] = on('Osmerian fire killed 38 people in Vesk, 23 of them civilians.', school);
    expect(kinds(toll)).not.toContain('QUANTITY_MISMATCH');
  });

  it('two "about" times two hours apart are two moments; a ceasefire respected against a breach of it', () => {
    const on = pairsOn('2093-10-10T13:00:00Z', 5);
    const [times] = on(
      "The explosions in Weavers' Square in Pelmora happened at about 11:30 this morning.",
      "The blasts in Weavers' Square in Pelmora began at about 09:40 on Saturday.",
    );
    expect(kinds(times)).toContain('DATE_MISMATCH');
    const [near] = on(
      "The explosions in Weavers' Square in Pelmora happened at about 11:30 this morning.",
      "The blasts in Weavers' Square in Pelmora began at about 11:50 on Saturday.",
    );
    expect(kinds(near)).not.toContain('DATE_MISMATCH');
    const [kept] = on(
      'Vastrenia has respected every term of the ceasefire of 2 September.',
      'This attack is a flagrant breach of the ceasefire that both governments signed on 2 September.',
    );
    expect(kinds(kept)).toContain('ANTONYM');
    expect(kept.relation).toBe('CONTRADICTS');
  });

  it('a period bounded by two days against a length: "from Tuesday morning until late on Thursday"', () => {
    const on = pairsOn('2096-11-16T14:00:00Z', 5);
    const [r] = on(
      'Sarvenian artillery shelled Ustrava from Tuesday morning until late on Thursday.',
      'The shelling of Ustrava by Sarvenian artillery lasted 26 hours and 35 minutes.',
    );
    const m = r.signals.find((s) => s.kind === 'DURATION_MISMATCH');
    expect(m?.left).toBe('Tuesday morning until late on Thursday');
    expect(m?.right).toBe('26 hours and 35 minutes');
    expect(r.relation).toBe('CONTRADICTS');
    const [fits] = on(
      'The shelling of Vesk went on from Monday evening until Tuesday morning.',
      'The shelling of Vesk lasted about 12 hours.',
    );
    expect(kinds(fits)).toContain('DURATION_AGREEMENT');
    // A window a count was made in is no length of the event.
    const [window] = on(
      'Between 12 and 15 November monitors documented 40 deaths from the shelling of Ustrava.',
      'The shelling of Ustrava by Sarvenian artillery lasted 26 hours and 35 minutes.',
    );
    expect(kinds(window)).not.toContain('DURATION_MISMATCH');
  });
});

describe('seventeenth session: moments, spans, parts of a toll, ages', () => {
  // Friday 15 June 2096: "this morning" is Friday, "last night" Thursday.
  const pair = pairsOn('2096-06-15T18:00:00Z', 5);

  it('a clock time "this morning" against a clock time on the written day before cannot meet', () => {
    const [r, back] = pair(
      'A leak of crude oil began at about 06:15 this morning at our terminal in Varrow.',
      'The leak at the terminal in Varrow began at 23:50 on Thursday 14 June.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DATE_MISMATCH');
      expect(kinds(x)).not.toContain('DATE_AGREEMENT');
    }
    // Late last night is that Thursday: about 23:45 and 23:50 are one moment.
    const [same] = pair(
      'A leak of crude oil began at about 23:45 last night at our terminal in Varrow.',
      'The leak at the terminal in Varrow began at 23:50 on Thursday 14 June.',
    );
    expect(kinds(same)).not.toContain('DATE_MISMATCH');
  });

  it("a day between a statement's two dated ends is inside its event, not another date", () => {
    // Wednesday 11 March 2093 to Friday 13 March; the strike is on the 12th.
    const on = pairsOn('2093-03-14T10:00:00Z', 5);
    const [r, back] = on(
      'Before dawn on Wednesday Dovrin launched an assault on the Kell valley, and the fighting went on until a truce took hold on Friday evening.',
      'Four of the dead were killed when Dovrinian shells struck the Kell market at about 08:15 on 12 March.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('DATE_MISMATCH');
  });

  it("one strike's dead are part of a larger toll, not a conflict with it; a smaller toll is", () => {
    const [r, back] = pair(
      'Monitors who reached Sorrel Mill verified that eight civilians were killed by the shell that hit the market.',
      'In all, the shelling killed 31 civilians across the district.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('QUANTITY_MISMATCH');
    const [smaller] = pair(
      'Monitors who reached Sorrel Mill verified that eight civilians were killed by the shell that hit the market.',
      'In all, the shelling killed five civilians across the district.',
    );
    expect(kinds(smaller)).toContain('QUANTITY_MISMATCH');
    // Two counts of the one strike are compared.
    const [same] = pair(
      'Monitors who reached Sorrel Mill verified that eight civilians were killed by the shell that hit the market.',
      'At 11:20 a shell struck the crowded market in Sorrel Mill, killing 14 civilians.',
    );
    expect(kinds(same)).toContain('QUANTITY_MISMATCH');
  });

  it("a named person's age is no count; a toll that is 19 still is", () => {
    const age = facetsOf(
      'One of the dead, Pavel Orrin, was 19 and had been held on remand for four months.',
    ).quantities;
    expect(age.map((q) => q.value)).not.toContain(19);
    expect(facetsOf('Aged 19, he had been held for four months.').quantities).toEqual([]);
    const toll = facetsOf('The number of detainees who died was 19, the coroner said.').quantities;
    expect(toll.map((q) => q.value)).toContain(19);
  });

  it('a group broken down by cause gives parts, not totals', () => {
    const [q] = facetsOf(
      'Two of the men died from gunshot wounds; the others died from smoke inhalation.',
    ).quantities;
    expect(q?.partOfEarlier).toBe(true);
    const [whole] = facetsOf('Two of the detainees died in the fire.').quantities;
    expect(whole?.partOfEarlier).toBeUndefined();
    const [r] = pair(
      'Two of the men died from gunshot wounds; the others died from smoke inhalation.',
      'At least six men died in the prison that night.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
  });

  it("a dateline's day fixes the source's relative days exactly", () => {
    // Published at 01:00 UTC on 11 June, datelined 10 June: "this evening" is 10 June.
    const text =
      'KARDEN, 10 June. A ceasefire was agreed this evening through the mediation of Salmore. ' +
      'Kardunian units will open fire only in response to attacks.';
    const first = extractClaims(text, {
      publishedAt: new Date('2098-06-11T01:00:00Z'),
    }).find((c) => c.text.includes('ceasefire'));
    const day = first!.facets.dates.find((d) => d.text === 'this evening');
    expect(day).toMatchObject({ start: '2098-06-10', anchored: true });
    const other = publishedOn('2098-06-12T12:00:00Z')(
      'A ceasefire agreed late on Wednesday 11 June took effect at 06:00 on Thursday.',
    );
    const ceasefire: StatementView = { text: first!.text, facets: first!.facets, sourceSize: 5 };
    const r = clf.classify(ceasefire, { ...other, sourceSize: 5 });
    expect(kinds(r)).not.toContain('DATE_AGREEMENT');
    // Without a dateline the same words may be a day off, and agree.
    const [plain] = extractClaims(
      'A ceasefire was agreed this evening through the mediation of Salmore. Kardunian units will open fire only in response to attacks.',
      { publishedAt: new Date('2098-06-11T01:00:00Z') },
    );
    expect(plain!.facets.dates[0]?.anchored).toBeUndefined();
  });

  it("a side's unknown adjective before its artillery names that side", () => {
    const actors = facetsOf(
      'Veldoran artillery shelled the Orm valley before dawn on Monday.',
    ).actors;
    expect(actors.find((a) => a.key === 'veldoran')?.role).toBe('agent');
  });
});

describe('eighteenth session: periods worded apart, corrections of a time, parts of a group', () => {
  // Friday 20 April 2096.
  const pair = pairsOn('2096-04-20T12:00:00Z', 6);

  it('"two and a half days" is a length, and "went on until X, N later" is the event\'s', () => {
    const lengths = facetsOf('The siege lasted two and a half days.').durations;
    expect(lengths.map((d) => d.seconds)).toEqual([216_000]);
    expect(facetsOf('It took one and a half hours.').durations[0]?.seconds).toBe(5_400);
    const [r, back] = pair(
      'The security measures in the Orm district were completed at 02:10 this morning, 19 hours and 30 minutes after they started.',
      'The bombardment of the Orm district went on until Thursday evening, more than two and a half days later, when a truce took hold.',
    );
    for (const x of [r, back]) expect(kinds(x)).toContain('DURATION_MISMATCH');
  });

  it('a window with a clock time at each end is how long the event went on', () => {
    const [r, back] = pair(
      'The security measures in the Orm district were completed at 02:10 this morning, 19 hours and 30 minutes after they started.',
      'Between 06:40 on 17 April and 19:55 on 19 April, monitors recorded 1,200 artillery and rocket impacts in the Orm district.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DURATION_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // A window of days alone is when a count was made, not how long anything lasted.
    const [days] = pair(
      'The security measures in the Orm district were completed in 19 hours and 30 minutes.',
      'Between 17 and 19 April, monitors recorded 1,200 artillery and rocket impacts in the Orm district.',
    );
    expect(kinds(days)).not.toContain('DURATION_MISMATCH');
  });

  it('a period and a length of one kind of event conflict though they share no word', () => {
    // Tuesday 14 October 2104.
    const pair = pairsOn('2104-10-14T08:00:00Z', 6);
    const length =
      'The measures were completed at 00:35 this morning, 19 hours and 40 minutes after they started.';
    const [r, back] = pair(
      length,
      'Between 04:58 on 13 October and 14:07 on 15 October, monitors recorded 1,860 artillery and rocket impacts.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DURATION_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // "For N, ... went on": the length of what went on.
    const [opening] = pair(
      length,
      'For about two and a half days, from before dawn on Monday until the ceasefire on Wednesday afternoon, the aggression against our republic went on without pause.',
    );
    expect(kinds(opening)).toContain('DURATION_MISMATCH');
  });

  it("the day an event began is the first day of the other side's period: the same start", () => {
    const period =
      'The Orvan bombardment of our region lasted from 05:10 on Tuesday until 19:55 on Thursday, when the ceasefire took effect.';
    const began = (when: string) =>
      `Orvan forces began shelling the breakaway Orm region ${when}, in an assault that the Orvan government called local counter-terrorism measures.`;
    const sameStart = (x: RelationResult) =>
      x.signals.some((s) => s.kind === 'DATE_AGREEMENT' && s.detail.startsWith('The same start'));
    const [r, back] = pair(began('before dawn on Tuesday'), period);
    for (const x of [r, back]) {
      expect(sameStart(x)).toBe(true);
      expect(x.relation).toBe('CORROBORATES');
    }
    // A start a day later is inside the period, not its start; so is an evening start.
    for (const when of ['before dawn on Wednesday', 'late on Tuesday evening']) {
      const [other] = pair(began(when), period);
      expect(sameStart(other)).toBe(false);
    }
  });

  it('with several dates on a side, the one next to the shared words dates the event', () => {
    // Published Saturday 12 June 2098, datelined 10 June: "this evening" is 10 June.
    const text =
      'SELMA, 10 June. A truce was agreed this evening with the help of Norvan envoys. ' +
      'Units will fire only in response to attacks.';
    const first = extractClaims(text, { publishedAt: new Date('2098-06-11T01:00:00Z') }).find((c) =>
      c.text.includes('truce'),
    );
    const own: StatementView = { text: first!.text, facets: first!.facets, sourceSize: 5 };
    const other = (t: string): StatementView => ({
      ...publishedOn('2098-06-12T12:00:00Z')(t),
      sourceSize: 5,
    });
    const r = clf.classify(
      own,
      other(
        'A truce agreed late on Wednesday with Norvan envoys took effect at 06:00 on Thursday.',
      ),
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    // The day of the thing a plan names ("the truce agreed ... on 11 June") is no plan's day.
    const planned = clf.classify(
      own,
      other(
        'Selma will respect the truce agreed with Norvan envoys shortly before midnight on 11 June.',
      ),
    );
    expect(kinds(planned)).toContain('DATE_MISMATCH');
  });

  it('a correction of a clock time judges the other side by its time, not by the day', () => {
    // Thursday 15 May 2104; the shooting was on Monday 12 May.
    const on = pairsOn('2104-05-15T12:00:00Z', 6);
    const correction =
      "Correction: A report in Tuesday's Herald incorrectly said that the patrol came under fire at 07:05 on Monday; the shooting began shortly after 04:15.";
    const [right] = on(
      correction,
      'On 12 May the observers recorded an exchange of fire at the pass between 04:17 and 04:29.',
    );
    expect(kinds(right)).toContain('CORRECTION_CONSISTENT');
    expect(kinds(right)).not.toContain('CORRECTION');
    const [wrong] = on(
      correction,
      'The patrol came under fire at about 07:00 on Monday at the pass.',
    );
    expect(kinds(wrong)).toContain('CORRECTION');
    // A side that gives only the day is not what the correction rejects; the day of an edition
    // ("Tuesday's Herald") dates nothing, and the paper is no actor.
    const [day] = on(
      correction,
      "Monday's shooting at the patrol in the pass was a deliberate provocation.",
    );
    expect(kinds(day)).not.toContain('CORRECTION');
    expect(kinds(day)).not.toContain('DATE_MISMATCH');
    expect(facetsOf(correction).actors.find((a) => a.key === 'herald')?.role).not.toBe('agent');
  });

  it('a correction whose right day the other side gives agrees with it', () => {
    const on = pairsOn('2103-11-16T12:00:00Z', 6);
    const [r, back] = on(
      'Correction: An earlier version of this story incorrectly said that the tunnel roof fell early on Tuesday; seismic records place the fall at 23:41 on Monday.',
      'The tunnel roof caved in late on Monday night, not on Tuesday morning as the company claims.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('CORRECTION_CONSISTENT');
      expect(x.relation).not.toBe('CONTRADICTS');
    }
  });

  it("a time with no day of its own is a time of the same event's day", () => {
    const [r, back] = pair(
      'A border incident involving an Orvan patrol took place in the Kell Pass, near border marker 47, at about 04:20 this morning.',
      'At 07:05 the Orvan patrol came under automatic fire in the Kell Pass near border marker 47.',
    );
    for (const x of [r, back]) expect(kinds(x)).toContain('DATE_MISMATCH');
    // A bound ("by 08:00") is no moment, and a later step of one incident ("34 minutes after
    // the first call") is no other time for the first.
    const [bound] = pair(
      'Floating booms were in place on the Kell river by 08:00 near the Orvan depot.',
      'Floating booms were laid on the Kell river at 11:30 near the Orvan depot.',
    );
    expect(kinds(bound)).not.toContain('DATE_MISMATCH');
    const [step] = pair(
      'The first ambulance reached the Kell stadium at 22:49, 34 minutes after the first emergency call.',
      'The first emergency call from the Kell stadium was received at 22:15.',
    );
    expect(kinds(step)).not.toContain('DATE_MISMATCH');
  });

  it('a numbered site names its place: "the Ardenza-2 plant" is in Ardenza', () => {
    const [r, back] = pair(
      'Shortly before midnight on Saturday Orvan drones struck the Kellin-2 power plant in the Marsh district, setting its tanks on fire.',
      'Orvan drones struck the main power station of Kellin, a city near the front line, late on Saturday.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DATE_AGREEMENT');
      expect(x.relation).toBe('CORROBORATES');
    }
  });

  it('"into a third day" and "three nights" are lengths; a blackout in a district is the city\'s', () => {
    const [third] = facetsOf('The shelling ran into a third day.').durations;
    expect(third).toMatchObject({ text: 'third day', seconds: 172_800 });
    expect(
      facetsOf('Power came back after three nights without light.').durations[0]?.seconds,
    ).toBe(259_200);
    const [r, back] = pair(
      'In parts of the city the blackout stretched into a third day, and some homes in the Marsh district were reconnected only on Tuesday morning.',
      'Supply was restored to the last customers in Kellin at 05:10 on Monday, 29 hours and 23 minutes after the outage began.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DURATION_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // Two days of mourning are no length of the fighting.
    const [mourning] = pair(
      'The shelling of the Orm district began before dawn on Monday and ran into a third day.',
      'Two days of mourning are declared in the Orm district.',
    );
    expect(kinds(mourning)).not.toContain('DURATION_AGREEMENT');
    expect(kinds(mourning)).not.toContain('DURATION_MISMATCH');
  });

  it("a side's land names a side of one border, not another place", () => {
    const [r, back] = pair(
      'The armed patrol crossed the border and advanced 400 metres into Maltan territory before it opened fire on the post.',
      'The mission found no evidence that the patrol had crossed the border: the cartridge cases lay 280 metres south of the line, on Orvan territory.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DENIAL');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('parts of a group: a breakdown after a colon, "the last three", people named by trade', () => {
    const qs = facetsOf(
      'Twelve workers were trapped below ground: nine employees of the company and three contract drillers.',
    ).quantities;
    expect(qs.filter((q) => q.partOfEarlier).map((q) => q.value)).toEqual([9, 3]);
    expect(qs.find((q) => q.value === 12)?.partOfEarlier).toBeUndefined();
    const [last] = facetsOf(
      'Rescuers brought the last three trapped miners to the surface.',
    ).quantities;
    expect(last?.partOfEarlier).toBe(true);
    // Men and miners trapped are one group; people and laptops seized are not.
    const [men] = pair(
      'Nine miners were trapped by the fall of rock.',
      'Twelve men were trapped, not nine.',
    );
    expect(kinds(men)).toContain('QUANTITY_MISMATCH');
    const [things] = pair(
      'Officers seized six laptops at the newspaper in March.',
      'Two people were detained during the search of the newspaper.',
    );
    expect(kinds(things)).not.toContain('QUANTITY_MISMATCH');
  });

  it("two bounds the same way agree only when near; an earlier event's length is not compared", () => {
    const [apart] = pair(
      'Officers took more than three and a half hours to clear the occupied building.',
      'The occupation of the building had lasted more than three weeks.',
    );
    expect(kinds(apart)).not.toContain('DURATION_AGREEMENT');
    const [earlier] = pair(
      'It was the worst fighting in the Orm district since an Orvan operation in May 2095 that lasted four days.',
      'Some two and a half days of fighting in the Orm district ended on Friday evening with a truce.',
    );
    expect(kinds(earlier)).not.toContain('DURATION_MISMATCH');
  });

  it('"not the first provocation of its kind" negates nothing', () => {
    expect(facetsOf('This is not the first provocation of its kind.').negations).toEqual([]);
    expect(analyze('This is not the first provocation of its kind.').negations).toEqual([]);
  });
});

describe('nineteenth session: whose voice, parts of a whole, times of a night', () => {
  // Wednesday 12 May 2100.
  const pair = pairsOn('2100-05-12T12:00:00Z', 6);
  const voiceIn = (text: string, publisher: string) =>
    analyzeStatement(text, { publishedAt: new Date('2100-05-12T12:00:00Z'), publisher }).facets
      .attribution;

  it("a naming in another's words in the present tense leaves the sentence the writer's", () => {
    const text =
      'Before dawn on Monday Varnia opened fire on the Telsk valley, an assault its government describes as a security operation.';
    expect(facetsOf(text).attribution).toBeNull();
    const [r, back] = pair(
      text,
      'Varnian forces began shelling the Telsk valley before dawn on Monday.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('ATTRIBUTION');
  });

  it("records the writer cites are its own evidence; a named owner's are reported", () => {
    expect(
      facetsOf('Crater analysis indicates that the rounds came from the north.').attribution?.self,
    ).toBe(true);
    expect(
      facetsOf('Footage from two cameras on the square shows that the shells landed at 10:14.')
        .attribution?.self ?? true,
    ).toBe(true);
    expect(
      facetsOf('Ministry data show that the rounds came from the north.').attribution?.self,
    ).toBeFalsy();
  });

  it("a side's own state body in its state outlet speaks for the outlet, another side's does not", () => {
    const own =
      'The operation ended at 07:05 this morning after 27 hours and 25 minutes, the General Staff said.';
    expect(voiceIn(own, 'Brannic State Information Agency')?.self).toBe(true);
    expect(voiceIn(own, 'Malvorian Telegraph Agency')?.self).toBe(true);
    // A wire is no side, and another side's government is quoted.
    expect(voiceIn(own, 'Northline Press Agency')?.self).toBeFalsy();
    expect(
      voiceIn(
        "Lutha's government said 44 people had been killed.",
        'Brannic State Information Agency',
      )?.self,
    ).toBeFalsy();
  });

  it('a count at one hospital is part of a count taken to hospitals: no conflict when smaller', () => {
    const [r, back] = pair(
      'Sixty survivors were taken to hospitals in Orm and Kesh.',
      'Orm District Hospital has treated 41 survivors of the fire.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('QUANTITY_MISMATCH');
    // The same hospital named on both sides: two counts of one thing.
    const [same] = pair(
      'Orm District Hospital treated 29 survivors of the fire.',
      'Orm District Hospital has treated 41 survivors of the fire.',
    );
    expect(kinds(same)).toContain('QUANTITY_MISMATCH');
  });

  it("one strike's toll is part of a whole region's", () => {
    const [r, back] = pair(
      'The strike on the dormitory of the Orm college killed nine civilians.',
      'Forty-four people have been killed in the enclave, twenty-nine of them civilians.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('QUANTITY_MISMATCH');
  });

  it('"into a third day" is past two days and short of three', () => {
    const [d] = facetsOf('The shelling went on into a third day.').durations;
    const range = lengthRange('The shelling went on into a third day.', d!);
    expect(range.lo).toBe(2 * 86_400);
    expect(range.hi).toBe(3 * 86_400);
  });

  it("a person's span in a relative clause is not the event's length", () => {
    const [r, back] = pair(
      'The shelling of the eastern districts went on for about two days.',
      'The nurses of the district hospital, who have worked through two nights without rest, treated 40 wounded.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('DURATION_AGREEMENT');
  });

  it('"last week" and "lost their lives" oppose nothing', () => {
    const [week] = pair(
      'The truce was agreed in Amsel last week.',
      'The first shell struck the market 34 hours into the truce.',
    );
    expect(kinds(week)).not.toContain('ANTONYM');
    const [lives] = pair(
      'Nine people died when the shell hit the dormitory in Orm.',
      'Forty people have lost their lives in Orm since the shelling began.',
    );
    expect(kinds(lives)).not.toContain('ANTONYM');
  });

  it('a fire before midnight and one at 01:30 the next morning are two times; its end is none', () => {
    const monday = publishedOn('2100-05-10T09:00:00Z');
    const sunday = publishedOn('2100-05-09T13:00:00Z');
    const started = monday(
      'The fire started in the engine room at about 23:45 on Saturday, and the rescue service received the first call at 23:52.',
    );
    const broke = sunday('A fire broke out on board at about 01:30 this morning.');
    for (const r of [clf.classify(started, broke), clf.classify(broke, started)]) {
      expect(kinds(r)).toContain('DATE_MISMATCH');
      expect(r.relation).toBe('CONTRADICTS');
    }
    const ended = sunday(
      'Crews fought the blaze for ten hours before putting it out at 09:40 on Sunday.',
    );
    expect(kinds(clf.classify(broke, ended))).not.toContain('DATE_MISMATCH');
  });

  it('a length told of "since <a time>, when ..." is the earlier event\'s', () => {
    const [r, back] = pair(
      'Lutha has not seen fighting this heavy since May 2094, when an offensive went on for four days.',
      'The offensive in Lutha lasted 27 hours.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('DURATION_MISMATCH');
  });

  it('"contrary to what X claims" is the writer setting X right', () => {
    const [r, back] = pair(
      'Contrary to what the ministry claims, the first rescue team reached Orm at 15:30, more than 30 hours after the quake.',
      'The first rescue teams of the ministry reached Orm within two hours of the quake.',
    );
    for (const x of [r, back]) expect(x.relation).toBe('CONTRADICTS');
  });

  it('the relation does not depend on which side is read first', () => {
    const police = publishedOn('2100-11-13T18:00:00Z')(
      'Officers of the Orm City Police carried out a lawful search of the offices of the Orm Herald between 10:30 and 12:15 on 13 November.',
    );
    const prosecutor = publishedOn('2100-11-14T10:00:00Z')(
      'At the request of this office, a judge of the Orm District Court issued a warrant on 8 November to search the offices of the Orm Herald.',
    );
    expect(clf.classify(police, prosecutor).relation).toBe(
      clf.classify(prosecutor, police).relation,
    );
  });
});

describe('nineteenth session: counts, years and voices on first runs', () => {
  // Thursday 5 May 2112.
  const pair = pairsOn('2112-05-05T12:00:00Z', 6);
  const at = (iso: string, publisher?: string) => (text: string) =>
    analyzeStatement(text, { publishedAt: new Date(iso), publisher }).facets;

  it('a year of the 2100s is a date, not a count', () => {
    const f = facetsOf('It used the same words in 2104, in a war that killed 212 civilians.');
    expect(f.dates.map((d) => d.text)).toEqual(['2104']);
    expect(f.quantities.map((q) => q.text)).toEqual(['212']);
  });

  it('a rate and the first end of a range of lengths are no counts', () => {
    const f = facetsOf(
      'Camps take in about 300,000 children each summer, most of them in sessions of two or three weeks.',
    );
    expect(f.quantities).toEqual([]);
  });

  it('the speaker stands before its relative clause; a figure given is a report', () => {
    expect(
      facetsOf(
        'Greenhollow Leisure, which runs the camp, said the first children fell ill late on Sunday.',
      ).attribution?.speaker,
    ).toBe('Greenhollow Leisure');
    expect(
      facetsOf("Carvenna's defence ministry gave a higher toll of three dead and six wounded.")
        .attribution,
    ).not.toBeNull();
  });

  it('"the civilian population of the enclave was not affected" counts no civilian harmed', () => {
    const [r, back] = pair(
      'Only legitimate military targets of the armed formations were struck, and the civilian population of the enclave was not affected.',
      'Thirty-four civilians have been killed in the enclave, nine of them children.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it("a figure named to be set right is the other side's, not the writer's", () => {
    const [r, back] = pair(
      'By this morning our hospitals had registered 109 dead across the province, not the 64 announced by the Ministry.',
      'As of 08:00 today, 64 people have died in the province.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).not.toContain('QUANTITY_AGREEMENT');
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
    }
  });

  it("a document's year dates its signing, not what was done under it", () => {
    const [r, back] = pair(
      'The Dunmore Agreement of 2093, which obliged the formations to pull their heavy weapons back fifteen kilometres, was never honoured.',
      'Lutha completed the pull-back of its heavy weapons fifteen kilometres from the line in March 2094 and has respected the Dunmore Agreement ever since.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).not.toContain('DIFFERENT_EVENT');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('a deed denied on one day is not one stated on other days; a group picked out is no denial', () => {
    const [r] = pair(
      'The Lutha Defence Force did not attack the Kessel Ridge post on Saturday night.',
      'Brannic artillery pounded Lutha and attacked the Kessel Ridge villages from Tuesday until Thursday afternoon.',
    );
    expect(kinds(r)).not.toContain('NEGATION');
    const [group] = pair(
      'The camp has been closed, and the 175 children who did not fall ill have gone home.',
      'The first children fell ill at the camp late on Sunday night.',
    );
    expect(kinds(group)).not.toContain('NEGATION');
  });

  it('another instance of a thing is not what the other side rebuts', () => {
    const [r, back] = pair(
      'In June, navy forces detained another tanker in the same strait on suspicion of fuel smuggling.',
      'The accusation of fuel smuggling against the Perrin Star is baseless.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('DENIAL');
  });

  it("a side's name and its adjective are one side", () => {
    const [r, back] = pair(
      "Vorlund's army shelled the breakaway Tovash region from before dawn on Monday.",
      'Vorlundian forces bombarded the breakaway region of Tovash from before dawn on Monday.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('ACTOR_SWAP');
  });

  it("a hospital's own count of the wounded it received is a part of the whole", () => {
    const hospital = {
      text: 'All four had gunshot or fragment wounds.',
      facets: at(
        '2117-05-10T12:00:00Z',
        'Sallet District Hospital',
      )('All four had gunshot or fragment wounds.'),
      sourceSize: 6,
    };
    const mission = {
      text: 'Two peacekeepers were killed and five were wounded.',
      facets: at(
        '2117-05-09T18:00:00Z',
        'Lannick Interposition Mission',
      )('Two peacekeepers were killed and five were wounded.'),
      sourceSize: 6,
    };
    expect(hospital.facets.careSite).toBe('Sallet District Hospital');
    for (const x of [clf.classify(hospital, mission), clf.classify(mission, hospital)])
      expect(kinds(x)).not.toContain('QUANTITY_MISMATCH');
  });

  it('a correction of a count in one village says nothing of a toll across the region', () => {
    const [r] = pair(
      'An earlier version incorrectly said that 11 civilians had been killed in Pryle.',
      'Forty-six civilians have been killed across the region, eight of them children.',
    );
    expect(kinds(r)).not.toContain('CORRECTION_CONSISTENT');
    expect(r.relation).not.toBe('CORROBORATES');
  });

  it('a deed of one kind denied is no corroboration of one stated in other words', () => {
    const gs = publishedOn('2103-10-14T07:30:00Z');
    const wire = publishedOn('2103-10-15T12:00:00Z');
    const pairOf = (a: string, b: string) => {
      const [x, y] = [
        { ...gs(a), sourceSize: 6 },
        { ...wire(b), sourceSize: 6 },
      ];
      return [clf.classify(x, y), clf.classify(y, x)];
    };
    const [r, back] = pairOf(
      'Tavrenian units did not fire a single round at the town of Drelna yesterday, and they have strictly observed the truce from the moment it took effect.',
      "Shells struck a crowded market in the frontline town of Drelna shortly after ten o'clock on Saturday morning, a day and a half into a truce between Tavrenia and the Selvan Republic.",
    );
    // The day they share confirms nothing: no corroboration is shown.
    for (const x of [r, back])
      if (x.relation === 'CORROBORATES')
        expect(storedConfidence(x)).toBeLessThan(defaultMinConfidence());
  });
});

describe('twentieth session: first runs of new sets', () => {
  // Thursday 14 March 2126.
  const pair = pairsOn('2126-03-14T15:00:00Z', 6);
  const countsOf = (text: string) =>
    facetsOf(text).quantities.map((q) => [q.text, q.counted, q.event]);

  it('weapons counted behind a make and its type are counted as weapons', () => {
    expect(countsOf('The strike was made by 16 Harrier-4 long-range attack drones.')[0]?.[1]).toBe(
      'drone',
    );
  });

  it('weapons an attack used are those launched at the place, and a make is no place', () => {
    const [r, back] = pair(
      'The strike was made at 02:10 by 16 Harrier-4 long-range attack drones and three Sarak cruise missiles.',
      'In all, 29 drones and six cruise missiles were launched at the port.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('hits and impact points are one count; the parts after a colon are of the same thing', () => {
    expect(countsOf('We counted seven impact points at the depot.')[0]?.[1]).toBe('impact');
    const parts = analyzeStatement(
      'We counted seven impact points: four inside the depot, where two of the three tanks burned, and three at the station.',
      ctx,
    ).facets.quantities.filter((q) => q.partOfEarlier);
    expect(parts.map((q) => q.text)).toContain('four');
    const [r] = pair('Ten hits were recorded.', 'We counted seven impact points at the depot.');
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('from the first to the last of a campaign is its length, not a delay after the first', () => {
    const [r, back] = pair(
      'It lasted 15 hours and 20 minutes and ended at 22:40, when the last firing points had been silenced.',
      'Shelling continued until about 20:30 on 16 March, some 41 hours after the first, and none has been recorded since.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DURATION_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('a permission granted is no hedge', () => {
    expect(facetsOf('Families who wish to leave the town may do so freely.').hedges).toEqual([]);
    expect(analyze('Families who wish to leave the town may do so freely.').hedges).toEqual([]);
    expect(facetsOf('The toll may rise.').hedges).toEqual(['may']);
  });

  it('an opposite said of a subject before an aside between commas', () => {
    const [r, back] = pair(
      'The Kell bridge remains open to civilian traffic, and families who wish to leave may do so freely.',
      'The Kell bridge, the last way out of the valley for the villages of the north, has been closed since Tuesday morning.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('ANTONYM');
      expect(kinds(x)).not.toContain('HEDGING');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it("a start the writer sets right ('not at dawn on Wednesday as X claims') is the writer's own", () => {
    const [r, back] = pair(
      'The operation began at 05:50 on March 13.',
      'The shelling began at 23:20 on Tuesday night, not at dawn on Wednesday as Velmar claims.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DATE_MISMATCH');
      expect(kinds(x)).not.toContain('ATTRIBUTION');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('a figure one side sets right that the other states is corrected (CORRECTION)', () => {
    const [r, back] = pair(
      'By noon today, 41 pupils have been taken ill, and 30 of them are in hospital.',
      'Our own count has 63 pupils who fell ill at the school, not 41 as the department claims.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('CORRECTION');
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('no one on board hurt against sailors hurt', () => {
    const [r, back] = pair(
      'No one on either trawler was injured.',
      'Three of our sailors were injured in the collision.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('two distances from one landmark compare, within a measure of each other they agree', () => {
    const [far] = pair(
      'The patrol boat stopped the trawler 6.5 nautical miles east of Carrow Head.',
      'Tracking data place the trawler 14.2 nautical miles west of Carrow Head at that moment.',
    );
    expect(kinds(far)).toContain('QUANTITY_MISMATCH');
    const [near] = pair(
      'By noon the slick had reached Esk Quay, 41 kilometres downstream of the refinery.',
      'By midday the slick had reached Esk Quay, 40 kilometres downstream of the refinery.',
    );
    expect(kinds(near)).not.toContain('QUANTITY_MISMATCH');
  });

  it('a clock time in universal time is not compared with one in local time', () => {
    const [r] = pair(
      'At 07:10 local time the frigate stopped the trawler.',
      'At 04:10 UTC the trawler was stopped by the frigate.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
  });

  it('a police charge before the stated start of a clearance conflicts with it', () => {
    const [r, back] = pair(
      'At 21:15, after two warnings had gone unheeded, police units began clearing the square.',
      'Time-stamped footage shows the first police charge at 20:38, and no warning can be heard.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DATE_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // A moment after the start is no conflict with it.
    const [later] = pair(
      'At 21:15, after two warnings had gone unheeded, police units began clearing the square.',
      'Footage shows a police charge on the crowd at 21:52.',
    );
    expect(kinds(later)).not.toContain('DATE_MISMATCH');
  });

  it('a round time is as wide as its roundness; before dawn holds the small hours', () => {
    const [r] = pair(
      'At 21:15 police units began clearing the square.',
      'Reporters saw riot police begin to advance on the crowd shortly after 20:40.',
    );
    expect(kinds(r)).toContain('DATE_MISMATCH');
    const [dawn] = pair(
      'Artillery opened fire on the valley before dawn on Thursday.',
      'The measures in the valley began at 03:40 on Thursday.',
    );
    expect(kinds(dawn)).not.toContain('DATE_MISMATCH');
  });

  it('what a group is made up of is counted as its size, and "made up of" refutes nothing', () => {
    expect(analyze('The column, made up of four vehicles, was destroyed.').refutations).toEqual([]);
    expect(analyze('The story was made up.').refutations.length).toBe(1);
    const [r, back] = pair(
      'The column, made up of four vehicles, was destroyed.',
      'Our convoy was made up of nine vehicles, seven trucks and two escort cars.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(kinds(x)).not.toContain('REFUTATION_CUE');
    }
  });

  it('a strike on a road and a convoy struck on that road are one attack', () => {
    const strike = publishedOn('2126-03-14T18:00:00Z');
    const fund = publishedOn('2126-03-15T09:00:00Z');
    const a = {
      ...strike(
        'At 17:40 local time today, an aircraft carried out a precision strike on the Omsk-Teller road, five kilometres west of Teller.',
      ),
      sourceSize: 6,
    };
    const b = {
      ...fund(
        'The convoy was struck at about 16:50 yesterday on the Omsk-Teller road near the village of Brae, five kilometres west of Teller.',
      ),
      sourceSize: 6,
    };
    for (const x of [clf.classify(a, b), clf.classify(b, a)]) {
      expect(kinds(x)).not.toContain('DIFFERENT_EVENT');
      expect(kinds(x)).toContain('DATE_MISMATCH');
    }
  });

  it('lives lost are deaths, and "the number of X who died has risen to N" is a toll of X', () => {
    expect(countsOf('Seven hostages lost their lives.')[0]).toEqual(['Seven', 'hostage', 'die']);
    expect(
      countsOf(
        'The number of hostages who died has risen to 26: 20 in the school and six in hospital.',
      )[0],
    ).toEqual(['26', 'hostage', 'die']);
    expect(countsOf('Six militants were eliminated.')[0]?.[2]).toBe('eliminate');
    const [r, back] = pair(
      'Seven hostages lost their lives.',
      'The number of hostages who died has risen to 26: 20 in the school and six in hospital.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(kinds(x)).not.toContain('WORD_SUBSTITUTION');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('someone told, in a clause of time, is no report; "X\'s story that P is a fabrication" denies P', () => {
    const held = 'She was held for more than 140 hours before her family was told where she was.';
    expect(analyze(held).attributions).toEqual([]);
    const [r, back] = pair(
      'Claims that Ms Orne was held incommunicado are false: her family was notified within 24 hours, as the law requires.',
      'She was held incommunicado for more than 140 hours before her family was told where she was.',
    );
    for (const x of [r, back]) expect(x.relation).toBe('CONTRADICTS');
    const [story] = pair(
      'At 20:45 on Monday, Vellish formations opened fire with mortars on Tarnic border posts.',
      "Tarn's story that Vellish mortar crews fired on its border posts on Monday evening is a fabrication.",
    );
    expect(kinds(story)).toContain('DENIAL');
    expect(story.relation).toBe('CONTRADICTS');
  });

  it("a bare count is of the side whose count's noun it takes", () => {
    const [r, back] = pair(
      'As of this evening, 21 Vellish servicemen have been killed and 52 wounded.',
      'Four Tarnic servicemen were killed in the operation and nine were wounded.',
    );
    for (const x of [r, back]) expect(kinds(x)).not.toContain('QUANTITY_MISMATCH');
  });

  it('clock times in words, an end that fell silent, and nobody who told anything', () => {
    const [r] = pair(
      'At about a quarter to three on Thursday morning, a blast at the works shook windows across the estate.',
      'The explosion at the works occurred at 02:47 on Thursday, when the control room received the first calls.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    const [end] = pair(
      'Artillery fire fell silent shortly after 04:00 this morning, after more than three hours of shelling.',
      'At 01:20 this morning, a shell struck the east wing of the hospital.',
    );
    expect(kinds(end)).not.toContain('DATE_MISMATCH');
    expect(
      analyze('Only the streets within 400 metres were evacuated, and nobody told us anything.')
        .attributions,
    ).toEqual([]);
    expect(
      facetsOf('Only the streets within 400 metres were evacuated, and nobody told us anything.')
        .attribution,
    ).toBeNull();
  });
});

describe('twenty-first session: first runs of new sets', () => {
  // Wednesday 9 April 2131.
  const pair = pairsOn('2131-04-09T15:00:00Z', 6);
  const countsOf = (text: string) =>
    facetsOf(text).quantities.map((q) => [q.text, q.counted, q.event]);
  const timesOf = (text: string) => timesOfDay(text).map((t) => t.text);

  it('bodies recovered from a building are the dead, and a building is no deed', () => {
    expect(countsOf('The bodies of 12 people have been pulled from the building.')[0]?.[2]).toBe(
      'death',
    );
    const [r, back] = pair(
      'Seven people lost their lives in the fire.',
      'The bodies of 12 people have been pulled from the building.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('more dead of one kind than people in all is a conflict; fewer is a part', () => {
    const [r, back] = pair(
      'Seven people lost their lives in the fire.',
      'At least 19 workers died inside the mill, the union said.',
    );
    for (const x of [r, back]) expect(kinds(x)).toContain('QUANTITY_MISMATCH');
    const [part] = pair(
      'Nineteen people lost their lives in the fire.',
      'Seven workers died inside the mill.',
    );
    expect(kinds(part)).not.toContain('QUANTITY_MISMATCH');
  });

  it('people taken to hospital by a crew that "took" them', () => {
    expect(countsOf('Paramedics took 27 people to hospital.')[0]?.[2]).toBe('hospitalise');
    const [r] = pair(
      'Three residents were taken to hospital with burns.',
      'Paramedics took 27 people to hospital, most with smoke inhalation.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
  });

  it('from the first to the last of a series is its length, however the end is told', () => {
    const [r, back] = pair(
      'The evacuation was completed at 02:00 this morning, 17 hours after the first convoy left the stadium.',
      'The last convoy crossed the river this morning, more than three days after the first of them set out.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DURATION_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    const [agree] = pair(
      'The evacuation lasted 75 hours, from the departure of the first convoy at 05:00 on Sunday to that of the last at 08:00 on Wednesday.',
      'The last convoy crossed the river this morning, more than three days after the first of them set out.',
    );
    expect(kinds(agree)).toContain('DURATION_AGREEMENT');
    // A second blast after the first is no length of anything.
    const [blast] = pair(
      'A second blast came 20 minutes after the first.',
      'The evacuation lasted 75 hours.',
    );
    expect(kinds(blast)).not.toContain('DURATION_MISMATCH');
  });

  it('vehicles sent or provided for one operation are one fleet, whatever the verb', () => {
    const [r, back] = pair(
      'The transport ministry provided 55 buses for the evacuation.',
      'Only 30 buses were sent for the evacuation.',
    );
    for (const x of [r, back]) expect(kinds(x)).toContain('QUANTITY_MISMATCH');
    const [unread] = pair(
      'Only 30 buses were sent for the evacuation.',
      'In all, 41 buses provided by the ministry took part in the evacuation.',
    );
    expect(kinds(unread)).toContain('QUANTITY_MISMATCH');
    // People carried are not the buses that carried them.
    const [people] = pair(
      'The transport ministry provided 55 buses for the evacuation.',
      'The buses carried 3,000 people out of the town.',
    );
    expect(kinds(people)).not.toContain('QUANTITY_MISMATCH');
  });

  it('the figure a correction puts in place counts what the rejected one counted', () => {
    const text =
      'Correction: an earlier version of this report said more than 9,000 people were evacuated; the correct figure, given by the relief agency, is 6,240.';
    const q = facetsOf(text).quantities.find((x) => x.text === '6,240');
    expect(q?.event).toBe('evacuate');
    const [r] = pair('In all, 4,800 civilians left the town.', text);
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
  });

  it('children among people are a part of them, not another name for them', () => {
    const [r] = pair(
      'In all, 6,240 people were evacuated from the town.',
      'Among those who left the town were more than 2,000 children.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_AGREEMENT');
  });

  it('"which confirms" drawn from a fact is no attribution; "I must report" is the writer', () => {
    expect(
      facetsOf(
        'Fuel was stored in the shed, which confirms that it was a legitimate military target.',
      ).attribution,
    ).toBeNull();
    const own = facetsOf('I must report with sorrow that nine miners have died.').attribution;
    expect(own?.self).toBe(true);
  });

  it('what befell people is read after a relative clause that picks them out', () => {
    expect(countsOf('Nine people who were trapped in the mine are dead.')[0]?.[2]).toBe('kill');
  });

  it('a time given after "as" or a copula is read, and a correction of that minute ties', () => {
    const text =
      'Correction: the first version of this report wrongly gave the time of the collapse as 16:23; the time the cameras show is 16:08.';
    expect(timesOf(text)).toEqual(['16:23', '16:08']);
    const [r, back] = pair('The stand collapsed at 16:23, during the second half.', text);
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('CORRECTION');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // A count is no time.
    expect(timesOf('The total was 12, as 10 were found on Monday.')).toEqual([]);
  });

  it('the size of a crowd, however it is put, and those delivered to police stations', () => {
    expect(countsOf('The rally was attended by about 3,000 people.')[0]?.[2]).toBe('gather');
    expect(
      countsOf(
        'Reporters estimated the crowd in the square at between 12,000 and 15,000 people.',
      )[0]?.[2],
    ).toBe('gather');
    const [r] = pair(
      'The rally was attended by about 3,000 people.',
      'Reporters estimated the crowd in the square at between 12,000 and 15,000 people.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(countsOf('In all, 96 persons were delivered to police stations.')[0]?.[2]).toBe(
      'detain',
    );
  });

  it('an event "announced by X as" something is named so, not reported by X', () => {
    const text =
      'The meeting, announced by the party as a farewell rally, drew about 3,000 people.';
    expect(facetsOf(text).attribution).toBeNull();
    expect(analyze(text).attributions).toEqual([]);
  });

  it('carriages that left the rails are counted as derailed, however it is worded', () => {
    expect(countsOf('Three of the nine carriages left the rails.')[0]?.[2]).toBe('derail');
    const [r] = pair(
      'Three of the nine carriages left the rails.',
      'Five carriages came off the track near the bridge.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
  });

  it('"the incident" is the event the other side names, for when it began', () => {
    const [r, back] = pairsOn('2131-04-09T15:00:00Z', 6)(
      'The incident began at about 13:40 today.',
      'The shooting began at 10:15 this morning, half an hour after the food handout started.',
    );
    for (const x of [r, back]) expect(kinds(x)).toContain('DATE_MISMATCH');
    // Another word first: no event named by "incident" alone.
    const [other] = pair(
      'Police logged the incident at about 13:40 today.',
      'The shooting began at 10:15 this morning.',
    );
    expect(kinds(other)).not.toContain('DATE_MISMATCH');
  });

  it('the whole a part is taken from counts nothing that happened; a part meets only its kind', () => {
    const wholes = (text: string) =>
      facetsOf(text)
        .quantities.filter((q) => q.whole)
        .map((q) => q.text);
    expect(wholes('Only three of the ten exits were unlocked.')).toEqual(['ten']);
    expect(wholes('The first five of the eight wagons derailed.')).toEqual(['eight']);
    // A whole with a deed of its own is a count of that deed.
    expect(wholes('Three of the 30 people taken to hospital were badly burned.')).toEqual([]);
    expect(wholes('Two of the six men who were held overnight were beaten.')).toEqual([]);
    const [r, back] = pair(
      'All ten exits of the hall were unlocked at the time.',
      'Only three of the ten exits were unlocked.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    const [derailed] = pair(
      'Three of the eight wagons left the rails.',
      'The first five of the eight wagons derailed.',
    );
    expect(kinds(derailed)).toContain('QUANTITY_MISMATCH');
    const [part] = pair(
      'Two people died in the crush.',
      'The office has verified the deaths of 11 people, two of them children.',
    );
    expect(kinds(part)).not.toContain('QUANTITY_AGREEMENT');
  });

  it('"no gate was forced" denies the gate forced; "at any point" and a colon end its deed', () => {
    const [r] = pair(
      'Fans without tickets forced open the north gate.',
      'No gate was forced at any point.',
    );
    expect(kinds(r)).toContain('NEGATION');
    expect(r.relation).toBe('CONTRADICTS');
    // The negation is found past the colon's clause; the model still weighs it (left in the
    // session's note: a negation of one deed is a weak conflict beside much shared wording).
    const [colon] = pair(
      'Fans without tickets forced open the north gate.',
      'No gate at the ground was forced: at 15:02 our steward opened the exit gate.',
    );
    expect(kinds(colon)).toContain('NEGATION');
    // The words after the comma are the speaker's, not the deed denied.
    const [comma] = pair(
      'Fans without tickets forced open the north gate.',
      'No gate was forced, the club secretary told reporters on Sunday evening.',
    );
    expect(kinds(comma)).toContain('NEGATION');
    // "any" before the thing denied is still the deed's.
    const [bomb] = pair(
      'A roadside bomb planted by Ondrel militants killed four soldiers on 7 October.',
      'No Ondrel unit planted any bomb on that road.',
    );
    expect(kinds(bomb)).toContain('NEGATION');
  });

  it('a vessel that stayed afloat did not sink', () => {
    const [r] = pair(
      'The ferry was holed below the bridge but remained afloat.',
      'The ferry sank within an hour of the collision.',
    );
    expect(kinds(r)).toContain('ANTONYM');
    expect(r.relation).toBe('CONTRADICTS');
  });
});

describe("twenty-second session: first runs of the twenty-first's closing sets", () => {
  // Thursday 10 April 2131.
  const pair = pairsOn('2131-04-10T15:00:00Z', 6);

  it('a clock time in words dates an undated start as well as one in figures', () => {
    const [r, back] = pair(
      'The fighting began at twenty past five in the morning, in heavy rain.',
      'The fighting began at 04:35 on Thursday, 10 April.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DATE_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // "Just after three o'clock this morning" is read as "shortly after" is.
    expect(
      timesOfDay("Just after three o'clock this morning, troops entered the compound.").map((t) => [
        t.text,
        t.from,
        t.to,
      ]),
    ).toEqual([["three o'clock", 180, 205]]);
    // A part of the day is still too wide for it.
    const [wide] = pair(
      'The fighting began in the early morning, in heavy rain.',
      'The fighting began at 04:35 on Thursday, 10 April.',
    );
    expect(kinds(wide)).not.toContain('DATE_MISMATCH');
  });

  it('"the strike was carried out at" is the moment of the strike the other side dates', () => {
    const [r, back] = pair(
      'The strike was carried out at 02:50 local time.',
      'At 00:35 on Thursday, 10 April, the Harl pumping station was struck by enemy missiles.',
    );
    for (const x of [r, back]) expect(kinds(x)).toContain('DATE_MISMATCH');
    // Without the deed as its subject, a time of some other moment of the night is not compared.
    const [other] = pair(
      'Air-raid sirens sounded across the district at 02:50 local time.',
      'At 00:35 on Thursday, 10 April, the Harl pumping station was struck by enemy missiles.',
    );
    expect(kinds(other)).not.toContain('DATE_MISMATCH');
  });

  it('convicts, prisoners and inmates are one group of the dead', () => {
    const [r, back] = pair(
      'Three inmates died during the unrest.',
      'At least nine prisoners were killed when the wing was retaken.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });
});

describe("twenty-third session: first runs of the twenty-second's closing sets", () => {
  // Thursday 11 March 2128 (Monday is the 8th).
  const pair = pairsOn('2128-03-11T10:00:00Z', 6);

  it('a count is of the things after a calibre, and rockets and shells that land are one count', () => {
    const q = facetsOf('The market was struck by eight 122-millimetre rockets.').quantities;
    expect(q.map((x) => [x.value, x.unit, x.counted])).toEqual([
      [8, null, 'rocket'],
      [122, 'mm', null],
    ]);
    // A bomb's weight is a figure with its unit, hyphen or not.
    const [weights] = pair(
      'Photographs show the remains of a 900-kilogram bomb.',
      'The strike was carried out with a single 110-kilogram bomb.',
    );
    expect(kinds(weights)).toContain('QUANTITY_MISMATCH');
    // "..., not a single 110-kilogram bomb" sets the other's figure right.
    const [setRight] = pair(
      'The craters fit two bombs of that weight, not a single 110-kilogram bomb.',
      'The strike was carried out with a single 110-kilogram bomb.',
    );
    expect(kinds(setRight)).toContain('CORRECTION');
    expect(kinds(setRight)).not.toContain('QUANTITY_AGREEMENT');
    // "Two o'clock" and "330/110 kV" count nothing.
    expect(
      facetsOf("Shortly before two o'clock, drones struck the substation.").quantities,
    ).toEqual([]);
    expect(
      facetsOf('The 330/110 kV substation was struck by drones.').quantities.map((x) => x.value),
    ).not.toContain(330);
    // "struck" is the verb of the count before it, as "fired" is.
    expect(facetsOf('Twelve rockets struck the market hall.').quantities[0]!.event).toBe('strike');
    const [r, back] = pair(
      'Twelve rockets struck the market hall.',
      'The market was struck by eight 122-millimetre rockets.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    const [shells] = pair(
      'Twelve rockets struck the market hall.',
      'Only two 152-millimetre artillery shells fell on the market.',
    );
    expect(kinds(shells)).toContain('QUANTITY_MISMATCH');
    // Rockets fired from a place and shells that fell on another are two counts.
    const [two] = pair(
      'Twelve rockets were fired from the hills.',
      'Two shells fell on the market.',
    );
    expect(kinds(two)).not.toContain('QUANTITY_MISMATCH');
  });

  it('one attack on one named place, told in two words at two clock times of one day', () => {
    const [r, back] = pair(
      'The strike on the covered market in Varnholt came at 10:40 on Thursday.',
      'Our observation posts recorded the explosions in Varnholt at 09:12 on Thursday.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DATE_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // Without the place they share, two attacks at two times are two attacks.
    const [apart] = pair(
      'The strike on the covered market in Varnholt came at 10:40 on Thursday.',
      'Our observation posts recorded explosions in Oshka at 09:12 on Thursday.',
    );
    expect(apart.relation).not.toBe('CONTRADICTS');
  });

  it('"late on Monday" is a part of that day that a start at dawn the next day is not', () => {
    expect(
      timesOfDay('Late on Monday, Vardemar began an offensive.').map((t) => [t.from, t.to]),
    ).toEqual([[1140, 1530]]);
    const [r, back] = pair(
      'The offensive began at 05:30 on Tuesday.',
      'Late on Monday, Vardemar began an offensive against the breakaway Oulton district.',
    );
    for (const x of [r, back]) expect(kinds(x)).toContain('DATE_MISMATCH');
    const [same] = pair(
      'The offensive began at 23:30 on Monday.',
      'Late on Monday, Vardemar began an offensive against the breakaway Oulton district.',
    );
    expect(kinds(same)).not.toContain('DATE_MISMATCH');
  });

  it('"began at X and ended at Y, N later" gives the length of what began', () => {
    const [r, back] = pair(
      'The measures began at 05:30 on Tuesday and ended at 02:45 on Wednesday, 21 hours and 15 minutes later.',
      'The fighting lasted about two days.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DURATION_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // "N later" after a moment of no event's end is no length.
    const [after] = pair(
      'The envoy arrived at 05:30 on Tuesday and spoke to reporters 21 hours later.',
      'The fighting lasted about two days.',
    );
    expect(kinds(after)).not.toContain('DURATION_MISMATCH');
  });

  it('flights cancelled and flights diverted are two counts; "37 further" adds to a count', () => {
    const [diverted] = pair(
      'In all, 212 flights to and from Brenning were cancelled on Tuesday.',
      'In all, 41 flights bound for Brenning were diverted.',
    );
    expect(kinds(diverted)).not.toContain('QUANTITY_MISMATCH');
    const [further] = pair(
      'In all, 212 flights to and from Brenning were cancelled on Tuesday.',
      'On Wednesday, 37 further flights at Brenning were cancelled.',
    );
    expect(kinds(further)).not.toContain('QUANTITY_MISMATCH');
    const [cancelled, back] = pair(
      'In all, 212 flights to and from Brenning were cancelled on Tuesday.',
      'Only 64 flights had to be cancelled.',
    );
    for (const x of [cancelled, back]) expect(kinds(x)).toContain('QUANTITY_MISMATCH');
    const [same] = pair(
      'In all, 212 flights to and from Brenning were cancelled on Tuesday.',
      'We counted 212 cancelled departures and arrivals at Brenning on Tuesday.',
    );
    expect(kinds(same)).toContain('QUANTITY_AGREEMENT');
    expect(same.relation).toBe('CORROBORATES');
  });

  it('a denied tie to an event answers who did it, not a mention of the event', () => {
    const denial =
      "Essary had nothing to do with the failure of Halmvar's air-traffic systems on Tuesday.";
    const [mention] = pair(
      denial,
      "The airport apologises to every passenger whose journey was disrupted by Tuesday's failure of the air-traffic systems.",
    );
    expect(kinds(mention)).not.toContain('DENIAL');
    expect(mention.relation).not.toBe('CONTRADICTS');
    const [cause, back] = pair(
      denial,
      'The failure of the air-traffic systems on Tuesday was caused by Essarian hackers.',
    );
    for (const x of [cause, back]) {
      expect(kinds(x)).toContain('DENIAL');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });

  it('a count that opens a clause of its own verb is not of the clause before', () => {
    const q = facetsOf(
      'Two of them died despite surgery, and seven remain in intensive care.',
    ).quantities;
    expect(q.map((x) => [x.value, x.event])).toEqual([
      [2, 'die'],
      [7, null],
    ]);
    expect(
      facetsOf('Three soldiers were killed, and two were wounded.').quantities.map((x) => x.event),
    ).toEqual(['kill', 'wound']);
  });

  it("an earlier occasion named as such, and a team's own patients, are not the toll", () => {
    const [before] = pair(
      'The market had been hit once before, on 9 November 2123, when two artillery shells struck its eastern end.',
      'Twelve rockets struck the market hall.',
    );
    expect(kinds(before)).not.toContain('QUANTITY_MISMATCH');
    const [notFirst] = pair(
      'This is not the first crime against the town: on 9 November last year their shells killed two traders.',
      'Four people died in Varnholt on Thursday.',
    );
    expect(kinds(notFirst)).not.toContain('QUANTITY_MISMATCH');
    const [patients] = pair(
      'Between 10:58 and 14:30, we admitted 27 wounded people from the market.',
      'Our researchers established that 14 people were killed and that 38 were wounded.',
    );
    expect(kinds(patients)).not.toContain('QUANTITY_MISMATCH');
    // Both telling of that occasion agree on it.
    const [both] = pair(
      'This is not the first fire at Tannery Road: in February 2120 a fire in Block A injured five workers.',
      'In February 2120, five workers were injured in a fire in another block of the same residence.',
    );
    expect(kinds(both)).toContain('QUANTITY_AGREEMENT');
    // "Another 61" adds to a count, but it is still some against none.
    const [some] = pair(
      'Another 61 civilians were wounded.',
      'Strikes were delivered only with precision weapons, and the civilian population was not harmed.',
    );
    expect(some.relation).toBe('CONTRADICTS');
    // More of a team's own patients than the other side's whole toll is still a conflict.
    const [exceeds] = pair(
      'Between 10:58 and 14:30, we admitted 27 wounded people from the market.',
      'No more than five people were wounded at the market.',
    );
    expect(kinds(exceeds)).toContain('QUANTITY_MISMATCH');
  });

  it('a system that went down is an outage, and its length and deadline are compared', () => {
    expect(
      facetsOf(
        'The flight-data processing system at the Sellholm area control centre went down at 07:10 on Tuesday.',
      ).frame?.classes,
    ).toContain('outage');
    // "The failure of the talks" is no outage.
    expect(
      facetsOf('The failure of the talks was announced on Tuesday.').frame?.classes ?? [],
    ).not.toContain('outage');
    const [r, back] = pair(
      'The system was back in service at 21:55 on Tuesday, after an outage of some 15 hours.',
      'Specialists had the system back in service by 13:05 on Tuesday, less than six and a half hours after it went down.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DURATION_MISMATCH');
      expect(kinds(x)).toContain('DATE_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // A moment before the deadline meets it.
    const [meets] = pair(
      'The system was back in service at 12:55 on Tuesday.',
      'Specialists had the system back in service by 13:05 on Tuesday.',
    );
    expect(kinds(meets)).not.toContain('DATE_MISMATCH');
  });

  it('parts listed one by one are set against the whole as their sum', () => {
    const [over, back] = pair(
      'The ferry was carrying 212 passengers and 38 crew when the fire broke out.',
      'There were more than 300 people on board the ferry when the fire broke out.',
    );
    for (const x of [over, back]) {
      const q = x.signals.filter((s) => s.kind.startsWith('QUANTITY'));
      // One conflict, of the sum, not one for each part.
      expect(q.map((s) => s.kind)).toEqual(['QUANTITY_MISMATCH']);
      expect(q[0]!.detail).toContain('250 in all');
      expect(x.relation).toBe('CONTRADICTS');
    }
    const [fits] = pair(
      'The ferry was carrying 212 passengers and 38 crew when the fire broke out.',
      'There were 250 people on board the ferry when the fire broke out.',
    );
    expect(kinds(fits)).toContain('QUANTITY_AGREEMENT');
    expect(kinds(fits)).not.toContain('QUANTITY_MISMATCH');
    // A count of one of the parts is compared with that part.
    const [part] = pair(
      'The ferry was carrying 212 passengers and 38 crew when the fire broke out.',
      'There were 250 passengers on board the ferry when the fire broke out.',
    );
    expect(kinds(part)).toContain('QUANTITY_MISMATCH');
    // Killed and wounded are no list of one group.
    const [two] = pair(
      'Three soldiers were killed and two civilians wounded in the attack.',
      'Five people were killed in the attack.',
    );
    expect(kinds(two)).not.toContain('QUANTITY_AGREEMENT');
  });

  it('a time inside a report called false is not the time the sentence gives', () => {
    const [r] = pair(
      "Karven's claim that a ceasefire took effect at three in the morning on Wednesday is false: the ceasefire agreed through Halm's mediation was set for 22:00 that day.",
      'A truce mediated by neighbouring Halm took effect at 10 p.m. on Wednesday.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
    // Asserted, the same time is a conflict.
    const [own] = pair(
      'A ceasefire took effect at three in the morning on Wednesday.',
      'A truce mediated by neighbouring Halm took effect at 10 p.m. on Wednesday.',
    );
    expect(kinds(own)).toContain('DATE_MISMATCH');
  });

  it('a deed negated past an inverted adverbial or a need, and a denied kind answered', () => {
    const [r, back] = pair(
      'At no point was it necessary to abandon the ship.',
      "The master gave the order to abandon ship at 02:58, and one of the ship's lifeboats could not be launched.",
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('NEGATION');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // What could not be done is a fact, not a hedge.
    expect(kinds(r)).not.toContain('HEDGING');
    const [need] = pair(
      'There was no need to abandon the ship.',
      'The master gave the order to abandon ship at 02:58.',
    );
    expect(kinds(need)).toContain('NEGATION');
    const [arms] = pair(
      'Officers did not use firearms at any point during the operation.',
      'Officers fired live rounds into the exercise yard during the operation.',
    );
    expect(kinds(arms)).toContain('NEGATION');
    expect(arms.relation).toBe('CONTRADICTS');
  });

  it('"not a single round fell on inhabited areas" excludes the village the other side names', () => {
    const [r, back] = pair(
      'Not a single round fell on inhabited areas.',
      'Eleven mortar rounds landed in the village of Dalry, damaging four houses.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('EXCLUSION');
      expect(x.relation).toBe('CONTRADICTS');
    }
    const [military] = pair(
      'Not a single round fell on inhabited areas.',
      'Mortar rounds landed on enemy positions near the ridge.',
    );
    expect(kinds(military)).not.toContain('EXCLUSION');
  });

  it('oil escaping for a time is how long the release lasted', () => {
    const [r, back] = pair(
      'The oil release lasted less than half an hour.',
      'Taken together, the images show oil escaping for at least 35 hours.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DURATION_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
  });
});

describe("twenty-fourth session: first runs of the twenty-third's closing sets", () => {
  // Wednesday 15 October 2138 (Tuesday is the 14th).
  const pair = pairsOn('2138-10-15T12:00:00Z', 6);

  it('"about" widens a clock time as far as it is round, and minutes in words are read', () => {
    const [about] = timesOfDay('At about twenty to six on Tuesday evening, the bridge fell.');
    expect([about!.from, about!.to]).toEqual([17 * 60 + 30, 17 * 60 + 50]);
    const [hour] = timesOfDay('At about 22:00 the shelling stopped.');
    expect([hour!.from, hour!.to]).toEqual([21 * 60 + 30, 22 * 60 + 30]);
    // "Eight minutes to six" is a minute-exact time; the evening after it only places it.
    const exact = timesOfDay('At eight minutes to six on Tuesday evening, the span collapsed.');
    expect(exact.map((t) => [t.text, t.from, t.to])).toEqual([
      ['eight minutes to six', 17 * 60 + 51, 17 * 60 + 53],
    ]);
    // So "about twenty to six" is 17:38, not 17:52, on the same Tuesday.
    const [clash] = pair(
      'At 17:52 on Tuesday 14 October, a partial structural failure occurred in the central span of the Selham Bridge.',
      'At about twenty to six on Tuesday evening, the Selham Bridge dropped into the Dure.',
    );
    expect(kinds(clash)).toContain('DATE_MISMATCH');
    const [meets] = pair(
      'At about twenty to six on Tuesday evening, the central span of the Selham Bridge dropped into the Dure.',
      'The monitoring logger recorded the failure of the central span of the Selham Bridge at 17:38 on Tuesday 14 October.',
    );
    expect(kinds(meets)).not.toContain('DATE_MISMATCH');
  });

  it('the time the first call came is no time of the event, beside the time of the event', () => {
    const [r] = pair(
      'At 17:52 on Tuesday 14 October, a partial structural failure occurred in the central span of the Selham Bridge.',
      'The logger recorded the failure of the bearing under the central span at 17:38 on Tuesday 14 October, and the first emergency call reached the control room at 17:41.',
    );
    const clock = r.signals.find((s) => s.kind === 'DATE_MISMATCH');
    expect(clock?.detail).toMatch(/17:52 vs 17:38/);
  });

  it('the size of a group is one count whatever the verb: "numbered", "consisted of"', () => {
    expect(facetsOf('The group numbered no more than twelve persons.').quantities[0]!.event).toBe(
      'comprise',
    );
    for (const x of pair(
      'It numbered 34 people, seven of them children.',
      'The group numbered no more than twelve persons.',
    )) {
      expect(kinds(x)).toContain('QUANTITY_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    // The group named before the verb: "the gunmen who held them numbered eleven".
    const [gunmen, back] = pair(
      'Ten gunmen, some wearing explosive belts, had held the hostages in the gymnasium.',
      'The gunmen who held them numbered eleven, not nine, and the older children counted them.',
    );
    expect(kinds(gunmen)).toContain('QUANTITY_MISMATCH');
    expect(kinds(back)).toContain('QUANTITY_MISMATCH');
    // People in general are not a group's size against a toll: some of them died.
    const [toll] = pair('The group numbered 34 people.', 'Six people died in the forest.');
    expect(kinds(toll)).not.toContain('QUANTITY_MISMATCH');
  });

  it('"reported on the results of" the measures is no report of them', () => {
    const a = analyze(
      'The Ministry of Defence has reported on the results of the local counter-terrorism measures in the valley.',
    );
    expect(a.attributions).toEqual([]);
    expect(
      facetsOf(
        'The Ministry of Defence has reported on the results of the local counter-terrorism measures in the valley.',
      ).attribution,
    ).toBeNull();
    // "reported on Monday that ..." still reports.
    expect(
      analyze('The ministry reported on Monday that 12 people died.').attributions,
    ).not.toEqual([]);
  });

  it('a toll in fatalities, a count cared for after the dead, and a passive "confirmed"', () => {
    const q = facetsOf(
      "As of ten o'clock this morning, seven people have been confirmed dead and 23 are being treated in hospital.",
    ).quantities;
    expect(q.map((x) => [x.value, x.event])).toEqual([
      [7, 'die'],
      [23, 'treat'],
    ]);
    expect(facetsOf('Four fatalities have been confirmed.').quantities[0]).toMatchObject({
      value: 4,
      counted: 'person',
      event: 'death',
    });
    // Confirmed by nobody named: the writer's count, not a report.
    expect(facetsOf('Four fatalities have been confirmed.').attribution).toBeNull();
    expect(facetsOf('Four deaths have been confirmed by the hospital.').attribution).not.toBeNull();
    const [r] = pair(
      'As of 14:00 today, four fatalities have been confirmed and 14 persons have been injured.',
      "As of ten o'clock this morning, seven people have been confirmed dead and 23 are being treated in hospital.",
    );
    expect(r.signals.find((s) => s.kind === 'QUANTITY_MISMATCH')?.detail).toMatch(/four vs seven/);
    expect(kinds(r)).not.toContain('ATTRIBUTION');
  });

  it('"no lives were lost" counts no dead, and neighbours are among the people', () => {
    expect(facetsOf('No lives were lost.').quantities[0]).toMatchObject({ value: 0, event: 'die' });
    const [r] = pair(
      'No lives were lost, and every resident of the town has been accounted for.',
      'Two of our neighbours, Edda and Tomas Reive, died in their home on Marren Street.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
    expect(r.relation).toBe('CONTRADICTS');
  });

  it('"no shots were fired" is answered by live ammunition', () => {
    const [r] = pair('No shots were fired at any point.', 'Guards fired live ammunition.');
    expect(kinds(r)).toContain('NEGATION');
  });

  it('an age after a name counts nothing', () => {
    expect(
      facetsOf('The driver, Anton Hurle, 51, of Kessing, was among the dead.').quantities,
    ).toEqual([]);
    // A count after a plain noun and a comma is still a count.
    expect(
      facetsOf('At least 12 people, 9 of them children, died.').quantities.map((x) => x.value),
    ).toEqual([12, 9]);
  });

  it('a count of those the event spared ("who did not fall ill") is no count of the event', () => {
    expect(
      facetsOf('The 175 children who did not fall ill have been collected by their families.')
        .quantities[0]!.event,
    ).toBe('not sicken');
    const [r] = pair(
      'By order of the ministry, the camp has been closed, and the 175 children who did not fall ill have been collected by their families.',
      'Our own list, compiled by parents on Monday, has 58 children who fell ill at the camp.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('an end of the event against a later time it was still going on', () => {
    const [r] = pair(
      'The fire in the warehouse on Dock Road was extinguished at 05:25.',
      'The warehouse on Dock Road was still burning when the day shift came to the gate at 07:10.',
    );
    expect(r.signals.find((s) => s.kind === 'DATE_MISMATCH')?.detail).toMatch(
      /ended at 05:25 vs still going on at 07:10/,
    );
    // Still burning before it was put out: no conflict.
    const [early] = pair(
      'The fire in the warehouse on Dock Road was extinguished at 05:25.',
      'The warehouse on Dock Road was still burning when the night shift left at 04:10.',
    );
    expect(kinds(early)).not.toContain('DATE_MISMATCH');
  });
});

describe("twenty-fifth session: first runs of the twenty-fourth's closing sets", () => {
  const pair = pairsOn('2131-05-20T12:00:00Z', 6);
  it('a report in a clause that times the statement, or brushes one aside, is not its source', () => {
    expect(
      facetsOf(
        'The shelling went on for two days and eased only on Wednesday evening, well after the ministry had announced that its measures were over.',
      ).attribution,
    ).toBeNull();
    expect(
      facetsOf('The fire burned until late on Tuesday night, whatever the Service says.')
        .attribution,
    ).toBeNull();
    expect(
      analyze(
        'The girl died early on Wednesday, hours before the department told the public there had been no deaths.',
      ).attributions,
    ).toEqual([]);
    // A comma ends the time clause: what follows is the ministry's report.
    expect(
      facetsOf('After the strike, the ministry said 12 people were killed.').attribution?.speaker,
    ).toBe('the ministry');
  });

  it('"described by X as" names the event in X\'s words; a state outlet after a possessive reports nothing', () => {
    const text =
      "Just before midnight on Monday, Dorvan artillery began shelling the hills in an offensive described by Karvia's state news agency as “local anti-terrorist measures”.";
    expect(facetsOf(text).attribution).toBeNull();
    expect(analyze(text).attributions).toEqual([]);
    expect(
      facetsOf("Karvia's state television showed the convoy on Monday.").attribution,
    ).toBeNull();
  });

  it('what a denier says instead is not what it denies', () => {
    const [r] = pair(
      "The caterer denied that its food was to blame, saying the children's symptoms were typical of a stomach virus that has been circulating in the city's schools.",
      "The children's symptoms are typical of the stomach virus that has been going round the city's schools for the past two weeks.",
    );
    expect(kinds(r)).not.toContain('DENIAL');
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('a count the writer marks as a part ("at X alone") meets a larger whole without conflict', () => {
    const [r] = pair(
      'At the northern school alone, 27 children were taken to hospital.',
      'By Wednesday, 38 children from the four schools were in hospital.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
    // A whole smaller than the part is still a conflict.
    const [smaller] = pair(
      'At the northern school alone, 27 children were taken to hospital.',
      'By Wednesday, 20 children from the four schools were in hospital.',
    );
    expect(kinds(smaller)).toContain('QUANTITY_MISMATCH');
  });

  it('"said no such attack had taken place" refutes as "said it had never happened" does', () => {
    const [r] = pair(
      'Vardemar said the operation answered a mortar attack on its border post on Sunday that killed two guards, an attack the administration said had never happened.',
      'According to Vardemar, the offensive was its answer to a mortar attack on Sunday that killed two guards at its border post; the administration said no such attack had taken place.',
    );
    expect(r.relation).toBe('CORROBORATES');
  });

  it('"the third search this year" against "the fourth time this year" counts occurrences', () => {
    const [r] = pair(
      'It was the third police search of a newsroom in Estmark this year.',
      'This is the fourth time this year that police have raided a newsroom in Estmark.',
    );
    expect(r.signals.find((x) => x.kind === 'QUANTITY_MISMATCH')?.detail).toMatch(
      /third vs fourth/,
    );
    // An ordinal with no period is no count of occurrences: "the second day of fighting".
    expect(facetsOf('On the second day of fighting the town fell.').quantities).toEqual([]);
  });

  it('"within a second of each other" is a gap between two things, no length', () => {
    const [r] = pair(
      "Both of the substation's lines were disconnected within a second of each other.",
      'On 28 December drones hit the substation and cut power to about 60,000 homes for nine hours.',
    );
    expect(kinds(r)).not.toContain('DURATION_MISMATCH');
  });

  it('a statement called "not correct" is denied', () => {
    expect(
      analyze(
        "The Service's statement of 6 April that no complaint of ill-treatment by staff at the centre had been lodged with any authority in the past twelve months is not correct: this Office has received 31.",
      ).denial,
    ).not.toBeNull();
  });

  it('"put the number of hostages killed at" reports a figure', () => {
    expect(
      facetsOf('The service put the number of hostages killed at four.').attribution?.cue,
    ).toBe('put the number of hostages killed at');
  });

  it('"put the burned area at" reports a figure like "put the toll at"', () => {
    expect(
      facetsOf('The forestry service put the burned area at 1,850 hectares.').attribution,
    ).toEqual({ speaker: 'The forestry service', cue: 'put the burned area at' });
  });

  it("a publisher named in full speaks for itself; a state's name in its outlet's does not", () => {
    const own = (publisher: string, text: string) =>
      analyzeStatement(text, { ...ctx, publisher }).facets.attribution?.self ?? false;
    expect(own('Brannock Line', 'Brannock Line confirms that its vessel has been boarded.')).toBe(
      true,
    );
    expect(own('Kestria Today', 'Kestria said that its units had withdrawn.')).toBe(false);
    // A wire named "... Press Service" reports on a service when it writes "the service said".
    expect(own('Eastgate Press Service', 'The service said eleven houses had been lost.')).toBe(
      false,
    );
    expect(own('Joint Monitoring Mission', 'The mission confirmed two craters.')).toBe(true);
  });

  it('minutes to or past midnight and noon are clock times, not counts', () => {
    const [t] = timesOfDay('The shelling began at twenty-five to midnight on Monday.');
    expect([t!.from, t!.to]).toEqual([1405, 1425]);
    expect(timesOfDay('The first call came at ten past midnight.')[0]?.from).toBe(0);
    expect(facetsOf('The shelling began at twenty-five to midnight on Monday.').quantities).toEqual(
      [],
    );
    // A range of counts stays a range.
    expect(facetsOf('Ten to twelve people were hurt.').quantities.length).toBeGreaterThan(0);
  });
});

describe('twenty-fifth session: what people felt, and when the wounded died', () => {
  const pair = pairsOn('2131-05-20T12:00:00Z', 6);

  it('"reported vomiting" says what the pupils felt, not who says it', () => {
    expect(
      facetsOf('The first pupils reported vomiting and stomach pains at about 14:00 on Tuesday.')
        .attribution,
    ).toBeNull();
    expect(
      analyze('The first pupils reported vomiting and stomach pains at about 14:00 on Tuesday.')
        .attributions,
    ).toEqual([]);
    expect(facetsOf('The school reported that 40 pupils were ill.').attribution?.speaker).toBe(
      'The school',
    );
  });

  it('one rocket fired into a place kills a part of the toll; so do "there alone" and a kind of the buried', () => {
    const [strike] = pair(
      'As of Sunday evening, 17 civilians had been confirmed dead.',
      'On Saturday the militants fired a rocket into the covered market in Harlow, killing four civilians.',
    );
    expect(kinds(strike)).not.toContain('QUANTITY_MISMATCH');
    const [there] = pair(
      'Our units held the pass, and 12 soldiers were killed there alone.',
      'In the fighting, 30 soldiers were killed.',
    );
    expect(kinds(there)).not.toContain('QUANTITY_MISMATCH');
    const [kind] = pair(
      'Three of those buried were skiers on the lower run.',
      'Fourteen people were buried by the avalanche.',
    );
    expect(kinds(kind)).not.toContain('QUANTITY_MISMATCH');
  });

  it("a modal in a claim brushed aside is not the writer's hedge, and an order is no report", () => {
    expect(
      facetsOf(
        'None of the 11 people arrested had anything to do with the gate, whatever the police may suggest.',
      ).hedges,
    ).toEqual([]);
    expect(
      facetsOf('Officers pushed them into the river and told them to swim to the other bank.')
        .attribution,
    ).toBeNull();
    expect(facetsOf('The officer told reporters that no one was hurt.').attribution).not.toBeNull();
  });

  it('a document describing itself is not a claim to link', () => {
    const score = (t: string) => analyzeStatement(t, ctx).checkworthiness;
    expect(
      score('This report sets out the casualty figures as they stood at 08:00 on Sunday.'),
    ).toBeLessThan(0.15);
    expect(score('This is the second update from the Monitor on the fighting.')).toBeLessThan(0.15);
    expect(
      score('The report found that 40 people died in the fighting on Sunday.'),
    ).toBeGreaterThan(0.5);
  });

  it('a toll of "the last time" troops entered is another event\'s', () => {
    const [r] = pair(
      'The highland administration said 41 people had been killed in the region, 17 of them civilians.',
      'The last time Dravenian troops entered the region was in April 2129, when an assault lasting three days killed some 40 people.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_AGREEMENT');
  });

  it("a body's membership is no count, leave to go home no hedge, and a demand no claim", () => {
    expect(
      facetsOf(
        "The Firefighters' Union, which represents 3,900 professional firefighters across the province, makes this statement.",
      ).quantities,
    ).toEqual([]);
    expect(
      facetsOf(
        'Residents of Wrenhallow may return from 08:00 on Wednesday, except those on Mill Lane.',
      ).hedges,
    ).toEqual([]);
    expect(facetsOf('Troops may return to the border on Wednesday.').hedges).toEqual(['may']);
    const score = (t: string) => analyzeStatement(t, ctx).checkworthiness;
    expect(
      score(
        'The union calls on the provincial government to open an independent inquiry into the fire.',
      ),
    ).toBeLessThan(0.15);
    expect(
      score('Rights groups called for an inquiry after police shot three protesters on Sunday.'),
    ).toBeGreaterThan(0.5);
    // A call for help is news, not a demand; a workforce is a count.
    expect(
      score('The first call for help reached the regional control centre at 15:07 on Thursday.'),
    ).toBeGreaterThan(0.5);
    expect(
      facetsOf('The plant, which employs about 600 people, is owned by a holding company.')
        .quantities.length,
    ).toBe(1);
    // Two parts of one kind of one toll are one count told twice.
    const [parts] = pair('Seven of the dead were children.', 'Three of the dead were children.');
    expect(kinds(parts)).toContain('QUANTITY_MISMATCH');
  });

  it('sympathy is no claim, and "reported the completion of" the measures reports no one', () => {
    const score = (t: string) => analyzeStatement(t, ctx).checkworthiness;
    expect(
      score(
        'The Lift Company is deeply saddened by the avalanche that struck our village this afternoon.',
      ),
    ).toBeLessThan(0.15);
    expect(
      score(
        'The Inspectorate offers its condolences to the family of the pupil who died on Wednesday.',
      ),
    ).toBeLessThan(0.15);
    // Sympathy that counts the dead states the toll.
    expect(
      score('We are deeply saddened to confirm that at least 21 people lost their lives.'),
    ).toBeGreaterThan(0.5);
    expect(
      facetsOf(
        'The General Staff of the Armed Forces has reported the completion of local anti-terrorist measures in the highlands.',
      ).attribution,
    ).toBeNull();
  });

  it('an attack called "its own invention" is denied, so a report of that denial only discusses it', () => {
    expect(
      analyze('The grenade attack Solm speaks of is its own invention.').denial,
    ).not.toBeNull();
    const [r] = pair(
      'Our units were not at the bridge on Thursday; the grenade attack Solm speaks of is its own invention.',
      'According to Dravenia, the operation answered a grenade attack on Thursday at its bridge checkpoint; the highland administration denied any part in that attack.',
    );
    expect(r.relation).not.toBe('CONTRADICTS');
  });

  it('"no force was used" is answered by batons, though the two share no word', () => {
    const [r, back] = pair(
      'No force was used.',
      'Officers beat the men with batons and kicked anyone who lifted his head.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(back.relation).toBe('CONTRADICTS');
    const [other] = pair('No force was used.', 'The river was high after a week of rain.');
    expect(other.relation).toBeNull();
  });

  it('a length that opens a clause, and a span from first to last, are lengths of the event', () => {
    const [r] = pair(
      'The shelling went on for almost two days and died down only on Wednesday evening.',
      'The aggression began late on Monday, and for almost three days the Highlands were shelled without pause.',
    );
    expect(kinds(r)).toContain('DURATION_MISMATCH');
    const [span] = pair(
      'The measures began at 04:50 on 15 April and were completed at 23:05 that night, 18 hours and 15 minutes later.',
      'Our monitors recorded the first impacts at 23:35 on 14 April and the last at 19:40 on 16 April, a span of just over 44 hours.',
    );
    expect(kinds(span)).toContain('DURATION_MISMATCH');
    expect(
      facetsOf(
        'Dravenia opened an offensive against the highlands late on Friday and kept up the shelling for nearly two days.',
      ).frame?.lengths,
    ).toEqual([172800]);
  });

  it('the time a wounded person died is a later step than the strike that hurt them', () => {
    const [r] = pair(
      'At 00:30 a shell struck the district hospital, killing a nurse on duty in the ward.',
      'The nurse on duty in the ward was critically injured and died in the operating theatre shortly before 02:00.',
    );
    expect(kinds(r)).not.toContain('DATE_MISMATCH');
  });
});

describe('twenty-sixth session: alarms, clock times and none in one place', () => {
  const pair = pairsOn('2131-05-20T12:00:00Z', 6);
  const score = (t: string) => analyzeStatement(t, ctx).checkworthiness;

  it("a deed timed to the minute is a claim, and so is a party's own timed account", () => {
    expect(
      score('The captain alerted the harbour master at 21:47 and asked for a tug.'),
    ).toBeGreaterThanOrEqual(0.5);
    expect(
      score('At 03:12 chlorine began to leak from the second tank car.'),
    ).toBeGreaterThanOrEqual(0.5);
    expect(
      score(
        'Our dispatchers notified the duty officer of the fire brigade at 04:05, as the rules require.',
      ),
    ).toBeGreaterThanOrEqual(0.5);
    // Without the time the same sentences say less than a claim needs.
    expect(score('The captain alerted the harbour master and asked for a tug.')).toBeLessThan(0.5);
    expect(score('It is our duty to stand by them.')).toBeLessThan(0.2);
  });

  it('"No one was detained" counts none held, and "no patient has died" none dead', () => {
    const held = facetsOf('No one was detained.').quantities;
    expect(held).toEqual([expect.objectContaining({ value: 0, event: 'detain' })]);
    expect(score('No one was detained.')).toBeGreaterThanOrEqual(0.5);
    expect(facetsOf('No patient has died.').quantities).toEqual([
      expect.objectContaining({ value: 0, counted: 'patient', event: 'die' }),
    ]);
  });

  it('two times of one alarm that cannot meet conflict; a later call does not', () => {
    const [r, back] = pair(
      'Our control room alerted the dispatch centre of the fire brigade at 03:20.',
      'The dispatch centre of the fire brigade received its first call at 03:55, from a passer-by.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('DATE_MISMATCH');
      expect(x.relation).toBe('CONTRADICTS');
    }
    const [later] = pair(
      'Our control room alerted the dispatch centre of the fire brigade at 04:30.',
      'The dispatch centre of the fire brigade received its first call at 03:55, from a passer-by.',
    );
    expect(kinds(later)).not.toContain('DATE_MISMATCH');
  });

  it('"reported the leak only at 02:40" tells the authorities of it; it is no attribution', () => {
    expect(
      facetsOf('The company reported the leak only at 02:40, two hours after it began.')
        .attribution,
    ).toBeNull();
    expect(facetsOf('The company reported that the leak had stopped.').attribution).not.toBeNull();
  });

  it('one denial, then the other side by "according to", is a report of both', () => {
    expect(
      analyze(
        'The plant denied any delay and said it called the fire brigade at 1:50 a.m., but according to the brigade the first call came at 2:30 a.m.',
      ).balancedReport,
    ).toBe(true);
  });

  it('no casualties among the civilian population counts none of the civilians', () => {
    const [r] = pair(
      'There were no casualties among the civilian population of the district.',
      'Eleven civilians were wounded by the shelling, four of them children.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
  });

  it('none hurt in one named place is no conflict with a toll elsewhere', () => {
    const [away] = pair(
      'Not a single civilian in Harlow was hurt.',
      'Three passengers were killed when the ferry was fired on off Easton harbour.',
    );
    expect(kinds(away)).not.toContain('QUANTITY_MISMATCH');
    const [there] = pair(
      'Not a single civilian in Harlow was hurt.',
      'Three civilians were killed in Harlow when the school was shelled.',
    );
    expect(kinds(there)).toContain('QUANTITY_MISMATCH');
  });

  it('"two of the derailed wagons" is a part of the derailed, no second count of them', () => {
    expect(
      facetsOf('Two of the derailed wagons came to rest in back gardens.').quantities[0]
        ?.partOfEarlier,
    ).toBe(true);
    const [r] = pair(
      'Six wagons were derailed, two of them tank wagons.',
      'Two of the derailed wagons came to rest in back gardens on Mill Lane.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
  });
});

describe('twenty-sixth session: speakers, symbols and corrections', () => {
  const pair = pairsOn('2131-05-20T12:00:00Z', 6);

  it('a speaker with an apposition or a relative clause before "said" is the speaker', () => {
    expect(
      facetsOf('The Harbour Relief Trust, a charity, said on Monday that 400 people had left.')
        .attribution?.speaker,
    ).toBe('The Harbour Relief Trust');
    expect(
      facetsOf('The ministry, which runs the shelters, said 40 families had arrived.').attribution
        ?.speaker,
    ).toBe('The ministry');
    // '..., said on Monday' times the saying; it names no one.
    expect(facetsOf('"We are ready," said on Monday a spokesman.').attribution?.speaker).toBeNull();
  });

  it('two reports of one speaker with the same figures corroborate each other', () => {
    const [r, back] = pair(
      'About 9,000 people had left their homes, the aid group Harbour Relief Trust said on Monday.',
      'The Harbour Relief Trust, an aid group, said on Monday that about 9,000 people had left their homes.',
    );
    for (const x of [r, back]) expect(x.relation).toBe('CORROBORATES');
  });

  it('"16 h 40 min" is one length', () => {
    expect(facetsOf('The release lasted 16 h 40 min in all.').durations).toEqual([
      expect.objectContaining({ text: '16 h 40 min', seconds: 60000 }),
    ]);
  });

  it('"an earlier version of this bulletin gave ..." corrects the figure, label or not', () => {
    const [r] = pair(
      'An earlier version of this bulletin gave the peak release through the spillway as 700 cubic metres per second; the correct figure is 450 cubic metres per second.',
      'Gauges below the dam recorded a peak release of 700 cubic metres per second.',
    );
    expect(r.relation).toBe('CONTRADICTS');
    expect(kinds(r)).not.toContain('QUANTITY_AGREEMENT');
  });

  it('a flow out of a dam and the river at a named gauge downstream are two measures', () => {
    const [r] = pair(
      'At its peak, water left the spillway at 450 cubic metres per second.',
      'The flow in the Orran at the Kelby gauge, which also takes the Mill Burn, peaked at 720 cubic metres per second.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
    const [same] = pair(
      'At its peak, water left the spillway at 450 cubic metres per second.',
      'Gauges below the dam recorded a peak release of 700 cubic metres per second.',
    );
    expect(kinds(same)).toContain('QUANTITY_MISMATCH');
  });
});

describe('twenty-sixth session: "it was X, not Y, that did it"', () => {
  const pair = pairsOn('2131-05-20T12:00:00Z', 6);

  it('a deed told with another doer conflicts; told with the one named, it agrees', () => {
    const [r, back] = pair(
      'On Monday evening the rebels shelled the market in Dunvale, killing four people.',
      'It was Ostran artillery, not our fighters as Kell claims, that shelled the market in Dunvale on Monday evening.',
    );
    for (const x of [r, back]) {
      expect(kinds(x)).toContain('ACTOR_SWAP');
      expect(x.relation).toBe('CONTRADICTS');
    }
    const [same] = pair(
      'On Monday evening Ostran artillery shelled the market in Dunvale, killing four people.',
      'It was Ostran artillery, not our fighters as Kell claims, that shelled the market in Dunvale on Monday evening.',
    );
    expect(kinds(same)).not.toContain('ACTOR_SWAP');
    expect(same.relation).not.toBe('CONTRADICTS');
  });
});

describe('twenty-sixth session: a passive deed and its doer', () => {
  it('"pulled from the water by fishermen" is the doer "it was the fishermen, not the crew" names', () => {
    const pair = pairsOn('2131-05-20T12:00:00Z', 6);
    const [r] = pair(
      'It was the fishermen of Carrow, not the crew, who pulled us out of the river.',
      'Most survivors were pulled from the water by fishermen and residents of Carrow.',
    );
    expect(kinds(r)).not.toContain('ACTOR_SWAP');
    const [other] = pair(
      'It was the fishermen of Carrow, not the crew, who pulled us out of the river.',
      'Most survivors were pulled from the water by the ferry crew.',
    );
    expect(kinds(other)).toContain('ACTOR_SWAP');
  });
});

describe('twenty-sixth session: none among the dead, and claims that deny or time', () => {
  const score = (t: string) => analyzeStatement(t, ctx).checkworthiness;

  it('"No children were among the dead" counts no child killed, against a toll of children', () => {
    expect(facetsOf('No children were among the dead.').quantities).toEqual([
      expect.objectContaining({ value: 0, counted: 'child', event: 'kill' }),
    ]);
    const [r] = pairsOn('2131-05-20T12:00:00Z', 6)(
      'No children were among the dead.',
      'By noon, 19 people had been confirmed dead, eight of them children.',
    );
    expect(kinds(r)).toContain('QUANTITY_MISMATCH');
  });

  it('a length alone and a denial that something was there are check-worthy; a creed is not', () => {
    expect(score('The siege lasted 31 hours and 10 minutes.')).toBeGreaterThanOrEqual(0.5);
    expect(score('There were no weapons in the school.')).toBeGreaterThanOrEqual(0.5);
    expect(score('The alarms on the lower deck never went off.')).toBeGreaterThan(0.5);
    expect(
      score('No warning of any kind was given to our staff before the strike.'),
    ).toBeGreaterThanOrEqual(0.5);
    expect(score('We never give up hope.')).toBeLessThan(0.3);
  });
});

describe('twenty-sixth session: a death named in full', () => {
  const pair = pairsOn('2131-05-20T12:00:00Z', 6);

  it('is one of the dead: it contradicts "no one was hurt", not a toll of four', () => {
    const drowned = facetsOf('Mara Tolland, who was 64, drowned in her cellar in Ebbing.');
    expect(drowned.namedDeaths).toEqual([{ name: 'Mara Tolland', at: 0 }]);
    // The name stays a name: no count of it, and the person is an actor.
    expect(drowned.quantities).toEqual([]);
    expect(drowned.actors.map((a) => a.text)).toContain('Mara Tolland');
    const [none] = pair(
      'No one was hurt in the villages below the dam.',
      'Mara Tolland, who was 64, drowned in her cellar in Ebbing.',
    );
    expect(kinds(none)).toContain('QUANTITY_MISMATCH');
    expect(none.relation).toBe('CONTRADICTS');
    const [toll] = pair(
      'Four people drowned in Ebbing when the water rose.',
      'Mara Tolland, who was 64, drowned in her cellar in Ebbing.',
    );
    expect(kinds(toll)).not.toContain('QUANTITY_MISMATCH');
    // "Nobody was seriously injured" is none hurt, which a death answers too.
    expect(facetsOf('Nobody was seriously injured.').quantities).toEqual([
      expect.objectContaining({ value: 0, event: 'injure' }),
    ]);
  });

  it('"died down" is no named death, a leading "Later" no part of the name, an age no count', () => {
    expect(facetsOf('The Red Cross appeal died down.').namedDeaths).toBeUndefined();
    expect(facetsOf('Later Mara Tolland died.').namedDeaths).toEqual([
      { name: 'Mara Tolland', at: 6 },
    ]);
    // The age after "who was" is no count.
    expect(facetsOf('Mara Tolland, who was 64, drowned.').quantities).toEqual([]);
  });
});

describe('twenty-sixth session: none is no whole of a list', () => {
  it('"nobody was injured" is not set against "210 passengers and 30 crew"', () => {
    const [r] = pairsOn('2131-05-20T12:00:00Z', 6)(
      'Nobody was injured, and three passengers were treated on board.',
      'There were 240 people on board, 210 passengers and 30 crew.',
    );
    expect(kinds(r)).not.toContain('QUANTITY_MISMATCH');
  });
});

describe('twenty-sixth session: one moment in two words', () => {
  const pair = pairsOn('2131-05-20T12:00:00Z', 6);

  it('"called off at 15:40" and "abandoned at twenty to four" agree on the moment', () => {
    const [r] = pair(
      'The match was called off at 15:40 on the advice of the police commander.',
      'The match was abandoned at twenty to four this afternoon.',
    );
    expect(kinds(r)).toContain('DATE_AGREEMENT');
    const [apart] = pair(
      'The match was called off at 15:40 on the advice of the police commander.',
      'The match was abandoned at ten past five this afternoon.',
    );
    expect(kinds(apart)).not.toContain('DATE_AGREEMENT');
  });

  it('the same minute on two different days is no agreement', () => {
    const [r] = pair(
      'The match was called off at 15:40 on 12 May.',
      'The match was abandoned at 15:40 on 14 May.',
    );
    expect(kinds(r)).not.toContain('DATE_AGREEMENT');
  });
});
