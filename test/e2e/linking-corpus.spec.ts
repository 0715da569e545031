import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { exampleCorpus, goldLinks, type GoldLink } from '../support/corpus.js';
import { waitForLinking } from '../support/wait.js';

interface ClaimNode {
  id: string;
  text: string;
  checkworthiness: number;
  /** Every stored link (minConfidence: 0). */
  links: {
    relation: string;
    confidence: number;
    evidence: { id: string };
    signals: { kind: string; left: string | null; right: string | null }[];
  }[];
  /** The links the API shows by default (the model's display threshold). */
  shown: { relation: string; confidence: number; evidence: { id: string } }[];
}

/** Claims whose every true link is listed (gold-links.json plus the file's own links). */
interface Exhaustive {
  claims: GoldLink['left'][];
  links: GoldLink[];
}
const exhaustive = (): Exhaustive =>
  JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'examples/gold-exhaustive.json'), 'utf8'),
  ) as Exhaustive;

describe('linking the example corpus', () => {
  let t: TestApp;
  let workspaceId: string;
  const claimsByUrl = new Map<string, ClaimNode[]>();
  const sourceIdByUrl = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "corpus" }) { id } }`))
      .createWorkspace.id;
    const corpus = exampleCorpus();
    await t.ok(
      `mutation($inputs: [IngestSourceInput!]!) { ingestSources(inputs: $inputs) { id } }`,
      {
        inputs: corpus.map((a) => ({ ...a, workspaceId })),
      },
    );
    await waitForLinking(t, workspaceId);
    // One source per query: a whole workspace of claims with their links in one query is
    // (rightly) over the query cost limit.
    const list = await t.ok(
      `query($id: ID!) { workspace(id: $id) { sources(first: 50) { edges { node { id url linkingStatus } } } } }`,
      { id: workspaceId },
    );
    for (const { node } of list.workspace.sources.edges) {
      expect(node.linkingStatus).toBe('DONE');
      sourceIdByUrl.set(node.url, node.id);
      const detail = await t.ok(
        `query($id: ID!) { source(id: $id) { claims(minCheckworthiness: 0, first: 200) { edges { node { id text checkworthiness
           links(minConfidence: 0) { relation confidence evidence { id } signals { kind left right } }
           shown: links { relation confidence evidence { id } } } } } } }`,
        { id: node.id },
      );
      claimsByUrl.set(
        node.url,
        detail.source.claims.edges.map((e: any) => e.node),
      );
    }
  });
  afterAll(() => t.close());

  const claimFor = (side: GoldLink['left']) => {
    const found = claimsByUrl.get(side.url)?.find((c) => c.text.includes(side.quote));
    if (!found) throw new Error(`no claim contains ${JSON.stringify(side.quote)} in ${side.url}`);
    return found;
  };
  const linkBetween = (gold: GoldLink) => {
    const left = claimFor(gold.left);
    const right = claimFor(gold.right);
    return left.links.find((l) => l.evidence.id === right.id) ?? null;
  };

  it.each([
    [
      'Two civilians were killed in Dorvik',
      'Four civilians died in the village',
      'CONTRADICTS',
      'QUANTITY_MISMATCH',
    ],
    [
      'The Tarsk crossing point remains open',
      'The Tarsk crossing point remains closed',
      'CONTRADICTS',
      'ANTONYM',
    ],
    [
      'a terrorist attack on the evening of September 18',
      'The convoy hit the mine on the evening of 17',
      'CONTRADICTS',
      'DATE_MISMATCH',
    ],
    [
      'The convoy was carrying humanitarian supplies',
      'The convoy was not carrying humanitarian aid',
      'CONTRADICTS',
      'NEGATION',
    ],
    [
      'reportedly killing three border guards',
      'Three Aldorian border guards were killed',
      'DISCUSSES',
      'HEDGING',
    ],
    [
      'The measures lasted 23 hours and 40 minutes.',
      'the hostilities in and around the village lasted',
      'CORROBORATES',
      'DURATION_AGREEMENT',
    ],
  ])('links "%s" to "%s" as %s with a %s signal', (left, right, relation, kind) => {
    const gold = goldLinks().find(
      (g) => g.left.quote.startsWith(left) && g.right.quote.startsWith(right),
    );
    expect(gold).toBeDefined();
    const link = linkBetween(gold!);
    expect(link?.relation).toBe(relation);
    expect(link!.signals.map((s) => s.kind)).toContain(kind);
  });

  it('finds the gold links with the right relation', () => {
    const gold = goldLinks();
    const rows = gold.map((g) => ({ g, link: linkBetween(g) }));
    const found = rows.filter((r) => r.link).length;
    const right = rows.filter((r) => r.link?.relation === r.g.relation).length;
    const report = rows
      .map(
        (r) =>
          `${r.link ? (r.link.relation === r.g.relation ? 'OK  ' : 'REL ') : 'MISS'} ${r.g.relation} got=${r.link?.relation ?? '-'} ${r.g.left.quote.slice(0, 50)} | ${r.g.right.quote.slice(0, 50)}`,
      )
      .join('\n');
    console.log(
      `gold links: ${gold.length}, linked: ${found}, right relation: ${right}\n${report}`,
    );
    const kinds = new Map<string, number>();
    for (const r of rows) {
      if (r.link?.relation !== r.g.relation) continue;
      for (const k of new Set(r.link.signals.map((x) => x.kind)))
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    console.log(`signal kinds on right links: ${JSON.stringify([...kinds].sort())}`);
    // Measured 25-27 of 40 through the service (linking order varies with the job queue); the
    // classifier alone gets 34 of 40 on the same pairs, so the rest are candidate-retrieval
    // misses (pairs worded apart that share only frame keys, see src/claims/facet-keys.ts).
    expect(right).toBeGreaterThanOrEqual(20);
    // Every signal kind a right link showed when this was written; ACTOR_SWAP and
    // DURATION_MISMATCH gold links are still missed (see docs/quality.md).
    for (const kind of [
      'ANTONYM',
      'ATTRIBUTION',
      'DATE_AGREEMENT',
      'DATE_MISMATCH',
      'DURATION_AGREEMENT',
      'FACT_AGREEMENT',
      'HEDGING',
      'NEGATION',
      'PARAPHRASE',
      'QUANTITY_AGREEMENT',
      'QUANTITY_MISMATCH',
      'REFUTATION_CUE',
    ]) {
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(0);
    }
  });

  it('shows few, mostly right links by default: precision on the exhaustive claims', () => {
    const ex = exhaustive();
    const all = [...goldLinks(), ...ex.links];
    const truth = new Map<string, string>();
    for (const g of all) {
      const a = claimFor(g.left).id;
      const b = claimFor(g.right).id;
      truth.set([a, b].sort().join('~'), g.relation);
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const side of ex.claims) {
      const c = claimFor(side);
      for (const l of c.shown) {
        const rel = truth.get([c.id, l.evidence.id].sort().join('~'));
        if (rel === l.relation) tp++;
        else {
          fp++;
          wrong.push(
            `${l.relation} ${l.confidence.toFixed(2)} (gold ${rel ?? '-'}) ${c.text.slice(0, 50)}`,
          );
        }
      }
      for (const [k, rel] of truth) {
        const [a, b] = k.split('~');
        if (a !== c.id && b !== c.id) continue;
        const other = a === c.id ? b : a;
        if (!c.shown.some((l) => l.evidence.id === other && l.relation === rel)) fn++;
      }
    }
    const claims = [...claimsByUrl.values()].flat();
    const worthy = claims.filter((c) => c.checkworthiness >= 0.5);
    const perWorthy = (f: (c: ClaimNode) => number) =>
      (worthy.reduce((n, c) => n + f(c), 0) / Math.max(1, worthy.length)).toFixed(2);
    const stored = claims.reduce((n, c) => n + c.links.length, 0) / 2;
    const shown = claims.reduce((n, c) => n + c.shown.length, 0) / 2;
    const goldShown = goldLinks().filter((g) => {
      const l = claimFor(g.left);
      const r = claimFor(g.right);
      return l.shown.some((x) => x.evidence.id === r.id && x.relation === g.relation);
    }).length;
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.log(
      `exhaustive claims: ${ex.claims.length}, shown links tp ${tp} fp ${fp} fn ${fn}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}\n` +
        `links stored ${stored}, shown by default ${shown}; per check-worthy claim (${worthy.length}): stored ${perWorthy((c) => c.links.length)}, shown ${perWorthy((c) => c.shown.length)}; gold links right among those shown: ${goldShown}/${goldLinks().length}\n` +
        wrong.join('\n'),
    );
    // The default view is a subset of every stored link.
    for (const c of claims) expect(c.shown.length).toBeLessThanOrEqual(c.links.length);
    expect(shown).toBeLessThan(stored);
    expect(precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });
});

/** Measured 0.59-0.68 on the exhaustive claims through the service (default threshold 0.7, before the model helper's calibration), less a margin for queue order. */
const PRECISION_FLOOR = 0.45;
