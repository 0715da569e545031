/**
 * npm run relink -- --workspace ID_OR_NAME
 * Recomputes the machine links of every source in a workspace with the current method. Links a
 * reviewer made or reviewed are kept as they are; what a relink changes or drops is recorded,
 * with the previous values, in the audit log. Relinking with another relation provider
 * (RELATION_PROVIDER, RELATION_MODEL_DIR, RELATION_LLM_URL) re-decides the machine links with it.
 * The sources go back in the linking queue and are
 * linked through the same runner as the worker's (here, and by any running worker), so a source
 * that cannot be linked ends FAILED with a reason. First, every statement's retrieval keys are
 * recomputed with this build's extractor (ClaimRepository.rekeyWorkspace).
 */
import { Command } from 'commander';
import { ClaimRepository } from '../claims/claim.repository.js';
import { EXTRACTOR_NAME, EXTRACTOR_VERSION } from '../claims/extraction/extract.js';
import { LinkingQueueRepository } from '../linking/jobs/linking-queue.repository.js';
import { LinkingService } from '../linking/linking.service.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import { runCli } from './context.js';
import { waitForLinking } from './wait-linking.js';

const options = new Command()
  .name('npm run relink --')
  .requiredOption('-w, --workspace <idOrName>', 'workspace id or name')
  .parse()
  .opts<{ workspace: string }>();

await runCli(async ({ app }) => {
  const workspace = await app.get(WorkspaceService).resolveExisting(options.workspace);
  // Statements ingested under an older extractor get this build's retrieval keys first, so the
  // relink searches with them.
  const keys = await app.get(ClaimRepository).rekeyWorkspace(workspace.id);
  process.stdout.write(
    `retrieval keys: ${keys.changed} of ${keys.statements} statements recomputed with ${EXTRACTOR_NAME}@${EXTRACTOR_VERSION}\n`,
  );
  const queue = app.get(LinkingQueueRepository);
  const ids = await queue.sourceIdsInWorkspace(workspace.id);
  await queue.requeue(ids);
  const result = await waitForLinking(app, workspace.id);
  process.stdout.write(
    `workspace ${workspace.name}: ${ids.length} sources relinked with ${app.get(LinkingService).method}\n` +
      `linked: ${result.done}, failed: ${result.failed}\n`,
  );
  if (result.failed) process.exitCode = 2;
});
