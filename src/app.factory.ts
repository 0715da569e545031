import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ValidationPipe } from '@nestjs/common';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/env.js';
import { mountExplorer } from './graphql/explorer.js';
import { mountComparePage } from './web/compare-page.js';
import { GraphqlExceptionFilter } from './common/graphql-exception.filter.js';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { logger } from './common/logger.js';
import { rateLimitMiddleware } from './graphql/hardening.js';

/** Builds the HTTP application (not listening yet): shared by main.ts and the end-to-end tests. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl),
    {
      bodyParser: false,
      logger: ['error', 'warn'],
      // A provider that fails at boot (a missing model folder) reaches main's handler, which
      // prints a configuration error in one line instead of Nest's stack trace and exit.
      abortOnError: false,
    },
  );
  app.use(
    pinoHttp({
      logger,
      // A caller's own id is kept (so their logs and ours line up), else a new one; echoed back.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id =
          typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
    }),
  );
  app.use('/graphql', rateLimitMiddleware(config));
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  // GraphQL already rejects unknown fields; the pipe adds the class-validator rules on input types.
  app.useGlobalPipes(new ValidationPipe({ transform: true }));
  app.useGlobalFilters(new GraphqlExceptionFilter());
  if (config.introspection) mountExplorer(app);
  mountComparePage(app);
  await app.init();
  return app;
}
