import fc from 'fast-check';
import { LedgerEntryKind, PolicyEventKind } from '../../../src/contracts/contract-enums';
import { feeInForce } from '../../../src/contracts/fee-history';
import { foldLedger } from '../../../src/contracts/ledger-rules';
import {
  type DatedLedgerEntry,
  dayIn,
  dayStartIn,
  monthBalance,
  monthIn,
  statementDate,
} from '../../../src/contracts/statement-month';

// L3-13 (QA S16): the monthly statement adds up: opening + purchased − consumed ± adjustments =
// closing, and every movement that is not a ticket's consumption is listed (a −2.5 h adjustment in
// November is in November's statement). L3-18: a no-charge consumption (0 h) moves nothing.

const { PURCHASE, CONSUMPTION, ADJUSTMENT, REVERSAL, RESERVATION, RESERVATION_RELEASE } =
  LedgerEntryKind;
let next = 0;
const entry = (kind: LedgerEntryKind, hundredths: number, date: string): DatedLedgerEntry => ({
  id: String(++next),
  kind,
  hundredths,
  date,
});
const NOVEMBER = ['2026-11-01', '2026-12-01'] as const;

describe('the monthly statement adds up (L3-13, L3-18)', () => {
  const ledger = [
    entry(PURCHASE, 2000, '2026-10-05'),
    entry(RESERVATION, 800, '2026-10-06'),
    entry(CONSUMPTION, -300, '2026-10-20'),
    entry(ADJUSTMENT, 100, '2026-10-31'),
    // November: a package, work, a −2.5 h adjustment, a +1.5 h one and its reversal, 0 h waived.
    entry(PURCHASE, 1000, '2026-11-02'),
    entry(CONSUMPTION, -250, '2026-11-03'),
    entry(ADJUSTMENT, -250, '2026-11-14'),
    entry(ADJUSTMENT, 150, '2026-11-20'),
    entry(CONSUMPTION, 0, '2026-11-21'),
    entry(RESERVATION_RELEASE, -250, '2026-11-22'),
    entry(REVERSAL, -150, '2026-11-30'),
    // December.
    entry(CONSUMPTION, -100, '2026-12-01'),
  ];

  it('opening + purchased − consumed + adjustments of both signs and a reversal = closing', () => {
    const nov = monthBalance(ledger, ...NOVEMBER);
    expect(nov).toMatchObject({
      opening: 2000 - 300 + 100,
      purchased: 1000,
      consumed: 250,
      adjusted: -250 + 150 - 150,
      closing: 1800 + 1000 - 250 - 250,
    });
    expect(nov.opening + nov.purchased - nov.consumed + nov.adjusted).toBe(nov.closing);
    // Listed: what is not a ticket's consumption nor a reservation, in date order.
    expect(nov.movements.map((m) => [m.kind, m.hundredths, m.date])).toEqual([
      [PURCHASE, 1000, '2026-11-02'],
      [ADJUSTMENT, -250, '2026-11-14'],
      [ADJUSTMENT, 150, '2026-11-20'],
      [REVERSAL, -150, '2026-11-30'],
    ]);
  });

  // QA S57: the balance panel nets a reversed purchase out of «Compradas»; the statement counted
  // it under «Ajustes del mes». Both net it now; a reversed adjustment stays an adjustment.
  it('a purchase reversed in the month is netted out of its purchases, as the balance panel does', () => {
    const reversal = (hundredths: number, date: string, reversedKind: LedgerEntryKind) => ({
      ...entry(REVERSAL, hundredths, date),
      reversedKind,
    });
    const withReversals = [
      entry(PURCHASE, 2000, '2026-10-05'),
      entry(ADJUSTMENT, 100, '2026-10-31'),
      entry(PURCHASE, 1000, '2026-11-02'),
      reversal(-2000, '2026-11-10', PURCHASE),
      reversal(-100, '2026-11-11', ADJUSTMENT),
    ];
    const nov = monthBalance(withReversals, ...NOVEMBER);
    expect(nov).toMatchObject({
      opening: 2100,
      purchased: 1000 - 2000,
      adjusted: -100,
      closing: 1000,
    });
    expect(nov.opening + nov.purchased - nov.consumed + nov.adjusted).toBe(nov.closing);
    // Still listed one by one, as the movements of the month.
    expect(nov.movements.map((m) => m.kind)).toEqual([PURCHASE, REVERSAL, REVERSAL]);
  });

  it('a month ends where the next begins; the adjustment is not in the next month', () => {
    const [oct, nov] = [
      monthBalance(ledger, '2026-10-01', '2026-11-01'),
      monthBalance(ledger, ...NOVEMBER),
    ];
    const dec = monthBalance(ledger, '2026-12-01', '2027-01-01');
    expect(oct.closing).toBe(nov.opening);
    expect(nov.closing).toBe(dec.opening);
    expect(dec).toMatchObject({ consumed: 100, adjusted: 0, movements: [] });
    expect(oct.movements.map((m) => m.kind)).toEqual([PURCHASE, ADJUSTMENT]);
  });

  it('a month with no movements: opening = closing, nothing listed', () => {
    const quiet = monthBalance(ledger, '2027-03-01', '2027-04-01');
    expect(quiet).toEqual({
      opening: 2200,
      purchased: 0,
      consumed: 0,
      adjusted: 0,
      closing: 2200,
      movements: [],
    });
    expect(monthBalance([], ...NOVEMBER)).toMatchObject({ opening: 0, closing: 0, movements: [] });
  });

  it('sorts by date, then ledger order (IDs as numbers: 10 after 9)', () => {
    const late = { ...entry(ADJUSTMENT, 10, '2026-11-05'), id: '10' };
    const early = { ...entry(ADJUSTMENT, 20, '2026-11-05'), id: '9' };
    const first = { ...entry(PURCHASE, 30, '2026-11-01'), id: '11' };
    expect(monthBalance([late, early, first], ...NOVEMBER).movements.map((m) => m.id)).toEqual([
      '11',
      '9',
      '10',
    ]);
  });

  it('for any ledger and any month, the figures add up and the last closing is the balance', () => {
    const kinds = [PURCHASE, CONSUMPTION, ADJUSTMENT, RESERVATION];
    const arb = fc.array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        hundredths: fc.integer({ min: 1, max: 5000 }),
        day: fc.integer({ min: 0, max: 400 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 13 }), (rows, m) => {
        const base = Date.UTC(2026, 0, 1);
        const dated = rows.map((r, i) => ({
          id: String(i + 1),
          kind: r.kind,
          hundredths: r.kind === CONSUMPTION ? -r.hundredths : r.hundredths,
          date: new Date(base + r.day * 86_400_000).toISOString().slice(0, 10),
          reversesEntryId: null,
          ticketNumber: r.kind === CONSUMPTION || r.kind === RESERVATION ? 'T' : null,
          estimateVersion: null,
        }));
        const from = new Date(Date.UTC(2026, m, 1)).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2026, m + 1, 1)).toISOString().slice(0, 10);
        const month = monthBalance(dated, from, to);
        expect(month.opening + month.purchased - month.consumed + month.adjusted).toBe(
          month.closing,
        );
        const all = monthBalance(dated, '2000-01-01', '2100-01-01');
        expect(all.closing).toBe(foldLedger(dated).balance);
      }),
      { seed: 1611, numRuns: 200 },
    );
  });
});

