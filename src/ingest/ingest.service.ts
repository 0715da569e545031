import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/env.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PrismaService } from '../database/prisma.service.js';
import { AuditRepository } from '../provenance/audit/audit.repository.js';
import type { AuditEventInput } from '../provenance/audit/audit-chain.js';
import { ClaimRepository } from '../claims/claim.repository.js';
import { DomainError, badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import type { Actor } from '../common/actor.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import {
  SourceRepository,
  type SourceRow,
  type WrittenSource,
} from '../sources/source.repository.js';
import {
  prepareIngest,
  type IngestInputLike,
  type PreparedIngest,
} from './prepare/prepare-ingest.js';
import { IngestHooks } from './ingest-hooks.js';

export const MAX_BULK_INGEST = 500;

export interface IngestResult extends WrittenSource {
  source: SourceRow;
}

/**
 * The ingest stage's write: source, revision, claims and audit events in one transaction, then
 * IngestHooks tell later stages (linking, re-anchoring) what changed.
 */
@Injectable()
export class IngestService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly sources: SourceRepository,
    private readonly claims: ClaimRepository,
    private readonly audit: AuditRepository,
    private readonly workspaces: WorkspaceService,
    private readonly hooks: IngestHooks,
  ) {}

  /**
   * Ingests sources atomically: every input is validated and extracted first, then all are
   * written in one transaction, so a bad input anywhere writes nothing. Errors name the input's
   * index in a bulk call.
   */
  async ingest(inputs: IngestInputLike[], actor: Actor): Promise<IngestResult[]> {
    if (inputs.length === 0) return [];
    if (inputs.length > MAX_BULK_INGEST) {
      throw badInput(
        `at most ${MAX_BULK_INGEST} sources per call, got ${inputs.length}; send them in batches`,
      );
    }
    const bulk = inputs.length > 1;
    const prepared: PreparedIngest[] = inputs.map((input, index) => {
      try {
        return prepareIngest(input, { maxSourceBytes: this.config.maxSourceBytes });
      } catch (error) {
        if (bulk && error instanceof DomainError) {
          throw new DomainError(error.code, `inputs[${index}]: ${error.message}`, {
            ...error.details,
            index,
          });
        }
        throw error;
      }
    });
    await this.assertWorkspacesExist(prepared.map((p) => p.workspaceId));

    const linkingStatus = this.hooks.hasListeners ? 'PENDING' : 'DONE';
    const written = await this.prisma.$transaction(
      async (tx) => {
        const out: WrittenSource[] = [];
        const events = new Map<string, AuditEventInput[]>();
        await this.sources.lockBatch(tx, prepared);
        for (const p of prepared) {
          const w = await this.sources.writeIngest(tx, p, linkingStatus);
          out.push(w);
          if (w.outcome === 'UNCHANGED') continue;
          await this.claims.insertMany(
            tx,
            {
              workspaceId: p.workspaceId,
              sourceId: w.sourceId,
              revisionId: w.revisionId,
              extractor: p.extractor,
            },
            p.claims,
          );
          const list = events.get(p.workspaceId) ?? [];
          list.push(...this.auditEventsFor(p, w, actor));
          events.set(p.workspaceId, list);
        }
        for (const [workspaceId, list] of events) await this.audit.append(tx, workspaceId, list);
        return out;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );

    const byWorkspace = new Map<string, WrittenSource[]>();
    written.forEach((w, i) => {
      if (w.outcome === 'UNCHANGED') return;
      const ws = prepared[i]!.workspaceId;
      byWorkspace.set(ws, [...(byWorkspace.get(ws) ?? []), w]);
    });
    for (const [workspaceId, list] of byWorkspace) await this.hooks.emit(workspaceId, list);

    const rows = await this.sources.findSourcesByIds([...new Set(written.map((w) => w.sourceId))]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return written.map((w) => ({ ...w, source: byId.get(w.sourceId)! }));
  }

  private auditEventsFor(p: PreparedIngest, w: WrittenSource, actor: Actor): AuditEventInput[] {
    const common = { workspaceId: p.workspaceId, actor: actor.id };
    const events: AuditEventInput[] = [];
    if (w.outcome === 'INGESTED') {
      events.push({
        ...common,
        action: 'source.ingested',
        subjectType: 'Source',
        subjectId: w.sourceId,
        inputHash: p.originalHash,
        details: { url: p.url, title: p.title, publisher: p.publisher?.name ?? null },
      });
    }
    events.push({
      ...common,
      action: 'revision.created',
      subjectType: 'SourceRevision',
      subjectId: w.revisionId,
      inputHash: p.originalHash,
      details: {
        sourceId: w.sourceId,
        number: w.revisionNumber,
        contentHash: p.contentHash,
        originalFormat: p.originalFormat,
      },
    });
    events.push({
      ...common,
      action: 'claims.extracted',
      subjectType: 'SourceRevision',
      subjectId: w.revisionId,
      inputHash: p.contentHash,
      method: p.extractor,
      details: { sourceId: w.sourceId, claims: p.claims.length },
    });
    return events;
  }

  private async assertWorkspacesExist(ids: string[]) {
    const unique = [...new Set(ids)];
    for (const id of unique) {
      if (!isUuid(id) || !(await this.workspaces.find(id))) throw notFound('workspace', id);
    }
  }
}
