/**
 * What every relation module shares about a pair: which normalised words the two statements
 * have in common, and the IDF table that weighs them. Its own module so features.ts,
 * signals.ts and topic.ts all import it instead of each other (they imported in a loop).
 */
import type { Analysis } from './analyze.js';

/** Inverse document frequencies learned from training text, stored in the model file. */
export interface IdfTable {
  idf: Map<string, number>;
  /** IDF for a word never seen in training (rare, hence informative). */
  unseen: number;
}

export interface Alignment {
  shared: string[];
  /** Shared keys over the smaller side's content words. */
  coverageMin: number;
  coverageMax: number;
}

export function align(a: Analysis, b: Analysis): Alignment {
  const shared: string[] = [];
  const [small, large] = a.keys.size <= b.keys.size ? [a.keys, b.keys] : [b.keys, a.keys];
  for (const k of small) if (large.has(k)) shared.push(k);
  const na = a.keys.size || 1;
  const nb = b.keys.size || 1;
  const ca = shared.length / na;
  const cb = shared.length / nb;
  return { shared, coverageMin: Math.min(ca, cb), coverageMax: Math.max(ca, cb) };
}
