import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-12: what authorizing an estimate or a change order reserves and leaves is written with the
// UI language's number format, as the balance on «Mis horas» is («100,023.5 h», never
// «100023.5 h»), and the estimate the email linked is named as the app names it («Estimación»).

describe('the authorize form states hours in the UI language (L3-12)', () => {
  it('Spanish: thousands separated, decimals kept', () => {
    expect(esMX.tickets.balanceAfter(100023.5)).toBe(
      'Horas disponibles después de autorizar: 100,023.5 h.',
    );
    expect(esMX.tickets.authorizeHours(1250)).toBe(
      'Se reservarán 1,250 h de sus horas prepagadas.',
    );
    expect(esMX.tickets.shortfall(1234.25)).toMatch(/^Faltan 1,234\.25 h: /);
    expect(esMX.changeOrders.authorizeHours(1500, 2750.5)).toBe(
      'Se reservarán 1,500 h adicionales de sus horas prepagadas (el total autorizado pasa a 2,750.5 h).',
    );
    expect(esMX.changeOrders.shortfall(2000)).toMatch(/^Faltan 2,000 h: /);
  });

  it('English: the same figures in English', () => {
    expect(en.tickets.balanceAfter(100023.5)).toBe(
      'Hours available after authorizing: 100,023.5 h.',
    );
    expect(en.tickets.authorizeHours(1250)).toBe('1,250 h of your prepaid hours will be reserved.');
    expect(en.tickets.shortfall(1234.25)).toMatch(/^1,234\.25 h short: /);
    expect(en.changeOrders.authorizeHours(1500, 2750.5)).toMatch(
      /^1,500 additional hours .* becomes 2,750\.5 h\)\.$/,
    );
    expect(en.changeOrders.shortfall(2000)).toMatch(/^2,000 h short: /);
  });

  it('the estimate an email linked is «Estimación v2, la del enlace…» (the app’s word)', () => {
    expect(esMX.ticketPage.estimateLinked(2)).toBe('Estimación v2, la del enlace que recibió');
    expect(en.ticketPage.estimateLinked(2)).toBe('Estimate v2, the one in the link you received');
  });
});
