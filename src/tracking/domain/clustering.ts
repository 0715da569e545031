/**
 * Grouping statements into propositions. Pure.
 *
 * Statements are joined along strong agreeing links (CORROBORATES / DISCUSSES), strongest
 * first (Kruskal order), by a union-find whose components carry what their members say about
 * figures and dates. A join that would put two different figures for the same counted thing,
 * or two disjoint dates, into one component is refused: a chain of individually plausible
 * links ("2 killed" ~ "at least two killed" ~ "4 killed") must not merge a proposition with its
 * rival. The result depends only on the link set, not on the order links arrived in, so an
 * incremental recomputation of a component gives what a full rebuild would.
 */
import type { ClaimFacets, QuantityFacet } from '../../claims/extraction/types.js';

export interface ClusterNode {
  id: string;
  sourceId: string;
  text: string;
  facets: ClaimFacets;
}

/**
 * One source states one proposition once or twice (lead and body); a component that would hold
 * more statements of one source is a chain through loosely related sentences, not a proposition.
 */
export const MAX_PER_SOURCE = 2;
/** Dice overlap of content words two statements need to be joined, unless they share a figure or a day. */
export const MIN_CONTENT_OVERLAP = 0.25;

export interface ClusterEdge {
  a: string;
  b: string;
  /** A DISCUSSES link reports rather than agrees: it does not join a denial to an assertion. */
  reported?: boolean;
  /** Larger joins first; ties broken by the ids, so the outcome is deterministic. */
  weight: number;
}

interface Interval {
  lo: number;
  hi: number;
}

/** What a component asserts: per figure key the range all its members allow, its days, its sources. */
interface Profile {
  figures: Map<string, Interval>;
  days: Set<string> | null;
  sources: Map<string, number>;
}

const STOP = new Set(
  'about after against also among been before being between both could does during from have having into more most much other over said says same some such than that their them then there these they this those through under until very were what when where which while with would your'.split(
    ' ',
  ),
);

