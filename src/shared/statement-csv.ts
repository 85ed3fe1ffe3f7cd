import { toCsv } from './csv';
import { slugify } from './slug';
import { dateTimeFormat } from './intl-formats';

// L3-03, L3-13: a client's monthly statement as a CSV file in the reader's language. One rule for
// the web app's download (built from the statement the page shows) and the API's
// GET /statements/<organizationId>/<YYYY-MM>.csv (QA S14-F, S15: the API's file still said
// MONTHLY_FEE / TOTAL and line,reference,hours_logged…). Numbers stay numbers (a dot before the
// decimals) for the spreadsheet to add up. Pure (no Node, DOM or Nest).

/** The languages the file is written in: the web app's `Language` and the server's `Locale`. */
export type StatementCsvLanguage = 'es-MX' | 'en';

/** The words of one language. */
export interface StatementCsvWords {
  /** `estado-de-cuenta-comercializadora-aurora-2026-11.csv` (`client`: with its hyphen, or empty) */
  readonly fileName: (client: string, month: string) => string;
  readonly header: readonly string[];
  /** The first line's concept: whose statement it is (QA S53: the content named no client). */
  readonly client: string;
  readonly monthlyFee: string;
  readonly ticket: string;
  readonly total: string;
  readonly openingBalance: string;
  readonly closingBalance: string;
  /** A movement's kind in words, by `kind` or `REVERSAL_OF_<reversed kind>`. */
  readonly movements: Readonly<Record<string, string>>;
}

export const STATEMENT_CSV_WORDS: Readonly<Record<StatementCsvLanguage, StatementCsvWords>> = {
  'es-MX': {
    fileName: (client, month) => `estado-de-cuenta-${client}${month}.csv`,
    header: [
      'Concepto',
      'Referencia',
      'Horas registradas',
      'Horas cobradas',
      'Horas sin cargo',
      'Importe',
      'Moneda',
      'Fecha',
      'Horas',
      'Motivo',
      'Realizado por',
    ],
    client: 'Cliente',
    monthlyFee: 'Cuota mensual',
    ticket: 'Ticket',
    total: 'Total',
    openingBalance: 'Saldo inicial',
    closingBalance: 'Saldo final',
    movements: {
      PURCHASE: 'Compra de paquete',
      ADJUSTMENT: 'Ajuste manual',
      REVERSAL: 'Reverso',
      REVERSAL_OF_PURCHASE: 'Reverso de una compra',
      REVERSAL_OF_ADJUSTMENT: 'Reverso de un ajuste',
      REVERSAL_OF_CONSUMPTION: 'Reverso de un consumo',
    },
  },
  en: {
    fileName: (client, month) => `monthly-statement-${client}${month}.csv`,
    header: [
      'Line',
      'Reference',
      'Hours logged',
      'Hours charged',
      'Hours free of charge',
      'Amount',
      'Currency',
      'Date',
      'Hours',
      'Reason',
      'By',
    ],
    client: 'Client',
    monthlyFee: 'Monthly fee',
    ticket: 'Ticket',
    total: 'Total',
    openingBalance: 'Opening balance',
    closingBalance: 'Closing balance',
    movements: {
      PURCHASE: 'Package purchase',
      ADJUSTMENT: 'Manual adjustment',
      REVERSAL: 'Reversal',
      REVERSAL_OF_PURCHASE: 'Reversal of a purchase',
      REVERSAL_OF_ADJUSTMENT: 'Reversal of an adjustment',
      REVERSAL_OF_CONSUMPTION: 'Reversal of a consumption',
    },
  },
};

/** What the file is written from (the `MonthlyStatement` the API answers). */
export interface StatementCsvInput {
  readonly month: string;
  readonly organizationName: string;
  readonly currency: string;
  readonly monthlyFee: number | null;
  readonly tickets: readonly {
    readonly ticketNumber: string;
    readonly hoursLogged: number;
    readonly hoursCharged: number;
    readonly hoursWaived: number;
  }[];
  readonly openingBalance: number;
  readonly closingBalance: number;
  readonly movements: readonly StatementCsvMovement[];
  /** The IANA zone the month's days are counted in (the client's calendar). */
  readonly timeZone: string;
}

