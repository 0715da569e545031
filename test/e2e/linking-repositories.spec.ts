/**
 * The linking repositories on real PostgreSQL: candidate retrieval is bounded per claim and
 * the same in a batch as alone; link replacement keeps reviewed and human links, is
 * idempotent, and a batch equals its runs one by one; the queue claims fairly across
 * workspaces, never twice, re-claims a lost worker's sources and gives up after three attempts.
 */
import pg from 'pg';
import { SYSTEM_ACTOR } from '../../src/common/actor.js';
import { ClaimRepository } from '../../src/claims/claim.repository.js';
import {
  CandidateRepository,
  type CandidateQuery,
} from '../../src/linking/candidates/candidate.repository.js';
import { queryTerms } from '../../src/linking/candidates/query-terms.js';
import {
  LINKING_CHANNEL,
  LinkingQueueRepository,
} from '../../src/linking/jobs/linking-queue.repository.js';
import { LinkRepository, type LinkRun } from '../../src/linking/link.repository.js';
import {
  CANDIDATE_LIMITS,
  LinkingService,
  MIN_LINKABLE_CHECKWORTHINESS,
  MAX_PAIRS_PER_CLAIM,
  SOLE_PAIRS_PER_SOURCE,
  SOLE_STATEMENT_BUDGET,
} from '../../src/linking/linking.service.js';
import { bestCandidates } from '../../src/linking/candidates/rank.js';
import { idfTable } from '../../src/linking/relation/model.js';
import { SHORT_SOURCE_STATEMENTS, loadModel } from '../../src/linking/relation/classifier.js';
import { IngestService } from '../../src/ingest/ingest.service.js';
import { WorkspaceService } from '../../src/workspaces/workspace.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('linking repositories', () => {
  let t: TestApp;
  const idf = idfTable(loadModel());

  beforeAll(async () => {
    // Linking on (sources start PENDING) but no worker: the tests drive the queue themselves.
    t = await startTestApp({ linking: true, runWorker: false, linkJobHeartbeatSeconds: 10 });
  });
  afterAll(async () => {
    await t.close();
  });

  /** The statements counted with no linkable companion in their revision: the sole ones, sorted. */
  const soleOf = (others: Map<string, number>) =>
    [...others]
      .filter(([, n]) => n === 0)
      .map(([id]) => id)
      .sort();
  const workspace = async (name: string) => (await t.app.get(WorkspaceService).create(name)).id;
  const ingest = async (workspaceId: string, texts: string[], prefix = 'https://x.example/') =>
    (
      await t.app.get(IngestService).ingest(
        texts.map((text, i) => ({
          workspaceId,
          text,
          url: `${prefix}${workspaceId}/${i}`,
          publisher: `Outlet ${i}`,
        })),
        SYSTEM_ACTOR,
      )
    ).map((r) => ({ sourceId: r.sourceId, revisionId: r.revisionId }));
  const claimsOf = async (revisionId: string) =>
    (await t.app.get(CandidateRepository).statementsOfRevisions([revisionId])).get(revisionId)!;
  /** A claim's candidates with a one-statement source's budget. */
  const soleCandidates = async (workspaceId: string, claim: CandidateQuery) =>
    (
      await t.app
        .get(CandidateRepository)
        .candidates(workspaceId, [{ ...claim, scale: SOLE_STATEMENT_BUDGET }], 0, CANDIDATE_LIMITS)
    ).get(claim.claimId)!;
  const query = async (revisionId: string): Promise<CandidateQuery[]> =>
    (await claimsOf(revisionId)).map((s) => ({
      claimId: s.id,
      sourceId: s.sourceId,
      terms: queryTerms(s.text, idf),
      facetKeys: s.facetKeys,
    }));

  describe('CandidateRepository', () => {
    let ws: string;
    let refs: { sourceId: string; revisionId: string }[];
    beforeAll(async () => {
      ws = await workspace('candidates');
      // One story told by 60 outlets, each article three times over: far more matches than any
      // bound, as when a story gathers hundreds of articles.
      const sentence = (i: number) =>
        `Rebels shelled the Dorvik granary on 18 September 2031, killing ${i % 7} farmers, the governor of Veshnar said.`;
      refs = await ingest(
        ws,
        Array.from({ length: 60 }, (_, i) =>
          [
            sentence(i),
            `Witnesses in Dorvik said the granary shelling lasted ${i} hours.`,
            sentence(i + 1),
          ].join(' '),
        ),
      );
      await t.app.get(CandidateRepository).mergePendingIndexEntries();
    });

    it('bounds the candidates of each claim, however many statements match', async () => {
      const queries = await query(refs[0]!.revisionId);
      const found = await t.app
        .get(CandidateRepository)
        .candidates(ws, queries, 0, CANDIDATE_LIMITS);
      const bound =
        CANDIDATE_LIMITS.fullText +
        CANDIDATE_LIMITS.facets +
        CANDIDATE_LIMITS.nearCopies +
        CANDIDATE_LIMITS.frames;
      expect(found.size).toBeGreaterThan(0);
      for (const [, list] of found) {
        expect(list.length).toBeGreaterThan(0);
        expect(list.length).toBeLessThanOrEqual(bound);
        expect(list.every((s) => s.sourceId !== refs[0]!.sourceId)).toBe(true);
        expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
      }
    });

    it("gives a one-statement source's claim a larger budget, still bounded", async () => {
      const repo = t.app.get(CandidateRepository);
      const [claim] = await query(refs[0]!.revisionId);
      const plain = (await repo.candidates(ws, [claim!], 0, CANDIDATE_LIMITS)).get(claim!.claimId)!;
      const scaled = await soleCandidates(ws, claim!);
      // 60 outlets match: the plain budget binds, the scaled one reaches further.
      expect(plain.length).toBeLessThan(scaled.length);
      expect(new Set(scaled.map((s) => s.sourceId)).size).toBeGreaterThan(
        new Set(plain.map((s) => s.sourceId)).size,
      );
      // Full text by word pairs and by any one word, frames: each scaled.
      const bound =
        SOLE_STATEMENT_BUDGET * (2 * CANDIDATE_LIMITS.fullText + CANDIDATE_LIMITS.frames) +
        CANDIDATE_LIMITS.facets +
        CANDIDATE_LIMITS.nearCopies;
      expect(scaled.length).toBeLessThanOrEqual(bound);
      // What plain found is kept: the larger budget only adds.
      const ids = new Set(scaled.map((s) => s.id));
      expect(plain.filter((s) => !ids.has(s.id)).length).toBeLessThanOrEqual(
        CANDIDATE_LIMITS.facets,
      );
    });

    it("finds a one-statement source's story by one shared rare word, each source's best line", async () => {
      const repo = t.app.get(CandidateRepository);
      const small = await workspace('one word');
      // Each article shares only "cholera" with the headline: no word pair, no facet key.
      const articles = await ingest(
        small,
        Array.from(
          { length: 6 },
          (_, i) =>
            `Doctors confirmed cholera among the fighters held in camp ${i + 1}. ` +
            `Aid workers said cholera spread through the camp wells. ` +
            `The ministry will publish figures next week.`,
        ),
      );
      const [headline] = await ingest(
        small,
        ['Vrelsk militia getting cholera'],
        'https://h.example/',
      );
      const [claim] = await query(headline!.revisionId);
      const plain = (await repo.candidates(small, [claim!], 0, CANDIDATE_LIMITS)).get(
        claim!.claimId,
      );
      expect(plain ?? []).toEqual([]);
      const scaled = await soleCandidates(small, claim!);
      // One line per article: the best of its two cholera lines.
      expect(new Set(scaled.map((s) => s.sourceId))).toEqual(
        new Set(articles.map((a) => a!.sourceId)),
      );
      expect(scaled).toHaveLength(articles.length);
      expect(scaled.every((s) => /cholera/.test(s.text))).toBe(true);
    });

    it('links a headline to more sources than an article line, at most the budget', async () => {
      const small = await workspace('headline budget');
      const story = (i: number) =>
        `Rebels shelled the Dorvik granary on 18 September 2031, killing ${i % 7} farmers, the governor said. Witnesses in Dorvik counted ${i} craters near the granary.`;
      await ingest(
        small,
        Array.from({ length: 50 }, (_, i) => story(i)),
      );
      const [headline] = await ingest(
        small,
        ['Rebels shelled the Dorvik granary, killing farmers, the governor said.'],
        'https://headline.example/',
      );
      const run = await t.app.get(LinkingService).linkSource(headline!.sourceId, SYSTEM_ACTOR);
      expect(run!.pairs).toBeGreaterThan(MAX_PAIRS_PER_CLAIM);
      expect(run!.pairs).toBeLessThanOrEqual(SOLE_STATEMENT_BUDGET * MAX_PAIRS_PER_CLAIM);
    });

    it('gives each claim the same candidates in a batch as alone', async () => {
      const repo = t.app.get(CandidateRepository);
      const a = await query(refs[1]!.revisionId);
      const b = await query(refs[2]!.revisionId);
      const together = await repo.candidates(ws, [...a, ...b], 0, CANDIDATE_LIMITS);
      const alone = new Map([
        ...(await repo.candidates(ws, a, 0, CANDIDATE_LIMITS)),
        ...(await repo.candidates(ws, b, 0, CANDIDATE_LIMITS)),
      ]);
      const ids = (m: typeof alone) =>
        [...m.entries()]
          .map(
            ([k, v]) =>
              `${k}:${v
                .map((s) => s.id)
                .sort()
                .join(',')}`,
          )
          .sort();
      expect(ids(together)).toEqual(ids(alone));
    });

    it('lists every statement of a small workspace, and nothing of a larger one', async () => {
      const repo = t.app.get(CandidateRepository);
      const small = await workspace('small');
      await ingest(small, ['The bridge reopened on Monday.', 'Traffic crossed the river again.']);
      expect((await repo.allIfFew(small, 0, 38))!.map((r) => r.text).sort()).toEqual([
        'The bridge reopened on Monday.',
        'Traffic crossed the river again.',
      ]);
      // The story workspace above holds far more than 38 statements: no exhaustive pairing.
      expect(await repo.allIfFew(ws, 0, 38)).toBeNull();
    });

    it('pairs the statements of two small sources that share no rare word', async () => {
      const small = await workspace('pair-all');
      const [, b] = await ingest(small, [
        'The bridge reopened on Monday.',
        'Traffic crossed the river again.',
      ]);
      // The bounded search alone proposes nothing: the two sentences share no rare word.
      const found = await t.app
        .get(CandidateRepository)
        .candidates(small, await query(b!.revisionId), 0.15, CANDIDATE_LIMITS);
      expect([...found.values()].flat()).toHaveLength(0);
      const run = await t.app.get(LinkingService).linkSource(b!.sourceId, SYSTEM_ACTOR);
      expect(run!.pairs).toBe(1);
    });

    it("links a one-sentence source however low it scores, and keeps an article's low-scoring lines out", async () => {
      const repo = t.app.get(CandidateRepository);
      const small = await workspace('sole statements');
      const [single, article] = await ingest(small, [
        'A man is playing a guitar on a stage.',
        'A man is playing a guitar on a stage. The Dorvik granary was shelled on Monday night, killing three farmers.',
      ]);
      // Pin the scores below the floor, whatever the extractor gives these lines.
      await t.prisma.$executeRawUnsafe(
        `UPDATE claim SET checkworthiness = 0.05 WHERE revision_id = ANY($1::uuid[]) AND sentence_index = 0`,
        [single!.revisionId, article!.revisionId],
      );
      const listed = (await repo.allIfFew(small, 0.15, 38))!.map((r) => r.sourceId);
      expect(listed.filter((id) => id === single!.sourceId)).toHaveLength(1);
      // The article's own low-scoring first line is left out; its other line is listed.
      expect(listed.filter((id) => id === article!.sourceId)).toHaveLength(1);
      const run = await t.app.get(LinkingService).linkSource(single!.sourceId, SYSTEM_ACTOR);
      expect(run!.pairs).toBe(1);
    });

    it('answers two one-sentence sources as a claim check, and only those', async () => {
      const repo = t.app.get(CandidateRepository);
      const small = await workspace('claim check');
      const [claim, evidence, article] = await ingest(small, [
        'The vaccine was approved in March.',
        'Officials discussed the vaccine budget.',
        'Officials discussed the vaccine budget on Friday. The Dorvik granary was shelled on Monday night, killing three farmers. ' +
          'Roads to the valley reopened on Tuesday. Schools in Dorvik opened on Wednesday. ' +
          'The market traded again on Thursday. Flights to the capital resumed on Saturday.',
      ]);
      const [c] = await claimsOf(claim!.revisionId);
      const [e] = await claimsOf(evidence!.revisionId);
      const articleLines = await claimsOf(article!.revisionId);
      // An article longer than a short passage, every line linkable whatever the extractor scores.
      expect(articleLines.length).toBeGreaterThan(SHORT_SOURCE_STATEMENTS);
      await t.prisma.$executeRawUnsafe(
        `UPDATE claim SET checkworthiness = 0.6 WHERE revision_id = $1::uuid`,
        article!.revisionId,
      );
      const others = await repo.companions(
        [c!.id, e!.id, ...articleLines.map((s) => s.id)],
        MIN_LINKABLE_CHECKWORTHINESS,
        SHORT_SOURCE_STATEMENTS,
      );
      expect(soleOf(others)).toEqual([c!.id, e!.id].sort());
      // Each line of the article counts the others, up to the cap.
      for (const line of articleLines) expect(others.get(line.id)).toBe(SHORT_SOURCE_STATEMENTS);

      for (const ref of [evidence!, article!, claim!])
        await t.app.get(LinkingService).linkSource(ref.sourceId, SYSTEM_ACTOR);
      const links = await t.prisma.$queryRawUnsafe<
        { other: string; relation: string; kinds: string[] }[]
      >(
        `SELECT CASE WHEN a_id = $1::uuid THEN b_id ELSE a_id END::text AS other, relation::text,
                ARRAY(SELECT s->>'kind' FROM jsonb_array_elements(signals) s) AS kinds
           FROM claim_link WHERE a_id = $1::uuid OR b_id = $1::uuid`,
        c!.id,
      );
      const check = links.find((l) => l.other === e!.id);
      expect(check?.relation).toMatch(/^(CORROBORATES|CONTRADICTS)$/);
      expect(check?.kinds).toContain('CLAIM_CHECK');
      // Against an article's line the classifier's own answer stands (here: no link).
      const lines = new Set(articleLines.map((s) => s.id));
      expect(links.filter((l) => lines.has(l.other) && l.kinds.includes('CLAIM_CHECK'))).toEqual(
        [],
      );
    });

    it('reads a claim against a short passage as a claim check, whichever is linked first', async () => {
      const passage = [
        'The Closer Look show began its eighth and final season in July 2030.',
        'The network moved the show to Friday nights in its last year.',
        'Its ratings fell by a third after the move.',
      ];
      for (const order of ['passage first', 'claim first'] as const) {
        const small = await workspace(`passage ${order}`);
        const [claim, text] = await ingest(small, [
          'The Closer Look show ran for seven seasons.',
          passage.join(' '),
        ]);
        const lines = await claimsOf(text!.revisionId);
        expect(lines.map((l) => l.text)).toEqual(passage);
        // Pin every line above the floor, whatever the extractor scores them.
        await t.prisma.$executeRawUnsafe(
          `UPDATE claim SET checkworthiness = 0.6 WHERE revision_id = $1::uuid`,
          text!.revisionId,
        );
        const refs = order === 'passage first' ? [text!, claim!] : [claim!, text!];
        for (const ref of refs)
          await t.app.get(LinkingService).linkSource(ref.sourceId, SYSTEM_ACTOR);
        const [c] = await claimsOf(claim!.revisionId);
        const links = await t.prisma.$queryRawUnsafe<
          { other: string; relation: string; details: string[] }[]
        >(
          `SELECT CASE WHEN a_id = $1::uuid THEN b_id ELSE a_id END::text AS other, relation::text,
                  ARRAY(SELECT s->>'detail' FROM jsonb_array_elements(signals) s
                         WHERE s->>'kind' = 'CLAIM_CHECK') AS details
             FROM claim_link WHERE a_id = $1::uuid OR b_id = $1::uuid`,
          c!.id,
        );
        const first = links.find((l) => l.other === lines[0]!.id);
        expect(first?.relation).toMatch(/^(CORROBORATES|CONTRADICTS)$/);
        expect(first?.details.join(' ')).toMatch(/a line of a 3-statement passage/);
      }
    });

    it("counts a revision's other linkable statements only up to the cap", async () => {
      const small = await workspace('companions cap');
      const [article] = await ingest(small, [
        'Officials met on Monday. Talks resumed on Tuesday. Roads reopened on Wednesday. ' +
          'Schools opened on Thursday. Markets traded on Friday. Flights resumed on Saturday. ' +
          'Crowds gathered on Sunday.',
      ]);
      const lines = await claimsOf(article!.revisionId);
      await t.prisma.$executeRawUnsafe(
        `UPDATE claim SET checkworthiness = 0.6 WHERE revision_id = $1::uuid`,
        article!.revisionId,
      );
      const repo = t.app.get(CandidateRepository);
      const ids = lines.map((l) => l.id);
      const all = await repo.companions(ids, MIN_LINKABLE_CHECKWORTHINESS, 100);
      expect([...all.values()]).toEqual(ids.map(() => lines.length - 1));
      const capped = await repo.companions(ids, MIN_LINKABLE_CHECKWORTHINESS, 3);
      expect([...capped.values()]).toEqual(ids.map(() => 3));
    });

    it('reads a headline with a split-off kicker ("WATCH:") as a one-claim source', async () => {
      const repo = t.app.get(CandidateRepository);
      const small = await workspace('kicker');
      const [headline] = await ingest(small, ['WATCH: Officials discussed the vaccine budget.']);
      const lines = await claimsOf(headline!.revisionId);
      expect(lines.map((l) => l.text)).toEqual([
        'WATCH:',
        'Officials discussed the vaccine budget.',
      ]);
      // Pin the kicker below the floor and the claim above it, whatever the extractor gives.
      await t.prisma.$executeRawUnsafe(
        `UPDATE claim SET checkworthiness = CASE WHEN sentence_index = 0 THEN 0.05 ELSE 0.6 END
          WHERE revision_id = $1::uuid`,
        headline!.revisionId,
      );
      const sole = soleOf(
        await repo.companions(
          lines.map((l) => l.id),
          MIN_LINKABLE_CHECKWORTHINESS,
          SHORT_SOURCE_STATEMENTS,
        ),
      );
      expect(sole).toEqual([lines[1]!.id]);
      // Two linkable lines are an article: neither is a one-claim source.
      await t.prisma.$executeRawUnsafe(
        `UPDATE claim SET checkworthiness = 0.6 WHERE revision_id = $1::uuid`,
        headline!.revisionId,
      );
      expect(
        soleOf(
          await repo.companions(
            lines.map((l) => l.id),
            MIN_LINKABLE_CHECKWORTHINESS,
            SHORT_SOURCE_STATEMENTS,
          ),
        ),
      ).toEqual([]);
    });

    it('matches any opaque facet key the two statements share (with one rare word)', async () => {
      const [target] = await claimsOf(refs[4]!.revisionId);
      // A key no extractor makes today (another kind of facet, such as an event frame). The
      // words alone find nothing (no statement has both), so only the key can bring it.
      await t.prisma.$executeRawUnsafe(
        `UPDATE claim SET facet_keys = facet_keys || ARRAY['frame:opaque-test'] WHERE id = $1::uuid`,
        target!.id,
      );
      await t.app.get(CandidateRepository).mergePendingIndexEntries();
      const [claim] = await query(refs[5]!.revisionId);
      const probe = { ...claim!, terms: ['granary', 'zzzqx'], facetKeys: ['frame:opaque-test'] };
      const found = await t.app
        .get(CandidateRepository)
        .candidates(ws, [probe], 0, CANDIDATE_LIMITS);
      expect((found.get(claim!.claimId) ?? []).map((s) => s.id)).toEqual([target!.id]);
    });
  });

  describe('ClaimRepository.rekeyWorkspace', () => {
    it("gives statements of an older extractor this build's retrieval keys, and nothing else", async () => {
      const ws2 = await workspace('rekey');
      const [ref] = await ingest(ws2, [
        'The Ostrian offensive began on 20 September 2031, when artillery shelled Halden. Rain fell.',
      ]);
      const read = () =>
        t.prisma.$queryRawUnsafe<
          { id: string; facet_keys: string[]; facets: unknown; extractor: string }[]
        >(
          `SELECT id, facet_keys, facets, extractor FROM claim WHERE revision_id = $1::uuid ORDER BY sentence_index`,
          ref!.revisionId,
        );
      const before = await read();
      expect(before[0]!.facet_keys.some((k) => k.includes(':start:'))).toBe(true);
      // As an extractor before 1.2.0 stored them: no keys for when the event began.
      await t.prisma.$executeRawUnsafe(
        `UPDATE claim SET facet_keys = ARRAY(SELECT k FROM unnest(facet_keys) k WHERE k NOT LIKE '%:start:%')
          WHERE id = $1::uuid`,
        before[0]!.id,
      );
      const repo = t.app.get(ClaimRepository);
      expect(await repo.rekeyWorkspace(ws2)).toEqual({ statements: 2, changed: 1 });
      const after = await read();
      expect([...after[0]!.facet_keys].sort()).toEqual([...before[0]!.facet_keys].sort());
      expect(after.map((c) => [c.facets, c.extractor])).toEqual(
        before.map((c) => [c.facets, c.extractor]),
      );
      expect(await repo.rekeyWorkspace(ws2)).toEqual({ statements: 2, changed: 0 });
    });
  });

  describe('LinkRepository.replaceRuns', () => {
    let ws: string;
    let s: { sourceId: string; claimIds: string[] }[];
    const links = async () =>
      t.prisma.$queryRawUnsafe<
        {
          id: string;
          a_id: string;
          b_id: string;
          relation: string;
          status: string;
          origin: string;
          found_from: string[];
        }[]
      >(
        `SELECT id, a_id, b_id, relation::text, status::text, origin::text, found_from FROM claim_link
          WHERE workspace_id = $1::uuid ORDER BY a_id, b_id`,
        ws,
      );
    const link = (
      from: number,
      to: number,
      relation: 'CORROBORATES' | 'CONTRADICTS',
      confidence = 0.8,
    ) => ({
      claimId: s[from]!.claimIds[0]!,
      claimSourceId: s[from]!.sourceId,
      evidenceId: s[to]!.claimIds[0]!,
      evidenceSourceId: s[to]!.sourceId,
      relation,
      confidence,
      signals: [],
    });
    const runs = (): LinkRun[] => [
      {
        sourceId: s[0]!.sourceId,
        claimIds: s[0]!.claimIds,
        links: [link(0, 1, 'CORROBORATES'), link(0, 2, 'CONTRADICTS')],
      },
      {
        sourceId: s[1]!.sourceId,
        claimIds: s[1]!.claimIds,
        links: [link(1, 0, 'CORROBORATES', 0.9)],
      },
    ];
    const replace = (r: LinkRun[]) =>
      t.prisma.$transaction((tx) => t.app.get(LinkRepository).replaceRuns(tx, ws, r, 'test@1'));

    beforeAll(async () => {
      ws = await workspace('links');
      const refs = await ingest(ws, [
        'The bridge at Kovel was destroyed on Monday.',
        'The bridge at Kovel was blown up on Monday.',
        'The bridge at Kovel is intact, officials said.',
      ]);
      s = await Promise.all(
        refs.map(async (r) => ({
          sourceId: r.sourceId,
          claimIds: (await claimsOf(r.revisionId)).map((c) => c.id),
        })),
      );
    });

    it('writes a batch as its runs one by one would, and a repeat changes nothing', async () => {
      const first = await replace(runs());
      expect(first.perRun.map((r) => r.inserted)).toEqual([2, 0]);
      const rows = await links();
      expect(rows.map((r) => r.relation).sort()).toEqual(['CONTRADICTS', 'CORROBORATES']);
      // The pair both runs found remembers both findings, with the stronger score.
      const both = rows.find((r) => r.relation === 'CORROBORATES')!;
      expect([...both.found_from].sort()).toEqual([s[0]!.sourceId, s[1]!.sourceId].sort());
      const again = await replace(runs());
      expect(again.perRun).toEqual([
        { inserted: 0, rescored: 0, removed: 0 },
        { inserted: 0, rescored: 0, removed: 0 },
      ]);
      expect(await links()).toEqual(rows);

      // One by one, in either order, gives the same pairs and findings.
      for (const order of [
        [0, 1],
        [1, 0],
      ]) {
        for (const i of order) await replace([runs()[i]!]);
        const now = await links();
        expect(now.map((r) => [r.a_id, r.b_id, r.relation, [...r.found_from].sort()])).toEqual(
          rows.map((r) => [r.a_id, r.b_id, r.relation, [...r.found_from].sort()]),
        );
      }
    });

    it('rewrites the reasons of a link whose relation and confidence stay the same', async () => {
      const reason = (words: string) => ({
        kind: 'DURATION_MISMATCH',
        detail: `Different lengths of time: ${words} vs a day.`,
        left: words,
        right: 'a day',
        weight: 0.8,
      });
      const withReason = (detail: string): LinkRun[] => {
        const r = runs();
        r[0]!.links[1] = { ...r[0]!.links[1]!, signals: [reason(detail)] };
        return r;
      };
      const reasons = async () =>
        (
          await t.prisma.$queryRawUnsafe<{ signals: { detail: string }[] }[]>(
            `SELECT signals FROM claim_link WHERE workspace_id = $1::uuid AND relation = 'CONTRADICTS'`,
            ws,
          )
        ).map((r) => r.signals.map((x) => x.detail));
      await replace(withReason('three days'));
      expect(await reasons()).toEqual([['Different lengths of time: three days vs a day.']]);
      // The same reasons read back from jsonb (its own key order) are no change.
      const same = await replace(withReason('three days'));
      expect(same.perRun[0]!.rescored).toBe(0);
      // A newer version of the rules found other words: the stored reasons are replaced.
      const changed = await replace(withReason('two days'));
      expect(changed.perRun[0]!.rescored).toBe(1);
      expect(await reasons()).toEqual([['Different lengths of time: two days vs a day.']]);
      await replace(runs());
    });

    it('withdraws only its own finding, and removes a link no run finds any more', async () => {
      // Source 0 no longer finds anything; source 1 still finds the corroboration.
      await replace([{ ...runs()[0]!, links: [] }]);
      const rows = await links();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.found_from).toEqual([s[1]!.sourceId]);
      await replace(runs());
    });

    it('never touches reviewed or human links', async () => {
      const [contradiction] = (await links()).filter((r) => r.relation === 'CONTRADICTS');
      await t.prisma.$executeRawUnsafe(
        `UPDATE claim_link SET status = 'REJECTED' WHERE id = $1::uuid`,
        contradiction!.id,
      );
      // Not found any more, then found with another relation: the rejection stays as it is.
      await replace([{ ...runs()[0]!, links: [link(0, 1, 'CORROBORATES')] }]);
      await replace([
        { ...runs()[0]!, links: [link(0, 1, 'CORROBORATES'), link(0, 2, 'CORROBORATES')] },
      ]);
      const after = (await links()).find((r) => r.id === contradiction!.id);
      expect(after).toMatchObject({ status: 'REJECTED', relation: 'CONTRADICTS' });
    });
  });

  describe('LinkingQueueRepository', () => {
    const queue = () => t.app.get(LinkingQueueRepository);
    const status = async (ids: string[]) =>
      t.prisma.$queryRawUnsafe<
        {
          id: string;
          linking_status: string;
          linking_attempts: number;
          linking_error: string | null;
        }[]
      >(
        `SELECT id, linking_status::text, linking_attempts, linking_error FROM source WHERE id = ANY($1::uuid[]) ORDER BY id`,
        ids,
      );
    const drainAll = async () => {
      for (;;) {
        const b = await queue().claimBatch('cleanup', 60, 100_000);
        if (!b.length) return;
        await queue().finish('cleanup', b);
      }
    };

    beforeAll(drainAll);

    it('serves the workspace served least recently first, so a small one is not stuck behind a backlog', async () => {
      const big = await workspace('backlog');
      await ingest(
        big,
        Array.from(
          { length: 30 },
          (_, i) => `Backlog article ${i} about the Kovel bridge and its repair.`,
        ),
      );
      const first = await queue().claimBatch('w1', 60, 3);
      expect(first.length).toBeGreaterThan(0);
      expect(first.every((c) => c.workspaceId === big)).toBe(true);
      const small = await workspace('small');
      const smallRefs = await ingest(small, ['A small workspace article.', 'Another small one.']);
      // The next claim, by any worker, goes to the small workspace, not further into the backlog.
      const second = await queue().claimBatch('w2', 60, 400);
      expect(second.map((c) => c.sourceId).sort()).toEqual(smallRefs.map((r) => r.sourceId).sort());
      await queue().finish('w1', first);
      await queue().finish('w2', second);
      await drainAll();
    });

    it('never gives one source to two concurrent workers', async () => {
      const ws = await workspace('concurrent');
      const refs = await ingest(
        ws,
        Array.from({ length: 12 }, (_, i) => `Concurrent article number ${i}.`),
      );
      const claims = await Promise.all(
        ['a', 'b', 'c', 'd'].map((w) => queue().claimBatch(w, 60, 2)),
      );
      const ids = claims.flat().map((c) => c.sourceId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const [i, batch] of claims.entries()) await queue().finish('abcd'[i]!, batch);
      await drainAll();
      expect(
        (await status(refs.map((r) => r.sourceId))).every((r) => r.linking_status === 'DONE'),
      ).toBe(true);
    });

    it("re-claims a lost worker's sources after the lease, and ends FAILED with a reason after three attempts", async () => {
      const ws = await workspace('lease');
      const [ref] = await ingest(ws, ['The lease test article.']);
      const lapse = () =>
        t.prisma.$executeRawUnsafe(
          `UPDATE source SET linking_lease_until = now() - interval '1 second' WHERE id = $1::uuid`,
          ref!.sourceId,
        );
      const [a] = await queue().claimBatch('lost', 60, 400);
      expect(a).toMatchObject({ sourceId: ref!.sourceId, attempts: 1 });
      // Held: nobody else gets it.
      expect(await queue().claimBatch('other', 60, 400)).toEqual([]);
      await lapse();
      const [b] = await queue().claimBatch('other', 60, 400);
      expect(b).toMatchObject({ sourceId: ref!.sourceId, attempts: 2 });
      // The lost worker coming back cannot finish what is no longer its own.
      expect(await queue().finish('lost', [a!])).toBe(0);
      await queue().fail('other', b!, 'retrying: boom', false, 0);
      await lapse();
      const [c] = await queue().claimBatch('third', 60, 400);
      expect(c!.attempts).toBe(3);
      await queue().fail('third', c!, 'boom', true, 0);
      expect(await status([ref!.sourceId])).toEqual([
        expect.objectContaining({ linking_status: 'FAILED', linking_error: 'boom' }),
      ]);
    });

    it('gives up a source whose worker was lost three times, with a reason', async () => {
      const ws = await workspace('abandoned');
      const [ref] = await ingest(ws, ['The crashing article.']);
      for (let attempt = 1; attempt <= 3; attempt++) {
        const [c] = await queue().claimBatch(`dies-${attempt}`, 60, 400, ws);
        expect(c!.attempts).toBe(attempt);
        await t.prisma.$executeRawUnsafe(
          `UPDATE source SET linking_lease_until = now() - interval '1 second' WHERE id = $1::uuid`,
          ref!.sourceId,
        );
      }
      expect(await queue().claimBatch('next', 60, 400, ws)).toEqual([]);
      expect(await queue().failAbandoned(3)).toBe(1);
      const [row] = await status([ref!.sourceId]);
      expect(row!.linking_status).toBe('FAILED');
      expect(row!.linking_error).toMatch(/interrupted 3 times/);
    });

    it('leaves a source PENDING for its newer revision when one arrives mid-run', async () => {
      const ws = await workspace('supersede');
      await ingest(ws, ['First version of the article.'], 'https://s.example/');
      const [claimed] = await queue().claimBatch('w', 60, 400);
      await ingest(ws, ['Second version of the article, changed.'], 'https://s.example/');
      expect(await queue().finish('w', [claimed!])).toBe(0);
      const [next] = await queue().claimBatch('w', 60, 400);
      expect(next!.sourceId).toBe(claimed!.sourceId);
      expect(next!.revisionId).not.toBe(claimed!.revisionId);
      expect(next!.attempts).toBe(1);
      await queue().finish('w', [next!]);
    });
  });

  it('links a batch exactly as one by one (LinkingService.linkBatch)', async () => {
    const ws = await workspace('batch-vs-single');
    const refs = await ingest(ws, [
      'Four civilians were killed in the shelling of Dorvik on 18 September 2031, the ministry said.',
      'Two civilians were killed in the shelling of Dorvik on 18 September 2031, according to the army.',
      'The shelling of Dorvik on 18 September 2031 killed four civilians, witnesses said.',
      'Nobody was killed in Dorvik, the army insisted.',
    ]);
    const linking = t.app.get(LinkingService);
    const snapshot = async () =>
      (
        await t.prisma.$queryRawUnsafe<{ k: string }[]>(
          `SELECT a_id || '|' || b_id || '|' || relation::text AS k FROM claim_link WHERE workspace_id = $1::uuid ORDER BY 1`,
          ws,
        )
      ).map((r) => r.k);
    await linking.linkBatch(ws, refs, SYSTEM_ACTOR);
    const batched = await snapshot();
    expect(batched.length).toBeGreaterThan(0);
    await t.prisma.$executeRawUnsafe(`DELETE FROM claim_link WHERE workspace_id = $1::uuid`, ws);
    for (const r of [...refs].reverse()) await linking.linkBatch(ws, [r], SYSTEM_ACTOR);
    expect(await snapshot()).toEqual(batched);
  });

  it('pairs a sole statement linked earlier with the best lines of an article linked after it', async () => {
    const ws = await workspace('sole-linked-earlier');
    // Fifteen near-copies of the article's first line fill that line's own candidate budget.
    await ingest(
      ws,
      Array.from(
        { length: 15 },
        (_, i) =>
          `A giant squid was found alive in Tokyo Bay on Monday, divers said in report ${i + 1}. ` +
          `Fishermen on pier ${i + 1} watched the rescue. The aquarium sent boat ${i + 1}.`,
      ),
      'https://copies.example/',
    );
    const [headline] = await ingest(
      ws,
      ['Giant squid found alive in Tokyo Bay'],
      'https://h.example/',
    );
    const linking = t.app.get(LinkingService);
    await linking.linkSource(headline!.sourceId, SYSTEM_ACTOR);
    const [article] = await ingest(
      ws,
      [
        [
          'A giant squid was found alive in Tokyo Bay on Monday, divers said.',
          'The giant squid was still alive when divers reached it in Tokyo Bay.',
          'Divers said the squid found in Tokyo Bay was a giant one, and alive.',
          'Tokyo Bay divers found the giant squid alive near the shore.',
          'The squid, a giant, was alive in Tokyo Bay, the divers said.',
        ].join(' '),
      ],
      'https://a.example/',
    );
    const repo = t.app.get(CandidateRepository);
    await repo.mergePendingIndexEntries();
    const lines = await query(article!.revisionId);
    const headlineId = (await claimsOf(headline!.revisionId))[0]!.id;
    // The article's own search does not reach the headline: the copies outrank it everywhere.
    const own = await repo.candidates(ws, lines, MIN_LINKABLE_CHECKWORTHINESS, CANDIDATE_LIMITS);
    const ranked = (await claimsOf(article!.revisionId)).map((line) =>
      bestCandidates(line, own.get(line.id) ?? [], MAX_PAIRS_PER_CLAIM, idf),
    );
    expect(ranked.flat().some((s) => s.id === headlineId)).toBe(false);

    await linking.linkSource(article!.sourceId, SYSTEM_ACTOR);
    const links = await t.prisma.claimLink.findMany({
      where: {
        OR: [
          { aSourceId: headline!.sourceId, bSourceId: article!.sourceId },
          { aSourceId: article!.sourceId, bSourceId: headline!.sourceId },
        ],
      },
    });
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(SOLE_PAIRS_PER_SOURCE);
    expect(links.map((l) => l.relation)).toContain('CORROBORATES');

    // A sole statement not linked yet, or linked after the article arrived, finds the article
    // by its own search: not returned here, so no pair is classified twice.
    const reach = async () =>
      [...(await repo.soleStatementsMatching(ws, lines, CANDIDATE_LIMITS)).values()]
        .flat()
        .map((s) => s.id);
    expect(await reach()).toContain(headlineId);
    const setLinked = (at: string) =>
      t.prisma.$executeRawUnsafe(
        `UPDATE claim SET sole_linked_at = ${at} WHERE id = $1::uuid`,
        headlineId,
      );
    await setLinked('NULL');
    expect(await reach()).not.toContain(headlineId);
    await setLinked('now()');
    expect(await reach()).not.toContain(headlineId);
  });

  it('answers "is this workspace done?" in one GraphQL call (Workspace.linking)', async () => {
    const ws = await workspace('progress');
    await ingest(ws, ['Progress article one.', 'Progress article two.', 'Progress three.']);
    const progress = async () =>
      (
        await t.ok(
          `query($id: ID!) { workspace(id: $id) { linking { pending running done failed complete sourcesPerSecond etaSeconds } } }`,
          { id: ws },
        )
      ).workspace.linking;
    expect(await progress()).toEqual({
      pending: 3,
      running: 0,
      done: 0,
      failed: 0,
      complete: false,
      sourcesPerSecond: 0,
      etaSeconds: null,
    });
    const queue = t.app.get(LinkingQueueRepository);
    const batch = await queue.claimBatch('progress', 60, 100_000, ws);
    await queue.finish('progress', batch);
    const after = await progress();
    expect(after).toMatchObject({ pending: 0, running: 0, done: 3, complete: true, etaSeconds: 0 });
    expect(after.sourcesPerSecond).toBeGreaterThan(0);
  });

  it('tells idle workers in any process that there is new work (LISTEN/NOTIFY)', async () => {
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query(`LISTEN ${LINKING_CHANNEL}`);
      const heard = new Promise<string | undefined>((resolve) =>
        client.once('notification', (n) => resolve(n.payload)),
      );
      const ws = await workspace('notify');
      await ingest(ws, ['A source that a worker elsewhere should hear about.']);
      expect(await heard).toBe(ws);
      // The notice is sent without an error (pg_notify returns void, which Prisma cannot read:
      // an uncast SELECT sent the notice, then threw, and every ingest logged a warning).
      await expect(t.app.get(LinkingQueueRepository).notifyWork(ws)).resolves.toBeUndefined();
    } finally {
      await client.end();
    }
  });
});