// L3-13, L3-03: the hours when the UTC month and the calendar's month differ (Mexico City is
// UTC−6 all year: from 00:00 to 06:00 UTC on each 1st it is still the last day of the month
// before). The month of an adjustment or reversal is its instant's month in the organization's
// zone; these instants are fixed, so the boundary is tested whatever hour the suite runs at.
describe('the statement month of an instant at the month boundary (L3-13, L3-03)', () => {
  const MX = 'America/Mexico_City';
  const stillNovember = new Date('2026-12-01T03:30:00Z');
  const lastSecond = new Date('2026-12-01T05:59:59Z');
  const midnight = new Date('2026-12-01T06:00:00Z');
  const december = new Date('2026-12-01T06:30:00Z');

  it("is Mexico City's month, not UTC's", () => {
    expect(monthIn(stillNovember, MX)).toBe('2026-11');
    expect(dayIn(stillNovember, MX)).toBe('2026-11-30');
    expect(monthIn(stillNovember, 'UTC')).toBe('2026-12');
    expect(monthIn(lastSecond, MX)).toBe('2026-11');
    expect(monthIn(midnight, MX)).toBe('2026-12');
    expect(monthIn(december, MX)).toBe('2026-12');
    expect(dayIn(december, MX)).toBe('2026-12-01');
    // And at the year's end.
    expect(monthIn(new Date('2027-01-01T03:30:00Z'), MX)).toBe('2026-12');
    expect(monthIn(new Date('2027-01-01T06:30:00Z'), MX)).toBe('2027-01');
  });

  it('dates an adjustment or reversal by its instant in the zone, a purchase or work by its own day', () => {
    expect(statementDate({ ownDate: null, createdAt: stillNovember }, MX)).toBe('2026-11-30');
    expect(statementDate({ ownDate: null, createdAt: december }, MX)).toBe('2026-12-01');
    // A package bought on the 1st, recorded at 21:30 of the 30th local: its purchase date.
    expect(statementDate({ ownDate: '2026-12-01', createdAt: stillNovember }, MX)).toBe(
      '2026-12-01',
    );
    expect(statementDate({ ownDate: '2026-11-30', createdAt: december }, MX)).toBe('2026-11-30');
  });

  it("an adjustment at 03:30Z is November's movement, its reversal at 06:30Z December's; the months add up", () => {
    const written = (kind: LedgerEntryKind, hundredths: number, at: Date, ownDate?: string) =>
      entry(kind, hundredths, statementDate({ ownDate: ownDate ?? null, createdAt: at }, MX));
    const purchase = written(PURCHASE, 1000, new Date('2026-11-02T17:00:00Z'), '2026-11-02');
    const adjustment = written(ADJUSTMENT, 200, stillNovember);
    const reversal = written(REVERSAL, -200, december);
    const lateAdjustment = written(ADJUSTMENT, -50, lastSecond);
    const ledger = [purchase, adjustment, reversal, lateAdjustment];
    const nov = monthBalance(ledger, ...NOVEMBER);
    const dec = monthBalance(ledger, '2026-12-01', '2027-01-01');
    expect(nov).toMatchObject({ opening: 0, purchased: 1000, adjusted: 150, closing: 1150 });
    expect(nov.movements.map((m) => [m.kind, m.hundredths, m.date])).toEqual([
      [PURCHASE, 1000, '2026-11-02'],
      [ADJUSTMENT, 200, '2026-11-30'],
      [ADJUSTMENT, -50, '2026-11-30'],
    ]);
    expect(dec).toMatchObject({ opening: 1150, adjusted: -200, closing: 950 });
    expect(dec.movements.map((m) => [m.kind, m.hundredths, m.date])).toEqual([
      [REVERSAL, -200, '2026-12-01'],
    ]);
    // Were the month UTC's, the adjustment would have moved to December.
    expect(monthIn(stillNovember, 'UTC')).not.toBe(nov.movements[1].date.slice(0, 7));
  });
});

