/**
 * npm run workspace:export -- --workspace ID_OR_NAME --out FILE
 * Writes the whole workspace (sources and revisions, claims, links with their history, reviews,
 * members, the audit chain) as one portable archive: gzip'd JSON lines, streamed.
 */
import { Command } from 'commander';
import { PrismaService } from '../database/prisma.service.js';
import { badInput } from '../common/errors.js';
import { ArchiveError } from '../workspace-archive/archive-format.js';
import { WorkspaceArchiveService } from '../workspace-archive/workspace-archive.service.js';
import { runCli } from './context.js';

const options = new Command()
  .name('npm run workspace:export --')
  .description('Back up or hand over a workspace as one archive (restore with workspace:import)')
  .requiredOption('-w, --workspace <idOrName>', 'workspace id or name')
  .requiredOption('-o, --out <file>', 'archive to write, e.g. workspace.ctar.gz')
  .parse()
  .opts<{ workspace: string; out: string }>();

await runCli(async ({ app }) => {
  const archive = new WorkspaceArchiveService(app.get(PrismaService));
  const summary = await archive.exportToFile(options.workspace, options.out).catch((error) => {
    throw error instanceof ArchiveError ? badInput(error.message) : error;
  });
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `exported workspace "${summary.workspace.name}" (${summary.workspace.id}) to ${options.out}: ${total} rows\n` +
      `  sources ${summary.rows.source}, revisions ${summary.rows.source_revision}, claims ${summary.rows.claim}, ` +
      `links ${summary.rows.claim_link}, reviews ${summary.rows.claim_review}, audit events ${summary.rows.audit_event}\n`,
  );
  if (summary.skippedTables?.length)
    process.stdout.write(
      `  not archived (unknown to this version): ${summary.skippedTables.join(', ')}\n`,
    );
});
