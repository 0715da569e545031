import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { AuthService } from '../../auth/auth.service.js';
import type { Response } from 'express';
import { DomainError } from '../../common/errors.js';
import { graphqlCodeFor } from '../../common/graphql-error.formatter.js';
import { logger } from '../../common/logger.js';
import { ExportService, type CsvTable } from './export.service.js';

const STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/**
 * CSV downloads, streamed: GraphQL answers with one JSON document, which cannot stream a
 * 100,000-row table, so `workspaceExport` points here. Errors are answered here too: the global
 * exception filter hands errors back to GraphQL and would leave an HTTP request hanging.
 */
@Controller('exports/workspaces')
export class ExportController {
  constructor(
    private readonly exports: ExportService,
    private readonly auth: AuthService,
  ) {}

  @Get(':workspaceId/claims.csv')
  claims(
    @Param('workspaceId') id: string,
    @Query('batch') batch: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ) {
    return this.send('claims', id, batch, authorization, res);
  }

  @Get(':workspaceId/links.csv')
  links(
    @Param('workspaceId') id: string,
    @Query('batch') batch: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ) {
    return this.send('links', id, batch, authorization, res);
  }

  private async send(
    table: CsvTable,
    workspaceId: string,
    batch: string | undefined,
    authorization: string | undefined,
    res: Response,
  ) {
    try {
      // Same keys and roles as GraphQL: viewers may export, strangers see NOT_FOUND.
      const access = await this.auth.accessFor(authorization);
      await access.assertRead(workspaceId, 'workspace', workspaceId);
      await this.exports.assertWorkspace(workspaceId);
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${table}.csv"`);
      const size = Number(batch);
      await this.exports.writeCsv(
        workspaceId,
        table,
        res,
        Number.isInteger(size) && size > 0 && size <= 10_000 ? size : undefined,
      );
    } catch (error) {
      if (res.headersSent) {
        logger.error({ err: error, workspaceId, table }, 'CSV export failed mid-stream');
        res.destroy();
        return;
      }
      if (error instanceof DomainError) {
        res
          .status(STATUS[error.code] ?? 400)
          .json({ error: { code: graphqlCodeFor(error.code), message: error.message } });
        return;
      }
      logger.error({ err: error, workspaceId, table }, 'CSV export failed');
      res
        .status(500)
        .json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
    }
  }
}
