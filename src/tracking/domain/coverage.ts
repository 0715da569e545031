/**
 * The coverage matrix: for each publisher and cluster, where the publisher stands. Pure.
 *
 * A publisher ASSERTS a cluster when it states the proposition in its own voice and CONTRADICTS
 * it when it states a rival proposition (a member of a cluster that contradicts it); when it has
 * done both (a wire and its correction), its latest own-voice statement counts. A publisher
 * that only reports either side (attributed, hedged) DISCUSSES it. A publisher with sources in
 * the workspace but no statement on the question OMITS it: the workspace is one investigation,
 * so its sources covered the event. ABSENT: no source of that publisher in the workspace.
 */
import type { MemberStance } from './stance.js';

export type CoverageStatus = 'ASSERTS' | 'CONTRADICTS' | 'DISCUSSES' | 'OMITS' | 'ABSENT';

export interface CoverageStatement {
  claimId: string;
  clusterId: string;
  publisherId: string | null;
  stance: MemberStance;
  seenAt: Date;
}

export interface CoverageCluster {
  id: string;
  contradictedBy: readonly string[];
}

export interface CoverageCell {
  publisherId: string;
  clusterId: string;
  status: CoverageStatus;
  /** The statements behind the cell, the cluster's own first, then oldest first. */
  statements: CoverageStatement[];
}

export function coverageCells(
  publishers: readonly { id: string; sourceCount: number }[],
  clusters: readonly CoverageCluster[],
  statements: readonly CoverageStatement[],
): CoverageCell[] {
  const byCluster = new Map<string, CoverageStatement[]>();
  for (const s of statements) {
    if (!s.publisherId) continue;
    byCluster.set(s.clusterId, [...(byCluster.get(s.clusterId) ?? []), s]);
  }
  const cells: CoverageCell[] = [];
  for (const c of clusters) {
    const own = byCluster.get(c.id) ?? [];
    const rival = c.contradictedBy.flatMap((r) => byCluster.get(r) ?? []);
    for (const p of publishers) {
      const mine = own.filter((s) => s.publisherId === p.id);
      const theirs = rival.filter((s) => s.publisherId === p.id);
      const behind = [
        ...mine.sort((x, y) => x.seenAt.getTime() - y.seenAt.getTime()),
        ...theirs.sort((x, y) => x.seenAt.getTime() - y.seenAt.getTime()),
      ];
      cells.push({
        publisherId: p.id,
        clusterId: c.id,
        status: cellStatus(p.sourceCount, mine, theirs),
        statements: behind,
      });
    }
  }
  return cells;
}

export function cellStatus(
  sourceCount: number,
  mine: readonly CoverageStatement[],
  theirs: readonly CoverageStatement[],
): CoverageStatus {
  const voiced = [
    ...mine.filter((s) => s.stance === 'ASSERTS').map((s) => ({ s, side: 'ASSERTS' as const })),
    ...theirs
      .filter((s) => s.stance === 'ASSERTS')
      .map((s) => ({ s, side: 'CONTRADICTS' as const })),
  ];
  if (voiced.length) {
    // The latest word of the publisher stands: a correction overrides the story it corrects.
    const latest = Math.max(...voiced.map((v) => v.s.seenAt.getTime()));
    const sides = new Set(voiced.filter((v) => v.s.seenAt.getTime() === latest).map((v) => v.side));
    return sides.has('CONTRADICTS') ? 'CONTRADICTS' : 'ASSERTS';
  }
  if (mine.length || theirs.length) return 'DISCUSSES';
  return sourceCount > 0 ? 'OMITS' : 'ABSENT';
}
