/**
 * Pure parts of the chat-completions provider: the prompt, reading the structured answer, and
 * the quote check (a verdict whose quoted words are not in the two texts is not used: the
 * model must point at evidence a researcher can find).
 */
import type { ModelRelation, ModelVerdict } from '../rescore.js';
import { skipped } from '../rescore.js';

/** Bumped when the prompt changes: part of the model id, so old cached answers are not reused. */
export const PROMPT_VERSION = 'p1';

export interface LlmRaw {
  relation: 'CORROBORATES' | 'CONTRADICTS' | 'DISCUSSES' | 'UNRELATED';
  quoteA: string;
  quoteB: string;
  reason: string;
  confidence: number | null;
}

const RELATIONS = ['CORROBORATES', 'CONTRADICTS', 'DISCUSSES', 'UNRELATED'] as const;

export const SYSTEM_PROMPT = `You compare pairs of statements from different news sources.
For each pair decide one relation:
- CORROBORATES: both state the same fact (one supports the other).
- CONTRADICTS: they cannot both be true (different numbers, dates, actors, or one denies the other).
- DISCUSSES: same event or topic, but neither confirms nor contradicts the other.
- UNRELATED: different topics.
Quote the exact words (copied character for character, at most 12 words each) from statement A and from statement B that your decision relies on; use "" for UNRELATED.
Answer with JSON only: {"verdicts":[{"id":1,"relation":"...","quote_a":"...","quote_b":"...","reason":"one short sentence","confidence":0.0-1.0}, ...]} with one verdict per pair, in order.`;

export function userPrompt(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .map(([a, b], i) => `Pair ${i + 1}\nA: ${JSON.stringify(a)}\nB: ${JSON.stringify(b)}`)
    .join('\n\n');
}

/** The verdicts of one response, by pair position; null where a pair got none or a malformed one. */
export function parseVerdicts(content: string, count: number): (LlmRaw | null)[] {
  const out: (LlmRaw | null)[] = new Array<LlmRaw | null>(count).fill(null);
  const body = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return out;
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { verdicts?: unknown })?.verdicts;
  if (!Array.isArray(list)) return out;
  list.forEach((item: unknown, position) => {
    if (!item || typeof item !== 'object') return;
    const v = item as Record<string, unknown>;
    const id = Number.isInteger(v.id) ? (v.id as number) - 1 : position;
    const relation = String(v.relation ?? '')
      .trim()
      .toUpperCase();
    if (id < 0 || id >= count || !(RELATIONS as readonly string[]).includes(relation)) return;
    const confidence =
      typeof v.confidence === 'number' && v.confidence >= 0 && v.confidence <= 1
        ? v.confidence
        : null;
    out[id] = {
      relation: relation as LlmRaw['relation'],
      quoteA: typeof v.quote_a === 'string' ? v.quote_a : '',
      quoteB: typeof v.quote_b === 'string' ? v.quote_b : '',
      reason: typeof v.reason === 'string' ? v.reason.slice(0, 300) : '',
      confidence,
    };
  });
  return out;
}

const normalize = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Where the quote sits in the text, verbatim, or null when the text does not contain it. */
export function findQuote(text: string, quote: string): string | null {
  const q = normalize(quote).replace(/^["']|["']$/g, '');
  if (!q) return null;
  const exact = text.indexOf(quote.trim());
  if (exact >= 0 && quote.trim()) return text.slice(exact, exact + quote.trim().length);
  return normalize(text).includes(q) ? quote.trim() : null;
}

/** Without a stated confidence, a verified verdict counts as this likely right. */
export const DEFAULT_LLM_CONFIDENCE = 0.8;

export function llmVerdict(
  raw: LlmRaw,
  pair: readonly [string, string],
  model: string,
): ModelVerdict {
  if (raw.relation === 'UNRELATED') {
    return {
      ok: true,
      relation: 'UNRELATED',
      confidence: raw.confidence ?? DEFAULT_LLM_CONFIDENCE,
      signal: {
        kind: 'LLM_VERDICT',
        detail: `${model}: UNRELATED. ${raw.reason}`.trim(),
        left: null,
        right: null,
        weight: 0,
      },
    };
  }
  const left = findQuote(pair[0], raw.quoteA);
  const right = findQuote(pair[1], raw.quoteB);
  if (!left || !right) {
    const missing = !left ? `"${raw.quoteA}"` : `"${raw.quoteB}"`;
    return skipped(
      `${model}`,
      `said ${raw.relation} quoting ${missing}, which is not in the statement`,
    );
  }
  const confidence = raw.confidence ?? DEFAULT_LLM_CONFIDENCE;
  return {
    ok: true,
    relation: raw.relation as ModelRelation,
    confidence,
    signal: {
      kind: 'LLM_VERDICT',
      detail: `${model}: ${raw.relation} (${confidence.toFixed(2)}). ${raw.reason}`.trim(),
      left,
      right,
      weight: confidence,
    },
  };
}
