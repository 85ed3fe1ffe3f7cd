import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Estimate } from '../../workflows/ticket/ticket.contract';
import { isTicketEnded } from '../../workflows/ticket/ticket.contract';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { type AuthenticatedUser, isProviderStaff } from '../identity';
import { NotificationsService } from '../notifications/notifications.service';
import { notifyTicketChanged } from '../tickets/ticket-projection.service';
import { actingRole } from '../tickets/user-names.loader';
import { visibleClientOrganization } from './client-organization';
import type { WorkCategory } from './contract-enums';
import { HourLedgerService, type LockedLedger } from './hour-ledger.service';
import { chargedAgainReason, noChargeReason } from './hour-ledger-reason';
import { assertRegisteredTicket, assertTicketOf, requireTicketNumber } from './ledger-rows';
import { requireReason, toHours, toHundredths } from './hours';
import { type LedgerDraft, planReinstatement, planRelease } from './ledger-rules';
import { NO_CHARGE_EMAIL_TYPE, noChargeEventKey, renderNoChargeEmail } from './no-charge-email';
import { TicketBillingEventEntity } from './ticket-billing-event.entity';
import { TicketBillingEntity } from './ticket-billing.entity';
import { renderOptionsOf } from '../notifications/render-options';

export interface NoChargeResult {
  readonly billing: TicketBillingEntity;
  /** Hours of the ticket's reservation given back because it became no-charge. */
  readonly releasedHours: number;
  /** Hours of its authorized estimate held again because it is charged again. */
  readonly reservedHours: number;
}

/**
 * L3-18: only provider staff decide that a ticket is free of charge to the hour package, with a
 * reason; every decision is kept (`ticket_billing_event`). Waiving a ticket releases its
 * outstanding reservation; time logged afterwards consumes 0 h. Hours consumed before the waiver
 * stay consumed (a manager reverses them if they should not count). Charging it again (no-charge
 * back to false) holds its authorized estimate again, less the hours already charged, so time
 * logged afterwards is charged; without enough available hours that is refused (typed ledger
 * refusal) and nothing changes.
 */
