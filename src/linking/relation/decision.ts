/**
 * The second stage of the relation classifier: explicit, aligned evidence from the signals
 * shifts the learned model's class probabilities. The tree model is trained mostly on FNC-1,
 * where facet conflicts (two counts of the same dead, two dates of the same attack) are rare,
 * so it cannot learn to weigh them; here they act as log-likelihood ratios on top of the
 * model's probabilities, and the result is still a distribution that the Platt map calibrates.
 *
 * The rules, in the order a researcher would apply them:
 *  1. A side that attributes or hedges the shared proposition (and does not itself rebut it)
 *     reports it: DISCUSSES, whatever the facts say.
 *  2. Otherwise a strong, aligned conflict (different count of the same thing, different day
 *     of the same event, different length of the same event, another agent for the same
 *     predicate, opposite or negated predicate, a rebuttal aimed at the shared words):
 *     CONTRADICTS.
 *  3. Otherwise facts that agree with nothing in conflict: CORROBORATES.
 * All three need topical alignment (topic.ts): shared content beyond the compared facets.
 * Statements tied only by facets (same day, same figure) without it get no link: "none"
 * wins over the model whatever it says.
 * Everything here is symmetric in the two statements.
 */
import type { Analysis } from './analyze.js';
import {
  comparableLengths,
  countsListedThing,
  eventKey,
  sameEventCount,
  sameThing,
} from './events.js';
import { GROUP_NOUNS, ORG_HEADS } from '../../claims/extraction/lexicon.js';
import { knownVerbLemma } from '../../text/lemma.js';
import type { Alignment, IdfTable } from './alignment.js';
import {
  attackTargetsDiffer,
  bothAttacks,
  explainsOnly,
  inNamed,
  isClockMismatch,
  lengthRange,
  negatesDenied,
  plainKey,
  rebuttalReach,
  rebutted,
  refutesNegation,
  sharesEventClass,
} from './signals.js';
import type { Token } from '../../text/relation-words.js';
import { topicalAlignment } from './topic.js';
import { negatedKindAnswered } from './kinds.js';
import type { LinkSignal, StatementView } from './types.js';

/** Class order shared with the model: none, CORROBORATES, CONTRADICTS, DISCUSSES. */
const NONE = 0;
const CORR = 1;
const CONTRA = 2;
const DISC = 3;

/** Log-likelihood ratios of the rules (see `applyEvidence`), stored in the model file. */
export interface RuleWeights {
  /** Added to CONTRADICTS for an aligned facet or predicate conflict in the writers' own voices. */
  contradiction: number;
  /**
   * Added to CONTRADICTS when the only conflict is lexical (a negation or a rebuttal aimed at
   * shared words): common in news that discusses a claim, so weaker and tuned on FNC-1.
   */
  lexicalConflict: number;
  /** Taken from CORROBORATES when the facts conflict. */
  conflictAgainstAgreement: number;
  /** Added to DISCUSSES when one side reports the shared proposition. */
  reported: number;
  /** Added to CORROBORATES when facts agree and nothing conflicts. */
  agreement: number;
  /** Taken from "no link" when facets tie the statements to the same event. */
  anchored: number;
  /** Added to "no link" when the statements share no proposition (optional in older model files). */
  offTopic?: number;
  /**
   * Margin by which "no link" beats every other class when the statements share facets but
   * no topic (optional in older model files).
   */
  unaligned?: number;
}

export const DEFAULT_RULE_WEIGHTS: RuleWeights = {
  contradiction: 3,
  lexicalConflict: 1.5,
  conflictAgainstAgreement: 2,
  reported: 2,
  agreement: 1.5,
  anchored: 2.5,
  unaligned: 3,
  offTopic: 2.5,
};

