/**
 * Which statement a source of one claim is about (pure). A headline, a claim sent in for
 * checking or one evidence sentence is read as a claim check (relation/classifier.ts), and it
 * gets a larger candidate budget (linking.service.ts).
 */

/**
 * The revision's only statement, or its only one at or above the linkable floor. A headline's
 * kicker that segmentation splits off like a dateline ("WATCH:", "BREAKING:") scores
 * below the floor, and the headline is still its source's one claim: read as a two-statement
 * article, 26 of 303 FNC-1 development headlines lost the claim-check reading. The SQL twin is
 * CandidateRepository.companions (no companion: sole).
 */
export function soleStatementsOf<T extends { checkworthiness: number }>(
  revision: readonly T[],
  floor: number,
): T[] {
  if (revision.length === 1) return [...revision];
  const above = revision.filter((s) => s.checkworthiness >= floor);
  return above.length === 1 ? above : [];
}
