import { ISO_4217_ACTIVE } from '../../../src/shared/iso-4217';
import { isIsoCurrency } from '../../../src/contracts/validation';

// L3-03, L3-13 (S18): a fee's or a package's currency is checked against the committed ISO 4217
// table, not Node's ICU list (which changes with Node): the API takes the codes as stored, three
// capitals, as before. (The web form reads the same table: web/src/contracts/currency.ts; e2e
// admin-setup refuses «MNX» there.)

describe('the ISO 4217 table (L3-03, L3-13)', () => {
  it('holds distinct three-capital codes, in order', () => {
    expect(ISO_4217_ACTIVE.length).toBeGreaterThan(150);
    expect(ISO_4217_ACTIVE.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    expect([...ISO_4217_ACTIVE].sort()).toEqual(ISO_4217_ACTIVE);
    expect(new Set(ISO_4217_ACTIVE).size).toBe(ISO_4217_ACTIVE.length);
  });

  it.each(['MXN', 'USD', 'EUR'])('the API accepts %s', (code) => {
    expect(isIsoCurrency(code)).toBe(true);
  });

  it.each(['MNX', 'mxn', 'Usd', ' MXN', 'PESOS', '', 42, null])(
    'the API refuses %p, as before',
    (code) => {
      expect(isIsoCurrency(code)).toBe(false);
    },
  );

  it.each(['HRK', 'BGN', 'XDR', 'XAU', 'XTS'])(
    'refuses %s (withdrawn, or not money a client pays in)',
    (code) => {
      expect(isIsoCurrency(code)).toBe(false);
    },
  );
});
