import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/env.js';

const HEADER =
  '# claimtrace GraphQL schema. Generated from the code by `npm run schema`; do not edit.\n\n';

/** The schema as the code defines it, printed in sorted order. */
export async function buildSchemaText(): Promise<string> {
  const url = 'postgresql://schema-print@127.0.0.1:1/none';
  const app = await createApp({ ...loadConfig({}), databaseUrl: url, linking: false }, url);
  try {
    return HEADER + printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
  } finally {
    await app.close();
  }
}
