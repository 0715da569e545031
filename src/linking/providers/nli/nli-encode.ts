/**
 * Pair encoding with truncation for a cross-encoder. The tokenizer library applies the model's
 * own pair template ([CLS] a [SEP] b [SEP], <s> a </s></s> b </s>, ...) but does not truncate,
 * so long pairs are cut here, longest statement first, by whole words: every word gives at
 * least one token, so dropping k words drops at least k tokens and the loop ends in a few
 * rounds. A position past the model's limit would fail the whole batch.
 */
export interface PairTokenizer {
  encode(
    text: string,
    options: { text_pair?: string | null; return_token_type_ids: true },
  ): { ids: number[]; attention_mask: number[]; token_type_ids?: number[] };
}

export interface EncodedPair {
  ids: number[];
  typeIds: number[];
  truncated: boolean;
}

export function encodePair(
  tokenizer: PairTokenizer,
  a: string,
  b: string,
  maxTokens: number,
): EncodedPair {
  const run = (x: string, y: string) => {
    const e = tokenizer.encode(x, { text_pair: y, return_token_type_ids: true });
    return { ids: e.ids, typeIds: e.token_type_ids ?? e.ids.map(() => 0) };
  };
  let e = run(a, b);
  if (e.ids.length <= maxTokens) return { ...e, truncated: false };
  let wa = a.split(/\s+/).filter(Boolean);
  let wb = b.split(/\s+/).filter(Boolean);
  while (e.ids.length > maxTokens && wa.length + wb.length > 2) {
    const excess = e.ids.length - maxTokens;
    if (wa.length >= wb.length) wa = wa.slice(0, Math.max(1, wa.length - excess));
    else wb = wb.slice(0, Math.max(1, wb.length - excess));
    e = run(wa.join(' '), wb.join(' '));
  }
  if (e.ids.length > maxTokens) {
    // Two single "words" longer than the limit (a URL, a hash): keep the head and the last
    // (closing special) token.
    e = {
      ids: [...e.ids.slice(0, maxTokens - 1), e.ids.at(-1)!],
      typeIds: [...e.typeIds.slice(0, maxTokens - 1), e.typeIds.at(-1)!],
    };
  }
  return { ...e, truncated: true };
}
