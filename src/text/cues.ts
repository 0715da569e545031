/**
 * Cue word lists: negation, refutation, hedging and attribution.
 *
 * Two families, kept apart because they feed different stages and the relation model was
 * trained on the exact relation lists:
 * - the word lists and sets (NEGATION_WORDS ... ATTRIBUTION_SET) are matched per token by
 *   relation analysis (linking/relation/analyze.ts, topic.ts); the tokeniser splits "didn't"
 *   into "did" + "n't", so the lists hold "n't" rather than every contraction;
 * - EXTRACTION_NEGATION_RE / EXTRACTION_HEDGE_RE are matched over raw sentence text by claim
 *   extraction (claims/extraction/cues.ts) to fill the stored negation and hedge facets; they
 *   include denial verbs as negations and multi-word hedges ("may have", "appears to") that
 *   relation analysis handles as phrases or refutation cues instead.
 */

/** Extraction: negation words, contractions and denial verbs, over raw text (global: reset lastIndex). */
export const EXTRACTION_NEGATION_RE =
  /(?<![\p{L}])(not|no|never|none|neither|nor|without|nobody|nothing|nowhere|cannot|\p{L}+n[’']t|den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?)(?![\p{L}])/giu;

/** Extraction: hedging words and phrases over raw text (global: reset lastIndex). */
export const EXTRACTION_HEDGE_RE =
  /(?<![\p{L}])(reportedly|allegedly|purportedly|apparently|presumably|supposedly|possibly|probably|likely|unconfirmed|unverified|rumou?red|claimed|claims? that|may have|might have|could have|may|might|(?:is|are|was|were) (?:believed|thought|said|understood|suspected|alleged) to|it is (?:believed|thought|understood) that|suspected|appears? to|seems? to)(?![\p{L}])/giu;

/** Words that negate the predicate next to them. */
export const NEGATION_WORDS = new Set([
  'not',
  'no',
  'never',
  "n't",
  'nor',
  'neither',
  'none',
  'nobody',
  'nothing',
  'without',
  'cannot',
]);

/** Cues that a statement rebuts a claim (FNC "disagree", FEVER "refutes"). */
export const REFUTATION_CUES: readonly string[] = [
  'denied',
  'denies',
  'deny',
  'denying',
  'fabricated',
  'false',
  'falsely',
  'hoax',
  'hoaxes',
  'debunked',
  'debunk',
  'debunks',
  'fake',
  'faked',
  'refuted',
  'refute',
  'refutes',
  'baseless',
  'untrue',
  'bogus',
  'myth',
  'misleading',
  'fraud',
  'fraudulent',
  'prank',
  'satire',
  'satirical',
  'retracted',
  'retract',
  'dismissed',
  'rejected',
  'nonsense',
  'unfounded',
  'disputed',
  'rubbish',
  'lies',
  'lie',
  'fiction',
  'fictional',
  'parody',
  'spoof',
  'doubt',
  'doubts',
  'skeptical',
  'sceptical',
  // Corrections say the earlier statement was wrong rather than "false".
  'incorrectly',
  'wrongly',
  'erroneously',
  'mistakenly',
  'inaccurate',
  'incorrect',
];

/** Multi-word refutation cues, matched on lower-cased text. */
export const REFUTATION_PHRASES: readonly string[] = [
  'no evidence',
  'not true',
  'no truth',
  'not real',
  'never happened',
  'did not happen',
  // "the administration said no such attack had taken place".
  'no such attack',
  'no such incident',
  'no such strike',
  'never took place',
  'did not take place',
  'had not taken place',
  'never occurred',
  "didn't happen",
  'no proof',
  'no basis',
  'is a rumor',
  'is a rumour',
  'turned out to be',
  'made up',
  'not the case',
  'found no',
  'no sign of',
  'no indication',
  // "The government's figure of 900 ... cannot be reconciled with the gauge record".
  'cannot be reconciled',
  'can not be reconciled',
  'is not supported by',
  'is contradicted by',
];

/**
 * Multi-word hedges: the writer says it could not check the content. Matched on lower-cased
 * text; a negation inside one ("could not verify") negates the checking, not the claim.
 */
export const HEDGE_PHRASES: readonly string[] = [
  'unable to verify',
  'unable to confirm',
  'unable to independently',
  'could not verify',
  'could not confirm',
  'could not independently',
  'cannot be verified',
  'cannot be confirmed',
  'not independently verified',
  'not independently confirmed',
  'not be independently',
  'has not been confirmed',
  'have not been confirmed',
  'has not been verified',
  'no independent confirmation',
  'conflicting accounts',
  'conflicting reports',
  'range from',
  'ranging from',
];

/**
 * "Residents who wish to leave may do so freely", "aid convoys may now pass": a permission
 * granted, not a doubt. `at` is where the modal `word` starts in `sentence`.
 */
export function grantsPermission(sentence: string, at: number, word: string): boolean {
  if (!/^(?:may|can)$/i.test(word)) return false;
  if (/^\s+(?:do\s+so|freely|now)\b/i.test(sentence.slice(at + word.length))) return true;
  // "Residents of Wrenhallow may return from 08:00 on Wednesday": leave to go home.
  if (
    /^\s+(?:return|go\s+back|come\s+back|move\s+back|re-?enter)\b/i.test(
      sentence.slice(at + word.length),
    ) &&
    /\b(?:residents|people|families|evacuees|visitors|pupils|passengers|tourists|those)\b/i.test(
      sentence.slice(Math.max(0, at - 50), at),
    )
  )
    return true;
  return PERMISSION_BEFORE.test(sentence.slice(Math.max(0, at - 60), at));
}
const PERMISSION_BEFORE =
  /\b(?:who|those)\s+(?:wish|wishes|want|wants|choose|chooses)\s+to\s+[^.;]*$/i;

/**
 * "None of the 11 people arrested had anything to do with Gate C, whatever the police may
 * suggest": the modal is the other side's, brushed aside, not the writer's hedge. `at` is where
 * the hedge word starts.
 */
export function inBrushAside(sentence: string, at: number): boolean {
  return BRUSH_ASIDE.test(sentence.slice(Math.max(0, at - 50), at + 20));
}
const BRUSH_ASIDE =
  /\bwhatever\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}'’-]+\s+){0,4}(?:may|might|could|would|will)\s+(?:say|suggest|claim|allege|think|believe|tell\s+you)\b/iu;

/**
 * "She was held for 150 hours before her family was told where she was": someone being told,
 * in a clause of time, is no report of the sentence. `at` is where the reporting word starts.
 */
export function toldInTimeClause(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - 60), at);
  return TOLD_IN_TIME_CLAUSE.test(before) || SAID_IN_TIME_CLAUSE.test(before);
}
const TOLD_IN_TIME_CLAUSE =
  /\b(?:before|after|until|till|once|when)\s+(?:[\p{L}'’-]+\s+){0,4}(?:was|were|had\s+been|has\s+been|have\s+been|being)\s+$/iu;
/**
 * "easing only on Wednesday evening, well after Castrevan had announced that its measures were
 * over", "hours before the department told the public", "whatever the Service says": a report
 * that times the writer's own statement, or one it brushes aside, is not its source. A comma in
 * between ends the clause ("After the strike, the ministry said ...").
 */
const SAID_IN_TIME_CLAUSE =
  /\b(?:before|after|until|till|once|whatever)\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}'’-]+\s+){0,4}(?:(?:had|has|have|was|were)\s+)?(?:[\p{L}]+ly\s+)?$/iu;

/** "nobody told us anything": a reporting word no one said is no report. `at` is where it starts. */
export function saidByNobody(sentence: string, at: number): boolean {
  return /\b(?:nobody|no\s*one)\s+$/i.test(sentence.slice(Math.max(0, at - 10), at));
}

/** Cues that the statement reports a claim without endorsing it. */
export const HEDGE_CUES: readonly string[] = [
  'reportedly',
  'allegedly',
  'alleged',
  'purportedly',
  'purported',
  'supposedly',
  'apparently',
  'possibly',
  'perhaps',
  'maybe',
  'may',
  'might',
  'could',
  'unconfirmed',
  'unverified',
  'rumor',
  'rumors',
  'rumour',
  'rumours',
  'rumored',
  'rumoured',
  'speculation',
  'speculated',
  'claims',
  'claimed',
  'claim',
  'claiming',
  'believed',
  'suggests',
  'suggested',
  'appears',
  'appeared',
  'seems',
  'likely',
  'unclear',
  'if',
  'whether',
];

/** Cues that the statement attributes its content to a speaker. */
export const ATTRIBUTION_CUES: readonly string[] = [
  'said',
  'says',
  'told',
  'stated',
  'announced',
  'reported',
  'reports',
  'according',
  'claimed',
  'claims',
  'alleged',
  'insisted',
  'wrote',
  'tweeted',
  'posted',
  'quoted',
  'cited',
  'sources',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  // "Kestrian officials have described three days of fighting": the description is theirs.
  'described',
  'describes',
];

/**
 * A naming in another's words: "in what officials in Tarsk called a one-day operation", ", an
 * assault its government describes as a counter-terrorist operation", "the event, announced by
 * the party as a final rally". The words named are the namer's; the clause around them stays
 * the writer's (relation analysis and extraction).
 */
export const NAMING_ASIDE =
  /(?:,\s*|\b(?:an?|the)\s+(?:action|move|operation|offensive|assault|attack|campaign|incursion|bombardment|shelling|strike|raid)\s+)(?:announced|billed|advertised|presented|described|called|termed|labelled|labeled|branded|characteri[sz]ed)\s+by\s+[^,;.]{1,60}?\s+as\b|(?:\bwhat|(?:\b(?:in|as)\s+|,\s*)(?:an?|the)\s+(?:action|move|operation|offensive|assault|attack|campaign|step|incursion|bombardment|shelling|strike|raid)(?:\s+(?:that|which))?)\s+(?:[\p{L}'’-]+\s+){1,5}(?:call(?:s|ed)|describ(?:es|ed) as|term(?:s|ed)|dub(?:s|bed)|label(?:s|led|ed)|brand(?:s|ed))\b/iu;

/** Whether a token negates: "not", "never", "n't", ... */
export function isNegation(lower: string): boolean {
  return NEGATION_WORDS.has(lower);
}

export const REFUTATION_SET = new Set(REFUTATION_CUES);
export const HEDGE_SET = new Set(HEDGE_CUES);
export const ATTRIBUTION_SET = new Set(ATTRIBUTION_CUES);

/*
 * Denial, correction, reporting and hedge patterns over a whole sentence. Two variants that
 * differ in content, and each stage's output depends on its own: relation analysis
 * (linking/relation/analyze.ts, hence the trained model's features) and the statement voice
 * of claim extraction (claims/extraction/frames.ts). The voice denial also counts "disputed";
 * the relation correction also takes "dated". Unify them only together with a retrain and
 * an eval run.
 */

/** "Correction: an earlier version of this article said ...": the outlet corrects itself. */
/**
 * "An earlier version of this bulletin gave the peak discharge as 610 cubic metres per second":
 * a notice of what the writer's earlier text got wrong, with or without a "Correction:" label.
 */
const EARLIER_VERSION = String.raw`\b(?:an\s+)?earlier\s+version\s+of\s+(?:this|our)\s+(?:article|story|report|item|bulletin|update|statement|notice|release|note|post)(?:,\s*[^,;]{0,40},)?\s+(?:said|stated|reported|gave|put|listed)\b`;

/** Relation analysis: a correction names what was wrong ("wrongly reported"). */
export const RELATION_CORRECTION_RE = new RegExp(
  String.raw`\b(?:incorrectly|wrongly|erroneously|mistakenly|falsely)\s+(?:said|stated|reported|wrote|identified|described|gave|claimed|attributed|named|put|listed|dated)\b|${EARLIER_VERSION}`,
  'iu',
);

/**
 * Relation analysis: a party denies or rejects, or finds "no evidence that" P (a rejection of P,
 * not a negation inside it: "FCW found no evidence that residential buildings were used as
 * firing positions" contradicts "militants used residential buildings as firing positions"),
 * or finds none of the thing itself ("visited the school and found no weapons or fighters
 * there" rejects "the building had been used to store weapons").
 */
export const RELATION_DENIAL_RE =
  /\b(?:den(?:y|ies|ied|ying)|rejected|rejects|dismissed|dismisses|refuted|refutes|(?:had|has|have)\s+nothing\s+to\s+do\s+with|(?:played|plays|play)\s+no\s+(?:part|role)\s+in|no\s+(?:evidence|proof|signs?|traces?)\s+(?:that|of)|(?:not|n't)\s+(?:find|found|see|seen)\s+any\s+(?:evidence|proof|signs?|traces?)\s+(?:that|of)|found\s+no\s+(?!evidence|proof|signs?|traces?)(?=\p{L})|(?:not|n't)\s+find\s+any\s+(?!evidence|proof|signs?|traces?)(?=\p{L}))/iu;

/**
 * Relation analysis: reports or claims of P called false ("Reports that patients were killed
 * are a fabrication", "Claims of an attack on the bridge are lies"): a denial of P. The match
 * starts at the reports, so the denied words follow the cue as after "denied that".
 */
export const RELATION_FALSE_REPORT_RE =
  /\b(?:(?:reports?|claims?|allegations?|accusations?|rumou?rs?|stories|assertions?|statements?)\s+(?:that|of|about)|story\s+(?:that|about|of(?!\s+(?:that|this|it)\b))|(?:accounts?|versions?|narratives?)\s+that)\s[^.;:!?]{3,160}?\b(?:is|are|was|were)\s+(?:(?:a|an|pure|complete|total|utter|another|simply|just|nothing\s+but)\s+)*(?:false|untrue|fabricat\w*|lies|lie|baseless|groundless|unfounded|fake|nonsense|fiction|invent\w*|propaganda|disinformation|misinformation|hoax|incorrect|inaccurate|not\s+(?:correct|true|accurate))\b/iu;

/** Extraction voice: denied. */
export const VOICE_DENIAL_RE =
  /\b(?:den(?:y|ies|ied|ying)|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes|(?:had|has|have)\s+nothing\s+to\s+do\s+with|(?:played|plays|play)\s+no\s+(?:part|role)\s+in)\b/i;

/** Extraction voice: corrected. */
export const VOICE_CORRECTION_RE = new RegExp(
  String.raw`\b(?:incorrectly|wrongly|erroneously|mistakenly|falsely)\s+(?:said|stated|reported|wrote|identified|described|gave|claimed|attributed|named|put|listed)\b|${EARLIER_VERSION}`,
  'i',
);

/** Extraction voice: reported (attributed to someone). */
export const VOICE_REPORT_RE =
  /\b(?:said|says|told|stated|announced|claimed|claims|alleged|according to|reportedly|allegedly|accused|blamed)\b/i;

/** Extraction voice: hedged. */
export const VOICE_HEDGE_RE =
  /\b(?:may|might|could|appears?|apparently|unconfirmed|unverified|unable to verify)\b/giu;

/**
 * "Bresk officials put the death toll at 31", "the ministry estimated the number of dead at
 * 40", "the ministry gave a higher toll of three dead": the speaker gives the figure. Group 1 is
 * the speaker (up to six words before the verb).
 */
export const FIGURE_PUT_AT_RE =
  /(?:^|[,;:]\s*)((?:[\p{L}’'.-]+\s+){0,5}?[\p{L}’'.-]+)\s+(?:(?:put|puts|putting|placed|places|estimated|estimates|estimate)\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}?(?:toll|number|figure|count|total|area|size|cost|damage|losses|crowd|turnout|amount|distance|length|speed)\b(?:\s+of\s+[\p{L}]+(?:\s+(?:killed|dead|injured|wounded|detained|missing|displaced|evacuated))?)?(?:\s+(?:in|among|across)\s+(?:the\s+)?[\p{L}-]+)?\s+at|(?:gave|gives|giving)\s+(?:a|an|its|the)\s+(?:(?:higher|lower|different|revised|smaller|larger|own)\s+)?(?:death\s+)?(?:toll|figure|count|number)\s+of)\b/iu;

/**
 * Relation analysis and extraction voice: an event called staged or faked ("The so-called drone
 * attack of 11 April was staged by Tarvia itself"): the writer denies it happened as reported.
 * The match starts at the event's words, which are what is denied.
 */
export const STAGED_EVENT_RE =
  /\b(?:(?:drone|missile|rocket|mortar|chemical|gas|terrorist|bomb|suicide|sniper|border)\s+)?(?:attacks?|strikes?|shelling|explosions?|blasts?|bombings?|incidents?|massacres?|ambush|killings?|provocations?)\b[^.;:!?]{0,40}?\b(?:was|were|had\s+been|is|are)\s+(?:staged|faked|fabricated|invented|made\s+up|a\s+(?:hoax|fabrication|false\s+flag|provocation\s+staged)|(?:its|their|his|her|an?|pure|a\s+pure)\s+(?:own\s+)?(?:invention|fabrication|fiction))\b/iu;

/**
 * Relation analysis and extraction voice: the proposition is what an inquiry looks into ("an
 * investigation has been opened into the death of a 52-year-old man", "prosecutors are
 * investigating the shooting"). The inquiry presumes the event and asserts none of its details,
 * so the statement discusses a report of them rather than corroborating it.
 */
export const INQUIRY_RE =
  /\b(?:(?:investigation|inquiry|enquiry|inquest|probe)s?\s+(?:(?:has|have|had)\s+been\s+|was\s+|were\s+|is\s+|are\s+)?(?:(?:opened|launched|begun|started|ordered|under\s+way|underway)\s+)?into|(?:is|are|was|were)\s+(?:now\s+)?investigating|(?:opened|launched|ordered|started|began)\s+(?:an?\s+)?(?:criminal\s+|independent\s+|official\s+)?(?:investigation|inquiry|enquiry|inquest|probe))\b/i;

/**
 * What follows "warned" when it reports words ("warned residents that the dam could fail",
 * "warned of shortages"): "that", "of", a colon or a quotation within a few words. Without
 * them it is a deed ("officers warned its occupants three times by loudspeaker").
 */
export const WARNED_WORDS = /(?:^|\s)(?:that|of|against|about)(?:\s|$)|^[:,"“'‘]/;

/**
 * "452 suspected cholera cases": a category of cases counted, not a hedge on the statement
 * ("the suspected gunman", "is suspected to have").
 */
export function suspectedCategory(text: string, at: number): boolean {
  const word = /^suspected/i.exec(text.slice(at));
  if (!word) return false;
  return SUSPECTED_CASES.test(text.slice(at + word[0].length));
}
const SUSPECTED_CASES = /^\s+(?:[\p{L}-]+\s+)?(?:cases?|infections?|deaths?)\b/iu;

/** What is done by declaring it: a halt, a ceasefire, a curfew, a state of emergency. */
const DECLARED_ACT =
  /^(?:halt|ceasefire|cease-fire|truce|curfew|state|emergency|end|victory|war|pause|amnesty|mourning|lockdown|blockade|evacuation|mobilisation|mobilization)$/;

/**
 * A reporting verb that reports no proposition of someone else's. "The Ministry of Defence has
 * reported on the results of the measures" (or "reported the completion of" them): a report on
 * a topic, whose subject ("the measures conducted by its units") is the writer's own
 * presupposition ("reported on Monday that ..." still attributes). "The first pupils reported
 * vomiting": what they felt, not what they said.
 */
export function reportOnTopic(tokens: readonly { lower: string }[], i: number): boolean {
  const word = (k: number) => tokens[k]?.lower ?? '';
  if (!/^(?:reported|reports|report|reporting|complained)$/.test(word(i))) return false;
  // "The first pupils reported vomiting and stomach pains at about 14:00": what they felt,
  // not a statement of theirs.
  if (
    SYMPTOM.test(word(i + 1)) ||
    (/^(?:of|about)$/.test(word(i + 1)) && SYMPTOM.test(word(i + 2)))
  )
    return true;
  // "The General Staff has reported the completion of the measures": the end of an event
  // announced, told in the writer's own words, not a proposition of the staff's.
  if (
    /^(?:the|its)$/.test(word(i + 1)) &&
    /^(?:completion|results|conclusion|end|outcome)$/.test(word(i + 2)) &&
    word(i + 3) === 'of'
  )
    return true;
  // "the plant's management reported the release only at 02:52", "reported the fire to the
  // coast guard": telling the authorities of an incident, a deed with a time of its own, not a
  // statement the sentence passes on.
  if (
    /^(?:the|a|an|its|their)$/.test(word(i + 1)) &&
    INCIDENT.test(word(i + 2)) &&
    /^(?:only|first|at|to|immediately|promptly|within|shortly|until|late|around|about)$/.test(
      word(i + 3),
    )
  )
    return true;
  return (
    /^(?:on|about)$/.test(word(i + 1)) && /^(?:the|its|their|his|her|this|these)$/.test(word(i + 2))
  );
}
const INCIDENT =
  /^(?:release|leak|fire|blaze|accident|incident|collapse|blast|explosion|spill|outbreak|crash|breach|failure|sinking|derailment|flood|flooding|emergency)$/;
const SYMPTOM =
  /^(?:vomiting|nausea|symptoms?|stomach|pains?|fever|headaches?|diarrh(?:o)?ea|dizziness|cramps|rashes|breathing|chest|sore|feeling)$/;

/**
 * "officers pushed them into the river and told them to swim to Ostrel": an order, a deed,
 * not a report of what the sentence says. Takes either tokenizer's tokens.
 */
export function toldToDo(tokens: readonly { lower: string }[], i: number): boolean {
  const word = (k: number) => tokens[k]?.lower ?? '';
  if (!/^(?:told|tell|tells|telling)$/.test(word(i))) return false;
  for (let k = i + 1; k <= i + 4; k++) {
    // "told reporters to expect more arrests" still reports.
    if (/^(?:reporters|journalists)$/.test(word(k)) && k === i + 1) return false;
    if (word(k) === 'to')
      return /^\p{L}+$/u.test(word(k + 1)) && !/^(?:the|a|an)$/.test(word(k + 1));
    if (/^(?:that|about|of)$/.test(word(k))) return false;
  }
  return false;
}

/**
 * "Commanders declared a halt on Friday", "the army announced a ceasefire": the act itself,
 * done by saying it, not a report of something else. Takes either tokenizer's tokens.
 */
export function declaredAct(tokens: readonly { lower: string }[], i: number): boolean {
  const word = (k: number) => tokens[k]?.lower ?? '';
  if (!/^(?:declared?|declares|announced?|announces|proclaimed?|proclaims)$/.test(word(i)))
    return false;
  let j = i + 1;
  if (/^(?:a|an|the|its|their)$/.test(word(j))) j++;
  if (/^(?:unilateral|temporary|full|complete|general|nationwide|local|partial)$/.test(word(j)))
    j++;
  return DECLARED_ACT.test(word(j));
}
