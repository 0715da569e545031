import { SYSTEM_ACTOR } from '../../src/common/actor.js';
import { extractFacets } from '../../src/claims/extraction/facets.js';
import type { RelationProviderConfig } from '../../src/config/env.js';
import { LinkingService } from '../../src/linking/linking.service.js';
import { runInLinkScope } from '../../src/linking/providers/link-scope.js';
import type { RescoringClassifier } from '../../src/linking/providers/rescoring.classifier.js';
import { RELATION_CLASSIFIER } from '../../src/linking/relation-classifier.provider.js';
import { startFakeLlm, type FakeLlm, type FakeVerdict } from '../support/fake-llm-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitForLinking } from '../support/wait.js';

const LINKS = `query($id: ID!) { workspace(id: $id) { sources(first: 10) { edges { node { linkingStatus
  claims(minCheckworthiness: 0) { edges { node { text
    links(minConfidence: 0) { relation confidence method evidence { text } signals { kind detail left right weight } } } } } } } } } }`;

/** Quotes real words for the shelling pair; invents a quote for the bridge pair. */
function judge(a: string, b: string): FakeVerdict {
  if (a.includes('Dorvik') && b.includes('Dorvik')) {
    const qa = /\w+ civilians were killed/.exec(a)?.[0] ?? '';
    const qb = /\w+ civilians were killed/.exec(b)?.[0] ?? '';
    return {
      relation: 'CONTRADICTS',
      quote_a: qa,
      quote_b: qb,
      reason: 'Different death tolls.',
      confidence: 0.93,
    };
  }
  if (a.includes('Harlow') && b.includes('Harlow')) {
    return {
      relation: 'CORROBORATES',
      quote_a: 'the tunnel collapsed',
      quote_b: 'bridge',
      reason: 'Same closure.',
    };
  }
  return { relation: 'UNRELATED', quote_a: '', quote_b: '', reason: 'Different topics.' };
}

const llmConfig = (
  url: string,
  overrides: Partial<RelationProviderConfig & { kind: 'llm' }> = {},
): RelationProviderConfig => ({
  kind: 'llm',
  url,
  model: 'test-model',
  apiKey: 'sk-test',
  budgetPairs: 1000,
  maxRetries: 3,
  backoffMs: 5,
  timeoutMs: 5000,
  perClaim: 8,
  batchSize: 3,
  ...overrides,
});

interface LinkView {
  relation: string;
  confidence: number;
  method: string;
  evidence: { text: string };
  signals: {
    kind: string;
    detail: string;
    left: string | null;
    right: string | null;
    weight: number;
  }[];
}

async function linksByClaim(t: TestApp, workspaceId: string) {
  const data = await t.ok(LINKS, { id: workspaceId });
  const out = new Map<string, LinkView[]>();
  for (const s of data.workspace.sources.edges) {
    expect(s.node.linkingStatus).toBe('DONE');
    for (const c of s.node.claims.edges) out.set(c.node.text, c.node.links);
  }
  return out;
}

const TEXT_A =
  'Two civilians were killed in the shelling of Dorvik on 19 September 2031, the ministry said. ' +
  'The Harlow bridge was closed on 3 May 2031 after the storm.';
const TEXT_B =
  'Four civilians were killed in the shelling of Dorvik on 19 September 2031. ' +
  'The Harlow bridge was closed on 3 May 2031, officials said.';

