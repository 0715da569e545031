/**
 * Pure NLI arithmetic: which output is which label (from the model's config.json id2label, in
 * whatever order it declares them), temperature-scaled softmax, and the symmetric verdict.
 */
import type { LinkSignal } from '../../relation/types.js';
import type { ModelRelation, ModelVerdict } from '../rescore.js';

export type NliLabel = 'entailment' | 'neutral' | 'contradiction';
export const NLI_LABELS: readonly NliLabel[] = ['entailment', 'neutral', 'contradiction'];

/** Output index of each label. */
export type LabelIndex = Record<NliLabel, number>;

export class NliConfigError extends Error {}

/**
 * Reads id2label ({"0": "CONTRADICTION", "1": "entailment", ...}); case and common spellings
 * ("ENTAILMENT", "LABEL_0" is refused) are accepted. Every label must appear exactly once.
 */
export function labelIndex(config: unknown): LabelIndex {
  const id2label = (config as { id2label?: unknown } | null)?.id2label;
  if (!id2label || typeof id2label !== 'object') {
    throw new NliConfigError(
      'config.json has no id2label: it must name the entailment, neutral and contradiction outputs',
    );
  }
  const found: Partial<LabelIndex> = {};
  for (const [id, name] of Object.entries(id2label as Record<string, unknown>)) {
    const index = Number(id);
    const label = String(name).trim().toLowerCase();
    const normal = label.startsWith('entail')
      ? 'entailment'
      : label.startsWith('contradict')
        ? 'contradiction'
        : label.startsWith('neutral')
          ? 'neutral'
          : null;
    if (!Number.isInteger(index) || index < 0 || !normal) {
      throw new NliConfigError(
        `config.json id2label has "${id}": "${String(name)}"; expected entailment, neutral and contradiction (an NLI model)`,
      );
    }
    if (found[normal] !== undefined)
      throw new NliConfigError(`config.json id2label names ${normal} twice`);
    found[normal] = index;
  }
  for (const label of NLI_LABELS) {
    if (found[label] === undefined)
      throw new NliConfigError(`config.json id2label has no ${label} label`);
  }
  return found as LabelIndex;
}

export function softmax(logits: readonly number[], temperature = 1): number[] {
  const scaled = logits.map((x) => x / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((x) => Math.exp(x - max));
  const sum = exps.reduce((s, x) => s + x, 0);
  return exps.map((x) => x / sum);
}

export interface NliRaw {
  /** Logits for (a → b) and (b → a), in the model's output order. */
  logits: [number[], number[]];
  /** Tokens the model saw per direction, and whether a statement was cut to fit. */
  tokens: number;
  truncated: boolean;
}

/** Label probabilities averaged over both directions (NLI is directional; links are not). */
export function symmetricProbs(
  raw: NliRaw,
  labels: LabelIndex,
  temperature: number,
): Record<NliLabel, number> {
  const p1 = softmax(raw.logits[0], temperature);
  const p2 = softmax(raw.logits[1], temperature);
  const out = {} as Record<NliLabel, number>;
  for (const label of NLI_LABELS) out[label] = (p1[labels[label]]! + p2[labels[label]]!) / 2;
  return out;
}

const RELATION_OF: Record<NliLabel, ModelRelation> = {
  entailment: 'CORROBORATES',
  contradiction: 'CONTRADICTS',
  neutral: 'NEUTRAL',
};

export function nliVerdict(
  raw: NliRaw,
  labels: LabelIndex,
  temperature: number,
  modelName: string,
): ModelVerdict {
  const probs = symmetricProbs(raw, labels, temperature);
  const best = NLI_LABELS.reduce((a, b) => (probs[b] > probs[a] ? b : a));
  const fmt = (l: NliLabel) => `${l} ${probs[l].toFixed(2)}`;
  const signal: LinkSignal = {
    kind: 'NLI_MODEL',
    detail:
      `${modelName}: ${fmt(best)}, ${NLI_LABELS.filter((l) => l !== best)
        .map(fmt)
        .join(', ')} (both directions` +
      `${temperature !== 1 ? `, temperature ${temperature.toFixed(2)}` : ''}${raw.truncated ? `, cut to ${raw.tokens} tokens` : ''})`,
    left: null,
    right: null,
    weight: probs[best],
  };
  return { ok: true, relation: RELATION_OF[best], confidence: probs[best], signal };
}
