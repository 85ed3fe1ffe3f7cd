import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { deadlineInputProblem } from '../../../web/src/deadline/deadline-checks';
import { maxDeadlineAmount, wholeDeadlineAmount } from '../../../src/shared/deadline-amount';

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
    expect(
      deadlineInputProblem({ ...ok, amount: '1.5', unit: 'BUSINESS_DAYS' }, esMX, 'es-MX'),
    ).toBe('«Cantidad» debe ser un número entero.');
    expect(deadlineInputProblem({ ...ok, amount: '7.5', unit: 'BUSINESS_MINUTES' }, en, 'en')).toBe(
      '“Amount” must be a whole number.',
    );
    for (const odd of ['1e3', '0x10', '1,000']) {
      expect(
        deadlineInputProblem({ ...ok, amount: odd, unit: 'BUSINESS_DAYS' }, esMX, 'es-MX'),
      ).toBe('«Cantidad» debe ser un número entero.');
    }
    for (const odd of ['1e3', '0x10', '1,5', '.', '1.2.3']) {
      expect(deadlineInputProblem({ ...ok, amount: odd }, esMX, 'es-MX')).toBe(
        '«Cantidad» debe ser un número como 8 o 1.5.',
      );
    }
    expect(deadlineInputProblem({ ...ok, amount: '-2' }, esMX, 'es-MX')).toBe(
      '«Cantidad» debe ser al menos 0.',
    );
    expect(deadlineInputProblem({ ...ok, from: '', amount: '-2' }, en, 'en')).toMatch(
      /^Fill in “.+”\.$/,
    );
  });

  // QA S57: the progress-cadence form takes 1.5 h; the calculator refused it (whole units only).
  it('takes hours with decimals that come to whole minutes, and asks them as minutes', () => {
    for (const amount of ['1.5', '0.25', '1.1', '2.75', '.5', '2.']) {
      expect(deadlineInputProblem({ ...ok, amount }, esMX, 'es-MX')).toBeUndefined();
    }
    expect(deadlineInputProblem({ ...ok, amount: '1.33' }, en, 'en')).toBe(
      '“Amount” in hours must come to whole minutes: for example, 1.5 hours is 90 minutes.',
    );
    expect(deadlineInputProblem({ ...ok, amount: '166666.5' }, esMX, 'es-MX')).toBe(
      '«Cantidad» debe ser como máximo 166,666.',
    );
    expect(wholeDeadlineAmount(1.5, 'BUSINESS_HOURS')).toEqual({
      amount: 90,
      unit: 'BUSINESS_MINUTES',
    });
    expect(wholeDeadlineAmount(1.1, 'BUSINESS_HOURS')).toEqual({
      amount: 66,
      unit: 'BUSINESS_MINUTES',
    });
    expect(wholeDeadlineAmount(8, 'BUSINESS_HOURS')).toEqual({ amount: 8, unit: 'BUSINESS_HOURS' });
    expect(wholeDeadlineAmount(3, 'BUSINESS_DAYS')).toEqual({ amount: 3, unit: 'BUSINESS_DAYS' });
  });
});