export interface Evidence {
  /** Kinds of aligned conflict found (empty: none). */
  conflicts: string[];
  /** One side reports (attributes or hedges) the shared proposition, the other does not. */
  reported: boolean;
  /** Facet agreement (count, date, duration) with no conflict. */
  agreement: boolean;
  /** The reporting side balances an accusation and its rebuttal. */
  balanced: boolean;
  /**
   * The statements share no proposition: no event class, fewer than two topical words that
   * are not names, and no specific signal (a compared figure or length, an agent, a negated or
   * opposite predicate). Shared names and dates tie every report of one week together; alone
   * they make no link (optional for older callers).
   */
  offTopic?: boolean;
  /** Each side counts a group the other does not: they cannot corroborate (otherGroupsCounted). */
  otherGroups?: boolean;
  /**
   * The reporting side names who says it ("officials said on Saturday that P"): a report of P,
   * which discusses P whatever else the pair shares.
   */
  spoken?: boolean;
  /** A facet comparison (count, date, duration) ties the statements to the same event. */
  anchored: boolean;
  /** The statements share no words but measure the length of an event each. */
  durationOnly: boolean;
  /**
   * The statements share no words, but one counts none of a group and the other some of it
   * ("No civilians were harmed" / "Twelve people were killed, among them nine patients"): the
   * figures are the link (optional for older callers).
   */
  noneAgainstSome?: boolean;
  /** No word shared, but counts of one listed kind of event and one group (see gatherEvidence). */
  figuresOnly?: boolean;
  /**
   * One side says only military targets were hit, the other counts civilians harmed
   * (CIVILIAN_TOLL): the toll bears on the claim, a discussion (optional for older callers).
   */
  bearing?: boolean;
  /**
   * Both sides carry comparable facets (dates, figures or durations) but share no topic:
   * what tied them is the facets alone, so there is no link.
   */
  unaligned: boolean;
}

/** Relative gap above which two lengths of the same event clearly differ (1 day vs 3 days). */
const DURATION_CONFLICT_RATIO = 1.5;
/** Share of aligned words for a named speaker's report to count as reporting the other side. */
const SPOKEN_COVERAGE = 0.3;
/** How far (in tokens) a rebuttal may sit from the words it rebuts. */
const REFUTATION_WINDOW = 10;

const FACET_AGREEMENTS = new Set([
  'EVENT_AGREEMENT',
  'QUANTITY_AGREEMENT',
  'DATE_AGREEMENT',
  'DURATION_AGREEMENT',
  'CORRECTION_CONSISTENT',
]);

/** Rebutting verbs whose object follows them. */
const REBUTTING_VERB =
  /^(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|refut(?:e|es|ed|ing))$/;

/** A rebuttal cue with a shared word in its reach: the statement denies the other's content. */
export function aimedRefutation(a: Analysis, shared: Set<string>, other: Analysis): boolean {
  if (a.balancedReport) return false;
  for (const c of a.refutations) {
    if (c.at < 0) continue;
    // "said 112 people were detained and denied that police used live rounds": a verb that
    // takes its object rebuts what follows it, not the clause before it ("... were denied by"
    // still looks both ways), and a clause it rebuts needs more than its subject shared, or
    // "denied that police used live rounds" would rebut "police detained 112".
    const next = a.tokens[c.at + 1]?.lower;
    const forward = REBUTTING_VERB.test(a.tokens[c.at]?.lower ?? '') && !!next && next !== 'by';
    const hi = rebuttalReach(a, c.at, REFUTATION_WINDOW);
    const isShared = (t: Token) => t.content && shared.has(t.key) && !/^\d/.test(t.key);
    if (forward) {
      // As for a DENIAL: a shared place or party name alone is not what is rebutted.
      if (rebutted(a, c.at, hi, (t) => isShared(t) && !a.names.has(t.key), other)) return true;
      continue;
    }
    for (let i = Math.max(0, c.at - REFUTATION_WINDOW); i <= hi; i++)
      if (i !== c.at && isShared(a.tokens[i]!)) return true;
  }
  return false;
}

const OBSERVATION =
  /\b(?:has|have|had)\s+been\s+(?:reported|recorded|observed|confirmed)\b(?!\s+(?:that|by)\b)/i;

/**
 * "Since the ceasefire, no shelling has been reported", "nine people have been confirmed dead":
 * an agentless perfect passive states what was (not) observed in the writer's voice; it names
 * no one whose view is reported.
 */
