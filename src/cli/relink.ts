/**
 * npm run relink -- --workspace ID_OR_NAME
 * Recomputes the machine links of every source in a workspace with the current method. Links a
 * reviewer made or reviewed are kept as they are; what a relink changes or drops is recorded,
 * with the previous values, in the audit log. Relinking with another relation provider
 * (RELATION_PROVIDER, RELATION_MODEL_DIR, RELATION_LLM_URL) re-decides the machine links with it.
 */
import { Command } from 'commander';
import { LinkRepository } from '../linking/link.repository.js';
import { LinkingService } from '../linking/linking.service.js';
import { runInLinkScope } from '../linking/providers/link-scope.js';
import { SourceRepository } from '../sources/source.repository.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import { runCli } from './context.js';

const options = new Command()
  .name('npm run relink --')
  .requiredOption('-w, --workspace <idOrName>', 'workspace id or name')
  .parse()
  .opts<{ workspace: string }>();

await runCli(async ({ app, actor }) => {
  const workspace = await app.get(WorkspaceService).resolveExisting(options.workspace);
  const linking = app.get(LinkingService);
  const sources = app.get(SourceRepository);
  const ids = await app.get(LinkRepository).sourceIdsInWorkspace(workspace.id);
  const totals = { links: 0, inserted: 0, rescored: 0, removed: 0 };
  for (const [i, id] of ids.entries()) {
    await sources.setLinkingStatus(id, 'RUNNING');
    // Charged to this workspace's model budget (RELATION_LLM_BUDGET).
    const result = await runInLinkScope({ workspaceId: workspace.id }, () =>
      linking.linkSource(id, actor),
    );
    await sources.setLinkingStatus(id, 'DONE');
    if (result) {
      totals.inserted += result.inserted;
      totals.rescored += result.rescored;
      totals.removed += result.removed;
    }
    if (process.stderr.isTTY) process.stderr.write(`\rrelinked ${i + 1}/${ids.length} sources`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(
    `workspace ${workspace.name}: ${ids.length} sources relinked with ${linking.method}\n` +
      `new links: ${totals.inserted}, re-scored: ${totals.rescored}, dropped machine suggestions: ${totals.removed}\n`,
  );
});
