import {
  STATEMENT_MAX_YEARS_BACK,
  statementMonths,
} from '../../../web/src/contracts/statement-months';

// L3-13 (QA S43): the monthly statement's «Mes» is a list of months in the UI's language, not the
// browser's month control (which named them in the browser's language). It reaches back to the
// client's first month with anything to state, not years before it (QA S50).
describe('the months a statement can be opened for', () => {
  it('goes from this month back to the first month with anything to state, newest first', () => {
    const months = statementMonths('2026-12', '2026-03');
    expect(months.slice(0, 3)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(months.at(-1)).toBe('2026-03');
    expect(months).toHaveLength(10);
    expect(new Set(months).size).toBe(months.length);
  });

  it('crosses the years', () => {
    const months = statementMonths('2027-01', '2025-11');
    expect(months).toEqual(['2027-01', '2026-12', '2026-11'].concat(months.slice(3)));
    expect(months.slice(-3)).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(months).toHaveLength(15);
  });

  it('offers only this month while the first is unknown, absent or later', () => {
    for (const first of [undefined, null, '2027-02', '2026-12', 'marzo']) {
      expect(statementMonths('2026-12', first)).toEqual(['2026-12']);
    }
  });

  it(`never reaches more than ${STATEMENT_MAX_YEARS_BACK} years back (a package dated long ago)`, () => {
    const months = statementMonths('2026-12', '1901-05');
    expect(months.at(-1)).toBe(`${2026 - STATEMENT_MAX_YEARS_BACK}-01`);
    expect(months).toHaveLength(12 * STATEMENT_MAX_YEARS_BACK + 12);
  });

  it('offers nothing for what is not a month', () => {
    expect(statementMonths('2026-13', '2026-01')).toEqual([]);
    expect(statementMonths('', '2026-01')).toEqual([]);
  });
});
