import { en as enMessages } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// QA S18 (L3-12, L3-18): the staff texts of «Cargo al paquete de horas» and «Tiempo registrado»
// say «estimación», the word of the estimates table, the actions and the emails (bca403e chose it
// for the client's texts), never «estimado»; the English ones say «estimate».

/** Every text of a messages object; functions are called with sample numbers and names. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return texts(fn(...Array.from({ length: Math.max(fn.length, 1) }, (_, i) => i + 2)));
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('one word for an estimate in the staff texts of hours (QA S18; L3-12, L3-18)', () => {
  it.each(['noCharge', 'timeEntries'] as const)('%s: «estimación», not «estimado»', (key) => {
    const es = texts(esMX[key]);
    expect(es.length).toBeGreaterThan(5);
    expect(es.filter((s) => /estimad[oa]s?\b/i.test(s))).toEqual([]);
    expect(es.some((s) => s.includes('estimación') || s.includes('estimaciones'))).toBe(true);
    expect(texts(enMessages[key]).some((s) => /\bestimates?\b/.test(s))).toBe(true);
  });

  it('the exact sentences that read «estimado»', () => {
    expect(esMX.timeEntries.intro).toBe(
      'Cada registro descuenta de la estimación autorizada y del saldo de horas del cliente.',
    );
    expect(esMX.timeEntries.logged(2, 10, 6)).toBe(
      'Se registraron 2 h. Saldo del cliente: 10 h (disponibles para nuevas estimaciones: 6 h).',
    );
    expect(esMX.timeEntries.reasons.EXCEEDS_AUTHORIZED_ESTIMATE).toBe(
      'Excede las horas autorizadas de la estimación',
    );
  });
});
