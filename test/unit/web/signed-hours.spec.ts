import { signedHours } from '../../../web/src/contracts/signed-hours';

// L3-13: every hours screen writes a movement the same way: its sign always shown, a true minus
// (U+2212, as the ledger's reasons «Consumo −1.5 h» and the zone names «UTC−6» write it), never a
// hyphen in one table and a minus in the next.

describe('signedHours', () => {
  it('shows the sign of every movement, a true minus for what leaves', () => {
    expect(signedHours('es-MX', 12.5)).toBe('+12.5 h');
    expect(signedHours('es-MX', -2.5)).toBe('−2.5 h');
    expect(signedHours('en', -0.25)).toBe('−0.25 h');
    expect(signedHours('es-MX', 1234.5)).toBe('+1,234.5 h');
  });

  it('writes no sign on nothing, not even on a negative zero', () => {
    expect(signedHours('es-MX', 0)).toBe('0 h');
    expect(signedHours('es-MX', -0)).toBe('0 h');
  });

  it('leaves the unit to a sentence that says it', () => {
    expect(signedHours('es-MX', -1, false)).toBe('−1');
    expect(signedHours('en', 2.5, false)).toBe('+2.5');
  });
});
