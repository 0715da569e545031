import { Global, Module, type DynamicModule } from '@nestjs/common';
import { createPool, PrismaService } from './prisma.service.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: PrismaService, useFactory: () => new PrismaService(createPool(databaseUrl)) },
      ],
      exports: [PrismaService, DATABASE_URL],
    };
  }
}
