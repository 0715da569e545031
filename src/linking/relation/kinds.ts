/**
 * General words and the kinds of thing a report names instead of them. A negated general word
 * ("no force was used") is answered by a kind on the other side ("fired tear gas"): the
 * negation signals compare them, and topic.ts counts such a pair as one topic.
 */
import type { Analysis } from './analyze.js';
import { KINDS } from '../../text/general-kinds.js';

/** How far after a negation cue its general word may stand: "used no special means". */
const KIND_REACH = 3;

/**
 * Whether `neg` negates a general word that `other` names a kind of: "The police used no
 * special means" / "Police fired tear gas and rubber bullets".
 */
export function negatedKindAnswered(neg: Analysis, other: Analysis): boolean {
  for (const n of neg.negations) {
    const reach = neg.tokens.slice(n.at + 1, n.at + 1 + KIND_REACH);
    for (const t of reach) {
      const kinds = KINDS.find(([general]) => general.test(t.lower))?.[1];
      if (kinds && other.tokens.some((o) => o.content && kinds.test(o.lower))) return true;
    }
  }
  return false;
}

/** Verbs that only say the general word applied: "No force was used", "no violence occurred". */
const LIGHT =
  /^(?:us|use|used|employ|employed|appli|applied|occur|occurred|happen|happened|record|recorded|report|reported|resort|resorted)$/;

/**
 * A statement that is nothing but the negated general word ("No force was used.") answered by
 * a kind of it: then the kind alone ties the two, though they share no word. A statement that
 * says more ("No violations were recorded at the border crossing", "She has no injuries", of
 * someone the other side may not name) needs a shared word as well.
 */
export function bareNegatedKind(neg: Analysis, other: Analysis): boolean {
  if (/^(?:she|he|it|they|we|i)\b/i.test(neg.text.trim())) return false;
  const extra = neg.tokens.some(
    (t) =>
      t.content &&
      !LIGHT.test(t.lower) &&
      !LIGHT.test(t.key) &&
      !KINDS.some(([general]) => general.test(t.lower)),
  );
  return !extra && negatedKindAnswered(neg, other);
}
