/**
 * Finding a workspace by name for the command line, on a real PostgreSQL database of this file's
 * own: commands started together that name the same new workspace must end up in one.
 */
import { PrismaService, createPool } from '../../../src/database/prisma.service.js';
import { WorkspaceRepository } from '../../../src/workspaces/workspace.repository.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-db.js';

let db: TestDatabase;
let prisma: PrismaService;
let repo: WorkspaceRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = new PrismaService(createPool(db.url, 12));
  repo = new WorkspaceRepository(prisma);
});

afterAll(async () => {
  await prisma.onModuleDestroy();
  await db.drop();
});

describe('WorkspaceRepository.findOrCreateByName', () => {
  it('creates one workspace when several callers name a new one at the same moment', async () => {
    // Before the name lock, each caller saw no workspace and created its own, and every later
    // command then refused the name as ambiguous.
    const results = await Promise.all(
      Array.from({ length: 24 }, () => repo.findOrCreateByName('Started together')),
    );
    const ids = new Set(results.flat().map((w) => w.id));
    expect(ids.size).toBe(1);
    expect(await repo.findByName('Started together')).toHaveLength(1);
  });

  it('returns every workspace of a name that is already ambiguous, creating none', async () => {
    await repo.create('Twice', null);
    await repo.create('Twice', null);
    expect(await repo.findOrCreateByName('Twice')).toHaveLength(2);
    expect(await repo.findByName('Twice')).toHaveLength(2);
  });
});
