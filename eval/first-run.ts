/**
 * npm run first-run -- --from RESULTS --commit SHA --out examples/first-runs/NAME.json
 *
 * Records the first run of probe sets the linker had not been tuned on: every stored link
 * touching a gold claim, with the classifier's own confidence, its signal kinds and whether
 * the gold has it. RESULTS is an `npm run eval` results file made with LINK_CALIBRATION=false
 * on the commit before anyone read the linker's output on those sets (SHA). The link
 * calibration (npm run train:calibration) reads these records as the best evidence of how
 * often a link is right on a researcher's new text: links on the sets the linker was tuned on
 * are right more often than they will be on text it has never seen.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import * as prettier from 'prettier';
import type { ProbeScores } from './lib/examples.js';
import type { FirstRunRecord } from './lib/first-runs.js';

const program = new Command()
  .name('first-run')
  .requiredOption('--from <file>', 'npm run eval results made with LINK_CALIBRATION=false')
  .requiredOption('--commit <sha>', 'the commit that made them (before the sets were learned from)')
  .requiredOption('--out <file>', 'where to write the record (examples/first-runs/NAME.json)')
  .option('--sets <names>', 'comma-separated sets to keep (default: every probe set in the file)')
  .parse();
const o = program.opts<{ from: string; commit: string; out: string; sets?: string }>();

async function main() {
  const results = JSON.parse(readFileSync(o.from, 'utf8')) as {
    linkCalibration?: boolean;
    method?: string;
    probes?: ProbeScores[];
  };
  if (results.linkCalibration !== false)
    throw new Error(`${o.from} was not made with LINK_CALIBRATION=false`);
  const keep = o.sets ? new Set(o.sets.split(',')) : null;
  const probes = (results.probes ?? []).filter((p) => !keep || keep.has(p.name));
  if (probes.length === 0) throw new Error(`${o.from} has none of the probe sets asked for`);
  const record: FirstRunRecord = {
    commit: o.commit,
    method: results.method ?? 'unknown',
    command: `LINK_CALIBRATION=false npm run eval (probe sets only), then npm run first-run`,
    sets: probes.map((p) => ({
      name: p.name,
      links: p.judged.map((j) => ({
        a: j.a,
        b: j.b,
        relation: j.relation,
        confidence: j.confidence,
        signals: j.signals,
        right: j.right,
      })),
    })),
  };
  const style = (await prettier.resolveConfig(o.out)) ?? {};
  writeFileSync(
    o.out,
    await prettier.format(JSON.stringify(record), { ...style, filepath: path.resolve(o.out) }),
  );
  process.stderr.write(
    `${o.out}: ${probes.length} sets, ${record.sets.reduce((n, s) => n + s.links.length, 0)} links\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`first-run: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
