/**
 * npm run schema: writes the GraphQL schema the code defines to schema.gql (committed; a test
 * fails when they differ). Needs no database: nothing connects until a query runs.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/env.js';
import { buildSchemaText } from './schema-text.js';

const text = await buildSchemaText();
writeFileSync(join(PROJECT_ROOT, 'schema.gql'), text);
process.stdout.write(`wrote schema.gql (${text.length} bytes)\n`);
process.exit(0);
