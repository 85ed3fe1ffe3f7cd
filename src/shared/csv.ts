// CSV files people open in a spreadsheet (RFC 4180), written alike by the web app's exports
// (web/src/tickets/csv.ts) and the API's downloads (GET /statements/…csv). Pure (no Node, DOM or
// Nest): Vite bundles it into the web app by a relative path and tsc builds it for the server.

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
