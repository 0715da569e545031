/**
 * The example corpus (examples/) through the service: the seven articles are ingested into one
 * workspace with their metadata, linked by the job queue, and every stored link is compared
 * with examples/gold-links.json. Recall is over the gold links; precision needs to know which
 * claims the gold lists exhaustively (every link they should have): a stored link touching
 * such a claim is right only when the gold has it with the same relation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import type { Relation } from '../../src/linking/relation/types.js';
import type { Log, ServicePipeline, StoredLink } from './pipeline.js';

interface Endpoint {
  url: string;
  quote: string;
}

interface GoldLink {
  left: Endpoint;
  right: Endpoint;
  relation: Relation;
  exhaustive?: boolean;
}

export interface WrongLink {
  a: string;
  b: string;
  relation: Relation;
  confidence: number;
  gold: Relation | null;
}

export interface MissedLink {
  a: string;
  b: string;
  gold: Relation;
  got: Relation | null;
}

export interface JudgedLink {
  a: string;
  b: string;
  relation: Relation;
  confidence: number;
  right: boolean;
  /** The link's signal kinds, to read precision by the reasons given. */
  signals: string[];
}

export interface ExampleScores {
  goldLinks: number;
  /** How the exhaustive claims were found in the gold file (see `readGold`). */
  exhaustiveFrom: string;
  exhaustiveClaims: number;
  /** Gold links found with the right relation / any relation. */
  recall: number;
  foundAnyRelation: number;
  /** Stored links touching an exhaustive claim, and the share of them the gold has. */
  judgedLinks: number;
  precision: number;
  /** The same, only links at or above the display threshold. */
  minConfidence: number | null;
  shown: { recall: number; judgedLinks: number; precision: number };
  /** Shown links touching an exhaustive claim that gold does not have (gold null) or types otherwise. */
  wrongShown: WrongLink[];
  /** Every stored link touching an exhaustive claim: relation, confidence, right or not. */
  judged: JudgedLink[];
  /** Gold links not shown by default with their relation (got: what was shown instead, or null). */
  missedShown: MissedLink[];
  storedLinks: number;
  unmatchedQuotes: string[];
  seconds: number;
}

/**
 * Reads the gold links and the claims they cover exhaustively. Accepted forms:
 * examples/gold-exhaustive.json beside gold-links.json; else in gold-links.json an array of
 * links (older form: no claim is marked, so every claim that appears in a gold link is taken
 * as exhaustive, which is said in `exhaustiveFrom`); or an object `{ links, exhaustive }`
 * where `exhaustive` lists `{ url, quote }` claims; or links with `exhaustive: true`, whose
 * two claims are then exhaustive.
 */
export function readGold(root = PROJECT_ROOT): {
  links: GoldLink[];
  exhaustive: Endpoint[];
  from: string;
} {
  // examples/gold-exhaustive.json (the current form): `claims` whose every link is listed, in
  // gold-links.json or in its own `links`.
  const exhaustiveFile = path.join(root, 'examples/gold-exhaustive.json');
  if (existsSync(exhaustiveFile)) {
    const ex = JSON.parse(readFileSync(exhaustiveFile, 'utf8')) as {
      claims: Endpoint[];
      links?: GoldLink[];
    };
    const base = JSON.parse(
      readFileSync(path.join(root, 'examples/gold-links.json'), 'utf8'),
    ) as GoldLink[];
    return {
      links: [...base, ...(ex.links ?? [])],
      exhaustive: ex.claims,
      from: 'examples/gold-exhaustive.json (its claims; gold = gold-links.json plus its links)',
    };
  }
  const raw = JSON.parse(readFileSync(path.join(root, 'examples/gold-links.json'), 'utf8')) as
    GoldLink[] | { links: GoldLink[]; exhaustive?: Endpoint[] };
  const links = Array.isArray(raw) ? raw : raw.links;
  if (!Array.isArray(raw) && Array.isArray(raw.exhaustive) && raw.exhaustive.length > 0) {
    return { links, exhaustive: raw.exhaustive, from: 'the exhaustive list of gold-links.json' };
  }
  const marked = links.filter((l) => l.exhaustive === true);
  if (marked.length > 0) {
    return {
      links,
      exhaustive: marked.flatMap((l) => [l.left, l.right]),
      from: 'links marked exhaustive in gold-links.json (both their claims)',
    };
  }
  return {
    links,
    exhaustive: links.flatMap((l) => [l.left, l.right]),
    from: 'no exhaustive mark in gold-links.json: every claim named by a gold link is taken as exhaustive (an approximation; gold may miss links)',
  };
}

