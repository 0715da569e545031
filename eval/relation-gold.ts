/**
 * Runs the relation classifier directly on the example corpus's gold links
 * (examples/gold-links.json) and reports how many get the right relation.
 *
 * Run from the repository root:
 *   npm run build:tools --silent && node .build/tools/eval/relation-gold.js [--verbose]
 *
 * Each gold quote is mapped to the sentence that contains it, as the service sees it:
 * sentences and facets come from extractClaims (which calls analyzeStatement) with the
 * article's publication date. The corpus is a fixture: nothing here is used for training.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractClaims } from '../src/claims/extraction/index.js';
import type { ExtractedClaim } from '../src/claims/extraction/types.js';
import { BuiltinRelationClassifier } from '../src/linking/relation/classifier.js';
import type { Relation } from '../src/linking/relation/types.js';

interface Article {
  url: string;
  text: string;
  publishedAt: string;
  publisher?: string | null;
}
interface GoldLink {
  left: { url: string; quote: string };
  right: { url: string; quote: string };
  relation: Relation;
  signals: string[];
}

const ROOT = process.cwd();
const verbose = process.argv.includes('--verbose');

function main() {
  const articles = readFileSync(path.join(ROOT, 'examples/corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Article);
  const claims = new Map<string, ExtractedClaim[]>();
  for (const a of articles)
    claims.set(
      a.url,
      extractClaims(a.text, { publishedAt: new Date(a.publishedAt), publisher: a.publisher }),
    );
  const gold = JSON.parse(
    readFileSync(path.join(ROOT, 'examples/gold-links.json'), 'utf8'),
  ) as GoldLink[];
  const find = (url: string, quote: string): ExtractedClaim => {
    const c = claims.get(url)?.find((s) => s.text.includes(quote));
    if (!c) throw new Error(`quote not found in one sentence of ${url}: ${quote}`);
    return c;
  };
  const clf = new BuiltinRelationClassifier();
  const rels = ['CORROBORATES', 'CONTRADICTS', 'DISCUSSES', 'none'] as const;
  const matrix = rels.map(() => rels.map(() => 0));
  let right = 0;
  let symmetric = 0;
  gold.forEach((g, i) => {
    const l = find(g.left.url, g.left.quote);
    const r = find(g.right.url, g.right.quote);
    const res = clf.classify(
      { text: l.text, facets: l.facets },
      { text: r.text, facets: r.facets },
    );
    const back = clf.classify(
      { text: r.text, facets: r.facets },
      { text: l.text, facets: l.facets },
    );
    if (back.relation === res.relation) symmetric++;
    const ok = res.relation === g.relation;
    if (ok) right++;
    matrix[rels.indexOf(g.relation)][rels.indexOf(res.relation ?? 'none')]++;
    if (verbose || !ok) {
      console.log(
        `${ok ? 'ok  ' : 'MISS'} #${i} gold ${g.relation} [${g.signals.join(',')}] -> ${res.relation ?? 'none'} ${res.confidence.toFixed(2)} [${res.signals
          .map((s) => s.kind)
          .join(',')}]`,
      );
      if (!ok) console.log(`       L: ${l.text}\n       R: ${r.text}`);
    }
  });
  console.log(`\n${clf.method}: ${right}/${gold.length} gold links with the right relation`);
  console.log(`symmetric in relation: ${symmetric}/${gold.length}`);
  console.log('confusion (rows gold, columns predicted):');
  console.log(`${''.padEnd(14)}${rels.map((r) => r.padStart(14)).join('')}`);
  rels.slice(0, 3).forEach((r, i) => {
    console.log(`${r.padEnd(14)}${matrix[i].map((v) => String(v).padStart(14)).join('')}`);
  });
}

main();
