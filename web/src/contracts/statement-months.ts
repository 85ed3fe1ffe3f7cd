/** How many calendar years back, besides the current one, the statement's «Mes» offers. */
export const STATEMENT_YEARS_BACK = 5;

/**
 * The months a client can open a statement of (L3-13: prepaid hours never expire, so old months
 * stay worth reading): `current` ("YYYY-MM", the month now in the client's zone) and every month
 * back to January {@link STATEMENT_YEARS_BACK} years before, newest first. Offered as a list
 * named in the UI language («diciembre de 2026»), where the browser's month control named them
 * in the browser's language («December 2026» in a Spanish page). Pure (unit-tested).
 */
export function statementMonths(current: string): string[] {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(current);
  if (!m) return [];
  const year = Number(m[1]);
  const months: string[] = [];
  for (let y = year, mo = Number(m[2]); y >= year - STATEMENT_YEARS_BACK; mo = 12, y -= 1) {
    for (; mo >= 1; mo -= 1) months.push(`${y}-${String(mo).padStart(2, '0')}`);
  }
  return months;
}
