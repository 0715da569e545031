/**
 * Light, dependency-free text normalisation for relation classification. Everything here
 * runs per statement (not per pair) and is cached by text, because the service compares
 * one claim against ~1,500 candidates and the per-pair budget is a fraction of a millisecond.
 *
 * Used by relation classification (linking/relation) and the candidate query terms.
 */
import { NEGATION_WORDS } from './cues.js';
import { DEMONYMS } from './demonyms.js';
import { RELATION_STOPWORDS } from './stopwords.js';

/** Contractions whose negation is glued to the auxiliary ("didn't"). */
const NEG_CONTRACTION = /^(.*)n['’]t$/;

/** One word of a statement: the verbatim form, its lower case, and its normalised key. */
export interface Token {
  /** Verbatim text as written. */
  surface: string;
  lower: string;
  /** Stem after synonym and number-word normalisation; the unit of alignment. */
  key: string;
  /** Not a function word. */
  content: boolean;
  /** Position in the token list. */
  i: number;
  /** UTF-16 offsets of the surface form in the statement text. */
  start: number;
  end: number;
}

/** Pairs of predicates with opposite meaning; keys are stems (see `stem`). */
export const ANTONYM_PAIRS: readonly [string, string][] = [
  ['increas', 'decreas'],
  ['rise', 'fall'],
  ['rose', 'fell'],
  ['won', 'lost'],
  ['win', 'lose'],
  ['allow', 'ban'],
  ['allow', 'forbid'],
  ['permit', 'ban'],
  // "has the right to send troops" / "forbids troops to enter": what a text allows or forbids.
  ['permit', 'forbid'],
  ['allow', 'prohibit'],
  ['permit', 'prohibit'],
  ['right', 'forbid'],
  ['right', 'prohibit'],
  ['entitl', 'forbid'],
  ['confirm', 'deni'],
  ['confirm', 'deny'],
  ['accept', 'reject'],
  ['approv', 'reject'],
  ['support', 'oppos'],
  ['open', 'clos'],
  ['open', 'block'],
  ['open', 'shut'],
  ['aliv', 'dead'],
  ['live', 'die'],
  ['surviv', 'die'],
  ['guilti', 'innoc'],
  ['true', 'fals'],
  ['real', 'fake'],
  ['start', 'end'],
  ['begin', 'end'],
  ['enter', 'leav'],
  // "remained afloat" / "sank".
  ['afloat', 'sank'],
  ['afloat', 'sink'],
  ['afloat', 'sunk'],
  ['arriv', 'depart'],
  ['gain', 'lose'],
  ['higher', 'lower'],
  ['more', 'less'],
  ['most', 'least'],
  ['larg', 'small'],
  ['big', 'small'],
  ['success', 'fail'],
  ['pass', 'fail'],
  ['acquit', 'convict'],
  ['releas', 'arrest'],
  ['releas', 'detain'],
  ['expand', 'shrink'],
  ['hire', 'fire'],
  ['buy', 'sell'],
  ['bought', 'sold'],
  ['agre', 'disagre'],
  ['legal', 'illeg'],
  ['safe', 'danger'],
  ['male', 'femal'],
  ['before', 'after'],
  ['first', 'last'],
  ['posit', 'neg'],
  ['present', 'absent'],
  ['attack', 'defend'],
  ['resign', 'appoint'],
  ['ralli', 'plung'],
  ['up', 'down'],
  // Change of a state over time: one side says it got better, the other worse.
  ['stabilis', 'deteriorat'],
  ['stabiliz', 'deteriorat'],
  ['improv', 'deteriorat'],
  ['improv', 'worsen'],
  ['stabilis', 'worsen'],
  ['stabiliz', 'worsen'],
  ['calm', 'escalat'],
  ['peaceful', 'violent'],
  ['includ', 'exclud'],
  ['resum', 'suspend'],
  // "Traffic on the bridge resumed" / "the bridge remained closed".
  ['resum', 'clos'],
  ['lift', 'impos'],
  ['complet', 'incomplet'],
  ['possibl', 'impossibl'],
  ['likeli', 'unlikeli'],
  // Said of a person or a place: "a smuggler armed with a rifle" / "he was unarmed".
  ['arm', 'unarm'],
  // "All emergency exits were unlocked" / "the rear stairwell door was padlocked".
  ['unlock', 'lock'],
  ['unlock', 'padlock'],
  ['harm', 'unharm'],
  ['hurt', 'unhurt'],
  ['injur', 'uninjur'],
  ['provok', 'unprovok'],
  ['lawful', 'unlawful'],
  ['authoris', 'unauthoris'],
  ['authoriz', 'unauthoriz'],
  ['inhabit', 'uninhabit'],
  ['accurat', 'inaccurat'],
  ['correct', 'incorrect'],
  ['earlier', 'later'],
  ['maximum', 'minimum'],
  ['strong', 'weak'],
  ['rich', 'poor'],
];

/**
 * Small hand-written synonym groups; each word maps to the first member's stem so aligned
 * paraphrases ("slain" / "killed") share a key.
 */
const SYNONYM_GROUPS: readonly string[][] = [
  ['kill', 'slay', 'slain', 'murder', 'dead', 'die', 'died', 'death'],
  ['buy', 'purchas', 'acquir', 'bought'],
  ['start', 'begin', 'began', 'begun', 'launch', 'commenc'],
  ['end', 'finish', 'conclud', 'terminat'],
  ['quit', 'resign', 'step'],
  ['big', 'larg', 'huge', 'massiv'],
  ['small', 'tini', 'littl'],
  ['hous', 'home', 'dwell'],
  ['car', 'vehicl', 'automobil'],
  ['kid', 'child', 'children'],
  ['hurt', 'injur', 'wound'],
  ['arrest', 'detain', 'apprehend'],
  ['exchang', 'swap', 'trade'],
  // A road or a crossing "blocked" is "closed" (and so opposite to "open").
  ['clos', 'block', 'shut'],
  ['attack', 'assault', 'strike', 'struck'],
  ['show', 'reveal', 'display'],
  ['find', 'found', 'discov'],
  ['help', 'assist', 'aid'],
  ['talk', 'negoti', 'discuss'],
  ['plane', 'aircraft', 'airplan', 'jet', 'airlin'],
  ['woman', 'women', 'ladi'],
  ['man', 'men', 'guy'],
  ['peopl', 'person', 'individu'],
  ['soldier', 'troop'],
  ['fake', 'fals', 'hoax', 'bogus'],
  ['prove', 'proven', 'demonstr'],
  ['stop', 'halt', 'ceas'],
  ['rise', 'rose', 'increas', 'grew', 'grow', 'climb', 'surg'],
  ['fall', 'fell', 'decreas', 'declin', 'drop', 'plung'],
  ['allow', 'permit', 'let'],
  ['ban', 'forbid', 'prohibit'],
  ['presid', 'leader'],
  ['photo', 'pictur', 'imag'],
  ['video', 'footag', 'clip'],
  ['say', 'said', 'state', 'claim'],
];

/** Number words so "two" and "2" align. */
const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
  dozen: '12',
};

