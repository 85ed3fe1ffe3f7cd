import { toCsv } from './csv';

// L3-03, L3-13: a client's monthly statement as a CSV file in the reader's language. One rule for
// the web app's download (built from the statement the page shows) and the API's
// GET /statements/<organizationId>/<YYYY-MM>.csv (QA S14-F, S15: the API's file still said
// MONTHLY_FEE / TOTAL and line,reference,hours_logged…). Numbers stay numbers (a dot before the
// decimals) for the spreadsheet to add up. Pure (no Node, DOM or Nest).

/** The languages the file is written in: the web app's `Language` and the server's `Locale`. */
export type StatementCsvLanguage = 'es-MX' | 'en';

/** The words of one language. */
export interface StatementCsvWords {
  /** `estado-de-cuenta-2026-11.csv` */
  readonly fileName: (month: string) => string;
  readonly header: readonly string[];
  readonly monthlyFee: string;
  readonly ticket: string;
  readonly total: string;
}

export const STATEMENT_CSV_WORDS: Readonly<Record<StatementCsvLanguage, StatementCsvWords>> = {
  'es-MX': {
    fileName: (month) => `estado-de-cuenta-${month}.csv`,
    header: [
      'Concepto',
      'Referencia',
      'Horas registradas',
      'Horas cobradas',
      'Horas sin cargo',
      'Importe',
      'Moneda',
    ],
    monthlyFee: 'Cuota mensual',
    ticket: 'Ticket',
    total: 'Total',
  },
  en: {
    fileName: (month) => `monthly-statement-${month}.csv`,
    header: [
      'Line',
      'Reference',
      'Hours logged',
      'Hours charged',
      'Hours free of charge',
      'Amount',
      'Currency',
    ],
    monthlyFee: 'Monthly fee',
    ticket: 'Ticket',
    total: 'Total',
  },
};

/** What the file is written from (the `MonthlyStatement` the API answers). */
export interface StatementCsvInput {
  readonly month: string;
  readonly currency: string;
  readonly monthlyFee: number | null;
  readonly tickets: readonly {
    readonly ticketNumber: string;
    readonly hoursLogged: number;
    readonly hoursCharged: number;
    readonly hoursWaived: number;
  }[];
}

/** The words of `language`; Spanish for any other value. */
function wordsFor(language: string): StatementCsvWords {
  return language === 'en' ? STATEMENT_CSV_WORDS.en : STATEMENT_CSV_WORDS['es-MX'];
}

/** Hours with at most two decimals, as a number cell («1.5», «8»). */
const hoursCell = (hours: number) => Math.round(hours * 100) / 100;

/** The CSV: the monthly fee, one line per ticket with hours in the month, and the total. */
export function statementCsv(statement: StatementCsvInput, language: string): string {
  const w = wordsFor(language);
  const fee = (statement.monthlyFee ?? 0).toFixed(2);
  const sum = (pick: (t: StatementCsvInput['tickets'][number]) => number) =>
    hoursCell(statement.tickets.reduce((total, t) => total + pick(t), 0));
  return toCsv(w.header, [
    [w.monthlyFee, statement.month, null, null, null, fee, statement.currency],
    ...statement.tickets.map((t) => [
      w.ticket,
      t.ticketNumber,
      hoursCell(t.hoursLogged),
      hoursCell(t.hoursCharged),
      hoursCell(t.hoursWaived),
      null,
      null,
    ]),
    [
      w.total,
      statement.month,
      sum((t) => t.hoursLogged),
      sum((t) => t.hoursCharged),
      sum((t) => t.hoursWaived),
      fee,
      statement.currency,
    ],
  ]);
}

/** «estado-de-cuenta-2026-11.csv» / «monthly-statement-2026-11.csv». */
export function statementFileName(month: string, language: string): string {
  return wordsFor(language).fileName(month);
}
