/**
 * The real service on a fresh database of its own, listening on a random port; tests talk to it
 * over HTTP exactly as a researcher's script would.
 */
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/env.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { AuthService } from '../../src/auth/auth.service.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    extensions?: { code?: string; [k: string]: unknown };
    path?: unknown[];
  }[];
}

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  url: string;
  prisma: PrismaService;
  /** An administrator's API key; gql/ok send it unless the headers carry another Authorization. */
  adminKey: string;
  /** Makes a user (when new) and returns a fresh key for it. */
  createKey(user: string, admin?: boolean): Promise<string>;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  /** Like gql, but fails the test with the errors when there are any. */
  ok<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<T>;
  close(): Promise<void>;
}

export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config: AppConfig = { ...loadConfig({}), databaseUrl: db.url, ...overrides };
  const app = await createApp(config, db.url);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/graphql`;
  const auth = app.get(AuthService);
  const adminKey = (await auth.createKey('test-admin', { admin: true })).plaintext;
  const gql: TestApp['gql'] = async (query, variables, headers = {}) => {
    const hasAuth = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(hasAuth ? {} : { authorization: `Bearer ${adminKey}` }),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    try {
      return { status: res.status, ...JSON.parse(text) };
    } catch {
      return { status: res.status, errors: [{ message: text }] };
    }
  };
  return {
    app,
    db,
    url,
    prisma: app.get(PrismaService),
    adminKey,
    createKey: async (user, admin = false) => (await auth.createKey(user, { admin })).plaintext,
    gql,
    ok: async (query, variables, headers) => {
      const res = await gql(query, variables, headers);
      if (res.errors?.length)
        throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as never;
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
