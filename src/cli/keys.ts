/**
 * npm run keys -- create --user NAME [--admin] [--label TEXT]
 * npm run keys -- list [--user NAME]
 * npm run keys -- revoke KEY_ID
 * Keys are stored only as salted hashes: `create` prints the key once.
 */
import { Command } from 'commander';
import { AuthService } from '../auth/auth.service.js';
import { runCli } from './context.js';

const program = new Command().name('npm run keys --').description('Manage API keys');

program
  .command('create')
  .requiredOption('-u, --user <name>', 'user name (created when new)')
  .option('--admin', 'make the user an administrator', false)
  .option('-l, --label <text>', 'what the key is for')
  .action((opts: { user: string; admin: boolean; label?: string }) =>
    runCli(async ({ app }) => {
      const created = await app
        .get(AuthService)
        .createKey(opts.user, { admin: opts.admin, label: opts.label ?? null });
      process.stdout.write(
        `API key for ${created.user.name}${created.user.isAdmin ? ' (administrator)' : ''}, id ${created.keyId}:\n\n` +
          `  ${created.plaintext}\n\nStore it now; it cannot be shown again. Use it as "Authorization: Bearer <key>".\n`,
      );
    }),
  );

program
  .command('list')
  .option('-u, --user <name>', 'only this user')
  .action((opts: { user?: string }) =>
    runCli(async ({ app }) => {
      const auth = app.get(AuthService);
      const userId = opts.user ? (await auth.userByName(opts.user)).id : undefined;
      for (const k of await auth.listKeys(userId)) {
        process.stdout.write(
          `${k.id}  user ${k.userId}  ${k.label ?? ''}  created ${k.createdAt.toISOString()}  ` +
            `last used ${k.lastUsedAt?.toISOString() ?? 'never'}${k.revokedAt ? `  REVOKED ${k.revokedAt.toISOString()}` : ''}\n`,
        );
      }
    }),
  );

program
  .command('revoke')
  .argument('<keyId>')
  .action((keyId: string) =>
    runCli(async ({ app }) => {
      const key = await app.get(AuthService).revokeKey(keyId);
      process.stdout.write(`revoked ${key.id} at ${key.revokedAt?.toISOString()}\n`);
    }),
  );

await program.parseAsync();
