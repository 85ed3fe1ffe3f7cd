import { nowInZone } from '../i18n/zoned-time';

// CSV files the web app exports (RFC 4180): what a spreadsheet opens as it is. Pure, so the
// unit tests run it without a browser.

/** Byte order mark: Excel reads the file as UTF-8 only with it («Número», «Atención»). */
const BOM = '\uFEFF';

/**
 * One cell. Text a client typed (a subject) that starts like a formula (`=`, `+`, `-`, `@`, a tab
 * or a carriage return) gets a leading apostrophe, so a spreadsheet shows it instead of running it
 * (CSV injection, OWASP). Quoted when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a header row, then the rows; CRLF line ends, with the UTF-8 BOM. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** `YYYY-MM-DD HH:MM` of an instant on the wall clock of `timeZone`: a spreadsheet reads it as a date. */
export function csvDateTime(iso: string | null, timeZone: string): string {
  return iso ? nowInZone(timeZone, Date.parse(iso)).replace('T', ' ') : '';
}

/** `tickets-2026-11-29.csv`: the export's name, dated on the user's wall clock. */
export function csvFileName(prefix: string, timeZone: string, now = new Date()): string {
  return `${prefix}-${csvDateTime(now.toISOString(), timeZone).slice(0, 10)}.csv`;
}
