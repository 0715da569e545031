/** Scores used by training (for tuning) and by the offline evaluation: one copy, in src/eval. */
export * from '../../src/eval/metrics.js';
