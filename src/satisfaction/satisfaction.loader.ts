import { Injectable } from '@nestjs/common';
import { RequestBatcher } from '../common/request-batcher';
import type { TicketSatisfactionModel } from './satisfaction.model';
import { SatisfactionService } from './satisfaction.service';

/**
 * `Ticket.satisfaction` batched per GraphQL request (`RequestBatcher`, as `UserNamesLoader`):
 * every ticket whose rating the request asks for in one tick is read in one query, each at most
 * once per request.
 */
@Injectable()
export class SatisfactionLoader {
  private readonly batcher = new RequestBatcher<void, TicketSatisfactionModel>((numbers) =>
    this.satisfaction.ratingsOf(numbers),
  );

  constructor(private readonly satisfaction: SatisfactionService) {}

  load(context: object, ticketNumber: string): Promise<TicketSatisfactionModel | null> {
    return this.batcher.load(context, ticketNumber, undefined);
  }
}
