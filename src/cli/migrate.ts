/** npm run migrate: applies pending migrations to DATABASE_URL (or the embedded server) and exits. */
import '../config/node-version.js';
import { loadConfig } from '../config/env.js';
import { prepareDatabase } from '../database/bootstrap.js';
import { describeError } from '../common/describe-error.js';

try {
  const db = await prepareDatabase(loadConfig(), 'cli');
  await db.close();
  process.stdout.write('database is up to date\n');
  process.exit(0);
} catch (error) {
  process.stderr.write(`error: ${describeError(error)}\n`);
  process.exit(1);
}
