/**
 * A classification thread: builds its own built-in classifier from model.json and answers
 * batches of pairs (statements as plain data, pairs as index pairs into them).
 */
import { parentPort } from 'node:worker_threads';
import { BuiltinRelationClassifier } from '../relation/classifier.js';
import type { ClassifyRequest, ClassifyResponse } from './classification-pool.js';

const classifier = new BuiltinRelationClassifier();

parentPort!.on('message', (request: ClassifyRequest) => {
  try {
    const results = [];
    for (let k = 0; k < request.pairs.length; k += 2) {
      results.push(
        classifier.classify(
          request.statements[request.pairs[k]!]!,
          request.statements[request.pairs[k + 1]!]!,
        ),
      );
    }
    parentPort!.postMessage({ id: request.id, results } satisfies ClassifyResponse);
  } catch (error) {
    parentPort!.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies ClassifyResponse);
  }
});
