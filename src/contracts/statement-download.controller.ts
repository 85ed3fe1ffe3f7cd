import { Controller, Get, Header, HttpException, Param, Req } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AuthService } from '../identity/auth.service';
import { bearerToken } from '../identity/graphql-auth-context';
import { HourStatementsService } from './hour-statements.service';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.VALIDATION_FAILED]: 400,
};

/**
 * L3-03: the monthly statement of a client as a CSV download
 * (`GET /statements/<organizationId>/<YYYY-MM>.csv` with `Authorization: Bearer <token>`), with the
 * same access rules as the `monthlyStatement` query.
 */
@Controller('statements')
export class StatementDownloadController {
  constructor(
    private readonly auth: AuthService,
    private readonly statements: HourStatementsService,
  ) {}

  @Get(':organizationId/:month.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async download(
    @Param('organizationId') organizationId: string,
    @Param('month') month: string,
    @Req() req: IncomingMessage & { res?: ServerResponse },
  ): Promise<string> {
    try {
      const token = bearerToken({ req });
      const caller = await this.auth.authenticate(token);
      const statement = await this.statements.monthly(organizationId, caller, month);
      req.res?.setHeader(
        'content-disposition',
        `attachment; filename="estado-de-cuenta-${month}.csv"`,
      );
      return statement.csv;
    } catch (err) {
      if (err instanceof DomainError) {
        throw new HttpException({ code: err.code, message: err.message }, STATUS[err.code] ?? 500);
      }
      throw err;
    }
  }
}
