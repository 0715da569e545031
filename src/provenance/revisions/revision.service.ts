import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.js';
import { PrismaService } from '../../database/prisma.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { ClaimRepository, type ClaimRow } from '../../claims/claim.repository.js';
import { SYSTEM_ACTOR } from '../../common/actor.js';
import { badInput, notFound } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { logger } from '../../common/logger.js';
import { LinkRepository } from '../../linking/link.repository.js';
import { IngestHooks } from '../../ingest/ingest-hooks.js';
import type { WrittenSource } from '../../sources/source.repository.js';
import { ProvenanceRepository, type RevisionRef } from '../provenance.repository.js';
import { reanchor, type AnchorResult, type AnchorStatus } from './reanchor.js';
import { ReviewRepository } from '../review/review.repository.js';

export interface DiffEntry extends Omit<AnchorResult, 'old' | 'new'> {
  old: ClaimRow | null;
  new: ClaimRow | null;
  linkCount: number;
}

export interface RevisionDiffResult {
  sourceId: string;
  from: RevisionRef;
  to: RevisionRef;
  counts: Record<Lowercase<AnchorStatus>, number>;
  entries: DiffEntry[];
}

/**
 * Stealth edits: when a URL comes back with changed text, the old revision's claims are carried
 * to the new one (reanchor.ts), links of edited and removed claims are flagged for review, and
 * the reviewed links and marks of unchanged claims move to their successors.
 */
@Injectable()
export class RevisionService {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    hooks: IngestHooks,
    private readonly prisma: PrismaService,
    private readonly provenance: ProvenanceRepository,
    private readonly claims: ClaimRepository,
    private readonly links: LinkRepository,
    private readonly reviews: ReviewRepository,
    private readonly audit: AuditRepository,
  ) {
    // A listener marks new sources PENDING until linking runs (IngestHooks.hasListeners), so
    // re-anchoring may only listen when linking is on; see docs/provenance.md.
    if (config.linking)
      hooks.register({ afterIngest: (ws, written) => this.afterIngest(ws, written) });
  }

  /** Compares revision `from` with revision `to` of a source (numbers; default: the last two). */
  async diff(
    sourceId: string,
    from: number | null | undefined,
    to: number | null | undefined,
  ): Promise<RevisionDiffResult> {
    if (!isUuid(sourceId)) throw notFound('source', sourceId);
    const revisions = await this.provenance.revisionsOfSource(sourceId);
    if (!revisions.length) throw notFound('source', sourceId);
    const toNumber = to ?? revisions.at(-1)!.number;
    const fromNumber = from ?? toNumber - 1;
    const fromRev = revisions.find((x) => x.number === fromNumber);
    const toRev = revisions.find((x) => x.number === toNumber);
    if (fromNumber === toNumber)
      throw badInput('from and to must be different revisions', { field: 'to' });
    if (!fromRev) throw notFound(`revision of source ${sourceId} number`, String(fromNumber));
    if (!toRev) throw notFound(`revision of source ${sourceId} number`, String(toNumber));
    return this.compare(fromRev, toRev);
  }

  private async compare(from: RevisionRef, to: RevisionRef): Promise<RevisionDiffResult> {
    const [oldClaims, newClaims] = await Promise.all([
      this.claims.listForRevision(from.id),
      this.claims.listForRevision(to.id),
    ]);
    const results = reanchor(oldClaims, newClaims);
    const linksOfOld = await this.links.forClaims(oldClaims.map((c) => c.id));
    const linkCount = new Map<string, number>();
    for (const l of linksOfOld) {
      linkCount.set(l.aId, (linkCount.get(l.aId) ?? 0) + 1);
      linkCount.set(l.bId, (linkCount.get(l.bId) ?? 0) + 1);
    }
    const oldById = new Map(oldClaims.map((c) => [c.id, c]));
    const newById = new Map(newClaims.map((c) => [c.id, c]));
    const counts = { unchanged: 0, moved: 0, edited: 0, removed: 0, added: 0 };
    const entries = results.map((r) => {
      counts[r.status.toLowerCase() as keyof typeof counts]++;
      return {
        ...r,
        old: r.old ? oldById.get(r.old.id)! : null,
        new: r.new ? newById.get(r.new.id)! : null,
        linkCount: r.old ? (linkCount.get(r.old.id) ?? 0) : 0,
      };
    });
    return { sourceId: from.sourceId, from, to, counts, entries };
  }

  /** After a REVISED ingest: flag, carry and record, in one transaction per source. */
  async afterIngest(workspaceId: string, written: WrittenSource[]): Promise<void> {
    for (const w of written) {
      if (w.outcome !== 'REVISED') continue;
      try {
        await this.reanchorRevision(workspaceId, w.sourceId, w.revisionNumber);
      } catch (error) {
        // The ingest itself has committed; a failure here must not turn it into an error.
        logger.error({ err: error, sourceId: w.sourceId }, 're-anchoring a new revision failed');
      }
    }
  }

  async reanchorRevision(workspaceId: string, sourceId: string, number: number) {
    const revisions = await this.provenance.revisionsOfSource(sourceId);
    const to = revisions.find((r) => r.number === number);
    const from = revisions.find((r) => r.number === number - 1);
    if (!to || !from) return null;
    const diff = await this.compare(from, to);
    const reason = (e: DiffEntry) =>
      e.status === 'REMOVED'
        ? `claim removed in revision ${to.number}: "${e.old!.text}"`
        : `claim edited in revision ${to.number}: "${e.old!.text}" -> "${e.new!.text}"`;
    const flags = diff.entries
      .filter((e) => e.status === 'EDITED' || e.status === 'REMOVED')
      .map((e) => ({ claimId: e.old!.id, reason: reason(e) }));
    const moves = diff.entries
      .filter((e) => e.status === 'UNCHANGED' || e.status === 'MOVED')
      .map((e) => ({ oldId: e.old!.id, newId: e.new!.id }));
    return this.prisma.$transaction(async (tx) => {
      await this.reviews.setHistoryContext(tx, { action: 'FLAGGED', actor: SYSTEM_ACTOR.id });
      const flagged = await this.reviews.flagLinksOfClaims(tx, flags);
      await this.reviews.setHistoryContext(tx, {
        action: 'CARRIED',
        actor: SYSTEM_ACTOR.id,
        note: `carried from revision ${from.number} to ${to.number}`,
      });
      const carriedLinks = await this.reviews.carryReviewedLinks(tx, moves);
      const carriedMarks = await this.reviews.carryClaimReviews(tx, moves);
      await this.audit.append(tx, workspaceId, [
        {
          workspaceId,
          actor: SYSTEM_ACTOR.id,
          action: 'revision.reanchored',
          subjectType: 'SourceRevision',
          subjectId: to.id,
          details: {
            sourceId,
            from: from.number,
            to: to.number,
            ...diff.counts,
            flaggedLinks: flagged.length,
            carriedLinks,
            carriedMarks,
          },
        },
      ]);
      return { flagged: flagged.length, carriedLinks, carriedMarks, counts: diff.counts };
    });
  }
}
