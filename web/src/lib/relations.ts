import type { LinkRelation, LinkStatus } from '../api/generated';

/**
 * Every relation has a colour, an icon, a word and a line pattern (contradicts long dashes,
 * corroborates solid, discusses dots), so that no meaning rests on colour alone (colour-blind
 * readers, greyscale print, high-contrast mode), even where icons are left out.
 */
export const RELATIONS: Record<
  LinkRelation,
  { label: string; verb: string; icon: string; className: string; dash: string }
> = {
  CONTRADICTS: {
    label: 'Contradicts',
    verb: 'contradicts',
    icon: '✕',
    className: 'rel-contradicts',
    dash: '9 3',
  },
  CORROBORATES: {
    label: 'Corroborates',
    verb: 'corroborates',
    icon: '✓',
    className: 'rel-corroborates',
    dash: '',
  },
  DISCUSSES: {
    label: 'Discusses',
    verb: 'discusses',
    icon: '?',
    className: 'rel-discusses',
    dash: '2 4',
  },
};

/** Strongest first: a claim that is both contradicted and corroborated shows the conflict. */
export const RELATION_ORDER: LinkRelation[] = ['CONTRADICTS', 'CORROBORATES', 'DISCUSSES'];

export const STATUS_LABEL: Record<LinkStatus, string> = {
  SUGGESTED: 'Suggested',
  CONFIRMED: 'Confirmed',
  REJECTED: 'Rejected',
};

export const percent = (x: number) => `${Math.round(x * 100)}%`;
