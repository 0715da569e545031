import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BuiltinRelationClassifier } from '../relation/classifier.js';
import type { RelationClassifier, RelationResult, StatementView } from '../relation/types.js';

export interface ClassifyRequest {
  id: number;
  statements: StatementView[];
  /** Flat index pairs into `statements`: [claim0, evidence0, claim1, evidence1, …]. */
  pairs: number[];
}

export type ClassifyResponse =
  | { id: number; results: RelationResult[]; error?: undefined }
  | { id: number; error: string; results?: undefined };

/**
 * Where classification runs for a batch of pairs:
 * - the built-in classifier: spread over `threads` worker threads (one per core by default),
 *   each with its own BuiltinRelationClassifier. The app runs compiled JS from dist/, where the
 *   thread script sits beside this file. Under Jest the sources are TypeScript, which a worker
 *   thread cannot load, so there (and with LINK_THREADS=1) the pairs are classified in this
 *   thread, yielding to the event loop now and then so lease heartbeats keep running;
 * - any other classifier: its `classifyBatch` when it has one, else `classify` pair by pair.
 * The results are the same whichever way runs (the built-in classifier is deterministic).
 */
export class ClassificationPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<
    number,
    { worker: Worker; resolve: (r: RelationResult[]) => void; reject: (e: Error) => void }
  >();
  private readonly busy = new Map<Worker, number>();
  private nextId = 1;
  private readonly threads: number;
  private readonly script: URL | null;

  constructor(
    private readonly classifier: RelationClassifier,
    threads = 0,
  ) {
    this.threads = threads > 0 ? threads : availableParallelism();
    const here = import.meta.url;
    this.script =
      classifier instanceof BuiltinRelationClassifier && this.threads > 1 && here.endsWith('.js')
        ? new URL('./classify.worker.js', here)
        : null;
  }

  /** Whether pairs go to worker threads (false: in this thread, or the classifier's own batch). */
  get threaded(): boolean {
    return this.script !== null;
  }

  async classify(statements: StatementView[], pairs: number[]): Promise<RelationResult[]> {
    const count = pairs.length / 2;
    if (count === 0) return [];
    if (this.script) return this.inThreads(statements, pairs);
    const views = (k: number) =>
      [statements[pairs[2 * k]!]!, statements[pairs[2 * k + 1]!]!] as const;
    if (this.classifier.classifyBatch) {
      return this.classifier.classifyBatch(Array.from({ length: count }, (_, k) => views(k)));
    }
    const out: RelationResult[] = [];
    for (let k = 0; k < count; k++) {
      const [a, b] = views(k);
      out.push(await this.classifier.classify(a, b));
      // Synchronous classifiers would otherwise hold the event loop for seconds per batch.
      if (k % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
    }
    return out;
  }

  /**
   * Starts the threads ahead of the first batch: each loads the model (~1 s under load), which
   * otherwise lands on the first batch a worker links.
   */
  warm(): void {
    if (this.script) for (let i = 0; i < this.threads; i++) this.worker(i);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private async inThreads(statements: StatementView[], pairs: number[]): Promise<RelationResult[]> {
    const count = pairs.length / 2;
    // Small batches are not worth the copying.
    const chunks = Math.max(1, Math.min(this.threads, Math.ceil(count / 64)));
    const size = Math.ceil(count / chunks);
    const parts: Promise<RelationResult[]>[] = [];
    for (let c = 0; c < chunks; c++) {
      const slice = pairs.slice(2 * c * size, 2 * Math.min(count, (c + 1) * size));
      // Only the statements this chunk needs are copied to its thread.
      const index = new Map<number, number>();
      const local: StatementView[] = [];
      const remapped = slice.map((i) => {
        let j = index.get(i);
        if (j === undefined) {
          j = local.length;
          index.set(i, j);
          const s = statements[i]!;
          local.push({ text: s.text, facets: s.facets, sole: s.sole, sourceSize: s.sourceSize });
        }
        return j;
      });
      parts.push(this.send(this.worker(c), local, remapped));
    }
    return (await Promise.all(parts)).flat();
  }

  private worker(index: number): Worker {
    while (this.workers.length <= index) {
      const worker = new Worker(this.script!);
      worker.on('message', (m: ClassifyResponse) => {
        const waiting = this.pending.get(m.id);
        if (!waiting) return;
        this.pending.delete(m.id);
        this.release(worker);
        if (m.error !== undefined) waiting.reject(new Error(`classification thread: ${m.error}`));
        else waiting.resolve(m.results);
      });
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', () => {
        const at = this.workers.indexOf(worker);
        if (at >= 0) this.workers.splice(at, 1);
      });
      // Idle threads must not keep a finished CLI or test process alive.
      worker.unref();
      this.workers.push(worker);
    }
    return this.workers[index]!;
  }

  private send(worker: Worker, statements: StatementView[], pairs: number[]) {
    const id = this.nextId++;
    return new Promise<RelationResult[]>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      // Referenced while it works, so the process waits for the answer.
      this.busy.set(worker, (this.busy.get(worker) ?? 0) + 1);
      worker.ref();
      worker.postMessage({ id, statements, pairs } satisfies ClassifyRequest);
    });
  }

  private release(worker: Worker) {
    const left = (this.busy.get(worker) ?? 1) - 1;
    this.busy.set(worker, left);
    if (left === 0) worker.unref();
  }

  private failAll(error: Error) {
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      this.release(waiting.worker);
      waiting.reject(error);
    }
  }
}
