/**
 * Dataset loading and the story-level split shared by training (eval/train-relation.ts), the
 * offline evaluation (eval/relation-offline.ts) and the evaluation through the service
 * (eval/service-eval.ts). This is the one copy: eval/lib re-exports it, so every script
 * holds out exactly the same rows. Reads the public data from ../shared/datasets at run time;
 * nothing of it is copied into the repository.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** Commands run from the repository root (see the header of each script). */
export const ROOT = process.cwd();
/** The datasets folder; CLAIMTRACE_DATASETS overrides it (e.g. when not run from the root). */
export const DATA = path.resolve(
  ROOT,
  process.env.CLAIMTRACE_DATASETS?.trim() || '../shared/datasets',
);
export const SPLIT_SEED = 20240611;

/** Shares of FNC-1 story components held out for evaluation and for tuning. */
export const FRACTIONS = { test: 0.25, val: 0.15 };

export const FILES = {
  fncBodies: 'fnc-1-train/train_bodies.csv',
  fncStances: 'fnc-1-train/train_stances.csv',
  arcBodies: 'arc-train/arc_bodies.csv',
  arcStances: 'arc-train/arc_stances_train.csv',
  fever: 'fever-symmetric-dev/symmetric_v0.2_fever_symmetric_dev.jsonl',
  covid: 'covid-fact-rte-train/RTE-covidfact_train.tsv',
  snliDevPremises: 'snli-dev-test/s1.dev',
  snliDevHypotheses: 'snli-dev-test/s2.dev',
  snliDevLabels: 'snli-dev-test/labels.dev',
  snliTestPremises: 'snli-dev-test/s1.test',
  snliTestHypotheses: 'snli-dev-test/s2.test',
  snliTestLabels: 'snli-dev-test/labels.test',
  sick: 'sick/SICK.txt',
} as const;

export function fileInfo(rel: string): { file: string; sha256: string; bytes: number } {
  const p = path.join(DATA, rel);
  const buf = readFileSync(p);
  return {
    file: rel,
    sha256: createHash('sha256').update(buf).digest('hex'),
    bytes: statSync(p).size,
  };
}

export type Stance = 'unrelated' | 'agree' | 'disagree' | 'discuss';
export interface StancePairRow {
  headline: string;
  bodyId: string;
  stance: Stance;
}

function readCsv(rel: string): Record<string, string>[] {
  return parse(readFileSync(path.join(DATA, rel)), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
  }) as Record<string, string>[];
}

export function loadStanceCorpus(
  bodiesRel: string,
  stancesRel: string,
): { bodies: Map<string, string>; pairs: StancePairRow[] } {
  const bodies = new Map<string, string>();
  for (const r of readCsv(bodiesRel)) bodies.set(r['Body ID'], r['articleBody']);
  const pairs = readCsv(stancesRel).map((r) => ({
    headline: r['Headline'],
    bodyId: r['Body ID'],
    stance: r['Stance'] as Stance,
  }));
  return { bodies, pairs: pairs.filter((p) => bodies.has(p.bodyId)) };
}

/** Gold relation of a sentence pair; "none" (SNLI/SICK neutral: not implied) is no link. */
export type PairLabel = 'CORROBORATES' | 'CONTRADICTS' | 'none';

export interface RtePair {
  claim: string;
  evidence: string;
  label: PairLabel;
  /** Split key: pairs sharing it go to the same side. */
  group: string;
}

export function loadFever(): RtePair[] {
  return readFileSync(path.join(DATA, FILES.fever), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { claim: string; evidence: string; gold_label: string })
    .map((o) => ({
      claim: o.claim,
      evidence: o.evidence,
      label: o.gold_label === 'SUPPORTS' ? 'CORROBORATES' : 'CONTRADICTS',
      // Symmetric FEVER pairs the same evidence with a supported and a refuted claim.
      group: o.evidence,
    }));
}

