import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { isKnownTimeZone } from '../business-time/engine';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { isUniqueViolation } from '../identity/unique-violation';
import type { OrganizationEntity } from '../identity';
import { type HourBalanceView, toBalanceView } from './balance-view';
import { visibleClientOrganization } from './client-organization';
import { LedgerEntryKind, type WorkCategory } from './contract-enums';
import { HourChangeNotices } from './hour-change-notices.service';
import { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
import {
  estimateReason,
  holdRestoredReason,
  type LedgerReason,
  loggedReason,
  manualReason,
  purchaseReason,
  reasonPartsFor,
} from './hour-ledger-reason';
import { HourPackageEntity } from './hour-package.entity';
import { crossedIntoLowBalance } from './low-balance';
import {
  formatHours,
  positiveHundredths,
  requireReason,
  signedHundredths,
  toHours,
  toHundredths,
} from './hours';
import type {
  LedgerEntryResult,
  LogTimeRequest,
  LogTimeResult,
  PurchaseRequest,
  ReleaseRequest,
  ReleaseResult,
  ReservationResult,
  ReserveForEstimateRequest,
} from './hour-ledger.types';
import {
  foldTotals,
  type LedgerBalance,
  type LedgerDraft,
  planAdjustment,
  planConsumption,
  planHoldRestore,
  planPurchase,
  planRelease,
  planReservation,
  planReversal,
} from './ledger-rules';
import { lastWorkDate, localToday, requireLocalDate, requirePurchasedBy } from './local-date';
import { ledgerTotals, ledgerTotalsUpTo, ticketLedgerTotals } from './ledger-totals';
import { refusalOf, requireCurrency, requireMoney } from './support-policies.service';
import {
  assertReplayOf,
  assertRegisteredTicket,
  assertTicketOf,
  findByKey,
  holdsItsEstimate,
  isNoCharge,
  keyReused,
  requireKey,
  requireText,
  requireTicketNumber,
  toFact,
  truncate,
} from './ledger-rows';
import { SupportPolicyEntity } from './support-policy.entity';
import { notifyTicketChanged } from '../tickets/ticket-projection.service';
import { TimeEntryEntity } from './time-entry.entity';

/** First key of `pg_advisory_xact_lock(int, int)`: the ledger's namespace; the second is the org. */
const LEDGER_LOCK_NAMESPACE = 730_112;
const CATEGORIES: readonly WorkCategory[] = [
  'QUESTION',
  'INCIDENT',
  'CONFIGURATION',
  'DEVELOPMENT',
  'TRAINING',
  'ADMIN_ACTION',
];

/** An organization's ledger, read under its lock inside the caller's transaction. */
export interface LockedLedger {
  readonly tx: EntityManager;
  readonly org: OrganizationEntity;
  readonly balance: LedgerBalance;
}

/**
 * The prepaid-hours ledger (L3-03, L3-12, L3-13). Every write runs in one transaction that first
 * takes the organization's advisory lock, then reads and folds its ledger, then appends what the
 * pure rules (`ledger-rules.ts`) allow: two requests for the same client are serialised, so they
 * can never overdraw it. Every write is idempotent by its key. The ticket workflow's activities
 * call `reserveForEstimate`, `logTime` and `releaseUnusedReservation`.
 */
@Injectable()
export class HourLedgerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    /**
     * The ticket's or the client's calendar: its zone says which day is today for a work date
     * (L3-12) or a purchase date (L3-03), and dates a refused registration (L3-01).
     */
    private readonly calendars: CalendarsService,
    /**
     * Tells the client of packages, adjustments and reversals (L3-11, L3-13); absent where the
     * ledger is used without mail (the demo seed's packages are not news to anyone).
     */
    @Optional() private readonly notices?: HourChangeNotices,
  ) {}

  /** Runs `work` on the organization's ledger under its lock, in one transaction. */
  async withLedger<T>(
    organizationId: string,
    work: (ledger: LockedLedger) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.db.transaction(async (tx) => {
        const org = await visibleClientOrganization(tx, organizationId);
        await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          LEDGER_LOCK_NAMESPACE,
          org.id,
        ]);
        return work({ tx, org, balance: await lockedBalance(tx, org.id) });
      });
    } catch (err) {
      // Only a key already used by another organization gets here (same-org retries are replays).
      if (
        isUniqueViolation(err, 'uq_hour_ledger_entry_idempotency_key') ||
        isUniqueViolation(err, 'uq_time_entry_idempotency_key')
      ) {
        throw keyReused();
      }
      throw err;
    }
  }

  /**
   * A ticket's time entries, newest first, each with its organization's balance right after it
   * (L3-12, L3-13: hours consumed are the client's to see). One snapshot: entries and ledger agree.
   */
  async ticketTimeEntries(
    organizationId: string,
    ticketNumber: string,
    /** Only this entry (a mutation's answer), not every entry of the ticket. */
    onlyEntryId?: string,
  ): Promise<
    {
      timeEntry: TimeEntryEntity;
      agentName: string | null;
      balance: HourBalanceView;
      /** A manager reversed the entry's consumption (L3-13): it is no longer charged. */
      reversed: boolean;
    }[]
  > {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const times = await tx.getRepository(TimeEntryEntity).find({
        where: { organizationId, ticketNumber, ...(onlyEntryId ? { id: onlyEntryId } : {}) },
        order: { createdAt: 'DESC', id: 'DESC' },
      });
      if (times.length === 0) return [];
      // The ledger summed up to each entry's consumption, in one query (L3-13).
      const totals = await ledgerTotalsUpTo(
        tx,
        organizationId,
        times.map((t) => String(t.ledgerEntryId)),
      );
      const names = new Map<string, string>(
        (
          await tx.query<{ id: string; display_name: string }[]>(
            'SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])',
            [[...new Set(times.map((t) => t.agentId))]],
          )
        ).map((r) => [r.id, r.display_name]),
      );
      const reversed = new Set(
        (
          await tx.query<{ id: string }[]>(
            `SELECT reverses_entry_id AS id FROM hour_ledger_entry
              WHERE reverses_entry_id = ANY($1::bigint[])`,
            [times.map((t) => String(t.ledgerEntryId))],
          )
        ).map((r) => String(r.id)),
      );
      return times.map((timeEntry) => ({
        timeEntry,
        agentName: names.get(timeEntry.agentId) ?? null,
        reversed: reversed.has(String(timeEntry.ledgerEntryId)),
        balance: toBalanceView(
          organizationId,
          foldTotals(totals.get(String(timeEntry.ledgerEntryId)) ?? []),
        ),
      }));
    });
  }

  /**
   * Hours charged on a ticket (L3-12): its charged consumptions net of a manager's reversals
   * (L3-13 corrections), as the balance, the closure hours and «Ticket cerrado» count them. Not
   * the time entries' sum: a reversed entry stays listed but is no longer charged.
   */
  async ticketChargedHours(organizationId: string, ticketNumber: string): Promise<number> {
    const totals = await ticketLedgerTotals(this.db, organizationId, ticketNumber);
    return toHours(Math.max(0, foldTotals(totals).tickets.get(ticketNumber)?.consumed ?? 0));
  }

  /** The current balance (no lock: a committed snapshot), summed in SQL. */
  async balance(organizationId: string): Promise<HourBalanceView> {
    return toBalanceView(organizationId, foldTotals(await ledgerTotals(this.db, organizationId)));
  }

  /**
   * L3-03: a purchased package; its hours enter the ledger at once and never expire (L3-13). A
   * `purchasedOn` after today in the client's calendar zone (or the purchaser's, see
   * `lastWorkDate`) at `now` is VALIDATION_FAILED (`requirePurchasedBy`), before anything is
   * written.
   */
  async purchasePackage(
    req: PurchaseRequest,
    now = new Date(),
  ): Promise<{ hourPackage: HourPackageEntity; replayed: boolean; balance: HourBalanceView }> {
    const hundredths = positiveHundredths(req.hours);
    const purchasedOn = requireLocalDate(req.purchasedOn, 'purchasedOn');
    const reference = requireReason(req.reference, 'reference');
    const price = requireMoney(req.price, 'price');
    const currency = requireCurrency(req.currency ?? 'MXN');
    const key = requireKey(req.idempotencyKey ?? `purchase:${randomUUID()}`);
    return this.withLedger(req.organizationId, async (l) => {
      // Which day is today depends on the client's calendar, read once the organization is known.
      const { engine } = await this.calendars.forOrganization(l.org.id, l.tx);
      requirePurchasedBy(
        purchasedOn,
        'purchasedOn',
        lastWorkDate(engine.timeZone, req.actorTimeZone, now),
      );
      const prior = await findByKey(l.tx, key);
      const packages = l.tx.getRepository(HourPackageEntity);
      if (prior) {
        assertReplayOf(prior, l.org.id, LedgerEntryKind.PURCHASE, null);
        const hourPackage = await packages.findOneByOrFail({ ledgerEntryId: prior.id });
        // A double click replays; the same key with other hours, date, reference or price is
        // another purchase, which answering with the first would silently drop.
        if (
          toHundredths(hourPackage.hours) !== hundredths ||
          hourPackage.purchasedOn !== purchasedOn ||
          hourPackage.reference !== reference ||
          hourPackage.price !== price ||
          hourPackage.currency !== currency
        ) {
          throw keyReused();
        }
        return { hourPackage, replayed: true, balance: toBalanceView(l.org.id, l.balance) };
      }
      const [entry] = await this.append(l, planPurchase(hundredths), {
        reason: purchaseReason(reference, purchasedOn),
        key,
        actorId: req.actorId,
      });
      const hourPackage = await packages.save({
        organizationId: l.org.id,
        hours: formatHours(hundredths),
        purchasedOn,
        reference,
        price,
        currency,
        ledgerEntryId: entry.id,
        createdBy: req.actorId,
      });
      const balance = await this.balanceAfter(l);
      await this.notices?.queue(
        l.tx,
        l.org,
        entry,
        { kind: 'PURCHASE', packageReference: reference, price: Number(price), currency },
        balance,
      );
      return { hourPackage, replayed: false, balance };
    });
  }

  /**
   * L3-12: an authorized estimate reserves its hours. Needs an active policy (L3-01), an active
   * package for CONFIGURATION/DEVELOPMENT work, and enough available hours (else
   * VALIDATION_FAILED `INSUFFICIENT_HOURS` with `shortfallHours`). A newer estimate version
   * replaces the previous reservation in the same transaction; a no-charge ticket holds nothing.
   */
  async reserveForEstimate(req: ReserveForEstimateRequest): Promise<ReservationResult> {
    const hundredths = positiveHundredths(req.hours);
    const ticketNumber = requireTicketNumber(req.ticketNumber);
    const key = requireKey(req.idempotencyKey);
    if (!Number.isInteger(req.estimateVersion) || req.estimateVersion < 1) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'estimateVersion must be an integer ≥ 1', {
        field: 'estimateVersion',
      });
    }
    if (!CATEGORIES.includes(req.category)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `Unknown category ${req.category}`, {
        field: 'category',
      });
    }
    return this.withLedger(req.organizationId, async (l) => {
      const prior = await findByKey(l.tx, key);
      if (prior) {
        assertReplayOf(prior, l.org.id, LedgerEntryKind.RESERVATION, ticketNumber);
        const t = l.balance.tickets.get(ticketNumber);
        const release = await findByKey(l.tx, `${key}:release-previous`);
        return {
          ticketNumber,
          estimateVersion: prior.estimateVersion ?? req.estimateVersion,
          reservedHours: toHours(t?.held ?? 0),
          releasedHours: release ? -toHours(toHundredths(release.hours)) : 0,
          replayed: true,
          balance: toBalanceView(l.org.id, l.balance),
        };
      }
      await assertTicketOf(l.tx, ticketNumber, l.org.id);
      const policy = await l.tx
        .getRepository(SupportPolicyEntity)
        .findOneBy({ organizationId: l.org.id });
      const zone = async () =>
        (await this.calendars.forOrganization(l.org.id, l.tx)).engine.timeZone;
      const refusal = await refusalOf(l.org.name, policy, zone);
      if (refusal) throw refusal;
      const plan = planReservation(l.balance, {
        ticketNumber,
        estimateVersion: req.estimateVersion,
        hundredths,
        category: req.category,
        noCharge: await isNoCharge(l.tx, ticketNumber),
      });
      await this.append(l, plan.drafts, {
        reason: estimateReason(req.estimateVersion, formatHours(hundredths), req.category),
        key,
        actorId: req.actorId,
      });
      return {
        ticketNumber,
        estimateVersion: req.estimateVersion,
        reservedHours: toHours(plan.held),
        releasedHours: toHours(plan.released),
        replayed: false,
        balance: await this.balanceAfter(l),
      };
    });
  }

  /**
   * L3-12: work logged on a ticket consumes its reservation; beyond the authorized estimate it is
   * refused (VALIDATION_FAILED `EXCEEDS_AUTHORIZED_ESTIMATE`: a change order is needed). On a
   * no-charge ticket (L3-18) the time entry is kept and the ledger consumption is 0. A `date` after
   * today in the ticket's calendar zone (or the agent's, see `lastWorkDate`) at `now` is
   * VALIDATION_FAILED `IN_FUTURE`, before anything is written.
   */
  async logTime(req: LogTimeRequest, now = new Date()): Promise<LogTimeResult> {
    const hundredths = positiveHundredths(req.hours);
    const ticketNumber = requireTicketNumber(req.ticketNumber);
    const date = requireLocalDate(req.date, 'date');
    const description = requireText(req.description, 'description', 2000);
    const key = requireKey(req.idempotencyKey);
    return this.withLedger(req.organizationId, async (l) => {
      // Which day is today depends on the ticket's calendar, read once the organization is known.
      const { engine } = await this.calendars.forTicket(ticketNumber, l.org.id, l.tx);
      if (date > lastWorkDate(engine.timeZone, req.agentTimeZone, now)) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'date must not be in the future', {
          reason: 'IN_FUTURE',
          field: 'date',
          value: date,
        });
      }
      const times = l.tx.getRepository(TimeEntryEntity);
      const prior = await times.findOneBy({ idempotencyKey: key });
      if (prior) {
        // A retried request replays; the same request ID with other hours, date or description
        // is other work, which answering with the first entry would silently drop.
        if (
          prior.organizationId !== l.org.id ||
          prior.ticketNumber !== ticketNumber ||
          toHundredths(prior.hours) !== hundredths ||
          prior.workDate !== date ||
          prior.description !== description
        ) {
          throw keyReused();
        }
        return {
          timeEntry: prior,
          chargedHours: Number(prior.chargedHours),
          replayed: true,
          balance: toBalanceView(l.org.id, l.balance),
        };
      }
      const { registeredAt } = await assertRegisteredTicket(l.tx, ticketNumber);
      await assertTicketOf(l.tx, ticketNumber, l.org.id);
      assertWorkedSinceRegistration(registeredAt, date, {
        calendar: engine.timeZone,
        agent: req.agentTimeZone,
      });
      const plan = planConsumption(l.balance, {
        ticketNumber,
        hundredths,
        noCharge: await isNoCharge(l.tx, ticketNumber),
      });
      const [entry] = await this.append(l, plan.drafts, {
        reason: loggedReason(formatHours(hundredths), date, plan.charged === 0, description),
        key,
        actorId: req.agentId,
      });
      const timeEntry = await times.save({
        organizationId: l.org.id,
        ticketNumber,
        workDate: date,
        hours: formatHours(hundredths),
        chargedHours: formatHours(plan.charged),
        description,
        agentId: req.agentId,
        ledgerEntryId: entry.id,
        idempotencyKey: key,
      });
      // The client's ticket page and hours follow it live (delivered on commit).
      await notifyTicketChanged(l.tx, ticketNumber);
      return {
        timeEntry,
        chargedHours: toHours(plan.charged),
        replayed: false,
        balance: await this.balanceAfter(l),
      };
    });
  }

  /** On close or cancel: gives back exactly the ticket's unused reservation (0 when none). */
  async releaseUnusedReservation(req: ReleaseRequest): Promise<ReleaseResult> {
    const ticketNumber = requireTicketNumber(req.ticketNumber);
    requireReason(req.reason.text);
    const key = requireKey(req.idempotencyKey);
    const owner = await this.db
      .getRepository(HourLedgerEntryEntity)
      .findOne({ where: { ticketNumber }, order: { id: 'ASC' } });
    if (!owner) return { ticketNumber, releasedHours: 0, replayed: false, balance: null };
    return this.withLedger(owner.organizationId, async (l) => {
      const prior = await findByKey(l.tx, key);
      if (prior) {
        assertReplayOf(prior, l.org.id, LedgerEntryKind.RESERVATION_RELEASE, ticketNumber);
        return {
          ticketNumber,
          releasedHours: -toHours(toHundredths(prior.hours)),
          replayed: true,
          balance: toBalanceView(l.org.id, l.balance),
        };
      }
      const plan = planRelease(l.balance, ticketNumber);
      await this.append(l, plan.drafts, {
        reason: req.reason,
        key,
        actorId: req.actorId ?? null,
      });
      return {
        ticketNumber,
        releasedHours: toHours(plan.released),
        replayed: false,
        balance: await this.balanceAfter(l),
      };
    });
  }

  /** A manager's correction (either sign); may not make the available hours negative. */
  async adjust(req: {
    organizationId: string;
    hours: number;
    reason: string;
    actorId: string;
    idempotencyKey?: string;
  }): Promise<LedgerEntryResult> {
    const hundredths = signedHundredths(req.hours);
    const reason = requireReason(req.reason);
    const key = requireKey(req.idempotencyKey ?? `adjust:${randomUUID()}`);
    return this.withLedger(req.organizationId, async (l) => {
      const prior = await findByKey(l.tx, key);
      if (prior) {
        assertReplayOf(prior, l.org.id, LedgerEntryKind.ADJUSTMENT, null);
        // A double click replays; the same key with other hours is another adjustment.
        if (toHundredths(prior.hours) !== hundredths) throw keyReused();
        return { entry: prior, replayed: true, balance: toBalanceView(l.org.id, l.balance) };
      }
      const [entry] = await this.append(l, planAdjustment(l.balance, hundredths), {
        reason: manualReason(reason),
        key,
        actorId: req.actorId,
      });
      const balance = await this.balanceAfter(l);
      await this.notices?.queue(l.tx, l.org, entry, { kind: 'ADJUSTMENT', reason }, balance);
      return { entry, replayed: false, balance };
    });
  }

  /** Corrects a purchase, adjustment or consumption with a REVERSAL entry (once). */
  async reverse(req: {
    entryId: string;
    reason: string;
    actorId: string;
    idempotencyKey?: string;
  }): Promise<LedgerEntryResult & { target: HourLedgerEntryEntity }> {
    const reason = requireReason(req.reason);
    const key = requireKey(req.idempotencyKey ?? `reverse:${randomUUID()}`);
    const missing = notFound('ledger_entry', req.entryId, `No ledger entry ${req.entryId}`);
    if (!/^\d{1,18}$/.test(req.entryId)) throw missing;
    const target = await this.db
      .getRepository(HourLedgerEntryEntity)
      .findOneBy({ id: req.entryId });
    if (!target) throw missing;
    return this.withLedger(target.organizationId, async (l) => {
      const prior = await findByKey(l.tx, key);
      if (prior) {
        assertReplayOf(prior, l.org.id, LedgerEntryKind.REVERSAL, target.ticketNumber);
        // A double click replays; the same key on another entry is another operation.
        if (String(prior.reversesEntryId) !== String(target.id)) throw keyReused();
        return {
          entry: prior,
          target,
          replayed: true,
          balance: toBalanceView(l.org.id, l.balance),
        };
      }
      const fact = toFact(target);
      const [entry] = await this.append(l, planReversal(l.balance, fact), {
        reason: manualReason(reason),
        key,
        actorId: req.actorId,
      });
      // Hours logged by mistake on a ticket still at work go back to its estimate's hold (the
      // ticket is read only when there are hours to give back).
      const planned = planHoldRestore(l.balance, fact);
      const restore =
        planned && (await holdsItsEstimate(l.tx, planned.ticketNumber!)) ? planned : null;
      if (restore) {
        await this.append(l, [restore], {
          reason: holdRestoredReason(
            restore.estimateVersion!,
            formatHours(restore.hundredths),
            reason,
          ),
          key,
          actorId: req.actorId,
        });
      }
      // A ticket's page (its hours, its time entries) follows it live (delivered on commit).
      if (target.ticketNumber) await notifyTicketChanged(l.tx, target.ticketNumber);
      const balance = await this.balanceAfter(l);
      if (this.notices) {
        const reversedPackage = await l.tx
          .getRepository(HourPackageEntity)
          .findOneBy({ ledgerEntryId: target.id });
        await this.notices.queue(
          l.tx,
          l.org,
          entry,
          {
            kind: 'REVERSAL',
            reason,
            backToTicketHold: restore !== null,
            reverses: {
              kind: target.kind,
              ticketNumber: target.ticketNumber,
              packageReference: reversedPackage?.reference ?? null,
              ...(reversedPackage
                ? {
                    packagePrice: {
                      price: Number(reversedPackage.price),
                      currency: reversedPackage.currency,
                    },
                  }
                : {}),
              createdAt: target.createdAt,
            },
          },
          balance,
        );
      }
      return { entry, target, replayed: false, balance };
    });
  }

  /**
   * Appends the drafts in order; the first gets `key`, the others `key + keySuffix`. Each keeps
   * the reason as its sentence (cut to the column's 500 characters) and as parts (L3-13).
   */
  async append(
    l: LockedLedger,
    drafts: readonly LedgerDraft[],
    meta: { reason: LedgerReason; key: string; actorId: string | null },
  ): Promise<HourLedgerEntryEntity[]> {
    const repo = l.tx.getRepository(HourLedgerEntryEntity);
    const saved: HourLedgerEntryEntity[] = [];
    for (const d of drafts) {
      saved.push(
        await repo.save(
          repo.create({
            organizationId: l.org.id,
            ticketNumber: d.ticketNumber,
            kind: d.kind,
            hours: formatHours(d.hundredths),
            estimateVersion: d.estimateVersion,
            reason: truncate(meta.reason.text),
            reasonParts: reasonPartsFor(d.kind, meta.reason),
            idempotencyKey: `${meta.key}${d.keySuffix}`,
            reversesEntryId: d.reversesEntryId,
            createdBy: meta.actorId,
          }),
        ),
      );
    }
    return saved;
  }

  /**
   * The balance after this transaction's appends. When they took the available hours under the
   * warning threshold (L3-13), the client's approvers and the managers are told, once. Callers
   * that `append` themselves (a ticket charged again) call it after their appends.
   */
  async balanceAfter(l: LockedLedger): Promise<HourBalanceView> {
    const folded = foldTotals(await ledgerTotals(l.tx, l.org.id));
    const view = toBalanceView(l.org.id, folded);
    const last = await l.tx
      .getRepository(HourLedgerEntryEntity)
      .findOne({ where: { organizationId: l.org.id }, order: { id: 'DESC' } });
    if (this.notices && last && crossedIntoLowBalance(l.balance, folded)) {
      await this.notices.queueLowBalance(l.tx, l.org, last, view);
    }
    return view;
  }
}

