import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuditEventInput } from '../audit/audit-chain.js';
import { ClaimRepository } from '../../claims/claim.repository.js';
import type { Actor } from '../../common/actor.js';
import { badInput, conflict, notFound } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { LinkService } from '../../linking/link.service.js';
import type { LinkView } from '../../linking/link-view.js';
import type { Relation } from '../../linking/relation/types.js';
import type { ClaimKind, ClaimVerdict } from '../provenance.types.js';
import { ReviewRepository } from './review.repository.js';

export const MAX_NOTE_LENGTH = 2000;
const RELATIONS: readonly Relation[] = ['CORROBORATES', 'CONTRADICTS', 'DISCUSSES'];
const KINDS: readonly ClaimKind[] = ['FACT', 'FRAMING', 'NOT_CHECKWORTHY'];
const VERDICTS: readonly ClaimVerdict[] = [
  'TRUE',
  'MOSTLY_TRUE',
  'MIXED',
  'MOSTLY_FALSE',
  'FALSE',
  'UNVERIFIABLE',
];

/** A note is optional unless `required`; blank means none. */
export function checkNote(note: string | null | undefined, required = false): string | null {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw badInput(`note must be at most ${MAX_NOTE_LENGTH} characters, got ${trimmed.length}`, {
      field: 'note',
    });
  }
  if (required && !trimmed) throw badInput('a note saying why is required', { field: 'note' });
  return trimmed || null;
}

function checkRelation(relation: string): Relation {
  if (!RELATIONS.includes(relation as Relation)) {
    throw badInput(`relation must be one of ${RELATIONS.join(', ')}, got ${relation}`, {
      field: 'relation',
    });
  }
  return relation as Relation;
}

