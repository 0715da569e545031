/**
 * A workspace survives export and import into another installation (a fresh database) intact:
 * every source, revision, claim, link with its history, review, member and audit event, with the
 * audit chain verifying to the same head hash. Damaged, edited and duplicate imports are refused
 * and leave nothing behind.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { WorkspaceArchiveService } from '../../src/workspace-archive/workspace-archive.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { exampleCorpus } from '../support/corpus.js';
import { waitForLinking } from '../support/wait.js';

const TABLES: [string, string][] = [
  ['source', 'id::text'],
  ['source_revision', 'id::text || content_hash'],
  ['publisher', 'id::text || name'],
  ['claim', 'id::text || text || start || \':\' || "end"'],
  ['claim_link', 'id::text || relation || status || confidence::text'],
  ['claim_review', 'claim_id::text || kind'],
  ['link_event', 'link_id::text || action || created_at::text'],
  ['audit_event', 'hash'],
  // Members are matched to the installation's users by name (the test admin exists in both).
  ['membership', '(SELECT name FROM app_user u WHERE u.id = user_id) || role'],
  ['cluster_member', 'claim_id::text || cluster_id::text'],
];

describe('workspace export and import', () => {
  let from: TestApp;
  let to: TestApp;
  let dir: string;
  let workspaceId: string;
  let archive: string;

  const fingerprint = async (t: TestApp) => {
    const out: Record<string, string[]> = {};
    for (const [table, expr] of TABLES) {
      const rows = await t.prisma.$queryRawUnsafe<{ k: string }[]>(
        `SELECT ${expr} AS k FROM ${table} WHERE workspace_id = $1::uuid ORDER BY 1`,
        workspaceId,
      );
      out[table] = rows.map((r) => r.k);
    }
    return out;
  };
  const verify = async (t: TestApp) =>
    (
      await t.ok(`query($w: ID!) { verifyAuditLog(workspaceId: $w) { valid checked headHash } }`, {
        w: workspaceId,
      })
    ).verifyAuditLog;
  const lines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const writeArchive = (file: string, body: string[]) => {
    // Re-seal the edited lines with a correct checksum: only the audit chain can catch this.
    const digest = createHash('sha256');
    for (const l of body) digest.update(l + '\n');
    const trailer = JSON.parse(lines(archive).filter(Boolean).at(-1)!);
    trailer.sha256 = digest.digest('hex');
    writeFileSync(file, gzipSync([...body, JSON.stringify(trailer), ''].join('\n')));
  };
  const importInto = (t: TestApp, file: string) =>
    new WorkspaceArchiveService(t.prisma).importFromFile(file);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrace-archive-'));
    archive = join(dir, 'ws.ctar.gz');
    from = await startTestApp();
    to = await startTestApp();
    workspaceId = (
      await from.ok(`mutation { createWorkspace(input: { name: "to hand over" }) { id } }`)
    ).createWorkspace.id;
    await from.ok(
      `mutation($inputs: [IngestSourceInput!]!) { ingestSources(inputs: $inputs) { id } }`,
      { inputs: exampleCorpus().map((a) => ({ ...a, workspaceId })) },
    );
    await waitForLinking(from, workspaceId);
    const [link] = await from.prisma.$queryRawUnsafe<{ id: string; a_id: string }[]>(
      `SELECT id::text, a_id::text FROM claim_link WHERE workspace_id = $1::uuid ORDER BY confidence DESC LIMIT 1`,
      workspaceId,
    );
    await from.ok(
      `mutation($id: ID!) { reviewLink(input: { linkId: $id, decision: CONFIRM, note: "checked" }) { id } }`,
      {
        id: link!.id,
      },
    );
    await from.ok(
      `mutation($id: ID!) { markClaim(input: { claimId: $id, kind: FACT, verdict: MOSTLY_TRUE }) { id } }`,
      { id: link!.a_id },
    );
    await from.createKey('alice');
    await from.ok(
      `mutation($w: ID!) { setWorkspaceMember(input: { workspaceId: $w, user: "alice", role: EDITOR }) { role } }`,
      { w: workspaceId },
    );
  }, 240_000);

  afterAll(async () => {
    await from?.close();
    await to?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the workspace to one archive', async () => {
    const summary = await new WorkspaceArchiveService(from.prisma).exportToFile(
      'to hand over',
      archive,
    );
    expect(summary.workspace.id).toBe(workspaceId);
    expect(summary.rows.source).toBe(exampleCorpus().length);
    expect(summary.rows.claim_review).toBe(1);
    expect(summary.rows.membership).toBeGreaterThanOrEqual(1);
    expect(summary.rows.audit_event).toBeGreaterThan(0);
    expect(lines(archive)[0]).toContain('"format":"claimtrace-workspace"');
  });

  it('refuses a damaged archive, and imports nothing', async () => {
    const damaged = join(dir, 'damaged.gz');
    const bytes = readFileSync(archive);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(importInto(to, damaged)).rejects.toThrow(/damaged|truncated|ends early/);
    const edited = join(dir, 'edited.gz');
    const body = lines(archive).filter(Boolean);
    const i = body.findIndex((l) => l.startsWith('{"t":"claim",'));
    // Edited as JSON: a claim's text may hold escaped quotes, which a pattern edit would break
    // into invalid JSON (a different refusal) depending on which claim comes first.
    const row = JSON.parse(body[i]!) as { r: { text: string } } & Record<string, unknown>;
    expect(row.r.text).toBeTruthy();
    row.r.text = 'Nothing happened.';
    body[i] = JSON.stringify(row);
    writeFileSync(edited, gzipSync(body.join('\n') + '\n'));
    await expect(importInto(to, edited)).rejects.toThrow(/checksum does not match/);
    expect(await to.prisma.workspace.count({ where: { id: workspaceId } })).toBe(0);
  });

  it('refuses an archive whose audit history was rewritten, even with a fresh checksum', async () => {
    const rewritten = join(dir, 'rewritten.gz');
    const body = lines(archive).filter((l) => l && !l.startsWith('{"end":true'));
    const i = body.findIndex((l) => l.startsWith('{"t":"audit_event",'));
    body[i] = body[i]!.replace(/"actor":"[^"]*"/, '"actor":"someone else"');
    writeArchive(rewritten, body);
    await expect(importInto(to, rewritten)).rejects.toThrow(/audit log does not verify/);
    expect(await to.prisma.source.count({ where: { workspaceId } })).toBe(0);
  });

  it('imports into a fresh database with every row, and the audit chain verifies to the same head', async () => {
    const summary = await importInto(to, archive);
    expect(summary.workspace.id).toBe(workspaceId);
    expect(await fingerprint(to)).toEqual(await fingerprint(from));
    const [before, after] = [await verify(from), await verify(to)];
    expect(after.valid).toBe(true);
    expect(after).toEqual(before);
    expect(summary.auditHeadHash).toBe(before.headHash);

    // The restored workspace answers through the API like the original.
    const q = `query($w: ID!) { workspace(id: $w) { name sources(first: 50) { totalCount edges { node { id text claims(minCheckworthiness: 0) { totalCount } } } } } }`;
    expect(await to.ok(q, { w: workspaceId })).toEqual(await from.ok(q, { w: workspaceId }));
    const [left, right] = (await to.ok(q, { w: workspaceId })).workspace.sources.edges.map(
      (e: any) => e.node.id,
    );
    const compare = `query($l: ID!, $r: ID!) { compareSources(leftId: $l, rightId: $r) { corroborated { link { id status } } contradicted { link { id status } } } }`;
    expect(await to.ok(compare, { l: left, r: right })).toEqual(
      await from.ok(compare, { l: left, r: right }),
    );
  });

  it('refuses to import a workspace the installation already holds', async () => {
    await expect(importInto(to, archive)).rejects.toThrow(/already exists in this installation/);
    await expect(importInto(from, archive)).rejects.toThrow(/already exists/);
  });
});
