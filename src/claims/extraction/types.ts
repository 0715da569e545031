/**
 * Shapes produced by claim extraction. Pure data: no framework, no I/O.
 *
 * Offsets: `start`/`end` of sentences and claims are in Unicode code points of the
 * source text (Python's `text[start:end]`), because researchers' scripts slice in
 * code points. Offsets inside facets (`at`) are UTF-16 offsets into the claim text,
 * for highlighting in JavaScript; they are optional hints, `text` is authoritative.
 */

export interface SentenceSpan {
  /** 0-based position of the sentence in the document. */
  index: number;
  /** Code point offsets into the document text. */
  start: number;
  end: number;
  text: string;
}

export interface DateFacet {
  /** The words as written: "September 19-20, 2023", "yesterday". */
  text: string;
  /** ISO date (YYYY-MM-DD), or the first day of a range. */
  start: string;
  /** ISO date of the last day of a range; equal to `start` for a single day. */
  end: string;
  /** How precise the written form is. */
  precision: 'day' | 'month' | 'year';
  /** True when resolved against the publication date ("yesterday", "on Tuesday"). */
  relative: boolean;
  /**
   * A relative date resolved against the source's dateline ("KARDEN, 10 June."), which gives
   * the writer's own day: exact, where one resolved against a publication time may be a day
   * off in another time zone.
   */
  anchored?: true;
  at?: number;
}

export interface DurationFacet {
  text: string;
  /** Normalised length in seconds: "23 hours and 43 minutes" = 85380, "one-day" = 86400. */
  seconds: number;
  at?: number;
}

export interface QuantityFacet {
  text: string;
  /** Normalised number ("two" = 2, "1,200" = 1200, "3.5 million" = 3500000). */
  value: number;
  /** Upper bound when the text gives a range or "up to"; otherwise equal to value. */
  valueMax?: number;
  /** Qualifier that changes how the number compares: "at least", "more than", "about", "up to". */
  approx?: 'exact' | 'approximate' | 'at_least' | 'at_most';
  /** Unit when there is one ("km", "%", "USD"), null for counts. */
  unit: string | null;
  /** Lemma of what is counted ("civilian", "soldier", "vehicle"), null when unknown. */
  counted: string | null;
  /** Verb/event the count belongs to when found ("kill", "wound", "detain"). */
  event?: string | null;
  /**
   * A part of a group an earlier sentence counted ("Seven of them were killed when the
   * hospital was struck"): no total, comparable only with a count of the same incident.
   */
  partOfEarlier?: boolean;
  /** A part of the count before it in the same sentence: "three" in "14 people, three of them children". */
  partWithin?: boolean;
  /** The whole a count before it is taken from: "twelve" in "four of the twelve turnstiles". */
  whole?: boolean;
  /**
   * One person named in full who died ("Edda Vorn, who was 81, drowned"): one of a toll given
   * elsewhere, comparable only with a count of none.
   */
  named?: boolean;
  at?: number;
}

export type ActorKind = 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'GROUP' | 'OTHER';

export interface ActorFacet {
  text: string;
  /** Lower-cased canonical key used for matching ("armenia", "azerbaijani army", "ministry of defence"). */
  key: string;
  kind: ActorKind;
  /** Role in the sentence when it can be told: the doer of the main verb or who it was done to. */
  role?: 'agent' | 'patient' | 'mention';
  /** Canonical country key when the actor is national ("Armenian armed forces" -> "armenia"). */
  country?: string;
  at?: number;
}

export interface AttributionFacet {
  /** Who is reported: "the Defence Ministry", "witnesses", "Reuters"; null when only a cue is present. */
  speaker: string | null;
  /** The reporting words: "according to", "said", "claimed", "told reporters". */
  cue: string;
  /**
   * The speaker is the source's own publisher under a short name ("The mission confirmed" in
   * the Joint Monitoring Mission's report): the statement is in the writer's own voice.
   */
  self?: boolean;
}

export interface ClaimFacets {
  dates: DateFacet[];
  durations: DurationFacet[];
  quantities: QuantityFacet[];
  actors: ActorFacet[];
  /** Negation cues found ("not", "no", "never", "denied"). */
  negations: string[];
  attribution: AttributionFacet | null;
  /** Hedging cues ("reportedly", "allegedly", "so-called", "may have"). */
  hedges: string[];
  /** The sentence is a question. */
  question: boolean;
  /** The event the statement is about (see frames.ts); absent on facets stored before frames. */
  frame?: EventFrame | null;
  /** People named in full who died ("Edda Vorn, who was 81, drowned"), when there are any. */
  namedDeaths?: { name: string; at: number }[];
  /**
   * Who an opening "He", "She", "His" or "Her" stands for: the person last named in the two
   * sentences before ("Aret Moll ... was shot dead. He was unarmed."). Absent when the sentence
   * opens otherwise or no person was named; extraction from 1.10.0 on.
   */
  antecedent?: string;
  /**
   * The day the source was written (its publication date, or the one read from its dateline),
   * which relative dates were resolved against: an undated statement tells of that time.
   * Extraction from 1.12.0 on.
   */
  written?: string;
  /**
   * The source is a place of care ("Sallet District Hospital"): the people it counts are those
   * it received, a part of any count for the whole event. Extraction from 1.17.0 on.
   */
  careSite?: string;
}

/** How the writer puts the proposition: in its own voice, someone else's, denied or corrected. */
export type Voice = 'asserted' | 'reported' | 'hedged' | 'denied' | 'corrected';

export interface EventFrame {
  /** Event classes named ("military_action", "ceasefire", "explosion", ...), first mention first. */
  classes: string[];
  /** The words that named each class, verbatim ("anti-terror measures", "offensive"). */
  triggers: string[];
  /** Party keys of the doers ("kestria"). */
  agents: string[];
  /** Party keys of every actor and place named. */
  parties: string[];
  /** Dates of the event itself; dates of the speech act ("said on Saturday") are left out. */
  dates: { start: string; end: string; precision: 'day' | 'month' | 'year' }[];
  /** How long the event lasted, in seconds ("lasted 23 hours", "three days of fighting"). */
  lengths: number[];
  /** Exact figures by event class, "detention:11" ("eleven were detained", "abducted 11"). */
  counts?: string[];
  /**
   * The statement says when the event began or when it ended ("began on 18 September",
   * "concluded at 04:40"): those are the slots where accounts of one operation disagree.
   */
  phase?: 'start' | 'end';
  voice: Voice;
}

export interface QuoteSelector {
  /** Exactly the claim text. */
  exact: string;
  /** Up to 32 code points of document text before the claim. */
  prefix: string;
  /** Up to 32 code points of document text after the claim. */
  suffix: string;
}

export interface ExtractedClaim {
  sentenceIndex: number;
  /** Code point offsets into the document text: [...text].slice(start, end).join('') === text. */
  start: number;
  end: number;
  text: string;
  /** 0..1: how check-worthy the statement is. */
  checkworthiness: number;
  facets: ClaimFacets;
  selector: QuoteSelector;
}

export interface ExtractionContext {
  /** Publication date of the source, the reference for relative dates. */
  publishedAt?: Date | null;
  /** BCP 47 language tag; extraction is tuned for English. */
  language?: string | null;
  /** The source's publisher, to tell a publisher speaking of itself from a speaker it quotes. */
  publisher?: string | null;
}
