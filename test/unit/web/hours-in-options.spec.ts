import { cannedResponsesEn } from '../../../web/src/i18n/canned-responses.en';
import { cannedResponsesEsMX } from '../../../web/src/i18n/canned-responses.es-mx';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// QA S56 (L3-09, L3-12): the authorization form listed an estimate as «v1: 1234.75 h» beside
// «The estimate is for 1,234.75 h»; every number on a screen is written as its language writes it.
describe('hours and counts in the words around them', () => {
  it('an estimate and a change order in the picker, with the thousands separated', () => {
    expect(esMX.tickets.estimateOption(1, 1234.75)).toBe('v1: 1,234.75 h');
    expect(en.tickets.estimateOption(2, 1234.75)).toBe('v2: 1,234.75 h');
    expect(esMX.changeOrders.option(3, 1500)).toBe('v3: orden de cambio +1,500 h');
    expect(en.changeOrders.option(3, 1500)).toBe('v3: change order +1,500 h');
  });

  it("a canned response's limit as the other limits say it («2,000», not «10 000»)", () => {
    expect(cannedResponsesEsMX.bodyHint).toMatch(/^Hasta 10,000 caracteres\./);
    expect(cannedResponsesEn.bodyHint).toMatch(/^Up to 10,000 characters\./);
  });
});
