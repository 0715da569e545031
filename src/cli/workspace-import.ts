/**
 * npm run workspace:import -- FILE
 * Restores a workspace archive (from workspace:export) into this installation: the embedded
 * database, or DATABASE_URL. All or nothing; refuses a damaged or edited archive, and a workspace
 * this installation already holds (ids are kept: the audit chain is bound to them).
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { PrismaService } from '../database/prisma.service.js';
import { badInput } from '../common/errors.js';
import { ArchiveError } from '../workspace-archive/archive-format.js';
import { WorkspaceArchiveService } from '../workspace-archive/workspace-archive.service.js';
import { runCli } from './context.js';

const program = new Command()
  .name('npm run workspace:import --')
  .description('Restore a workspace archive made by workspace:export')
  .argument('<file>', 'the archive')
  .parse();
const file = program.args[0]!;

await runCli(async ({ app }) => {
  if (!existsSync(file))
    throw badInput(`no file ${file}: give the path of an archive from workspace:export`);
  const archive = new WorkspaceArchiveService(app.get(PrismaService));
  try {
    const summary = await archive.importFromFile(file);
    process.stdout.write(
      `imported workspace "${summary.workspace.name}" (${summary.workspace.id})\n` +
        `  sources ${summary.rows.source}, revisions ${summary.rows.source_revision}, claims ${summary.rows.claim}, ` +
        `links ${summary.rows.claim_link}, reviews ${summary.rows.claim_review}, audit events ${summary.rows.audit_event}\n` +
        `  audit chain verified; head hash ${summary.auditHeadHash}\n`,
    );
  } catch (error) {
    if (error instanceof ArchiveError) throw badInput(`${file}: ${error.message}`);
    throw error;
  }
});
