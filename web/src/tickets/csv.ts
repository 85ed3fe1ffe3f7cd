import { nowInZone } from '../i18n/zoned-time';

// CSV files the web app exports (RFC 4180): what a spreadsheet opens as it is. Pure, so the
// unit tests run it without a browser.

// Cells and files are written by the rule the API's downloads use too (src/shared/csv.ts).
export { csvCell, toCsv } from '../../../src/shared/csv';

/** `YYYY-MM-DD HH:MM` of an instant on the wall clock of `timeZone`: a spreadsheet reads it as a date. */
export function csvDateTime(iso: string | null, timeZone: string): string {
  return iso ? nowInZone(timeZone, Date.parse(iso)).replace('T', ' ') : '';
}

/** `tickets-2026-11-29.csv`: the export's name, dated on the user's wall clock. */
export function csvFileName(prefix: string, timeZone: string, now = new Date()): string {
  return `${prefix}-${csvDateTime(now.toISOString(), timeZone).slice(0, 10)}.csv`;
}