/** Irregular forms a suffix stripper would not join. */
const IRREGULAR: Record<string, string> = {
  went: 'go',
  gone: 'go',
  goes: 'go',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  been: 'be',
  has: 'have',
  had: 'have',
  did: 'do',
  does: 'do',
  done: 'do',
  made: 'make',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  saw: 'see',
  seen: 'see',
  came: 'come',
  ran: 'run',
  wrote: 'write',
  written: 'write',
  spoke: 'speak',
  spoken: 'speak',
  knew: 'know',
  known: 'know',
  told: 'tell',
  held: 'hold',
  left: 'leav',
  men: 'man',
  women: 'woman',
  children: 'child',
  people: 'peopl',
  mice: 'mous',
  feet: 'foot',
  teeth: 'tooth',
  won: 'won',
  lost: 'lost',
  rose: 'rose',
  fell: 'fell',
  sold: 'sold',
  bought: 'bought',
  began: 'began',
  found: 'found',
  // The suffix stripper keeps a base form's final "e" ("fire") but cuts it with "-ed"
  // ("fired" -> "fir"), so "came under fire" and "had fired at them" shared no word.
  fired: 'fire',
  firing: 'fire',
  died: 'die',
  dying: 'die',
  // "threw stones at officers" / "did not throw a single stone": one deed, negated.
  threw: 'throw',
  thrown: 'throw',
};

const stemCache = new Map<string, string>();

