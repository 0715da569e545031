import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../../src/config/env.js';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : files(path);
    return path.endsWith('.ts') ? [path] : [];
  });

describe('the audit log in the code', () => {
  it('has no UPDATE or DELETE path: SQL or Prisma', () => {
    const offenders = files(join(PROJECT_ROOT, 'src')).filter((file) => {
      const code = readFileSync(file, 'utf8');
      return (
        /(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?audit_event\b/i.test(code) ||
        /\.auditEvent\.(update|updateMany|delete|deleteMany|upsert)\b/.test(code)
      );
    });
    expect(offenders).toEqual([]);
  });
});
