/**
 * Evaluation through the service's own pipeline: sources go in through IngestService.ingest,
 * linking runs in the real linking queue (the app must run its worker), and every label is read
 * back from ComparisonService.compare, the same code behind GraphQL `compareSources`. Nothing
 * here classifies anything itself.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Actor } from '../../src/common/actor.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { ComparisonService } from '../../src/linking/comparison.service.js';
import type { Relation } from '../../src/linking/relation/types.js';
import { aggregateStance, defaultMinConfidence } from '../../src/linking/relation/stance.js';
import { MAX_BULK_INGEST, IngestService } from '../../src/ingest/ingest.service.js';
import { WorkspaceService } from '../../src/workspaces/workspace.service.js';
import {
  FILES,
  FRACTIONS,
  SPLIT_SEED,
  TEST_TOP_UP_SEED,
  loadStanceCorpus,
  storySplit,
  topUpUnrelated,
  unitHash,
  type RtePair,
  type StancePairRow,
} from './datasets.js';
import { relationToStance, type StanceLabel } from './metrics.js';
import { mulberry32 } from './random.js';

export const EVAL_ACTOR: Actor = { id: 'eval:service-eval', name: 'service-eval' };

/** Sources per IngestService.ingest call: as many as the service takes in one transaction. */
const INGEST_BATCH = MAX_BULK_INGEST;

export type Log = (line: string) => void;

// ------------------------------------------------------------------ held-out data

export interface FncHeldOut {
  bodies: Map<string, string>;
  /** Held-out pairs as the story split leaves them (few unrelated pairs). */
  natural: StancePairRow[];
  /** Plus random unrelated pairings inside the part, restoring FNC-1's share of unrelated. */
  extended: StancePairRow[];
  /** Headline groups in the part, and how many were taken. */
  groups: { total: number; used: number };
}

/**
 * The FNC-1 part that training never saw: the same storySplit, FRACTIONS and seed as
 * eval/train-relation.ts, and the same unrelated top-up as eval/relation-offline.ts. With
 * `limit`, only that many headline groups (a headline with every body it is paired with),
 * picked by a fixed hash, so a quick run is a deterministic subset of the full one.
 */
export function fncHeldOut(limit?: number, part: 'test' | 'val' = 'test'): FncHeldOut {
  const fnc = loadStanceCorpus(FILES.fncBodies, FILES.fncStances);
  const split = storySplit(fnc.pairs, FRACTIONS);
  const test = fnc.pairs.filter((p) => split.part(p) === part);
  const headlines = [...new Set(test.map((p) => p.headline))].sort(
    (a, b) => unitHash(a, SPLIT_SEED + 3) - unitHash(b, SPLIT_SEED + 3) || (a < b ? -1 : 1),
  );
  const keep =
    limit === undefined || limit >= headlines.length
      ? null
      : new Set(headlines.slice(0, Math.max(0, limit)));
  const natural = keep ? test.filter((p) => keep.has(p.headline)) : test;
  return {
    bodies: fnc.bodies,
    natural,
    extended: topUpUnrelated(natural, split, TEST_TOP_UP_SEED),
    groups: { total: headlines.length, used: keep ? keep.size : headlines.length },
  };
}

// ------------------------------------------------------------------ the service

/** PostgreSQL cannot store NUL and the service refuses C0 controls and lone surrogates. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/** What a client has to do before sending dataset text: drop characters the API refuses. */
export function cleanText(text: string): string {
  return text.toWellFormed().replace(FORBIDDEN, ' ').trim();
}

export interface IngestItem {
  workspaceId: string;
  text: string;
  title?: string;
  url?: string | null;
  publisher?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

/** How many links a check-worthy claim gets: the load a researcher has to read. */
export interface LinkLoad {
  /** Claims at or above the check-worthiness threshold. */
  claims: number;
  minCheckworthiness: number;
  linksPerClaim: number;
  claimsWithLink: number;
  /** The same counting only links at or above the display threshold. */
  minConfidence: number | null;
  shownPerClaim: number;
  claimsWithShown: number;
}

/** A stored link with its two statements and their sources' URLs. */
export interface StoredLink {
  relation: Relation;
  confidence: number;
  aText: string;
  aUrl: string | null;
  bText: string;
  bUrl: string | null;
  /** The kinds of the link's signals, strongest first. */
  signals: string[];
}

export interface PairReading {
  stance: Relation | null;
  /** Highest confidence among the links of the chosen relation; null without a stance. */
  confidence: number | null;
  links: { relation: Relation; confidence: number }[];
  /** The vote over the links listed at the display threshold only. */
  shownOnly: Relation | null;
}

export interface LinkingSummary {
  sources: number;
  failed: number;
  seconds: number;
}

export class ServicePipeline {
  private readonly workspaces: WorkspaceService;
  private readonly sources: IngestService;
  private readonly comparison: ComparisonService;
  private readonly prisma: PrismaService;