/**
 * A small suffix stripper in the spirit of Porter's first steps: enough to join
 * "denied/denies/deny" and "increased/increasing", cheap enough to run on every token.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let w = word;
  if (IRREGULAR[w] !== undefined) {
    w = IRREGULAR[w];
  } else if (w.length > 3 && !/\d/.test(w)) {
    if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'i';
    else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
      w = w.slice(0, -1);
    if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'i';
    else if (w.endsWith('eed')) w = w.slice(0, -1);
    else {
      const cut = w.endsWith('ed') ? 2 : w.endsWith('ing') ? 3 : 0;
      if (cut > 0 && /[aeiouy]/.test(w.slice(0, -cut)) && w.length - cut >= 3) {
        w = w.slice(0, -cut);
        if (/(at|bl|iz)$/.test(w)) w += 'e';
        else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      }
    }
    if (w.endsWith('y') && w.length > 3 && /[^aeiou]y$/.test(w)) w = w.slice(0, -1) + 'i';
    if (w.length > 6) {
      for (const suf of ['ational', 'ization', 'fulness', 'iveness', 'ation', 'ement', 'ment']) {
        if (w.endsWith(suf)) {
          w = w.slice(0, -suf.length);
          break;
        }
      }
    }
    if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
    if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(word, w);
  return w;
}

const synonymKey = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = stem(group[0]);
  for (const member of group) {
    synonymKey.set(member, head);
    synonymKey.set(stem(member), head);
  }
}

/** The alignment key of a lower-cased word: number value, else synonym head, else stem. */
export function wordKey(lower: string): string {
  const num = NUMBER_WORDS[lower];
  if (num !== undefined) return num;
  // "Armenian forces" and "Armenia's forces" name one party.
  const country = DEMONYMS.get(lower);
  if (country !== undefined && !country.includes(' ')) return stem(country);
  if (/^\d[\d,]*(\.\d+)?$/.test(lower)) return lower.replace(/,/g, '');
  const s = stem(lower);
  return synonymKey.get(lower) ?? synonymKey.get(s) ?? s;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[’'.,-][\p{L}\p{N}]+)*|n['’]t/gu;

/** Splits text into tokens; "didn't" gives "did" + "n't" so negation is a token of its own. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const lowerRaw = raw.toLowerCase();
    const neg = NEG_CONTRACTION.exec(lowerRaw);
    if (neg && neg[1].length > 0) {
      const head = raw.slice(0, neg[1].length);
      const at = m.index;
      pushToken(out, head, neg[1] === 'ca' ? 'can' : neg[1] === 'wo' ? 'will' : neg[1], at);
      pushToken(out, raw.slice(neg[1].length), "n't", at + head.length);
      continue;
    }
    // Possessive "'s" and trailing punctuation-joined parts are not separate content.
    const lower = lowerRaw.replace(/['’]s$/, '');
    pushToken(out, raw, lower, m.index);
  }
  return out;
}

function pushToken(out: Token[], surface: string, lower: string, start: number): void {
  const isStop = RELATION_STOPWORDS.has(lower) || (lower.length === 1 && !/\d/.test(lower));
  out.push({
    surface,
    lower,
    key: isStop ? lower : wordKey(lower),
    content: !isStop && !NEGATION_WORDS.has(lower),
    i: out.length,
    start,
    end: start + surface.length,
  });
}

const antonymIndex = new Map<string, Set<string>>();
for (const [a, b] of ANTONYM_PAIRS) {
  if (!antonymIndex.has(a)) antonymIndex.set(a, new Set());
  if (!antonymIndex.has(b)) antonymIndex.set(b, new Set());
  antonymIndex.get(a)!.add(b);
  antonymIndex.get(b)!.add(a);
}

/** Whether two stems are listed as opposites (order-free). */
export function areAntonyms(stemA: string, stemB: string): boolean {
  return antonymIndex.get(stemA)?.has(stemB) ?? false;
}

/**
 * Word forms whose stem has a listed opposite only in another sense: "lasted" (went on) is no
 * opposite of "first", though "last" is.
 */
export function otherSense(lower: string): boolean {
  return /^(?:lasted|lasting|lasts)$/.test(lower);
}

/** Whether a stem takes part in any antonym pair. */
export function hasAntonym(stemA: string): boolean {
  return antonymIndex.has(stemA);
}
