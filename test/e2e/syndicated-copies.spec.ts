/**
 * When is an ingest "the same source again"? Same URL (or, without a URL, same publisher) and the
 * same text. The same wire text from another outlet is another source: a syndicated copy that
 * compares with the original and counts as one with it, not as independent corroboration.
 */
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitForLinking } from '../support/wait.js';

const INGEST = `mutation($input: IngestSourceInput!) {
  ingestSource(input: $input) { id url publisher { id name } claims(minCheckworthiness: 0) { totalCount } }
}`;

const WIRE =
  'The ministry said 14 people were killed when a bridge collapsed in Orvel on 3 March 2031. ' +
  'Rescue teams worked for 36 hours. The regional governor ordered an inquiry into the collapse.';

describe('identical text from several publishers', () => {
  let t: TestApp;
  let workspaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "wire" }) { id } }`))
      .createWorkspace.id;
  });
  afterAll(() => t.close());

  const ingest = async (input: Record<string, unknown>) =>
    (await t.ok(INGEST, { input: { workspaceId, text: WIRE, ...input } })).ingestSource;
  const count = async (table: string) =>
    Number(
      (
        await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1::uuid`,
          workspaceId,
        )
      )[0]!.n,
    );

  it('keeps one source for the same URL and text, and for the same publisher without a URL', async () => {
    const a = await ingest({ url: 'https://a.example/bridge', publisher: 'Alpha News' });
    const again = await ingest({ url: 'https://a.example/bridge', publisher: 'Alpha News' });
    expect(again.id).toBe(a.id);
    const plain = await ingest({ publisher: 'Gamma Daily' });
    const plainAgain = await ingest({ publisher: 'gamma daily' });
    expect(plainAgain.id).toBe(plain.id);
    const anonymous = await ingest({});
    expect((await ingest({})).id).toBe(anonymous.id);
    expect(await count('source')).toBe(3);
  });

  it('makes a new source for another publisher or another URL with the same text', async () => {
    const sources = await count('source');
    const b = await ingest({ url: 'https://b.example/wire/bridge', publisher: 'Beta Post' });
    expect(b.publisher.name).toBe('Beta Post');
    const sameOutletOtherUrl = await ingest({
      url: 'https://a.example/amp/bridge',
      publisher: 'Alpha News',
    });
    const otherPublisherNoUrl = await ingest({ publisher: 'Delta Herald' });
    const ids = [b.id, sameOutletOtherUrl.id, otherPublisherNoUrl.id];
    expect(new Set(ids).size).toBe(3);
    expect(await count('source')).toBe(sources + 3);
    // Each copy has its own claims (exact copies of the original's).
    for (const s of [b, sameOutletOtherUrl, otherPublisherNoUrl])
      expect(s.claims.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('compares two identical copies and counts them as syndication, not independent support', async () => {
    const a = await ingest({ url: 'https://a.example/bridge', publisher: 'Alpha News' });
    const b = await ingest({ url: 'https://b.example/wire/bridge', publisher: 'Beta Post' });
    await waitForLinking(t, workspaceId);

    const compared = (
      await t.ok(
        `query($l: ID!, $r: ID!) { compareSources(leftId: $l, rightId: $r) {
           left { id } right { id } stance
           corroborated { left { text } right { text } }
           contradicted { left { id } } onlyInLeft { text } } }`,
        { l: a.id, r: b.id },
      )
    ).compareSources;
    expect([compared.left.id, compared.right.id]).toEqual([a.id, b.id]);
    expect(compared.stance).toBe('CORROBORATES');
    expect(compared.contradicted).toEqual([]);
    expect(compared.corroborated.length).toBeGreaterThanOrEqual(2);
    for (const pair of compared.corroborated) expect(pair.right.text).toBe(pair.left.text);

    const clusters = (
      await t.ok(
        `query($w: ID!) { claimClusters(workspaceId: $w, first: 50) { edges { node {
           id memberCount independentSupportCount
           members { source { id } }
           dependentGroups { kinds sources { id } } } } } }`,
        { w: workspaceId },
      )
    ).claimClusters.edges.map((e: any) => e.node);
    const bridge = clusters.find((c: any) => c.members.some((m: any) => m.source.id === a.id));
    expect(bridge).toBeDefined();
    const memberSources = new Set(bridge.members.map((m: any) => m.source.id));
    expect(memberSources.has(b.id)).toBe(true);
    // Six outlets-or-URLs carry the text; they are all copies of one wire story.
    expect(bridge.independentSupportCount).toBeLessThan(memberSources.size);
    const group = bridge.dependentGroups.find((g: any) =>
      g.sources.some((s: any) => s.id === b.id),
    );
    expect(group.sources.map((s: any) => s.id)).toContain(a.id);
    expect(group.kinds).toContain('SYNDICATED');

    const coverage = (
      await t.ok(
        `query($w: ID!, $c: [ID!]) { coverage(workspaceId: $w, clusterIds: $c) {
           publishers { id name } cells { publisherId status } } }`,
        { w: workspaceId, c: [bridge.id] },
      )
    ).coverage;
    const asserting = coverage.cells
      .filter((c: any) => c.status === 'ASSERTS')
      .map((c: any) => coverage.publishers.find((p: any) => p.id === c.publisherId).name);
    expect(asserting).toEqual(expect.arrayContaining(['Alpha News', 'Beta Post']));
  });
});
