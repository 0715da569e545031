import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ValidationPipe } from '@nestjs/common';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/env.js';
import { mountExplorer } from './graphql/explorer.js';
import { GraphqlExceptionFilter } from './common/graphql-exception.filter.js';

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
    },
  );
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  // GraphQL already rejects unknown fields; the pipe adds the class-validator rules on input types.
  app.useGlobalPipes(new ValidationPipe({ transform: true }));
  app.useGlobalFilters(new GraphqlExceptionFilter());
  if (config.introspection) mountExplorer(app);
  await app.init();
  return app;
}
