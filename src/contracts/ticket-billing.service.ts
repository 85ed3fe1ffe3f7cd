import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { type AuthenticatedUser, isProviderStaff } from '../identity';
import { visibleClientOrganization } from './client-organization';
import { HourLedgerService } from './hour-ledger.service';
import { assertRegisteredTicket, assertTicketOf, requireTicketNumber } from './ledger-rows';
import { requireReason, toHours } from './hours';
import { planRelease } from './ledger-rules';
import { TicketBillingEventEntity } from './ticket-billing-event.entity';
import { TicketBillingEntity } from './ticket-billing.entity';

export interface NoChargeResult {
  readonly billing: TicketBillingEntity;
  /** Hours of the ticket's reservation given back because it became no-charge. */
  readonly releasedHours: number;
}

/**
 * L3-18: only provider staff decide that a ticket is free of charge to the hour package, with a
 * reason; every decision is kept (`ticket_billing_event`). Waiving a ticket releases its
 * outstanding reservation; time logged afterwards consumes 0 h. Hours consumed before the waiver
 * stay consumed (a manager reverses them if they should not count).
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
      if (req.noCharge) {
        const plan = planRelease(l.balance, ticketNumber);
        await this.ledger.append(l, plan.drafts, {
          reason: `ticket made no-charge (L3-18): ${reason}`,
          key: `no-charge:${ticketNumber}:${event.id}`,
          actorId: actor.id,
        });
        released = plan.released;
      }
      return {
        billing: await l.tx.getRepository(TicketBillingEntity).findOneByOrFail({ ticketNumber }),
        releasedHours: toHours(released),
      };
    });
  }
}