function observationOnly(view: StatementView, a: Analysis): boolean {
  if (view.facets.attribution?.speaker) return false;
  if (!OBSERVATION.test(a.text)) return false;
  return a.attributions.every((c) =>
    /^(?:report|been\s+(?:reported|confirmed)|confirm)/i.test(c.text),
  );
}

/** Whether a statement speaks in another's voice or hedges (not counting a rebuttal). */
export function reportsContent(view: StatementView, a: Analysis, aimed: boolean): boolean {
  if (a.balancedReport) return true;
  // A correction speaks in the writer's own voice about what an earlier text said.
  if (a.correction) return false;
  // A rebuttal attributed to its author ("the ministry denied that ...") still rebuts.
  if (aimed) return false;
  const hedged =
    view.facets.hedges.length > 0 ||
    a.hedges.length > 0 ||
    view.facets.question ||
    a.inquiry !== null;
  // A publisher speaking of itself ("The mission confirmed ..." in the mission's report) is
  // the writer's own voice, whatever the cue.
  const attributed =
    !view.facets.attribution?.self &&
    (view.facets.attribution !== null || a.attributions.length > 0) &&
    !observationOnly(view, a);
  if (!hedged && !attributed) return false;
  // "not X, as the ministry claims": the attribution names the view being disputed.
  if (a.contrastAttribution && a.negations.length > 0) return false;
  if (a.contrastOwn) return false;
  return true;
}

/**
 * Both statements name one speaker: a capitalised word of one speaker in the other's
 * ("the General Staff" / "Korvan's General Staff"). "The ministry" and "officials" name no one
 * in particular.
 */
function sameSpeaker(l: StatementView, r: StatementView): boolean {
  const names = (v: StatementView) =>
    new Set(
      (v.facets.attribution?.speaker ?? '')
        .split(/[^\p{L}]+/u)
        .filter((w) => /^\p{Lu}/u.test(w) && w !== 'The')
        .map((w) => w.toLowerCase()),
    );
  const a = names(l);
  for (const w of names(r)) if (a.has(w)) return true;
  return false;
}

/** A speaker with a name or a role ("officials on both sides", "the ministry"), not a pronoun. */
function namedSpeaker(view: StatementView): boolean {
  const sp = view.facets.attribution?.speaker;
  return !!sp && !/^(?:he|she|they|it|we|i|you)$/i.test(sp.trim());
}

/**
 * A mismatch between a period bounded by two days and a length (signals.ts, spanLengthSignals):
 * one side of it is no length facet. Its ranges were already compared there.
 */
/**
 * A period one side bounds, set against the length the other gives (spanLengthSignals): with
 * one class of event on both sides, it ties two statements that share no word.
 */
function periodAgainstLength(
  signals: readonly LinkSignal[],
  l: StatementView,
  r: StatementView,
): boolean {
  return signals.some((s) => s.kind.startsWith('DURATION_') && spanAgainstLength(s, l, r));
}

function spanAgainstLength(s: LinkSignal, l: StatementView, r: StatementView): boolean {
  const lengths = new Set([...l.facets.durations, ...r.facets.durations].map((d) => d.text));
  return !lengths.has(s.left ?? '') || !lengths.has(s.right ?? '');
}

function durationConflict(
  l: StatementView,
  r: StatementView,
  lAn: Analysis,
  rAn: Analysis,
): boolean {
  // A length in a naming in another's words is theirs, not compared (Analysis.named).
  const ld = l.facets.durations.filter((d) => !inNamed(lAn, d));
  const rd = r.facets.durations.filter((d) => !inNamed(rAn, d));
  if (ld.length !== 1 || rd.length !== 1) return false;
  const a = ld[0]!;
  const b = rd[0]!;
  const ra = lengthRange(l.text, a);
  const rb = lengthRange(r.text, b);
  // A bound ("more than 40 hours", "less than a minute") conflicts with any length outside it:
  // "completed in 31 hours" against "for more than 40 hours".
  if (ra.bound || rb.bound) return ra.hi < rb.lo || rb.hi < ra.lo;
  return (
    Math.max(a.seconds, b.seconds) >=
    DURATION_CONFLICT_RATIO * Math.max(1, Math.min(a.seconds, b.seconds))
  );
}

