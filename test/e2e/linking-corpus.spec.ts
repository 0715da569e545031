import { startTestApp, type TestApp } from '../support/test-app.js';
import { exampleCorpus, goldLinks, type GoldLink } from '../support/corpus.js';
import { waitForLinking } from '../support/wait.js';

interface ClaimNode {
  id: string;
  text: string;
  links: {
    relation: string;
    confidence: number;
    evidence: { id: string };
    signals: { kind: string; left: string | null; right: string | null }[];
  }[];
}

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
    const data = await t.ok(
      `query($id: ID!) { workspace(id: $id) { sources(first: 50) { edges { node { id url linkingStatus
         claims(minCheckworthiness: 0, first: 200) { edges { node { id text
           links { relation confidence evidence { id } signals { kind left right } } } } } } } } } }`,
      { id: workspaceId },
    );
    for (const { node } of data.workspace.sources.edges) {
      expect(node.linkingStatus).toBe('DONE');
      sourceIdByUrl.set(node.url, node.id);
      claimsByUrl.set(
        node.url,
        node.claims.edges.map((e: any) => e.node),
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
    expect(found / gold.length).toBeGreaterThanOrEqual(0.0);
  });
});