export function loadCovid(): RtePair[] {
  const rows = parse(readFileSync(path.join(DATA, FILES.covid)), {
    columns: true,
    delimiter: '\t',
    relax_quotes: true,
    quote: false,
  }) as Record<string, string>[];
  return rows.map((r) => ({
    claim: r['Sentence2'],
    evidence: r['sentence1'],
    label: r['label'] === 'entailment' ? 'CORROBORATES' : 'CONTRADICTS',
    // Refuted claims are word swaps of real ones with the same evidence: split by evidence.
    group: r['sentence1'],
  }));
}

/**
 * SNLI ships tokenised ("packages ." / "do n't"); the service reads ordinary text, so the
 * spaces the tokeniser added before punctuation and clitics are taken out again.
 */
export function detokenize(t: string): string {
  return t
    .trim()
    .replace(/\s+([.,!?;:%)])/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/\s+(n't|'s|'re|'m|'ll|'d|'ve)\b/gi, '$1');
}

const NLI_LABEL: Record<string, PairLabel> = {
  entailment: 'CORROBORATES',
  contradiction: 'CONTRADICTS',
  neutral: 'none',
};

function lines(rel: string): string[] {
  const l = readFileSync(path.join(DATA, rel), 'utf8').split('\n');
  if (l.length > 0 && l[l.length - 1] === '') l.pop();
  return l;
}

/**
 * SNLI 1.0 dev and test (via e-SNLI), pooled: the premise is the evidence, the hypothesis the
 * claim. Split by premise (each premise has about three hypotheses), so no premise is on both
 * sides of the split.
 */
export function loadSnli(): RtePair[] {
  const out: RtePair[] = [];
  const parts = [
    [FILES.snliDevPremises, FILES.snliDevHypotheses, FILES.snliDevLabels],
    [FILES.snliTestPremises, FILES.snliTestHypotheses, FILES.snliTestLabels],
  ] as const;
  for (const [p, h, l] of parts) {
    const prem = lines(p);
    const hyp = lines(h);
    const lab = lines(l);
    if (prem.length !== hyp.length || prem.length !== lab.length) {
      throw new Error(`SNLI files ${p}, ${h}, ${l} differ in length: check the dataset copy`);
    }
    prem.forEach((s1, i) => {
      const label = NLI_LABEL[lab[i].trim()];
      if (!label) return;
      const evidence = detokenize(s1);
      out.push({ claim: detokenize(hyp[i]), evidence, label, group: 'snli:' + evidence });
    });
  }
  return out;
}

/**
 * SICK: ENTAILMENT / CONTRADICTION / NEUTRAL mapped as SNLI. Its sentences recur across
 * pairs (as A in one, B in another), so the split unit is the connected component of
 * sentences joined by pairs (613 components; the largest has 1,875 pairs): no sentence is on
 * both sides.
 */
export function loadSick(): RtePair[] {
  const rows = parse(readFileSync(path.join(DATA, FILES.sick)), {
    columns: true,
    delimiter: '\t',
    relax_quotes: true,
    quote: false,
  }) as Record<string, string>[];
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const r of rows) {
    const a = find(r['sentence_A']);
    const b = find(r['sentence_B']);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const out: RtePair[] = [];
  for (const r of rows) {
    const label = NLI_LABEL[(r['entailment_judgment'] ?? '').toLowerCase()];
    if (!label) continue;
    out.push({
      claim: r['sentence_B'],
      evidence: r['sentence_A'],
      label,
      group: 'sick:' + find(r['sentence_A']),
    });
  }
  return out;
}

/** Deterministic hash of a string into [0, 1). */
export function unitHash(s: string, seed = SPLIT_SEED): number {
  const h = createHash('sha1').update(`${seed}:${s}`).digest();
  return h.readUInt32BE(0) / 4294967296;
}

/**
 * Sentence-pair sets (FEVER, COVID-Fact, SNLI, SICK) are split by their group key (evidence,
 * premise, sentence component): hash < RTE_VAL_FROM trains the model, [RTE_VAL_FROM,
 * RTE_TRAIN_SHARE) tunes it (development part), and >= RTE_TRAIN_SHARE is held out. The
 * held-out half is the one evaluated since 0.1.0.
 */
export const RTE_TRAIN_SHARE = 0.5;
export const RTE_VAL_FROM = 0.35;

export function rtePart(r: RtePair): 'train' | 'val' | 'test' {
  const u = unitHash(r.group);
  return u < RTE_VAL_FROM ? 'train' : u < RTE_TRAIN_SHARE ? 'val' : 'test';
}

/** The held-out half of a sentence-pair set (never used for training or tuning). */
export function rteHeldOut(rows: RtePair[]): RtePair[] {
  return rows.filter((r) => unitHash(r.group) >= RTE_TRAIN_SHARE);
}

/**
 * Story-level split of a stance corpus: headlines and bodies are joined into connected
 * components (a headline is linked to every body it is paired with, related or not), and
 * whole components go to one side, so no held-out headline or body is seen in training.
 * Unrelated pairings are random in FNC-1 and would glue everything into one component, so
 * components are built from related pairs; unrelated pairs are kept only when headline
 * and body land on the same side.
 */
export function storySplit(
  pairs: StancePairRow[],
  fractions: { test: number; val: number },
): {
  part: (p: StancePairRow) => 'train' | 'val' | 'test' | null;
  components: number;
  component: (node: string) => string;
} {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (parent.get(y) !== r) {
      const nx = parent.get(y)!;
      parent.set(y, r);
      y = nx;
    }
    return r;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  for (const p of pairs) {
    const a = 'h:' + p.headline;
    const b = 'b:' + p.bodyId;
    add(a);
    add(b);
    if (p.stance !== 'unrelated') parent.set(find(a), find(b));
  }
  const side = (node: string): 'train' | 'val' | 'test' => {
    const u = unitHash(find(node));
    return u < fractions.test ? 'test' : u < fractions.test + fractions.val ? 'val' : 'train';
  };
  let components = 0;
  for (const k of parent.keys()) if (find(k) === k) components++;
  return {
    components,
    component: find,
    part: (p) => {
      const a = side('h:' + p.headline);
      const b = side('b:' + p.bodyId);
      return a === b ? a : null;
    },
  };
}

/** Share of unrelated pairs in FNC-1 (36,545 of 49,972). */
export const FNC_UNRELATED_SHARE = 36545 / 49972;

/**
 * A story split keeps only unrelated pairs whose headline and body fall on the same side, so
 * a held-out part has far fewer of them than FNC-1. FNC-1 built its unrelated pairs by
 * pairing headlines with random bodies of other stories; this does the same inside one part
 * (other components only) until the FNC-1 share is restored.
 */
export function topUpUnrelated(
  pairs: StancePairRow[],
  split: ReturnType<typeof storySplit>,
  seed: number,
): StancePairRow[] {
  const unrelated = pairs.filter((p) => p.stance === 'unrelated').length;
  const related = pairs.length - unrelated;
  const want = Math.round((related * FNC_UNRELATED_SHARE) / (1 - FNC_UNRELATED_SHARE)) - unrelated;
  if (want <= 0) return pairs;
  const headlines = [...new Set(pairs.map((p) => p.headline))].sort();
  const bodies = [...new Set(pairs.map((p) => p.bodyId))].sort();
  const seen = new Set(pairs.map((p) => p.headline + '\u0000' + p.bodyId));
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const extra: StancePairRow[] = [];
  for (let tries = 0; extra.length < want && tries < want * 20; tries++) {
    const h = headlines[Math.floor(next() * headlines.length)];
    const b = bodies[Math.floor(next() * bodies.length)];
    const key = h + '\u0000' + b;
    if (seen.has(key) || split.component('h:' + h) === split.component('b:' + b)) continue;
    seen.add(key);
    extra.push({ headline: h, bodyId: b, stance: 'unrelated' });
  }
  return [...pairs, ...extra];
}

/** Seed offset of the unrelated top-up of the held-out part (the tuning part uses +1). */
export const TEST_TOP_UP_SEED = SPLIT_SEED + 2;
