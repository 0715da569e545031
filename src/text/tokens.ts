/**
 * Low-level text helpers shared by the extraction modules: code point bookkeeping and a
 * small word tokenizer. Everything else in the pipeline works on UTF-16 indices internally
 * (that is what RegExp gives us) and converts to code points only at the public boundary.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Returns a function mapping a UTF-16 index of `text` to its code point index. Most news
 * text has no astral characters, so the common case is the identity and costs nothing.
 */
export function codePointIndexer(text: string): (utf16: number) => number {
  if (!SURROGATE.test(text)) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // A high surrogate and its low surrogate form one code point: only count the pair once.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i];
}

/** UTF-16 index that lies `count` code points before `from` (clamped at 0). */
export function backCodePoints(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i > 0; n++) {
    i--;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) i--;
    }
  }
  return i;
}

/** UTF-16 index that lies `count` code points after `from` (clamped at the end). */
export function forwardCodePoints(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

export interface Token {
  text: string;
  lower: string;
  /** UTF-16 offsets into the sentence. */
  start: number;
  end: number;
  isWord: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

// Words keep internal apostrophes and hyphens/en dashes ("Azerbaijan’s", "anti-terror",
// "Ahmadbayli–Fuzuli–Shusha") so that compounds and possessives stay one unit; dotted
// acronyms ("U.N.") keep their periods.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\d]+(?:[’'\-–][\p{L}\p{M}\d]+)*|\S/gu;
const UPPER_START = /^\p{Lu}/u;
const WORDISH = /^[\p{L}\p{M}\d]/u;

// Facets and scoring both tokenize the same sentence back to back; remembering the last result
// halves the tokenizing cost. Tokens are treated as read-only by every caller.
let lastInput: string | null = null;
let lastTokens: Token[] = [];

export function tokenize(s: string): Token[] {
  if (s === lastInput) return lastTokens;
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s)) !== null) {
    const t = m[0];
    out.push({
      text: t,
      lower: t.toLowerCase(),
      start: m.index,
      end: m.index + t.length,
      isWord: WORDISH.test(t),
      cap: UPPER_START.test(t),
    });
  }
  lastInput = s;
  lastTokens = out;
  return out;
}

/** Strips an English possessive ("Azerbaijan’s" -> "Azerbaijan"). */
export function stripPossessive(w: string): string {
  return w.replace(/[’']s$/u, '').replace(/s[’']$/u, 's');
}

export function isPossessive(w: string): boolean {
  return /[’']s$/u.test(w) || /s[’']$/u.test(w);
}