/**
 * Evidence of no relation at all; `unaligned`: facets tied the statements, and that is all.
 * Otherwise the statements share no topic, so they are off topic: before, the model alone
 * decided such pairs and linked "a meeting on the Veshnar Valley mechanism" CONTRADICTS "no
 * forces in the Veshnar Valley" on the place name and a negation.
 */
const noLink = (unaligned: boolean): Evidence => ({
  conflicts: [],
  reported: false,
  agreement: false,
  anchored: false,
  balanced: false,
  durationOnly: false,
  unaligned,
  offTopic: !unaligned,
});

export function gatherEvidence(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  al: Alignment,
  signals: LinkSignal[],
  idf?: IdfTable,
): Evidence {
  const topic = topicalAlignment(left, right, la, ra, al, idf);
  const periodTied = periodAgainstLength(signals, left, right);
  // "Only military infrastructure was targeted" / "Marn hospital was struck": the exclusion
  // ties two statements that share no word (signals.ts, targetExclusion).
  if (
    !topic.aligned &&
    !signals.some((s) => s.kind === 'EXCLUSION' || s.kind === 'CIVILIAN_TOLL') &&
    !periodTied
  ) {
    const lf = left.facets;
    const rf = right.facets;
    const facetTied =
      (lf.dates.length > 0 && rf.dates.length > 0) ||
      (lf.quantities.length > 0 && rf.quantities.length > 0) ||
      (lf.durations.length > 0 && rf.durations.length > 0);
    return noLink(facetTied);
  }
  const shared = new Set(al.shared);
  // A DENIAL signal (only one side can deny: signals.ts) is aimed at the other side's content
  // too: the denier is its doer ("the Kestrian ministry denied that any of its units were
  // there" / "a mine planted by Kestrian units").
  const denied = signals.some((s) => s.kind === 'DENIAL');
  // Two denials of one thing ("Bresk denied any role in the attack" / "the attack was staged")
  // do not rebut each other: the one a writer reports only discusses the other.
  const bothDeny = !!la.denial && !!ra.denial;
  const aimedL =
    !bothDeny && (aimedRefutation(la, shared, ra) || (denied && !!la.denial && !ra.denial));
  const aimedR =
    !bothDeny && (aimedRefutation(ra, shared, la) || (denied && !!ra.denial && !la.denial));
  const repL = reportsContent(left, la, aimedL);
  const repR = reportsContent(right, ra, aimedR);
  // Or a period one side bounds against the other's length (spanLengthSignals in signals.ts).
  const durationOnly =
    al.shared.length === 0 &&
    ((left.facets.durations.length === 1 &&
      right.facets.durations.length === 1 &&
      comparableLengths(la, left.facets.durations[0], ra, right.facets.durations[0])) ||
      periodTied);

  const kinds = new Set(signals.map((s) => s.kind));
  if (kinds.has('DIFFERENT_EVENT') && !kinds.has('CORRECTION') && !kinds.has('DENIAL')) {
    // Two events of one kind at different times: neither a conflict nor an agreement.
    return noLink(true);
  }
  // The cause of an operation against an account of the operation that gives none. A side
  // that negates or rebuts something ("the rockets were launched by Veldorian units, not by
  // Gorsk") speaks of the cause after all.
  const rebuts = (a: Analysis) => a.negations.length > 0 || a.refutations.length > 0;
  if (
    ((explainsOnly(la, ra) && !rebuts(ra)) || (explainsOnly(ra, la) && !rebuts(la))) &&
    !['DENIAL', 'CORRECTION', 'EXCLUSION'].some((k) => kinds.has(k))
  )
    return noLink(true);
  // A correction of a date ties two statements no more than two dates do: "the story
  // incorrectly said the mine was on 17 September" says nothing of "11 men detained on 19
  // September" unless the two share the event.
  const dateTexts = new Set([...left.facets.dates, ...right.facets.dates].map((d) => d.text));
  const dateCorrection = (s: LinkSignal) =>
    (s.kind === 'CORRECTION' || s.kind === 'CORRECTION_CONSISTENT') &&
    dateTexts.has(s.left ?? '') &&
    dateTexts.has(s.right ?? '');
  // ... unless the correction's proposition shares a word with the other side that is no
  // name: "incorrectly said the strike happened on Saturday" / "Sunday's missile strike".
  const sharedWord = topic.keys.some((k) => !la.names.has(k) && !ra.names.has(k));
  const loneDateCorrection = (s: LinkSignal) => dateCorrection(s) && !sharedWord;
  const unspecific = !signals.some((s) => SPECIFIC.has(s.kind) && !loneDateCorrection(s));
  const otherGroups = unspecific && otherGroupsCounted(left, right);
  // "The strike on the market in Varnholt came at 10:40" / "recorded the explosions in Varnholt
  // at 09:12": one attack on one named place at two clock times that cannot meet. The place and
  // the moment pin the proposition where no word is shared.
  const clockClash = topic.sharedName && bothAttacks(la, ra) && signals.some(isClockMismatch);
  const offTopic =
    unspecific && !clockClash && (otherGroups || !sameProposition(la, ra, topic.keys));
  const conflicts = new Set<string>();
  for (const s of signals) {
    switch (s.kind) {
      case 'QUANTITY_MISMATCH':
      case 'ACTOR_SWAP':
      case 'ANTONYM':
      case 'EXCLUSION':
      case 'NEGATION':
      case 'DENIAL':
        conflicts.add(s.kind);
        break;
      case 'CORRECTION':
        if (!(offTopic && dateCorrection(s))) conflicts.add(s.kind);
        break;
      case 'DATE_MISMATCH':
        // Two dates of two different propositions ("detained on 19 September" / "the mine on
        // 17 September") are no conflict.
        if (s.weight >= 0.8 && !offTopic) conflicts.add(s.kind);
        break;
      case 'DURATION_MISMATCH':
        if (
          (al.shared.length > 0 || durationOnly) &&
          (durationConflict(left, right, la, ra) || spanAgainstLength(s, left, right))
        )
          conflicts.add(s.kind);
        break;
      default:
        break;
    }
  }
  // One rebuttal against the other's content is a conflict; both rebutting is agreement. A
  // correction whose rejected value differs from the other side's agrees with it instead.
  // Denying P and stating not-P agree: no rebuttal of the other's content.
  const consistent =
    signals.some((s) => s.kind === 'CORRECTION_CONSISTENT' && !(offTopic && dateCorrection(s))) ||
    (aimedL && negatesDenied(la, ra)) ||
    (aimedR && negatesDenied(ra, la)) ||
    (aimedL && refutesNegation(la, ra)) ||
    (aimedR && refutesNegation(ra, la));
  if (
    aimedL !== aimedR &&
    !offTopic &&
    !consistent &&
    !kinds.has('DENIAL') &&
    !kinds.has('CORRECTION')
  )
    conflicts.add('REFUTATION_CUE');
  // One kind of event on both sides, and nothing of it compared (no day, figure or length, no
  // words of one fact): "Oskaria began an offensive on Tuesday" / "shelling continued until
  // Thursday", "strikes hit only military sites". Two things said of one operation, which do
  // not confirm each other: on the probe sets such pairs were wrong five times in six. They
  // stay anchored to one event, but their agreement adds nothing to CORROBORATES. (An attack
  // told with its own targets keeps it: it discusses another account, see classifier.ts.)
  const eventOnly =
    kinds.has('EVENT_AGREEMENT') &&
    !signals.some(
      (s) =>
        s.kind !== 'EVENT_AGREEMENT' &&
        (FACET_AGREEMENTS.has(s.kind) || s.kind === 'FACT_AGREEMENT' || s.kind === 'PARAPHRASE'),
    ) &&
    !attackTargetsDiffer(la, ra);
  const facetAgreement =
    !offTopic &&
    signals.some((s) => FACET_AGREEMENTS.has(s.kind) && !bareCountAgreement(s, left, right));
  // Word-level agreement is already a model feature; only facet agreement is added here, and
  // the agreement of two reports of one speaker's words ("Korvan's General Staff said its
  // forces had struck a militant command post" / "... the General Staff said"): they agree
  // on what was said, which a researcher tracing the claim wants to see as corroboration.
  const oneVoice =
    repL &&
    repR &&
    !offTopic &&
    sameSpeaker(left, right) &&
    signals.some((s) => s.kind === 'FACT_AGREEMENT');
  // "The Front did not fire on the aid convoy on 12 October" / "the convoy came under fire on
  // 12 October": one side negates a deed the other states, with no doer to set them against
  // each other. The day they share confirms nothing.
  const classes = (v: StatementView) => v.facets.frame?.classes ?? [];
  const oneNegates =
    negatesShared(la, ra, shared, classes(right)) || negatesShared(ra, la, shared, classes(left));
  const agreement =
    conflicts.size === 0 && !oneNegates && ((facetAgreement && !eventOnly) || oneVoice);
  const anchored =
    facetAgreement ||
    conflicts.has('QUANTITY_MISMATCH') ||
    conflicts.has('DATE_MISMATCH') ||
    conflicts.has('DURATION_MISMATCH') ||
    conflicts.has('ANTONYM') ||
    conflicts.has('ACTOR_SWAP') ||
    conflicts.has('CORRECTION') ||
    // "Only military objects were hit" / "two shells hit the district hospital": the target
    // the exclusion leaves out pins it as a figure pins a count.
    conflicts.has('EXCLUSION') ||
    // "used no special means" / "fired tear gas": the negated word's kind is named, which pins
    // the negation to the other side's deed as a figure pins a count.
    (conflicts.has('NEGATION') && (negatedKindAnswered(la, ra) || negatedKindAnswered(ra, la)));
  // Only for a report of the same proposition (two topical words, a quarter of the words):
  // measured on the example corpus, a looser test turned 220 non-links into DISCUSSES.
  const spoken =
    repL !== repR &&
    namedSpeaker(repL ? left : right) &&
    topic.keys.length >= 2 &&
    al.coverageMax >= SPOKEN_COVERAGE;
  // Counts of one listed kind of event and of one group, with no word shared: "carrying about
  // 100 migrants" / "at least 350 people on board". The figures are the link.
  const figuresOnly =
    al.shared.length === 0 &&
    topic.facetAligned &&
    signals.some((s) => s.kind === 'QUANTITY_MISMATCH' || s.kind === 'QUANTITY_AGREEMENT') &&
    [...left.facets.quantities, ...right.facets.quantities].every((q) => !q.unit) &&
    // "Twelve hits were recorded" / "we counted nine impact points": one thing in two words.
    left.facets.quantities.some((q) => eventKey(q.event)?.startsWith('#') || countsListedThing(q));
  const noneAgainstSome =
    al.shared.length === 0 &&
    signals.some(
      (s) =>
        s.kind === 'QUANTITY_MISMATCH' &&
        [...left.facets.quantities, ...right.facets.quantities].some(
          (q) => q.value === 0 && (q.text === s.left || q.text === s.right),
        ),
    );
  return {
    conflicts: [...conflicts],
    noneAgainstSome,
    figuresOnly,
    // A balanced report (two sides' accounts, neither the writer's) stays a report against a
    // statement that also cites someone ("..., whatever the airline says").
    reported:
      (repL !== repR || (la.balancedReport !== ra.balancedReport && !sameSpeaker(left, right))) &&
      !offTopic,
    offTopic,
    otherGroups,
    spoken,
    agreement,
    anchored,
    balanced: la.balancedReport !== ra.balancedReport,
    durationOnly,
    bearing: signals.some((s) => s.kind === 'CIVILIAN_TOLL'),
    unaligned: false,
  };
}

