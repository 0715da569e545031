/**
 * Everything a cluster row shows, from its members, its rivals' members and the links among
 * them. Pure: the maintenance service loads the inputs and writes the result.
 */
import type { ClaimFacets } from '../../claims/extraction/types.js';
import { figureTimeline, type FigurePoint } from './figures.js';
import { framingTerms, type PublisherTerms } from './framing.js';
import { independence, type DependentGroup, type SyndicationPair } from './independence.js';
import { speakerKey, type MemberStance } from './stance.js';

export interface StatsMember {
  claimId: string;
  clusterId: string;
  sourceId: string;
  publisherId: string | null;
  publisherName: string | null;
  title: string | null;
  stance: MemberStance;
  seenAt: Date;
  text: string;
  facets: ClaimFacets;
  checkworthiness: number;
}

export interface StatsLink {
  aId: string;
  bId: string;
  relation: 'CORROBORATES' | 'CONTRADICTS' | 'DISCUSSES';
}

export interface ClusterStats {
  id: string;
  representativeId: string;
  earliestClaimId: string;
  memberCount: number;
  supportCount: number;
  independentSupportCount: number;
  contradictionCount: number;
  independentContradictionCount: number;
  contestedness: number;
  supportRank: number;
  lastSeenAt: Date;
  contradictedBy: string[];
  dependentGroups: DependentGroup[];
  contradictionGroups: DependentGroup[];
  figureTimeline: FigurePoint[];
  framingTerms: PublisherTerms[];
}

/**
 * Disputes with many independent sources on both sides first: the smaller side counts most
 * (one source against ten is less contested than five against five), the total breaks ties.
 */
export function contestedness(independentSupport: number, independentContradiction: number) {
  return (
    Math.min(independentSupport, independentContradiction) +
    (independentSupport + independentContradiction) / 1000
  );
}

export const supportRank = (independentSupport: number, support: number) =>
  independentSupport + support / 1000;

/**
 * The wording that stands for the cluster: the member with most links inside it (the most
 * central statement), preferring own-voice over reported, then the more check-worthy, then the
 * earlier.
 */
export function representative(members: StatsMember[], links: StatsLink[]): StatsMember {
  const ids = new Set(members.map((m) => m.claimId));
  const degree = new Map<string, number>();
  for (const l of links) {
    if (!ids.has(l.aId) || !ids.has(l.bId) || l.relation === 'CONTRADICTS') continue;
    degree.set(l.aId, (degree.get(l.aId) ?? 0) + 1);
    degree.set(l.bId, (degree.get(l.bId) ?? 0) + 1);
  }
  return [...members].sort(
    (x, y) =>
      (degree.get(y.claimId) ?? 0) - (degree.get(x.claimId) ?? 0) ||
      Number(y.stance === 'ASSERTS') - Number(x.stance === 'ASSERTS') ||
      y.checkworthiness - x.checkworthiness ||
      x.seenAt.getTime() - y.seenAt.getTime() ||
      x.claimId.localeCompare(y.claimId),
  )[0]!;
}

function evidenceSide(members: StatsMember[], syndication: SyndicationPair[]) {
  const bySource = new Map<string, { m: StatsMember; speakers: Set<string> }>();
  for (const m of members) {
    const entry = bySource.get(m.sourceId) ?? { m, speakers: new Set<string>() };
    const key = speakerKey(m.facets.attribution?.speaker);
    if (key) entry.speakers.add(key);
    bySource.set(m.sourceId, entry);
  }
  return independence(
    [...bySource.values()].map(({ m, speakers }) => ({
      sourceId: m.sourceId,
      publisherId: m.publisherId,
      publisherName: m.publisherName,
      title: m.title,
      speakers: [...speakers],
    })),
    syndication,
  );
}

/** Links by the statements at their ends, so a cluster reads only its own links. */
export interface LinkIndex {
  links: readonly StatsLink[];
  /** claim id -> positions in `links`, ascending. */
  byClaim: ReadonlyMap<string, number[]>;
}

export function indexLinks(links: readonly StatsLink[]): LinkIndex {
  const byClaim = new Map<string, number[]>();
  links.forEach((l, i) => {
    for (const end of l.aId === l.bId ? [l.aId] : [l.aId, l.bId]) {
      const at = byClaim.get(end);
      if (at) at.push(i);
      else byClaim.set(end, [i]);
    }
  });
  return { links, byClaim };
}

/**
 * The links with at least one end among `members`, in their original order. Every link a
 * cluster's numbers depend on has one (scanning every link for every cluster made a bulk load's
 * maintenance quadratic: 24 s of 31 for 7,000 clusters).
 */
function linksTouching(members: readonly StatsMember[], index: LinkIndex): StatsLink[] {
  const at = new Set<number>();
  for (const m of members) for (const i of index.byClaim.get(m.claimId) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).map((i) => index.links[i]!);
}

export function clusterStats(
  clusterId: string,
  rivals: string[],
  membersByCluster: ReadonlyMap<string, StatsMember[]>,
  linkIndex: LinkIndex,
  syndication: SyndicationPair[],
  markedFraming: ReadonlySet<string>,
): ClusterStats | null {
  const members = membersByCluster.get(clusterId) ?? [];
  if (members.length === 0) return null;
  const links = linksTouching(members, linkIndex);
  const rivalMembers = rivals.flatMap((r) => membersByCluster.get(r) ?? []);
  const support = evidenceSide(members, syndication);
  const contradiction = evidenceSide(rivalMembers, syndication);
  const byTime = [...members].sort(
    (x, y) => x.seenAt.getTime() - y.seenAt.getTime() || x.claimId.localeCompare(y.claimId),
  );
  const own = new Set(members.map((m) => m.claimId));
  const around = [...members, ...rivalMembers];
  const aroundIds = new Set(around.map((m) => m.claimId));
  return {
    id: clusterId,
    representativeId: representative(members, links).claimId,
    earliestClaimId: byTime[0]!.claimId,
    memberCount: members.length,
    supportCount: support.count,
    independentSupportCount: support.independentCount,
    contradictionCount: contradiction.count,
    independentContradictionCount: contradiction.independentCount,
    contestedness: contestedness(support.independentCount, contradiction.independentCount),
    supportRank: supportRank(support.independentCount, support.count),
    lastSeenAt: byTime.at(-1)!.seenAt,
    contradictedBy: rivals,
    dependentGroups: support.groups,
    contradictionGroups: contradiction.groups,
    figureTimeline: figureTimeline(clusterId, around),
    framingTerms: framingTerms(
      around.map((m) => ({
        claimId: m.claimId,
        publisherId: m.publisherId,
        text: m.text,
        markedFraming: markedFraming.has(m.claimId),
      })),
      // Pairs that speak of this cluster's proposition: one side in it, the other in it or a rival.
      links
        .filter(
          (l) => aroundIds.has(l.aId) && aroundIds.has(l.bId) && (own.has(l.aId) || own.has(l.bId)),
        )
        .map((l) => [l.aId, l.bId] as [string, string]),
    ),
  };
}
