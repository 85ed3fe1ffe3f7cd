import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestBatcher } from '../common/request-batcher';
import type { Role } from '../identity/role.enum';
import { actingRole } from '../tickets/user-names.loader';
import type {
  TicketBillingDecisionModel,
  TicketBillingStatusModel,
} from './ticket-billing-view.model';

interface DecisionRow {
  ticket_number: string;
  no_charge: boolean;
  reason: string;
  set_at: Date;
  by_name: string | null;
  /** The role stored with the decision; null only where nothing recorded it. */
  by_role: Role | null;
  /** The decider's current roles: the fallback for a null `by_role`. */
  by_roles: string[] | null;
}

/**
 * `Ticket.billing` (L3-18) batched per GraphQL request (`RequestBatcher`, as the ratings): every
 * ticket whose decisions the request asks for in one tick is read in one query. The decisions are
 * `ticket_billing_event`, where `setTicketNoCharge` keeps each one; the latest is the flag.
 * Visibility is the ticket's: the field is read only on a ticket the caller may see.
 */
@Injectable()
export class TicketBillingLoader {
  private readonly batcher = new RequestBatcher<void, TicketBillingStatusModel>((numbers) =>
    this.read(numbers),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  load(context: object, ticketNumber: string): Promise<TicketBillingStatusModel | null> {
    return this.batcher.load(context, ticketNumber, undefined);
  }

  private async read(numbers: string[]): Promise<Map<string, TicketBillingStatusModel>> {
    const rows = await this.db.query<DecisionRow[]>(
      `SELECT e.ticket_number, e.no_charge, e.reason, e.set_at,
              u.display_name AS by_name, e.set_by_role AS by_role, u.roles AS by_roles
         FROM ticket_billing_event e LEFT JOIN app_user u ON u.id = e.set_by
        WHERE e.ticket_number = ANY($1)
        ORDER BY e.ticket_number, e.id`,
      [numbers],
    );
    const decisions = new Map<string, TicketBillingDecisionModel[]>();
    for (const row of rows) {
      const list = decisions.get(row.ticket_number) ?? [];
      list.push({
        noCharge: row.no_charge,
        reason: row.reason,
        decidedAt: row.set_at,
        decidedByName: row.by_name,
        decidedByRole: row.by_role ?? actingRole(row.by_roles),
      });
      decisions.set(row.ticket_number, list);
    }
    const result = new Map<string, TicketBillingStatusModel>();
    for (const [number, list] of decisions) {
      result.set(number, { ...list[list.length - 1], decisions: list });
    }
    return result;
  }
}
