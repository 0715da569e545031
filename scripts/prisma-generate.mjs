// Runs `prisma generate` offline. The Prisma CLI insists on a native schema-engine binary that
// it downloads from a host these machines cannot reach, although `generate` never uses it; a
// stand-in executable satisfies the check. Skips the work when the client is already current.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = readFileSync(join(root, 'prisma/schema.prisma'));
const version = JSON.parse(
  readFileSync(join(root, 'node_modules/prisma/package.json'), 'utf8'),
).version;
const stamp = createHash('sha256').update(schema).update(version).digest('hex');
const stampFile = join(root, 'src/generated/prisma/.schema-stamp');
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

const fake = join(root, 'node_modules/.cache/claimtrace/schema-engine-stub');
mkdirSync(dirname(fake), { recursive: true });
writeFileSync(fake, '#!/bin/sh\nexit 0\n');
chmodSync(fake, 0o755);
const res = spawnSync(
  process.execPath,
  [join(root, 'node_modules/prisma/build/index.js'), 'generate'],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: fake,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
);
if (res.status !== 0) {
  process.stdout.write(res.stdout);
  process.exit(res.status ?? 1);
}
writeFileSync(stampFile, stamp);
