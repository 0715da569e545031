/**
 * How much two statements share, as signals the link calibration reads. Links between
 * statements that share one or two content words, or little of either side, were right far
 * less often on text the linker had not been tuned on (first runs of new probe sets) than on
 * the sets it was tuned on: the shared words are the tie a researcher can check, and a thin
 * tie is a weaker link. The signals carry no weight in the decision; they lower the
 * calibrated confidence (link-calibration.ts) and say why.
 */
import type { Alignment } from './alignment.js';
import type { Analysis } from './analyze.js';
import type { LinkSignal } from './types.js';

/** Below this share of the larger side's words, the two statements cover little of each other. */
export const SMALL_COVERAGE = 0.1;
/** Below this share, they cover part of each other. */
export const PARTIAL_COVERAGE = 0.3;

export const OVERLAP_KINDS = [
  'THIN_OVERLAP',
  'NARROW_OVERLAP',
  'SMALL_COVERAGE',
  'PARTIAL_COVERAGE',
] as const;

/** Shared content words that are neither figures nor names. */
export function sharedContentWords(a: Analysis, b: Analysis, al: Alignment): string[] {
  return al.shared
    .filter((k) => !/^\d/.test(k) && !a.names.has(k) && !b.names.has(k))
    .map((k) => a.keyToken.get(k)?.surface ?? k);
}

export function overlapSignals(a: Analysis, b: Analysis, al: Alignment): LinkSignal[] {
  const words = sharedContentWords(a, b, al);
  const out: LinkSignal[] = [];
  const quoted = words.map((w) => `"${w}"`).join(', ');
  if (words.length <= 1)
    out.push(
      signal(
        'THIN_OVERLAP',
        words.length === 0
          ? 'The statements share no content word besides names and figures: a thin tie.'
          : `The statements share one content word besides names and figures (${quoted}): a thin tie.`,
      ),
    );
  else if (words.length === 2)
    out.push(
      signal(
        'NARROW_OVERLAP',
        `The statements share two content words besides names and figures (${quoted}).`,
      ),
    );
  const pct = Math.round(al.coverageMin * 100);
  if (al.coverageMin < SMALL_COVERAGE)
    out.push(
      signal(
        'SMALL_COVERAGE',
        `The shared words are ${pct} % of the longer statement's: it is mostly about other things.`,
      ),
    );
  else if (al.coverageMin < PARTIAL_COVERAGE)
    out.push(
      signal(
        'PARTIAL_COVERAGE',
        `The shared words are ${pct} % of the longer statement's: it says more besides.`,
      ),
    );
  return out;
}

function signal(kind: (typeof OVERLAP_KINDS)[number], detail: string): LinkSignal {
  return { kind, detail, left: null, right: null, weight: 0 };
}