/** One article of a corpus file (examples/corpus.jsonl, examples/probes/*.jsonl). */
export interface CorpusArticle {
  title: string;
  url: string;
  publisher: string;
  author: string | null;
  publishedAt: string;
  language: string;
  text: string;
}

export function readCorpus(file: string): CorpusArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusArticle);
}

export async function evaluateExamples(
  pipe: ServicePipeline,
  minConfidence: number | null,
  log: Log,
): Promise<ExampleScores> {
  return evaluateCorpus(
    pipe,
    minConfidence,
    log,
    'example corpus',
    readCorpus(path.join(PROJECT_ROOT, 'examples/corpus.jsonl')),
    readGold(),
  );
}

/** A contested-event set of examples/probes/: NAME.jsonl with its gold in NAME.gold.json. */
export interface ProbeScores extends ExampleScores {
  name: string;
  note: string;
}

/**
 * The contested-event sets of examples/probes/, each in a workspace of its own. Every claim a
 * gold link names is taken as exhaustive (as readGold does for a gold file without marks), so
 * precision counts a stored link touching such a claim right only when the gold has it.
 */
export async function evaluateProbes(
  pipe: ServicePipeline,
  minConfidence: number | null,
  log: Log,
  root = PROJECT_ROOT,
  only: readonly string[] | null = null,
): Promise<ProbeScores[]> {
  const dir = path.join(root, 'examples/probes');
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((x) => x.endsWith('.jsonl'))
    .map((f) => f.replace(/\.jsonl$/, ''))
    .sort();
  const unknown = (only ?? []).filter((n) => !names.includes(n));
  if (unknown.length) {
    throw new Error(
      `no set ${unknown.join(', ')} in examples/probes/ (a set is NAME.jsonl with NAME.gold.json)`,
    );
  }
  const out: ProbeScores[] = [];
  for (const name of names.filter((n) => only === null || only.includes(n))) {
    const g = JSON.parse(readFileSync(path.join(dir, `${name}.gold.json`), 'utf8')) as {
      note: string;
      links: GoldLink[];
    };
    const scores = await evaluateCorpus(
      pipe,
      minConfidence,
      log,
      `probe ${name}`,
      readCorpus(path.join(dir, `${name}.jsonl`)),
      {
        links: g.links,
        exhaustive: g.links.flatMap((l) => [l.left, l.right]),
        from: 'every claim a gold link names',
      },
    );
    out.push({ ...scores, name, note: g.note });
  }
  return out;
}

