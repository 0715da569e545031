/**
 * Dataset loading, the story-level split and the candidate selection shared by training and
 * offline evaluation. Reads the public data from ../shared/datasets at run time; nothing of
 * it is copied into the repository.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ClaimFacets, SentenceSpan } from '../../src/claims/extraction/types.js';
import { analyze } from '../../src/linking/relation/analyze.js';
import type { IdfTable } from '../../src/linking/relation/features.js';
import { stem } from '../../src/linking/relation/text.js';

/** Commands run from the repository root (see the header of each script). */
export const ROOT = process.cwd();
export const DATA = path.resolve(ROOT, '../shared/datasets');
export const SPLIT_SEED = 20240611;

export const FILES = {
  fncBodies: 'fnc-1-train/train_bodies.csv',
  fncStances: 'fnc-1-train/train_stances.csv',
  arcBodies: 'arc-train/arc_bodies.csv',
  arcStances: 'arc-train/arc_stances_train.csv',
  fever: 'fever-symmetric-dev/symmetric_v0.2_fever_symmetric_dev.jsonl',
  covid: 'covid-fact-rte-train/RTE-covidfact_train.tsv',
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

export interface RtePair {
  claim: string;
  evidence: string;
  label: 'CORROBORATES' | 'CONTRADICTS';
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

/** Deterministic hash of a string into [0, 1). */
export function unitHash(s: string, seed = SPLIT_SEED): number {
  const h = createHash('sha1').update(`${seed}:${s}`).digest();
  return h.readUInt32BE(0) / 4294967296;
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

// ------------------------------------------------------------------ extraction

type Analyzer = (text: string, ctx: object) => { facets: ClaimFacets };
type Segmenter = (text: string) => SentenceSpan[];

let extraction: { analyze: Analyzer; segment: Segmenter; source: string } | null = null;

/**
 * Uses the team's extraction module when it exists (the live pipeline passes its facets);
 * until then a minimal local fallback, so features are trained on the same kind of input.
 */
export async function loadExtraction(): Promise<{
  analyze: Analyzer;
  segment: Segmenter;
  source: string;
}> {
  if (extraction) return extraction;
  const spec = '../../src/claims/extraction/index.js';
  try {
    const mod = (await import(spec)) as {
      analyzeStatement?: Analyzer;
      segmentSentences?: Segmenter;
    };
    if (mod.analyzeStatement && mod.segmentSentences) {
      extraction = {
        analyze: mod.analyzeStatement,
        segment: mod.segmentSentences,
        source: 'src/claims/extraction',
      };
      return extraction;
    }
  } catch {
    // Not there yet: fall through to the local fallback.
  }
  extraction = {
    analyze: (t) => ({ facets: fallbackFacets(t) }),
    segment: fallbackSegment,
    source: 'eval fallback',
  };
  return extraction;
}

export function fallbackSegment(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const re = /[^\n.!?]+(?:[.!?]+["'”’)]*|\n|$)/g;
  let m: RegExpExecArray | null;
  const cps = (s: string) => [...s].length;
  let pos = 0;
  let cpPos = 0;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const raw = m[0];
    const startU = m.index;
    cpPos += cps(text.slice(pos, startU));
    pos = startU;
    const trimmed = raw.trim();
    if (trimmed.length >= 3) {
      const lead = raw.length - raw.trimStart().length;
      const start = cpPos + cps(raw.slice(0, lead));
      out.push({ index: out.length, start, end: start + cps(trimmed), text: trimmed });
    }
    cpPos += cps(raw);
    pos = startU + raw.length;
  }
  // Merge fragments produced by abbreviations ("U.S.", "Mr.") into the previous sentence.
  const merged: SentenceSpan[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && (s.text.length < 25 || /^[a-z0-9]/.test(s.text)) && !/\n/.test(s.text)) {
      merged[merged.length - 1] = {
        index: prev.index,
        start: prev.start,
        end: s.end,
        text: prev.text + ' ' + s.text,
      };
    } else merged.push({ ...s, index: merged.length });
  }
  return merged;
}

const NUM_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
  dozen: 12,
  hundred: 100,
  hundreds: 100,
  thousand: 1000,
  thousands: 1000,
};
const EVENTS =
  /^(kill|wound|injur|die|dead|arrest|detain|evacuat|rescu|miss|displac|infect|hospitali|vaccinat)/;
const DURATION_UNITS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
  week: 604800,
  month: 2592000,
  year: 31536000,
};

/** Minimal facets for the eval harness: counts, durations, cues. No dates or actors. */
export function fallbackFacets(text: string): ClaimFacets {
  const quantities: ClaimFacets['quantities'] = [];
  const durations: ClaimFacets['durations'] = [];
  const re =
    /\b(at least |more than |about |nearly |almost |up to |around )?(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozens?|hundreds?|thousands?)(?:[ -](million|billion|thousand))?[ -]([a-z]+)(?: ([a-z]+))?(?: ([a-z]+))?/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const q = (m[1] ?? '').trim().toLowerCase();
    let v = /^\d/.test(m[2])
      ? Number(m[2].replace(/,/g, ''))
      : (NUM_WORDS[m[2].toLowerCase()] ?? 0);
    if (m[3])
      v *= m[3].toLowerCase() === 'million' ? 1e6 : m[3].toLowerCase() === 'billion' ? 1e9 : 1e3;
    const noun = m[4].toLowerCase();
    const unitKey = noun.replace(/s$/, '');
    if (DURATION_UNITS[unitKey] !== undefined) {
      durations.push({ text: m[0].trim(), seconds: v * DURATION_UNITS[unitKey] });
      continue;
    }
    const words = [m[4], m[5], m[6]].filter((w): w is string => !!w).map((w) => w.toLowerCase());
    const eventWord = words.find((w) => EVENTS.test(w)) ?? null;
    quantities.push({
      text: m[0]
        .trim()
        .split(/\s+/)
        .slice(0, (m[1] ? 1 : 0) + (m[3] ? 3 : 2))
        .join(' '),
      value: v,
      approx:
        q === 'at least' || q === 'more than'
          ? 'at_least'
          : q === 'up to'
            ? 'at_most'
            : q
              ? 'approximate'
              : 'exact',
      unit: null,
      counted: EVENTS.test(noun) ? null : stem(noun),
      event: eventWord ? stem(eventWord) : null,
    });
  }
  const a = analyze(text);
  return {
    dates: [],
    durations,
    quantities,
    actors: [],
    negations: a.negations.map((n) => n.text),
    attribution: a.attributions.length > 0 ? { speaker: null, cue: a.attributions[0].text } : null,
    hedges: a.hedges.map((h) => h.text),
    question: a.question,
  };
}

// ------------------------------------------------------------------ candidates

/**
 * Mirrors the service's candidate search (full-text and trigram similarity): only body
 * sentences sharing content words with the claim are candidates, best IDF overlap first.
 */
export function selectCandidates(
  claim: string,
  sentences: string[],
  idf: IdfTable,
  k: number,
): { index: number; score: number }[] {
  const ca = analyze(claim);
  const scored: { index: number; score: number }[] = [];
  sentences.forEach((s, index) => {
    const sa = analyze(s);
    let score = 0;
    for (const key of ca.keys) if (sa.keys.has(key)) score += idf.idf.get(key) ?? idf.unseen;
    if (score > 0) scored.push({ index, score });
  });
  scored.sort((x, y) => y.score - x.score || x.index - y.index);
  return scored.slice(0, k);
}
