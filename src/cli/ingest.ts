/**
 * npm run ingest -- --workspace NAME FILES...
 * Reads .txt, .html and .jsonl files into a workspace (by id, or by name: created when absent).
 */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { IngestService } from '../ingest/ingest.service.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import { runCli } from './context.js';
import { readInputs } from './ingest-files.js';
import { bulkIngest } from '../ingest/bulk-ingest.js';
import { waitForLinking } from './wait-linking.js';

const program = new Command()
  .name('npm run ingest --')
  .description(
    'Ingest .txt, .html and .jsonl files (one IngestSourceInput per line) into a workspace',
  )
  .requiredOption('-w, --workspace <idOrName>', 'workspace id, or a name (created when absent)')
  .option('--batch <n>', 'sources per transaction', '50')
  .option(
    '--wait',
    'link here too and wait, with a progress bar, until the workspace is linked',
    false,
  )
  .argument('<files...>', 'files to ingest')
  .parse();

const options = program.opts<{ workspace: string; batch: string; wait: boolean }>();
const files = program.args;

await runCli(async ({ app, actor }) => {
  const workspace = await app.get(WorkspaceService).resolveOrCreate(options.workspace);
  const items = files.flatMap(readInputs);
  const bar = new cliProgress.SingleBar(
    { format: 'ingest [{bar}] {value}/{total} sources | {duration}s', noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  if (process.stderr.isTTY) bar.start(items.length, 0);
  const summary = await bulkIngest(
    app.get(IngestService),
    workspace.id,
    items,
    actor,
    (done) => process.stderr.isTTY && bar.update(done),
    Math.max(1, Number(options.batch) || 50),
  );
  if (process.stderr.isTTY) bar.stop();
  process.stdout.write(
    `workspace ${workspace.name} (${workspace.id})\n` +
      `ingested: ${summary.ingested}, unchanged: ${summary.unchanged}, revised: ${summary.revised}, failed: ${summary.failed.length}\n`,
  );
  for (const f of summary.failed) process.stdout.write(`  failed ${f.origin}: ${f.reason}\n`);
  if (summary.failed.length) process.exitCode = 2;
  if (options.wait) {
    const linked = await waitForLinking(app, workspace.id);
    process.stdout.write(`linked: ${linked.done}, linking failed: ${linked.failed}\n`);
  }
});
