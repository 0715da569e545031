import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../common/pagination.js';
import type { ClaimPageLoader } from './claim.loaders.js';
import { ClaimRepository, type ClaimRow } from './claim.repository.js';

const MAX_QUERY_LENGTH = 500;

@Injectable()
export class ClaimService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: ClaimRepository,
  ) {}

  async find(id: string): Promise<ClaimRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.claims.findByIds([id]);
    return row ?? null;
  }

  async get(id: string): Promise<ClaimRow> {
    const row = await this.find(id);
    if (!row) throw notFound('claim', id);
    return row;
  }

  async pageForRevision(
    revisionId: string | null,
    args: { first?: number | null; after?: string | null; minCheckworthiness?: number | null },
    claimPages: ClaimPageLoader,
  ): Promise<Connection<ClaimRow>> {
    const limit = pageSize(args.first);
    const min = args.minCheckworthiness ?? this.config.checkworthinessThreshold;
    if (!Number.isFinite(min) || min < 0 || min > 1) {
      throw badInput('minCheckworthiness must be between 0 and 1', { field: 'minCheckworthiness' });
    }
    const after = decodeCursor<[number]>(args.after, ['number']);
    if (!revisionId) return toConnection([], limit, 0, () => []);
    const page = await claimPages.load({
      revisionId,
      minCheckworthiness: min,
      limit,
      afterIndex: after ? after[0] : -1,
    });
    return toConnection(page.rows, limit, page.total, (r) => [r.sentenceIndex]);
  }

  async search(
    workspaceId: string,
    query: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ) {
    const limit = pageSize(first);
    const trimmed = query.trim();
    if (!trimmed) throw badInput('query must not be empty', { field: 'query' });
    if (trimmed.length > MAX_QUERY_LENGTH) {
      throw badInput(`query must be at most ${MAX_QUERY_LENGTH} characters`, { field: 'query' });
    }
    const offset = decodeCursor<[number]>(after, ['number'])?.[0] ?? 0;
    if (offset < 0 || !Number.isInteger(offset))
      throw badInput('after is not a valid cursor', { field: 'after' });
    const { rows, total } = await this.claims.search(workspaceId, trimmed, limit, offset);
    let position = offset;
    const withPosition = rows.map((row) => ({ row, position: ++position }));
    const connection = toConnection(withPosition, limit, total, (r) => [r.position]);
    return {
      ...connection,
      edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.row })),
    };
  }
}
