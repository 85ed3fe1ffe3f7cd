import { Logger } from '@nestjs/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10 (dashboard p95 < 100 ms): the ticket search over its own fields (number, subject and
 * description, the last two without accents) was a walk of every ticket in the list's order,
 * unaccenting each one, when few matched (440 ms p95 over 100,000 tickets). Trigram indexes on the
 * expressions the search uses (`unaccentedSql`, src/tickets/ticket-event-sql.ts, as written then)
 * make it an index read. Without pg_trgm (migration 1764319350000 said so) the search scans.
 */
export class TicketSearchFields1764319600000 implements MigrationInterface {
  name = 'TicketSearchFields1764319600000';

  async up(q: QueryRunner): Promise<void> {
    const [{ installed }] = (await q.query(
      `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed`,
    )) as { installed: boolean }[];
    if (!installed) {
      new Logger('Migrations').warn(
        'pg_trgm is not installed: the ticket search scans subjects and descriptions without an index',
      );
      return;
    }
    const unaccented = (column: string) =>
      `translate(${column}, 'ÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇáàâäãéèêëíìîïóòôöõúùûüñç', 'AAAAAEEEEIIIIOOOOOUUUUNCaaaaaeeeeiiiiooooouuuunc')`;
    await q.query('CREATE INDEX ix_ticket_number_text ON ticket USING gin (number gin_trgm_ops)');
    await q.query(
      `CREATE INDEX ix_ticket_subject_text ON ticket USING gin (${unaccented('subject')} gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX ix_ticket_description_text ON ticket USING gin (${unaccented('description')} gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS ix_ticket_description_text');
    await q.query('DROP INDEX IF EXISTS ix_ticket_subject_text');
    await q.query('DROP INDEX IF EXISTS ix_ticket_number_text');
  }
}
