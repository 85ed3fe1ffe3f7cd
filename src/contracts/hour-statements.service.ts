import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { AuthenticatedUser } from '../identity';
import { type HourBalanceView, toBalanceView } from './balance-view';
import { visibleClientOrganization } from './client-organization';
import { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
import { toFact } from './ledger-rows';
import { formatHours, toHours, toHundredths } from './hours';
import { effectOf, foldLedger } from './ledger-rules';
import { monthBounds } from './local-date';
import { feeInForce } from './fee-history';
import { SupportPolicyEventEntity } from './support-policy-event.entity';
import { SupportPolicyEntity } from './support-policy.entity';

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

export interface MonthlyStatement {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly month: string;
  readonly monthlyFee: number | null;
  readonly currency: string;
  readonly policyStatus: string | null;
  readonly hoursPurchased: number;
  readonly hoursConsumed: number;
  readonly hoursWaived: number;
  readonly tickets: readonly TicketMonth[];
  readonly csv: string;
}

export const MAX_PAGE = 100;

/** What clients and staff read: balance, the ledger as a statement, the monthly statement. */
@Injectable()
export class HourStatementsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async balance(organizationId: string, caller: AuthenticatedUser): Promise<HourBalanceView> {
    const org = await visibleClientOrganization(this.db.manager, organizationId, caller);
    return toBalanceView(org.id, foldLedger((await this.entries(org.id)).map(toFact)));
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
    const entries = await this.entries(org.id);
    // Running balances: the sum of the entries' effects up to each one.
    let [balance, reserved] = [0, 0];
    const byId = new Map(entries.map((e) => [String(e.id), e]));
    const reversedBy = new Map(
      entries
        .filter((e) => e.reversesEntryId !== null)
        .map((e) => [String(e.reversesEntryId), String(e.id)]),
    );
    const lines: StatementLine[] = entries.map((entry) => {
      const effect = effectOf(toFact(entry));
      balance += effect.balance;
      reserved += effect.reserved;
      return {
        entry,
        balanceAfter: toHours(balance),
        availableAfter: toHours(balance - reserved),
        reverses:
          entry.reversesEntryId === null ? null : (byId.get(String(entry.reversesEntryId)) ?? null),
        reversedByEntryId: reversedBy.get(String(entry.id)) ?? null,
        createdByName: null,
      };
    });
    const newestFirst = lines
      .reverse()
      .filter((l) => before === null || BigInt(l.entry.id) < before);
    const page = newestFirst.slice(0, first);
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
      hasNextPage: newestFirst.length > first,
      endCursor: page.length ? encodeCursor(page[page.length - 1].entry.id) : null,
      totalCount: entries.length,
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
    const policy = await this.db
      .getRepository(SupportPolicyEntity)
      .findOneBy({ organizationId: org.id });
    const rows = await this.db.query<{ ticket_number: string; logged: string; charged: string }[]>(
      `SELECT ticket_number, sum(hours) AS logged, sum(charged_hours) AS charged
         FROM time_entry
        WHERE organization_id = $1 AND work_date >= $2 AND work_date < $3
        GROUP BY ticket_number ORDER BY ticket_number`,
      [org.id, from, to],
    );
    const [{ purchased }] = await this.db.query<{ purchased: string | null }[]>(
      `SELECT sum(hours) AS purchased FROM hour_package
        WHERE organization_id = $1 AND purchased_on >= $2 AND purchased_on < $3`,
      [org.id, from, to],
    );
    const tickets = rows.map((r) => {
      const [logged, charged] = [toHundredths(r.logged), toHundredths(r.charged)];
      return { ticketNumber: r.ticket_number, logged, charged, waived: logged - charged };
    });
    const sum = (pick: (t: (typeof tickets)[number]) => number) =>
      tickets.reduce((s, t) => s + pick(t), 0);
    // The fee is due for a month the policy had started by, at the amount in force that month
    // (its history), not today's. Months are calendar months; their first instant is taken in UTC.
    const fee =
      policy && policy.startDate < to
        ? feeInForce(
            await this.db.getRepository(SupportPolicyEventEntity).find({
              where: { policyId: policy.id },
              order: { id: 'ASC' },
            }),
            new Date(`${from}T00:00:00.000Z`),
            policy.monthlyFee,
          )
        : null;
    const currency = policy?.currency ?? 'MXN';
    const csv = [
      'line,reference,hours_logged,hours_charged,hours_waived,amount,currency',
      `MONTHLY_FEE,${month},,,,${fee ?? '0.00'},${currency}`,
      ...tickets.map(
        (t) =>
          `TICKET,${t.ticketNumber},${formatHours(t.logged)},${formatHours(t.charged)},${formatHours(t.waived)},,`,
      ),
      `TOTAL,${month},${formatHours(sum((t) => t.logged))},${formatHours(sum((t) => t.charged))},${formatHours(sum((t) => t.waived))},${fee ?? '0.00'},${currency}`,
    ].join('\n');
    return {
      organizationId: org.id,
      organizationName: org.name,
      month,
      monthlyFee: fee === null ? null : Number(fee),
      currency,
      policyStatus: policy?.status ?? null,
      hoursPurchased: toHours(toHundredths(purchased ?? '0')),
      hoursConsumed: toHours(sum((t) => t.charged)),
      hoursWaived: toHours(sum((t) => t.waived)),
      tickets: tickets.map((t) => ({
        ticketNumber: t.ticketNumber,
        hoursLogged: toHours(t.logged),
        hoursCharged: toHours(t.charged),
        hoursWaived: toHours(t.waived),
      })),
      csv: `${csv}\n`,
    };
  }

  private entries(organizationId: string): Promise<HourLedgerEntryEntity[]> {
    return this.db
      .getRepository(HourLedgerEntryEntity)
      .find({ where: { organizationId }, order: { id: 'ASC' } });
  }
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
