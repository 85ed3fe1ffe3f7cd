import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, LessThan } from 'typeorm';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { csvCell } from '../shared/csv';
import { closingDay } from '../shared/statement-csv';
import type { AuthenticatedUser } from '../identity';
import { type HourBalanceView, toBalanceView } from './balance-view';
import { visibleClientOrganization } from './client-organization';
import { LedgerEntryKind } from './contract-enums';
import { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
import { toFact } from './ledger-rows';
import { formatHours, toHours, toHundredths } from './hours';
import { effectOf, foldTotals } from './ledger-rules';
import { ledgerTotals } from './ledger-totals';
import { monthBounds } from './local-date';
import { feeInForce } from './fee-history';
import { SupportPolicyEventEntity } from './support-policy-event.entity';
import { SupportPolicyEntity } from './support-policy.entity';
import {
  type DatedLedgerEntry,
  type MonthBalance,
  dayStartIn,
  monthBalance,
  statementDate,
} from './statement-month';

/** A ledger entry with the client's balance right after it, and its reversal links. */
export interface StatementLine {
  readonly entry: HourLedgerEntryEntity;
  readonly balanceAfter: number;
  readonly availableAfter: number;
  /** A REVERSAL: the entry it cancels (possibly on another page). */
  readonly reverses: HourLedgerEntryEntity | null;
  /** The REVERSAL that cancelled this entry. */
  readonly reversedByEntryId: string | null;
  /** Who caused it, by name (null: the system). */
  readonly createdByName: string | null;
}

export interface StatementPage {
  readonly lines: readonly StatementLine[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  readonly totalCount: number;
}

export interface TicketMonth {
  readonly ticketNumber: string;
  readonly hoursLogged: number;
  readonly hoursCharged: number;
  readonly hoursWaived: number;
}

/**
 * A movement of the month that is not a ticket's consumption (L3-13): a purchase, a manager's
 * adjustment or a reversal (correction) of a purchase, adjustment or consumption.
 */
export interface StatementMovement {
  readonly entryId: string;
  /** YYYY-MM-DD in the organization's calendar zone (a purchase: its purchase date). */
  readonly date: string;
  readonly kind: LedgerEntryKind;
  /** A REVERSAL: the kind of the entry it cancels. */
  readonly reversedKind: LedgerEntryKind | null;
  /** Signed: what it did to the balance. */
  readonly hours: number;
  /** The ticket of a reversed consumption. */
  readonly ticketNumber: string | null;
  /** The package bought, or whose purchase is reversed. */
  readonly packageReference: string | null;
  /**
   * L3-03: a purchase's price, in `amountCurrency`; a purchase's reversal, that price negated;
   * null for the other movements.
   */
  readonly amount: number | null;
  readonly amountCurrency: string | null;
  /** An adjustment's or reversal's reason in the words of who wrote it; null for a purchase. */
  readonly reason: string | null;
  /** Who made it, by name (null: the system). */
  readonly createdByName: string | null;
}

/**
 * L3-03, L3-13: the first month a client's statement has anything in: its policy's start (the
 * fee), its first ledger entry dated as the statement dates it (a purchase by its purchase date,
 * time by its work date, the rest by their day in the zone `$2`), or its first time logged (time
 * not charged has no ledger entry). `least` skips the missing ones; null when all are.
 */
const FIRST_MONTH_SQL = `
  SELECT to_char(least(
           (SELECT min(start_date) FROM support_policy WHERE organization_id = $1),
           (SELECT min(COALESCE(p.purchased_on, t.work_date, (e.created_at AT TIME ZONE $2)::date))
              FROM hour_ledger_entry e
              LEFT JOIN hour_package p ON p.ledger_entry_id = e.id
              LEFT JOIN time_entry t ON t.ledger_entry_id = e.id
             WHERE e.organization_id = $1),
           (SELECT min(work_date) FROM time_entry WHERE organization_id = $1)
         ), 'YYYY-MM') AS first`;

export interface MonthlyStatement {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly month: string;
  readonly monthlyFee: number | null;
  readonly currency: string;
  readonly policyStatus: string | null;
  /** The first month with anything to state ("YYYY-MM"), or null when there is none yet. */
  readonly firstMonth: string | null;
  readonly hoursPurchased: number;
  readonly hoursConsumed: number;
  readonly hoursWaived: number;
  readonly tickets: readonly TicketMonth[];
  /** The zone the month's days are counted in (the organization's calendar). */
  readonly timeZone: string;
  readonly openingBalance: number;
  /** Adjustments and reversals of the month but a purchase's (in hoursPurchased), signed. */
  readonly hoursAdjusted: number;
  /** openingBalance + hoursPurchased − hoursConsumed + hoursAdjusted. */
  readonly closingBalance: number;
  readonly movements: readonly StatementMovement[];
  readonly csv: string;
}

interface DatedRow extends DatedLedgerEntry {
  readonly reversedKind: LedgerEntryKind | null;
  readonly ticketNumber: string | null;
  readonly packageReference: string | null;
  /** The package's price (numeric text) and currency, as `packageReference`. */
  readonly packagePrice: string | null;
  readonly packageCurrency: string | null;
  readonly reason: string;
  readonly createdByName: string | null;
}

export const MAX_PAGE = 100;

/** What clients and staff read: balance, the ledger as a statement, the monthly statement. */
@Injectable()
export class HourStatementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
  ) {}

  async balance(organizationId: string, caller: AuthenticatedUser): Promise<HourBalanceView> {
    const org = await visibleClientOrganization(this.db.manager, organizationId, caller);
    return toBalanceView(org.id, foldTotals(await ledgerTotals(this.db, org.id)));
  }

  /** Ledger entries newest first; `after` is the `endCursor` of the previous page. */
  async statement(
    organizationId: string,
    caller: AuthenticatedUser,
    first: number,
    after?: string | null,
  ): Promise<StatementPage> {
    const org = await visibleClientOrganization(this.db.manager, organizationId, caller);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `first must be 1 to ${MAX_PAGE}`, {
        field: 'first',
      });
    }
    const before = after == null ? null : decodeCursor(after);
    // L3-13: the page alone is read (newest first, one more to know whether more follow); the
    // running balances start from the sums of the entries before it, the reversal links of its
    // entries are read by ID, so a ledger of years costs a page, not the whole ledger.
    // One snapshot: the page, the sums before it and the count agree.
    const { page, hasNextPage, count } = await this.db.transaction(
      'REPEATABLE READ',
      async (tx) => {
        const ledger = tx.getRepository(HourLedgerEntryEntity);
        const newest = await ledger.find({
          where: {
            organizationId: org.id,
            ...(before === null ? {} : { id: LessThan(String(before)) }),
          },
          order: { id: 'DESC' },
          take: first + 1,
        });
        const hasNextPage = newest.length > first;
        const oldestFirst = newest.slice(0, first).reverse();
        const opening =
          oldestFirst.length === 0
            ? { balance: 0, reserved: 0 }
            : await effectsBefore(tx, org.id, oldestFirst[0].id);
        const reversed = oldestFirst.map((e) => e.reversesEntryId).filter((id) => id !== null);
        const byId = new Map(
          (reversed.length === 0
            ? []
            : await ledger.find({ where: { organizationId: org.id, id: In(reversed.map(String)) } })
          ).map((e) => [String(e.id), e]),
        );
        const reversedBy = new Map(
          oldestFirst.length === 0
            ? []
            : (
                await tx.query<{ id: string; reverses: string }[]>(
                  `SELECT id::text AS id, reverses_entry_id::text AS reverses FROM hour_ledger_entry
                  WHERE organization_id = $1 AND reverses_entry_id = ANY($2::bigint[])`,
                  [org.id, oldestFirst.map((e) => String(e.id))],
                )
              ).map((r) => [r.reverses, r.id]),
        );
        const [{ count }] = await tx.query<{ count: string }[]>(
          'SELECT count(*) AS count FROM hour_ledger_entry WHERE organization_id = $1',
          [org.id],
        );
        // Running balances: the sum of the entries' effects up to each one.
        let [balance, reserved] = [opening.balance, opening.reserved];
        const lines: StatementLine[] = oldestFirst
          .map((entry) => {
            const effect = effectOf(toFact(entry));
            balance += effect.balance;
            reserved += effect.reserved;
            return {
              entry,
              balanceAfter: toHours(balance),
              availableAfter: toHours(balance - reserved),
              reverses:
                entry.reversesEntryId === null
                  ? null
                  : (byId.get(String(entry.reversesEntryId)) ?? null),
              reversedByEntryId: reversedBy.get(String(entry.id)) ?? null,
              createdByName: null,
            };
          })
          .reverse();
        return { page: lines, hasNextPage, count };
      },
    );
    // L3-13: a manual correction says who made it; names of the page's authors in one query.
    const authors = [...new Set(page.map((l) => l.entry.createdBy).filter((id) => id !== null))];
    const names = new Map(
      authors.length === 0
        ? []
        : (
            await this.db.query<{ id: string; display_name: string }[]>(
              'SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])',
              [authors],
            )
          ).map((r) => [r.id, r.display_name]),
    );
    return {
      lines: page.map((l) => ({
        ...l,
        createdByName: l.entry.createdBy === null ? null : (names.get(l.entry.createdBy) ?? null),
      })),
      hasNextPage,
      endCursor: page.length ? encodeCursor(page[page.length - 1].entry.id) : null,
      totalCount: Number(count),
    };
  }

  /** Fee, hours logged and charged per ticket (by work date), waived hours, purchases; and CSV. */
  async monthly(
    organizationId: string,
    caller: AuthenticatedUser,
    month: string,
  ): Promise<MonthlyStatement> {
    const { from, to } = monthBounds(month);
    const org = await visibleClientOrganization(this.db.manager, organizationId, caller);
    const timeZone = (await this.calendars.forOrganization(org.id)).engine.timeZone;
    // One snapshot for every figure (L3-13), as `statement` reads: read apart, time logged between
    // the reads was in the month's consumption and closing balance but not in its tickets' charged
    // hours (logTime commits the time entry and its consumption together).
    const { policy, rows, balance, fee, first } = await this.db.transaction(
      'REPEATABLE READ',
      async (tx) => {
        const policy = await tx
          .getRepository(SupportPolicyEntity)
          .findOneBy({ organizationId: org.id });
        const rows = await tx.query<{ ticket_number: string; logged: string; charged: string }[]>(
          `SELECT ticket_number, sum(hours) AS logged, sum(charged_hours) AS charged
             FROM time_entry
            WHERE organization_id = $1 AND work_date >= $2 AND work_date < $3
            GROUP BY ticket_number ORDER BY ticket_number`,
          [org.id, from, to],
        );
        const balance = await this.monthBalanceOf(tx, org.id, timeZone, from, to);
        // The fee is due for a month the policy had started by, at the amount in force that
        // month (its history), not today's: the one in force at the month's first instant in the
        // client's calendar zone, where the rest of the statement dates its entries (00:00 on
        // the 1st in Mexico City is 06:00Z, not 00:00Z).
        const fee =
          policy && policy.startDate < to
            ? feeInForce(
                await tx.getRepository(SupportPolicyEventEntity).find({
                  where: { policyId: policy.id },
                  order: { id: 'ASC' },
                }),
                dayStartIn(from, timeZone),
                policy.monthlyFee,
              )
            : null;
        const [{ first }] = await tx.query<{ first: string | null }[]>(FIRST_MONTH_SQL, [
          org.id,
          timeZone,
        ]);
        return { policy, rows, balance, fee, first };
      },
    );
    const tickets = rows.map((r) => {
      const [logged, charged] = [toHundredths(r.logged), toHundredths(r.charged)];
      return { ticketNumber: r.ticket_number, logged, charged, waived: logged - charged };
    });
    const sum = (pick: (t: (typeof tickets)[number]) => number) =>
      tickets.reduce((s, t) => s + pick(t), 0);
    const currency = policy?.currency ?? 'MXN';
    // The month's movements, written once: the CSV's movement lines are these (L3-13).
    const movements: StatementMovement[] = balance.movements.map((m) => ({
      entryId: m.id,
      date: m.date,
      kind: m.kind,
      reversedKind: m.reversedKind,
      hours: toHours(m.hundredths),
      ticketNumber: m.ticketNumber,
      packageReference: m.packageReference,
      ...packageAmount(m),
      reason: m.kind === LedgerEntryKind.PURCHASE ? null : m.reason,
      createdByName: m.createdByName,
    }));
    const csv = [
      'line,reference,hours_logged,hours_charged,hours_waived,amount,currency,date,hours,reason,by',
      `MONTHLY_FEE,${month},,,,${fee ?? '0.00'},${currency},,,,`,
      ...tickets.map(
        (t) =>
          `TICKET,${t.ticketNumber},${formatHours(t.logged)},${formatHours(t.charged)},${formatHours(t.waived)},,,,,,`,
      ),
      `TOTAL,${month},${formatHours(sum((t) => t.logged))},${formatHours(sum((t) => t.charged))},${formatHours(sum((t) => t.waived))},${fee ?? '0.00'},${currency},,,,`,
      `OPENING_BALANCE,${month},,,,,,${from},${formatHours(balance.opening)},,`,
      ...movements.map(movementCsvLine),
      // The month under way's closing balance is the one now, dated today (QA S56).
      `CLOSING_BALANCE,${month},,,,,,${closingDay(month, timeZone, new Date())},${formatHours(balance.closing)},,`,
    ].join('\n');
    return {
      organizationId: org.id,
      organizationName: org.name,
      month,
      monthlyFee: fee === null ? null : Number(fee),
      currency,
      policyStatus: policy?.status ?? null,
      firstMonth: first,
      hoursPurchased: toHours(balance.purchased),
      hoursConsumed: toHours(balance.consumed),
      hoursWaived: toHours(sum((t) => t.waived)),
      tickets: tickets.map((t) => ({
        ticketNumber: t.ticketNumber,
        hoursLogged: toHours(t.logged),
        hoursCharged: toHours(t.charged),
        hoursWaived: toHours(t.waived),
      })),
      timeZone,
      openingBalance: toHours(balance.opening),
      hoursAdjusted: toHours(balance.adjusted),
      closingBalance: toHours(balance.closing),
      movements,
      csv: `${csv}\n`,
    };
  }

  /**
   * The month `[from, to)`'s figures (L3-13) without reading the whole ledger: the entries surely
   * dated before the month are one SQL sum, added to the opening and closing balances; only those
   * that may fall in the month are read and dated one by one (`statement-month.ts`), and those
   * surely after it not at all. The same figures as `monthBalance` over every entry.
   */
  private async monthBalanceOf(
    tx: Pick<EntityManager, 'query'>,
    organizationId: string,
    timeZone: string,
    from: string,
    to: string,
  ): Promise<MonthBalance<DatedRow>> {
    const window = nearMonth(from, to);
    const [before] = await tx.query<{ hours: string }[]>(
      `SELECT COALESCE(sum(e.hours), 0) AS hours
         FROM hour_ledger_entry e
         LEFT JOIN hour_package p ON p.ledger_entry_id = e.id
         LEFT JOIN time_entry t ON t.ledger_entry_id = e.id
        WHERE e.organization_id = $1 AND e.kind IN (${BALANCE_KINDS})
          AND ${SURELY_BEFORE_SQL}`,
      [organizationId, from, window.from],
    );
    const opening = toHundredths(before.hours);
    const month = monthBalance(
      await this.datedEntries(tx, organizationId, timeZone, from, to),
      from,
      to,
    );
    return { ...month, opening: opening + month.opening, closing: opening + month.closing };
  }

  /**
   * The entries that move the balance and may be dated in the month `[from, to)`
   * ({@link NEAR_MONTH_SQL}; a few just before it), each dated as `statement-month.ts` says: a
   * purchase by its purchase date, a consumption by its work date, the rest by their day in
   * `timeZone`.
   */
  private async datedEntries(
    tx: Pick<EntityManager, 'query'>,
    organizationId: string,
    timeZone: string,
    from: string,
    to: string,
  ): Promise<DatedRow[]> {
    const window = nearMonth(from, to);
    const rows = await tx.query<
      {
        id: string;
        kind: LedgerEntryKind;
        hours: string;
        own_date: string | null;
        created_at: Date;
        reversed_kind: LedgerEntryKind | null;
        ticket_number: string | null;
        package_reference: string | null;
        package_price: string | null;
        package_currency: string | null;
        reason: string;
        created_by_name: string | null;
      }[]
    >(
      `SELECT e.id::text AS id, e.kind, e.hours, e.reason, e.ticket_number, e.created_at,
              to_char(COALESCE(p.purchased_on, t.work_date), 'YYYY-MM-DD') AS own_date,
              r.kind AS reversed_kind, COALESCE(p.reference, rp.reference) AS package_reference,
              COALESCE(p.price, rp.price)::text AS package_price,
              COALESCE(p.currency, rp.currency) AS package_currency,
              u.display_name AS created_by_name
         FROM hour_ledger_entry e
         LEFT JOIN hour_package p ON p.ledger_entry_id = e.id
         LEFT JOIN time_entry t ON t.ledger_entry_id = e.id
         LEFT JOIN hour_ledger_entry r ON r.id = e.reverses_entry_id
         LEFT JOIN hour_package rp ON rp.ledger_entry_id = r.id
         LEFT JOIN app_user u ON u.id = e.created_by
        WHERE e.organization_id = $1 AND e.kind IN (${BALANCE_KINDS})
          AND ${NEAR_MONTH_SQL}
        ORDER BY e.id`,
      [organizationId, from, window.from, to, window.to],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      hundredths: toHundredths(r.hours),
      // The month of an adjustment or reversal is its instant's in the zone (one pure rule).
      date: statementDate({ ownDate: r.own_date, createdAt: new Date(r.created_at) }, timeZone),
      reversedKind: r.reversed_kind,
      ticketNumber: r.ticket_number,
      packageReference: r.package_reference,
      packagePrice: r.package_price,
      packageCurrency: r.package_currency,
      reason: r.reason,
      createdByName: r.created_by_name,
    }));
  }
}