/**
 * The same count of the same people with no event on either side ("Two kids on a boat" / "Two
 * kids are sleeping in bed") says who the statements are about, not what happened to them: it
 * agrees on nothing a researcher would check. A count of an event ("two civilians were killed")
 * or of a unit ("40 %") still does.
 */
function bareCountAgreement(s: LinkSignal, left: StatementView, right: StatementView): boolean {
  if (s.kind !== 'QUANTITY_AGREEMENT') return false;
  const bare = (v: StatementView, text: string | null) =>
    v.facets.quantities.some((q) => q.text === text && !q.event && !q.unit);
  return bare(left, s.left) && bare(right, s.right);
}

const LEXICAL = new Set(['NEGATION', 'REFUTATION_CUE']);

/** Signals that pin two statements to one proposition on their own (dates do not: a week's reports share them). */
const SPECIFIC = new Set([
  'QUANTITY_MISMATCH',
  'QUANTITY_AGREEMENT',
  'DURATION_MISMATCH',
  'DURATION_AGREEMENT',
  'ACTOR_SWAP',
  'NEGATION',
  'ANTONYM',
  'DENIAL',
  'CORRECTION',
  'CORRECTION_CONSISTENT',
  'FRAMING',
  'EVENT_AGREEMENT',
  'FACT_AGREEMENT',
  'EXCLUSION',
  'CIVILIAN_TOLL',
]);

