import { MEXICO_CITY_TIME_ZONE as MX } from '../../../src/business-time/engine';
import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import { LedgerEntryKind } from '../../../src/contracts/contract-enums';
import {
  formatHours,
  positiveHundredths,
  signedHundredths,
  toHundredths,
} from '../../../src/contracts/hours';
import {
  foldLedger,
  type LedgerDraft,
  type LedgerFact,
  planAdjustment,
  planConsumption,
  planPurchase,
  planReservation,
  planHoldRestore,
  planReversal,
  reservationShortfall,
} from '../../../src/contracts/ledger-rules';
import { monthBounds, requireLocalDate } from '../../../src/contracts/local-date';
import { registrationRefusal } from '../../../src/contracts/support-policies.service';
import { PolicyStatus } from '../../../src/contracts/contract-enums';

// Worked examples of the ledger rules (L3-12, L3-13, L3-18) and of the input helpers.

const T1 = 'L3-2026-000001';

function ledger() {
  const entries: LedgerFact[] = [];
  return {
    entries,
    add(drafts: readonly LedgerDraft[]) {
      for (const { keySuffix: _k, ...d } of drafts) {
        entries.push({ ...d, id: String(entries.length + 1) });
      }
      return this;
    },
    get balance() {
      return foldLedger(entries);
    },
  };
}

