/**
 * Link strength thresholds of tracking. The linker's confidences are calibrated (Platt), so
 * these read as probabilities that the link is right.
 */

/** A CORROBORATES / DISCUSSES link joins two statements into one cluster from this confidence. */
export const MIN_JOIN_CONFIDENCE = 0.6;

/**
 * A statement becomes (a member of) a cluster, and a CONTRADICTS link makes two clusters rivals,
 * from this confidence: the linker's own reporting floor (relation/stance.ts).
 */
export const MIN_TRACK_CONFIDENCE = 0.35;

/**
 * At most this many statements are re-clustered in one incremental step; a larger connected
 * component (a workspace where everything links to everything) is cut at this size, breadth
 * first from the changed statements, and logged.
 */
export const MAX_COMPONENT = 20_000;

/**
 * A statement is check-worthy for derivation (the statements a copy must follow) from this
 * score: the default of `Source.claims(minCheckworthiness)` (CHECKWORTHINESS_THRESHOLD), so the
 * evidence counts the statements a user sees by default.
 */
export const DERIVATION_MIN_CHECKWORTHINESS = 0.5;
