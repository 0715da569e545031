/**
 * The import rule of docs/architecture.md, as eslint.config.mjs encodes it: each case lints one
 * import line as if it were written in a file of src/ and checks what `npm run lint` would say.
 */
import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

type FlatConfig = Linter.Config;

let config: FlatConfig[];

beforeAll(async () => {
  // Loaded at run time: the config is plain ESM JavaScript outside the TypeScript project.
  const path = join(process.cwd(), 'eslint.config.mjs');
  const module = (await import(path)) as { importDirection: FlatConfig[] };
  config = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
    ...module.importDirection,
  ];
});

/** The import-rule messages for `code` placed at `file` (a path inside the repository). */
function lint(file: string, code: string): string[] {
  return new Linter({ configType: 'flat', cwd: process.cwd() })
    .verify(code, config, { filename: join(process.cwd(), file) })
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import direction (eslint no-restricted-imports per folder)', () => {
  it('refuses a wrong-way import: sources/ importing claims/', () => {
    const errors = lint(
      'src/sources/source.service.ts',
      "import { ClaimService } from '../claims/claim.service.js';\nexport const x = ClaimService;\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^no-restricted-imports: .*src\/sources\/ may not import src\/claims\//,
      ),
    ]);
  });

  it('allows the right way: claims/ importing sources/, ingest/ importing claims/', () => {
    expect(lint('src/claims/x.ts', "import { Source } from '../sources/source.model.js';")).toEqual(
      [],
    );
    expect(
      lint('src/ingest/prepare/x.ts', "import { a } from '../../claims/extraction/index.js';"),
    ).toEqual([]);
  });

  it('counts type-only imports and imports from nested folders', () => {
    expect(
      lint('src/claims/x.ts', "import type { IngestResult } from '../ingest/ingest.service.js';"),
    ).toHaveLength(1);
    expect(
      lint(
        'src/ingest/prepare/x.ts',
        "import { LinkService } from '../../linking/link.service.js';",
      ),
    ).toHaveLength(1);
  });

  it('keeps graphql/ and common/ free of features', () => {
    expect(
      lint(
        'src/graphql/x.ts',
        "import { SourceRepository } from '../sources/source.repository.js';",
      ),
    ).toHaveLength(1);
    expect(
      lint('src/graphql/x.ts', "import { AuthService } from '../auth/auth.service.js';"),
    ).toHaveLength(1);
    expect(
      lint('src/common/x.ts', "import type { GqlContext } from '../graphql/context.js';"),
    ).toHaveLength(1);
    expect(lint('src/graphql/x.ts', "import { notFound } from '../common/errors.js';")).toEqual([]);
  });

  it('keeps the text kit pure: it imports no feature, every stage may import it', () => {
    expect(
      lint('src/text/x.ts', "import type { ClaimFacets } from '../claims/extraction/types.js';"),
    ).toHaveLength(1);
    expect(lint('src/text/x.ts', "import { loadConfig } from '../config/config.js';")).toHaveLength(
      1,
    );
    expect(lint('src/text/x.ts', "import { fnv1a } from './minhash.js';")).toEqual([]);
    expect(
      lint('src/claims/extraction/x.ts', "import { tokenize } from '../../text/tokens.js';"),
    ).toEqual([]);
    expect(
      lint('src/tracking/domain/x.ts', "import { mix } from '../../text/minhash.js';"),
    ).toEqual([]);
  });

  it('lets every stage write the audit log but not reach into the rest of provenance/', () => {
    expect(
      lint(
        'src/ingest/x.ts',
        "import { AuditRepository } from '../provenance/audit/audit.repository.js';",
      ),
    ).toEqual([]);
    expect(
      lint(
        'src/linking/x.ts',
        "import { AuditLogService } from '../provenance/audit/audit-log.service.js';",
      ),
    ).toHaveLength(1);
    expect(
      lint(
        'src/ingest/x.ts',
        "import { ProvenanceService } from '../provenance/provenance.service.js';",
      ),
    ).toHaveLength(1);
  });

  it('keeps the last two stages apart and lets the CLI import anything', () => {
    expect(
      lint(
        'src/tracking/x.ts',
        "import { ReviewService } from '../provenance/review/review.service.js';",
      ),
    ).toHaveLength(1);
    expect(
      lint('src/provenance/review/x.ts', "import { T } from '../../tracking/tracking.service.js';"),
    ).toHaveLength(1);
    expect(lint('src/cli/x.ts', "import { T } from '../tracking/tracking.service.js';")).toEqual(
      [],
    );
    expect(lint('src/sources/x.ts', "import { createApp } from '../app.factory.js';")).toHaveLength(
      1,
    );
  });
});
