import { Injectable } from '@nestjs/common';
import { logger } from '../../common/logger.js';

/**
 * The steps that run after a batch of sources is linked, before they are marked DONE (so DONE
 * means their derived data is current too), in this declared order, whatever order the modules
 * that provide them happen to be constructed in. Later stages (tracking) register their step by
 * name, so linking does not depend on them. Add a name here to add a step.
 */
export const AFTER_LINK_ORDER = [
  /** tracking: MinHash fingerprints and syndication, then clusters and their statistics. */
  'clusters',
] as const;

export type AfterLinkStepName = (typeof AFTER_LINK_ORDER)[number];

/** What a step knows of the run besides its sources. */
export interface AfterLinkContext {
  workspaceId: string;
  /**
   * The workspace has other sources still to link (PENDING, or RUNNING in another batch): a
   * step whose work covers the whole workspace (re-clustering) may leave it for later. The run
   * that finds the backlog drained calls the steps once more with no sources and `backlog`
   * false, to catch the workspace up.
   */
  backlog: boolean;
}

export type AfterLinkStep = (sourceIds: string[], context: AfterLinkContext) => Promise<void>;

@Injectable()
export class AfterLinkSteps {
  private readonly steps = new Map<AfterLinkStepName, AfterLinkStep>();

  register(name: AfterLinkStepName, step: AfterLinkStep) {
    if (!AFTER_LINK_ORDER.includes(name)) throw new Error(`unknown after-link step "${name}"`);
    if (this.steps.has(name)) throw new Error(`after-link step "${name}" registered twice`);
    this.steps.set(name, step);
  }

  /**
   * Runs every registered step in the declared order and returns each one's milliseconds. A
   * step's failure is logged and does not fail the linking run (the links are written; the
   * derived data catches up with the next batch or review).
   */
  async run(sourceIds: string[], context: AfterLinkContext): Promise<Record<string, number>> {
    const ms: Record<string, number> = {};
    for (const name of AFTER_LINK_ORDER) {
      const step = this.steps.get(name);
      if (!step) continue;
      const t = performance.now();
      await step(sourceIds, context).catch((error: unknown) =>
        logger.warn({ err: error, step: name, sourceIds }, 'after-link step failed'),
      );
      ms[name] = performance.now() - t;
    }
    return ms;
  }
}
