import { Injectable } from '@nestjs/common';
import { badInput } from '../common/errors.js';
import { ClaimRepository } from '../claims/claim.repository.js';
import { SourceService } from '../sources/source.service.js';
import { Inject } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import type { SourceComparison } from './link.model.js';

@Injectable()
export class ComparisonService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SourceService,
    private readonly claims: ClaimRepository,
  ) {}

  async compare(leftId: string, rightId: string): Promise<SourceComparison> {
    const [left, right] = await Promise.all([this.sources.get(leftId), this.sources.get(rightId)]);
    if (left.workspaceId !== right.workspaceId) {
      throw badInput('compareSources takes two sources of the same workspace');
    }
    const threshold = this.config.checkworthinessThreshold;
    const [leftClaims, rightClaims] = await Promise.all([
      left.currentRevisionId ? this.claims.listForRevision(left.currentRevisionId, threshold) : [],
      right.currentRevisionId ? this.claims.listForRevision(right.currentRevisionId, threshold) : [],
    ]);
    return {
      leftId: left.id,
      rightId: right.id,
      stance: null,
      corroborated: [],
      contradicted: [],
      discussed: [],
      onlyInLeft: leftClaims as never,
      onlyInRight: rightClaims as never,
    };
  }
}
