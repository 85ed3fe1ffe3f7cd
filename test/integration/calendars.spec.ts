import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import { Role } from '../../src/identity/role.enum';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { gql } from '../support/integration-harness';
import { someoneWaitsForRowLock } from '../support/lock-waiters';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { TULUM_ORG } from '../support/demo-contract';

// L3-05/L3-06/L3-08: managers keep versioned business calendars (BUSINESS-TIME.md); every edit is
// validated whole, bumps the version and changes deadlines at once; bad input writes nothing.

const CREATE = `mutation ($input: CreateCalendarInput!) {
  createCalendar(input: $input) { id version timeZone organizationId holidaySources weekly { weekday intervals { start end } } }
}`;
const ADD_HOLIDAY = `mutation ($id: ID!, $h: CalendarHolidayInput!) {
  addCalendarHoliday(calendarId: $id, holiday: $h) { id version }
}`;
const REMOVE_HOLIDAY = `mutation ($id: ID!, $date: String!) {
  removeCalendarHoliday(calendarId: $id, date: $date) { id version }
}`;
const SET_OVERRIDE = `mutation ($id: ID!, $o: CalendarOverrideInput!) {
  setCalendarOverride(calendarId: $id, override: $o) { id version overrides { date reason intervals { start end } } }
}`;
const REMOVE_OVERRIDE = `mutation ($id: ID!, $date: String!) {
  removeCalendarOverride(calendarId: $id, date: $date) { id version overrides { date } }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateCalendarInput!) {
  updateCalendar(id: $id, input: $input) { id version name timeZone holidaySources }
}`;
const DEADLINE = `query ($from: DateTime!, $amount: Int!, $unit: BusinessUnit!, $calendarId: ID) {
  businessDeadline(from: $from, amount: $amount, unit: $unit, calendarId: $calendarId) { deadline calendarVersion explanation }
}`;
const LIST = '{ calendars { id isDefault organizationId } }';
const ONE = `query ($id: ID!) { calendar(id: $id) { id name holidays(year: 2026) { date name source } versions { version change } } }`;

const VERSIONS = `query ($id: ID!) { calendar(id: $id) { name versions { version change details { version calendarName kind date name source } } } }`;
type LoggedVersion = {
  version: number;
  change: string;
  details: Record<string, unknown>[] | null;
};

const weekdays = (intervals: { start: string; end: string }[]) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals }));