/**
 * L3-03: what a movement did in money: a purchase its package's price, the reversal of a purchase
 * that price taken back; nothing for the others.
 */
function packageAmount(
  m: Pick<DatedRow, 'kind' | 'reversedKind' | 'packagePrice' | 'packageCurrency'>,
): Pick<StatementMovement, 'amount' | 'amountCurrency'> {
  const sign =
    m.kind === LedgerEntryKind.PURCHASE ? 1 : m.reversedKind === LedgerEntryKind.PURCHASE ? -1 : 0;
  return sign === 0 || m.packagePrice === null
    ? { amount: null, amountCurrency: null }
    : { amount: sign * Number(m.packagePrice), amountCurrency: m.packageCurrency };
}

/**
 * A movement's line in the statement CSV: a reversal as `REVERSAL_OF_<kind>`, the package (or
 * ticket, or entry) it concerns, a purchase's amount and currency (L3-03), its day, its signed
 * hours, its reason and who made it.
 */
function movementCsvLine(m: StatementMovement): string {
  return [
    m.reversedKind ? `REVERSAL_OF_${m.reversedKind}` : m.kind,
    csvCell(m.packageReference ?? m.ticketNumber ?? m.entryId),
    ',,',
    m.amount === null ? '' : m.amount.toFixed(2),
    csvCell(m.amountCurrency),
    m.date,
    formatHours(toHundredths(m.hours)),
    csvCell(m.reason),
    csvCell(m.createdByName),
  ].join(',');
}

