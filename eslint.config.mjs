// Lint: type-aware rules that catch real bugs in async service code (floating promises,
// non-exhaustive switches), kept quiet on style that Prettier owns.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The import rule (docs/architecture.md): data moves one way through the pipeline, and a folder
// of src/ imports only from the folders before it. Kits first, then the stages in order; the
// last two are siblings that may not import each other. cli/, main.ts and app wiring import
// anything. ESLint's own no-restricted-imports with one block per folder enforces it.
const PIPELINE =
  'config/common/database/graphql (kits) -> workspaces -> auth -> sources -> claims -> ingest -> linking -> tracking | provenance -> workspace-archive';
const STAGES = [
  ['workspaces'],
  ['auth'],
  ['sources'],
  ['claims'],
  ['ingest'],
  ['linking'],
  ['tracking', 'provenance'],
  // Backup and hand-over reads every table of a workspace and verifies its audit chain.
  ['workspace-archive'],
];
/** Kits and edge folders import only what is listed. */
const KITS = {
  config: [],
  common: ['config'],
  database: ['config', 'common', 'generated'],
  graphql: ['config', 'common'],
  health: ['config', 'common', 'database'],
  web: ['config', 'common'],
  /** Pure text kit (tokenisers, stopwords, cue words, MinHash): imports no feature. */
  text: [],
};
const ALL = [...Object.keys(KITS), ...STAGES.flat(), 'cli', 'bench', 'eval'];
/** Every stage writes the audit log, so its writer is open to all (reading it stays in provenance). */
const AUDIT_WRITER = 'audit/(audit\\.repository|audit-chain|audit\\.module)\\.js$';
const WIRING = { regex: '^(\\.\\./)+(app\\.module|app\\.factory|main|worker)\\.js$' };

function importRule(folder, banned, { auditWriter = false } = {}) {
  const patterns = banned.map((target) => ({
    regex:
      target === 'provenance' && auditWriter
        ? `^(\\.\\./)+provenance/(?!${AUDIT_WRITER})`
        : `^(\\.\\./)+${target}(/|$)`,
    message: `src/${folder}/ may not import src/${target}/: imports follow ${PIPELINE}.`,
  }));
  patterns.push({ ...WIRING, message: `src/${folder}/ may not import the app wiring.` });
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export const importDirection = [
  ...Object.entries(KITS).map(([kit, allowed]) =>
    importRule(
      kit,
      ALL.filter((f) => f !== kit && !allowed.includes(f)),
    ),
  ),
  ...STAGES.flatMap((level, i) =>
    level.map((stage) =>
      importRule(
        stage,
        [
          ...level.filter((s) => s !== stage),
          ...STAGES.slice(i + 1).flat(),
          'cli',
          'bench',
          'eval',
          'health',
          'web',
        ],
        { auditWriter: true },
      ),
    ),
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'src/generated/**',
      'node_modules/**',
      'web/**',
      'coverage/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off',
    },
  },
  ...importDirection,
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
);
