/**
 * Classification spread over worker threads gives exactly what classifying in one thread gives.
 * Worker threads run compiled JS, so this loads the pool from dist/ (`npm run build` first, as
 * worker-kill.spec.ts does); under Jest the app's own pool classifies in-thread.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../../../src/config/env.js';
import type { RelationClassifier, StatementView } from '../../../../src/linking/relation/types.js';
import { ClassificationPool as SourcePool } from '../../../../src/linking/classification/classification-pool.js';
import { BuiltinRelationClassifier } from '../../../../src/linking/relation/classifier.js';
import { extractClaims } from '../../../../src/claims/extraction/index.js';

const dist = (path: string) => pathToFileURL(join(PROJECT_ROOT, 'dist', path)).href;

const TEXT = [
  'Four civilians were killed in the shelling of Dorvik on 18 September 2031, the ministry said.',
  'Two civilians were killed in the shelling of Dorvik on 18 September 2031, according to the army.',
  'The army denied that any civilians were killed in Dorvik.',
  'The shelling of Dorvik lasted three days, witnesses said.',
  'Officials said the shelling of Dorvik lasted 23 hours.',
  'Rebels may have fired first, a mediator suggested.',
].join(' ');

describe('ClassificationPool', () => {
  const statements: StatementView[] = extractClaims(TEXT, {}).map((c) => ({
    text: c.text,
    facets: c.facets,
  }));
  const pairs: number[] = [];
  for (let i = 0; i < statements.length; i++)
    for (let j = 0; j < statements.length; j++) if (i !== j) pairs.push(i, j);

  it('gives the same results on worker threads as in one thread', async () => {
    const { ClassificationPool } = (await import(
      dist('linking/classification/classification-pool.js')
    )) as { ClassificationPool: typeof SourcePool };
    const { BuiltinRelationClassifier: DistClassifier } = (await import(
      dist('linking/relation/classifier.js')
    )) as { BuiltinRelationClassifier: typeof BuiltinRelationClassifier };
    const threaded = new ClassificationPool(new DistClassifier(), 2);
    expect(threaded.threaded).toBe(true);
    // Many pairs, so both threads get a share.
    const many = Array.from({ length: 20 }, () => pairs).flat();
    try {
      const got = await threaded.classify(statements, many);
      const expected = [];
      const inThread = new DistClassifier();
      for (let k = 0; k < many.length; k += 2)
        expected.push(inThread.classify(statements[many[k]!]!, statements[many[k + 1]!]!));
      expect(got).toEqual(expected);
    } finally {
      await threaded.close();
    }
  });

  it('under Jest (TypeScript sources) classifies in this thread', async () => {
    const pool = new SourcePool(new BuiltinRelationClassifier(), 4);
    expect(pool.threaded).toBe(false);
    expect(await pool.classify(statements, pairs.slice(0, 4))).toHaveLength(2);
  });

  it("uses another classifier's classifyBatch when it has one", async () => {
    const seen: number[] = [];
    const classifier: RelationClassifier = {
      method: 'batch@1',
      classify: () => {
        throw new Error('classify must not be called');
      },
      classifyBatch: async (batch) => {
        seen.push(batch.length);
        return batch.map(() => ({ relation: null, confidence: 1, signals: [] }));
      },
    };
    const pool = new SourcePool(classifier, 4);
    expect(pool.threaded).toBe(false);
    expect(await pool.classify(statements, pairs)).toHaveLength(pairs.length / 2);
    expect(seen).toEqual([pairs.length / 2]);
  });
});