  constructor(
    app: Pick<INestApplicationContext, 'get'>,
    private readonly log: Log = () => undefined,
  ) {
    this.workspaces = app.get(WorkspaceService);
    this.sources = app.get(IngestService);
    this.comparison = app.get(ComparisonService);
    this.prisma = app.get(PrismaService);
  }

  async createWorkspace(name: string): Promise<string> {
    return (await this.workspaces.create(name)).id;
  }

  /** Ingests in batches; returns the source id of each item (identical texts share one). */
  async ingest(items: IngestItem[], label: string): Promise<string[]> {
    const ids: string[] = [];
    const started = Date.now();
    let last = 0;
    for (let i = 0; i < items.length; i += INGEST_BATCH) {
      const batch = items.slice(i, i + INGEST_BATCH);
      const written = await this.sources.ingest(
        batch.map((b) => ({ ...b, title: b.title ?? null })),
        EVAL_ACTOR,
      );
      ids.push(...written.map((w) => w.sourceId));
      if (Date.now() - last > 5000 || ids.length === items.length) {
        last = Date.now();
        this.log(`${label}: ingested ${ids.length}/${items.length} (${secondsSince(started)} s)`);
      }
    }
    return ids;
  }

  /**
   * Ingests `chunk` sources at a time and lets the job queue link each chunk before the next,
   * so the backlog stays short (the queue's sweeper re-enqueues sources PENDING for two
   * minutes; before it learnt to skip queued ones, a long backlog fed itself) and every round
   * sees the same workspace on every run.
   */
  async ingestAndLink(
    items: IngestItem[],
    label: string,
    workspaceIds: string[],
    chunk: number,
  ): Promise<{ ids: string[]; ingestSeconds: number; linking: LinkingSummary }> {
    const ids: string[] = [];
    let ingestSeconds = 0;
    const linking: LinkingSummary = { sources: 0, failed: 0, seconds: 0 };
    for (let i = 0; i < items.length; i += chunk) {
      const part = items.slice(i, i + chunk);
      const t = Date.now();
      ids.push(...(await this.ingest(part, `${label} ${i + part.length}/${items.length}`)));
      ingestSeconds += (Date.now() - t) / 1000;
      const l = await this.waitForLinking(
        workspaceIds,
        `${label} ${i + part.length}/${items.length}`,
      );
      linking.sources = l.sources;
      linking.failed = l.failed;
      linking.seconds = Math.round((linking.seconds + l.seconds) * 10) / 10;
    }
    return { ids, ingestSeconds, linking };
  }

