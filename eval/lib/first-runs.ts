/**
 * First runs of probe sets (examples/first-runs/): links the linker made on sets before anyone
 * read its output on them, judged against their gold. See eval/first-run.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractClaims } from '../../src/claims/extraction/extract.js';
import type { ExtractedClaim } from '../../src/claims/extraction/types.js';
import { align } from '../../src/linking/relation/alignment.js';
import { analyze } from '../../src/linking/relation/analyze.js';
import { OVERLAP_KINDS, overlapSignals } from '../../src/linking/relation/overlap.js';
import type { Relation } from '../../src/linking/relation/types.js';
import type { JudgedRow } from './calibration-fit.js';

export interface FirstRunRecord {
  /** The commit whose linker made the links (it had not been tuned on these sets). */
  commit: string;
  /** The classifier, name@version. */
  method: string;
  command: string;
  sets: Array<{
    name: string;
    links: Array<{
      a: string;
      b: string;
      relation: Relation;
      /** The classifier's own confidence (the calibration was off). */
      confidence: number;
      signals: string[];
      right: boolean;
    }>;
  }>;
}

const OVERLAP = new Set<string>(OVERLAP_KINDS);

/**
 * Every first-run link as a judged row (`learned: false`). The overlap kinds (overlap.ts) are
 * read again from the two sentences with this code, so records made before the classifier gave
 * them carry them too; each sentence is found in its set's sources under examples/probes/.
 */
export function readFirstRuns(root: string): JudgedRow[] {
  const dir = path.join(root, 'examples/first-runs');
  if (!existsSync(dir)) return [];
  const rows: JudgedRow[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const record = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as FirstRunRecord;
    for (const set of record.sets) {
      const claims = claimsOf(root, set.name);
      for (const link of set.links) {
        const a = claims.get(link.a);
        const b = claims.get(link.b);
        if (!a || !b)
          throw new Error(
            `examples/first-runs/${file}: a sentence of set ${set.name} is not in examples/probes/${set.name}.jsonl`,
          );
        const la = analyze(a.text, a.facets.antecedent);
        const lb = analyze(b.text, b.facets.antecedent);
        const overlap = overlapSignals(la, lb, align(la, lb)).map((s) => s.kind);
        rows.push({
          set: set.name,
          relation: link.relation,
          confidence: link.confidence,
          signals: [...link.signals.filter((k) => !OVERLAP.has(k)), ...overlap],
          right: link.right,
          learned: false,
          batch: file.replace(/\.json$/, ''),
        });
      }
    }
  }
  return rows;
}

/** A set's sentences by their text, extracted as the service extracts them. */
function claimsOf(root: string, name: string): Map<string, ExtractedClaim> {
  const file = path.join(root, 'examples/probes', `${name}.jsonl`);
  const out = new Map<string, ExtractedClaim>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const s = JSON.parse(line) as { text: string; publishedAt: string; publisher: string };
    for (const c of extractClaims(s.text, {
      publishedAt: new Date(s.publishedAt),
      publisher: s.publisher,
    }))
      out.set(c.text, c);
  }
  return out;
}