/**
 * The ledger's balance as the write plans need it, read under the lock (L3-13): the fold of its
 * sums (`ledger-totals.ts`; tens of rows, not every entry) and the IDs of the entries already
 * reversed (a reversal is planned against them).
 */
async function lockedBalance(tx: EntityManager, organizationId: string): Promise<LedgerBalance> {
  const reversed = await tx.query<{ id: string }[]>(
    `SELECT reverses_entry_id::text AS id FROM hour_ledger_entry
      WHERE organization_id = $1 AND reverses_entry_id IS NOT NULL`,
    [organizationId],
  );
  return {
    ...foldTotals(await ledgerTotals(tx, organizationId)),
    reversed: new Set(reversed.map((r) => r.id)),
  };
}

/**
 * L3-12: work logged against a ticket was done once the ticket existed. A work date before the
 * day it was registered (in the calendar's zone, or the agent's when that is a day behind: the
 * mirror of `lastWorkDate`) is VALIDATION_FAILED `BEFORE_REGISTRATION`, before anything is
 * written: dated so, it could also fall in a month whose statement was already issued (L3-13).
 */
function assertWorkedSinceRegistration(
  registeredAt: Date,
  date: string,
  zones: { calendar: string; agent: string },
): void {
  const registered = localToday(zones.calendar, registeredAt);
  const first =
    zones.agent !== zones.calendar && isKnownTimeZone(zones.agent)
      ? [registered, localToday(zones.agent, registeredAt)].sort()[0]
      : registered;
  if (date < first) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `date ${date} is before the ticket was registered (${first})`,
      {
        reason: 'BEFORE_REGISTRATION',
        field: 'date',
        value: date,
        registeredAt: registeredAt.toISOString(),
      },
    );
  }
}
