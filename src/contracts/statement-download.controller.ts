import { Controller, Get, Header, HttpException, Param, Query, Req } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AuthService } from '../identity/auth.service';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { bearerToken } from '../identity/graphql-auth-context';
import { Locale } from '../identity/locale.enum';
import {
  statementCsv,
  type StatementCsvLanguage,
  statementFileName,
} from '../shared/statement-csv';
import { HourStatementsService } from './hour-statements.service';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.VALIDATION_FAILED]: 400,
};

/** `?lang=` values: the two languages, by their short and their full tags. */
const LANGUAGES: ReadonlyMap<string, StatementCsvLanguage> = new Map([
  ['es', 'es-MX'],
  ['es-mx', 'es-MX'],
  ['en', 'en'],
]);

/**
 * The file's language: `?lang=es|en` when given, else the caller's own (their user locale),
 * Spanish by default. Any other `lang` is VALIDATION_FAILED (400), before anything is read.
 */
function languageOf(lang: unknown, caller: AuthenticatedUser): StatementCsvLanguage {
  if (lang !== undefined) {
    // Given twice (`?lang=es&lang=en`) it is an array: refused like any other value.
    const chosen = typeof lang === 'string' ? LANGUAGES.get(lang.toLowerCase()) : undefined;
    if (!chosen)
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `lang must be es or en, not ${JSON.stringify(lang)}`,
        {
          reason: 'INVALID_LANGUAGE',
          field: 'lang',
          value: lang,
        },
      );
    return chosen;
  }
  return caller.locale === (Locale.EN as string) ? 'en' : 'es-MX';
}

/**
 * L3-03: the monthly statement of a client as a CSV download
 * (`GET /statements/<organizationId>/<YYYY-MM>.csv[?lang=es|en]` with
 * `Authorization: Bearer <token>`), with the same access rules as the `monthlyStatement` query.
 * The file is the web app's: worded in the caller's language («Concepto, Referencia…», «Cuota
 * mensual», «Total» / «Line, Reference…», «Monthly fee»), UTF-8 with a BOM, CRLF, numbers left as
 * numbers, named «estado-de-cuenta-<cliente>-<mes>.csv» / «monthly-statement-<client>-<month>.csv»
 * (the client's name as a slug). The GraphQL `csv` field keeps its codes for programs.
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
    @Query('lang') lang?: unknown,
  ): Promise<string> {
    try {
      const token = bearerToken({ req });
      const caller = await this.auth.authenticate(token);
      const language = languageOf(lang, caller);
      const statement = await this.statements.monthly(organizationId, caller, month);
      req.res?.setHeader(
        'content-disposition',
        `attachment; filename="${statementFileName(statement, language)}"`,
      );
      return statementCsv(statement, language);
    } catch (err) {
      if (err instanceof DomainError) {
        throw new HttpException({ code: err.code, message: err.message }, STATUS[err.code] ?? 500);
      }
      throw err;
    }
  }
}