/**
 * The review workflow: people confirm, reject, draw and re-type links and mark claims. Every
 * change records who and when on the row, in the link's history (link_event, by trigger) and in
 * the hash-chained audit log, all in one transaction.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reviews: ReviewRepository,
    private readonly claims: ClaimRepository,
    private readonly links: LinkService,
    private readonly audit: AuditRepository,
  ) {}

  async reviewLink(
    input: { linkId: string; decision: 'CONFIRM' | 'REJECT'; note?: string | null },
    actor: Actor,
  ): Promise<LinkView> {
    const note = checkNote(input.note);
    const status = input.decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED';
    if (!isUuid(input.linkId)) throw notFound('link', input.linkId);
    await this.prisma.$transaction(async (tx) => {
      const link = await this.reviews.lockLink(tx, input.linkId);
      if (!link) throw notFound('link', input.linkId);
      await this.reviews.setHistoryContext(tx, { action: status, actor: actor.id, note });
      await this.reviews.setStatus(tx, link.id, status, actor.id, note);
      await this.appendAudit(tx, link.workspaceId, actor, 'link.reviewed', link.id, {
        decision: input.decision,
        note,
        before: { status: link.status, relation: link.relation },
      });
    });
    return (await this.links.find(input.linkId))!;
  }

  async createLink(
    input: { claimId: string; evidenceClaimId: string; relation: string; note?: string | null },
    actor: Actor,
  ): Promise<LinkView> {
    const note = checkNote(input.note);
    const relation = checkRelation(input.relation);
    if (input.claimId === input.evidenceClaimId)
      throw badInput('a claim cannot be linked to itself', { field: 'evidenceClaimId' });
    const [claim, evidence] = await this.findClaims([input.claimId, input.evidenceClaimId]);
    if (claim!.workspaceId !== evidence!.workspaceId)
      throw badInput('both claims must belong to the same workspace', { field: 'evidenceClaimId' });
    if (claim!.sourceId === evidence!.sourceId)
      throw badInput('links join claims of different sources; both claims are in the same source', {
        field: 'evidenceClaimId',
      });
    const id = await this.prisma.$transaction(async (tx) => {
      const existing = await this.reviews.findPair(tx, claim!.id, evidence!.id);
      if (existing) throw this.alreadyLinked(existing.id);
      await this.reviews.setHistoryContext(tx, { action: 'LINKED_BY_HAND', actor: actor.id, note });
      const inserted = await this.reviews.insertHumanLink(tx, {
        workspaceId: claim!.workspaceId,
        claimId: claim!.id,
        claimSourceId: claim!.sourceId,
        evidenceId: evidence!.id,
        evidenceSourceId: evidence!.sourceId,
        relation,
        signals: [
          {
            kind: 'REVIEWER',
            detail: note ?? `linked by ${actor.name}`,
            left: null,
            right: null,
            weight: 1,
          },
        ],
        reviewer: actor.id,
        note,
      });
      if (!inserted) {
        const raced = await this.reviews.findPair(tx, claim!.id, evidence!.id);
        throw this.alreadyLinked(raced?.id ?? null);
      }
      await this.appendAudit(tx, claim!.workspaceId, actor, 'link.created', inserted, {
        claimId: claim!.id,
        evidenceId: evidence!.id,
        relation,
        note,
      });
      return inserted;
    });
    const view = (await this.links.find(id))!;
    // Read it from the claim the reviewer started at.
    return view.claimId === claim!.id
      ? view
      : {
          ...view,
          claimId: view.evidenceId,
          evidenceId: view.claimId,
          signals: view.signals.map((s) => ({ ...s, left: s.right, right: s.left })),
        };
  }

  async updateLink(
    input: { linkId: string; relation: string; note: string },
    actor: Actor,
  ): Promise<LinkView> {
    const note = checkNote(input.note, true)!;
    const relation = checkRelation(input.relation);
    if (!isUuid(input.linkId)) throw notFound('link', input.linkId);
    await this.prisma.$transaction(async (tx) => {
      const link = await this.reviews.lockLink(tx, input.linkId);
      if (!link) throw notFound('link', input.linkId);
      if (link.relation === relation) {
        throw badInput(
          `the link already has relation ${relation}; use reviewLink to confirm or reject it`,
          { field: 'relation' },
        );
      }
      await this.reviews.setHistoryContext(tx, {
        action: 'RELATION_CHANGED',
        actor: actor.id,
        note,
      });
      await this.reviews.setRelation(tx, link.id, relation, actor.id, note);
      await this.appendAudit(tx, link.workspaceId, actor, 'link.updated', link.id, {
        relation,
        note,
        before: { relation: link.relation, status: link.status },
      });
    });
    return (await this.links.find(input.linkId))!;
  }

  async markClaim(
    input: {
      claimId: string;
      kind: string;
      verdict?: string | null;
      note?: string | null;
    },
    actor: Actor,
  ): Promise<string> {
    const note = checkNote(input.note);
    if (!KINDS.includes(input.kind as ClaimKind))
      throw badInput(`kind must be one of ${KINDS.join(', ')}`, { field: 'kind' });
    const kind = input.kind as ClaimKind;
    const verdict = (input.verdict ?? null) as ClaimVerdict | null;
    if (verdict !== null && !VERDICTS.includes(verdict))
      throw badInput(`verdict must be one of ${VERDICTS.join(', ')}`, { field: 'verdict' });
    if (verdict !== null && kind !== 'FACT') {
      throw badInput(`only FACT claims take a verdict; ${kind} claims are not true or false`, {
        field: 'verdict',
      });
    }
    const [claim] = await this.findClaims([input.claimId]);
    await this.prisma.$transaction(async (tx) => {
      await this.reviews.upsertClaimReview(tx, {
        claimId: claim!.id,
        workspaceId: claim!.workspaceId,
        kind,
        verdict,
        note,
        reviewer: actor.id,
      });
      await this.audit.append(tx, claim!.workspaceId, [
        {
          workspaceId: claim!.workspaceId,
          actor: actor.id,
          action: 'claim.marked',
          subjectType: 'Claim',
          subjectId: claim!.id,
          details: { kind, verdict, note },
        },
      ]);
    });
    return claim!.id;
  }

  private alreadyLinked(linkId: string | null) {
    return conflict(
      'these two claims are already linked; use updateLink to change the relation or reviewLink to confirm or reject it',
      { linkId },
    );
  }

  private async findClaims(ids: string[]) {
    const found = await this.claims.findByIds(ids.filter(isUuid));
    const byId = new Map(found.map((c) => [c.id, c]));
    for (const id of ids) if (!byId.has(id)) throw notFound('claim', id);
    return ids.map((id) => byId.get(id)!);
  }

  private async appendAudit(
    tx: Tx,
    workspaceId: string,
    actor: Actor,
    action: string,
    linkId: string,
    details: Record<string, unknown>,
  ) {
    const event: AuditEventInput = {
      workspaceId,
      actor: actor.id,
      action,
      subjectType: 'ClaimLink',
      subjectId: linkId,
      details,
    };
    await this.audit.append(tx, workspaceId, [event]);
  }
}
