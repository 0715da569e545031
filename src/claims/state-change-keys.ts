/**
 * Keys that pair statements about which way a situation went (pure): "the situation has
 * stabilised" and "the situation continues to deteriorate" share one rare word ("situation")
 * and no facet, so neither the word-pair search nor the frames found them, yet their opposite
 * predicates are exactly the conflict a researcher looks for. Both sides get the same key; the
 * candidate search still asks for one shared rare word with a shared key, so the key alone pairs
 * nothing.
 */
import { stem, tokenize } from '../text/relation-words.js';

/** Word stems (prefixes) by the kind of change they name, either way. */
const CHANGES: Record<string, readonly string[]> = {
  trend: ['stabilis', 'stabiliz', 'improv', 'deteriorat', 'worsen', 'calm', 'escalat'],
  suspension: ['resum', 'suspend'],
};

export function stateChangeKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const t of tokenize(text)) {
    if (!t.content) continue;
    const s = stem(t.lower);
    for (const [kind, stems] of Object.entries(CHANGES))
      if (stems.some((p) => s.startsWith(p))) keys.add(`change:${kind}`);
  }
  return [...keys].sort();
}
