import { formatPercent } from '../../../web/src/i18n/percent';

// SLA compliance and satisfaction percentages (L3-06…L3-09 board, satisfaction card): Spanish
// keeps «100 %», English writes «100%» (QA S14-F: the English board showed «0 %»).

describe('percentages in the UI language', () => {
  it('Spanish: a space before the sign, one decimal at most', () => {
    expect(formatPercent(100, 'es-MX')).toBe('100 %');
    expect(formatPercent(87.54, 'es-MX')).toBe('87.5 %');
  });

  it('English: no space', () => {
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(87.54, 'en')).toBe('87.5%');
    expect(formatPercent(1234.5, 'en')).toBe('1,234.5%');
  });
});
