/**
 * General words and the kinds of thing a report names instead of them (pure word lists): a
 * negated general word ("no force was used") is answered by a kind on the other side ("fired
 * tear gas"). Relation analysis compares them (linking/relation/kinds.ts) and retrieval keys
 * pair them (claims/kind-keys.ts), though the two statements share no word.
 */

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
    /^(?:live$|gunshot|gunfire|bullet|rifle|machine-gun|sniper|ammunition)/,
  ],
  // "No toxic substances were released" / "a cloud of ammonia drifted over the town".
  [
    /^(?:toxic|hazardous|harmful|poisonous|dangerous)$/,
    /^(?:ammonia|chlorine|sulphur|sulfur|benzene|phosgene|cyanide|mercury|asbestos|arsenic|hydrogen|nitric|dioxin)/,
  ],
];

/** A negation and, within two words after it, the general word: "no force", "not use any force". */
const NEGATION_BEFORE = /\b(?:no|not|never|without|n't)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/**
 * The rows of KINDS whose general word `text` negates ("No force was used": the force row).
 * `words` are the text's words with their offsets, lower-cased.
 */
export function negatedGeneralRows(
  text: string,
  words: readonly { lower: string; start: number }[],
): number[] {
  const rows: number[] = [];
  KINDS.forEach(([general], row) => {
    if (
      words.some(
        (t) =>
          general.test(t.lower) &&
          NEGATION_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start)),
      )
    )
      rows.push(row);
  });
  return rows;
}
