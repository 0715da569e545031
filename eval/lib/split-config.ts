/** Shares of FNC-1 story components held out for evaluation and for tuning (one copy, in eval/lib/datasets.ts). */
export { FRACTIONS } from './datasets.js';
