import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// The engine serves any provider (L3-03, L3-12): the web app's words never name the demo
// provider. QA S14-F: a client short of hours read «Pide a Becken un paquete de horas adicional».

/** Every fixed text of a messages object (nested objects included; functions are not called). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('no provider name in the web app texts (L3-03, L3-12)', () => {
  it.each([
    ['es-MX', esMX],
    ['en', en],
  ])('%s: no fixed text names «Becken»', (_language, t) => {
    expect(strings(t).filter((s) => s.includes('Becken'))).toEqual([]);
  });

  it('a shortfall sends the client to the support team for more hours', () => {
    expect(esMX.tickets.shortfallNext(['requestReestimate'])).toBe(
      'Pida al equipo de soporte un paquete de horas adicional, o una estimación menor con «Pedir reestimación».',
    );
    expect(en.tickets.shortfallNext([])).toBe('Ask the support team for another hour package.');
  });
});
