import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer satisfaction (L3-11) reads CLOSED tickets by their closure instant, the read model's
 * `details.closure.at` (an ISO-8601 UTC string the workflow writes with `toISOString()`, so its
 * text order is its time order): the summary's response rate (tickets closed in the period) on
 * every dashboard refresh, and the rating reminder's sweep every 5 minutes (closed 2 to 14 days
 * ago). Without an index both read every CLOSED ticket; this partial one reads only the range.
 * The text, not a `timestamptz` cast (a cast from text is not immutable, so not indexable).
 */
export class TicketClosedAtIndex1764319690000 implements MigrationInterface {
  name = 'TicketClosedAtIndex1764319690000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_ticket_closed_at ON ticket ((details -> 'closure' ->> 'at'))
        WHERE state = 'CLOSED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_ticket_closed_at`);
  }
}
