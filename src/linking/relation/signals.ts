/**
 * Typed, explainable evidence about how two statements relate. Pure: text and facets in,
 * signals out. Each signal names the words on both sides so a researcher can check it.
 */
import type {
  ActorFacet,
  DateFacet,
  DurationFacet,
  QuantityFacet,
} from '../../claims/extraction/types.js';
import { analyze, tokenIndexAt, type Analysis } from './analyze.js';
import type { IdfTable } from './features.js';
import { areAntonyms, hasAntonym, type Token } from './text.js';
import { sameEventCount, sameThing } from './events.js';
import { topicalAlignment } from './topic.js';
import type { LinkSignal, StatementView } from './types.js';

export const SIGNAL_KINDS = [
  'QUANTITY_MISMATCH',
  'QUANTITY_AGREEMENT',
  'DATE_MISMATCH',
  'DATE_AGREEMENT',
  'DURATION_MISMATCH',
  'DURATION_AGREEMENT',
  'ACTOR_SWAP',
  'NEGATION',
  'ANTONYM',
  'REFUTATION_CUE',
  'ATTRIBUTION',
  'HEDGING',
  'PARAPHRASE',
  'FACT_AGREEMENT',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Share of content words that must align before dates or actors are taken as "same event". */
const SAME_EVENT_COVERAGE = 0.25;
/** Relative tolerance under which two durations are the same ("one-day" vs "24 hours"). */
const DURATION_TOLERANCE = 0.1;
/** Spread given to "about N" when comparing counts. */
const APPROX_SPREAD = 0.15;
/** How far (in tokens) a date may sit from the predicate it dates. */
const DATE_ANCHOR_WINDOW = 12;
/** How far (in tokens) an agent may sit from its predicate for an actor swap. */
const ACTOR_WINDOW = 5;
/** How far (in tokens) an antonym may sit from an aligned word to be about the same thing. */
const ANTONYM_WINDOW = 8;

export interface Alignment {
  shared: string[];
  /** Shared keys over the smaller side's content words. */
  coverageMin: number;
  coverageMax: number;
}

export function align(a: Analysis, b: Analysis): Alignment {
  const shared: string[] = [];
  const [small, large] = a.keys.size <= b.keys.size ? [a.keys, b.keys] : [b.keys, a.keys];
  for (const k of small) if (large.has(k)) shared.push(k);
  const na = a.keys.size || 1;
  const nb = b.keys.size || 1;
  const ca = shared.length / na;
  const cb = shared.length / nb;
  return { shared, coverageMin: Math.min(ca, cb), coverageMax: Math.max(ca, cb) };
}

/** Computes signals between two statements; `left` is the claim side. */
export function computeSignals(left: StatementView, right: StatementView): LinkSignal[] {
  const la = analyze(left.text);
  const ra = analyze(right.text);
  return computeSignalsWith(left, right, la, ra, align(la, ra));
}

export function computeSignalsWith(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  al: Alignment,
  idf?: IdfTable,
): LinkSignal[] {
  const out: LinkSignal[] = [];
  // Conflicts are only looked for between statements about the same event: a different
  // figure or day in an unrelated report is no contradiction (see topic.ts).
  const topic = topicalAlignment(left, right, la, ra, al, idf);
  const aligned = topic.aligned;
  const sameEvent = aligned && topic.keys.length >= 2 && al.coverageMax >= SAME_EVENT_COVERAGE;
  quantitySignals(left.facets.quantities, right.facets.quantities, la, ra, aligned, out);
  if (sameEvent) dateSignals(left.facets.dates, right.facets.dates, out);
  else anchoredDateSignals(left.facets.dates, right.facets.dates, la, ra, topic.keys, aligned, out);
  if (aligned) actorSignals(left.facets.actors, right.facets.actors, la, ra, al, out);
  durationSignals(left.facets.durations, right.facets.durations, aligned, out);
  if (aligned && al.shared.length > 0) {
    negationSignals(la, ra, false, out);
    negationSignals(ra, la, true, out);
    antonymSignals(la, ra, al, out);
  }
  cueSignals(left, right, la, ra, out);
  agreementSignals(la, ra, al, out);
  return out;
}

// ---------------------------------------------------------------- quantities

function interval(q: QuantityFacet): [number, number] {
  const lo = q.value;
  const hi = q.valueMax ?? q.value;
  switch (q.approx) {
    case 'at_least':
      return [lo, Infinity];
    case 'at_most':
      return [-Infinity, hi];
    case 'approximate':
      return [lo * (1 - APPROX_SPREAD), hi * (1 + APPROX_SPREAD)];
    case 'exact':
    case undefined:
      return [lo, hi];
  }
}

/** Token index where a facet's words start, from its offset hint or a text search. */
function facetToken(a: Analysis, f: { text: string; at?: number }): number {
  let at = f.at ?? -1;
  if (at < 0 || a.text.slice(at, at + f.text.length) !== f.text) at = a.text.indexOf(f.text);
  return at < 0 ? -1 : tokenIndexAt(a.tokens, at);
}

/** "three killed, not five": the figure after a negation is the one the writer rejects. */
function rejectedFigure(a: Analysis, q: QuantityFacet): boolean {
  const i = facetToken(a, q);
  if (i <= 0) return false;
  const prev = a.tokens[i - 1].lower;
  return prev === 'not' || prev === "n't" || prev === 'never';
}

function quantitySignals(
  lsAll: QuantityFacet[],
  rsAll: QuantityFacet[],
  la: Analysis,
  ra: Analysis,
  aligned: boolean,
  out: LinkSignal[],
): void {
  const ls = lsAll.filter((q) => !rejectedFigure(la, q));
  const rs = rsAll.filter((q) => !rejectedFigure(ra, q));
  const mismatches: LinkSignal[] = [];
  const agreeing = new Set<QuantityFacet>();
  for (const l of ls) {
    for (const r of rs) {
      const same = sameThing(l, r);
      if (!same && !sameEventCount(l, r)) continue;
      const [l0, l1] = interval(l);
      const [r0, r1] = interval(r);
      const overlap = l0 <= r1 && r0 <= l1;
      if (!same && !overlap) continue;
      const thing = l.event ?? r.event;
      const detail = `${l.text} vs ${r.text}${thing ? ` (${thing})` : ''}`;
      const exact = (l.approx ?? 'exact') === 'exact' && (r.approx ?? 'exact') === 'exact';
      const signal: LinkSignal = {
        kind: overlap ? 'QUANTITY_AGREEMENT' : 'QUANTITY_MISMATCH',
        detail: overlap ? `Same count: ${detail}.` : `Different counts: ${detail}.`,
        left: l.text,
        right: r.text,
        weight: overlap ? 0.6 : exact ? 1 : 0.7,
      };
      if (overlap) {
        agreeing.add(l).add(r);
        out.push(signal);
      } else mismatches.push(signal);
    }
  }
  // When a figure agrees with the other side, a different figure next to it counts another
  // group ("three killed, not five" vs "three killed and five wounded"), not a conflict.
  for (const m of aligned ? mismatches : []) {
    const l = ls.find((q) => q.text === m.left);
    const r = rs.find((q) => q.text === m.right);
    if ((l && agreeing.has(l)) || (r && agreeing.has(r))) continue;
    if (agreeing.size > 0 && !(l && l.counted) && !(r && r.counted)) continue;
    out.push(m);
  }
}

// ---------------------------------------------------------------- dates and durations

function shiftDay(iso: string, days: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dateRange(d: DateFacet): [string, string] {
  // Relative dates ("yesterday") depend on the publication time zone: allow a day either way.
  // A written day ("September 18" resolved to its year) is exact even when flagged relative.
  const vague = d.relative && !/\d/.test(d.text);
  return vague ? [shiftDay(d.start, -1), shiftDay(d.end, 1)] : [d.start, d.end];
}

/** Shared words that can carry an event: not numbers, not names. */
function predicateKeys(la: Analysis, ra: Analysis, al: Alignment): string[] {
  return al.shared.filter((k) => !/^\d/.test(k) && !la.names.has(k) && !ra.names.has(k));
}

function nearestDate(dates: DateFacet[], positions: number[], at: number): DateFacet | null {
  let best: DateFacet | null = null;
  let bestGap = DATE_ANCHOR_WINDOW + 1;
  for (let j = 0; j < dates.length; j++) {
    const d = dates[j];
    const i = positions[j];
    if (i < 0) continue;
    const gap = Math.abs(i - at);
    if (gap < bestGap) {
      bestGap = gap;
      best = d;
    }
  }
  return best;
}

/**
 * Statements that share little else can still date the same event: "X began on 18
 * September" vs "X began on 19 September". Each side's date nearest to a shared predicate
 * is compared; an agreement on any shared predicate wins over a mismatch on another.
 */
function anchoredDateSignals(
  ls: DateFacet[],
  rs: DateFacet[],
  la: Analysis,
  ra: Analysis,
  topical: string[],
  aligned: boolean,
  out: LinkSignal[],
): void {
  if (ls.length === 0 || rs.length === 0) return;
  let mismatch: [DateFacet, DateFacet] | null = null;
  const lAt = ls.map((d) => facetToken(la, d));
  const rAt = rs.map((d) => facetToken(ra, d));
  // The predicate must be topical: a month name or the counted noun dates nothing.
  for (const k of topical) {
    if (la.names.has(k) || ra.names.has(k)) continue;
    const l = nearestDate(ls, lAt, la.keyToken.get(k)!.i);
    const r = nearestDate(rs, rAt, ra.keyToken.get(k)!.i);
    if (!l || !r) continue;
    const [l0, l1] = dateRange(l);
    const [r0, r1] = dateRange(r);
    if (l0 <= r1 && r0 <= l1) {
      out.push({
        kind: 'DATE_AGREEMENT',
        detail: `Same time for "${la.keyToken.get(k)!.surface}": ${l.text} vs ${r.text}.`,
        left: l.text,
        right: r.text,
        weight: 0.4,
      });
      return;
    }
    if (!mismatch && l.precision === 'day' && r.precision === 'day') mismatch = [l, r];
  }
  if (mismatch && aligned) {
    out.push({
      kind: 'DATE_MISMATCH',
      detail: `Different dates for the same event: ${mismatch[0].text} vs ${mismatch[1].text}.`,
      left: mismatch[0].text,
      right: mismatch[1].text,
      weight: 0.8,
    });
  }
}

function dateSignals(ls: DateFacet[], rs: DateFacet[], out: LinkSignal[]): void {
  if (ls.length === 0 || rs.length === 0) return;
  for (const l of ls) {
    const [l0, l1] = dateRange(l);
    let match: DateFacet | null = null;
    for (const r of rs) {
      const [r0, r1] = dateRange(r);
      if (l0 <= r1 && r0 <= l1) {
        match = r;
        break;
      }
    }
    if (match) {
      out.push({
        kind: 'DATE_AGREEMENT',
        detail: `Same time: ${l.text} vs ${match.text}.`,
        left: l.text,
        right: match.text,
        weight: 0.4,
      });
    } else if (ls.length === 1 && rs.length === 1) {
      // With several dates per side we cannot tell which belongs to the shared event.
      const r = rs[0];
      const coarse = l.precision !== 'day' || r.precision !== 'day';
      out.push({
        kind: 'DATE_MISMATCH',
        detail: `Different dates for the same event: ${l.text} vs ${r.text}.`,
        left: l.text,
        right: r.text,
        weight: coarse ? 0.5 : 0.8,
      });
    }
  }
}

function durationSignals(
  ls: DurationFacet[],
  rs: DurationFacet[],
  aligned: boolean,
  out: LinkSignal[],
): void {
  if (ls.length !== 1 || rs.length !== 1) {
    if (ls.length === 0 || rs.length === 0) return;
  }
  for (const l of ls) {
    let best: DurationFacet | null = null;
    let bestGap = Infinity;
    for (const r of rs) {
      const gap = Math.abs(l.seconds - r.seconds) / Math.max(l.seconds, r.seconds, 1);
      if (gap < bestGap) {
        bestGap = gap;
        best = r;
      }
    }
    if (!best) continue;
    const agree = bestGap <= DURATION_TOLERANCE;
    if (!agree && !aligned) continue;
    out.push({
      kind: agree ? 'DURATION_AGREEMENT' : 'DURATION_MISMATCH',
      detail: agree
        ? `Same length of time: ${l.text} vs ${best.text}.`
        : `Different lengths of time: ${l.text} vs ${best.text}.`,
      left: l.text,
      right: best.text,
      weight: agree ? 0.4 : 0.8,
    });
  }
}

// ---------------------------------------------------------------- actors

function actorSignals(
  ls: ActorFacet[],
  rs: ActorFacet[],
  la: Analysis,
  ra: Analysis,
  al: Alignment,
  out: LinkSignal[],
): void {
  const lAgents = ls.filter((a) => a.role === 'agent');
  const rAgents = rs.filter((a) => a.role === 'agent');
  if (lAgents.length === 0 || rAgents.length === 0) return;
  // Actors overlap when they share a word ("Kestrian units" / "the Kestrian ministry") or a
  // country: a different unit of the same side is not a swap.
  const words = (a: ActorFacet) => a.key.split(/\s+/);
  const rWords = new Set(rAgents.flatMap(words));
  const rCountries = new Set(rAgents.map((a) => a.country).filter(Boolean));
  for (const a of lAgents) {
    if (words(a).some((w) => rWords.has(w))) return;
    if (a.country && rCountries.has(a.country)) return;
  }
  const actorWords = new Set<string>();
  for (const a of [...ls, ...rs]) for (const w of words(a)) actorWords.add(w);
  // The predicate: a shared word next to the agent on both sides ("planted by X" / "Y
  // planted"), so two agents of different verbs in long sentences do not count.
  const lAt = lAgents.map((a) => facetToken(la, a));
  const rAt = rAgents.map((a) => facetToken(ra, a));
  for (const k of predicateKeys(la, ra, al)) {
    const tl = la.keyToken.get(k)!;
    const tr = ra.keyToken.get(k)!;
    if (actorWords.has(tl.lower) || actorWords.has(tr.lower)) continue;
    const li = lAt.findIndex((at) => at >= 0 && Math.abs(at - tl.i) <= ACTOR_WINDOW);
    const ri = rAt.findIndex((at) => at >= 0 && Math.abs(at - tr.i) <= ACTOR_WINDOW);
    if (li < 0 || ri < 0) continue;
    const l = lAgents[li];
    const r = rAgents[ri];
    out.push({
      kind: 'ACTOR_SWAP',
      detail: `Different actor for "${tl.surface}"/"${tr.surface}": ${l.text} vs ${r.text}.`,
      left: l.text,
      right: r.text,
      weight: 0.8,
    });
    return;
  }
}

// ---------------------------------------------------------------- negation and antonyms

/** Looks right of a negation cue for the word it negates (skipping function words). */
function negatedWord(a: Analysis, negAt: number): Token | null {
  for (let i = negAt + 1; i < a.tokens.length && i <= negAt + 4; i++) {
    const t = a.tokens[i];
    if (t.content) return t;
  }
  return null;
}

function negatedNear(a: Analysis, at: number): boolean {
  return a.negations.some((n) => n.at < at && at - n.at <= 4);
}

function negationSignals(neg: Analysis, other: Analysis, flip: boolean, out: LinkSignal[]): void {
  for (const n of neg.negations) {
    const target = negatedWord(neg, n.at);
    // Figures are compared by the quantity signals ("three, not five").
    if (!target || /^\d/.test(target.key)) continue;
    const match = other.keyToken.get(target.key);
    if (!match || negatedNear(other, match.i)) continue;
    // "didn't" is split into "did" + "n't": start the span at the auxiliary.
    const cue = neg.tokens[n.at];
    const startTok = cue.lower === "n't" && n.at > 0 ? neg.tokens[n.at - 1] : cue;
    const span = neg.text.slice(startTok.start, target.end);
    out.push({
      kind: 'NEGATION',
      detail: flip
        ? `The evidence negates what the claim asserts: "${match.surface}" vs "${span}".`
        : `The claim negates what the evidence asserts: "${span}" vs "${match.surface}".`,
      left: flip ? match.surface : span,
      right: flip ? span : match.surface,
      weight: 0.9,
    });
    return;
  }
}

/** Whether an aligned (shared, non-antonym) word sits within a few tokens of position `at`. */
function nearAligned(a: Analysis, at: number, shared: Set<string>, skip: string): boolean {
  const lo = Math.max(0, at - ANTONYM_WINDOW);
  const hi = Math.min(a.tokens.length - 1, at + ANTONYM_WINDOW);
  for (let i = lo; i <= hi; i++) {
    const t = a.tokens[i];
    if (i !== at && t.content && t.key !== skip && shared.has(t.key)) return true;
  }
  return false;
}

function antonymSignals(la: Analysis, ra: Analysis, al: Alignment, out: LinkSignal[]): void {
  const shared = new Set(al.shared);
  for (const [s, tok] of la.stems) {
    if (!hasAntonym(s)) continue;
    // A word both sides use is not opposed ("open" and "closed" in both is a comparison).
    if (ra.stems.has(s)) continue;
    for (const [t, other] of ra.stems) {
      if (!areAntonyms(s, t) || la.stems.has(t)) continue;
      // The opposites must be said of the same thing: each next to an aligned word.
      if (!nearAligned(la, tok.i, shared, tok.key) || !nearAligned(ra, other.i, shared, other.key))
        continue;
      out.push({
        kind: 'ANTONYM',
        detail: `Opposite predicates: "${tok.surface}" vs "${other.surface}".`,
        left: tok.surface,
        right: other.surface,
        weight: 0.8,
      });
      return;
    }
  }
}

// ---------------------------------------------------------------- stance cues

function cueSignals(
  left: StatementView,
  right: StatementView,
  la: Analysis,
  ra: Analysis,
  out: LinkSignal[],
): void {
  const sides: [StatementView, Analysis, boolean][] = [
    [left, la, false],
    [right, ra, true],
  ];
  for (const [view, a, isRight] of sides) {
    const who = isRight ? 'The evidence' : 'The claim';
    if (a.refutations.length > 0) {
      const cue = a.refutations[0].text;
      out.push({
        kind: 'REFUTATION_CUE',
        detail: `${who} uses refuting language: "${cue}".`,
        left: isRight ? null : cue,
        right: isRight ? cue : null,
        weight: 0.7,
      });
    }
    const attribution =
      view.facets.attribution?.cue ?? (a.attributions.length > 0 ? a.attributions[0].text : null);
    if (attribution) {
      const speaker = view.facets.attribution?.speaker;
      out.push({
        kind: 'ATTRIBUTION',
        detail: `${who} attributes its content${speaker ? ` to ${speaker}` : ''}: "${attribution}".`,
        left: isRight ? null : attribution,
        right: isRight ? attribution : null,
        weight: 0.4,
      });
    }
    const hedge =
      view.facets.hedges[0] ??
      (a.hedges.length > 0 ? a.hedges[0].text : view.facets.question ? '?' : null);
    if (hedge) {
      out.push({
        kind: 'HEDGING',
        detail: `${who} is hedged: "${hedge}".`,
        left: isRight ? null : hedge,
        right: isRight ? hedge : null,
        weight: 0.4,
      });
    }
  }
}

// ---------------------------------------------------------------- agreement

const CONFLICTS = new Set([
  'QUANTITY_MISMATCH',
  'DATE_MISMATCH',
  'DURATION_MISMATCH',
  'ACTOR_SWAP',
  'NEGATION',
  'ANTONYM',
]);

function agreementSignals(la: Analysis, ra: Analysis, al: Alignment, out: LinkSignal[]): void {
  if (al.shared.length === 0) return;
  // Aligned words whose surface differs: stems, number words, synonyms.
  const pl: string[] = [];
  const pr: string[] = [];
  for (const k of al.shared) {
    const l = la.keyToken.get(k)!;
    const r = ra.keyToken.get(k)!;
    if (l.lower !== r.lower) {
      pl.push(l.surface);
      pr.push(r.surface);
    }
  }
  if (pl.length > 0 && al.coverageMax >= 0.4) {
    const pairs = pl.map((w, i) => `"${w}" ~ "${pr[i]}"`).join(', ');
    out.push({
      kind: 'PARAPHRASE',
      detail: `Same meaning in different words: ${pairs}.`,
      left: pl.join(', '),
      right: pr.join(', '),
      weight: 0.5,
    });
  }
  const conflict = out.some((s) => CONFLICTS.has(s.kind));
  if (!conflict && al.shared.length >= 3 && al.coverageMin >= 0.6) {
    const order = (a: Analysis) =>
      al.shared
        .map((k) => a.keyToken.get(k)!)
        .sort((x, y) => x.i - y.i)
        .map((t) => t.surface)
        .join(' ');
    out.push({
      kind: 'FACT_AGREEMENT',
      detail: `Both state the same facts (${al.shared.length} aligned words, ${Math.round(
        al.coverageMin * 100,
      )}% of the shorter statement).`,
      left: order(la),
      right: order(ra),
      weight: 0.7,
    });
  }
}
