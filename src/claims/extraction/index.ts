export type * from './types.js';
export { segmentSentences } from './segment.js';
export { extractFacets } from './facets.js';
export { scoreCheckworthiness, DEFAULT_CHECKWORTHINESS_THRESHOLD } from './checkworthiness.js';
export { extractClaims, analyzeStatement, EXTRACTOR_NAME, EXTRACTOR_VERSION } from './extract.js';
export {
  buildFrame,
  eventClasses,
  isSpeechDate,
  loadedTerms,
  partyKey,
  wordClass,
} from './frames.js';