describe('Business calendars (L3-05, BUSINESS-TIME.md)', () => {
  let world: SeededWorld;
  const manager = () => world.bearer(Role.MANAGER);
  const calendarRows = async () =>
    Number(
      (await world.db.query<{ n: string }[]>('SELECT count(*) AS n FROM business_calendar'))[0].n,
    );
  const versionRows = async () =>
    Number(
      (
        await world.db.query<{ n: string }[]>('SELECT count(*) AS n FROM business_calendar_version')
      )[0].n,
    );

  beforeAll(async () => {
    world = await createSeededWorld('calendars');
  });
  afterAll(async () => {
    await world?.close();
  });

  describe('creation and validation', () => {
    let auroraCalendarId: string;

    it('lets a manager give a client organization its own calendar (split day, Cancun)', async () => {
      const { body } = await gql<{
        createCalendar: { id: string; version: number; timeZone: string };
      }>(
        world.api,
        CREATE,
        {
          input: {
            name: 'Aurora (Cancún)',
            timeZone: 'America/Cancun',
            weekly: weekdays([
              { start: '08:00', end: '13:00' },
              { start: '14:00', end: '17:00' },
            ]),
            organizationId: world.orgIds['comercializadora-aurora'],
          },
        },
        manager(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.createCalendar).toMatchObject({ version: 1, timeZone: 'America/Cancun' });
      auroraCalendarId = body.data!.createCalendar.id;

      // Mon 2026-03-02 12:30 Cancun (17:30Z) + 2 h: 30 min before lunch, 1 h 30 after it.
      const { body: d } = await gql<{ businessDeadline: { deadline: string } }>(
        world.api,
        DEADLINE,
        {
          from: '2026-03-02T17:30:00Z',
          amount: 2,
          unit: 'BUSINESS_HOURS',
          calendarId: auroraCalendarId,
        },
      );
      expect(d.data!.businessDeadline.deadline).toBe('2026-03-02T20:30:00.000Z');
    });

    it('refuses a second calendar for the same organization with CONFLICT', async () => {
      const before = await calendarRows();
      const { body } = await gql(
        world.api,
        CREATE,
        {
          input: {
            name: 'Aurora bis',
            timeZone: 'America/Mexico_City',
            weekly: weekdays([{ start: '09:00', end: '18:00' }]),
            organizationId: world.orgIds['comercializadora-aurora'],
          },
        },
        manager(),
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'CALENDAR_TAKEN',
        organization: 'Comercializadora Aurora',
      });
      expect(await calendarRows()).toBe(before);
    });

    it('refuses a name another calendar has, in any case, creating or renaming (CONFLICT)', async () => {
      const taken = (name: string) => ({
        code: 'CONFLICT',
        reason: 'CALENDAR_NAME_TAKEN',
        name,
      });
      const calendars = await calendarRows();
      const { body: dup } = await gql(
        world.api,
        CREATE,
        {
          input: {
            name: '  AURORA (cancún) ',
            timeZone: 'America/Mexico_City',
            weekly: weekdays([{ start: '09:00', end: '18:00' }]),
          },
        },
        manager(),
      );
      expect(dup.errors?.[0]?.extensions).toMatchObject(taken('AURORA (cancún)'));
      expect(await calendarRows()).toBe(calendars);

      const { body: created } = await gql<{ createCalendar: { id: string; version: number } }>(
        world.api,
        CREATE,
        {
          input: {
            name: 'Turno nocturno',
            timeZone: 'America/Mexico_City',
            weekly: weekdays([{ start: '18:00', end: '24:00' }]),
          },
        },
        manager(),
      );
      expect(created.errors).toBeUndefined();
      const { id } = created.data!.createCalendar;
      const versions = await versionRows();
      const { body: renamed } = await gql(
        world.api,
        UPDATE,
        { id, input: { name: 'aurora (Cancún)', timeZone: 'America/Cancun' } },
        world.bearer(Role.ADMIN),
      );
      expect(renamed.errors?.[0]?.extensions).toMatchObject(taken('aurora (Cancún)'));
      expect(await versionRows()).toBe(versions);
      const { body: unchanged } = await gql<{ calendar: { name: string } }>(
        world.api,
        ONE,
        { id },
        manager(),
      );
      expect(unchanged.data!.calendar.name).toBe('Turno nocturno');

      // Its own name in another case is no clash.
      const { body: recased } = await gql<{ updateCalendar: { name: string; version: number } }>(
        world.api,
        UPDATE,
        { id, input: { name: 'Turno Nocturno' } },
        manager(),
      );
      expect(recased.errors).toBeUndefined();
      expect(recased.data!.updateCalendar).toMatchObject({ name: 'Turno Nocturno', version: 2 });
    });

    it.each([
      [
        'overlapping intervals',
        'America/Mexico_City',
        [
          { start: '09:00', end: '14:00' },
          { start: '13:00', end: '18:00' },
        ],
        /overlap/i,
      ],
      [
        'an unknown time zone',
        'Mars/Olympus_Mons',
        [{ start: '09:00', end: '18:00' }],
        /time zone/i,
      ],
      [
        'an end before its start',
        'America/Mexico_City',
        [{ start: '18:00', end: '09:00' }],
        /after/i,
      ],
      ['a malformed time', 'America/Mexico_City', [{ start: '9am', end: '18:00' }], /HH:MM/],
    ])(
      'rejects %s with VALIDATION_FAILED and writes nothing',
      async (_label, timeZone, intervals, message) => {
        const [calendars, versions] = [await calendarRows(), await versionRows()];
        const { body } = await gql(
          world.api,
          CREATE,
          { input: { name: 'Bad', timeZone, weekly: weekdays(intervals) } },
          manager(),
        );
        expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
        expect(body.errors?.[0]?.message).toMatch(message);
        expect([await calendarRows(), await versionRows()]).toEqual([calendars, versions]);
      },
    );

    it("shows client users the default calendar and their own, and hides other organizations'", async () => {
      const aurora = await gql<{ calendars: { id: string }[] }>(
        world.api,
        LIST,
        {},
        world.bearer(Role.CLIENT_USER),
      );
      expect(aurora.body.data!.calendars.map((c) => c.id).sort()).toEqual(
        [DEFAULT_CALENDAR_ID, auroraCalendarId].sort(),
      );
      const tulum = world.bearer(Role.CLIENT_USER, TULUM_ORG);
      const hidden = await gql(world.api, ONE, { id: auroraCalendarId }, tulum);
      expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('access', () => {
    const input = {
      name: 'X',
      timeZone: 'America/Mexico_City',
      weekly: weekdays([{ start: '09:00', end: '18:00' }]),
    };

    it.each([Role.CLIENT_USER, Role.CLIENT_APPROVER, Role.AGENT])(
      'refuses %s with FORBIDDEN',
      async (role) => {
        const before = await calendarRows();
        const { body } = await gql(world.api, CREATE, { input }, world.bearer(role));
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(await calendarRows()).toBe(before);
      },
    );

    it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
      const { body } = await gql(world.api, CREATE, { input });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('edits apply at once and bump the version', () => {
    // Thu 2026-12-10 17:00 CDMX (23:00Z) + 2 business hours → Fri 2026-12-11 10:00 (16:00Z).
    const probe = { from: '2026-12-10T23:00:00Z', amount: 2, unit: 'BUSINESS_HOURS' };
    const ask = async () =>
      (
        await gql<{
          businessDeadline: { deadline: string; calendarVersion: number; explanation: string[] };
        }>(world.api, DEADLINE, probe)
      ).body.data!.businessDeadline;

    it('adds and removes a client holiday on the default calendar', async () => {
      const before = await ask();
      expect(before.deadline).toBe('2026-12-11T16:00:00.000Z');

      const added = await gql<{ addCalendarHoliday: { version: number } }>(
        world.api,
        ADD_HOLIDAY,
        {
          id: DEFAULT_CALENDAR_ID,
          h: { date: '2026-12-11', name: 'Aniversario de la empresa', source: 'CLIENT' },
        },
        manager(),
      );
      expect(added.body.data!.addCalendarHoliday.version).toBe(before.calendarVersion + 1);
      const during = await ask();
      // Friday is closed now: Monday 2026-12-14 10:00 (16:00Z).
      expect(during).toMatchObject({
        deadline: '2026-12-14T16:00:00.000Z',
        calendarVersion: before.calendarVersion + 1,
      });
      expect(during.explanation.some((l) => l.includes('Aniversario de la empresa'))).toBe(true);

      await gql(
        world.api,
        REMOVE_HOLIDAY,
        { id: DEFAULT_CALENDAR_ID, date: '2026-12-11' },
        manager(),
      );
      expect(await ask()).toMatchObject({
        deadline: '2026-12-11T16:00:00.000Z',
        calendarVersion: before.calendarVersion + 2,
      });

      // L3-19, BUSINESS-TIME.md: the change log says what each version changed, as data; the
      // removal names the holiday it took out (its stored text has only the date).
      const log = await gql<{ calendar: { name: string; versions: LoggedVersion[] } }>(
        world.api,
        VERSIONS,
        { id: DEFAULT_CALENDAR_ID },
        manager(),
      );
      const { name, versions } = log.body.data!.calendar;
      const [removal, addition] = versions;
      expect(removal).toMatchObject({
        version: before.calendarVersion + 2,
        change: 'holiday removed: 2026-12-11',
        details: [
          {
            kind: 'HOLIDAY_REMOVED',
            date: '2026-12-11',
            name: 'Aniversario de la empresa',
            source: 'CLIENT',
            calendarName: name,
            version: before.calendarVersion + 2,
          },
        ],
      });
      expect(addition.details).toEqual([
        expect.objectContaining({
          kind: 'HOLIDAY_ADDED',
          date: '2026-12-11',
          name: 'Aniversario de la empresa',
          source: 'CLIENT',
        }),
      ]);
      // The first version was written before changes were kept as data: its text only.
      expect(versions.at(-1)).toMatchObject({ version: 1, details: null });
    });

    it('refuses a holiday on a date that already is one (Navidad, generated) and writes nothing', async () => {
      const versions = await versionRows();
      const { body } = await gql(
        world.api,
        ADD_HOLIDAY,
        {
          id: DEFAULT_CALENDAR_ID,
          h: { date: '2026-12-25', name: 'Navidad otra vez', source: 'CLIENT' },
        },
        manager(),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      // Typed: the web app says which day is already there (not «Los datos no son válidos.»).
      expect(body.errors?.[0]?.extensions).toMatchObject({
        reason: 'DUPLICATE_HOLIDAY',
        date: '2026-12-25',
      });
      expect(body.errors?.[0]?.message).toContain('Navidad (MX_LFT_74)');
      expect(await versionRows()).toBe(versions);
    });

    it('refuses a second holiday on a date a manager already entered, typed, and writes nothing', async () => {
      const h = { date: '2026-10-05', name: 'Aniversario', source: 'CLIENT' };
      const first = await gql(world.api, ADD_HOLIDAY, { id: DEFAULT_CALENDAR_ID, h }, manager());
      expect(first.body.errors).toBeUndefined();
      const versions = await versionRows();
      const { body } = await gql(
        world.api,
        ADD_HOLIDAY,
        { id: DEFAULT_CALENDAR_ID, h: { ...h, name: 'Otra vez' } },
        manager(),
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason: 'DUPLICATE_HOLIDAY',
        date: '2026-10-05',
      });
      expect(await versionRows()).toBe(versions);
      const removed = await gql(
        world.api,
        REMOVE_HOLIDAY,
        { id: DEFAULT_CALENDAR_ID, date: h.date },
        manager(),
      );
      expect(removed.body.errors).toBeUndefined();
    });

    it('applies a half-day override (BUSINESS-TIME.md: Dec 24 09:00–14:00) and removes it', async () => {
      const halfDay = { from: '2025-12-23T22:00:00Z', amount: 9, unit: 'BUSINESS_HOURS' };
      const deadline = async () =>
        (await gql<{ businessDeadline: { deadline: string } }>(world.api, DEADLINE, halfDay)).body
          .data!.businessDeadline.deadline;
      expect(await deadline()).toBe('2025-12-24T22:00:00.000Z'); // full Dec 24: Wed 16:00 local
      const set = await gql<{ setCalendarOverride: { overrides: { date: string }[] } }>(
        world.api,
        SET_OVERRIDE,
        {
          id: DEFAULT_CALENDAR_ID,
          o: {
            date: '2025-12-24',
            intervals: [{ start: '09:00', end: '14:00' }],
            reason: 'Nochebuena',
          },
        },
        manager(),
      );
      expect(set.body.data!.setCalendarOverride.overrides).toEqual([
        { date: '2025-12-24', reason: 'Nochebuena', intervals: [{ start: '09:00', end: '14:00' }] },
      ]);
      expect(await deadline()).toBe('2025-12-26T17:00:00.000Z'); // Fri 2025-12-26 11:00 local
      await gql(
        world.api,
        REMOVE_OVERRIDE,
        { id: DEFAULT_CALENDAR_ID, date: '2025-12-24' },
        manager(),
      );
      expect(await deadline()).toBe('2025-12-24T22:00:00.000Z');
    });

    it('turns generated art. 74 holidays off and on, and keeps every version', async () => {
      // Mon 2026-11-16 (Revolución) is a holiday: Fri 17:00 + 2 h → Tue 10:00.
      const revolucion = { from: '2026-11-13T23:00:00Z', amount: 2, unit: 'BUSINESS_HOURS' };
      const deadline = async () =>
        (await gql<{ businessDeadline: { deadline: string } }>(world.api, DEADLINE, revolucion))
          .body.data!.businessDeadline.deadline;
      expect(await deadline()).toBe('2026-11-17T16:00:00.000Z');
      const off = await gql<{ updateCalendar: { holidaySources: string[] } }>(
        world.api,
        UPDATE,
        { id: DEFAULT_CALENDAR_ID, input: { mexicoLft74Holidays: false } },
        manager(),
      );
      expect(off.body.data!.updateCalendar.holidaySources).toEqual([]);
      expect(await deadline()).toBe('2026-11-16T16:00:00.000Z');
      await gql(
        world.api,
        UPDATE,
        { id: DEFAULT_CALENDAR_ID, input: { mexicoLft74Holidays: true } },
        manager(),
      );
      expect(await deadline()).toBe('2026-11-17T16:00:00.000Z');

      const { body } = await gql<{
        calendar: { holidays: { date: string }[]; versions: { version: number; change: string }[] };
      }>(world.api, ONE, { id: DEFAULT_CALENDAR_ID }, manager());
      expect(body.data!.calendar.holidays.map((h) => h.date)).toEqual([
        '2026-01-01',
        '2026-02-02',
        '2026-03-16',
        '2026-05-01',
        '2026-09-16',
        '2026-11-16',
        '2026-12-25',
      ]);
      const versions = body.data!.calendar.versions.map((v) => v.version);
      expect(versions).toEqual([...versions].sort((a, b) => b - a));
      expect(versions.at(-1)).toBe(1);
      expect(body.data!.calendar.versions[0].change).toContain('mexicoLft74Holidays');
    });
  });

  describe('a past version, e.g. the one a deadline was computed on (L3-05)', () => {
    const AT = `query ($id: ID!, $version: Int) {
      calendar(id: $id, version: $version) { id version holidays(year: 2026) { date name } }
    }`;
    type AtVersion = { calendar: { version: number; holidays: { date: string; name: string }[] } };
    const addHoliday = async (id: string, date: string, name: string) => {
      const { body } = await gql<{ addCalendarHoliday: { version: number } }>(
        world.api,
        ADD_HOLIDAY,
        { id, h: { date, name, source: 'CLIENT' } },
        manager(),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.addCalendarHoliday.version;
    };
    // A provider-wide calendar of its own (not the default, which other tests edit), with one
    // holiday entered at v2 and a second one at v3, after a deadline was computed on v2.
    let calendarId: string;
    let explained: { calendarVersion: number; explanation: string[] };

    beforeAll(async () => {
      const { body } = await gql<{ createCalendar: { id: string } }>(
        world.api,
        CREATE,
        {
          input: {
            name: 'Versiones',
            timeZone: 'America/Mexico_City',
            weekly: weekdays([{ start: '09:00', end: '18:00' }]),
            // Entered holidays only, so each version's list is short and its own.
            mexicoLft74Holidays: false,
          },
        },
        manager(),
      );
      calendarId = body.data!.createCalendar.id;
      await addHoliday(calendarId, '2026-12-11', 'Aniversario');
      // Thu 2026-12-10 17:00 CDMX + 2 business hours skips Friday the 11th (Aniversario).
      explained = (
        await gql<{ businessDeadline: { calendarVersion: number; explanation: string[] } }>(
          world.api,
          DEADLINE,
          { from: '2026-12-10T23:00:00Z', amount: 2, unit: 'BUSINESS_HOURS', calendarId },
        )
      ).body.data!.businessDeadline;
      expect(await addHoliday(calendarId, '2026-12-14', 'Cierre anual')).toBe(
        explained.calendarVersion + 1,
      );
    });

    it("shows the holidays of the version the deadline names, not the newest version's", async () => {
      const { body } = await gql<AtVersion>(
        world.api,
        AT,
        { id: calendarId, version: explained.calendarVersion },
        manager(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.calendar).toMatchObject({
        version: explained.calendarVersion,
        holidays: [{ date: '2026-12-11', name: 'Aniversario' }],
      });
      // The explanation and the holidays shown with it agree.
      expect(explained.explanation.some((l) => l.includes('Aniversario'))).toBe(true);
      expect(explained.explanation.some((l) => l.includes('Cierre anual'))).toBe(false);

      const current = await gql<AtVersion>(world.api, AT, { id: calendarId }, manager());
      expect(current.body.data!.calendar).toMatchObject({
        version: explained.calendarVersion + 1,
        holidays: [
          { date: '2026-12-11', name: 'Aniversario' },
          { date: '2026-12-14', name: 'Cierre anual' },
        ],
      });
    });

    it('answers a version that never existed NOT_FOUND, and hides it as the calendar itself', async () => {
      const missing = await gql(world.api, AT, { id: calendarId, version: 99 }, manager());
      expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      // A client user sees neither the current nor a past version of a calendar not theirs.
      const client = world.bearer(Role.CLIENT_USER);
      const hidden = await gql(world.api, AT, { id: calendarId, version: 1 }, client);
      expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('reads a past version from the stored ones on a cold cache (a restarted or second API), once', async () => {
      // A fresh service has compiled nothing, as after a restart or on another API instance.
      const cold = new CalendarsService(world.db);
      const queries = jest.spyOn(world.db, 'query');
      try {
        const [v2, again] = await Promise.all([
          cold.atVersion(calendarId, explained.calendarVersion),
          cold.atVersion(calendarId, explained.calendarVersion),
        ]);
        const cached = await cold.atVersion(calendarId, explained.calendarVersion);
        expect(v2.version).toBe(explained.calendarVersion);
        expect(v2.stored.holidays.map((h) => h.date)).toEqual(['2026-12-11']);
        expect([again, cached]).toEqual([v2, v2]);
        // One query for the missing version, shared by both callers; none once it is cached.
        expect(queries).toHaveBeenCalledTimes(1);
      } finally {
        queries.mockRestore();
      }
      await expect(cold.atVersion(calendarId, 99)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('two creations for one client at once', () => {
    it('answers the one that comes second CONFLICT, as when it comes after, not INTERNAL', async () => {
      const tulum = world.orgIds['grupo-industrial-tulum'];
      // Another creation for Tulum, written but not yet committed when this one counts.
      const other = world.db.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query(
          `INSERT INTO business_calendar (name, organization_id) VALUES ('Tulum (otra pestaña)', $1)`,
          [tulum],
        );
        const second = gql<{ createCalendar: { id: string } }>(
          world.api,
          CREATE,
          {
            input: {
              name: 'Tulum',
              timeZone: 'America/Cancun',
              weekly: weekdays([{ start: '09:00', end: '18:00' }]),
              organizationId: tulum,
            },
          },
          manager(),
        );
        // It counted none and now waits on the unique index for the other one to end.
        await someoneWaitsForRowLock(world.db, 'business_calendar');
        await other.commitTransaction();
        const { body } = await second;
        expect(body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        expect(body.errors?.[0]?.message).toBe(
          'Organization Grupo Industrial Tulum already has a calendar',
        );
        const names = await world.db.query<{ name: string }[]>(
          'SELECT name FROM business_calendar WHERE organization_id = $1',
          [tulum],
        );
        expect(names).toEqual([{ name: 'Tulum (otra pestaña)' }]);
      } finally {
        if (other.isTransactionActive) await other.rollbackTransaction();
        await other.release();
        await world.db.query('DELETE FROM business_calendar WHERE organization_id = $1', [tulum]);
      }
    });
  });
});