/**
 * The summed effects (`effectOf`, linear in the hours) of the organization's entries before
 * entry `id`: the balance and reservations just before it.
 */
async function effectsBefore(
  tx: EntityManager,
  organizationId: string,
  id: string,
): Promise<{ balance: number; reserved: number }> {
  const sums = await tx.query<{ kind: LedgerEntryKind; hours: string }[]>(
    `SELECT kind, sum(hours) AS hours FROM hour_ledger_entry
      WHERE organization_id = $1 AND id < $2::bigint GROUP BY kind`,
    [organizationId, String(id)],
  );
  const effects = sums.map((r) => effectOf({ kind: r.kind, hundredths: toHundredths(r.hours) }));
  return {
    balance: effects.reduce((sum, e) => sum + e.balance, 0),
    reserved: effects.reduce((sum, e) => sum + e.reserved, 0),
  };
}

/** The ledger kinds that move the balance (reservations do not), as SQL. */
const BALANCE_KINDS = `'PURCHASE', 'CONSUMPTION', 'ADJUSTMENT', 'REVERSAL'`;

// Ledger entry `e` (with its package `p` and time entry `t`) against the month `[$2, $4)`. An
// entry with its own day (a purchase, a consumption) is dated by that day; any other by its instant
// in the organization's zone, and no zone is a day away from UTC: one written more than a day
// before the month's first UTC instant (`$3`) is dated before the month in every zone, one written
// from a day after the next month's first UTC instant (`$5`) after it.

