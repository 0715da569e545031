import { LinkingService } from '../../src/linking/linking.service.js';
import { SYSTEM_ACTOR } from '../../src/common/actor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitForLinking } from '../support/wait.js';

/*
 * These tests are about linking itself, so they read every stored link (minConfidence: 0). A
 * source of one claim is a claim check, whose link keeps the classifier's own confidence (0.80
 * for the two tolls below), and that may fall either side of the display threshold the link
 * calibration chooses (0.80 since the twenty-sixth session); listing by the threshold is
 * tested in comparison-stance.spec.ts.
 */
const SOURCES = `query($id: ID!) { workspace(id: $id) { sources(first: 10) { edges { node { id linkingStatus
  claims(minCheckworthiness: 0) { edges { node { id text source { id }
    links(minConfidence: 0) { id relation confidence method origin status claim { id } evidence { id text source { id } }
      signals { kind detail left right weight } } } } } } } } } }`;

describe('linking sources in the background', () => {
  let t: TestApp;
  let workspaceId: string;
  const ingest = (input: Record<string, unknown>) =>
    t.ok(`mutation($i: IngestSourceInput!) { ingestSource(input: $i) { id linkingStatus } }`, {
      i: { workspaceId, ...input },
    });

  beforeAll(async () => {
    t = await startTestApp();
    workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "linking" }) { id } }`))
      .createWorkspace.id;
  });
  afterAll(() => t.close());

  const allLinks = async () =>
    t.prisma.$queryRawUnsafe<
      {
        id: string;
        a_id: string;
        b_id: string;
        relation: string;
        status: string;
        confidence: number;
        method: string;
      }[]
    >(
      `SELECT id, a_id, b_id, relation::text, status::text, confidence, method FROM claim_link ORDER BY id`,
    );

  it('links a new source to the others within seconds, symmetric, with method and signals', async () => {
    const first = await ingest({
      url: 'https://a.example/1',
      publisher: 'Outlet A',
      text: 'Two civilians were killed in the shelling of Dorvik on 19 September 2031, the ministry said. The market reopened later.',
    });
    // Read back after the runner was woken: it may already hold the source.
    expect(['PENDING', 'RUNNING', 'DONE']).toContain(first.ingestSource.linkingStatus);
    await ingest({
      url: 'https://b.example/1',
      publisher: 'Outlet B',
      text: 'Four civilians were killed in the shelling of Dorvik on 19 September 2031. Rescue teams searched the ruins.',
    });
    await waitForLinking(t, workspaceId, 30_000);
    const data = await t.ok(SOURCES, { id: workspaceId });
    const sources = data.workspace.sources.edges.map((e: any) => e.node);
    for (const s of sources) expect(s.linkingStatus).toBe('DONE');
    const claimsOf = (i: number) => sources[i].claims.edges.map((e: any) => e.node);
    const shelling = claimsOf(0).find((c: any) => c.text.startsWith('Two civilians'));
    expect(shelling.links.length).toBeGreaterThanOrEqual(1);
    const link = shelling.links.find((l: any) => l.evidence.text.startsWith('Four civilians'));
    expect(link).toBeDefined();
    expect(link.claim.id).toBe(shelling.id);
    expect(link.evidence.source.id).not.toBe(shelling.source.id);
    expect(link.method).toMatch(/^claimtrace-relation@\d+\.\d+\.\d+$/);
    expect(link.origin).toBe('MACHINE');
    expect(link.status).toBe('SUGGESTED');
    expect(link.confidence).toBeGreaterThan(0);
    expect(link.confidence).toBeLessThanOrEqual(1);
    expect(link.signals.length).toBeGreaterThan(0);
    // Read from the other side, it is the same link with the sides swapped.
    const other = claimsOf(1).find((c: any) => c.text.startsWith('Four civilians'));
    const back = other.links.find((l: any) => l.id === link.id);
    expect(back.evidence.id).toBe(shelling.id);
    expect(back.relation).toBe(link.relation);
    for (const s of link.signals) {
      const mirrored = back.signals.find((b: any) => b.kind === s.kind && b.detail === s.detail);
      expect(mirrored).toMatchObject({ left: s.right, right: s.left });
    }
    // One row per pair, never a link inside one source.
    const rows = await allLinks();
    expect(new Set(rows.map((r) => `${r.a_id}|${r.b_id}`)).size).toBe(rows.length);
    const bySource = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM claim_link WHERE a_source_id = b_source_id`,
    );
    expect(Number(bySource[0]!.n)).toBe(0);
  });

  it('is idempotent: linking again changes nothing and duplicates nothing', async () => {
    const before = await allLinks();
    const linking = t.app.get(LinkingService);
    const ids = (
      await t.prisma.source.findMany({ where: { workspaceId }, select: { id: true } })
    ).map((s) => s.id);
    for (const id of ids) {
      const result = await linking.linkSource(id, SYSTEM_ACTOR);
      expect(result).toMatchObject({ inserted: 0, rescored: 0, removed: 0 });
    }
    expect(await allLinks()).toEqual(before);
  });

  it('keeps a link found from one side when the other side is relinked (order does not matter)', async () => {
    const pairs = async () =>
      (await allLinks()).map((l) => `${l.a_id}|${l.b_id}|${l.relation}`).sort();
    const before = await pairs();
    const linking = t.app.get(LinkingService);
    const ids = (
      await t.prisma.source.findMany({
        where: { workspaceId },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
      })
    ).map((s) => s.id);
    for (const order of [[...ids].reverse(), ids, [ids[0]!]]) {
      for (const id of order) await linking.linkSource(id, SYSTEM_ACTOR);
      expect(await pairs()).toEqual(before);
    }
    // The same as one batch (as the queue links them), in either order.
    const refs = await t.prisma.source.findMany({
      where: { id: { in: ids } },
      select: { id: true, currentRevisionId: true },
    });
    const batch = refs.map((r) => ({ sourceId: r.id, revisionId: r.currentRevisionId! }));
    for (const order of [batch, [...batch].reverse()]) {
      await linking.linkBatch(workspaceId, order, SYSTEM_ACTOR);
      expect(await pairs()).toEqual(before);
    }
    const found = await t.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT min(cardinality(found_from))::int AS n FROM claim_link WHERE origin = 'MACHINE'`,
    );
    expect(found[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('never overwrites a reviewed link when relinking', async () => {
    const [link] = await allLinks();
    expect(link).toBeDefined();
    // A reviewer rejected it and set another relation (the review API writes the same columns).
    const other = link!.relation === 'CONTRADICTS' ? 'DISCUSSES' : 'CONTRADICTS';
    await t.prisma.$executeRawUnsafe(
      `UPDATE claim_link SET status = 'REJECTED', relation = $2::"LinkRelation" WHERE id = $1::uuid`,
      link!.id,
      other,
    );
    const linking = t.app.get(LinkingService);
    for (const s of await t.prisma.source.findMany({
      where: { workspaceId },
      select: { id: true },
    })) {
      await linking.linkSource(s.id, SYSTEM_ACTOR);
    }
    const after = (await allLinks()).find((l) => l.id === link!.id);
    expect(after).toMatchObject({ status: 'REJECTED', relation: other });
  });

  it('relinks a source when it gets a new revision', async () => {
    await ingest({
      url: 'https://a.example/1',
      publisher: 'Outlet A',
      text: 'Three civilians were killed in the shelling of Dorvik on 19 September 2031, the ministry said. The market reopened later.',
    });
    const status = await t.prisma.source.findFirst({
      where: { url: 'https://a.example/1' },
      select: { linkingStatus: true },
    });
    expect(['PENDING', 'RUNNING', 'DONE']).toContain(status!.linkingStatus);
    await waitForLinking(t, workspaceId, 30_000);
    const events = await t.prisma.$queryRawUnsafe<{ action: string; method: string }[]>(
      `SELECT action, method FROM audit_event WHERE action = 'source.linked' ORDER BY seq`,
    );
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const e of events) expect(e.method).toMatch(/^claimtrace-relation@/);
  });

  it('compares two sources side by side from the stored links', async () => {
    const [a, b] = await t.prisma.source.findMany({
      where: { workspaceId },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    const res = await t.ok(
      `query($l: ID!, $r: ID!) { compareSources(leftId: $l, rightId: $r, minConfidence: 0) { stance left { id } right { id }
        corroborated { left { id source { id } } right { source { id } } link { relation } }
        contradicted { left { source { id } } right { source { id } } link { relation } }
        discussed { left { source { id } } right { source { id } } link { relation } }
        onlyInLeft { source { id } } onlyInRight { source { id } } } }`,
      { l: a!.id, r: b!.id },
    );
    const c = res.compareSources;
    expect(c.left.id).toBe(a!.id);
    const pairs = [...c.corroborated, ...c.contradicted, ...c.discussed];
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(p.left.source.id).toBe(a!.id);
      expect(p.right.source.id).toBe(b!.id);
    }
    for (const p of c.contradicted) expect(p.link.relation).toBe('CONTRADICTS');
    for (const p of c.corroborated) expect(p.link.relation).toBe('CORROBORATES');
    for (const cl of c.onlyInLeft) expect(cl.source.id).toBe(a!.id);
    for (const cl of c.onlyInRight) expect(cl.source.id).toBe(b!.id);
    expect([null, 'CORROBORATES', 'CONTRADICTS', 'DISCUSSES']).toContain(c.stance);

    const same = await t.gql(
      `query($l: ID!) { compareSources(leftId: $l, rightId: $l) { stance } }`,
      { l: a!.id },
    );
    expect(same.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await t.gql(
      `query($l: ID!) { compareSources(leftId: $l, rightId: "00000000-0000-4000-8000-000000000000") { stance } }`,
      {
        l: a!.id,
      },
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('compares claims a reviewer marked as framing as framing, not as facts', async () => {
    const [a, b] = await t.prisma.source.findMany({
      where: { workspaceId },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    const compare = () =>
      t.ok(
        `query($l: ID!, $r: ID!) { compareSources(leftId: $l, rightId: $r, minConfidence: 0) {
          corroborated { left { id } } contradicted { left { id } } discussed { left { id } }
          framing { left { id } right { id } link { relation } } onlyInLeft { id } } }`,
        { l: a!.id, r: b!.id },
      );
    const before = (await compare()).compareSources;
    const factual = [...before.corroborated, ...before.contradicted, ...before.discussed];
    expect(factual.length).toBeGreaterThan(0);
    const marked = factual[0].left.id;
    await t.ok(
      `mutation($id: ID!) { markClaim(input: { claimId: $id, kind: FRAMING, note: "how the event is named" }) { id } }`,
      { id: marked },
    );
    const after = (await compare()).compareSources;
    expect(after.framing.map((p: any) => p.left.id)).toContain(marked);
    for (const list of [after.corroborated, after.contradicted, after.discussed]) {
      expect(list.map((p: any) => p.left.id)).not.toContain(marked);
    }
    expect(after.onlyInLeft.map((c: any) => c.id)).not.toContain(marked);
  });
});