/**
 * Both statements count people or things, and no count of one is comparable with a count of
 * the other: "three border guards were killed" / "two civilians were killed" share the event
 * and the verb but state nothing about one group. Without a conflict or an agreement, what
 * they share is the incident, not a proposition (the example corpus's gold has no link there).
 */
function otherGroupsCounted(l: StatementView, r: StatementView): boolean {
  const counts = (v: StatementView) =>
    v.facets.quantities.filter((q) => q.counted !== null && (q.unit ?? null) === null);
  const a = counts(l);
  const b = counts(r);
  if (a.length === 0 || b.length === 0) return false;
  return a.every((x) => b.every((y) => !sameThing(x, y, l.text, r.text) && !sameEventCount(x, y)));
}

/**
 * Whether two keys name an actor: a head ("guard", "police", "forces") after a modifier that is
 * no verb ("exchanged prisoners" is an event, "coast guard" an actor).
 */
function actorHead(a: Analysis, first: string, head: string): boolean {
  const m = a.keyToken.get(first)?.lower ?? '';
  const w = a.keyToken.get(head)?.lower ?? '';
  if (/(?:ed|ing)$/.test(m) || knownVerbLemma(m) !== null) return false;
  return ORG_HEADS.has(w) || GROUP_NOUNS.has(w);
}

