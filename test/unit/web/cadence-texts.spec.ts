import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-07, QA S20: the contracts screen's progress cadence is typed in business hours, but its hint
// read «de 1 a 80 (minutos enteros, p. ej. 1.5 = 90 min)»: a manager could not tell whether 1 to
// 80 counted hours or minutes. The range names its unit; minutes only qualify a fraction.

describe('the progress cadence texts name hours as their unit (L3-07)', () => {
  it.each([
    ['es-MX', esMX, 'de 1 a 80 horas', 'minutos enteros'],
    ['en', en, '1 to 80 hours', 'whole minutes'],
  ])(
    '%s: the hint and the refusal say hours, and what a fraction must come to',
    (_l, t, range, minutes) => {
      for (const text of [t.contracts.progressCadenceHelp, t.contracts.cadenceInvalid]) {
        expect(text).toContain(minutes);
        expect(text).toContain('1.5 = 1 h 30 min');
      }
      expect(t.contracts.progressCadenceHelp).toContain(range);
      expect(t.contracts.progressCadenceHelp).not.toMatch(/80 \(/);
    },
  );
});
