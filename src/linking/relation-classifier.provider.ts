import { BuiltinRelationClassifier } from './relation/classifier.js';
import type { RelationClassifier } from './relation/types.js';

/**
 * The classifier the pipeline uses. Swap the provider (an NLI model, an LLM endpoint) to change
 * how pairs are judged without touching candidates, jobs or storage.
 */
export const RELATION_CLASSIFIER = Symbol('RELATION_CLASSIFIER');

export const relationClassifierProvider = {
  provide: RELATION_CLASSIFIER,
  useFactory: (): RelationClassifier => new BuiltinRelationClassifier(),
};
