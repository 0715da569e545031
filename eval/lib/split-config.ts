/** Shares of FNC-1 story components held out for evaluation and for tuning. */
export const FRACTIONS = { test: 0.25, val: 0.15 };
