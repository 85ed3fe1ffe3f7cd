import { STATEMENT_YEARS_BACK, statementMonths } from '../../../web/src/contracts/statement-months';

// L3-13 (QA S43): the monthly statement's «Mes» is a list of months in the UI's language, not the
// browser's month control (which named them in the browser's language).
describe('the months a statement can be opened for', () => {
  it('goes from this month back to January five years before, newest first', () => {
    const months = statementMonths('2026-12');
    expect(months.slice(0, 3)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(months.at(-1)).toBe(`${2026 - STATEMENT_YEARS_BACK}-01`);
    expect(months).toHaveLength(12 * STATEMENT_YEARS_BACK + 12);
    expect(new Set(months).size).toBe(months.length);
  });

  it('crosses the year in January', () => {
    const months = statementMonths('2027-01');
    expect(months.slice(0, 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(months).toHaveLength(12 * STATEMENT_YEARS_BACK + 1);
  });

  it('offers nothing for what is not a month', () => {
    expect(statementMonths('2026-13')).toEqual([]);
    expect(statementMonths('')).toEqual([]);
  });
});
