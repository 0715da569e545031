/**
 * Extraction and candidate selection for training and offline evaluation. The dataset
 * loaders and the story-level split live in src/eval/datasets.ts (one copy, also used by the
 * evaluation through the service) and are re-exported here.
 */
import type { ClaimFacets, SentenceSpan } from '../../src/claims/extraction/types.js';
import { analyze } from '../../src/linking/relation/analyze.js';
import type { IdfTable } from '../../src/linking/relation/features.js';
import { stem } from '../../src/linking/relation/text.js';

export * from '../../src/eval/datasets.js';

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
