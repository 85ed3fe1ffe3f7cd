import { LedgerEntryKind } from '../../../src/contracts/contract-enums';
import { HourLedgerEntryModel } from '../../../src/contracts/hour-ledger-entry.model';
import type { HourLedgerEntryEntity } from '../../../src/contracts/hour-ledger-entry.entity';
import {
  estimateReason,
  LedgerReasonCode,
  ledgerReasonOf,
  loggedReason,
  purchaseReason,
} from '../../../src/contracts/hour-ledger-reason';

// L3-03, L3-13: the client reads its ledger; each entry's stored English reason is given to
// clients in parts (to word it in Spanish) with the entry's effect on the available hours.
// L3-12 reservations take from the available hours, releases give back, consumption draws its
// own reservation; L3-18 no-charge work.

describe('ledger reasons in parts', () => {
  it('reads back what the ledger writes', () => {
    expect(
      ledgerReasonOf(LedgerEntryKind.PURCHASE, purchaseReason('FAC-001', '2026-11-02')),
    ).toMatchObject({
      code: LedgerReasonCode.PACKAGE_PURCHASED,
      packageReference: 'FAC-001',
      date: '2026-11-02',
    });
    expect(
      ledgerReasonOf(LedgerEntryKind.RESERVATION, estimateReason(1, '8.00', 'DEVELOPMENT')),
    ).toMatchObject({
      code: 'ESTIMATE_AUTHORIZED',
      estimateVersion: 1,
      hours: 8,
      workCategory: 'DEVELOPMENT',
    });
    expect(
      ledgerReasonOf(
        LedgerEntryKind.RESERVATION_RELEASE,
        estimateReason(2, '5.50', 'CONFIGURATION'),
      ),
    ).toMatchObject({ code: 'ESTIMATE_REPLACED', estimateVersion: 2 });
    expect(
      ledgerReasonOf(
        LedgerEntryKind.CONSUMPTION,
        loggedReason('6.00', '2026-11-27', false, 'Reporte: filtros\ny zona'),
      ),
    ).toMatchObject({
      code: 'TIME_LOGGED',
      hours: 6,
      date: '2026-11-27',
      noCharge: false,
      note: 'Reporte: filtros\ny zona',
    });
    expect(
      ledgerReasonOf(LedgerEntryKind.CONSUMPTION, loggedReason('1.00', '2026-11-27', true, 'Duda')),
    ).toMatchObject({ code: 'TIME_LOGGED', noCharge: true, note: 'Duda' });
  });

  it('reads the sentences of the workflow and of billing, and keeps unknown text as a note', () => {
    expect(ledgerReasonOf(LedgerEntryKind.RESERVATION_RELEASE, 'ticket closed')).toMatchObject({
      code: 'TICKET_ENDED',
      ticketState: 'CLOSED',
    });
    expect(
      ledgerReasonOf(
        LedgerEntryKind.RESERVATION_RELEASE,
        'ticket made no-charge (L3-18): Duda básica',
      ),
    ).toMatchObject({ code: 'TICKET_NO_CHARGE', note: 'Duda básica' });
    expect(
      ledgerReasonOf(
        LedgerEntryKind.RESERVATION,
        'ticket charged again (L3-18), estimate v3 held again: Era desarrollo',
      ),
    ).toMatchObject({ code: 'TICKET_CHARGED_AGAIN', estimateVersion: 3, note: 'Era desarrollo' });
    expect(
      ledgerReasonOf(LedgerEntryKind.ADJUSTMENT, 'package 7 purchased on 2026-01-01'),
    ).toMatchObject({
      code: 'MANUAL',
      note: 'package 7 purchased on 2026-01-01',
    });
    expect(ledgerReasonOf(LedgerEntryKind.RESERVATION, 'something new')).toMatchObject({
      code: 'OTHER',
      note: 'something new',
    });
  });

  it('gives each kind its effect on the available hours, with the sign a client expects', () => {
    const effect = (kind: LedgerEntryKind, hours: string) =>
      HourLedgerEntryModel.fromEntity({
        id: '1',
        organizationId: 'o',
        ticketNumber: null,
        kind,
        hours,
        estimateVersion: null,
        reason: 'x',
        idempotencyKey: 'k',
        reversesEntryId: null,
        createdBy: null,
        createdAt: new Date(),
      } satisfies HourLedgerEntryEntity).availableEffect;
    expect(effect(LedgerEntryKind.PURCHASE, '40.00')).toBe(40);
    expect(effect(LedgerEntryKind.RESERVATION, '8.00')).toBe(-8);
    expect(effect(LedgerEntryKind.RESERVATION_RELEASE, '-6.00')).toBe(6);
    expect(Object.is(effect(LedgerEntryKind.CONSUMPTION, '-6.00'), 0)).toBe(true);
    expect(effect(LedgerEntryKind.ADJUSTMENT, '-2.50')).toBe(-2.5);
    expect(effect(LedgerEntryKind.REVERSAL, '-40.00')).toBe(-40);
  });
});
