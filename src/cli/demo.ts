/**
 * npm run demo [-- --workspace NAME] [--revisions]
 * Loads the example corpus (examples/corpus.jsonl) into a workspace and prints what to try next.
 * --revisions also loads examples/revisions.jsonl: a silent edit of one article.
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../config/env.js';
import { IngestService } from '../ingest/ingest.service.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import { runCli } from './context.js';
import { readInputs } from './ingest-files.js';
import { bulkIngest } from '../ingest/bulk-ingest.js';
import { waitForLinking } from './wait-linking.js';

const options = new Command()
  .name('npm run demo --')
  .option('-w, --workspace <idOrName>', 'workspace id or name', 'Example: Veshnar Valley')
  .option('--revisions', 'also ingest the silently edited revision', false)
  .option('--no-wait', 'return without waiting for linking (the service links in the background)')
  .parse()
  .opts<{ workspace: string; revisions: boolean; wait: boolean }>();

await runCli(async ({ app, actor, config }) => {
  const workspace = await app.get(WorkspaceService).resolveOrCreate(options.workspace);
  const files = [join(PROJECT_ROOT, 'examples', 'corpus.jsonl')];
  if (options.revisions) files.push(join(PROJECT_ROOT, 'examples', 'revisions.jsonl'));
  const summary = await bulkIngest(
    app.get(IngestService),
    workspace.id,
    files.flatMap(readInputs),
    actor,
    () => {},
  );
  process.stdout.write(
    `Loaded the example corpus into workspace "${workspace.name}"\n` +
      `  workspace id: ${workspace.id}\n` +
      `  ingested: ${summary.ingested}, unchanged: ${summary.unchanged}, revised: ${summary.revised}, failed: ${summary.failed.length}\n`,
  );
  for (const f of summary.failed) process.stdout.write(`  failed ${f.origin}: ${f.reason}\n`);
  if (options.wait) {
    const linked = await waitForLinking(app, workspace.id);
    process.stdout.write(`  linked: ${linked.done}, linking failed: ${linked.failed}\n`);
  }
  process.stdout.write(
    `Next: start the API (npm start) and query http://localhost:${config.port}/graphql (see README.md).\n`,
  );
});