/** The same leading event class, or two shared topical words that are not names. */
function sameProposition(la: Analysis, ra: Analysis, topicKeys: string[]): boolean {
  const words = topicKeys.filter((k) => !la.names.has(k) && !ra.names.has(k));
  // An actor named by a compound on both sides ("the coast guard", "riot police", "border
  // guards") is one term, and no proposition: statements about it may say anything of it.
  const set = new Set(words);
  let terms = words.length;
  for (const b of la.bigrams) {
    const [x, y] = b.split(' ');
    if (
      set.has(x!) &&
      set.has(y!) &&
      ra.bigrams.has(b) &&
      // Either side's words for it ("this office" / "the offices"): the same either way round.
      (actorHead(la, x!, y!) || actorHead(ra, x!, y!))
    )
      terms--;
  }
  if (terms >= 2) return true;
  // One thing attacked, told as two kinds of attack: "the convoy was destroyed by a mine on the
  // evening of 4 March" / "a convoy was struck from the air at about 02:15 on 5 March".
  // The shared word must be a plain one on both sides: a sentence-initial name ("Oskan had
  // nothing to do with ...") is not among `names`.
  if (words.some((k) => plainKey(la, k) && plainKey(ra, k)) && bothAttacks(la, ra)) return true;
  return sharesEventClass(la, ra, true);
}

/** Tokens after a negation that it may govern ("did not fire on", "no fighters"). */
const NEGATION_REACH = 3;

/**
 * Whether `a` negates a word both sides use, or a deed of a class `b`'s event has (`bClasses`,
 * from its frame), and `b` negates nothing.
 */
