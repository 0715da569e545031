import { Injectable } from '@nestjs/common';
import type { WrittenSource } from '../sources/source.repository.js';

export interface IngestListener {
  /** Called after the ingest transaction committed, with the sources that gained a revision. */
  afterIngest(workspaceId: string, written: WrittenSource[]): Promise<void>;
}

/**
 * Lets later stages (linking) react to new revisions without the sources feature depending on
 * them: data flows one way, sources -> claims -> linking.
 */
@Injectable()
export class IngestHooks {
  private readonly listeners: IngestListener[] = [];

  register(listener: IngestListener) {
    this.listeners.push(listener);
  }

  /** Whether something will process new sources after ingest (otherwise they are DONE at once). */
  get hasListeners() {
    return this.listeners.length > 0;
  }

  async emit(workspaceId: string, written: WrittenSource[]) {
    for (const listener of this.listeners) await listener.afterIngest(workspaceId, written);
  }
}