async function evaluateCorpus(
  pipe: ServicePipeline,
  minConfidence: number | null,
  log: Log,
  label: string,
  corpus: CorpusArticle[],
  gold: { links: GoldLink[]; exhaustive: Endpoint[]; from: string },
): Promise<ExampleScores> {
  const started = Date.now();
  const workspaceId = await pipe.createWorkspace(label);
  await pipe.ingestAndLink(
    corpus.map((a) => ({ ...a, workspaceId })),
    label,
    [workspaceId],
    corpus.length,
  );
  const statements = await pipe.statements(workspaceId);
  const unmatched: string[] = [];
  const claimKey = (e: Endpoint): string | null => {
    const s = statements.find((x) => x.url === e.url && x.text.includes(e.quote));
    if (!s) {
      unmatched.push(e.quote);
      return null;
    }
    return `${s.url}\u0000${s.text}`;
  };
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`);
  const goldByPair = new Map<string, Relation>();
  for (const l of gold.links) {
    const a = claimKey(l.left);
    const b = claimKey(l.right);
    if (a && b) goldByPair.set(pairKey(a, b), l.relation);
  }
  const exhaustive = new Set(
    gold.exhaustive.map((e) => claimKey(e)).filter((k): k is string => k !== null),
  );
  const stored = await pipe.storedLinks(workspaceId);
  const score = (links: StoredLink[]) => {
    const byPair = new Map<string, Relation>();
    let judged = 0;
    let right = 0;
    const wrong: WrongLink[] = [];
    const judgedList: JudgedLink[] = [];
    for (const l of links) {
      const a = `${l.aUrl}\u0000${l.aText}`;
      const b = `${l.bUrl}\u0000${l.bText}`;
      const k = pairKey(a, b);
      byPair.set(k, l.relation);
      if (!exhaustive.has(a) && !exhaustive.has(b)) continue;
      judged++;
      const expected = goldByPair.get(k) ?? null;
      judgedList.push({
        a: l.aText,
        b: l.bText,
        relation: l.relation,
        confidence: l.confidence,
        right: expected === l.relation,
        signals: l.signals,
      });
      if (expected === l.relation) right++;
      else
        wrong.push({
          a: l.aText,
          b: l.bText,
          relation: l.relation,
          confidence: l.confidence,
          gold: expected,
        });
    }
    let found = 0;
    let any = 0;
    const missed: MissedLink[] = [];
    for (const [k, r] of goldByPair) {
      const got = byPair.get(k);
      if (got !== undefined) any++;
      if (got === r) found++;
      else {
        const [a, b] = k.split('\u0001').map((x) => x.split('\u0000')[1] ?? x) as [string, string];
        missed.push({ a, b, gold: r, got: got ?? null });
      }
    }
    const n = gold.links.length || 1;
    return {
      recall: found / n,
      any: any / n,
      judged,
      precision: judged ? right / judged : 0,
      wrong,
      judgedList,
      missed,
    };
  };
  const all = score(stored);
  const shown = score(
    minConfidence === null ? stored : stored.filter((l) => l.confidence >= minConfidence),
  );
  log(`${label}: ${stored.length} stored links, ${gold.links.length} gold links`);
  return {
    goldLinks: gold.links.length,
    exhaustiveFrom: gold.from,
    exhaustiveClaims: exhaustive.size,
    recall: all.recall,
    foundAnyRelation: all.any,
    judgedLinks: all.judged,
    precision: all.precision,
    minConfidence,
    shown: { recall: shown.recall, judgedLinks: shown.judged, precision: shown.precision },
    wrongShown: shown.wrong,
    judged: all.judgedList,
    missedShown: shown.missed,
    storedLinks: stored.length,
    unmatchedQuotes: [...new Set(unmatched)],
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

export function formatExampleScores(s: ExampleScores): string {
  const f = (x: number) => x.toFixed(3);
  return [
    `=== Example corpus (examples/) through the service: ${s.goldLinks} gold links, ${s.storedLinks} stored links`,
    `exhaustive claims: ${s.exhaustiveClaims} (${s.exhaustiveFrom})`,
    `recall (right relation) ${f(s.recall)}, found with any relation ${f(s.foundAnyRelation)}; ` +
      `precision ${f(s.precision)} over ${s.judgedLinks} links touching an exhaustive claim`,
    s.minConfidence === null
      ? 'no display threshold in model.json'
      : `links at confidence >= ${s.minConfidence} (display threshold): recall ${f(s.shown.recall)}, ` +
        `precision ${f(s.shown.precision)} over ${s.shown.judgedLinks} links`,
    s.unmatchedQuotes.length
      ? `gold quotes without a matching claim: ${s.unmatchedQuotes.length}`
      : 'every gold quote matched a claim',
  ].join('\n');
}

export function formatProbeScores(s: ProbeScores): string {
  const f = (x: number) => x.toFixed(3);
  const n = s.goldLinks;
  return [
    `=== Contested-event set examples/probes/${s.name} through the service: ${n} gold links, ${s.storedLinks} stored links`,
    `  ${s.note}`,
    `right relation ${Math.round(s.recall * n)}/${n}, found with any relation ${Math.round(s.foundAnyRelation * n)}/${n}; ` +
      `precision ${f(s.precision)} over ${s.judgedLinks} links touching a gold claim`,
    s.minConfidence === null
      ? 'no display threshold in model.json'
      : `shown (confidence >= ${s.minConfidence}): right ${Math.round(s.shown.recall * n)}/${n}, ` +
        `precision ${f(s.shown.precision)} over ${s.shown.judgedLinks} links`,
    ...s.missedShown.map(
      (m) => `  not shown as ${m.gold}${m.got ? ` (shown ${m.got})` : ''}: "${m.a}" / "${m.b}"`,
    ),
    ...s.wrongShown.map(
      (w) =>
        `  shown ${w.relation} ${w.confidence.toFixed(2)}${w.gold ? ` (gold ${w.gold})` : ' (not in gold)'}: "${w.a}" / "${w.b}"`,
    ),
    s.unmatchedQuotes.length
      ? `gold quotes without a matching claim: ${s.unmatchedQuotes.join(' | ')}`
      : 'every gold quote matched a claim',
  ].join('\n');
}
