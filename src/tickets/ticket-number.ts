import type { EntityManager } from 'typeorm';

import { TICKET_NUMBER_PATTERN } from '../shared/ticket-number-pattern';

export { TICKET_NUMBER_PATTERN };

/** L3-02: the number {@link TICKET_NUMBER_PATTERN} describes. */
export function formatTicketNumber(year: number, seq: number): string {
  return `L3-${year}-${String(seq).padStart(6, '0')}`;
}

/**
 * Allocates the next number of `year` inside the caller's transaction. The counter row stays
 * locked until that transaction ends, and a rollback returns the number: numbers are gap-free.
 */
export async function allocateTicketNumber(
  tx: EntityManager,
  year: number,
): Promise<{ number: string; year: number; seq: number }> {
  const rows = await tx.query<{ last_value: number }[]>(
    `INSERT INTO ticket_number_counter (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = ticket_number_counter.last_value + 1
     RETURNING last_value`,
    [year],
  );
  const seq = rows[0].last_value;
  return { number: formatTicketNumber(year, seq), year, seq };
}