describe('an OpenAI-compatible endpoint re-scores the built-in stage', () => {
  let llm: FakeLlm;
  let t: TestApp;
  let workspaceId: string;

  beforeAll(async () => {
    llm = await startFakeLlm(judge);
    t = await startTestApp({ relationProvider: llmConfig(llm.url) });
    workspaceId = (await t.ok(`mutation { createWorkspace(input: { name: "llm" }) { id } }`))
      .createWorkspace.id;
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });

  it('retries 429 and 500 with backoff, uses verdicts whose quotes are in the texts, and refuses the others', async () => {
    llm.failNext = [429, 500];
    for (const [url, text] of [
      ['https://a.example/1', TEXT_A],
      ['https://b.example/1', TEXT_B],
    ])
      await t.ok(`mutation($i: IngestSourceInput!) { ingestSource(input: $i) { id } }`, {
        i: { workspaceId, url, publisher: new URL(url).host, text },
      });
    await waitForLinking(t, workspaceId, 60_000);
    expect(llm.requests.slice(0, 3).map((r) => r.status)).toEqual([429, 500, 200]);
    expect(
      llm.requests.every((r) => r.authorization === 'Bearer sk-test' && r.model === 'test-model'),
    ).toBe(true);
    expect(Math.max(...llm.requests.map((r) => r.pairs))).toBeLessThanOrEqual(3);

    const links = await linksByClaim(t, workspaceId);
    const shelling = [...links.entries()].find(([text]) => text.startsWith('Two civilians'))![1];
    const four = shelling.find((l) => l.evidence.text.startsWith('Four civilians'))!;
    expect(four.method).toMatch(/^llm:test-model@p1\+claimtrace-relation@/);
    expect(four.relation).toBe('CONTRADICTS');
    expect(four.confidence).toBeCloseTo(0.93, 6);
    expect(four.signals[0]).toMatchObject({
      kind: 'LLM_VERDICT',
      left: 'Two civilians were killed',
      right: 'Four civilians were killed',
    });
    expect(four.signals[0]!.detail).toContain('Different death tolls.');
    expect(four.signals.some((s) => s.kind === 'QUANTITY_MISMATCH')).toBe(true);

    const bridge = [...links.entries()].find(([text]) =>
      text.startsWith('The Harlow bridge was closed on 3 May 2031 after'),
    )![1];
    const closed = bridge.find((l) => l.evidence.text.startsWith('The Harlow bridge'))!;
    expect(closed.signals[0]!.kind).toBe('MODEL_SKIPPED');
    expect(closed.signals[0]!.detail).toContain(
      '"the tunnel collapsed", which is not in the statement',
    );
    expect(closed.signals.some((s) => s.kind === 'LLM_VERDICT')).toBe(false);
  });

  it('a relink asks the endpoint nothing: answers are cached by text hashes and model', async () => {
    const before = llm.requests.length;
    const rows = await t.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM source WHERE workspace_id = $1::uuid`,
      workspaceId,
    );
    for (const r of rows) await t.app.get(LinkingService).linkSource(r.id, SYSTEM_ACTOR);
    expect(llm.requests.length).toBe(before);
    const cached = await t.prisma.$queryRawUnsafe<{ scorer_id: string }[]>(
      `SELECT DISTINCT scorer_id FROM relation_model_cache`,
    );
    expect(cached.map((c) => c.scorer_id)).toEqual(['llm:test-model@p1']);
  });
});

describe('the per-workspace budget and an endpoint that stays down', () => {
  let llm: FakeLlm;
  let t: TestApp;
  const view = (text: string) => ({ text, facets: extractFacets(text) });
  const pair = (n: number) =>
    [
      view(`${n} civilians were killed in the shelling of Dorvik on 19 September 2031.`),
      view(`${n + 1} civilians were killed in the shelling of Dorvik on 19 September 2031.`),
    ] as const;

  beforeAll(async () => {
    llm = await startFakeLlm(judge);
    t = await startTestApp({
      relationProvider: llmConfig(llm.url, { budgetPairs: 2, maxRetries: 1 }),
      linking: false,
    });
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });

  it('sends at most the budget per workspace, then keeps the built-in decision and says why', async () => {
    const c = t.app.get(RELATION_CLASSIFIER) as RescoringClassifier;
    const first = await runInLinkScope({ workspaceId: 'w1' }, () =>
      c.classifyBatch([pair(10), pair(20), pair(30)]),
    );
    expect(first.map((r) => r.signals[0]!.kind)).toEqual([
      'LLM_VERDICT',
      'LLM_VERDICT',
      'MODEL_SKIPPED',
    ]);
    expect(first[2]!.signals[0]!.detail).toContain('budget for this workspace is spent');
    expect(first[2]!.relation).toBe('CONTRADICTS'); // the built-in stage's own decision
    // Another workspace has its own budget; cached pairs cost nothing in either.
    const second = await runInLinkScope({ workspaceId: 'w2' }, () =>
      c.classifyBatch([pair(10), pair(40)]),
    );
    expect(second.map((r) => r.signals[0]!.kind)).toEqual(['LLM_VERDICT', 'LLM_VERDICT']);
    const usage = await t.prisma.$queryRawUnsafe<{ scope: string; pairs: number }[]>(
      `SELECT scope, pairs FROM relation_model_usage ORDER BY scope`,
    );
    expect(usage).toEqual([
      { scope: 'w1', pairs: 2 },
      { scope: 'w2', pairs: 1 },
    ]);
  });

  it('after the retries run out, the batch keeps the built-in decisions and nothing is cached', async () => {
    const c = t.app.get(RELATION_CLASSIFIER) as RescoringClassifier;
    llm.failNext = [503, 503];
    const before = llm.requests.length;
    const [r] = await runInLinkScope({ workspaceId: 'w3' }, () => c.classifyBatch([pair(50)]));
    expect(llm.requests.length - before).toBe(2);
    expect(r!.signals[0]!.kind).toBe('MODEL_SKIPPED');
    expect(r!.signals[0]!.detail).toContain('no answer from the model');
    const [again] = await runInLinkScope({ workspaceId: 'w3' }, () => c.classifyBatch([pair(50)]));
    expect(again!.signals[0]!.kind).toBe('LLM_VERDICT');
  });
});
