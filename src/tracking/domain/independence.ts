/**
 * Which sources behind one side of a cluster are really one piece of evidence. Pure.
 *
 * Sources are joined (union-find) when one is a near-duplicate of the other (syndicated wire
 * copy), when they share a publisher, or when their statements in the cluster cite the same
 * speaker ("the Defence Ministry"). The number of resulting groups is the independent count;
 * every group of two or more sources is reported with the reasons that joined it.
 */

export type DependencyKind = 'SYNDICATED' | 'DERIVED' | 'SAME_PUBLISHER' | 'SHARED_SPEAKER';

export interface EvidenceSource {
  sourceId: string;
  publisherId: string | null;
  publisherName: string | null;
  title: string | null;
  /** Speaker keys the source's statements on this side cite (see speakerKey). */
  speakers: string[];
}

export interface SyndicationPair {
  /** The later source: the copy. */
  copyId: string;
  originalId: string;
  similarity: number;
  /** SYNDICATED (near-identical text) when absent; DERIVED: a rewrite that follows the original in order. */
  kind?: 'SYNDICATED' | 'DERIVED';
  /** For DERIVED: "12 of 14 statements of ... follow ... in order". */
  evidence?: string;
}

/** A derived copy as a dependent group shows it. */
export interface DerivationEvidence {
  copyId: string;
  originId: string;
  evidence: string;
}

export interface DependentGroup {
  kinds: DependencyKind[];
  /** Human-readable: "syndicated copy of Meridian Press Wire: 'Veshnar Valley clashes' (similarity 0.77)". */
  reasons: string[];
  sourceIds: string[];
  /** The DERIVED pairs inside the group (absent in rows stored before derivation existed). */
  derivations?: DerivationEvidence[];
}

export interface Independence {
  count: number;
  independentCount: number;
  groups: DependentGroup[];
}

const describe = (s: EvidenceSource | undefined) =>
  s
    ? [s.publisherName, s.title ? `"${s.title}"` : null].filter(Boolean).join(': ') || s.sourceId
    : '?';

export function independence(
  sources: EvidenceSource[],
  syndication: SyndicationPair[],
): Independence {
  const ids = [...new Set(sources.map((s) => s.sourceId))].sort();
  const byId = new Map(sources.map((s) => [s.sourceId, s]));
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    while (parent.get(x) !== x) {
      parent.set(x, parent.get(parent.get(x)!)!);
      x = parent.get(x)!;
    }
    return x;
  };
  const edges: { a: string; b: string; kind: DependencyKind; reason: string }[] = [];

  const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const syndicated = new Set(
    syndication
      .filter((p) => (p.kind ?? 'SYNDICATED') === 'SYNDICATED')
      .map((p) => pairKey(p.copyId, p.originalId)),
  );
  for (const p of syndication) {
    if (!parent.has(p.copyId) || !parent.has(p.originalId)) continue;
    if (p.kind === 'DERIVED') {
      // A near-identical copy also follows its original in order; one reason is enough.
      if (syndicated.has(pairKey(p.copyId, p.originalId))) continue;
      edges.push({
        a: p.copyId,
        b: p.originalId,
        kind: 'DERIVED',
        reason: p.evidence ?? `derived copy of ${describe(byId.get(p.originalId))}`,
      });
      continue;
    }
    edges.push({
      a: p.copyId,
      b: p.originalId,
      kind: 'SYNDICATED',
      reason: `syndicated copy: ${describe(byId.get(p.copyId))} copies ${describe(byId.get(p.originalId))} (text similarity ${p.similarity.toFixed(2)})`,
    });
  }
  const firstWith = (key: (s: EvidenceSource) => string[], kind: DependencyKind) => {
    const seen = new Map<string, string>();
    for (const id of ids) {
      for (const k of key(byId.get(id)!)) {
        const first = seen.get(k);
        if (!first) {
          seen.set(k, id);
          continue;
        }
        edges.push({
          a: first,
          b: id,
          kind,
          reason:
            kind === 'SAME_PUBLISHER'
              ? `same publisher: ${byId.get(id)!.publisherName ?? k}`
              : `cites the same speaker: ${k}`,
        });
      }
    }
  };
  firstWith((s) => (s.publisherId ? [s.publisherId] : []), 'SAME_PUBLISHER');
  firstWith((s) => [...new Set(s.speakers)], 'SHARED_SPEAKER');

  for (const e of edges) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const members = new Map<string, string[]>();
  for (const id of ids) members.set(find(id), [...(members.get(find(id)) ?? []), id]);
  const groups: DependentGroup[] = [];
  for (const [root, sourceIds] of members) {
    if (sourceIds.length < 2) continue;
    const inGroup = edges.filter((e) => find(e.a) === root);
    groups.push({
      kinds: [...new Set(inGroup.map((e) => e.kind))].sort(),
      reasons: [...new Set(inGroup.map((e) => e.reason))],
      sourceIds,
      derivations: inGroup
        .filter((e) => e.kind === 'DERIVED')
        .map((e) => ({ copyId: e.a, originId: e.b, evidence: e.reason })),
    });
  }
  groups.sort(
    (x, y) =>
      y.sourceIds.length - x.sourceIds.length || (x.sourceIds[0]! < y.sourceIds[0]! ? -1 : 1),
  );
  return { count: ids.length, independentCount: members.size, groups };
}
