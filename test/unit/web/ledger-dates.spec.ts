import type { LedgerEntry, LedgerReasonParts } from '../../../web/src/api/contracts';
import { purchaseDays } from '../../../web/src/contracts/ledger-dates';
import { hoursLedgerEn } from '../../../web/src/i18n/hours-ledger.en';
import { hoursLedgerEsMX } from '../../../web/src/i18n/hours-ledger.es-mx';
import { dayInZone } from '../../../web/src/i18n/zoned-time';

// L3-12, L3-13 (QA S22 F2): the monthly statement counts a purchase in the month of its purchase
// date; the ledger dated it by the day it was recorded, so a package recorded on 30 Nov for
// January read «30 nov 2026 — Compra» beside a November statement «Sin compras…». A purchase row
// now takes its purchase date and names the recording day when it is another.

const PARTS: LedgerReasonParts = {
  code: 'PACKAGE_PURCHASED',
  hours: null,
  estimateVersion: null,
  date: '2026-01-01',
  packageReference: 'PKG-AURORA-2026',
  workCategory: null,
  ticketState: null,
  noCharge: false,
  note: null,
};

const entry = (
  kind: string,
  createdAt: string,
  parts: Partial<LedgerReasonParts> = {},
): Pick<LedgerEntry, 'kind' | 'reasonParts' | 'createdAt'> => ({
  kind,
  createdAt,
  reasonParts: { ...PARTS, ...parts },
});

const MEXICO = 'America/Mexico_City';

describe('purchaseDays (L3-12, L3-13)', () => {
  it('a package recorded months after its purchase is dated by the purchase, with the day recorded', () => {
    expect(purchaseDays(entry('PURCHASE', '2026-11-30T18:00:00.000Z'), MEXICO)).toEqual({
      purchasedOn: '2026-01-01',
      recordedOn: '2026-11-30',
    });
  });

  it('recorded on its purchase day (in the reader’s zone): the purchase date alone', () => {
    const late = entry('PURCHASE', '2026-12-01T03:00:00.000Z', { date: '2026-11-30' });
    // 21:00 on 30 Nov in Mexico City; already 1 Dec in UTC.
    expect(purchaseDays(late, MEXICO)).toEqual({ purchasedOn: '2026-11-30', recordedOn: null });
    expect(purchaseDays(late, 'UTC')).toEqual({
      purchasedOn: '2026-11-30',
      recordedOn: '2026-12-01',
    });
  });

  it('every other entry keeps the day it was recorded, even one whose reason names a date', () => {
    const created = '2026-11-30T18:00:00.000Z';
    expect(
      purchaseDays(
        entry('CONSUMPTION', created, { code: 'TIME_LOGGED', date: '2026-11-02' }),
        MEXICO,
      ),
    ).toBeNull();
    expect(
      purchaseDays(entry('REVERSAL', created, { code: 'MANUAL', date: null }), MEXICO),
    ).toBeNull();
    // A purchase whose stored reason could not be read has no purchase date to show.
    expect(
      purchaseDays(entry('PURCHASE', created, { code: 'OTHER', date: null }), MEXICO),
    ).toBeNull();
  });

  it('dayInZone is the calendar day in the zone', () => {
    expect(dayInZone('2026-01-01T05:59:00.000Z', MEXICO)).toBe('2025-12-31');
    expect(dayInZone(new Date('2026-01-01T06:00:00.000Z'), MEXICO)).toBe('2026-01-01');
  });

  it('the recording day reads «registrada el …», «recorded …»', () => {
    expect(hoursLedgerEsMX.recordedOn('30 nov 2026')).toBe('registrada el 30 nov 2026');
    expect(hoursLedgerEn.recordedOn('Nov 30, 2026')).toBe('recorded Nov 30, 2026');
  });
});
