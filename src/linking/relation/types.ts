import type { ClaimFacets } from '../../claims/extraction/types.js';

/** The relation between two statements in different sources. Symmetric. */
export type Relation = 'CORROBORATES' | 'CONTRADICTS' | 'DISCUSSES';

/** Typed, human-readable evidence for a relation, with the words from both sides. */
export interface LinkSignal {
  /**
   * One of: QUANTITY_MISMATCH, QUANTITY_AGREEMENT, DATE_MISMATCH, DATE_AGREEMENT,
   * DURATION_MISMATCH, DURATION_AGREEMENT, ACTOR_SWAP, NEGATION, ANTONYM, REFUTATION_CUE,
   * ATTRIBUTION, HEDGING, PARAPHRASE, FACT_AGREEMENT, and the scope/voice/frame kinds
   * (FRAME_SIGNAL_KINDS in signals.ts): DENIAL (a party denies what the other side asserts),
   * CORRECTION (a correction rejects the value the other side states), CORRECTION_CONSISTENT
   * (a correction rejects a value and the other side gives another: agreement), FRAMING (the
   * same event in different, loaded words: not a conflict), DIFFERENT_EVENT (two events of
   * one kind at different times: no link), CLAIM_CHECK (two sole statements read as a
   * claim check: the likelier of CORROBORATES and CONTRADICTS, see classifier.ts),
   * EXCLUSION (one side says the predicate's object was only X, the other names an object of
   * no kind of X: a conflict), UNEXPLAINED_CONFLICT (the model leaned to a contradiction no
   * signal explains, so the link is shown as DISCUSSES, see classifier.ts), TARGET_DIFFERS
   * (two attacks said to hit different things, or one side's origin of fire the other's
   * target: a corroboration is shown as DISCUSSES; also an operation told without a target
   * against a strike on a hospital or a market), CIVILIAN_TOLL (one side says only military
   * targets were hit, the other counts civilians harmed: a discussion, see signals.ts) and
   * LONE_CLAIM (a sole statement against a statement of a longer source: a weak link is kept
   * where the model only narrowly prefers none, see classifier.ts) and OUTRANKED (each side
   * has a stronger link to another statement of the other's source: the link is kept weaker,
   * see outrank.ts).
   */
  kind: string;
  /** One sentence a researcher can read: "2 civilians vs 4 civilians (killed)". */
  detail: string;
  /** The words on the claim's side, verbatim. */
  left: string | null;
  /** The words on the evidence's side, verbatim. */
  right: string | null;
  /** Contribution to the decision, for ranking signals in the UI. */
  weight: number;
}

/** What a classifier sees of one statement. */
export interface StatementView {
  text: string;
  facets: ClaimFacets;
  /**
   * The statement is its source's only one (a claim sent in for checking, one evidence
   * sentence, a headline). Two such statements are a claim-check pair: a researcher who puts
   * them side by side asks whether one supports or refutes the other.
   */
  sole?: boolean;
  /**
   * How many linkable statements its source's revision has, itself included (1 for a sole
   * statement; absent when unknown). Exact up to SHORT_SOURCE_STATEMENTS + 1: beyond that the
   * linker may stop counting. A claim read against a short passage (a few evidence sentences)
   * is a claim check too (classifier.ts).
   */
  sourceSize?: number;
}

export interface RelationResult {
  /** null: no link (unrelated, or related too weakly to show). */
  relation: Relation | null;
  /** Calibrated probability that `relation` is right (for null: that there is no link). */
  confidence: number;
  signals: LinkSignal[];
}

/**
 * Decides the relation between a claim and a candidate statement. Pluggable: a user can
 * supply an NLI model or an LLM endpoint behind this interface without touching the
 * pipeline. Implementations must be symmetric in relation (classify(a,b).relation ===
 * classify(b,a).relation), and `method` is recorded on every link as name@version.
 */
export interface RelationClassifier {
  readonly method: string;
  /** May be async (a remote model); the built-in one answers synchronously. */
  classify(claim: StatementView, evidence: StatementView): RelationResult | Promise<RelationResult>;
  /**
   * Optional: many pairs at once (a model that batches on a GPU, an endpoint that takes lists).
   * Results in the order of `pairs`, each as `classify` would give it. The linking runner uses
   * it when present (the built-in classifier is spread over worker threads instead).
   */
  classifyBatch?(
    pairs: ReadonlyArray<readonly [StatementView, StatementView]>,
  ): Promise<RelationResult[]>;
  /**
   * Optional: how often a link like this one was right (link-calibration.ts), given its
   * relation, its confidence and its signals' kinds. Only the built-in classifier has one: it
   * was fitted on the built-in classifier's own confidences.
   */
  calibrateLink?(relation: Relation, confidence: number, signalKinds: readonly string[]): number;
}