describe("the monthly fee is read at the month's first instant in the client's zone (L3-03, L3-18)", () => {
  const MX = 'America/Mexico_City';
  const fees = (changedAt: string) => [
    {
      kind: PolicyEventKind.CREATED,
      at: new Date('2026-01-10T18:00:00Z'),
      data: { monthlyFee: '12000.00' },
    },
    {
      kind: PolicyEventKind.TERMS_CHANGED,
      at: new Date(changedAt),
      data: { monthlyFee: { from: '12000.00', to: '15000.00' } },
    },
  ];

  it('a month begins at 00:00 on the 1st in the zone: 06:00Z in Mexico City, 00:00Z in UTC', () => {
    expect(dayStartIn('2026-12-01', MX).toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(dayStartIn('2027-01-01', MX).toISOString()).toBe('2027-01-01T06:00:00.000Z');
    expect(dayStartIn('2026-12-01', 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(dayStartIn('2026-12-01', 'Asia/Tokyo').toISOString()).toBe('2026-11-30T15:00:00.000Z');
    // Daylight time (Mexico City's until 2022): 00:00 CDT on 2022-05-01 is 05:00Z.
    expect(dayStartIn('2022-05-01', MX).toISOString()).toBe('2022-05-01T05:00:00.000Z');
    // A clock change that skips midnight (Santiago, 2022-09-11 00:00 → 01:00): the day begins at
    // the first instant after the gap.
    expect(dayStartIn('2022-09-11', 'America/Santiago').toISOString()).toBe(
      '2022-09-11T04:00:00.000Z',
    );
    // It is the first instant of that day in the zone, and the instant before is the day before.
    for (const [day, zone] of [
      ['2026-12-01', MX],
      ['2026-03-08', 'America/New_York'],
      ['2026-11-01', 'America/New_York'],
      ['2022-09-11', 'America/Santiago'],
    ] as const) {
      const start = dayStartIn(day, zone);
      expect(dayIn(start, zone)).toBe(day);
      expect(dayIn(new Date(start.getTime() - 1000), zone) < day).toBe(true);
    }
  });

  it('a fee changed at 00:00 on December 1st in Mexico City (06:00Z) is December’s fee', () => {
    const december = dayStartIn('2026-12-01', MX);
    expect(feeInForce(fees('2026-12-01T06:00:00Z'), december, '15000.00')).toBe('15000.00');
    // One second later it is January's: December keeps the old fee.
    expect(feeInForce(fees('2026-12-01T06:00:01Z'), december, '15000.00')).toBe('12000.00');
    // Changed at 02:00 local on the 1st (08:00Z): not December's either.
    expect(feeInForce(fees('2026-12-01T08:00:00Z'), december, '15000.00')).toBe('12000.00');
    // Changed at 21:00 local on November 30th (03:00Z on the 1st): December's.
    expect(feeInForce(fees('2026-12-01T03:00:00Z'), december, '15000.00')).toBe('15000.00');
    // Read at UTC's month start, the 06:00Z change would have been missed (the bug).
    expect(
      feeInForce(fees('2026-12-01T06:00:00Z'), new Date('2026-12-01T00:00:00Z'), '15000.00'),
    ).toBe('12000.00');
  });
});
