/** The most calendar years back, besides the current one, the statement's «Mes» ever offers. */
export const STATEMENT_MAX_YEARS_BACK = 30;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The months a client can open a statement of (L3-13: prepaid hours never expire, so old months
 * stay worth reading): `current` ("YYYY-MM", the month now in the client's zone) and every month
 * back to `first`, the first with anything to state (the statement's `firstMonth`; QA: the list
 * reached back years before the client's policy began), newest first. Just `current` while
 * `first` is unknown, null or later; never more than {@link STATEMENT_MAX_YEARS_BACK} years
 * back. Offered as a list named in the UI language («diciembre de 2026»), where the browser's
 * month control named them in the browser's language. Pure (unit-tested).
 */
export function statementMonths(current: string, first?: string | null): string[] {
  const m = MONTH.exec(current);
  if (!m) return [];
  const year = Number(m[1]);
  const floor = `${year - STATEMENT_MAX_YEARS_BACK}-01`;
  const oldest = first && MONTH.test(first) && first < current ? first : current;
  const last = oldest < floor ? floor : oldest;
  const months: string[] = [];
  for (let y = year, mo = Number(m[2]); ; mo = 12, y -= 1) {
    for (; mo >= 1; mo -= 1) {
      const month = `${y}-${String(mo).padStart(2, '0')}`;
      months.push(month);
      if (month === last) return months;
    }
  }
}
