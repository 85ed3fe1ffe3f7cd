import { LedgerEntryKind } from '../../../src/contracts/contract-enums';
import { HourLedgerEntryModel } from '../../../src/contracts/hour-ledger-entry.model';
import type { HourLedgerEntryEntity } from '../../../src/contracts/hour-ledger-entry.entity';
import {
  chargedAgainReason,
  estimateReason,
  holdRestoredReason,
  type LedgerReason,
  LedgerReasonCode,
  ledgerReasonOf,
  loggedReason,
  manualReason,
  noChargeReason,
  otherReason,
  purchaseReason,
  reasonPartsFor,
  storedReasonParts,
  ticketEndedReason,
} from '../../../src/contracts/hour-ledger-reason';
import { releaseReasonOf } from '../../../src/tickets/ticket-ledger.activities';

// L3-03, L3-13: the client reads its ledger; each entry keeps its English reason (API users read
// it) and the same in parts (`reason_parts`), which clients word in Spanish, with the entry's
// effect on the available hours. L3-12 reservations take from the available hours, releases give
// back, consumption draws its own reservation; L3-18 no-charge work.

/** Every reason the ledger's own steps write, with the kind of entry it goes on. */
const WRITTEN: [LedgerEntryKind, LedgerReason][] = [
  [LedgerEntryKind.PURCHASE, purchaseReason('FAC-001', '2026-11-02')],
  [LedgerEntryKind.RESERVATION, estimateReason(1, '8.00', 'DEVELOPMENT')],
  [LedgerEntryKind.RESERVATION_RELEASE, estimateReason(2, '5.50', 'CONFIGURATION')],
  [
    LedgerEntryKind.CONSUMPTION,
    loggedReason('6.00', '2026-11-27', false, 'Reporte: filtros\ny zona'),
  ],
  [LedgerEntryKind.CONSUMPTION, loggedReason('1.00', '2026-11-27', true, 'Duda')],
  [LedgerEntryKind.RESERVATION_RELEASE, ticketEndedReason('CLOSED')],
  [LedgerEntryKind.RESERVATION_RELEASE, ticketEndedReason('CANCELLED')],
  [LedgerEntryKind.RESERVATION_RELEASE, noChargeReason('Duda básica')],
  [LedgerEntryKind.RESERVATION, chargedAgainReason(3, 'Era desarrollo')],
  [LedgerEntryKind.RESERVATION, holdRestoredReason(2, '1.50', 'Capturado dos veces\nen el día')],
  [LedgerEntryKind.ADJUSTMENT, manualReason('Cortesía por retraso')],
  [LedgerEntryKind.REVERSAL, manualReason('package 7 purchased on 2026-01-01')],
  [LedgerEntryKind.RESERVATION_RELEASE, otherReason('closed twice')],
];

