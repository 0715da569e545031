/**
 * Imported first by every entry point (service, worker, commands): refuses an older Node with a
 * clear message instead of a later, unrelated-looking failure. The minimum is package.json's
 * "engines" (Node 20.19 loads the ESM-only Nest packages through require(esm) without a flag).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Parses ">=MAJOR[.MINOR]" and says whether `version` satisfies it. */
export function nodeSatisfies(version: string, range: string): boolean {
  const wanted = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range);
  if (!wanted) return true;
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const needMajor = Number(wanted[1]);
  const needMinor = Number(wanted[2] ?? 0);
  return major > needMajor || (major === needMajor && minor >= needMinor);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const range = (() => {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      engines?: { node?: string };
    };
    return pkg.engines?.node ?? '';
  } catch {
    return '';
  }
})();
if (!nodeSatisfies(process.versions.node, range)) {
  process.stderr.write(
    `claimtrace needs Node ${range.replace(/^>=\s*/, '')} or newer; this is Node ${process.versions.node}. ` +
      'Install a current Node, then run `npm ci` again.\n',
  );
  process.exit(1);
}
