/**
 * @jest-environment ./test/support/onnx-environment.mjs
 */
import { rmSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../../src/common/actor.js';
import { loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/app.factory.js';
import { LinkingService } from '../../src/linking/linking.service.js';
import { RELATION_CLASSIFIER } from '../../src/linking/relation-classifier.provider.js';
import type { RescoringClassifier } from '../../src/linking/providers/rescoring.classifier.js';
import { createRelationClassifier } from '../../src/linking/relation-classifier.provider.js';
import { ConfigError } from '../../src/config/env.js';
import { extractFacets } from '../../src/claims/extraction/facets.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { MAX_POSITIONS, writeTinyNliModel } from '../support/tiny-nli-model.js';
import { waitForLinking } from '../support/wait.js';

const LINKS = `query($id: ID!) { workspace(id: $id) { sources(first: 10) { edges { node { id linkingStatus
  claims(minCheckworthiness: 0) { edges { node { id text
    links(minConfidence: 0) { id relation confidence method status evidence { text } signals { kind detail left right weight } } } } } } } } } }`;

const view = (text: string) => ({ text, facets: extractFacets(text) });

interface LinkView {
  id: string;
  relation: string;
  confidence: number;
  method: string;
  status: string;
  evidence: { text: string };
  signals: { kind: string; detail: string; weight: number }[];
}

describe('a local NLI model re-scores the built-in stage (tiny ONNX model written by the test)', () => {
  let t: TestApp;
  let dir: string;
  let workspaceId: string;
  const ingest = (url: string, text: string) =>
    t.ok(`mutation($i: IngestSourceInput!) { ingestSource(input: $i) { id } }`, {
      i: { workspaceId, url, publisher: new URL(url).host, text },
    });
  const claimLinks = async () => {
    const data = await t.ok(LINKS, { id: workspaceId });
    const out: { text: string; links: LinkView[]; status: string }[] = [];
    for (const s of data.workspace.sources.edges)
      for (const c of s.node.claims.edges)
        out.push({ text: c.node.text, links: c.node.links, status: s.node.linkingStatus });
    return out;
  };
  const classifier = () => t.app.get(RELATION_CLASSIFIER) as RescoringClassifier;

  beforeAll(async () => {
    dir = writeTinyNliModel();
    t = await startTestApp({
      relationProvider: {
        kind: 'onnx-nli',
        dir,
        maxTokens: null,
        calibrationFile: null,
        perClaim: 8,
        batchSize: 4,
      },
    });
    workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "nli" }) { id } }`))
      .createWorkspace.id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('links with the model deciding, the built-in signals explaining, and the model recorded', async () => {
    await ingest(
      'https://a.example/1',
      'Two civilians were killed in the shelling of Dorvik on 19 September 2031, the ministry said. ' +
        'Officials denied that the Harlow bridge was closed on 3 May 2031.',
    );
    await ingest(
      'https://b.example/1',
      'Four civilians were killed in the shelling of Dorvik on 19 September 2031. ' +
        'The Harlow bridge was closed on 3 May 2031, officials said. ' +
        // Far longer than the model's 48 positions: must be cut, not fail the job.
        `Residents of Dorvik said the shelling on 19 September 2031 ${'damaged homes, shops, schools and roads across the district and '.repeat(6)}left many without power.`,
    );
    await waitForLinking(t, workspaceId, 60_000);
    const claims = await claimLinks();
    for (const c of claims) expect(c.status).toBe('DONE');
    const shelling = claims.find((c) => c.text.startsWith('Two civilians'))!;
    const four = shelling.links.find((l) => l.evidence.text.startsWith('Four civilians'))!;
    expect(four).toBeDefined();
    // The tiny model sees no contradiction cue here: neutral, so the linked pair is DISCUSSES
    // although the built-in stage alone says CONTRADICTS (2 vs 4 civilians).
    expect(four.relation).toBe('DISCUSSES');
    expect(four.method).toMatch(
      /^onnx-nli:tiny-nli-test@sha256:[0-9a-f]{12}\+claimtrace-relation@/,
    );
    expect(four.signals[0]!.kind).toBe('NLI_MODEL');
    expect(four.signals[0]!.detail).toMatch(/^tiny-nli-test: neutral/);
    expect(four.signals.some((s) => s.kind === 'QUANTITY_MISMATCH')).toBe(true);
    expect(four.confidence).toBeCloseTo(four.signals[0]!.weight, 6);

    const bridge = claims.find((c) => c.text.startsWith('Officials denied'))!;
    const closed = bridge.links.find((l) => l.evidence.text.startsWith('The Harlow bridge'))!;
    expect(closed.relation).toBe('CONTRADICTS');
    expect(closed.signals[0]!.detail).toMatch(/^tiny-nli-test: contradiction/);
  });

  it('caches answers by text hashes and model: a relink costs no model call', async () => {
    const c = classifier();
    const rows = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM relation_model_cache`,
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    const before = { ...c.stats };
    const sources = await t.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM source WHERE workspace_id = $1::uuid`,
      workspaceId,
    );
    for (const s of sources) await t.app.get(LinkingService).linkSource(s.id, SYSTEM_ACTOR);
    expect(c.stats.scored).toBe(before.scored);
    expect(c.stats.calls).toBe(before.calls);
    expect(c.stats.cacheHits).toBeGreaterThan(before.cacheHits);
  });

  it('scores new pairs in batches of RELATION_MODEL_BATCH, both orders giving one answer', async () => {
    const c = classifier();
    const before = { ...c.stats };
    const pairs = Array.from(
      { length: 6 },
      (_, i) =>
        [
          view(`Officials denied that bridge ${i + 100} in Harlow was closed on 3 May 2031.`),
          view(`Bridge ${i + 100} in Harlow was closed on 3 May 2031, officials said.`),
        ] as const,
    );
    const results = await c.classifyBatch(pairs);
    const rescored = c.stats.scored - before.scored;
    expect(rescored).toBeGreaterThan(4);
    expect(c.stats.calls - before.calls).toBe(Math.ceil(rescored / 4));
    const reversed = await c.classifyBatch(pairs.map(([a, b]) => [b, a] as const));
    expect(reversed.map((r) => r.relation)).toEqual(results.map((r) => r.relation));
    expect(c.stats.scored - before.scored).toBe(rescored);
  });

  it('a reviewed link keeps its decision when another provider relinks; the history keeps the model', async () => {
    const claims = await claimLinks();
    const link = claims.find((c) => c.text.startsWith('Officials denied'))!.links[0]!;
    await t.ok(`mutation($i: ReviewLinkInput!) { reviewLink(input: $i) { id status } }`, {
      i: { linkId: link.id, decision: 'CONFIRM' },
    });
    const other = await createApp(
      { ...loadConfig({}), databaseUrl: t.db.url, runWorker: false, linking: false },
      t.db.url,
    );
    try {
      const sources = await t.prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM source WHERE workspace_id = $1::uuid`,
        workspaceId,
      );
      const linking = other.get(LinkingService);
      expect(linking.method).toMatch(/^claimtrace-relation@/);
      for (const s of sources) await linking.linkSource(s.id, SYSTEM_ACTOR);
    } finally {
      await other.close();
    }
    const after = await t.prisma.$queryRawUnsafe<{ id: string; method: string; status: string }[]>(
      `SELECT id, method, status::text FROM claim_link`,
    );
    const reviewed = after.find((l) => l.id === link.id)!;
    expect(reviewed.status).toBe('CONFIRMED');
    expect(reviewed.method).toMatch(/^onnx-nli:/);
    expect(
      after
        .filter((l) => l.id !== link.id)
        .every((l) => l.method.startsWith('claimtrace-relation@')),
    ).toBe(true);
    const audit = await t.prisma.$queryRawUnsafe<
      { details: { rescored?: { before: { method: string } }[] } }[]
    >(
      `SELECT details FROM audit_event WHERE action = 'source.linked' AND method LIKE 'claimtrace-relation@%'`,
    );
    const before = audit.flatMap((a) => a.details.rescored ?? []).map((r) => r.before.method);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((m) => m.startsWith('onnx-nli:tiny-nli-test@sha256:'))).toBe(true);
  });

  it('refuses to start on a missing or broken model folder, saying what to fix', async () => {
    const config = {
      kind: 'onnx-nli',
      maxTokens: null,
      calibrationFile: null,
      perClaim: 8,
      batchSize: 4,
    } as const;
    await expect(
      createRelationClassifier({ ...config, dir: '/nonexistent/nli' }, t.prisma),
    ).rejects.toThrow(
      new ConfigError(
        'RELATION_MODEL_DIR=/nonexistent/nli is not a folder (see docs/models.md for the layout)',
      ),
    );
    expect(MAX_POSITIONS).toBeLessThan(100);
  });
});
