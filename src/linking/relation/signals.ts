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
import { analyze, type Analysis } from './analyze.js';
import { areAntonyms, hasAntonym, type Token } from './text.js';
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
): LinkSignal[] {
  const out: LinkSignal[] = [];
  const sameEvent = al.coverageMax >= SAME_EVENT_COVERAGE && al.shared.length >= 2;
  quantitySignals(left.facets.quantities, right.facets.quantities, out);
  if (sameEvent) {
    dateSignals(left.facets.dates, right.facets.dates, out);
    actorSignals(left.facets.actors, right.facets.actors, la, ra, al, out);
  }
  durationSignals(left.facets.durations, right.facets.durations, out);
  if (al.shared.length > 0) {
    negationSignals(la, ra, false, out);
    negationSignals(ra, la, true, out);
    antonymSignals(la, ra, out);
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
    default:
      return [lo, hi];
  }
}

function sameThing(a: QuantityFacet, b: QuantityFacet): boolean {
  if ((a.unit ?? null) !== (b.unit ?? null)) return false;
  if (a.counted && b.counted) {
    if (a.counted !== b.counted) return false;
    // Same noun but different events ("2 killed" vs "4 wounded") are not comparable.
    return !(a.event && b.event && a.event !== b.event);
  }
  // A unit alone (%, USD) or the same event with one side's noun missing.
  if (a.unit && !a.counted && !b.counted) return !!a.event && a.event === b.event;
  return !!a.event && a.event === b.event;
}

function quantitySignals(ls: QuantityFacet[], rs: QuantityFacet[], out: LinkSignal[]): void {
  for (const l of ls) {
    for (const r of rs) {
      if (!sameThing(l, r)) continue;
      const [l0, l1] = interval(l);
      const [r0, r1] = interval(r);
      const overlap = l0 <= r1 && r0 <= l1;
      const thing = l.event ?? r.event;
      const detail = `${l.text} vs ${r.text}${thing ? ` (${thing})` : ''}`;
      const exact = (l.approx ?? 'exact') === 'exact' && (r.approx ?? 'exact') === 'exact';
      out.push({
        kind: overlap ? 'QUANTITY_AGREEMENT' : 'QUANTITY_MISMATCH',
        detail: overlap ? `Same count: ${detail}.` : `Different counts: ${detail}.`,
        left: l.text,
        right: r.text,
        weight: overlap ? 0.6 : exact ? 1 : 0.7,
      });
    }
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
  return d.relative ? [shiftDay(d.start, -1), shiftDay(d.end, 1)] : [d.start, d.end];
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

function durationSignals(ls: DurationFacet[], rs: DurationFacet[], out: LinkSignal[]): void {
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
  const rKeys = new Set(rAgents.map((a) => a.key));
  if (lAgents.some((a) => rKeys.has(a.key))) return;
  // The predicate: a shared word that is not part of any actor's name.
  const actorWords = new Set<string>();
  for (const a of [...ls, ...rs]) for (const w of a.key.split(/\s+/)) actorWords.add(w);
  const predicate = al.shared.find((k) => {
    const tok = la.keyToken.get(k);
    return tok !== undefined && !actorWords.has(tok.lower) && !/^\d/.test(k);
  });
  if (predicate === undefined) return;
  const l = lAgents[0];
  const r = rAgents[0];
  const verbL = la.keyToken.get(predicate)!.surface;
  const verbR = ra.keyToken.get(predicate)?.surface ?? verbL;
  out.push({
    kind: 'ACTOR_SWAP',
    detail: `Different actor for "${verbL}"/"${verbR}": ${l.text} vs ${r.text}.`,
    left: l.text,
    right: r.text,
    weight: 0.8,
  });
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
    if (!target) continue;
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

function antonymSignals(la: Analysis, ra: Analysis, out: LinkSignal[]): void {
  for (const [s, tok] of la.stems) {
    if (!hasAntonym(s)) continue;
    for (const [t, other] of ra.stems) {
      if (!areAntonyms(s, t)) continue;
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
