import { readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the service's committed schema, never written by hand, so a schema change
// that breaks the page fails `npm run codegen && npm run typecheck` here instead of in a browser.
// pending.graphql declares the review mutations under the names of their spec, for as long as
// the committed schema lacks them; once ../schema.gql has them it is left out by itself.
const hasReview = /\breviewLink\(/.test(readFileSync('../schema.gql', 'utf8'));
const config: CodegenConfig = {
  schema: hasReview ? ['../schema.gql'] : ['../schema.gql', 'src/api/pending.graphql'],
  documents: ['src/api/operations/*.graphql'],
  // Formatted like the rest of the repository, so `prettier --check .` at the root passes.
  hooks: { afterAllFileWrite: ['prettier --write'] },
  generates: {
    'src/api/generated.ts': {
      // typescript-operations 6 emits the enums and inputs the documents use; the typescript
      // plugin on top would declare them twice.
      plugins: ['typescript-operations'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        skipTypename: true,
        scalars: { DateTime: 'string' },
        useTypeImports: true,
      },
    },
  },
};
export default config;
