import {
  crossedIntoLowBalance,
  isLowBalance,
  lowBalanceThreshold,
} from '../../../src/contracts/low-balance';

// L3-12, L3-13: the low-balance warning's threshold (10 % of the hours purchased or 5 h, whichever
// is larger; hundredths of an hour) and what counts as one crossing.

describe('low-balance rules (L3-12, L3-13)', () => {
  it('the threshold is 10 % of the hours purchased, never under 5 h', () => {
    expect(lowBalanceThreshold({ purchased: 0 })).toBe(500);
    expect(lowBalanceThreshold({ purchased: 4_000 })).toBe(500);
    expect(lowBalanceThreshold({ purchased: 6_000 })).toBe(600);
    expect(lowBalanceThreshold({ purchased: 20_000 })).toBe(2_000);
  });

  it('low is strictly under the threshold', () => {
    expect(isLowBalance({ purchased: 4_000, available: 500 })).toBe(false);
    expect(isLowBalance({ purchased: 4_000, available: 499 })).toBe(true);
  });

  it('a crossing goes from not low to low; staying low or rising is none', () => {
    const above = { purchased: 4_000, available: 3_000 };
    const low = { purchased: 4_000, available: 400 };
    const lower = { purchased: 4_000, available: 300 };
    expect(crossedIntoLowBalance(above, low)).toBe(true);
    expect(crossedIntoLowBalance(low, lower)).toBe(false);
    expect(crossedIntoLowBalance(low, above)).toBe(false);
    // A top-up that lifts the threshold with the hours: 60 h bought, 5.5 h left is low again.
    expect(
      crossedIntoLowBalance(
        { purchased: 6_000, available: 2_300 },
        { purchased: 6_000, available: 550 },
      ),
    ).toBe(true);
  });
});
