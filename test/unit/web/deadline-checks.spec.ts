import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { deadlineInputProblem } from '../../../web/src/deadline/deadline-checks';
import { maxDeadlineAmount } from '../../../src/shared/deadline-amount';

// BUSINESS-TIME.md, QA S56: the deadline calculator words every amount it cannot ask about as one
// sentence, as the server words the same rule, the limit of each unit included.
describe('the deadline calculator’s own checks', () => {
  const ok = { from: '2026-01-30T09:00', amount: '8', unit: 'BUSINESS_HOURS' as const };

  it('asks when the inputs are whole, within the unit’s limit', () => {
    expect(deadlineInputProblem(ok, esMX, 'es-MX')).toBeUndefined();
    expect(deadlineInputProblem({ ...ok, amount: '0' }, esMX, 'es-MX')).toBeUndefined();
    expect(
      deadlineInputProblem({ ...ok, amount: '36500', unit: 'BUSINESS_DAYS' }, esMX, 'es-MX'),
    ).toBeUndefined();
  });

  it('says a too large amount with the unit’s limit, in the page’s language and numbers', () => {
    const days = { ...ok, amount: '36501', unit: 'BUSINESS_DAYS' as const };
    expect(deadlineInputProblem(days, esMX, 'es-MX')).toBe(
      '«Cantidad» debe ser como máximo 36,500.',
    );
    expect(deadlineInputProblem(days, en, 'en')).toBe('“Amount” must be at most 36,500.');
    expect(
      deadlineInputProblem({ ...ok, amount: '10000001', unit: 'BUSINESS_MINUTES' }, esMX, 'es-MX'),
    ).toBe('«Cantidad» debe ser como máximo 10,000,000.');
    expect(deadlineInputProblem({ ...ok, amount: '166667' }, esMX, 'es-MX')).toBe(
      '«Cantidad» debe ser como máximo 166,666.',
    );
    expect(maxDeadlineAmount('BUSINESS_HOURS')).toBe(166_666);
  });

  it('says an empty, fractional or negative amount, and a missing start, first things first', () => {
    expect(deadlineInputProblem({ ...ok, amount: '' }, esMX, 'es-MX')).toBe(
      'Complete el campo «Cantidad».',
    );
    expect(deadlineInputProblem({ ...ok, amount: '1.5' }, esMX, 'es-MX')).toBe(
      '«Cantidad» debe ser un número entero.',
    );
    for (const odd of ['1e3', '0x10', '1,000']) {
      expect(deadlineInputProblem({ ...ok, amount: odd }, esMX, 'es-MX')).toBe(
        '«Cantidad» debe ser un número entero.',
      );
    }
    expect(deadlineInputProblem({ ...ok, amount: '-2' }, esMX, 'es-MX')).toBe(
      '«Cantidad» debe ser al menos 0.',
    );
    expect(deadlineInputProblem({ ...ok, from: '', amount: '-2' }, en, 'en')).toMatch(
      /^Fill in “.+”\.$/,
    );
  });
});
