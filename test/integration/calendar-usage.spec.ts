import { Role } from '../../src/identity/role.enum';
import { insertReadModelTicket } from '../support/read-model-ticket';
import { useLedgerWorld } from '../support/world-with-worker';

// BUSINESS-TIME.md, L3-19 (QA S53): what the calendar screens' confirmations say a change reaches.
// A ticket keeps the calendar it was registered with, so a client given a calendar of its own
// still has its open tickets on the default one: it is counted there too (the default read «rige
// a 1 cliente y a 4 tickets abiertos», 2 of them another client's). And the release dates
// published on a calendar, still ahead, are listed: a holiday on their day does not move them,
// so the confirmation names them for the agent to adjust. QA S54: the confirmations counted the
// clients without naming them; the first five are named, alphabetically.

const USAGE = `query ($id: ID!) { calendar(id: $id) {
  usage { clients clientNames openTickets publishedDeliveries { ticketNumber releaseDate } } } }`;

interface Usage {
  clients: number;
  clientNames: string[];
  openTickets: number;
  publishedDeliveries: { ticketNumber: string; releaseDate: string }[];
}

describe('whom a calendar change reaches (BUSINESS-TIME.md, L3-19)', () => {
  const { world, ok } = useLedgerWorld('calendar-usage');
  let defaultId: string;
  const usage = async (id: string, as: Role = Role.MANAGER): Promise<Usage | null> =>
    (await ok<{ calendar: { usage: Usage | null } }>(USAGE, { id }, as)).calendar.usage;
  const clientsWithoutCalendar = async () =>
    (
      await world.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM organization o WHERE o.kind = 'CLIENT'
            AND NOT EXISTS (SELECT 1 FROM business_calendar c WHERE c.organization_id = o.id)`,
      )
    )[0].n;

  beforeAll(async () => {
    [{ id: defaultId }] = await world.db.query<{ id: string }[]>(
      'SELECT id FROM business_calendar WHERE is_default',
    );
  });

  it('lists the release dates still ahead on it, soonest first; past and unpublished ones not', async () => {
    const later = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const sooner = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString();
    for (const [n, state, date] of [
      ['L3-2024-000901', 'RELEASE_DATE_SET', later],
      ['L3-2024-000902', 'IN_DEVELOPMENT', sooner],
      ['L3-2024-000903', 'RELEASE_DATE_SET', past],
      ['L3-2024-000904', 'RELEASED_FOR_TESTING', later],
    ] as const) {
      await insertReadModelTicket(world.db, n, defaultId, 'Reporte', state);
      await world.db.query('UPDATE ticket SET release_date = $2 WHERE number = $1', [n, date]);
    }
    const u = (await usage(defaultId))!;
    expect(u.publishedDeliveries).toEqual([
      { ticketNumber: 'L3-2024-000902', releaseDate: sooner },
      { ticketNumber: 'L3-2024-000901', releaseDate: later },
    ]);
    expect(u.openTickets).toBe(4);
    // Clients read no usage (provider staff only).
    expect(await usage(defaultId, Role.CLIENT_USER)).toBeNull();
  });

  it('a client given its own calendar is still counted on the default while its open tickets are there', async () => {
    const before = (await usage(defaultId))!;
    expect(before.clients).toBe(await clientsWithoutCalendar());
    await ok(`mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`, {
      input: {
        name: 'Aurora propio',
        timeZone: 'America/Mexico_City',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({
          weekday,
          intervals: [{ start: '09:00', end: '18:00' }],
        })),
        organizationId: world.orgIds['comercializadora-aurora'],
      },
    });
    // Aurora no longer lacks a calendar, but its four open tickets stay on the default.
    expect(await clientsWithoutCalendar()).toBe(before.clients - 1);
    const after = (await usage(defaultId))!;
    expect(after.clients).toBe(before.clients);
    expect(after.clientNames).toEqual(before.clientNames);
    // Its own calendar governs it alone, by name.
    const [{ id: own, aurora }] = await world.db.query<{ id: string; aurora: string }[]>(
      `SELECT c.id, o.name AS aurora FROM business_calendar c
         JOIN organization o ON o.id = c.organization_id WHERE o.id = $1`,
      [world.orgIds['comercializadora-aurora']],
    );
    expect(await usage(own)).toMatchObject({ clients: 1, clientNames: [aurora] });
  });

  it('names the first five clients reached, alphabetically, and counts them all', async () => {
    // Six more clients without a calendar of their own: the default governs them too.
    const added = ['Zeta', 'Alfa', 'Eco', 'Delta', 'Bravo', 'Charlie'].map((n) => `${n} QA S54`);
    for (const name of added) {
      await world.db.query(
        `INSERT INTO organization (name, kind, slug) VALUES ($1, 'CLIENT', $2)`,
        [name, name.toLowerCase().replace(/ /g, '-')],
      );
    }
    const u = (await usage(defaultId))!;
    expect(u.clients).toBe((await clientsWithoutCalendar()) + 1); // + Aurora, by its open tickets
    expect(u.clients).toBeGreaterThan(5);
    expect(u.clientNames).toHaveLength(5);
    // «Alfa…» sorts first of every name here; the five are in order.
    expect(u.clientNames[0]).toBe('Alfa QA S54');
    expect([...u.clientNames].sort((a, b) => a.localeCompare(b))).toEqual(u.clientNames);
    expect(u.clientNames).not.toContain('Zeta QA S54');
  });

  it('a holiday added on a published delivery’s day flags it in the queue and the work list, for the agent to adjust', async () => {
    const [{ id: own }] = await world.db.query<{ id: string }[]>(
      'SELECT id FROM business_calendar WHERE organization_id = $1',
      [world.orgIds['comercializadora-aurora']],
    );
    // Noon, Mexico City, on a weekday at least a week ahead (no LFT holiday checked: the new
    // calendar has none).
    const day = new Date(Date.now() + 7 * 86_400_000);
    while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    const number = 'L3-2024-000911';
    await insertReadModelTicket(world.db, number, own, 'Entrega', 'RELEASE_DATE_SET');
    await world.db.query('UPDATE ticket SET release_date = $2 WHERE number = $1', [
      number,
      `${date}T18:00:00.000Z`,
    ]);
    const flagged = async () => {
      const { clientQueue, workList } = await ok<{
        clientQueue: { entries: { ticketNumber: string; deliveryOnClosedDay: boolean }[] };
        workList: { ticketNumber: string; deliveryOnClosedDay: boolean }[];
      }>(
        `query ($org: ID) { clientQueue(organizationId: $org) { entries { ticketNumber deliveryOnClosedDay } }
           workList(first: 100) { ticketNumber deliveryOnClosedDay } }`,
        { org: world.orgIds['comercializadora-aurora'] },
      );
      return [clientQueue.entries, workList].map(
        (list) => list.find((e) => e.ticketNumber === number)?.deliveryOnClosedDay,
      );
    };
    // The ticket itself says so to provider staff (QA S59: the agent's page said nothing).
    const onTicket = async (as: Role) =>
      (
        await ok<{ ticket: { releaseDateOnClosedDay: boolean | null } }>(
          `query ($n: String!) { ticket(number: $n) { releaseDateOnClosedDay } }`,
          { n: number },
          as,
        )
      ).ticket.releaseDateOnClosedDay;
    expect(await flagged()).toEqual([false, false]);
    expect(await onTicket(Role.AGENT)).toBe(false);
    await ok(
      `mutation ($id: ID!, $h: CalendarHolidayInput!) { addCalendarHoliday(calendarId: $id, holiday: $h) { version } }`,
      { id: own, h: { date, name: 'Inventario anual', source: 'CLIENT' } },
    );
    expect(await flagged()).toEqual([true, true]);
    expect(await onTicket(Role.AGENT)).toBe(true);
    expect(await onTicket(Role.MANAGER)).toBe(true);
    // Not the client's to read: it was told the date, which moves when the agent adjusts it.
    expect(await onTicket(Role.CLIENT_USER)).toBeNull();

    // The agents are emailed, in the edit's transaction, naming what closed it; the client not.
    const warnings = () =>
      world.db.query<{ recipient_address: string; subject: string; text: string }[]>(
        `SELECT recipient_address, subject, text FROM email_outbox
          WHERE ticket_number = $1 AND event_type = 'PROVIDER_RELEASE_ON_CLOSED_DAY'
          ORDER BY recipient_address`,
        [number],
      );
    const told = await warnings();
    const agents = await world.db.query<{ email: string }[]>(
      `SELECT email FROM app_user WHERE 'AGENT' = ANY(roles) AND active ORDER BY email`,
    );
    expect(told.map((w) => w.recipient_address)).toEqual(agents.map((a) => a.email));
    expect(told.length).toBeGreaterThan(0);
    for (const w of told) {
      expect(w.subject).toMatch(
        /^\[L3-2024-000911\] (Entrega en día inhábil|Delivery on a closed day): Entrega$/,
      );
      expect(w.text).toContain('Inventario anual');
    }
    // Another edit that leaves it closed tells nobody again.
    const later = new Date(day.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    await ok(
      `mutation ($id: ID!, $h: CalendarHolidayInput!) { addCalendarHoliday(calendarId: $id, holiday: $h) { version } }`,
      { id: own, h: { date: later, name: 'Otro inventario', source: 'CLIENT' } },
    );
    expect(await warnings()).toHaveLength(told.length);
  });
});
