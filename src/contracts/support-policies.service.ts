import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import type { AuthenticatedUser } from '../identity';
import { notifyTicketChanged } from '../tickets/ticket-projection.service';
import { visibleClientOrganization } from './client-organization';
import { PolicyEventKind, PolicyStatus, type WorkCategory } from './contract-enums';
import { requireReason } from './hours';
import { localToday, requireLocalDate } from './local-date';
import { SupportPolicyEventEntity } from './support-policy-event.entity';
import { SupportPolicyEntity } from './support-policy.entity';
import { CURRENCY_MESSAGE, isIsoCurrency } from './validation';

export interface SupportPolicyTerms {
  readonly organizationId: string;
  readonly monthlyFee: number;
  readonly currency?: string;
  /** `YYYY-MM-DD`. */
  readonly startDate: string;
}

/** Status changes a policy may take; ENDED → ACTIVE is a renewal. */
const TRANSITIONS: Readonly<Record<PolicyStatus, readonly PolicyStatus[]>> = {
  [PolicyStatus.ACTIVE]: [PolicyStatus.SUSPENDED, PolicyStatus.ENDED],
  [PolicyStatus.SUSPENDED]: [PolicyStatus.ACTIVE, PolicyStatus.ENDED],
  [PolicyStatus.ENDED]: [PolicyStatus.ACTIVE],
};

/**
 * Support policies (L3-01, L3-03, L3-16): one per client organization, changed in place under a
 * row lock, with every change appended to `support_policy_event` (who, when, from → to, why).
 */
