import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { SYSTEM_ACTOR } from '../../src/common/actor.js';
import { LinkingService } from '../../src/linking/linking.service.js';
import { LinkRepository } from '../../src/linking/link.repository.js';
import { CLAIM_COLUMNS, LINK_COLUMNS } from '../../src/provenance/exports/csv-columns.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { exampleCorpus, exampleRevisions, sliceCodePoints } from '../support/corpus.js';
import { waitForLinking } from '../support/wait.js';

const KESTRIA = 'https://kestria-today.example/world/2031/09/20/aldorian-aggression-veshnar-valley';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const LINK_FIELDS = `id relation status origin method confidence needsReview reviewReason reviewedBy reviewNote
  claim { id source { id } } evidence { id source { id } }
  history { action actor method relation status note }`;

interface ClaimNode {
  id: string;
  text: string;
  links: { id: string; status: string; origin: string; evidence: { id: string } }[];
}

describe('provenance, review and audit', () => {
  let t: TestApp;
  let workspaceId: string;
  /** Who the test's requests act as (set by the API key the test app sends, or "local"). */
  let actor: string;
  const sources = new Map<string, { id: string; text: string; claims: ClaimNode[] }>();

  // One query per source: the API's cost limit refuses every claim of every source in one go.
  const loadSources = async () => {
    const data = await t.ok(
      `query($id: ID!) { workspace(id: $id) { sources(first: 50) { edges { node { id url text } } } } }`,
      { id: workspaceId },
    );
    for (const { node } of data.workspace.sources.edges) {
      const claims = await t.ok(
        `query($id: ID!) { source(id: $id) { claims(minCheckworthiness: 0, first: 200) { edges { node { id text
           links { id status origin evidence { id } } } } } } }`,
        { id: node.id },
      );
      sources.set(node.url, {
        id: node.id,
        text: node.text,
        claims: claims.source.claims.edges.map((e: any) => e.node),
      });
    }
  };
  const claimOf = (url: string, quote: string) => {
    const found = sources.get(url)!.claims.find((c) => c.text.includes(quote));
    if (!found) throw new Error(`no claim with ${quote}`);
    return found;
  };
  const link = async (id: string) =>
    (await t.ok(`query($id: ID!) { link(id: $id) { ${LINK_FIELDS} } }`, { id })).link;
  const codeOf = async (query: string, variables: Record<string, unknown>) =>
    (await t.gql(query, variables)).errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp();
    workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "provenance" }) { id } }`))
      .createWorkspace.id;
    await t.ok(
      `mutation($inputs: [IngestSourceInput!]!) { ingestSources(inputs: $inputs) { id } }`,
      {
        inputs: exampleCorpus().map((a) => ({ ...a, workspaceId })),
      },
    );
    await waitForLinking(t, workspaceId);
    await loadSources();
  });
  afterAll(() => t.close());

  it('traces a claim to its publisher, revision, characters, extractor and speaker', async () => {
    const claim = claimOf(KESTRIA, 'are fabricated, ministry spokesperson Irena Valk');
    const { claim: c } = await t.ok(
      `query($id: ID!) { claim(id: $id) { text provenance {
         source { id } publisher { name } url contentHash originalHash retrievedAt start end
         selector { exact prefix suffix } extractor extractorName extractorVersion extractedAt
         revision { number contentHash } voice attribution { role name cue } summary } } }`,
      { id: claim.id },
    );
    const p = c.provenance;
    const text = sources.get(KESTRIA)!.text;
    expect(p.source.id).toBe(sources.get(KESTRIA)!.id);
    expect(p.publisher.name).toBe('Kestria Today');
    expect(p.url).toBe(KESTRIA);
    expect(p.contentHash).toBe(sha256(text));
    expect(p.revision).toEqual({ number: 1, contentHash: sha256(text) });
    expect(sliceCodePoints(text, p.start, p.end)).toBe(c.text);
    expect(p.selector.exact).toBe(c.text);
    expect(text).toContain(p.selector.prefix + p.selector.exact + p.selector.suffix);
    expect([p.extractor, p.extractorName, p.extractorVersion]).toEqual([
      'claimtrace-extract@1.24.0',
      'claimtrace-extract',
      '1.24.0',
    ]);
    expect(p.voice).toBe('RELAYED');
    expect(p.attribution).toEqual([
      { role: 'PUBLISHER', name: 'Kestria Today', cue: 'reports' },
      { role: 'SPEAKER', name: 'ministry spokesperson Irena Valk', cue: 'told reporters' },
    ]);
    const own = await t.ok(
      `query($id: ID!) { claim(id: $id) { provenance { voice attribution { role } } } }`,
      {
        id: claimOf(KESTRIA, 'Four civilians died').id,
      },
    );
    expect(own.claim.provenance).toEqual({
      voice: 'ASSERTED',
      attribution: [{ role: 'PUBLISHER' }],
    });
  });

  it('tells a publisher speaking of itself ("the mission confirmed") from a speaker it quotes', async () => {
    const ws = (await t.ok(`mutation { createWorkspace(input: { name: "self voice" }) { id } }`))
      .createWorkspace.id;
    const ingested = await t.ok(
      `mutation($i: IngestSourceInput!) { ingestSource(input: $i) {
         claims(minCheckworthiness: 0, first: 10) { edges { node { text
           provenance { voice attribution { role name cue } } } } } } }`,
      {
        i: {
          workspaceId: ws,
          publisher: 'Joint Monitoring Mission',
          url: 'https://monitoring.example/brenna',
          text: 'The mission confirmed the death of one Valdish soldier near Brenna. Valdish officials said two soldiers were wounded.',
        },
      },
    );
    const byText = new Map<string, any>(
      ingested.ingestSource.claims.edges.map((e: any) => [e.node.text, e.node.provenance]),
    );
    expect(
      byText.get('The mission confirmed the death of one Valdish soldier near Brenna.'),
    ).toEqual({
      voice: 'ASSERTED',
      attribution: [{ role: 'PUBLISHER', name: 'Joint Monitoring Mission', cue: 'confirmed' }],
    });
    expect(byText.get('Valdish officials said two soldiers were wounded.').voice).toBe('RELAYED');
  });

  describe('review workflow', () => {
    let rejectedId: string;
    let confirmedId: string;

    it('confirms and rejects machine links, recording who, when and why in the history', async () => {
      const candidates = sources
        .get(KESTRIA)!
        .claims.flatMap((c) => c.links.filter((l) => l.origin === 'MACHINE'));
      expect(candidates.length).toBeGreaterThan(2);
      rejectedId = candidates[0]!.id;
      confirmedId = candidates[1]!.id;
      const before = await link(rejectedId);
      const { reviewLink } = await t.ok(
        `mutation($input: ReviewLinkInput!) { reviewLink(input: $input) { ${LINK_FIELDS} reviewedAt } }`,
        { input: { linkId: rejectedId, decision: 'REJECT', note: 'different events' } },
      );
      actor = reviewLink.reviewedBy;
      expect(actor).toMatch(/^(local|user:)/);
      expect(reviewLink).toMatchObject({ status: 'REJECTED', reviewNote: 'different events' });
      expect(reviewLink.history).toEqual([
        {
          action: 'CREATED',
          actor: before.method,
          method: before.method,
          relation: before.relation,
          status: 'SUGGESTED',
          note: null,
        },
        {
          action: 'REJECTED',
          actor,
          method: before.method,
          relation: before.relation,
          status: 'REJECTED',
          note: 'different events',
        },
      ]);
      const confirmed = (
        await t.ok(
          `mutation($input: ReviewLinkInput!) { reviewLink(input: $input) { status history { action } } }`,
          {
            input: { linkId: confirmedId, decision: 'CONFIRM' },
          },
        )
      ).reviewLink;
      expect(confirmed).toEqual({
        status: 'CONFIRMED',
        history: [{ action: 'CREATED' }, { action: 'CONFIRMED' }],
      });
    });

    it('keeps reviewed and human links through a relink, and records what the linker removes', async () => {
      const linking = t.app.get(LinkingService);
      const before = await link(rejectedId);
      for (const side of [before.claim.source.id, before.evidence.source.id])
        await linking.linkSource(side, SYSTEM_ACTOR);
      expect((await link(rejectedId)).status).toBe('REJECTED');
      expect((await link(rejectedId)).history.map((h: any) => h.action)).toEqual([
        'CREATED',
        'REJECTED',
      ]);

      // Replacing the machine links of both claims with nothing removes only suggestions.
      const repo = t.app.get(LinkRepository);
      const claimIds = [before.claim.id, before.evidence.id];
      const suggested = (
        await t.prisma.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id FROM claim_link WHERE (a_id = ANY($1::uuid[]) OR b_id = ANY($1::uuid[])) AND status = 'SUGGESTED' AND origin = 'MACHINE'`,
          claimIds,
        )
      ).map((r) => r.id);
      const change = await t.prisma.$transaction((tx) =>
        repo.replaceMachineLinks(tx, workspaceId, claimIds, [], before.method),
      );
      expect(change.removed.map((r) => r.id).sort()).toEqual([...suggested].sort());
      expect((await link(rejectedId)).status).toBe('REJECTED');
      if (suggested[0]) {
        expect(await link(suggested[0])).toBeNull();
        const history = await t.prisma.$queryRawUnsafe<{ action: string }[]>(
          `SELECT action FROM link_event WHERE link_id = $1::uuid ORDER BY seq`,
          suggested[0],
        );
        expect(history.map((h) => h.action)).toEqual(['CREATED', 'REMOVED']);
      }
      // Put the suggestions back for the rest of the file.
      for (const side of [before.claim.source.id, before.evidence.source.id])
        await linking.linkSource(side, SYSTEM_ACTOR);
      expect((await link(rejectedId)).status).toBe('REJECTED');
    });

    it('draws a link by hand, then changes its relation with a note', async () => {
      const left = claimOf(KESTRIA, 'Kestria has called for an emergency session');
      // A statement of the envoy the linker did not pair with it.
      const right = sources
        .get('https://veshnar-envoy.example/statements/2031-09-22-recent-hostilities')!
        .claims.find((c) => !left.links.some((l) => l.evidence.id === c.id))!;
      const { createLink } = await t.ok(
        `mutation($input: CreateLinkInput!) { createLink(input: $input) { ${LINK_FIELDS} signals { kind detail } } }`,
        {
          input: {
            claimId: left.id,
            evidenceClaimId: right.id,
            relation: 'DISCUSSES',
            note: 'same diplomatic track',
          },
        },
      );
      expect(createLink).toMatchObject({
        relation: 'DISCUSSES',
        status: 'CONFIRMED',
        origin: 'HUMAN',
        method: actor,
        confidence: 1,
        reviewedBy: actor,
        claim: { id: left.id },
        evidence: { id: right.id },
        signals: [{ kind: 'REVIEWER', detail: 'same diplomatic track' }],
      });
      expect(createLink.history).toEqual([
        {
          action: 'LINKED_BY_HAND',
          actor,
          method: actor,
          relation: 'DISCUSSES',
          status: 'CONFIRMED',
          note: 'same diplomatic track',
        },
      ]);

      const again = await t.gql(
        `mutation($input: CreateLinkInput!) { createLink(input: $input) { id } }`,
        {
          input: { claimId: right.id, evidenceClaimId: left.id, relation: 'CORROBORATES' },
        },
      );
      expect(again.errors![0]!.extensions).toEqual({ code: 'CONFLICT', linkId: createLink.id });
      expect(again.errors![0]!.message).toContain('use updateLink');

      const { updateLink } = await t.ok(
        `mutation($input: UpdateLinkInput!) { updateLink(input: $input) { ${LINK_FIELDS} } }`,
        { input: { linkId: createLink.id, relation: 'CORROBORATES', note: 'both call for talks' } },
      );
      expect(updateLink.relation).toBe('CORROBORATES');
      expect(updateLink.history.map((h: any) => [h.action, h.relation, h.note])).toEqual([
        ['LINKED_BY_HAND', 'DISCUSSES', 'same diplomatic track'],
        ['RELATION_CHANGED', 'CORROBORATES', 'both call for talks'],
      ]);
      const events = await t.ok(
        `query($ws: ID!, $s: String) { auditEvents(workspaceId: $ws, subjectId: $s) { totalCount edges { node { action actor details } } } }`,
        { ws: workspaceId, s: createLink.id },
      );
      expect(events.auditEvents.edges.map((e: any) => [e.node.action, e.node.actor])).toEqual([
        ['link.created', actor],
        ['link.updated', actor],
      ]);
      expect(events.auditEvents.edges[1].node.details.before).toEqual({
        relation: 'DISCUSSES',
        status: 'CONFIRMED',
      });
    });

    it('answers reviewer mistakes with codes', async () => {
      const a = claimOf(KESTRIA, 'Four civilians died');
      const b = claimOf(KESTRIA, 'Kestria has called');
      const other = claimOf(
        'https://veshnar-envoy.example/statements/2031-09-22-recent-hostilities',
        '.',
      );
      const create = `mutation($input: CreateLinkInput!) { createLink(input: $input) { id } }`;
      expect(
        await codeOf(create, {
          input: { claimId: a.id, evidenceClaimId: b.id, relation: 'CORROBORATES' },
        }),
      ).toBe('BAD_USER_INPUT');
      expect(
        await codeOf(create, {
          input: {
            claimId: a.id,
            evidenceClaimId: other.id,
            relation: 'CORROBORATES',
            note: 'x'.repeat(2001),
          },
        }),
      ).toBe('BAD_USER_INPUT');
      expect(
        await codeOf(create, {
          input: {
            claimId: a.id,
            evidenceClaimId: '00000000-0000-4000-8000-000000000000',
            relation: 'CORROBORATES',
          },
        }),
      ).toBe('NOT_FOUND');
      const review = `mutation($input: ReviewLinkInput!) { reviewLink(input: $input) { id } }`;
      expect(
        await codeOf(review, {
          input: { linkId: '00000000-0000-4000-8000-000000000000', decision: 'CONFIRM' },
        }),
      ).toBe('NOT_FOUND');
      expect(await codeOf(review, { input: { linkId: 'nope', decision: 'CONFIRM' } })).toBe(
        'NOT_FOUND',
      );
      const update = `mutation($input: UpdateLinkInput!) { updateLink(input: $input) { id } }`;
      expect(
        await codeOf(update, { input: { linkId: confirmedId, relation: 'DISCUSSES', note: ' ' } }),
      ).toBe('BAD_USER_INPUT');
      const current = (await link(confirmedId)).relation;
      const same = await t.gql(update, {
        input: { linkId: confirmedId, relation: current, note: 'again' },
      });
      expect(same.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(same.errors![0]!.message).toBe(
        `the link already has relation ${current}; use reviewLink to confirm or reject it`,
      );
    });

    it('marks claims as framing, not check-worthy or rated facts, and exports a ClaimReview', async () => {
      const framing = claimOf(KESTRIA, 'The Aldorian military aggression began');
      const mark = `mutation($input: MarkClaimInput!) { markClaim(input: $input) { id reviewKind review { kind verdict note reviewer } } }`;
      const { markClaim } = await t.ok(mark, {
        input: { claimId: framing.id, kind: 'FRAMING', note: '"aggression" is a characterisation' },
      });
      expect(markClaim).toEqual({
        id: framing.id,
        reviewKind: 'FRAMING',
        review: {
          kind: 'FRAMING',
          verdict: null,
          note: '"aggression" is a characterisation',
          reviewer: actor,
        },
      });
      expect(
        await codeOf(mark, { input: { claimId: framing.id, kind: 'FRAMING', verdict: 'FALSE' } }),
      ).toBe('BAD_USER_INPUT');
      expect(
        await codeOf(`query($id: ID!) { claimReviewJsonLd(claimId: $id) }`, { id: framing.id }),
      ).toBe('BAD_USER_INPUT');

      const fact = claimOf(KESTRIA, 'Four civilians died');
      await t.ok(mark, {
        input: {
          claimId: fact.id,
          kind: 'FACT',
          verdict: 'MOSTLY_FALSE',
          note: 'FCW documented two deaths',
        },
      });
      const doc = (
        await t.ok(`query($id: ID!) { claimReviewJsonLd(claimId: $id) }`, { id: fact.id })
      ).claimReviewJsonLd;
      expect(doc['@context']).toBe('https://schema.org');
      expect(doc['@type']).toBe('ClaimReview');
      expect(doc.claimReviewed).toBe(fact.text);
      expect(doc.reviewRating).toEqual({
        '@type': 'Rating',
        alternateName: 'Mostly false',
        ratingValue: 2,
        bestRating: 5,
        worstRating: 1,
      });
      expect(doc.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Kestria Today' });
      expect(doc.itemReviewed.appearance.url).toBe(KESTRIA);
      const marks = await t.ok(
        `query($ws: ID!, $s: String) { auditEvents(workspaceId: $ws, subjectId: $s) { edges { node { action details } } } }`,
        {
          ws: workspaceId,
          s: fact.id,
        },
      );
      expect(marks.auditEvents.edges.map((e: any) => e.node)).toEqual([
        {
          action: 'claim.marked',
          details: { kind: 'FACT', verdict: 'MOSTLY_FALSE', note: 'FCW documented two deaths' },
        },
      ]);
    });
  });

  describe('exports', () => {
    it('exports PROV-O with the review activity of a confirmed link', async () => {
      // The claim whose machine link was rejected above.
      const withLinks = sources
        .get(KESTRIA)!
        .claims.find((c) => c.links.some((l) => l.origin === 'MACHINE'))!;
      const { claimProvJsonLd: doc } = await t.ok(
        `query($id: ID!) { claimProvJsonLd(claimId: $id) }`,
        { id: withLinks.id },
      );
      expect(doc['@context'].prov).toBe('http://www.w3.org/ns/prov#');
      const graph: any[] = doc['@graph'];
      const ids = new Set(graph.map((n) => n['@id']));
      const claimNode = graph.find((n) => n['@id'] === `urn:claimtrace:claim:${withLinks.id}`);
      expect(claimNode['prov:value']).toBe(withLinks.text);
      expect(ids.has(claimNode['prov:wasDerivedFrom']['@id'])).toBe(true);
      expect(ids.has(claimNode['prov:wasGeneratedBy']['@id'])).toBe(true);
      // Every reference to an activity or agent resolves inside the document.
      for (const n of graph.filter((x) => x['@type'] === 'prov:Activity'))
        expect(ids.has(n['prov:wasAssociatedWith']?.['@id'] ?? [...ids][0])).toBe(true);
      const now = (
        await t.ok(
          `query($id: ID!) { claim(id: $id) { review { kind } links(minConfidence: 0) { origin status } } }`,
          { id: withLinks.id },
        )
      ).claim;
      const labels = graph
        .filter((n) => n['@type'] === 'prov:Activity')
        .map((n) => n['rdfs:label']);
      expect(labels.filter((l) => l === 'linking').length).toBe(
        now.links.filter((l: any) => l.origin === 'MACHINE').length,
      );
      // One review activity per reviewed link, and one for the reviewer's mark on the claim.
      expect(labels.filter((l) => l.startsWith('review: ')).length).toBe(
        now.links.filter((l: any) => l.status !== 'SUGGESTED').length + (now.review ? 1 : 0),
      );
      expect(labels).toContain('review: REJECTED');
    });

    it('exports Web Annotations whose selectors slice to the source text', async () => {
      const src = sources.get(KESTRIA)!;
      const { sourceAnnotationsJsonLd: doc } = await t.ok(
        `query($id: ID!) { sourceAnnotationsJsonLd(sourceId: $id) }`,
        { id: src.id },
      );
      expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(doc.type).toBe('AnnotationCollection');
      expect(doc.total).toBe(src.claims.length);
      for (const a of doc.first.items) {
        expect(a.type).toBe('Annotation');
        const quote = a.target.selector.find((s: any) => s.type === 'TextQuoteSelector');
        const position = a.target.selector.find((s: any) => s.type === 'TextPositionSelector');
        expect(sliceCodePoints(src.text, position.start, position.end)).toBe(quote.exact);
        expect(src.text).toContain(quote.prefix + quote.exact + quote.suffix);
        expect(a.target.scope).toBe(KESTRIA);
      }
      const one = (
        await t.ok(`query($id: ID!) { claimAnnotationJsonLd(claimId: $id) }`, {
          id: src.claims[2]!.id,
        })
      ).claimAnnotationJsonLd;
      expect(one['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(one.id).toBe(`urn:claimtrace:claim:${src.claims[2]!.id}`);
    });

    it('streams claims.csv and links.csv over HTTP with the documented columns', async () => {
      const { workspaceExport } = await t.ok(
        `query($id: ID!) { workspaceExport(workspaceId: $id) { claimsCsvPath linksCsvPath claimColumns { name description } linkColumns { name } } }`,
        { id: workspaceId },
      );
      expect(workspaceExport.claimColumns.map((c: any) => c.name)).toEqual(
        CLAIM_COLUMNS.map((c) => c.name),
      );
      const base = t.url.replace(/\/graphql$/, '');
      const claimsRes = await fetch(`${base}${workspaceExport.claimsCsvPath}?batch=7`, {
        headers: { authorization: `Bearer ${t.adminKey}` },
      });
      expect(claimsRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const claims = parse(await claimsRes.text(), { columns: true }) as Record<string, string>[];
      const [{ n }] = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM claim WHERE workspace_id = $1::uuid`,
        workspaceId,
      );
      expect(claims.length).toBe(Number(n));
      const texts = new Map([...sources.values()].map((s) => [s.id, s.text]));
      for (const row of claims.filter((r) => r.is_current === 'true'))
        expect(
          sliceCodePoints(texts.get(row.source_id!)!, Number(row.start), Number(row.end)),
        ).toBe(row.text);
      const framing = claims.find((r) =>
        r.text!.startsWith('The Aldorian military aggression began'),
      )!;
      expect([framing.review_kind, framing.reviewer, framing.publisher]).toEqual([
        'FRAMING',
        actor,
        'Kestria Today',
      ]);

      const linksText = await (
        await fetch(`${base}${workspaceExport.linksCsvPath}`, {
          headers: { authorization: `Bearer ${t.adminKey}` },
        })
      ).text();
      const links = parse(linksText, { columns: true }) as Record<string, string>[];
      expect(Object.keys(links[0]!)).toEqual(LINK_COLUMNS.map((c) => c.name));
      const [{ m }] = await t.prisma.$queryRawUnsafe<{ m: bigint }[]>(
        `SELECT count(*) AS m FROM claim_link WHERE workspace_id = $1::uuid`,
        workspaceId,
      );
      expect(links.length).toBe(Number(m));
      expect(
        links.filter((l) => l.status === 'REJECTED').map((l) => [l.reviewed_by, l.review_note]),
      ).toContainEqual([actor, 'different events']);

      const missing = await fetch(
        `${base}/exports/workspaces/00000000-0000-4000-8000-000000000000/claims.csv`,
        { headers: { authorization: `Bearer ${t.adminKey}` } },
      );
      const anonymous = await fetch(`${base}${workspaceExport.linksCsvPath}`);
      expect(anonymous.status).toBe(401);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    });

    it('exports the same files through the CLI', async () => {
      const out = mkdtempSync(join(tmpdir(), 'claimtrace-export-'));
      const run = promisify(execFile);
      const env = { ...process.env, DATABASE_URL: t.db.url, LINKING: 'false', LOG_LEVEL: 'error' };
      const cli = join(PROJECT_ROOT, 'dist/cli/export.js');
      const { stdout } = await run(
        process.execPath,
        [cli, '--workspace', workspaceId, '--out', out],
        { env },
      );
      const claims = parse(readFileSync(join(out, 'claims.csv')), { columns: true }) as unknown[];
      const links = parse(readFileSync(join(out, 'links.csv')), { columns: true }) as unknown[];
      expect(stdout).toBe(
        `${join(out, 'claims.csv')}: ${claims.length} rows\n${join(out, 'links.csv')}: ${links.length} rows\n`,
      );
      const claim = sources.get(KESTRIA)!.claims[1]!;
      const prov = await run(process.execPath, [cli, '--claim', claim.id, '--format', 'prov'], {
        env,
      });
      expect(JSON.parse(prov.stdout)['@graph'][1]).toBeDefined();
      expect(
        JSON.parse(prov.stdout)['@graph'].find((n: any) => n['prov:value'] === claim.text)['@type'],
      ).toBe('prov:Entity');
    });
  });

  describe('a stealth edit', () => {
    let diff: any;

    beforeAll(async () => {
      // A machine link of a sentence the edit leaves alone is rejected before the edit ...
      // Every stored link, not only those over the display threshold: a reviewer rejects what
      // `minConfidence: 0` shows as well.
      const kept = await t.ok(
        `query($id: ID!) { claim(id: $id) { links(minConfidence: 0) { id status origin } } }`,
        { id: claimOf(KESTRIA, 'No Kestrian forces have been deployed').id },
      );
      const keptLink = kept.claim.links.find(
        (l: any) => l.origin === 'MACHINE' && l.status === 'SUGGESTED',
      );
      if (!keptLink) throw new Error('the unchanged sentence has no machine link to reject');
      await t.ok(`mutation($input: ReviewLinkInput!) { reviewLink(input: $input) { id } }`, {
        input: { linkId: keptLink.id, decision: 'REJECT', note: 'before the edit' },
      });
      const [edited] = exampleRevisions();
      await t.ok(`mutation($input: IngestSourceInput!) { ingestSource(input: $input) { id } }`, {
        input: { ...edited, workspaceId },
      });
      await waitForLinking(t, workspaceId);
      diff = (
        await t.ok(
          `query($id: ID!) { sourceRevisionDiff(sourceId: $id) { from { number } to { number }
             counts { unchanged moved edited removed added }
             entries { status method score oldText newText change { removed inserted at } linkCount
               oldClaim { id links(minConfidence: 0) { id status needsReview reviewReason evidence { id } } } newClaim { id links(minConfidence: 0) { id status origin evidence { id } } } } } }`,
          { id: sources.get(KESTRIA)!.id },
        )
      ).sourceRevisionDiff;
    });

    it('classifies each changed sentence', () => {
      expect([diff.from.number, diff.to.number]).toEqual([1, 2]);
      expect(diff.counts).toMatchObject({ moved: 1, edited: 2, removed: 1, added: 0 });
      const changed = diff.entries
        .filter((e: any) => e.status !== 'UNCHANGED')
        .map((e: any) => [e.status, e.method, e.change, e.oldText.slice(0, 40)]);
      expect(changed).toEqual([
        [
          'EDITED',
          'FUZZY',
          {
            removed: 'denied that any of its units were',
            inserted: 'rejected claims that its units had been',
            at: 30,
          },
          'The Kestrian Defence Ministry denied tha',
        ],
        ['REMOVED', null, null, 'Aldorian sources claim that three of the'],
        [
          'EDITED',
          'FUZZY',
          { removed: '300', inserted: '500', at: 10 },
          'More than 300 residents were forced to f',
        ],
        ['MOVED', 'QUOTE', null, 'Dozens of homes were destroyed, includin'],
      ]);
    });

    it('flags the links of edited and removed claims for review instead of dropping them', async () => {
      const touched = diff.entries.filter(
        (e: any) => e.status === 'EDITED' || e.status === 'REMOVED',
      );
      const links = touched.flatMap((e: any) => e.oldClaim.links);
      expect(links.length).toBe(touched.reduce((n: number, e: any) => n + e.linkCount, 0));
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) {
        expect(l.needsReview).toBe(true);
        expect(l.reviewReason).toMatch(/^claim (edited|removed) in revision 2: /);
      }
      const figure = diff.entries.find((e: any) => e.change?.inserted === '500');
      for (const l of figure.oldClaim.links)
        expect(l.reviewReason).toBe(
          'claim edited in revision 2: "More than 300 residents were forced to flee Dorvik." -> "More than 500 residents were forced to flee Dorvik."',
        );
      const queue = await t.ok(
        `query($ws: ID!) { linksNeedingReview(workspaceId: $ws, first: 200) { totalCount edges { node { id history { action actor } } } } }`,
        {
          ws: workspaceId,
        },
      );
      expect(queue.linksNeedingReview.totalCount).toBe(new Set(links.map((l: any) => l.id)).size);
      for (const { node } of queue.linksNeedingReview.edges)
        expect(node.history.at(-1)).toEqual({ action: 'FLAGGED', actor: 'system' });
    });

    it('carries a rejected link of an unchanged sentence to the new revision, where relinking keeps it rejected', async () => {
      const entry = diff.entries.find((e: any) =>
        e.oldText?.startsWith('No Kestrian forces have been deployed'),
      );
      const rejected = entry.oldClaim.links.filter((l: any) => l.status === 'REJECTED');
      for (const old of rejected) {
        const carried = entry.newClaim.links.find((l: any) => l.evidence.id === old.evidence.id);
        expect(carried.status).toBe('REJECTED');
      }
      expect(rejected.length).toBeGreaterThan(0);
      await t.app.get(LinkingService).linkSource(sources.get(KESTRIA)!.id, SYSTEM_ACTOR);
      const again = await t.ok(
        `query($id: ID!) { claim(id: $id) { links(minConfidence: 0) { status evidence { id } history { action } } } }`,
        {
          id: entry.newClaim.id,
        },
      );
      const carried = again.claim.links.find((l: any) => l.evidence.id === rejected[0].evidence.id);
      expect(carried.status).toBe('REJECTED');
      expect(carried.history.map((h: any) => h.action).at(-1)).toBe('CARRIED');
    });
  });

  describe('the audit log', () => {
    it('verifies, then catches a row edited directly in SQL', async () => {
      const verify = `query($ws: ID!) { verifyAuditLog(workspaceId: $ws) { valid checked headHash firstBreak { seq reason expected found } } }`;
      const ok = (await t.ok(verify, { ws: workspaceId })).verifyAuditLog;
      const [{ n, head }] = await t.prisma.$queryRawUnsafe<{ n: bigint; head: string }[]>(
        `SELECT count(*) AS n, (array_agg(hash ORDER BY seq DESC))[1] AS head FROM audit_event WHERE workspace_id = $1::uuid`,
        workspaceId,
      );
      expect(ok).toEqual({ valid: true, checked: Number(n), headHash: head, firstBreak: null });

      const [target] = await t.prisma.$queryRawUnsafe<{ seq: bigint; hash: string }[]>(
        `SELECT seq, hash FROM audit_event WHERE workspace_id = $1::uuid AND action = 'link.reviewed' ORDER BY seq LIMIT 1`,
        workspaceId,
      );
      await t.prisma.$executeRawUnsafe(
        `UPDATE audit_event SET details = jsonb_set(details, '{decision}', '"CONFIRM"') WHERE seq = $1`,
        target!.seq,
      );
      const broken = (await t.ok(verify, { ws: workspaceId })).verifyAuditLog;
      expect(broken.valid).toBe(false);
      expect(broken.firstBreak).toMatchObject({
        seq: String(target!.seq),
        reason: 'HASH_MISMATCH',
        found: target!.hash,
      });
      expect(broken.firstBreak.expected).not.toBe(target!.hash);

      expect(await codeOf(verify, { ws: '00000000-0000-4000-8000-000000000000' })).toBe(
        'NOT_FOUND',
      );
    });

    it('pages through the events in order', async () => {
      const page = `query($ws: ID!, $after: String) { auditEvents(workspaceId: $ws, first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { seq prevHash hash } } } }`;
      const seen: any[] = [];
      let after: string | null = null;
      let total: number;
      for (;;) {
        const data: any = (await t.ok(page, { ws: workspaceId, after })).auditEvents;
        total = data.totalCount;
        seen.push(...data.edges.map((e: any) => e.node));
        if (!data.pageInfo.hasNextPage) break;
        after = data.pageInfo.endCursor;
      }
      expect(seen.length).toBe(total);
      for (let i = 1; i < seen.length; i++) {
        expect(BigInt(seen[i].seq) > BigInt(seen[i - 1].seq)).toBe(true);
        expect(seen[i].prevHash).toBe(seen[i - 1].hash);
      }
    });
  });
});
