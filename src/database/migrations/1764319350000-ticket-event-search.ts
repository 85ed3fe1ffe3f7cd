import { Logger } from '@nestjs/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 5 item 4: the ticket list's text search reads the conversation too (comments, notes,
 * scopes, statements, reasons), accents aside. A trigram index on what people wrote in each
 * event, without accents, serves its `ILIKE '%…%'` (pg_trgm, shipped with PostgreSQL and trusted:
 * a database owner may create it).
 * A server without the extension keeps a search that scans the events, and says so.
 */
export class TicketEventSearch1764319350000 implements MigrationInterface {
  name = 'TicketEventSearch1764319350000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('SAVEPOINT event_search');
    try {
      await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await q.query('RELEASE SAVEPOINT event_search');
    } catch (error) {
      await q.query('ROLLBACK TO SAVEPOINT event_search');
      new Logger('Migrations').warn(
        `pg_trgm is not available (${(error as Error).message}): the ticket search scans the events without an index`,
      );
      return;
    }
    // The expression of EVENT_SEARCH_SQL (src/tickets/ticket-event-sql.ts: the words without
    // accents) as it was written then; the integration test of the search checks that the query
    // can still use this index.
    await q.query(`
      CREATE INDEX ix_ticket_event_text ON ticket_event USING gin (translate(
        coalesce(data ->> 'body', '') || ' ' || coalesce(data ->> 'note', '') || ' ' ||
        coalesce(data ->> 'scope', '') || ' ' || coalesce(data ->> 'statement', '') || ' ' ||
        coalesce(data ->> 'reason', '') || ' ' || coalesce(data ->> 'details', ''),
        'ÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇáàâäãéèêëíìîïóòôöõúùûüñç', 'AAAAAEEEEIIIIOOOOOUUUUNCaaaaaeeeeiiiiooooouuuunc'
      ) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS ix_ticket_event_text');
  }
}
