/**
 * How a cluster's figures moved as the story spread. Pure.
 *
 * For every figure the cluster states (a count of a thing, an event), the values given by the
 * cluster's members and by the members of clusters contradicting it, in order of first
 * appearance: "2 civilians (ASNA, 20 Sep 09:15) -> 4 civilians (Kestria Today, 11:40)".
 */
import type { ClaimFacets } from '../../claims/extraction/types.js';
import { figureKey } from './clustering.js';

export interface FigureStatement {
  claimId: string;
  clusterId: string;
  sourceId: string;
  seenAt: Date;
  facets: ClaimFacets;
}

export interface FigurePoint {
  claimId: string;
  clusterId: string;
  sourceId: string;
  at: string;
  counted: string | null;
  event: string | null;
  unit: string | null;
  text: string;
  value: number;
  valueMax: number | null;
  approx: string | null;
}

export const MAX_FIGURE_POINTS = 50;

export function figureTimeline(clusterId: string, statements: FigureStatement[]): FigurePoint[] {
  const keys = new Set<string>();
  for (const s of statements) {
    if (s.clusterId !== clusterId) continue;
    for (const q of s.facets.quantities ?? []) {
      const k = figureKey(q);
      if (k) keys.add(k);
    }
  }
  const points: FigurePoint[] = [];
  for (const s of statements) {
    for (const q of s.facets.quantities ?? []) {
      const k = figureKey(q);
      if (!k || !keys.has(k)) continue;
      points.push({
        claimId: s.claimId,
        clusterId: s.clusterId,
        sourceId: s.sourceId,
        at: s.seenAt.toISOString(),
        counted: q.counted,
        event: q.event ?? null,
        unit: q.unit,
        text: q.text,
        value: q.value,
        valueMax: q.valueMax ?? null,
        approx: q.approx ?? null,
      });
    }
  }
  points.sort((x, y) => x.at.localeCompare(y.at) || x.claimId.localeCompare(y.claimId));
  return points.slice(0, MAX_FIGURE_POINTS);
}
