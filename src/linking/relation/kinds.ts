/**
 * General words and the kinds of thing a report names instead of them. A negated general word
 * ("no force was used") is answered by a kind on the other side ("fired tear gas"): the
 * negation signals compare them, and topic.ts counts such a pair as one topic.
 */
import type { Analysis } from './analyze.js';

/**
 * General words for wrongdoing and the kinds a report names instead: "no serious violations
 * were recorded at any polling station" is contradicted by "ballot stuffing at 120 polling
 * stations". Keys are word stems (`wordKey`), members are prefixes of lower-case words.
 */
export const KINDS: readonly [RegExp, RegExp][] = [
  [
    /^(?:violat|irregular|fraud|misconduct)/,
    /^(?:stuffing|fraud|rigging|rigged|intimidat|falsif|tamper|coerc|brib|vote-buying|carousel)/,
  ],
  [/^(?:abus|mistreat|ill-treat)/, /^(?:tortur|beat|beaten|rape|abus|mistreat)/],
  // "No physical force was used" / "officers dragged her into a van"; "she has no injuries" /
  // "bruises on both arms".
  [
    /^(?:force|violence)$/,
    /^(?:dragg|beat|beaten|kick|punch|club|shov|tortur|truncheon|baton|tear|rubber|stun|pepper|taser|water-cannon)/,
  ],
  // "used no special means" (police and officials' term for batons, gas and the like) /
  // "police fired tear gas and rubber bullets".
  [
    /^special$/,
    /^(?:tear|rubber|baton|truncheon|stun|pepper|taser|water-cannon|gas|grenade|bullet)/,
  ],
  [/^(?:injur|wound)/, /^(?:bruis|fractur|gunshot|stab)/],
  // "Officers did not use firearms" / "troops fired live rounds into the yard", "no shots were
  // fired" / "guards fired live ammunition".
  [
    /^(?:firearm|gun|shot)s?$/,
    /^(?:live|gunshot|gunfire|bullet|rifle|machine-gun|sniper|ammunition)/,
  ],
  // "No toxic substances were released" / "a cloud of ammonia drifted over the town".
  [
    /^(?:toxic|hazardous|harmful|poisonous|dangerous)$/,
    /^(?:ammonia|chlorine|sulphur|sulfur|benzene|phosgene|cyanide|mercury|asbestos|arsenic|hydrogen|nitric|dioxin)/,
  ],
];

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
