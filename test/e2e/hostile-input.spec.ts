import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sliceCodePoints } from '../support/corpus.js';

const CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

/** Nothing a client sees may reveal internals. */
function expectNoLeak(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(
    /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|SELECT |INSERT |prisma|postgres(ql)?:\/\//i,
  );
}

describe('hostile and broken input', () => {
  let t: TestApp;
  let workspaceId: string;

  beforeAll(async () => {
    // A small body limit, so the oversized request is refused before the client has sent much.
    t = await startTestApp({ linking: false, maxBodyBytes: 256 * 1024 });
    workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "hostile" }) { id } }`))
      .createWorkspace.id;
  });
  afterAll(() => t.close());

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(t.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${t.adminKey}`,
        ...headers,
      },
      body,
    });
  const stillUp = async () =>
    expect((await t.gql(`{ __typename }`)).data).toEqual({ __typename: 'Query' });
  const countRows = async () =>
    Number(
      (
        await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT (SELECT count(*) FROM source) + (SELECT count(*) FROM source_revision) + (SELECT count(*) FROM claim) AS n`,
        )
      )[0]!.n,
    );

  it('rejects a deeply nested query before running it', async () => {
    let selection = 'id';
    for (let i = 0; i < 30; i++)
      selection = `source { claims { edges { node { ${selection} } } } }`;
    const res = await t.gql(`{ claim(id: "x") { ${selection} } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expectNoLeak(res);
  });

  it('rejects a query with thousands of aliases', async () => {
    const aliases = Array.from({ length: 3000 }, (_, i) => `a${i}: workspaces { id }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`);
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(
      res.errors?.[0]?.extensions?.code,
    );
    expect(res.errors?.[0]?.message).toMatch(/alias|token/i);
    await stillUp();
  });

  it('refuses batched operations and oversized bodies with clear errors', async () => {
    const batch = await post(
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    );
    expect(batch.status).toBe(400);
    expect(await batch.text()).toMatch(/batch/i);
    const huge = await post(
      JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(300 * 1024) } }),
    );
    expect(huge.status).toBe(413);
    await stillUp();
  });

  it('answers wrong types and unknown fields with coded errors', async () => {
    for (const [query, variables] of [
      [`query($f: Int) { workspaces { sources(first: $f) { totalCount } } }`, { f: 'ten' }],
      [`{ workspaces { nope } }`, {}],
      [`{ workspaces { id `, {}],
      [
        `mutation($i: IngestSourceInput!) { ingestSource(input: $i) { id } }`,
        { i: { workspaceId, text: 42 } },
      ],
    ] as const) {
      const res = await t.gql(query, variables as Record<string, unknown>);
      expect(CODES).toContain(res.errors?.[0]?.extensions?.code);
      expectNoLeak(res);
    }
  });

  it('stores SQL-looking and script-looking strings verbatim and executes nothing', async () => {
    const evil = `Robert'); DROP TABLE source; -- <script>alert("x")</script> \${process.exit()} {{7*7}}`;
    const res = await t.ok(
      `mutation($i: IngestSourceInput!) { ingestSource(input: $i) { title author publisher { name } text claims(minCheckworthiness: 0) { edges { node { text } } } } }`,
      {
        i: {
          workspaceId,
          title: evil,
          author: evil,
          publisher: evil,
          text: `${evil}. The army said 3 tanks moved.`,
        },
      },
    );
    expect(res.ingestSource.title).toBe(evil);
    expect(res.ingestSource.author).toBe(evil);
    expect(res.ingestSource.publisher.name).toBe(evil);
    expect(res.ingestSource.text.startsWith(evil)).toBe(true);
    const search = await t.ok(
      `query($w: ID!, $q: String!) { searchClaims(workspaceId: $w, query: $q) { totalCount } }`,
      {
        w: workspaceId,
        q: `'); DROP TABLE claim; -- & | ! :* <->`,
      },
    );
    expect(search.searchClaims.totalCount).toBeGreaterThanOrEqual(0);
    expect(await t.prisma.source.count()).toBeGreaterThan(0);
  });

  it('handles invalid UTF-8, control characters and pathological HTML without writing half a source', async () => {
    const before = await countRows();
    // Bytes that are not UTF-8 inside a JSON string: decoded as U+FFFD or refused, never a crash.
    const query = `mutation($i: IngestSourceInput!) { ingestSource(input: $i) { id text } }`;
    const prefix = Buffer.from(
      JSON.stringify({ query, variables: { i: { workspaceId, text: 'PLACEHOLDER' } } }),
    );
    const at = prefix.indexOf('PLACEHOLDER');
    const body = Buffer.concat([
      prefix.subarray(0, at),
      Buffer.from([0xc3, 0x28, 0xff, 0x41]),
      prefix.subarray(at + 11),
    ]);
    const raw = await post(body);
    const parsed = (await raw.json()) as {
      data?: { ingestSource: { text: string } };
      errors?: { extensions: { code: string } }[];
    };
    if (parsed.errors) expect(CODES).toContain(parsed.errors[0]!.extensions.code);
    else expect(parsed.data!.ingestSource.text).toContain('\uFFFD');

    const bell = await t.gql(query, { i: { workspaceId, text: 'Ring the \u0007 bell.' } });
    expect(bell.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nested =
      '<div>'.repeat(5000) + '<p>The ministry said 5 people were hurt.</p>' + '</div>'.repeat(5000);
    const html = await t.gql(query, {
      i: { workspaceId, html: `<html><body>${nested}<script>steal()</script></body></html>` },
    });
    if (html.errors) expect(CODES).toContain(html.errors[0]!.extensions?.code);
    else expect(html.data!.ingestSource.text).not.toContain('steal()');
    const after = await countRows();
    expect(after - before).toBeLessThanOrEqual(2 * 3 + 10);
    await stillUp();
  });

  it('keeps its invariants under random valid and invalid ingests (property)', async () => {
    // 40 ingests, each checked against the database: slow on a loaded machine, never timed.
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(
          fc.constantFrom(
            'The army said',
            '2 civilians',
            'were killed',
            'on 3 May 2030',
            '.',
            '!',
            '?',
            '\n\n',
            '👍🏽',
            'é',
            ' ',
          ),
          {
            maxLength: 60,
          },
        )
        .map((parts) => parts.join(' ')),
    );
    const input = fc.record(
      {
        text: fc.option(text, { nil: undefined }),
        html: fc.option(
          fc.oneof(
            text.map((s) => `<p>${s}</p>`),
            fc.constant('<script>x()</script>'),
          ),
          { nil: undefined },
        ),
        url: fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })), { nil: undefined }),
        title: fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
        publishedAt: fc.option(
          fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.string({ maxLength: 12 }),
          ),
          {
            nil: undefined,
          },
        ),
        language: fc.option(fc.constantFrom('en', 'de-AT', 'xx-!!', ''), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const before = await countRows();
        const res = await t.gql(
          `mutation($i: IngestSourceInput!) { ingestSource(input: $i) { id text revisions { id } claims(minCheckworthiness: 0, first: 200) { edges { node { text start end } } } } }`,
          { i: { workspaceId, ...i } },
        );
        expectNoLeak(res);
        if (res.errors) {
          expect(CODES).toContain(res.errors[0]!.extensions?.code);
          expect(await countRows()).toBe(before);
          return;
        }
        const source = res.data!.ingestSource;
        expect(source.revisions.length).toBeGreaterThanOrEqual(1);
        for (const { node } of source.claims.edges)
          expect(sliceCodePoints(source.text, node.start, node.end)).toBe(node.text);
      }),
      { numRuns: 40, seed: 20261124 },
    );
    const orphans = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM source s WHERE s.current_revision_id IS NULL OR NOT EXISTS (SELECT 1 FROM source_revision r WHERE r.source_id = s.id)`,
    );
    expect(Number(orphans[0]!.n)).toBe(0);
    await stillUp();
  }, 300_000);
});
