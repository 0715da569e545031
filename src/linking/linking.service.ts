import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { AuditRepository } from '../provenance/audit/audit.repository.js';
import type { Actor } from '../common/actor.js';
import { loadModel } from './relation/classifier.js';
import { idfTable } from './relation/model.js';
import type { IdfTable } from './relation/features.js';
import type { RelationClassifier } from './relation/types.js';
import { queryTerms } from './candidates/query-terms.js';
import { RELATION_CLASSIFIER } from './relation-classifier.provider.js';
import { LinkRepository, type CandidateLimits, type NewMachineLink } from './link.repository.js';

/**
 * Statements scoring below this on either side are boilerplate (datelines, bylines, "Read
 * more"); they are neither linked nor searched. Low-scoring but real sentences stay linkable,
 * so a check-worthy claim elsewhere can still find them.
 */
export const MIN_LINKABLE_CHECKWORTHINESS = 0.15;

export const CANDIDATE_LIMITS: CandidateLimits = {
  fullText: 30,
  perSource: 3,
  facets: 10,
  nearCopies: 6,
  scan: 400,
};

export interface LinkRunResult {
  sourceId: string;
  statements: number;
  pairs: number;
  links: number;
  inserted: number;
  rescored: number;
  removed: number;
}

/** Links one source's current statements to the workspace's other sources. */
@Injectable()
export class LinkingService {
  private readonly idf: IdfTable = idfTable(loadModel());

  constructor(
    private readonly prisma: PrismaService,
    private readonly links: LinkRepository,
    private readonly audit: AuditRepository,
    @Inject(RELATION_CLASSIFIER) readonly classifier: RelationClassifier,
  ) {}

  get method() {
    return this.classifier.method;
  }

  /**
   * Idempotent: computes the links from scratch and makes the stored machine links equal to
   * them in one transaction, so a retried or repeated run changes nothing twice.
   */
  async linkSource(sourceId: string, actor: Actor): Promise<LinkRunResult | null> {
    const current = await this.links.currentStatements(sourceId);
    if (!current) return null;
    await this.links.mergePendingIndexEntries();
    const linkable = current.statements.filter(
      (s) => s.checkworthiness >= MIN_LINKABLE_CHECKWORTHINESS,
    );
    const candidates = await this.links.candidates(
      current.workspaceId,
      sourceId,
      linkable.map((s) => ({
        claimId: s.id,
        terms: queryTerms(s.text, this.idf),
        text: s.text,
        facetKeys: s.facetKeys,
      })),
      MIN_LINKABLE_CHECKWORTHINESS,
      CANDIDATE_LIMITS,
    );

    const found: NewMachineLink[] = [];
    let pairs = 0;
    for (const claim of linkable) {
      for (const evidence of candidates.get(claim.id) ?? []) {
        pairs++;
        const result = await this.classifier.classify(
          { text: claim.text, facets: claim.facets },
          { text: evidence.text, facets: evidence.facets },
        );
        if (!result.relation) continue;
        found.push({
          claimId: claim.id,
          claimSourceId: sourceId,
          evidenceId: evidence.id,
          evidenceSourceId: evidence.sourceId,
          relation: result.relation,
          confidence: result.confidence,
          signals: result.signals,
        });
      }
    }

    const method = this.classifier.method;
    const change = await this.prisma.$transaction(
      async (tx) => {
        const c = await this.links.replaceMachineLinks(
          tx,
          current.workspaceId,
          current.statements.map((s) => s.id),
          found,
          method,
          sourceId,
        );
        await this.audit.append(tx, current.workspaceId, [
          {
            workspaceId: current.workspaceId,
            actor: actor.id,
            action: 'source.linked',
            subjectType: 'SourceRevision',
            subjectId: current.revisionId,
            method,
            details: {
              sourceId,
              pairs,
              links: found.length,
              inserted: c.inserted,
              // Previous values stay in the audit history when a relink changes or drops a link.
              rescored: c.rescored,
              removed: c.removed,
            },
          },
        ]);
        return c;
      },
      { timeout: 60_000 },
    );
    return {
      sourceId,
      statements: current.statements.length,
      pairs,
      links: found.length,
      inserted: change.inserted,
      rescored: change.rescored.length,
      removed: change.removed.length,
    };
  }
}
