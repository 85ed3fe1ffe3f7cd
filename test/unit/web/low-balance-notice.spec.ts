import { lowBalanceText } from '../../../web/src/contracts/low-balance-text';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-12, L3-13: «Mis horas» warns the client while their available hours are under the warning
// threshold (10 % of the hours bought, at least 5 h) and says nothing otherwise.

describe('the low-balance notice on «Mis horas» (L3-12, L3-13)', () => {
  const low = { available: 4.5, lowBalanceThreshold: 5, lowBalance: true };

  it('Spanish (usted): the hours left, the threshold and what to do', () => {
    expect(lowBalanceText(low, esMX.contracts.lowBalanceNotice)).toBe(
      'Le quedan 4.5 h disponibles, menos del aviso de 5 h. Pida al equipo de soporte un paquete de horas adicional para que sus próximas estimaciones puedan autorizarse; las horas no caducan.',
    );
  });

  it('English: the same', () => {
    expect(lowBalanceText(low, en.contracts.lowBalanceNotice)).toBe(
      'You have 4.5 h available, under the 5 h warning. Ask the support team for an additional hour package so your next estimates can be authorized; hours never expire.',
    );
  });

  it('no notice while the hours are not low, nor before the balance has loaded', () => {
    const fine = { available: 40, lowBalanceThreshold: 5, lowBalance: false };
    expect(lowBalanceText(fine, esMX.contracts.lowBalanceNotice)).toBeNull();
    expect(lowBalanceText(undefined, en.contracts.lowBalanceNotice)).toBeNull();
  });
});
