/** npm run migrate: applies pending migrations to DATABASE_URL (or the embedded server) and exits. */
import { loadConfig } from '../config/env.js';
import { prepareDatabase } from '../database/bootstrap.js';

const db = await prepareDatabase(loadConfig());
await db.close();
process.stdout.write('database is up to date\n');
process.exit(0);