const reserve = (
  l: ReturnType<typeof ledger>,
  version: number,
  hours: number,
  extra: Partial<Parameters<typeof planReservation>[1]> = {},
) =>
  planReservation(l.balance, {
    ticketNumber: T1,
    estimateVersion: version,
    hundredths: hours * 100,
    category: 'DEVELOPMENT',
    noCharge: false,
    ...extra,
  });

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('ledger rules, worked examples (L3-12)', () => {
  it('a newer estimate version replaces the previous reservation (release + reserve)', () => {
    const l = ledger().add(planPurchase(2_000));
    l.add(reserve(l, 1, 6).drafts);
    l.add(
      planConsumption(l.balance, { ticketNumber: T1, hundredths: 200, noCharge: false }).drafts,
    );
    const plan = reserve(l, 2, 10);
    expect(plan.drafts.map((d) => [d.kind, d.hundredths, d.estimateVersion])).toEqual([
      [LedgerEntryKind.RESERVATION_RELEASE, -400, 1],
      [LedgerEntryKind.RESERVATION, 800, 2],
    ]);
    l.add(plan.drafts);
    expect(l.balance).toMatchObject({ balance: 1_800, reserved: 800, available: 1_000 });
    expect(l.balance.tickets.get(T1)).toMatchObject({
      estimateVersion: 2,
      held: 800,
      consumed: 200,
    });
  });

  it('the same version again changes nothing; an older one is a CONFLICT', () => {
    const l = ledger().add(planPurchase(2_000));
    l.add(reserve(l, 2, 6).drafts);
    expect(reserve(l, 2, 6).drafts).toEqual([]);
    const stale = refusal(() => reserve(l, 1, 3));
    expect(stale.code).toBe(ErrorCode.CONFLICT);
    expect(stale.details).toMatchObject({ reason: 'STALE_ESTIMATE_VERSION' });
  });

  it('refuses an estimate below what is already consumed', () => {
    const l = ledger().add(planPurchase(2_000));
    l.add(reserve(l, 1, 6).drafts);
    l.add(
      planConsumption(l.balance, { ticketNumber: T1, hundredths: 500, noCharge: false }).drafts,
    );
    expect(refusal(() => reserve(l, 2, 4)).details).toMatchObject({
      reason: 'ESTIMATE_BELOW_CONSUMED',
    });
  });

  it('development and configuration need an active package; other work only enough hours', () => {
    const l = ledger().add(planAdjustment(foldLedger([]), 500));
    expect(refusal(() => reserve(l, 1, 2)).details).toMatchObject({ reason: 'NO_ACTIVE_PACKAGE' });
    expect(reserve(l, 1, 2, { category: 'TRAINING' }).held).toBe(200);
  });

  it('shortfall counts the hold being replaced as available', () => {
    const l = ledger().add(planPurchase(1_000));
    l.add(reserve(l, 1, 6).drafts);
    const err = refusal(() => reserve(l, 2, 12.5));
    expect(err.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(err.details).toMatchObject({ reason: 'INSUFFICIENT_HOURS', shortfallHours: 2.5 });
  });

  it('the estimate email tells the shortfall as the authorization would meet it (L3-12)', () => {
    const l = ledger().add(planPurchase(1_000));
    l.add(reserve(l, 1, 6).drafts);
    l.add(
      planConsumption(l.balance, { ticketNumber: T1, hundredths: 200, noCharge: false }).drafts,
    );
    // 4 h held of 6 authorized, 2 consumed, 4 available: a total of 12.5 adds 6.5 to the hold.
    const change = { ticketNumber: T1, hundredths: 1_250, noCharge: false };
    expect(reservationShortfall(l.balance, change)).toEqual({
      availableHours: 4,
      requestedHours: 6.5,
      shortfallHours: 2.5,
    });
    expect(refusal(() => reserve(l, 2, 12.5)).details).toMatchObject({ shortfallHours: 2.5 });
    // Covered exactly, or on a no-charge ticket: nothing lacks, and the ledger reserves it.
    expect(reservationShortfall(l.balance, { ...change, hundredths: 1_000 })).toBeUndefined();
    expect(reserve(l, 2, 10).held).toBe(800);
    expect(reservationShortfall(l.balance, { ...change, noCharge: true })).toBeUndefined();
    expect(reservationShortfall(l.balance, { ...change, ticketNumber: 'L3-2026-000002' })).toEqual({
      availableHours: 4,
      requestedHours: 12.5,
      shortfallHours: 8.5,
    });
  });

  it('a no-charge ticket holds nothing and consumes 0 (L3-18)', () => {
    const l = ledger().add(planPurchase(1_000));
    const plan = reserve(l, 1, 50, { noCharge: true });
    expect(plan.held).toBe(0);
    l.add(plan.drafts);
    const log = planConsumption(l.balance, { ticketNumber: T1, hundredths: 300, noCharge: true });
    expect(log.charged).toBe(0);
    l.add(log.drafts);
    expect(l.balance).toMatchObject({ balance: 1_000, available: 1_000, consumed: 0 });
    // Logged there by mistake, it is reversed all the same: 0 h, no figure moves, and nothing
    // goes back to a hold (there is none).
    const consumption = l.entries[l.entries.length - 1];
    const reversal = planReversal(l.balance, consumption);
    expect(reversal).toMatchObject([{ kind: 'REVERSAL', hundredths: 0 }]);
    expect(Object.is(reversal[0].hundredths, -0)).toBe(false);
    expect(planHoldRestore(l.balance, consumption)).toBeNull();
    l.add(reversal);
    expect(l.balance).toMatchObject({ balance: 1_000, available: 1_000, consumed: 0 });
    expect(l.balance.reversed.has(consumption.id)).toBe(true);
    expect(refusal(() => planReversal(l.balance, consumption)).code).toBe(ErrorCode.CONFLICT);
  });

  it('reversals: once, only for purchases/adjustments/consumption, never overdrawing', () => {
    const l = ledger().add(planPurchase(1_000)).add(planPurchase(500));
    l.add(reserve(l, 1, 8).drafts);
    const [purchase1, purchase2, reservation] = l.entries;
    expect(refusal(() => planReversal(l.balance, reservation)).details).toMatchObject({
      reason: 'NOT_REVERSIBLE',
    });
    // 15 h bought, 8 h held: taking 10 h back would overdraw by 3 h.
    expect(refusal(() => planReversal(l.balance, purchase1)).details).toMatchObject({
      reason: 'INSUFFICIENT_HOURS',
      shortfallHours: 3,
    });
    l.add(planReversal(l.balance, purchase2));
    expect(l.balance).toMatchObject({ purchased: 1_000, available: 200 });
    expect(refusal(() => planReversal(l.balance, purchase2)).code).toBe(ErrorCode.CONFLICT);
  });

  it('a reversed consumption alone gives its hours back to the balance (a ticket that ended)', () => {
    const l = ledger().add(planPurchase(1_000));
    l.add(reserve(l, 1, 5).drafts);
    l.add(
      planConsumption(l.balance, { ticketNumber: T1, hundredths: 200, noCharge: false }).drafts,
    );
    const consumption = l.entries[l.entries.length - 1];
    l.add(planReversal(l.balance, consumption));
    expect(l.balance).toMatchObject({ consumed: 0, balance: 1_000, reserved: 300, available: 700 });
    expect(l.balance.tickets.get(T1)).toMatchObject({ held: 300, consumed: 0 });
  });

  it('L3-12: on a ticket still at work, the hold restored with it holds the whole estimate again', () => {
    const l = ledger().add(planPurchase(1_000));
    l.add(reserve(l, 1, 5).drafts);
    l.add(
      planConsumption(l.balance, { ticketNumber: T1, hundredths: 200, noCharge: false }).drafts,
    );
    const consumption = l.entries[l.entries.length - 1];
    const restore = planHoldRestore(l.balance, consumption);
    expect(restore).toMatchObject({
      kind: 'RESERVATION',
      hundredths: 200,
      ticketNumber: T1,
      estimateVersion: 1,
      keySuffix: ':hold-restored',
    });
    l.add(planReversal(l.balance, consumption));
    l.add([restore!]);
    // As before the entry: 5 h held for the estimate, none consumed, 5 h available.
    expect(l.balance).toMatchObject({ consumed: 0, balance: 1_000, reserved: 500, available: 500 });
    expect(l.balance.tickets.get(T1)).toMatchObject({ held: 500, consumed: 0, estimateVersion: 1 });
    // The whole estimate can be logged again.
    expect(
      planConsumption(l.balance, { ticketNumber: T1, hundredths: 500, noCharge: false }).charged,
    ).toBe(500);
    // Nothing to restore for a purchase, nor for a ticket that never held an estimate.
    expect(planHoldRestore(l.balance, l.entries[0])).toBeNull();
    expect(
      planHoldRestore(l.balance, { ...consumption, ticketNumber: 'L3-2026-999999' }),
    ).toBeNull();
  });
});

describe('hours, dates and the L3-01 refusal', () => {
  it.each([0, -1, 0.001, Number.NaN, Infinity, 100_001])('refuses %p hours', (h) => {
    expect(() => positiveHundredths(h)).toThrow(DomainError);
  });

  it('keeps hundredths exact', () => {
    expect(positiveHundredths(0.29)).toBe(29);
    expect(signedHundredths(-1.15)).toBe(-115);
    expect(toHundredths('12.50')).toBe(1250);
    expect(formatHours(-5)).toBe('-0.05');
    expect(formatHours(123456)).toBe('1234.56');
  });

  it('accepts only real dates and months', () => {
    expect(requireLocalDate('2028-02-29', 'd')).toBe('2028-02-29');
    expect(() => requireLocalDate('2026-02-29', 'd')).toThrow(DomainError);
    expect(() => requireLocalDate('2026-2-1', 'd')).toThrow(DomainError);
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(() => monthBounds('2026-13')).toThrow(DomainError);
  });

  it('says why a client may not register tickets (L3-01)', () => {
    const at = new Date('2026-03-01T18:00:00Z');
    expect(registrationRefusal('Aurora', null, MX)?.message).toMatch(/no support policy/);
    const suspended = registrationRefusal(
      'Aurora',
      {
        status: PolicyStatus.SUSPENDED,
        statusChangedAt: at,
        statusReason: 'unpaid invoice',
      },
      MX,
    );
    expect(suspended?.message).toMatch(/suspended since 2026-03-01 \(unpaid invoice\)/);
    expect(suspended?.details).toMatchObject({
      reason: 'NO_ACTIVE_POLICY',
      policyStatus: 'SUSPENDED',
    });
    expect(
      registrationRefusal(
        'Aurora',
        {
          status: PolicyStatus.ENDED,
          statusChangedAt: at,
          statusReason: null,
        },
        MX,
      )?.message,
    ).toMatch(/ended on 2026-03-01/);
    expect(
      registrationRefusal(
        'Aurora',
        {
          status: PolicyStatus.ACTIVE,
          statusChangedAt: at,
          statusReason: null,
        },
        MX,
      ),
    ).toBeNull();
  });
});
