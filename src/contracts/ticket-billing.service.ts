import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Estimate } from '../../workflows/ticket/ticket.contract';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { type AuthenticatedUser, isProviderStaff } from '../identity';
import { visibleClientOrganization } from './client-organization';
import type { WorkCategory } from './contract-enums';
import { HourLedgerService, type LockedLedger } from './hour-ledger.service';
import { chargedAgainReason, noChargeReason } from './hour-ledger-reason';
import {
  assertRegisteredTicket,
  assertTicketOf,
  isNoCharge,
  requireTicketNumber,
} from './ledger-rows';
import { requireReason, toHours, toHundredths } from './hours';
import { type LedgerDraft, planReinstatement, planRelease } from './ledger-rules';
import { TicketBillingEventEntity } from './ticket-billing-event.entity';
import { TicketBillingEntity } from './ticket-billing.entity';

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
      const wasWaived = await isNoCharge(l.tx, ticketNumber);
      const row = {
        ticketNumber,
        organizationId: l.org.id,
        noCharge: req.noCharge,
        reason,
        setBy: actor.id,
        setAt: new Date(),
      };
      await l.tx.getRepository(TicketBillingEntity).save(row);
      const event = await l.tx.getRepository(TicketBillingEventEntity).save({ ...row });
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
        }
        reserved = plan.reserved;
      }
      return {
        billing: await l.tx.getRepository(TicketBillingEntity).findOneByOrFail({ ticketNumber }),
        releasedHours: toHours(released),
        reservedHours: toHours(reserved),
      };
    });
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
  if (!ticket || (TERMINAL_STATES as readonly string[]).includes(ticket.state)) return none;
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
