import { DataSource } from 'typeorm';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { databaseBefore } from '../support/database-before';

// L3-05/L3-06: CalendarNameUnique1764320500000 makes a calendar's name unique whatever its case.
// Calendars that shared a name before it keep theirs in order of creation (the default first);
// each later one gets the first free «(n)», and nothing else about them changes.

const MIGRATION = '1764320500000-calendar-name-unique';

describe('calendar names become unique (L3-05, L3-06)', () => {
  it('renames the later calendars of a shared name to the first free number', async () => {
    const { url, before, drop } = await databaseBefore('calendar_name', MIGRATION);
    try {
      const [{ name: defaultName }] = await before.query<{ name: string }[]>(
        'SELECT name FROM business_calendar WHERE id = $1',
        [DEFAULT_CALENDAR_ID],
      );
      // Created a minute apart, in this order; the first shares the default's name.
      const names = [defaultName.toUpperCase(), 'Turno', 'turno', 'Turno (2)', 'TURNO', 'Noche'];
      const ids: string[] = [];
      for (const [i, name] of names.entries()) {
        const [{ id }] = await before.query<{ id: string }[]>(
          `INSERT INTO business_calendar (name, created_at)
           VALUES ($1, now() + make_interval(mins => $2)) RETURNING id`,
          [name, i + 1],
        );
        ids.push(id);
      }
      await before.destroy();

      expect(await runMigrations(url)).toEqual(['CalendarNameUnique1764320500000']);

      const after = await new DataSource(typeOrmOptions(url)).initialize();
      try {
        const nameOf = async (id: string) =>
          (
            await after.query<{ name: string }[]>(
              'SELECT name FROM business_calendar WHERE id = $1',
              [id],
            )
          )[0].name;
        expect(await nameOf(DEFAULT_CALENDAR_ID)).toBe(defaultName);
        expect(await Promise.all(ids.map(nameOf))).toEqual([
          `${defaultName.toUpperCase()} (2)`,
          'Turno',
          'turno (3)',
          'Turno (2)',
          'TURNO (4)',
          'Noche',
        ]);
        // From now on a name taken in any case is refused by the database itself.
        await expect(
          after.query(`INSERT INTO business_calendar (name) VALUES ('NOCHE')`),
        ).rejects.toThrow(/uq_business_calendar_name/);
      } finally {
        await after.destroy();
      }
    } finally {
      await drop();
    }
  });
});