@Injectable()
export class SupportPoliciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    /** The client's calendar: its zone dates a refusal's «suspended since» (L3-01). */
    private readonly calendars: CalendarsService,
  ) {}

  /** The organization's policy, or null; NOT_FOUND when `caller` may not see the organization. */
  async find(
    organizationId: string,
    caller?: AuthenticatedUser,
  ): Promise<SupportPolicyEntity | null> {
    await visibleClientOrganization(this.db.manager, organizationId, caller);
    return this.db.getRepository(SupportPolicyEntity).findOneBy({ organizationId });
  }

  /** The policy's history, oldest first. */
  events(policyId: string): Promise<SupportPolicyEventEntity[]> {
    return this.db
      .getRepository(SupportPolicyEventEntity)
      .find({ where: { policyId }, order: { id: 'ASC' } });
  }

  /**
   * L3-01: throws VALIDATION_FAILED (`reason: 'NO_ACTIVE_POLICY'`) saying why a client may not
   * register tickets: no policy, suspended since when, or ended. For the tickets API.
   */
  async assertCanRegisterTickets(organizationId: string): Promise<SupportPolicyEntity> {
    const org = await visibleClientOrganization(this.db.manager, organizationId);
    const policy = await this.db.getRepository(SupportPolicyEntity).findOneBy({ organizationId });
    const refusal = await refusalOf(org.name, policy, () => this.timeZoneOf(org.id));
    if (refusal) throw refusal;
    return policy!;
  }

  /**
   * The zone of the organization's calendar ({@link CalendarsService.forOrganization}): the days
   * its people see, e.g. the day its policy was suspended, are dates there (BUSINESS-TIME.md).
   */
  async timeZoneOf(organizationId: string, manager?: EntityManager): Promise<string> {
    return (await this.calendars.forOrganization(organizationId, manager)).engine.timeZone;
  }

  /** Creates the policy (ACTIVE) or changes its terms; a change with nothing new writes nothing. */
  async upsert(
    terms: SupportPolicyTerms,
    actor: AuthenticatedUser,
    reason?: string,
  ): Promise<SupportPolicyEntity> {
    const monthlyFee = requireMoney(terms.monthlyFee, 'monthlyFee');
    const currency = requireCurrency(terms.currency ?? 'MXN');
    const startDate = requireLocalDate(terms.startDate, 'startDate');
    const note = reason === undefined ? null : requireReason(reason);
    return this.db.transaction(async (tx) => {
      await visibleClientOrganization(tx, terms.organizationId);
      const current = await this.lock(tx, terms.organizationId);
      if (!current) {
        const created = await tx.getRepository(SupportPolicyEntity).save({
          organizationId: terms.organizationId,
          monthlyFee,
          currency,
          startDate,
          status: PolicyStatus.ACTIVE,
          statusChangedAt: new Date(),
          statusReason: note,
        });
        await this.append(tx, created, PolicyEventKind.CREATED, actor, note, {
          toStatus: PolicyStatus.ACTIVE,
          data: { monthlyFee, currency, startDate },
        });
        return this.reload(tx, created.id);
      }
      const changes: Record<string, { from: string; to: string }> = {};
      if (current.monthlyFee !== monthlyFee)
        changes.monthlyFee = { from: current.monthlyFee, to: monthlyFee };
      if (current.currency !== currency)
        changes.currency = { from: current.currency, to: currency };
      if (current.startDate !== startDate)
        changes.startDate = { from: current.startDate, to: startDate };
      if (Object.keys(changes).length === 0) return current;
      await tx
        .getRepository(SupportPolicyEntity)
        .update({ id: current.id }, { monthlyFee, currency, startDate });
      await this.append(tx, current, PolicyEventKind.TERMS_CHANGED, actor, note, { data: changes });
      return this.reload(tx, current.id);
    });
  }

  /** ACTIVE ⇄ SUSPENDED, either → ENDED, ENDED → ACTIVE (renewal); INVALID_TRANSITION otherwise. */
  async setStatus(
    organizationId: string,
    status: PolicyStatus,
    reason: string,
    actor: AuthenticatedUser,
  ): Promise<SupportPolicyEntity> {
    const why = requireReason(reason);
    return this.db.transaction(async (tx) => {
      const policy = await this.requirePolicy(tx, organizationId);
      if (!TRANSITIONS[policy.status].includes(status)) {
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          `A ${policy.status} policy cannot become ${status}`,
          { from: policy.status, to: status, allowed: TRANSITIONS[policy.status] },
        );
      }
      await tx
        .getRepository(SupportPolicyEntity)
        .update({ id: policy.id }, { status, statusChangedAt: new Date(), statusReason: why });
      await this.append(tx, policy, PolicyEventKind.STATUS_CHANGED, actor, why, {
        fromStatus: policy.status,
        toStatus: status,
      });
      return this.reload(tx, policy.id);
    });
  }

  /** L3-16: records (or clears, with `login` null) the Odoo admin user kept for the provider. */
  async recordOdooAdminUser(
    organizationId: string,
    login: string | null,
    confirmed: boolean,
    actor: AuthenticatedUser,
  ): Promise<SupportPolicyEntity> {
    const value = login === null ? null : login.trim();
    if (value !== null && (value.length === 0 || value.length > 200)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'login must be 1 to 200 characters', {
        field: 'login',
      });
    }
    return this.db.transaction(async (tx) => {
      const policy = await this.requirePolicy(tx, organizationId);
      // The same login with the same confirmation again (a form saved twice) writes nothing: no
      // second history line, and the day it was confirmed stays.
      const wasConfirmed = policy.odooAdminConfirmedAt !== null;
      if (policy.odooAdminLogin === value && (value === null || wasConfirmed === confirmed)) {
        return policy;
      }
      const confirmedAt = value !== null && confirmed ? new Date() : null;
      await tx
        .getRepository(SupportPolicyEntity)
        .update({ id: policy.id }, { odooAdminLogin: value, odooAdminConfirmedAt: confirmedAt });
      await this.append(tx, policy, PolicyEventKind.ODOO_ADMIN_RECORDED, actor, null, {
        data: { from: policy.odooAdminLogin, to: value, confirmed: confirmedAt !== null },
      });
      // The page of an open admin-action ticket warns provider staff while none is confirmed
      // (odooAdminMissing): when that flips, its live feed says so, once this commits.
      const wasMissing = policy.odooAdminLogin === null || !wasConfirmed;
      if (wasMissing !== (confirmedAt === null)) await notifyAdminActionTickets(tx, organizationId);
      return this.reload(tx, policy.id);
    });
  }

  /**
   * L3-07: the cadence of the progress updates a problem ticket owes this client, in whole
   * business minutes (60–4800); null restores the default (480). Tickets registered afterwards
   * take it; open tickets keep the cadence they were registered with. A change with nothing new
   * writes nothing; otherwise it is appended to the history as a change of terms.
   */
  async setProgressCadence(
    organizationId: string,
    minutes: number | null,
    actor: AuthenticatedUser,
    reason?: string,
  ): Promise<SupportPolicyEntity> {
    const cadence = minutes === null ? null : requireProgressCadence(minutes);
    const note = reason === undefined ? null : requireReason(reason);
    return this.db.transaction(async (tx) => {
      const policy = await this.requirePolicy(tx, organizationId);
      if (policy.progressCadenceMinutes === cadence) return policy;
      await tx
        .getRepository(SupportPolicyEntity)
        .update({ id: policy.id }, { progressCadenceMinutes: cadence });
      await this.append(tx, policy, PolicyEventKind.TERMS_CHANGED, actor, note, {
        data: { progressCadenceMinutes: { from: policy.progressCadenceMinutes, to: cadence } },
      });
      return this.reload(tx, policy.id);
    });
  }

  private async requirePolicy(
    tx: EntityManager,
    organizationId: string,
  ): Promise<SupportPolicyEntity> {
    await visibleClientOrganization(tx, organizationId);
    const policy = await this.lock(tx, organizationId);
    if (!policy) {
      throw notFound(
        'support_policy',
        organizationId,
        `Organization ${organizationId} has no support policy`,
      );
    }
    return policy;
  }

  private lock(tx: EntityManager, organizationId: string): Promise<SupportPolicyEntity | null> {
    return tx
      .getRepository(SupportPolicyEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.organization_id = :organizationId', { organizationId })
      .getOne();
  }

  private reload(tx: EntityManager, id: string): Promise<SupportPolicyEntity> {
    return tx.getRepository(SupportPolicyEntity).findOneByOrFail({ id });
  }

  private async append(
    tx: EntityManager,
    policy: SupportPolicyEntity,
    kind: PolicyEventKind,
    actor: AuthenticatedUser,
    reason: string | null,
    extra: Partial<Pick<SupportPolicyEventEntity, 'fromStatus' | 'toStatus' | 'data'>>,
  ): Promise<void> {
    const repo = tx.getRepository(SupportPolicyEventEntity);
    await repo.save(
      repo.create({
        policyId: policy.id,
        organizationId: policy.organizationId,
        kind,
        reason,
        actorId: actor.id,
        fromStatus: extra.fromStatus ?? null,
        toStatus: extra.toStatus ?? null,
        data: extra.data ?? {},
      }),
    );
  }
}