/** `e` is surely dated before the month: its effect is part of the opening balance as a sum. */
const SURELY_BEFORE_SQL = `CASE WHEN COALESCE(p.purchased_on, t.work_date) IS NOT NULL
    THEN COALESCE(p.purchased_on, t.work_date) < $2::date
    ELSE e.created_at < $3::timestamptz END`;

/** `e` may be dated in the month (or just before it): read and dated one by one. */
const NEAR_MONTH_SQL = `CASE WHEN COALESCE(p.purchased_on, t.work_date) IS NOT NULL
    THEN COALESCE(p.purchased_on, t.work_date) >= $2::date
      AND COALESCE(p.purchased_on, t.work_date) < $4::date
    ELSE e.created_at >= $3::timestamptz AND e.created_at < $5::timestamptz END`;

/** The instants a day before the month's first UTC instant and a day after the next month's. */
function nearMonth(from: string, to: string): { from: Date; to: Date } {
  const day = 86_400_000;
  return {
    from: new Date(Date.parse(`${from}T00:00:00.000Z`) - day),
    to: new Date(Date.parse(`${to}T00:00:00.000Z`) + day),
  };
}

function encodeCursor(id: string): string {
  return Buffer.from(`ledger:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): bigint {
  const m = /^ledger:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'after is not a cursor of this statement', {
      field: 'after',
    });
  }
  return BigInt(m[1]);
}
