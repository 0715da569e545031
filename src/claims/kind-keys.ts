/**
 * Keys that pair a negated general word with the kinds of it another report names (pure): "No
 * force was used" and "officers beat the men with batons" share no word and no facet, yet the
 * second refutes the first. The negated side and the answering side get the same event-frame
 * key (`frame:kind:N`, one per row of KINDS), so the frames branch of the candidate search
 * pairs them, bounded like every frame key. So do "only military targets were hit" and a
 * civilian place struck.
 */
import { KINDS, negatedGeneralRows } from '../text/general-kinds.js';
import { tokenize } from '../text/relation-words.js';

/**
 * "Only military targets were hit", "not a single shell fell on inhabited areas": a claim that
 * nothing civilian was struck, which a report of one civilian place struck refutes.
 */
const ONLY_MILITARY =
  /\b(?:only|exclusively|solely)\b[^.;]{0,60}?\b(?:military|legitimate|terrorist|militant)\b[^.;]{0,30}?\b(?:targets?|objects?|infrastructure|facilities|sites|positions)\b|\b(?:not\s+(?:a\s+)?single|no|not\s+one)\s+(?:[\p{L}-]+\s+)?(?:rounds?|shells?|rockets?|missiles?|bombs?|strikes?)\s+(?:fell|landed|hit|struck)\s+(?:on|in|at|into)?\s*(?:inhabited|residential|populated|civilian)\b|\bno\s+civilian\s+(?:objects?|facilit(?:y|ies)|buildings?|targets?|infrastructure)\s+(?:was|were|has\s+been|have\s+been)\s+(?:hit|struck|damaged|targeted)\b/iu;
/** A civilian place struck: "a drone struck the covered market", "shells hit the hospital". */
const CIVILIAN_STRUCK =
  /\b(?:hit|struck|strikes?|shelled|shelling|bombed|destroyed|damaged)\b[^.;]{0,60}?\b(?:hospitals?|clinics?|schools?|kindergartens?|markets?|homes?|houses?|churches|church|mosques?|shelters?|apartments?|bakery|bakeries|station|maternity)\b|\b(?:hospitals?|clinics?|schools?|kindergartens?|markets?|homes?|houses?|mosques?|shelters?|apartments?|station)\b[^.;]{0,40}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:hit|struck|shelled|bombed|destroyed|damaged)\b/iu;

export function kindKeys(text: string): string[] {
  const keys = new Set<string>();
  const tokens = tokenize(text);
  const negated = negatedGeneralRows(text, tokens);
  KINDS.forEach(([, kinds], row) => {
    if (negated.includes(row) || tokens.some((t) => t.content && kinds.test(t.lower)))
      keys.add(`frame:kind:${row}`);
  });
  if (ONLY_MILITARY.test(text) || CIVILIAN_STRUCK.test(text)) keys.add('frame:kind:targets');
  return [...keys].sort();
}
