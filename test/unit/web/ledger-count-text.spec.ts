import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-13: the line under a client's ledger counts its movements in words that agree with the
// number (QA S14-F: «Se muestran 1 de 1 movimientos»).

describe('the ledger count (L3-13)', () => {
  it('Spanish: one movement, all of them, or a page of them', () => {
    expect(esMX.contracts.ledgerCount(1, 1)).toBe('1 movimiento.');
    expect(esMX.contracts.ledgerCount(5, 5)).toBe('Se muestran los 5 movimientos.');
    expect(esMX.contracts.ledgerCount(20, 34)).toBe('Se muestran 20 de 34 movimientos.');
  });

  it('English: the same three cases', () => {
    expect(en.contracts.ledgerCount(1, 1)).toBe('1 movement.');
    expect(en.contracts.ledgerCount(5, 5)).toBe('Showing all 5 movements.');
    expect(en.contracts.ledgerCount(20, 34)).toBe('Showing 20 of 34 movements.');
  });
});