/** A purchase, adjustment or reversal of the month (`MonthlyStatement.movements`). */
export interface StatementCsvMovement {
  readonly date: string;
  readonly kind: string;
  readonly reversedKind: string | null;
  readonly hours: number;
  readonly ticketNumber: string | null;
  readonly packageReference: string | null;
  /** L3-03: a purchase's price (its reversal's negated), in `amountCurrency`; else null. */
  readonly amount: number | null;
  readonly amountCurrency: string | null;
  readonly reason: string | null;
  readonly createdByName: string | null;
}

/** «Ajuste manual», «Reverso de un ajuste» / «Manual adjustment», «Reversal of an adjustment». */
export function movementKindWords(
  movement: Pick<StatementCsvMovement, 'kind' | 'reversedKind'>,
  language: string,
): string {
  const words = wordsFor(language).movements;
  const key = movement.reversedKind ? `REVERSAL_OF_${movement.reversedKind}` : movement.kind;
  return words[key] ?? words[movement.kind] ?? movement.kind;
}

/** `'2026-11'` → `'2026-11-30'`. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The day a month's closing balance is stated for: its last day, or today (in `timeZone`) for
 * the month under way, whose balance is the one now (QA S56: it was dated the month's end, days
 * ahead).
 */
export function closingDay(month: string, timeZone: string, now: Date): string {
  const today = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const last = lastDayOfMonth(month);
  return today < last ? today : last;
}

/** The words of `language`; Spanish for any other value. */
function wordsFor(language: string): StatementCsvWords {
  return language === 'en' ? STATEMENT_CSV_WORDS.en : STATEMENT_CSV_WORDS['es-MX'];
}

/** Money with at most two decimals, as a number cell («18500», «-18999.5»). */
const money = (amount: number) => Math.round(amount * 100) / 100;

/** Hours with at most two decimals, as a number cell («1.5», «8»). */
const hoursCell = (hours: number) => Math.round(hours * 100) / 100;

/**
 * The CSV: the client (its name, so a file forwarded or opened out of its folder still says whose
 * it is), the monthly fee, one line per ticket with hours in the month, the total; then the
 * balance: the opening balance, one line per purchase, adjustment or reversal (a purchase's price,
 * date, signed hours, reason, who), the closing balance (L3-13: opening + purchased − consumed ±
 * adjustments).
 */
export function statementCsv(
  statement: StatementCsvInput,
  language: string,
  now: Date = new Date(),
): string {
  const w = wordsFor(language);
  // Amounts are numbers, the fee as a purchase's price (QA S57: «18500.00» above «9500»).
  const fee = money(statement.monthlyFee ?? 0);
  const sum = (pick: (t: StatementCsvInput['tickets'][number]) => number) =>
    hoursCell(statement.tickets.reduce((total, t) => total + pick(t), 0));
  // The ticket columns (hours logged, charged, free of charge; amount, currency) of a balance line.
  const blank = [null, null, null, null, null];
  // Every line as wide as the header (RFC 4180), empty cells at the end.
  const full = (row: readonly (string | number | null)[]) => [
    ...row,
    ...Array<null>(w.header.length - row.length).fill(null),
  ];
  return toCsv(
    w.header,
    [
      [w.client, statement.organizationName],
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
      [
        w.openingBalance,
        statement.month,
        ...blank,
        `${statement.month}-01`,
        hoursCell(statement.openingBalance),
      ],
      ...statement.movements.map((m) => [
        movementKindWords(m, language),
        m.packageReference ?? m.ticketNumber,
        null,
        null,
        null,
        m.amount === null ? null : money(m.amount),
        m.amountCurrency,
        m.date,
        hoursCell(m.hours),
        m.reason,
        m.createdByName,
      ]),
      [
        w.closingBalance,
        statement.month,
        ...blank,
        closingDay(statement.month, statement.timeZone, now),
        hoursCell(statement.closingBalance),
      ],
    ].map(full),
  );
}

/**
 * «estado-de-cuenta-comercializadora-aurora-2026-11.csv» / «monthly-statement-…-2026-11.csv»: the
 * client in the name, so the files of several clients' month never get mixed up (QA S51).
 */
export function statementFileName(
  statement: { readonly month: string; readonly organizationName: string },
  language: string,
): string {
  const client = slugify(statement.organizationName);
  return wordsFor(language).fileName(client ? `${client}-` : '', statement.month);
}