@Injectable()
export class TicketBillingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: HourLedgerService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  async setNoCharge(
    req: { ticketNumber: string; organizationId: string; noCharge: boolean; reason: string },
    actor: AuthenticatedUser,
  ): Promise<NoChargeResult> {
    if (!isProviderStaff(actor)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only provider staff decide no-charge tickets');
    }
    const ticketNumber = requireTicketNumber(req.ticketNumber);
    const reason = requireReason(req.reason);
    await visibleClientOrganization(this.db.manager, req.organizationId, actor);
    // L3-18: a waiver names a registered ticket; an unknown number writes nothing.
    await assertRegisteredTicket(this.db.manager, ticketNumber);
    return this.ledger.withLedger(req.organizationId, async (l) => {
      await assertTicketOf(l.tx, ticketNumber, l.org.id);
      // The decision in force (one read): asked again (a retry after a lost answer, a second
      // click), nothing is recorded, no hours move and nobody is emailed twice.
      const current = await l.tx.getRepository(TicketBillingEntity).findOneBy({ ticketNumber });
      const wasWaived = current?.noCharge ?? false;
      if (current && current.noCharge === req.noCharge && current.reason === reason) {
        return { billing: current, releasedHours: 0, reservedHours: 0 };
      }
      const row = {
        ticketNumber,
        organizationId: l.org.id,
        noCharge: req.noCharge,
        reason,
        setBy: actor.id,
        setAt: new Date(),
      };
      await l.tx.getRepository(TicketBillingEntity).save(row);
      // L3-18 history: the decision keeps the role it was made in (only the event is history).
      const event = await l.tx
        .getRepository(TicketBillingEventEntity)
        .save({ ...row, setByRole: actingRole(actor.roles) });
      let released = 0;
      let reserved = 0;
      if (req.noCharge) {
        const plan = planRelease(l.balance, ticketNumber);
        await this.ledger.append(l, plan.drafts, {
          reason: noChargeReason(reason),
          key: `no-charge:${ticketNumber}:${event.id}`,
          actorId: actor.id,
        });
        released = plan.released;
      } else if (wasWaived) {
        const plan = await reinstatement(l, ticketNumber);
        // Without an estimate the plan holds nothing (no drafts).
        if (plan.estimateVersion !== null) {
          await this.ledger.append(l, plan.drafts, {
            reason: chargedAgainReason(plan.estimateVersion, reason),
            key: `charged-again:${ticketNumber}:${event.id}`,
            actorId: actor.id,
          });
          // L3-13: holding the estimate again may take the hours under the low-balance warning.
          await this.ledger.balanceAfter(l);
        }
        reserved = plan.reserved;
      }
      // L3-11: the decision is client-visible (the ticket shows it): its registrant hears of it.
      await this.queueDecisionEmail(l.tx, event, toHours(released), toHours(reserved));
      await notifyTicketChanged(l.tx, ticketNumber);
      return {
        billing: await l.tx.getRepository(TicketBillingEntity).findOneByOrFail({ ticketNumber }),
        releasedHours: toHours(released),
        reservedHours: toHours(reserved),
      };
    });
  }

  /**
   * L3-11, L3-18: one email per decision to the ticket's registrant (while active), in the
   * decision's transaction, through the outbox; keyed by the decision's row, so it goes once.
   */
  private async queueDecisionEmail(
    tx: EntityManager,
    decision: TicketBillingEventEntity,
    releasedHours: number,
    reservedHours: number,
  ): Promise<void> {
    const [row] = await tx.query<
      {
        subject: string;
        registrant_id: string;
        email: string;
        display_name: string;
        locale: string;
        time_zone: string;
        decided_by_name: string | null;
      }[]
    >(
      `SELECT t.subject, u.id AS registrant_id, u.email, u.display_name, u.locale, u.time_zone,
              d.display_name AS decided_by_name
         FROM ticket t
         JOIN app_user u ON u.id = t.registrant_id AND u.active
         LEFT JOIN app_user d ON d.id = $2
        WHERE t.number = $1`,
      [decision.ticketNumber, decision.setBy],
    );
    if (!row) return;
    const decidedByName = row.decided_by_name ?? '—';
    await this.notifications.enqueueRendered(tx, [
      {
        event: {
          type: NO_CHARGE_EMAIL_TYPE,
          eventKey: noChargeEventKey(decision.ticketNumber, decision.id),
          occurredAt: decision.setAt.toISOString(),
          detail: {
            ticketNumber: decision.ticketNumber,
            noCharge: decision.noCharge ? 1 : 0,
            reason: decision.reason,
            decidedBy: decision.setBy,
            releasedHours,
            reservedHours,
          },
        },
        ticketNumber: decision.ticketNumber,
        recipient: { id: row.registrant_id, email: row.email },
        names: row.decided_by_name ? { [decision.setBy]: row.decided_by_name } : {},
        email: renderNoChargeEmail(
          {
            ticket: { number: decision.ticketNumber, subject: row.subject },
            noCharge: decision.noCharge,
            reason: decision.reason,
            decidedAt: decision.setAt,
            decidedByName,
            releasedHours,
            reservedHours,
          },
          {
            email: row.email,
            displayName: row.display_name,
            locale: row.locale,
            timeZone: row.time_zone,
          },
          renderOptionsOf(this.config),
        ),
      },
    ]);
  }
}

/**
 * What an un-waived ticket holds again: its authorized estimate (the version the ledger reserved
 * for, else the newest authorized one on the ticket) while the ticket is open; nothing when it
 * has none or is closed (its reservation was settled on closing).
 */
async function reinstatement(
  l: LockedLedger,
  ticketNumber: string,
): Promise<{ drafts: LedgerDraft[]; reserved: number; estimateVersion: number | null }> {
  const none = { drafts: [], reserved: 0, estimateVersion: null };
  const ticket = await readTicket(l.tx, ticketNumber);
  if (!ticket || isTicketEnded(ticket.state)) return none;
  const estimates = ticket.estimates ?? [];
  const reservedFor = l.balance.tickets.get(ticketNumber)?.estimateVersion ?? null;
  const estimate =
    reservedFor === null
      ? estimates.filter((e) => e.status === 'AUTHORIZED').at(-1)
      : estimates.find((e) => e.version === reservedFor);
  if (!estimate) {
    if (reservedFor === null) return none;
    // The ledger reserved a version the ticket's read model does not show yet (it is projected
    // right after the authorization): refuse rather than guess the hours.
    throw new DomainError(
      ErrorCode.CONFLICT,
      `Ticket ${ticketNumber} does not show estimate v${reservedFor} yet; try again in a moment`,
    );
  }
  const plan = planReinstatement(l.balance, {
    ticketNumber,
    estimateVersion: estimate.version,
    hundredths: toHundredths(estimate.hours),
    category: ticket.category as WorkCategory,
  });
  return { ...plan, estimateVersion: estimate.version };
}

async function readTicket(
  tx: EntityManager,
  ticketNumber: string,
): Promise<{ state: string; category: string; estimates: Estimate[] | null } | undefined> {
  const [row] = await tx.query<{ state: string; category: string; estimates: Estimate[] | null }[]>(
    `SELECT state, category, details -> 'estimates' AS estimates FROM ticket WHERE number = $1`,
    [ticketNumber],
  );
  return row;
}
