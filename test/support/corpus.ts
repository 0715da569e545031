import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import type { CorpusArticle } from '../../eval/lib/examples.js';

export function readJsonl<T>(file: string): T[] {
  return readFileSync(join(PROJECT_ROOT, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export const exampleCorpus = () => readJsonl<CorpusArticle>('examples/corpus.jsonl');
export const exampleRevisions = () => readJsonl<CorpusArticle>('examples/revisions.jsonl');

export interface GoldLink {
  left: { url: string; quote: string };
  right: { url: string; quote: string };
  relation: 'CORROBORATES' | 'CONTRADICTS' | 'DISCUSSES';
  signals: string[];
  note: string;
}

export const goldLinks = (): GoldLink[] =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples/gold-links.json'), 'utf8')) as GoldLink[];

/** Python-style slicing in code points. */
export const sliceCodePoints = (text: string, start: number, end: number) =>
  [...text].slice(start, end).join('');