/**
 * L3-16: tells the live feed (`ticketChanged`) that each open ADMIN_ACTION ticket of
 * `organizationId` changed, in `tx`, so a page open on one re-reads its Odoo admin warning. A
 * policy is no ticket, but the warning is part of those tickets' pages, and their subscribers
 * (provider staff, and the organization's own users, who read the policy anyway) already follow
 * them; the notice carries the ticket's read model, unchanged, and nothing of the policy.
 */
async function notifyAdminActionTickets(tx: EntityManager, organizationId: string): Promise<void> {
  const category: WorkCategory = 'ADMIN_ACTION';
  const open = await tx.query<{ number: string }[]>(
    `SELECT number FROM ticket
      WHERE organization_id = $1 AND category = $2 AND state <> ALL ($3::text[])`,
    [organizationId, category, TERMINAL_STATES],
  );
  await notifyTicketChanged(
    tx,
    open.map((t) => t.number),
  );
}

/**
 * {@link registrationRefusal}, reading the client's calendar zone (`timeZone`) only when the policy
 * is not ACTIVE: every ticket registration and every estimate reservation asks, and an active
 * policy's answer needs no date.
 */
export async function refusalOf(
  orgName: string,
  policy: Pick<SupportPolicyEntity, 'status' | 'statusChangedAt' | 'statusReason'> | null,
  timeZone: () => Promise<string>,
): Promise<DomainError | null> {
  if (policy?.status === PolicyStatus.ACTIVE) return null;
  return registrationRefusal(orgName, policy, await timeZone());
}

/**
 * Why `orgName` may not register tickets, or null when its policy is ACTIVE (L3-01). The day the
 * policy was suspended or ended (`since`, in the message and the details) is the local date of
 * the change in `timeZone`, the client's calendar zone, never UTC's: a suspension at 19:00 in
 * Mexico City is already the next day in UTC.
 */
export function registrationRefusal(
  orgName: string,
  policy: Pick<SupportPolicyEntity, 'status' | 'statusChangedAt' | 'statusReason'> | null,
  timeZone: string,
): DomainError | null {
  if (policy?.status === PolicyStatus.ACTIVE) return null;
  const since = policy ? localToday(timeZone, policy.statusChangedAt) : undefined;
  const why = policy?.statusReason ? ` (${policy.statusReason})` : '';
  const message = !policy
    ? `${orgName} has no support policy: tickets need an active monthly policy`
    : policy.status === PolicyStatus.SUSPENDED
      ? `${orgName}'s support policy is suspended since ${since}${why}: tickets need an active policy`
      : `${orgName}'s support policy ended on ${since}${why}: tickets need an active policy`;
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, {
    reason: 'NO_ACTIVE_POLICY',
    policyStatus: policy?.status ?? null,
    since: since ?? null,
    // The manager's reason, so the web app can show it in the reader's language's sentence.
    statusReason: policy?.statusReason ?? null,
  });
}

/** L3-07: bounds of a client's progress-update cadence, in business minutes (1 to 80 h). */
export const PROGRESS_CADENCE_MINUTES = { min: 60, max: 4800 } as const;

/** A progress cadence: whole business minutes within {@link PROGRESS_CADENCE_MINUTES}. */
export function requireProgressCadence(minutes: number): number {
  const { min, max } = PROGRESS_CADENCE_MINUTES;
  if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `progressCadenceMinutes must be whole business minutes from ${min} to ${max}, got ${String(minutes)}`,
      { field: 'progressCadenceMinutes', min, max },
    );
  }
  return minutes;
}

/** A non-negative amount with at most 2 decimals, as numeric text. */
export function requireMoney(amount: number, field: string): string {
  if (
    !Number.isFinite(amount) ||
    amount < 0 ||
    amount >= 1e10 ||
    Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6
  ) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be an amount ≥ 0 with at most 2 decimals`,
      { field },
    );
  }
  return amount.toFixed(2);
}

export function requireCurrency(currency: string): string {
  if (!isIsoCurrency(currency)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, CURRENCY_MESSAGE, { field: 'currency' });
  }
  return currency;
}
