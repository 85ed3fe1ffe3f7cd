import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { toHours } from '../contracts/hours';
import { foldTotals } from '../contracts/ledger-rules';
import { ticketsLedgerTotals } from '../contracts/ledger-totals';
import { RequestBatcher } from '../common/request-batcher';
import type { TicketClosureHoursModel } from './closure-hours.model';

/**
 * L3-09, L3-12/L3-13 (QA S20): before «Aceptar entrega» closes a requirement, the hours its
 * closure charges and gives back, from the same fold of the ticket's ledger entries that
 * «Ticket cerrado» reads (`withClosureHours`): `consumed`, the charged consumption net of
 * reversals, and `held`, the reservation the closure releases. Batched per GraphQL request
 * (`RequestBatcher`, as `ReleaseDateStatesLoader`): a list is one statement over the ledger.
 */
@Injectable()
export class ClosureHoursLoader {
  private readonly batcher = new RequestBatcher<void, TicketClosureHoursModel>((numbers) =>
    this.closureHoursOf(numbers),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null for a ticket no estimate was ever authorized for (nothing reserved, nothing to say). */
  load(context: object, ticketNumber: string): Promise<TicketClosureHoursModel | null> {
    return this.batcher.load(context, ticketNumber, undefined);
  }

  private async closureHoursOf(numbers: string[]): Promise<Map<string, TicketClosureHoursModel>> {
    const hours = new Map<string, TicketClosureHoursModel>();
    for (const [number, totals] of await ticketsLedgerTotals(this.db, numbers)) {
      const ticket = foldTotals(totals).tickets.get(number);
      if (!ticket || ticket.estimateVersion === null) continue;
      const charged = Math.max(0, ticket.consumed);
      const held = Math.max(0, ticket.held);
      hours.set(number, {
        chargedHours: toHours(charged),
        authorizedHours: toHours(charged + held),
        returnedHours: toHours(held),
      });
    }
    return hours;
  }
}
