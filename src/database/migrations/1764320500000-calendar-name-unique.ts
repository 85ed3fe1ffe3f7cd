import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L3-05/L3-06: a calendar's name is how managers and agents tell calendars apart (the calendar
 * list, the deadline calculator, a ticket's «Calendario usado», «Plazo recalculado» lines), so
 * two calendars no longer share one, whatever its case. Calendars that already do keep theirs in
 * order of creation (the default first); each later one is renamed «<name> (2)», «(3)»… (the first
 * free number), so no calendar or ticket loses anything and the index can be built.
 */
export class CalendarNameUnique1764320500000 implements MigrationInterface {
  name = 'CalendarNameUnique1764320500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE
        dup record;
        candidate text;
        k integer;
      BEGIN
        FOR dup IN
          SELECT id, name FROM (
            SELECT id, name, row_number() OVER (
                     PARTITION BY lower(name) ORDER BY is_default DESC, created_at, id) AS n
              FROM business_calendar) ranked
           WHERE n > 1
           ORDER BY lower(name), n
        LOOP
          k := 2;
          LOOP
            candidate := dup.name || ' (' || k || ')';
            EXIT WHEN NOT EXISTS (
              SELECT 1 FROM business_calendar WHERE lower(name) = lower(candidate));
            k := k + 1;
          END LOOP;
          UPDATE business_calendar SET name = candidate WHERE id = dup.id;
        END LOOP;
      END $$`);
    await q.query(
      `CREATE UNIQUE INDEX uq_business_calendar_name ON business_calendar (lower(name))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_business_calendar_name`);
  }
}
