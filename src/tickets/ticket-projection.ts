import type { SlaClockView } from '../../workflows/ticket/ticket.contract';
import type { ReadModelSlice } from '../../workflows/ticket/ticket-projection';

export type {
  ProjectionBatch,
  ReadModelSlice,
  TicketDetails,
} from '../../workflows/ticket/ticket-projection';

export interface FoldedReadModel {
  readonly lastEventSeq: number;
  readonly slice: Omit<ReadModelSlice, 'clocks'> | null;
  /** Every clock run ever projected, by id, in its latest state. */
  readonly clocks: ReadonlyMap<string, SlaClockView>;
}

/** Folds a ticket's event log (in sequence order) into its read model. */
export function foldEvents(
  events: readonly { seq: number; readModel: ReadModelSlice | null }[],
): FoldedReadModel {
  let lastEventSeq = -1;
  let slice: Omit<ReadModelSlice, 'clocks'> | null = null;
  const clocks = new Map<string, SlaClockView>();
  for (const event of events) {
    if (event.seq <= lastEventSeq) throw new Error(`events out of order at seq ${event.seq}`);
    lastEventSeq = event.seq;
    if (!event.readModel) continue;
    const { clocks: eventClocks, ...rest } = event.readModel;
    slice = rest;
    for (const clock of eventClocks) clocks.set(clock.id, clock);
  }
  return { lastEventSeq, slice, clocks };
}
