import { startTestApp, type TestApp } from '../support/test-app.js';
import { exampleCorpus, sliceCodePoints } from '../support/corpus.js';
import { waitForLinking } from '../support/wait.js';

const INGEST = `mutation($input: IngestSourceInput!) {
  ingestSource(input: $input) {
    id title url language linkingStatus text contentHash
    publisher { id name }
    revisions { id number contentHash originalFormat originalHash }
    claims(minCheckworthiness: 0, first: 200) {
      totalCount
      edges { node { id text start end sentenceIndex checkworthiness extractor
        selector { exact prefix suffix }
        facets { durations { text seconds } quantities { value counted } dates { start end } antecedent } } }
    }
  }
}`;

describe('ingesting sources', () => {
  let t: TestApp;
  let workspaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const data = await t.ok(
      `mutation { createWorkspace(input: { name: "ingest tests" }) { id name } }`,
    );
    workspaceId = data.createWorkspace.id;
  });
  afterAll(() => t.close());

  const ingest = (input: Record<string, unknown>) =>
    t.gql(INGEST, { input: { workspaceId, ...input } });
  const countRows = async (table: string) =>
    Number(
      (await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`))[0]!.n,
    );

  it('stores the exact text and extracts every sentence with code-point spans that slice to the claim', async () => {
    // Emoji and a combining accent before the claims: UTF-16 offsets would be off by three here.
    const text =
      'Café 👍🏽 report.\n\nThe convoy struck a mine on September 18, 2031, killing two civilians. ' +
      'Officials said the fighting lasted 23 hours and 43 minutes. Is this the end?';
    const res = await ingest({
      text,
      title: 'Spans',
      publisher: 'The Test Times',
      url: 'https://example.org/a',
    });
    expect(res.errors).toBeUndefined();
    const source = res.data!.ingestSource;
    expect(source.text).toBe(text);
    expect(source.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(source.publisher.name).toBe('The Test Times');
    expect(source.language).toBe('en');
    // The runner may pick the source up between the write and the read-back, so any state but
    // FAILED is a truthful answer here.
    expect(source.linkingStatus).toMatch(/^(PENDING|RUNNING|DONE)$/);
    const claims = source.claims.edges.map((e: any) => e.node);
    expect(claims.length).toBe(source.claims.totalCount);
    expect(claims.length).toBeGreaterThanOrEqual(4);
    for (const c of claims) {
      expect(sliceCodePoints(text, c.start, c.end)).toBe(c.text);
      expect(c.selector.exact).toBe(c.text);
      expect(c.extractor).toMatch(/^claimtrace-extract@\d+\.\d+\.\d+$/);
    }
    const mine = claims.find((c: any) => c.text.startsWith('The convoy struck'));
    expect(mine.selector.prefix.endsWith('report.\n\n')).toBe(true);
    expect(mine.facets.dates[0]).toEqual({ start: '2031-09-18', end: '2031-09-18' });
    expect(mine.facets.quantities).toContainEqual({ value: 2, counted: 'civilian' });
    const duration = claims.find((c: any) => c.text.includes('23 hours'));
    expect(duration.facets.durations[0].seconds).toBe(85380);
    const question = claims.find((c: any) => c.text === 'Is this the end?');
    expect(question.checkworthiness).toBeLessThan(mine.checkworthiness);
  });

  // Same text under another URL or publisher is a syndicated copy: see syndicated-copies.spec.ts.
  it('says who an opening pronoun stands for, and nothing for other sentences', async () => {
    const res = await ingest({
      text: 'Aret Moll, a shepherd, was shot dead near Tosk on 2 October. He was unarmed.',
      title: 'Pronouns',
      publisher: 'The Test Times',
      url: 'https://example.org/pronouns',
    });
    expect(res.errors).toBeUndefined();
    const claims = res.data!.ingestSource.claims.edges.map((e: any) => e.node);
    expect(claims.map((c: any) => c.facets.antecedent)).toEqual([null, 'Aret Moll']);
  });

  it('returns the existing source for the same URL and text again, writing nothing', async () => {
    const text =
      'Exactly the same text. It has 3 sentences. The army said 4 soldiers died on 2 May 2030.';
    const first = await ingest({ text, url: 'https://example.org/same' });
    // Background linking writes its own audit events; let it finish before counting.
    await waitForLinking(t, workspaceId);
    const before = await Promise.all(
      ['source', 'source_revision', 'claim', 'audit_event'].map(countRows),
    );
    const again = await ingest({ text, url: 'https://example.org/same' });
    const after = await Promise.all(
      ['source', 'source_revision', 'claim', 'audit_event'].map(countRows),
    );
    expect(again.data!.ingestSource.id).toBe(first.data!.ingestSource.id);
    expect(after).toEqual(before);
  });

  it('adds a revision when a URL comes back with changed text and keeps the old one queryable', async () => {
    const url = 'https://example.org/edited';
    const v1 = 'Officials said 2 civilians were killed. The operation lasted one day.';
    const v2 = 'Officials said 4 civilians were killed. The operation lasted one day.';
    const first = (await ingest({ text: v1, url })).data!.ingestSource;
    const second = (await ingest({ text: v2, url })).data!.ingestSource;
    expect(second.id).toBe(first.id);
    expect(second.text).toBe(v2);
    expect(second.revisions.map((r: any) => r.number)).toEqual([1, 2]);
    const oldRevision = second.revisions[0];
    const old = await t.ok(
      `query($id: ID!) { source(id: $id) { revisions { number text claims(minCheckworthiness: 0) { edges { node { text revision { number } } } } } } }`,
      { id: first.id },
    );
    const r1 = old.source.revisions.find((r: any) => r.number === 1);
    expect(r1.text).toBe(v1);
    expect(r1.claims.edges.map((e: any) => e.node.text)).toEqual([
      'Officials said 2 civilians were killed.',
      'The operation lasted one day.',
    ]);
    expect(oldRevision.contentHash).not.toBe(second.revisions[1].contentHash);
    const events = await t.prisma.$queryRawUnsafe<{ action: string }[]>(
      `SELECT action FROM audit_event WHERE (subject_id = $1 OR details->>'sourceId' = $1) AND action IN ('source.ingested', 'revision.created', 'claims.extracted') ORDER BY seq`,
      first.id,
    );
    expect(events.map((e) => e.action)).toEqual([
      'source.ingested',
      'revision.created',
      'claims.extracted',
      'revision.created',
      'claims.extracted',
    ]);
  });

  it('extracts the main text of HTML, dropping scripts, styles and navigation, with spans into that text', async () => {
    const paragraphs = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i + 1}: the ministry said that ${i + 2} vehicles were destroyed near the border on 3 March 2030, and observers confirmed the report the next day.</p>`,
    ).join('\n');
    const html = `<!doctype html><html lang="en"><head><title>Border report</title><style>p{color:red}</style>
      <script>window.secret = "do not keep";</script></head>
      <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
      <article><h1>Border report</h1>${paragraphs}</article>
      <footer>Copyright 2030 Example News</footer><script>track()</script></body></html>`;
    const res = await ingest({ html, url: 'https://example.org/html' });
    expect(res.errors).toBeUndefined();
    const source = res.data!.ingestSource;
    expect(source.text).toContain('Paragraph 1: the ministry said that 2 vehicles');
    expect(source.text).not.toMatch(/secret|track\(\)|color:red|Home \| World/);
    expect(source.title).toBe('Border report');
    expect(source.revisions[0].originalFormat).toBe('HTML');
    expect(source.revisions[0].originalHash).not.toBe(source.contentHash);
    for (const { node } of source.claims.edges)
      expect(sliceCodePoints(source.text, node.start, node.end)).toBe(node.text);
  });

  describe('bad input gets a coded error and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['empty text', { text: '   \n ' }, 'BAD_USER_INPUT', /text is empty/],
      [
        'both text and html',
        { text: 'a', html: '<p>a</p>' },
        'BAD_USER_INPUT',
        /exactly one of text or html/,
      ],
      ['neither text nor html', { title: 'x' }, 'BAD_USER_INPUT', /exactly one of text or html/],
      [
        'text over 2 MB',
        { text: 'a'.repeat(2 * 1024 * 1024 + 1) },
        'BAD_USER_INPUT',
        /limit is 2097152 bytes/,
      ],
      [
        'an invalid URL',
        { text: 'A sentence.', url: 'not a url' },
        'BAD_USER_INPUT',
        /not a valid absolute URL/,
      ],
      [
        'a non-http URL',
        { text: 'A sentence.', url: 'javascript:alert(1)' },
        'BAD_USER_INPUT',
        /http or https/,
      ],
      [
        'an invalid date',
        { text: 'A sentence.', publishedAt: '2030-13-45' },
        'BAD_USER_INPUT',
        /publishedAt|DateTime/,
      ],
      ['a NUL character', { text: 'A\u0000B.' }, 'BAD_USER_INPUT', /U\+0000/],
      [
        'a bad language tag',
        { text: 'A sentence.', language: 'english!!' },
        'BAD_USER_INPUT',
        /BCP 47/,
      ],
      ['HTML with no text', { html: '<script>x()</script>' }, 'BAD_USER_INPUT', /no readable text/],
    ];
    it.each(cases)('%s', async (_name, input, code, message) => {
      const before = await countRows('source');
      const res = await ingest(input);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.errors?.[0]?.message).not.toMatch(/at .*\.ts:\d+|SELECT|INSERT/);
      expect(await countRows('source')).toBe(before);
    });

    it('an unknown workspace is NOT_FOUND', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await t.gql(INGEST, { input: { workspaceId: id, text: 'A sentence.' } });
        expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
    });

    it('a bulk ingest with one bad item writes none of them and names the item', async () => {
      await waitForLinking(t, workspaceId);
      const before = await Promise.all(
        ['source', 'source_revision', 'claim', 'audit_event'].map(countRows),
      );
      const res = await t.gql(
        `mutation($inputs: [IngestSourceInput!]!) { ingestSources(inputs: $inputs) { id } }`,
        {
          inputs: [
            { workspaceId, text: 'First good source with 2 sentences. It is fine.' },
            { workspaceId, text: 'Second good source. Also fine.' },
            { workspaceId, text: '' },
          ],
        },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 2 });
      expect(res.errors?.[0]?.message).toMatch(/^inputs\[2\]: text is empty/);
      expect(
        await Promise.all(['source', 'source_revision', 'claim', 'audit_event'].map(countRows)),
      ).toEqual(before);
    });
  });

  it('ingests the example corpus in bulk, one publisher per outlet', async () => {
    const ws = (await t.ok(`mutation { createWorkspace(input: { name: "corpus" }) { id } }`))
      .createWorkspace.id;
    const corpus = exampleCorpus();
    const res = await t.ok(
      `mutation($inputs: [IngestSourceInput!]!) { ingestSources(inputs: $inputs) { id url publisher { id name } } }`,
      { inputs: corpus.map((a) => ({ ...a, workspaceId: ws })) },
    );
    expect(res.ingestSources.map((s: any) => s.url)).toEqual(corpus.map((a) => a.url));
    const publishers = new Set(res.ingestSources.map((s: any) => s.publisher.id));
    expect(publishers.size).toBe(new Set(corpus.map((a) => a.publisher)).size);
    const again = await t.ok(
      `query($id: ID!) { workspace(id: $id) { sources(first: 50) { totalCount } } }`,
      { id: ws },
    );
    expect(again.workspace.sources.totalCount).toBe(corpus.length);
  });
});
