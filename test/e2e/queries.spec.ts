import pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Counts the SQL statements the process sends while `fn` runs. */
async function countQueries(fn: () => Promise<unknown>): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    // Transaction bookkeeping is not a data query.
    if (sql && !/^(BEGIN|COMMIT|ROLLBACK)/i.test(sql.trim())) count++;
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return count;
}

const LIST = `query($id: ID!, $first: Int) { workspace(id: $id) { sources(first: $first) { totalCount edges { node {
  id title text contentHash publisher { name } workspace { name }
  claims(first: 5) { totalCount edges { node { id text source { id } revision { number } } } } } } } } }`;

describe('reading through GraphQL', () => {
  let t: TestApp;
  let workspaceId: string;

  beforeAll(async () => {
    // No background linking here: its job polling would be counted with the request's queries.
    t = await startTestApp({ linking: false });
    workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "reads" }) { id } }`))
      .createWorkspace.id;
    const inputs = Array.from({ length: 60 }, (_, i) => ({
      workspaceId,
      title: `Report ${i}`,
      publisher: `Outlet ${i % 7}`,
      url: `https://example.org/report/${i}`,
      text:
        `Report ${i}: the ministry said ${i + 2} soldiers were wounded on 3 May 2030. Witnesses disputed the figure. ` +
        `A convoy of ${i + 10} trucks crossed the bridge at Tarsk. The mayor called it a provocation.`,
    }));
    await t.ok(
      `mutation($inputs: [IngestSourceInput!]!) { ingestSources(inputs: $inputs) { id } }`,
      { inputs },
    );
  });
  afterAll(() => t.close());

  it('costs the same number of SQL queries for 5 and for 50 sources with their claims and publishers', async () => {
    // Warm up: the first request of a key also records its use (one write a minute).
    await t.ok(LIST, { id: workspaceId, first: 1 });
    const small = await countQueries(() => t.ok(LIST, { id: workspaceId, first: 5 }));
    const large = await countQueries(() => t.ok(LIST, { id: workspaceId, first: 50 }));
    expect(large).toBe(small);
    // key + user lookup, workspace, sources page + count, publishers, revisions, claim pages, ...
    expect(large).toBeLessThanOrEqual(12);
  });

  it('pages through sources with cursors, no gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await t.ok(
        `query($id: ID!, $after: String) { workspace(id: $id) { sources(first: 25, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
        { id: workspaceId, after },
      );
      const conn = page.workspace.sources;
      expect(conn.totalCount).toBe(60);
      seen.push(...conn.edges.map((e: any) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });

  it('pages through a source’s claims and honours minCheckworthiness', async () => {
    const all: any = await t.ok(
      `query($id: ID!) { workspace(id: $id) { sources(first: 1) { edges { node {
        every: claims(minCheckworthiness: 0) { totalCount edges { node { sentenceIndex checkworthiness } } }
        firstTwo: claims(minCheckworthiness: 0, first: 2) { pageInfo { hasNextPage endCursor } edges { node { sentenceIndex } } }
        worthy: claims { totalCount edges { node { checkworthiness } } } } } } } }`,
      { id: workspaceId },
    );
    const node = all.workspace.sources.edges[0].node;
    expect(node.every.totalCount).toBe(4);
    expect(node.every.edges.map((e: any) => e.node.sentenceIndex)).toEqual([0, 1, 2, 3]);
    expect(node.firstTwo.pageInfo.hasNextPage).toBe(true);
    for (const e of node.worthy.edges) expect(e.node.checkworthiness).toBeGreaterThanOrEqual(0.5);
    expect(node.worthy.totalCount).toBeLessThan(4);
  });

  it('rejects out-of-range page sizes and malformed cursors with BAD_USER_INPUT', async () => {
    for (const [first, after] of [
      [0, null],
      [10_000, null],
      [5, 'garbage!!'],
      [5, Buffer.from('["x","y","z"]').toString('base64url')],
    ] as const) {
      const res = await t.gql(
        `query($id: ID!, $first: Int, $after: String) { workspace(id: $id) { sources(first: $first, after: $after) { totalCount } } }`,
        { id: workspaceId, first, after },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('finds claims by full-text search, typos included, only in the asked workspace', async () => {
    const other = (await t.ok(`mutation { createWorkspace(input: { name: "other" }) { id } }`))
      .createWorkspace.id;
    await t.ok(`mutation($i: IngestSourceInput!) { ingestSource(input: $i) { id } }`, {
      i: {
        workspaceId: other,
        text: 'A convoy of trucks crossed the bridge at Tarsk in the other workspace.',
      },
    });
    const res: any = await t.ok(
      `query($ws: ID!, $q: String!) { searchClaims(workspaceId: $ws, query: $q, first: 5) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { text source { id } } } } }`,
      { ws: workspaceId, q: 'convoy trucks bridge' },
    );
    expect(res.searchClaims.totalCount).toBe(60);
    expect(res.searchClaims.edges).toHaveLength(5);
    expect(res.searchClaims.pageInfo.hasNextPage).toBe(true);
    for (const e of res.searchClaims.edges)
      expect(e.node.text).toMatch(/convoy of \d+ trucks crossed the bridge/);
    const next: any = await t.ok(
      `query($ws: ID!, $q: String!, $after: String) { searchClaims(workspaceId: $ws, query: $q, first: 5, after: $after) { edges { node { text } } } }`,
      { ws: workspaceId, q: 'convoy trucks bridge', after: res.searchClaims.pageInfo.endCursor },
    );
    const firstTexts = res.searchClaims.edges.map((e: any) => e.node.text);
    for (const e of next.searchClaims.edges) expect(firstTexts).not.toContain(e.node.text);
    const typo: any = await t.ok(
      `query($ws: ID!) { searchClaims(workspaceId: $ws, query: "provocaton") { totalCount } }`,
      {
        ws: workspaceId,
      },
    );
    expect(typo.searchClaims.totalCount).toBe(60);
  });

  it('answers null for unknown ids and NOT_FOUND for searches in unknown workspaces', async () => {
    const res = await t.gql(
      `{ source(id: "00000000-0000-4000-8000-000000000000") { id } claim(id: "nope") { id } workspace(id: "x") { id } }`,
    );
    expect(res.data).toEqual({ source: null, claim: null, workspace: null });
    const search = await t.gql(
      `{ searchClaims(workspaceId: "00000000-0000-4000-8000-000000000000", query: "x") { totalCount } }`,
    );
    expect(search.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
