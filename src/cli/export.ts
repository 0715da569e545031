/**
 * npm run export -- --workspace ID_OR_NAME --out DIR             claims.csv + links.csv
 * npm run export -- --claim ID --format prov|annotation|claim-review [--out FILE]
 * npm run export -- --source ID --format annotation [--out FILE]
 * The same services as the GraphQL exports; CSV is streamed, so any workspace size fits in memory.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { badInput } from '../common/errors.js';
import { ExportService } from '../provenance/exports/export.service.js';
import { ProvenanceService } from '../provenance/provenance.service.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import { runCli } from './context.js';

const program = new Command()
  .name('npm run export --')
  .description(
    'Export claims and links as CSV, or one claim as PROV-O / Web Annotation / ClaimReview JSON-LD',
  )
  .option('-w, --workspace <idOrName>', 'export the whole workspace as CSV (claims.csv, links.csv)')
  .option('-c, --claim <id>', 'export one claim as JSON-LD')
  .option('-s, --source <id>', "export a source's current claims as a Web Annotation collection")
  .addOption(
    new Option('-f, --format <format>', 'JSON-LD format for --claim / --source').choices([
      'prov',
      'annotation',
      'claim-review',
    ]),
  )
  .option('-o, --out <path>', 'directory for CSV (default: .), file for JSON-LD (default: stdout)')
  .parse();

const options = program.opts<{
  workspace?: string;
  claim?: string;
  source?: string;
  format?: 'prov' | 'annotation' | 'claim-review';
  out?: string;
}>();

async function writeJson(doc: unknown, out: string | undefined) {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}

await runCli(async ({ app }) => {
  const chosen = [options.workspace, options.claim, options.source].filter(Boolean).length;
  if (chosen !== 1) throw badInput('pass exactly one of --workspace, --claim, --source');
  if (options.workspace) {
    const workspace = await app.get(WorkspaceService).resolveExisting(options.workspace);
    const dir = options.out ?? '.';
    mkdirSync(dir, { recursive: true });
    const exports = app.get(ExportService);
    for (const table of ['claims', 'links'] as const) {
      const file = join(dir, `${table}.csv`);
      const rows = await exports.writeCsv(workspace.id, table, createWriteStream(file));
      process.stdout.write(`${file}: ${rows} rows\n`);
    }
    return;
  }
  const provenance = app.get(ProvenanceService);
  if (options.source) {
    if (options.format && options.format !== 'annotation')
      throw badInput('--source exports Web Annotations only (--format annotation)');
    await writeJson(await provenance.sourceAnnotations(options.source, 0), options.out);
    return;
  }
  const claimId = options.claim!;
  switch (options.format ?? 'prov') {
    case 'prov':
      return writeJson(await provenance.provJsonLd(claimId), options.out);
    case 'annotation':
      return writeJson(await provenance.annotationJsonLd(claimId), options.out);
    case 'claim-review':
      return writeJson(await provenance.claimReviewJsonLd(claimId), options.out);
  }
});