/** Content words, crudely stemmed (plural -s): enough to tell "same topic" from "same outlet style". */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (w.length < 4 || STOP.has(w)) continue;
    out.add(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const negated = (n: ClusterNode) => (n.facets.negations ?? []).length > 0;

/** Whether a link between two statements is about the same thing, beyond the linker's say-so. */
export function sameSubject(a: ClusterNode, b: ClusterNode): boolean {
  const pa = profileOf(a.facets, a.sourceId);
  const pb = profileOf(b.facets, b.sourceId);
  if ([...pa.figures.keys()].some((k) => pb.figures.has(k))) return true;
  if (pa.days && pb.days && [...pa.days].some((d) => pb.days!.has(d))) return true;
  return dice(contentWords(a.text), contentWords(b.text)) >= MIN_CONTENT_OVERLAP;
}

/** "civilian|kill|-": figures are comparable only when they count the same thing in the same unit. */
export function figureKey(q: QuantityFacet): string | null {
  if (!q.counted && !q.event) return null;
  return `${q.counted ?? '-'}|${q.event ?? '-'}|${q.unit ?? '-'}`;
}

/** The values a figure allows: "at least 2" is [2, inf), "about 140" is +-15 %. */
export function figureRange(q: QuantityFacet): Interval {
  const hi = q.valueMax ?? q.value;
  switch (q.approx) {
    case 'at_least':
      return { lo: q.value, hi: Number.POSITIVE_INFINITY };
    case 'at_most':
      return { lo: Number.NEGATIVE_INFINITY, hi };
    case 'approximate':
      return { lo: q.value * 0.85, hi: hi * 1.15 };
    case 'exact':
    case undefined:
      return { lo: q.value, hi };
  }
}

function daysOf(facets: ClaimFacets): Set<string> | null {
  const out = new Set<string>();
  for (const d of facets.dates ?? []) {
    if (d.precision !== 'day') continue;
    const from = Date.parse(`${d.start}T00:00:00Z`);
    const to = Date.parse(`${d.end}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to)) continue;
    for (let t = from; t <= Math.min(to, from + 7 * 86_400_000); t += 86_400_000)
      out.add(new Date(t).toISOString().slice(0, 10));
  }
  return out.size ? out : null;
}

export function profileOf(facets: ClaimFacets, sourceId = ''): Profile {
  const figures = new Map<string, Interval>();
  for (const q of facets.quantities ?? []) {
    const key = figureKey(q);
    if (!key) continue;
    const r = figureRange(q);
    const seen = figures.get(key);
    // Two figures for one key in one sentence ("three killed, not five"): keep the span of both.
    figures.set(key, seen ? { lo: Math.min(seen.lo, r.lo), hi: Math.max(seen.hi, r.hi) } : r);
  }
  return { figures, days: daysOf(facets), sources: new Map([[sourceId, 1]]) };
}

/**
 * The merged profile, or null when the two disagree on a figure, share no day, or together
 * hold too many statements of one source.
 */
export function mergeProfiles(a: Profile, b: Profile): Profile | null {
  const sources = new Map(a.sources);
  for (const [id, n] of b.sources) {
    const total = (sources.get(id) ?? 0) + n;
    if (total > MAX_PER_SOURCE) return null;
    sources.set(id, total);
  }
  const figures = new Map(a.figures);
  for (const [key, r] of b.figures) {
    const seen = figures.get(key);
    if (!seen) {
      figures.set(key, r);
      continue;
    }
    const lo = Math.max(seen.lo, r.lo);
    const hi = Math.min(seen.hi, r.hi);
    if (lo > hi) return null;
    figures.set(key, { lo, hi });
  }
  // Every dated member must allow a common day: "18 September" and "19 September" statements
  // never share a cluster, while a range ("18-20 September") goes with either.
  let days = a.days;
  if (a.days && b.days) {
    days = new Set([...b.days].filter((d) => a.days!.has(d)));
    if (days.size === 0) return null;
  } else if (b.days) days = b.days;
  return { figures, days, sources };
}

/** Components of `nodes`, each sorted by id, the list sorted by first id. */
export function clusterStatements(nodes: ClusterNode[], edges: ClusterEdge[]): string[][] {
  const parent = new Map<string, string>();
  const profile = new Map<string, Profile>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    parent.set(n.id, n.id);
    profile.set(n.id, profileOf(n.facets, n.sourceId));
  }
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds near O(1).
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const ordered = edges
    .filter(
      (e) =>
        parent.has(e.a) &&
        parent.has(e.b) &&
        e.a !== e.b &&
        sameSubject(byId.get(e.a)!, byId.get(e.b)!) &&
        !(e.reported && negated(byId.get(e.a)!) !== negated(byId.get(e.b)!)),
    )
    .sort(
      (x, y) =>
        y.weight - x.weight ||
        (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) ||
        (x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
    );
  for (const e of ordered) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) continue;
    const merged = mergeProfiles(profile.get(ra)!, profile.get(rb)!);
    if (!merged) continue;
    // The smaller id becomes the root, so roots do not depend on edge order among equals.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    profile.set(root, merged);
    profile.delete(child);
  }
  const groups = new Map<string, string[]>();
  for (const n of nodes) {
    const r = find(n.id);
    groups.set(r, [...(groups.get(r) ?? []), n.id]);
  }
  return [...groups.values()]
    .map((g) => g.sort())
    .sort((x, y) => (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : 0));
}

/**
 * Keeps cluster ids stable across recomputation: each new group takes the id of the old
 * cluster it shares most members with (largest overlaps first, each old id used once); the rest
 * get fresh ids. Bookmarked cluster ids keep working when a cluster only grows or shrinks.
 */
export function assignClusterIds(
  groups: string[][],
  oldClusterOf: ReadonlyMap<string, string>,
  freshId: () => string,
): string[] {
  const overlaps: { group: number; old: string; n: number }[] = [];
  groups.forEach((g, i) => {
    const count = new Map<string, number>();
    for (const m of g) {
      const old = oldClusterOf.get(m);
      if (old) count.set(old, (count.get(old) ?? 0) + 1);
    }
    for (const [old, n] of count) overlaps.push({ group: i, old, n });
  });
  overlaps.sort((x, y) => y.n - x.n || x.group - y.group || (x.old < y.old ? -1 : 1));
  const ids = new Array<string | null>(groups.length).fill(null);
  const used = new Set<string>();
  for (const o of overlaps) {
    if (ids[o.group] || used.has(o.old)) continue;
    ids[o.group] = o.old;
    used.add(o.old);
  }
  return ids.map((id) => id ?? freshId());
}
