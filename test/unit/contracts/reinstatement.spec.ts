import type { DomainError } from '../../../src/common/errors/domain-error';
import { LedgerEntryKind } from '../../../src/contracts/contract-enums';
import {
  foldLedger,
  type LedgerDraft,
  type LedgerFact,
  planConsumption,
  planPurchase,
  planReinstatement,
  planRelease,
  planReservation,
} from '../../../src/contracts/ledger-rules';

// L3-18 un-waived: a ticket charged to the package again holds its authorized estimate again.

const T1 = 'L3-2026-000001';

function ledger(...plans: (readonly LedgerDraft[])[]) {
  const entries: LedgerFact[] = [];
  const l = {
    add(drafts: readonly LedgerDraft[]) {
      for (const { keySuffix: _k, ...d } of drafts)
        entries.push({ ...d, id: String(entries.length + 1) });
      return l;
    },
    get balance() {
      return foldLedger(entries);
    },
  };
  for (const p of plans) l.add(p);
  return l;
}
const reinstate = (l: ReturnType<typeof ledger>, hours: number) =>
  planReinstatement(l.balance, {
    ticketNumber: T1,
    estimateVersion: 1,
    hundredths: hours * 100,
    category: 'DEVELOPMENT',
  });

/** 20 h bought, a 6 h estimate authorized, 1.5 h charged, then the ticket waived. */
function waivedTicket() {
  const l = ledger(planPurchase(2_000));
  l.add(
    planReservation(l.balance, {
      ticketNumber: T1,
      estimateVersion: 1,
      hundredths: 600,
      category: 'DEVELOPMENT',
      noCharge: false,
    }).drafts,
  );
  l.add(planConsumption(l.balance, { ticketNumber: T1, hundredths: 150, noCharge: false }).drafts);
  l.add(planRelease(l.balance, T1).drafts);
  return l;
}

describe('L3-18 planReinstatement', () => {
  it('holds the estimate less the hours already charged', () => {
    const l = waivedTicket();
    const plan = reinstate(l, 6);
    expect(plan.reserved).toBe(450);
    expect(plan.drafts.map((d) => [d.kind, d.hundredths, d.estimateVersion])).toEqual([
      [LedgerEntryKind.RESERVATION, 450, 1],
    ]);
    l.add(plan.drafts);
    expect(l.balance.tickets.get(T1)).toMatchObject({ held: 450, estimateVersion: 1 });
    expect(l.balance.available).toBe(2_000 - 150 - 450);
    // Once held, holding again adds nothing.
    expect(reinstate(l, 6)).toEqual({ drafts: [], reserved: 0 });
  });

  it('refuses without enough available hours, with the shortfall', () => {
    const l = waivedTicket();
    const err = (() => {
      try {
        reinstate(l, 30);
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('expected a refusal');
    })();
    expect(err.details).toMatchObject({ reason: 'INSUFFICIENT_HOURS', shortfallHours: 10 });
  });

  it('holds nothing for an estimate already fully charged', () => {
    expect(reinstate(waivedTicket(), 1.5)).toEqual({ drafts: [], reserved: 0 });
  });
});
