import type { MonthlyStatement } from '../api/contracts';
import { statementCsvEn } from '../i18n/statement-csv.en';
import { type StatementCsvMessages, statementCsvEsMX } from '../i18n/statement-csv.es-mx';
import { toCsv } from '../tickets/csv';

// L3-03, L3-13: the monthly statement as a CSV file in the UI language. QA S14-F: the file said
// «MONTHLY_FEE» and «TOTAL» (the API's codes) and was named «estado-de-cuenta-…» in English too.
// Built from the statement the page shows, so the file and the screen never disagree. Numbers
// stay numbers (a dot before the decimals) for the spreadsheet to add up.

const WORDS: Record<string, StatementCsvMessages> = {
  'es-MX': statementCsvEsMX,
  en: statementCsvEn,
};

function wordsFor(language: string): StatementCsvMessages {
  return WORDS[language] ?? statementCsvEsMX;
}

/** Hours with at most two decimals, as a number cell («1.5», «8»). */
const hoursCell = (hours: number) => Math.round(hours * 100) / 100;

/** The CSV: the monthly fee, one line per ticket with hours in the month, and the total. */
export function statementCsv(
  statement: Pick<MonthlyStatement, 'month' | 'currency' | 'monthlyFee' | 'tickets'>,
  language: string,
): string {
  const w = wordsFor(language);
  const fee = (statement.monthlyFee ?? 0).toFixed(2);
  const sum = (pick: (t: MonthlyStatement['tickets'][number]) => number) =>
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