describe('ledger reasons written as data', () => {
  it('writes the same English sentences as before', () => {
    expect(WRITTEN.map(([, r]) => r.text)).toEqual([
      'package FAC-001 purchased on 2026-11-02',
      'estimate v1 authorized: 8.00 h (DEVELOPMENT)',
      'estimate v2 authorized: 5.50 h (CONFIGURATION)',
      '6.00 h logged on 2026-11-27: Reporte: filtros\ny zona',
      '1.00 h logged on 2026-11-27 (no charge, L3-18): Duda',
      'ticket closed',
      'ticket cancelled',
      'ticket made no-charge (L3-18): Duda básica',
      'ticket charged again (L3-18), estimate v3 held again: Era desarrollo',
      '1.50 h logged and reversed, held again for estimate v2: Capturado dos veces\nen el día',
      'Cortesía por retraso',
      'package 7 purchased on 2026-01-01',
      'closed twice',
    ]);
  });

  it('stores for each entry the parts a reader of its sentence finds: the GraphQL answer is unchanged', () => {
    for (const [kind, r] of WRITTEN) {
      expect({ kind, parts: reasonPartsFor(kind, r) }).toEqual({
        kind,
        parts: ledgerReasonOf(kind, r.text),
      });
    }
    expect(
      reasonPartsFor(
        LedgerEntryKind.RESERVATION_RELEASE,
        estimateReason(2, '5.50', 'CONFIGURATION'),
      ),
    ).toMatchObject({ code: 'ESTIMATE_REPLACED', estimateVersion: 2, hours: 5.5 });
  });

  it("words the workflow's release as the state the ticket ended in", () => {
    expect(releaseReasonOf('ticket closed')).toEqual(ticketEndedReason('CLOSED'));
    expect(releaseReasonOf('ticket cancelled').parts).toMatchObject({
      code: 'TICKET_ENDED',
      ticketState: 'CANCELLED',
    });
    expect(releaseReasonOf('anything else')).toEqual(otherReason('anything else'));
  });

  it('reads the stored parts, and the sentence only where there are none', () => {
    const parts = purchaseReason('FAC-9', '2026-01-05').parts;
    // The sentence says otherwise: the stored parts win.
    const entry = { kind: LedgerEntryKind.PURCHASE, reason: 'package X purchased on 2020-01-01' };
    expect(storedReasonParts({ ...entry, reasonParts: parts })).toEqual(parts);
    expect(storedReasonParts({ ...entry, reasonParts: null })).toMatchObject({
      code: 'PACKAGE_PURCHASED',
      packageReference: 'X',
      date: '2020-01-01',
    });
    // Parts of a code this version does not know: the sentence.
    expect(
      storedReasonParts({ ...entry, reasonParts: { code: 'NEW' as LedgerReasonCode } }),
    ).toMatchObject({ code: 'PACKAGE_PURCHASED', packageReference: 'X' });
    // Missing fields read as empty.
    expect(
      storedReasonParts({ ...entry, reasonParts: { code: LedgerReasonCode.TICKET_ENDED } }),
    ).toEqual({
      code: 'TICKET_ENDED',
      hours: null,
      estimateVersion: null,
      date: null,
      packageReference: null,
      workCategory: null,
      ticketState: null,
      noCharge: false,
      note: null,
    });
  });
});

describe('ledger reasons in parts, read back from the sentence (rows without parts)', () => {
  it('reads back what the ledger writes', () => {
    expect(
      ledgerReasonOf(LedgerEntryKind.PURCHASE, purchaseReason('FAC-001', '2026-11-02').text),
    ).toMatchObject({
      code: LedgerReasonCode.PACKAGE_PURCHASED,
      packageReference: 'FAC-001',
      date: '2026-11-02',
    });
    expect(
      ledgerReasonOf(LedgerEntryKind.RESERVATION, estimateReason(1, '8.00', 'DEVELOPMENT').text),
    ).toMatchObject({
      code: 'ESTIMATE_AUTHORIZED',
      estimateVersion: 1,
      hours: 8,
      workCategory: 'DEVELOPMENT',
    });
    expect(
      ledgerReasonOf(
        LedgerEntryKind.RESERVATION_RELEASE,
        estimateReason(2, '5.50', 'CONFIGURATION').text,
      ),
    ).toMatchObject({ code: 'ESTIMATE_REPLACED', estimateVersion: 2 });
    expect(
      ledgerReasonOf(
        LedgerEntryKind.CONSUMPTION,
        loggedReason('6.00', '2026-11-27', false, 'Reporte: filtros\ny zona').text,
      ),
    ).toMatchObject({
      code: 'TIME_LOGGED',
      hours: 6,
      date: '2026-11-27',
      noCharge: false,
      note: 'Reporte: filtros\ny zona',
    });
    expect(
      ledgerReasonOf(
        LedgerEntryKind.CONSUMPTION,
        loggedReason('1.00', '2026-11-27', true, 'Duda').text,
      ),
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
        reasonParts: null,
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
