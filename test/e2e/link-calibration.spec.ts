/**
 * The stored confidence of a link between statements of longer sources is the calibrated one
 * (relation/link-calibration.ts); a claim check keeps the classifier's. Two services on
 * databases of their own link the same sources, one with LINK_CALIBRATION off, and their links
 * are compared pair by pair.
 */
import { loadModel } from '../../src/linking/relation/classifier.js';
import { calibratedConfidence } from '../../src/linking/relation/link-calibration.js';
import type { Relation } from '../../src/linking/relation/types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitForLinking } from '../support/wait.js';

const SOURCES = [
  {
    url: 'https://wire.example/ardell',
    publisher: 'Harrow Wire',
    publishedAt: '2094-05-12T10:00:00Z',
    text:
      'Ostrian forces shelled the town of Ardell on 10 May, killing seven civilians, local ' +
      'officials said. The shelling lasted about three hours, according to residents. The ' +
      'regional hospital said it had treated 21 wounded people. Ostria said it had struck only ' +
      'military positions.',
  },
  {
    url: 'https://ministry.example/ardell',
    publisher: 'Ostrian Defence Ministry',
    publishedAt: '2094-05-11T08:00:00Z',
    text:
      'On 10 May our artillery struck military positions near Ardell in an operation that ' +
      'lasted 40 minutes. Not a single civilian was harmed. Claims that seven civilians were ' +
      'killed in Ardell are false. The operation was completed without losses.',
  },
  {
    url: 'https://check-a.example/1',
    publisher: 'Check A',
    publishedAt: '2094-05-13T08:00:00Z',
    text: 'Seven civilians were killed when Ostrian forces shelled Ardell on 10 May.',
  },
  {
    url: 'https://check-b.example/1',
    publisher: 'Check B',
    publishedAt: '2094-05-13T09:00:00Z',
    text: 'Ostrian shelling of Ardell on 10 May killed two civilians.',
  },
];

interface StoredLink {
  a: string;
  b: string;
  relation: Relation;
  confidence: number;
  kinds: string[];
}

async function linkAll(t: TestApp): Promise<Map<string, StoredLink>> {
  const ws = (await t.ok(`mutation { createWorkspace(input: { name: "calibration" }) { id } }`))
    .createWorkspace.id;
  for (const s of SOURCES)
    await t.ok(`mutation($i: IngestSourceInput!) { ingestSource(input: $i) { id } }`, {
      i: { workspaceId: ws, ...s },
    });
  await waitForLinking(t, ws, 60_000);
  const rows = await t.prisma.$queryRawUnsafe<
    { a: string; b: string; relation: Relation; confidence: number; signals: unknown }[]
  >(
    `SELECT ca.text AS a, cb.text AS b, l.relation::text AS relation, l.confidence, l.signals
       FROM claim_link l JOIN claim ca ON ca.id = l.a_id JOIN claim cb ON cb.id = l.b_id`,
  );
  const out = new Map<string, StoredLink>();
  for (const r of rows) {
    const [a, b] = [r.a, r.b].sort() as [string, string];
    const kinds = (r.signals as { kind: string }[]).map((s) => s.kind);
    out.set(`${a}|${b}`, { a, b, relation: r.relation, confidence: r.confidence, kinds });
  }
  return out;
}

describe('calibrated link confidence', () => {
  let calibrated: TestApp;
  let raw: TestApp;
  let withCal: Map<string, StoredLink>;
  let withoutCal: Map<string, StoredLink>;

  beforeAll(async () => {
    calibrated = await startTestApp();
    raw = await startTestApp({ linkCalibration: false });
    withCal = await linkAll(calibrated);
    withoutCal = await linkAll(raw);
  });
  afterAll(async () => {
    await calibrated?.close();
    await raw?.close();
  });

  const sole = (text: string) => SOURCES.some((s) => s.text === text && !/\.\s/.test(s.text));

  it('changes confidences only, never which pairs are linked or how', () => {
    expect([...withCal.keys()].sort()).toEqual([...withoutCal.keys()].sort());
    for (const [k, l] of withCal) expect(l.relation).toBe(withoutCal.get(k)!.relation);
  });

  it("stores how often such links were right for longer sources' statements", () => {
    const cal = loadModel().linkCalibration!;
    const between = [...withCal].filter(([, l]) => !sole(l.a) && !sole(l.b));
    expect(between.length).toBeGreaterThan(2);
    let moved = 0;
    for (const [k, l] of between) {
      const before = withoutCal.get(k)!;
      expect(l.confidence).toBeCloseTo(
        calibratedConfidence(cal, before.relation, before.confidence, before.kinds),
        6,
      );
      if (Math.abs(l.confidence - before.confidence) > 0.01) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("keeps the classifier's confidence on a claim check (a sole statement on either side)", () => {
    const checks = [...withCal].filter(([, l]) => sole(l.a) || sole(l.b));
    expect(checks.length).toBeGreaterThan(0);
    for (const [k, l] of checks)
      expect(l.confidence).toBeCloseTo(withoutCal.get(k)!.confidence, 10);
  });
});
