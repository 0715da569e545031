// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DOCS } from './documents';

/**
 * Every document the page sends is valid against the service's schema (the committed one, or
 * the committed one plus the pending review API), each with exactly the fragments it uses.
 */
describe('GraphQL documents', () => {
  const sdl = readFileSync(join(process.cwd(), '..', 'schema.gql'), 'utf8');
  const pending = readFileSync(join(process.cwd(), 'src/api/pending.graphql'), 'utf8');
  const schema = buildSchema(/\breviewLink\(/.test(sdl) ? sdl : `${sdl}\n${pending}`);
  for (const [name, doc] of Object.entries(DOCS)) {
    it(`${name} validates`, () => {
      expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
      // For checking the service's cost limit by hand (see README).
      if (process.env.DUMP_DOCS)
        writeFileSync(join(process.env.DUMP_DOCS, `${name}.json`), JSON.stringify({ query: doc }));
    });
  }
});
