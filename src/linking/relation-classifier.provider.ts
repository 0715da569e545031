import type { FactoryProvider } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig, RelationProviderConfig } from '../config/env.js';
import { logger } from '../common/logger.js';
import { PrismaService } from '../database/prisma.service.js';
import { BuiltinRelationClassifier } from './relation/classifier.js';
import type { RelationClassifier } from './relation/types.js';
import { LlmScorer } from './providers/llm/llm.scorer.js';
import { OnnxNliScorer } from './providers/nli/onnx-nli.scorer.js';
import { RescoringClassifier } from './providers/rescoring.classifier.js';
import { VerdictCacheRepository } from './providers/verdict-cache.repository.js';

/**
 * The classifier the pipeline uses, chosen by configuration (RELATION_PROVIDER,
 * RELATION_MODEL_DIR, RELATION_LLM_URL; see docs/models.md). A model provider wraps the
 * built-in classifier, so candidates, jobs and storage do not change with it.
 */
export const RELATION_CLASSIFIER = Symbol('RELATION_CLASSIFIER');

export async function createRelationClassifier(
  config: RelationProviderConfig,
  prisma: PrismaService,
): Promise<RelationClassifier> {
  const builtin = new BuiltinRelationClassifier();
  if (config.kind === 'builtin') return builtin;
  const cache = new VerdictCacheRepository(prisma);
  if (config.kind === 'onnx-nli') {
    const scorer = await OnnxNliScorer.load(config);
    logger.info(
      { model: scorer.id, maxTokens: scorer.maxTokens, temperature: scorer.temperature },
      'relation model loaded',
    );
    return new RescoringClassifier(builtin, scorer, cache, config.perClaim);
  }
  const scorer = new LlmScorer(config, cache, logger);
  return new RescoringClassifier(builtin, scorer, cache, config.perClaim, (details, message) =>
    logger.warn(details, message),
  );
}

export const relationClassifierProvider: FactoryProvider<Promise<RelationClassifier>> = {
  provide: RELATION_CLASSIFIER,
  inject: [APP_CONFIG, PrismaService],
  useFactory: (config: AppConfig, prisma: PrismaService) =>
    createRelationClassifier(config.relationProvider, prisma),
};
