import type { EntityManager } from 'typeorm';

/** L3-02: `L3-<year>-<6+ digit sequence>`. */
export function formatTicketNumber(year: number, seq: number): string {
  return `L3-${year}-${String(seq).padStart(6, '0')}`;
}

export function parseTicketNumber(number: string): { year: number; seq: number } | null {
  const m = /^L3-(\d{4})-(\d{6,})$/.exec(number);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
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
