// Runs before anything else in `npm start`, `npm test` and the commands: an older Node fails
// later with errors that do not name the cause (syntax it cannot parse, missing require(esm)).
// Plain JavaScript with no imports beyond node:, so it runs on any Node that can start.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = /^>=\s*(\d+)(?:\.(\d+))?/.exec(pkg.engines?.node ?? '');
if (wanted) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const needMajor = Number(wanted[1]);
  const needMinor = Number(wanted[2] ?? 0);
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    process.stderr.write(
      `claimtrace needs Node ${needMajor}.${needMinor} or newer (package.json "engines"); ` +
        `this is Node ${process.versions.node}.\nInstall a current Node (https://nodejs.org, or ` +
        '`nvm install 20`), then run `npm ci` again.\n',
    );
    process.exit(1);
  }
}