function negatesShared(
  a: Analysis,
  b: Analysis,
  shared: Set<string>,
  bClasses: readonly string[] = [],
): boolean {
  if (b.negations.length > 0) return false;
  // "did not fire a single round at the town" / "shells struck a crowded market in the town":
  // a deed of one class denied against one stated, in other words.
  return a.negations.some((n) =>
    a.tokens
      .slice(n.at + 1, n.at + 1 + NEGATION_REACH)
      .some(
        (t) =>
          t.content &&
          !a.names.has(t.key) &&
          (shared.has(t.key) || bClasses.includes(DENIED_DEED_CLASS[t.lower] ?? '')),
      ),
  );
}
/** A verb after "did not" and the class of event it names. */
const DENIED_DEED_CLASS: Record<string, string> = {
  fire: 'military_action',
  shoot: 'military_action',
  shell: 'military_action',
  bomb: 'military_action',
  attack: 'military_action',
  strike: 'military_action',
  hit: 'military_action',
};

/**
 * Shifts log-probabilities by the rules' log-likelihood ratios and renormalises. With no
 * evidence the model's probabilities come back unchanged.
 */
export function applyEvidence(probs: number[], ev: Evidence, w: RuleWeights): number[] {
  const s = probs.map((p) => Math.log(Math.max(p, 1e-9)));
  if (ev.offTopic) s[NONE] += w.offTopic ?? DEFAULT_RULE_WEIGHTS.offTopic!;
  if (ev.otherGroups) s[CORR] -= w.conflictAgainstAgreement;
  if (ev.unaligned) {
    // Facets without a shared topic: "none" wins by a fixed margin over the best link.
    const best = Math.max(s[CORR], s[CONTRA], s[DISC]);
    s[NONE] = Math.max(s[NONE], best + (w.unaligned ?? DEFAULT_RULE_WEIGHTS.unaligned!));
  }
  const conflict = ev.conflicts.length > 0;
  const facetConflict = ev.conflicts.some((k) => !LEXICAL.has(k));
  if (ev.bearing && !conflict) {
    // A civilian toll against "only military targets were hit": it bears on the claim, which
    // it neither repeats nor refutes. The two share no word for the model to read, so the
    // discussion wins by a fixed margin, as "no link" does for facets without a topic.
    const best = Math.max(s[NONE], s[CORR], s[CONTRA]);
    s[DISC] = Math.max(s[DISC], best + w.reported);
  }
  if (ev.reported) {
    // A hedged headline over an asserting sentence is FNC-1's "agree" as often as "discuss":
    // the rule needs the shared proposition pinned down by facets or a balanced report.
    if (conflict || ev.agreement || ev.anchored || ev.balanced || ev.spoken) {
      if (ev.anchored) s[NONE] -= w.anchored;
      s[DISC] += w.reported;
      // A report pinned to the other side by a figure, a date or a negation of the same deed
      // ("the authorities said 83 were killed" / "83 of our people have been killed") is what
      // a report discussing a claim looks like: over the probe sets such links below the
      // display threshold were right 15 times in 17.
      if (ev.anchored && (facetConflict || ev.agreement)) s[DISC] += w.reported / 2;
      // The reporting side does not say it in its own voice, so it cannot corroborate.
      s[CORR] -= w.conflictAgainstAgreement;
      // Nor contradict: a conflicting figure it attributes is reported, not stated, and with
      // no conflict at all there is nothing to contradict.
      s[CONTRA] -= w.reported;
    }
  } else if (conflict) {
    // Two independent facet conflicts (count and agent) are stronger than one.
    const facets = ev.conflicts.filter((k) => !LEXICAL.has(k)).length;
    s[CONTRA] += facetConflict
      ? w.contradiction * Math.sqrt(Math.min(facets, 2))
      : w.lexicalConflict;
    s[CORR] -= facetConflict ? w.conflictAgainstAgreement : w.lexicalConflict / 2;
    if (ev.anchored || ev.durationOnly) s[NONE] -= w.anchored;
  } else if (ev.agreement) {
    s[CORR] += w.agreement;
    // Facts that agree with nothing in conflict leave nothing to contradict.
    s[CONTRA] -= w.agreement;
    if (ev.anchored || ev.durationOnly) s[NONE] -= w.anchored;
  }
  let max = -Infinity;
  for (const v of s) if (v > max) max = v;
  const e = s.map((v) => Math.exp(v - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}
