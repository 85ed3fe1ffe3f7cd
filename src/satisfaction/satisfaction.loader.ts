import { Injectable } from '@nestjs/common';
import type { TicketSatisfactionModel } from './satisfaction.model';
import { SatisfactionService } from './satisfaction.service';

/** One GraphQL request's ratings: asked for by the `Ticket.satisfaction` resolver. */
interface Batch {
  readonly ratings: Map<string, Promise<TicketSatisfactionModel | null>>;
  pending: Map<
    string,
    { resolve: (r: TicketSatisfactionModel | null) => void; reject: (e: unknown) => void }
  >;
}

/**
 * `Ticket.satisfaction` batched per GraphQL request, like `UserNamesLoader`: every ticket whose
 * rating the request asks for in one tick is read in one query (a page of 100 tickets is one
 * query, not 100), each at most once per request. Keyed by the request's context object.
 */
@Injectable()
export class SatisfactionLoader {
  private readonly batches = new WeakMap<object, Batch>();

  constructor(private readonly satisfaction: SatisfactionService) {}

  load(context: object, ticketNumber: string): Promise<TicketSatisfactionModel | null> {
    let batch = this.batches.get(context);
    if (!batch) {
      batch = { ratings: new Map(), pending: new Map() };
      this.batches.set(context, batch);
    }
    const known = batch.ratings.get(ticketNumber);
    if (known) return known;
    const current = batch;
    const rating = new Promise<TicketSatisfactionModel | null>((resolve, reject) => {
      if (current.pending.size === 0) {
        // After the resolvers of this tick have asked (DataLoader's schedule).
        void Promise.resolve().then(() => process.nextTick(() => void this.flush(current)));
      }
      current.pending.set(ticketNumber, { resolve, reject });
    });
    batch.ratings.set(ticketNumber, rating);
    return rating;
  }

  private async flush(batch: Batch): Promise<void> {
    const pending = batch.pending;
    batch.pending = new Map();
    try {
      const found = await this.satisfaction.ratingsOf([...pending.keys()]);
      for (const [number, { resolve }] of pending) resolve(found.get(number) ?? null);
    } catch (err) {
      for (const [number, { reject }] of pending) {
        batch.ratings.delete(number);
        reject(err);
      }
    }
  }
}
