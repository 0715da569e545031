import type { LinkRelation, LinkStatus } from '../api/generated';

export interface Filters {
  relations: Record<LinkRelation, boolean>;
  /**
   * 0..1: links below are hidden. null: the service's default display threshold (chosen for
   * precision), so the page asks for the links the API shows by default.
   */
  minConfidence: number | null;
  /** Rejected links are kept on the page after a review (until reload) but hidden by default. */
  showRejected: boolean;
}

export const DEFAULT_FILTERS: Filters = {
  relations: { CONTRADICTS: true, CORROBORATES: true, DISCUSSES: true },
  minConfidence: null,
  showRejected: false,
};

export interface FilterableLink {
  relation: LinkRelation;
  confidence: number;
  status: LinkStatus;
}

/** A reviewer's confirmation outranks the machine's score: confirmed links pass any threshold. */
export function passes(link: FilterableLink, f: Filters): boolean {
  if (!f.relations[link.relation]) return false;
  if (link.status === 'REJECTED') return f.showRejected;
  if (link.status === 'CONFIRMED') return true;
  return link.confidence >= (f.minConfidence ?? 0) - 1e-9;
}

export function applyFilters<T extends { link: FilterableLink }>(pairs: readonly T[], f: Filters) {
  return pairs.filter((p) => passes(p.link, f));
}

/** Per relation, how many links the confidence and status filters leave (for the labels). */
export function countByRelation<T extends { link: FilterableLink }>(
  pairs: readonly T[],
  f: Filters,
): Record<LinkRelation, number> {
  const all = { ...f, relations: { CONTRADICTS: true, CORROBORATES: true, DISCUSSES: true } };
  const out: Record<LinkRelation, number> = { CONTRADICTS: 0, CORROBORATES: 0, DISCUSSES: 0 };
  for (const p of pairs) if (passes(p.link, all)) out[p.link.relation]++;
  return out;
}

/** Filters live in the URL next to the sources, so a shared view shows what the sender saw. */
export function filtersToParams(f: Filters, params: URLSearchParams) {
  const off = (Object.keys(f.relations) as LinkRelation[]).filter((r) => !f.relations[r]);
  if (off.length) params.set('hide', off.join(',').toLowerCase());
  else params.delete('hide');
  // 0 is kept in the URL: it asks for every link, below the default threshold too.
  if (f.minConfidence !== null) params.set('min', f.minConfidence.toFixed(2));
  else params.delete('min');
}

export function filtersFromParams(params: URLSearchParams): Filters {
  const hide = new Set((params.get('hide') ?? '').toUpperCase().split(',').filter(Boolean));
  const raw = params.get('min');
  const min = raw === null || raw.trim() === '' ? NaN : Number(raw);
  return {
    relations: {
      CONTRADICTS: !hide.has('CONTRADICTS'),
      CORROBORATES: !hide.has('CORROBORATES'),
      DISCUSSES: !hide.has('DISCUSSES'),
    },
    minConfidence: Number.isFinite(min) ? Math.min(1, Math.max(0, min)) : null,
    showRejected: false,
  };
}
