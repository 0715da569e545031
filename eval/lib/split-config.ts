/** Shares of FNC-1 story components held out for evaluation and for tuning (one copy, in src/eval). */
export { FRACTIONS } from '../../src/eval/datasets.js';
