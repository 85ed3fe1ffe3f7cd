import fc from 'fast-check';
import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import { LedgerEntryKind, type WorkCategory } from '../../../src/contracts/contract-enums';
import {
  addToTotals,
  effectOf,
  foldLedger,
  foldTotals,
  type LedgerTotal,
  type LedgerBalance,
  type LedgerDraft,
  type LedgerFact,
  planAdjustment,
  planConsumption,
  planPurchase,
  planRelease,
  planReservation,
  planHoldRestore,
  planReversal,
} from '../../../src/contracts/ledger-rules';

// L3-12/L3-13/L3-18: the prepaid-hours ledger rules as the service runs them (the service folds
// the rows and appends exactly what these plan functions return). fast-check drives random
// sequences of operations through the same functions; seeded, so a failure is reproducible.

const PARAMS = { seed: 20261129, numRuns: 300 };
const TICKETS = ['L3-2026-000001', 'L3-2026-000002', 'L3-2026-000003', 'L3-2026-000004'];
const CATEGORIES: WorkCategory[] = ['DEVELOPMENT', 'CONFIGURATION', 'QUESTION', 'TRAINING'];

/** A client's ledger as the rules see it, plus the no-charge flags (ticket_billing). */
class Model {
  readonly entries: LedgerFact[] = [];
  readonly noCharge = new Set<string>();
  /** Tickets whose hold was released (ended) and not reserved since. */
  readonly released = new Set<string>();
  versions = new Map<string, number>();

  get balance(): LedgerBalance {
    return foldLedger(this.entries);
  }

  append(drafts: readonly LedgerDraft[]): LedgerFact[] {
    const facts = drafts.map((d) => {
      const { keySuffix: _unused, ...rest } = d;
      return { ...rest, id: String(this.entries.length + 1) };
    });
    facts.forEach((f) => this.entries.push(f));
    return facts;
  }
}

type Op =
  | { op: 'purchase'; h: number }
  | { op: 'reserve'; t: number; bump: number; h: number; category: WorkCategory }
  | { op: 'log'; t: number; h: number }
  | { op: 'release'; t: number }
  | { op: 'adjust'; h: number }
  | { op: 'reverse'; pick: number }
  | { op: 'waive'; t: number; noCharge: boolean };

const ticket = fc.integer({ min: 0, max: TICKETS.length - 1 });
const hundredths = fc.integer({ min: 1, max: 3_000 });
// Weighted so that purchases come early and reservations often fit: the interesting sequences.
const operation: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('purchase' as const), h: hundredths }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('reserve' as const),
      t: ticket,
      bump: fc.integer({ min: -1, max: 2 }),
      h: fc.integer({ min: 1, max: 1_500 }),
      category: fc.constantFrom(...CATEGORIES),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('log' as const),
      t: ticket,
      h: fc.integer({ min: 1, max: 800 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('release' as const), t: ticket }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('adjust' as const),
      h: fc.integer({ min: -2_000, max: 2_000 }).filter((h) => h !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('waive' as const), t: ticket, noCharge: fc.boolean() }),
  },
);

/** Sequences of 5 to 60 operations on one client. */
const sequences = fc.array(operation, { minLength: 5, maxLength: 60, size: 'max' });