  /**
   * Waits until no source of the workspaces is PENDING or RUNNING, i.e. the job queue has
   * linked them all. Fails when nothing moves for `stallMs`.
   */
  async waitForLinking(
    workspaceIds: string[],
    label: string,
    stallMs = 10 * 60_000,
  ): Promise<LinkingSummary> {
    const started = Date.now();
    let firstDone = -1;
    let lastOpen = -1;
    let lastChange = Date.now();
    let lastLog = 0;
    for (;;) {
      const rows = await this.prisma.$queryRawUnsafe<{ status: string; n: number }[]>(
        `SELECT linking_status::text AS status, count(*)::int AS n FROM source
          WHERE workspace_id = ANY($1::uuid[]) GROUP BY 1`,
        workspaceIds,
      );
      const count = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
      const total = rows.reduce((a, r) => a + r.n, 0);
      const open = count('PENDING') + count('RUNNING');
      const failed = count('FAILED');
      if (open !== lastOpen) {
        lastOpen = open;
        lastChange = Date.now();
      }
      const seconds = secondsSince(started);
      if (firstDone < 0) firstDone = total - open;
      if (open === 0 || Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        const done = total - open;
        const rate = seconds > 0 ? (done - firstDone) / seconds : 0;
        this.log(
          `${label}: linked ${done}/${total}${failed ? ` (${failed} failed)` : ''} in ${seconds} s` +
            (open > 0 && rate > 0 ? `, ~${Math.round(open / rate)} s left at this rate` : ''),
        );
      }
      if (open === 0) return { sources: total, failed, seconds };
      if (Date.now() - lastChange > stallMs) {
        throw new Error(`${label}: linking made no progress for ${stallMs / 1000} s`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  /** Links per check-worthy claim of the workspaces (every stored link touching the claim). */
  async linkLoad(
    workspaceIds: string[],
    minCheckworthiness: number,
    minConfidence: number | null,
  ): Promise<LinkLoad> {
    const rows = await this.prisma.$queryRawUnsafe<{ links: number; shown: number }[]>(
      `SELECT (SELECT count(*) FROM claim_link l WHERE l.a_id = c.id OR l.b_id = c.id)::int AS links,
              (SELECT count(*) FROM claim_link l WHERE (l.a_id = c.id OR l.b_id = c.id)
                  AND l.confidence >= $3)::int AS shown
         FROM claim c
        WHERE c.workspace_id = ANY($1::uuid[]) AND c.checkworthiness >= $2`,
      workspaceIds,
      minCheckworthiness,
      minConfidence ?? 0,
    );
    const n = rows.length || 1;
    const sum = (f: (r: { links: number; shown: number }) => number) =>
      rows.reduce((a, r) => a + f(r), 0);
    return {
      claims: rows.length,
      minCheckworthiness,
      linksPerClaim: sum((r) => r.links) / n,
      claimsWithLink: sum((r) => (r.links > 0 ? 1 : 0)),
      minConfidence,
      shownPerClaim: sum((r) => r.shown) / n,
      claimsWithShown: sum((r) => (r.shown > 0 ? 1 : 0)),
    };
  }

  /** Every stored link of a workspace with its statements' texts and source URLs. */
  async storedLinks(workspaceId: string): Promise<StoredLink[]> {
    return this.prisma.$queryRawUnsafe<StoredLink[]>(
      `SELECT l.relation::text AS relation, l.confidence, ca.text AS "aText", sa.url AS "aUrl",
              cb.text AS "bText", sb.url AS "bUrl",
              ARRAY(SELECT x->>'kind' FROM jsonb_array_elements(l.signals) x) AS signals
         FROM claim_link l
         JOIN claim ca ON ca.id = l.a_id JOIN source sa ON sa.id = l.a_source_id
         JOIN claim cb ON cb.id = l.b_id JOIN source sb ON sb.id = l.b_source_id
        WHERE l.workspace_id = $1::uuid`,
      workspaceId,
    );
  }

  /** Statements of a workspace with their source URLs (current revisions only). */
  async statements(workspaceId: string): Promise<{ text: string; url: string | null }[]> {
    return this.prisma.$queryRawUnsafe<{ text: string; url: string | null }[]>(
      `SELECT c.text, s.url FROM claim c JOIN source s ON s.id = c.source_id
        WHERE c.workspace_id = $1::uuid AND c.revision_id = s.current_revision_id`,
      workspaceId,
    );
  }

  /**
   * compareSources(left, right), reduced to what the evaluation scores: the stance the API
   * returns (read from every stored link, whatever minConfidence is) and every stored link.
   * `shownOnly` is the verdict the same vote gives over the links listed by default (the
   * display threshold applied), as compareSources read it before the stance was decoupled from
   * the threshold: kept to show what that reading cost.
   */
  async read(leftId: string, rightId: string): Promise<PairReading> {
    const c = await this.comparison.compare(leftId, rightId, 0);
    const links = [...c.corroborated, ...c.contradicted, ...c.discussed].map((p) => ({
      relation: p.link.relation,
      confidence: p.link.status === 'CONFIRMED' ? 1 : p.link.confidence,
    }));
    const display = defaultMinConfidence();
    return {
      stance: c.stance,
      confidence: c.stanceConfidence,
      links,
      shownOnly: aggregateStance(links.filter((l) => l.confidence >= display - 1e-9)),
    };
  }
}

function secondsSince(t: number): number {
  return Math.round((Date.now() - t) / 100) / 10;
}

// ------------------------------------------------------------------ FNC-1

/** Which side is linked last: its claims are the ones whose candidate search decides the links. */
export type IngestOrder = 'bodies-first' | 'headlines-first';

export interface StanceOutcome {
  headline: string;
  bodyId: string;
  gold: StanceLabel;
  /** compareSources' stance (read from every stored link, whatever minConfidence is). */
  pred: StanceLabel;
  /** The same vote over the links listed by default only (at or above the display threshold). */
  predShown?: StanceLabel;
  confidence: number | null;
  links: { relation: Relation; confidence: number }[];
}

export interface FncRun {
  order: IngestOrder;
  workspaceId: string;
  headlines: number;
  bodies: number;
  sources: number;
  ingestSeconds: number;
  linking: LinkingSummary[];
  compareSeconds: number;
  /** Pairs not scored: the body's text equals the headline's, so ingest made them one source. */
  identical: number;
  /** Outcomes of `extended` (the natural pairs are the ones with `natural: true`). */
  outcomes: (StanceOutcome & { natural: boolean })[];
}

/**
 * Ingests every headline (one-claim source) and body of `data` into one workspace, one side
 * after the other, letting the job queue link each side before the next goes in, then reads
 * compareSources(headline, body) for every pair.
 */
export async function evaluateFnc(
  pipe: ServicePipeline,
  data: FncHeldOut,
  options: { order?: IngestOrder; log?: Log; chunks?: { bodies: number; headlines: number } } = {},
): Promise<FncRun> {
  const order = options.order ?? 'bodies-first';
  // Sources per ingest-then-link round (see ServicePipeline.ingestAndLink).
  const chunks = options.chunks ?? { bodies: 20, headlines: 100 };
  const log = options.log ?? (() => undefined);
  const workspaceId = await pipe.createWorkspace(`FNC-1 held-out (${order})`);
  const headlines = [...new Set(data.extended.map((p) => p.headline))];
  const bodyIds = [...new Set(data.extended.map((p) => p.bodyId))];
  log(`FNC-1: ${headlines.length} headlines, ${bodyIds.length} bodies, ${order}`);

  const headlineSource = new Map<string, string>();
  const bodySource = new Map<string, string>();
  const linking: LinkingSummary[] = [];
  let ingestSeconds = 0;
  const ingestHeadlines = async () => {
    const r = await pipe.ingestAndLink(
      headlines.map((h) => ({ workspaceId, text: cleanText(h), title: 'FNC-1 headline' })),
      'FNC-1 headlines',
      [workspaceId],
      chunks.headlines,
    );
    ingestSeconds += r.ingestSeconds;
    headlines.forEach((h, i) => headlineSource.set(h, r.ids[i]));
    linking.push(r.linking);
  };
  const ingestBodies = async () => {
    const r = await pipe.ingestAndLink(
      bodyIds.map((b) => ({
        workspaceId,
        text: cleanText(data.bodies.get(b)!),
        title: `FNC-1 body ${b}`,
      })),
      'FNC-1 bodies',
      [workspaceId],
      chunks.bodies,
    );
    ingestSeconds += r.ingestSeconds;
    bodyIds.forEach((b, i) => bodySource.set(b, r.ids[i]));
    linking.push(r.linking);
  };
  if (order === 'bodies-first') {
    await ingestBodies();
    await ingestHeadlines();
  } else {
    await ingestHeadlines();
    await ingestBodies();
  }

  const natural = new Set(data.natural.map((p) => p.headline + '\u0000' + p.bodyId));
  const outcomes: FncRun['outcomes'] = [];
  const t = Date.now();
  let lastLog = Date.now();
  let identical = 0;
  for (const p of data.extended) {
    const left = headlineSource.get(p.headline)!;
    const right = bodySource.get(p.bodyId)!;
    // A body whose text is the headline's is the same source (ingest keeps one copy of a text):
    // there are not two sources to compare, so the pair is counted apart and not scored.
    if (left === right) {
      identical++;
      continue;
    }
    const r = await pipe.read(left, right);
    outcomes.push({
      predShown: relationToStance(r.shownOnly),
      headline: p.headline,
      bodyId: p.bodyId,
      gold: p.stance,
      pred: relationToStance(r.stance),
      confidence: r.confidence,
      links: r.links,
      natural: natural.has(p.headline + '\u0000' + p.bodyId),
    });
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`FNC-1: compared ${outcomes.length}/${data.extended.length} pairs`);
    }
  }
  log(
    `FNC-1: compared ${outcomes.length} pairs in ${secondsSince(t)} s` +
      (identical ? `; ${identical} pairs left out: the body's text is the headline's` : ''),
  );
  return {
    identical,
    order,
    workspaceId,
    headlines: headlines.length,
    bodies: bodyIds.length,
    sources: new Set([...headlineSource.values(), ...bodySource.values()]).size,
    ingestSeconds: Math.round(ingestSeconds * 10) / 10,
    linking,
    compareSeconds: secondsSince(t),
    outcomes,
  };
}

// ------------------------------------------------------------------ claim / evidence pairs

export interface RteOutcome {
  gold: RtePair['label'];
  /** compareSources' stance (read from every stored link, whatever minConfidence is). */
  pred: Relation | null;
  /** The same vote over the links listed by default only (at or above the display threshold). */
  predShown?: Relation | null;
  confidence: number | null;
}

/** One-sentence sources per ingest-then-link round: well under the sweeper's two minutes. */
const RTE_CHUNK = 100;

export interface RteRun {
  name: string;
  pairs: number;
  workspaceIds: string[];
  /** Pairs whose claim and evidence are the same text: one source, nothing to compare. */
  identical: number;
  linking: LinkingSummary[];
  outcomes: RteOutcome[];
}

/**
 * Each pair is two one-sentence sources in a workspace of its own, so a claim can only link to
 * its own evidence. Evidence goes in first and the claims after, so the claim's candidate
 * search, as for a new source checked against what is already there, decides the link.
 */
export async function evaluateRte(
  pipe: ServicePipeline,
  name: string,
  rows: RtePair[],
  options: { log?: Log } = {},
): Promise<RteRun> {
  const log = options.log ?? (() => undefined);
  log(`${name}: ${rows.length} pairs, one workspace each`);
  const workspaceIds: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    workspaceIds.push(await pipe.createWorkspace(`${name} pair ${i + 1}`));
  }
  const linking: LinkingSummary[] = [];
  const evidence = await pipe.ingestAndLink(
    rows.map((r, i) => ({ workspaceId: workspaceIds[i], text: cleanText(r.evidence) })),
    `${name} evidence`,
    workspaceIds,
    RTE_CHUNK,
  );
  linking.push(evidence.linking);
  const claims = await pipe.ingestAndLink(
    rows.map((r, i) => ({ workspaceId: workspaceIds[i], text: cleanText(r.claim) })),
    `${name} claims`,
    workspaceIds,
    RTE_CHUNK,
  );
  linking.push(claims.linking);

  const outcomes: RteOutcome[] = [];
  let identical = 0;
  for (let i = 0; i < rows.length; i++) {
    if (claims.ids[i] === evidence.ids[i]) {
      identical++;
      outcomes.push({ gold: rows[i].label, pred: null, predShown: null, confidence: null });
      continue;
    }
    const r = await pipe.read(claims.ids[i], evidence.ids[i]);
    outcomes.push({
      gold: rows[i].label,
      pred: r.stance,
      predShown: r.shownOnly,
      confidence: r.confidence,
    });
  }
  return { name, pairs: rows.length, workspaceIds, identical, linking, outcomes };
}

/**
 * FNC-1 pairs each in a workspace of its own (the body, then its headline), as a user checking
 * a sample of pairs would send them, rather than one workspace per story part: `perClass` pairs
 * of each gold stance, drawn (seeded) from the natural pairs given. Scored like evaluateFnc.
 */
export async function evaluateFncApart(
  pipe: ServicePipeline,
  data: FncHeldOut,
  perClass: number,
  options: { log?: Log } = {},
): Promise<{
  outcomes: StanceOutcome[];
  workspaceIds: string[];
  identical: number;
  linking: LinkingSummary[];
}> {
  const random = mulberry32(SPLIT_SEED + 17);
  const rows: StancePairRow[] = [];
  for (const stance of ['agree', 'disagree', 'discuss', 'unrelated'] as const) {
    const of = data.natural.filter((p) => p.stance === stance);
    // A seeded shuffle, so each run draws the same sample.
    for (let i = of.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [of[i], of[j]] = [of[j]!, of[i]!];
    }
    rows.push(...of.slice(0, perClass));
  }
  const run = await evaluateRte(
    pipe,
    'FNC-1 pairs apart',
    rows.map((p) => ({
      claim: p.headline,
      evidence: data.bodies.get(p.bodyId)!,
      label: 'none',
      group: p.bodyId,
    })),
    options,
  );
  const outcomes = run.outcomes.map((o, i) => ({
    headline: rows[i]!.headline,
    bodyId: rows[i]!.bodyId,
    gold: rows[i]!.stance,
    pred: relationToStance(o.pred),
    predShown: relationToStance(o.predShown ?? null),
    confidence: o.confidence,
    links: [],
  }));
  return {
    outcomes,
    workspaceIds: run.workspaceIds,
    identical: run.identical,
    linking: run.linking,
  };
}
