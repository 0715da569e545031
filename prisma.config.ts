// Prisma CLI configuration. The URL is read from the environment with a harmless fallback so
// `prisma generate` works on a machine with no database (generate never connects).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/claimtrace',
  },
});