/** Applies one operation through the rules; a refusal (DomainError) appends nothing. */
function apply(m: Model, o: Op): { refused?: DomainError; appended: LedgerFact[] } {
  const b = m.balance;
  try {
    switch (o.op) {
      case 'purchase':
        return { appended: m.append(planPurchase(o.h)) };
      case 'reserve': {
        const n = TICKETS[o.t];
        const version = Math.max(1, (m.versions.get(n) ?? 0) + o.bump);
        const plan = planReservation(b, {
          ticketNumber: n,
          estimateVersion: version,
          hundredths: o.h,
          category: o.category,
          noCharge: m.noCharge.has(n),
        });
        m.versions.set(n, Math.max(version, m.versions.get(n) ?? 0));
        if (plan.drafts.length > 0) m.released.delete(n);
        return { appended: m.append(plan.drafts) };
      }
      case 'log':
        return {
          appended: m.append(
            planConsumption(b, {
              ticketNumber: TICKETS[o.t],
              hundredths: o.h,
              noCharge: m.noCharge.has(TICKETS[o.t]),
            }).drafts,
          ),
        };
      case 'release':
        m.released.add(TICKETS[o.t]);
        return { appended: m.append(planRelease(b, TICKETS[o.t]).drafts) };
      case 'adjust':
        return { appended: m.append(planAdjustment(b, o.h)) };
      case 'reverse': {
        if (m.entries.length === 0) return { appended: [] };
        const target = m.entries[o.pick % m.entries.length];
        const reversal = planReversal(b, target);
        // As the service does: a ticket still at work (not released, not waived) gets the
        // reversed consumption's hours back in its hold.
        const n = target.ticketNumber;
        const restore =
          n && !m.released.has(n) && !m.noCharge.has(n) ? planHoldRestore(b, target) : null;
        return { appended: m.append(restore ? [...reversal, restore] : reversal) };
      }
      case 'waive': {
        const n = TICKETS[o.t];
        if (o.noCharge) m.noCharge.add(n);
        else m.noCharge.delete(n);
        return { appended: o.noCharge ? m.append(planRelease(b, n).drafts) : [] };
      }
    }
  } catch (err) {
    if (err instanceof DomainError) return { refused: err, appended: [] };
    throw err;
  }
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('prepaid-hours ledger rules (L3-12, L3-13, L3-18), properties', () => {
  it('the generated sequences do get accepted purchases, holds, consumption, releases, reversals', () => {
    // Guards the properties below against vacuity: random operations must not all be refused.
    const seen = new Map<LedgerEntryKind, number>();
    fc.assert(
      fc.property(sequences, (ops) => {
        const m = new Model();
        ops.forEach((o) => apply(m, o));
        m.entries.forEach((e) => seen.set(e.kind, (seen.get(e.kind) ?? 0) + 1));
      }),
      PARAMS,
    );
    for (const kind of Object.values(LedgerEntryKind)) {
      expect({ kind, enough: (seen.get(kind) ?? 0) > 100 }).toEqual({ kind, enough: true });
    }
  });

  it('available never goes negative under any sequence of accepted operations', () => {
    fc.assert(
      fc.property(sequences, (ops) => {
        const m = new Model();
        for (const o of ops) {
          apply(m, o);
          const b = m.balance;
          if (b.available < 0) return false;
          if ([...b.tickets.values()].some((t) => t.held < 0)) return false;
        }
        return true;
      }),
      PARAMS,
    );
  });

  it('balance and reservations are sums of the entries (by the documented sign per kind)', () => {
    fc.assert(
      fc.property(sequences, (ops) => {
        const m = new Model();
        ops.forEach((o) => apply(m, o));
        const b = m.balance;
        const effects = m.entries.map(effectOf);
        expect(b.balance).toBe(sum(effects.map((e) => e.balance)));
        expect(b.reserved).toBe(sum(effects.map((e) => e.reserved)));
        expect(b.available).toBe(b.balance - b.reserved);
        expect(b.balance).toBe(b.purchased - b.consumed + b.adjustments);
        expect(b.reserved).toBe(sum([...b.tickets.values()].map((t) => t.held)));
        // Nothing expires (L3-13): the balance is exactly the signed sum of purchases,
        // adjustments, consumptions and reversals, whatever their age.
        const balanceKinds = m.entries.filter(
          (e) =>
            e.kind !== LedgerEntryKind.RESERVATION &&
            e.kind !== LedgerEntryKind.RESERVATION_RELEASE,
        );
        expect(b.balance).toBe(sum(balanceKinds.map((e) => e.hundredths)));
      }),
      PARAMS,
    );
  });

  it('every entry keeps the sign convention of its kind', () => {
    fc.assert(
      fc.property(sequences, (ops) => {
        const m = new Model();
        ops.forEach((o) => apply(m, o));
        return m.entries.every((e) => {
          switch (e.kind) {
            case LedgerEntryKind.PURCHASE:
              return e.hundredths > 0;
            case LedgerEntryKind.RESERVATION:
              return e.hundredths >= 0 && e.ticketNumber !== null && e.estimateVersion !== null;
            case LedgerEntryKind.RESERVATION_RELEASE:
              return e.hundredths < 0 && e.ticketNumber !== null;
            case LedgerEntryKind.CONSUMPTION:
              return e.hundredths <= 0 && e.ticketNumber !== null;
            case LedgerEntryKind.ADJUSTMENT:
              return e.hundredths !== 0;
            case LedgerEntryKind.REVERSAL: {
              const target = m.entries.find((t) => t.id === e.reversesEntryId);
              return !!target && e.hundredths === -target.hundredths;
            }
          }
        });
      }),
      PARAMS,
    );
  });

  it('a release returns exactly the unused reservation, and the ticket then holds nothing', () => {
    fc.assert(
      fc.property(sequences, ticket, (ops, t) => {
        const m = new Model();
        ops.forEach((o) => apply(m, o));
        const before = m.balance;
        const held = before.tickets.get(TICKETS[t])?.held ?? 0;
        const plan = planRelease(before, TICKETS[t]);
        m.append(plan.drafts);
        const after = m.balance;
        expect(plan.released).toBe(held);
        expect(sum(plan.drafts.map((d) => d.hundredths))).toBe(0 - held);
        expect(after.tickets.get(TICKETS[t])?.held ?? 0).toBe(0);
        expect(after.available).toBe(before.available + held);
        expect(after.balance).toBe(before.balance);
      }),
      PARAMS,
    );
  });

  it('time logged never exceeds what the authorized estimate left; no-charge time costs 0', () => {
    fc.assert(
      fc.property(sequences, (ops) => {
        const m = new Model();
        for (const o of ops) {
          const before = m.balance;
          const result = apply(m, o);
          if (o.op !== 'log') continue;
          const n = TICKETS[o.t];
          const held = before.tickets.get(n)?.held ?? 0;
          const waived = m.noCharge.has(n);
          if (waived) {
            expect(result.refused).toBeUndefined();
            expect(result.appended.map((e) => e.hundredths)).toEqual([0]);
            expect(m.balance.balance).toBe(before.balance);
          } else if (o.h > held) {
            expect(result.refused?.details?.reason).toBe('EXCEEDS_AUTHORIZED_ESTIMATE');
            // Said apart: a ticket never reserved for has no estimate a change order could grow.
            expect(result.refused?.details?.noEstimate === true).toBe(!before.tickets.has(n));
          } else {
            // Consumption draws the reservation down: available does not move.
            expect(m.balance.available).toBe(before.available);
            expect(m.balance.consumed).toBe(before.consumed + o.h);
          }
        }
      }),
      PARAMS,
    );
  });

  it('a reservation is refused exactly when it exceeds available, with the exact shortfall', () => {
    fc.assert(
      fc.property(sequences, hundredths, (ops, h) => {
        const m = new Model();
        ops.forEach((o) => apply(m, o));
        const before = m.balance;
        // A fresh ticket, so the whole estimate must come out of `available`.
        const n = 'L3-2026-000099';
        const result = (() => {
          try {
            return planReservation(before, {
              ticketNumber: n,
              estimateVersion: 1,
              hundredths: h,
              category: 'QUESTION',
              noCharge: false,
            });
          } catch (err) {
            return err as DomainError;
          }
        })();
        if (h > before.available) {
          expect(result).toBeInstanceOf(DomainError);
          const err = result as DomainError;
          expect(err.code).toBe(ErrorCode.VALIDATION_FAILED);
          expect(err.details).toMatchObject({
            reason: 'INSUFFICIENT_HOURS',
            shortfallHours: (h - before.available) / 100,
          });
        } else {
          expect(result).not.toBeInstanceOf(DomainError);
        }
      }),
      PARAMS,
    );
  });
});

describe('the ledger summed by group folds to the same balance (L3-13, L3-12)', () => {
  // What ledger-totals.ts asks PostgreSQL for, done here entry by entry: the balance card, the
  // ledger list and a ticket's time entries fold these sums instead of every entry.
  const totalsOf = (entries: readonly LedgerFact[]): LedgerTotal[] => {
    const kinds = new Map(entries.map((e) => [e.id, e]));
    const totals = new Map<string, LedgerTotal>();
    for (const e of entries) {
      const target = e.reversesEntryId === null ? null : kinds.get(e.reversesEntryId)!;
      const ticketKind = [
        LedgerEntryKind.CONSUMPTION,
        LedgerEntryKind.RESERVATION,
        LedgerEntryKind.RESERVATION_RELEASE,
      ].includes(e.kind);
      addToTotals(totals, {
        kind: e.kind,
        reversedKind: target?.kind ?? null,
        ticketNumber: ticketKind
          ? e.ticketNumber
          : target?.kind === LedgerEntryKind.CONSUMPTION
            ? target.ticketNumber
            : null,
        hundredths: e.hundredths,
        estimateVersion: e.kind === LedgerEntryKind.RESERVATION ? e.estimateVersion : null,
      });
    }
    return [...totals.values()];
  };
  const figures = (b: LedgerBalance) => ({
    ...b,
    tickets: [...b.tickets.values()].sort((x, y) => x.ticketNumber.localeCompare(y.ticketNumber)),
    reversed: null,
  });

  it('for any accepted sequence and any prefix of it: the same figures and ticket holds', () => {
    fc.assert(
      fc.property(sequences, fc.nat(), (ops, cut) => {
        const m = new Model();
        ops.forEach((o) => apply(m, o));
        const prefix = m.entries.slice(0, cut % (m.entries.length + 1));
        const totals = totalsOf(prefix);
        expect(figures(foldTotals(totals))).toEqual(figures(foldLedger(prefix)));
        // Tens of groups, not one per entry.
        expect(totals.length).toBeLessThanOrEqual(2 + TICKETS.length * 4 + 1);
      }),
      PARAMS,
    );
  });

  it('a ticket keeps the estimate version of its last reservation; sums of groups add up', () => {
    const totals = new Map<string, LedgerTotal>();
    const add = (t: Partial<LedgerTotal> & Pick<LedgerTotal, 'kind' | 'hundredths'>) =>
      addToTotals(totals, { reversedKind: null, ticketNumber: null, estimateVersion: null, ...t });
    const ticketNumber = TICKETS[0];
    add({ kind: LedgerEntryKind.PURCHASE, hundredths: 1000 });
    add({ kind: LedgerEntryKind.RESERVATION, hundredths: 400, ticketNumber, estimateVersion: 1 });
    add({ kind: LedgerEntryKind.RESERVATION_RELEASE, hundredths: -400, ticketNumber });
    add({ kind: LedgerEntryKind.RESERVATION, hundredths: 300, ticketNumber, estimateVersion: 2 });
    add({ kind: LedgerEntryKind.CONSUMPTION, hundredths: -100, ticketNumber });
    add({
      kind: LedgerEntryKind.REVERSAL,
      reversedKind: LedgerEntryKind.CONSUMPTION,
      hundredths: 100,
      ticketNumber,
    });
    add({ kind: LedgerEntryKind.PURCHASE, hundredths: 500 });
    const b = foldTotals(totals.values());
    expect(b).toMatchObject({ purchased: 1500, consumed: 0, balance: 1500, reserved: 200 });
    expect(b.tickets.get(ticketNumber)).toEqual({
      ticketNumber,
      estimateVersion: 2,
      held: 200,
      consumed: 0,
    });
  });
});
