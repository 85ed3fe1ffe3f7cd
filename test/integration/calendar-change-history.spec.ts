import { defaultMexicoCityCalendar, localDateOf } from '../../src/business-time/engine';
import { Locale } from '../../src/identity/locale.enum';
import { Role } from '../../src/identity/role.enum';
import { RecipientDates } from '../../src/notifications/templates/format';
import { type CaughtMail, outboxRowsOf, sentExactly } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';

// BUSINESS-TIME.md, L3-06 (L3-19: a changed date is shown with old and new value): «Plazo
// recalculado … por un cambio en el calendario» did not say WHICH change. A manager adds a holiday
// to a client's own calendar while the client has an open ticket: the ticket's history, read over
// GraphQL by the client, names the holiday, its date, the calendar and both deadlines; removing it
// names the removal. The ticket's workflow commands are unchanged (the calendar version says what
// changed). L3-19, L3-11: the registrant, told the deadline and the closing date by email before,
// is emailed each move once, with both dates and the change's name (QA S52: a holiday moved the
// dates and emailed nobody, so the «Ticket resuelto» email's closing date went stale).

const CALENDAR = 'Aurora CDMX';
const HOLIDAY = 'Día de la Revolución';
const REGISTRANT = 'usuario@aurora.example';
const DATES = new RecipientDates(Locale.ES_MX, 'America/Mexico_City');

interface Change {
  version: number;
  calendarName: string;
  kind: string;
  date: string | null;
  name: string | null;
  source: string | null;
}
interface Event {
  seq: number;
  type: string;
  data: string;
  calendarChanges: Change[] | null;
}
const HISTORY = `query ($number: String!) { ticket(number: $number) {
  clocks { kind deadline calendarVersion }
  timeline { seq type data calendarChanges { version calendarName kind date name source } } } }`;

describe('«Plazo recalculado» names the calendar change that moved the deadline (L3-06, BUSINESS-TIME.md)', () => {
  const world = useWorldWithWorker('calendar-change-history');
  const client = () => world.bearer(Role.CLIENT_USER);
  const manager = () => world.bearer(Role.MANAGER);
  let calendarId: string;
  let number: string;
  let triageBefore: string;
  let date: string;

  const history = async () => {
    const { body } = await gql<{
      ticket: { clocks: { kind: string; deadline: string | null }[]; timeline: Event[] };
    }>(world.api, HISTORY, { number }, client());
    expect(body.errors).toBeUndefined();
    return body.data!.ticket;
  };
  /** The DEADLINE_MOVED emails of this spec's ticket, once `count` were sent, each caught once. */
  const movedEmails = async (count: number): Promise<CaughtMail[]> => {
    const rows = outboxRowsOf(world, 'DEADLINE_MOVED');
    const mails = await sentExactly(
      async () => (await rows()).filter((r) => r.event_key.startsWith(`ticket-${number}:`)),
      count,
    );
    for (const mail of mails) expect(mail.to).toEqual([REGISTRANT]);
    return mails;
  };
  const recomputes = (timeline: Event[]) =>
    timeline.filter(
      (e) =>
        e.type === 'CLOCK_RECOMPUTED' &&
        (JSON.parse(e.data) as { kind?: string }).kind === 'triage',
    );

  beforeAll(async () => {
    const { body } = await gql<{ createCalendar: { id: string } }>(
      world.api,
      `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
      {
        input: {
          name: CALENDAR,
          timeZone: 'America/Mexico_City',
          weekly: [1, 2, 3, 4, 5].map((weekday) => ({
            weekday,
            intervals: [{ start: '09:00', end: '18:00' }],
          })),
          organizationId: world.orgIds['comercializadora-aurora'],
          mexicoLft74Holidays: true,
        },
      },
      manager(),
    );
    expect(body.errors).toBeUndefined();
    calendarId = body.data!.createCalendar.id;
    number = await registerTicket(world, { subject: 'Plazo y feriado' });
    const triage = (t: { clocks: { kind: string; deadline: string | null }[] }) =>
      t.clocks.find((c) => c.kind === 'triage')?.deadline;
    triageBefore = triage(await eventually(history, (t) => !!triage(t)))!;
    // The triage deadline's own local date becomes a holiday: the deadline must move.
    date = localDateOf(
      defaultMexicoCityCalendar(2026, 2031),
      new Date(Date.parse(triageBefore) - 1),
    );
  });

  it('a holiday added: the client reads its name, date and calendar, and the old and new deadline', async () => {
    const { body } = await gql<{ addCalendarHoliday: { version: number } }>(
      world.api,
      `mutation ($id: ID!, $h: CalendarHolidayInput!) { addCalendarHoliday(calendarId: $id, holiday: $h) { version } }`,
      { id: calendarId, h: { date, name: HOLIDAY, source: 'CLIENT' } },
      manager(),
    );
    expect(body.errors).toBeUndefined();
    const version = body.data!.addCalendarHoliday.version;

    const ticket = await eventually(history, (t) => recomputes(t.timeline).length === 1);
    const [event] = recomputes(ticket.timeline);
    const data = JSON.parse(event.data) as {
      deadline: string;
      previousDeadline: string;
      calendarVersion: number;
      previousCalendarVersion: number;
    };
    expect(data.previousDeadline).toBe(triageBefore);
    expect(Date.parse(data.deadline)).toBeGreaterThan(Date.parse(triageBefore));
    expect(data.deadline).toBe(ticket.clocks.find((c) => c.kind === 'triage')!.deadline);
    expect([data.previousCalendarVersion, data.calendarVersion]).toEqual([version - 1, version]);
    expect(event.calendarChanges).toEqual([
      {
        version,
        calendarName: CALENDAR,
        kind: 'HOLIDAY_ADDED',
        date,
        name: HOLIDAY,
        source: 'CLIENT',
      },
    ]);
    // L3-19: the registrant is told once, with both deadlines and the holiday that moved it.
    const [mail] = await movedEmails(1);
    expect(mail.subject).toContain(`[${number}] Nuevo plazo de atención inicial: `);
    expect(mail.text).toContain(`Antes: ${DATES.instant(triageBefore)}`);
    expect(mail.text).toContain(`Ahora: ${DATES.instant(data.deadline)}`);
    expect(mail.text).toContain(
      `El cambio (calendario «${CALENDAR}»):\n> Se agregó el día festivo «${HOLIDAY}» (`,
    );
    // Every other event has none.
    expect(
      ticket.timeline.filter((e) => e.type !== 'CLOCK_RECOMPUTED').map((e) => e.calendarChanges),
    ).toEqual(ticket.timeline.filter((e) => e.type !== 'CLOCK_RECOMPUTED').map(() => null));
  });

  it('the holiday removed: the next recompute names the removal, with the holiday’s name', async () => {
    const { body } = await gql<{ removeCalendarHoliday: { version: number } }>(
      world.api,
      `mutation ($id: ID!, $date: String!) { removeCalendarHoliday(calendarId: $id, date: $date) { version } }`,
      { id: calendarId, date },
      manager(),
    );
    expect(body.errors).toBeUndefined();
    const version = body.data!.removeCalendarHoliday.version;
    const ticket = await eventually(history, (t) => recomputes(t.timeline).length === 2);
    const [added, removed] = recomputes(ticket.timeline);
    const data = JSON.parse(removed.data) as { deadline: string; previousDeadline: string };
    expect(data.previousDeadline).toBe((JSON.parse(added.data) as { deadline: string }).deadline);
    expect(data.deadline).toBe(triageBefore);
    expect(removed.calendarChanges).toEqual([
      {
        version,
        calendarName: CALENDAR,
        kind: 'HOLIDAY_REMOVED',
        date,
        name: HOLIDAY,
        source: 'CLIENT',
      },
    ]);
    // The first line still names the holiday added.
    expect(added.calendarChanges?.map((c) => c.kind)).toEqual(['HOLIDAY_ADDED']);
    // The deadline moved back: told too, naming the removal; the first email not sent again.
    const [, back] = await movedEmails(2);
    expect(back.text).toContain(`Ahora: ${DATES.instant(triageBefore)}`);
    expect(back.text).toContain(`> Se quitó el día festivo «${HOLIDAY}» (`);
  });

  it('the calendar’s change log keeps the changes as data for the history', async () => {
    const rows = await world.db.query<{ version: number; details: unknown }[]>(
      `SELECT version, details FROM business_calendar_version WHERE calendar_id = $1 ORDER BY version`,
      [calendarId],
    );
    expect(rows).toEqual([
      { version: 1, details: null },
      { version: 2, details: [{ kind: 'HOLIDAY_ADDED', date, name: HOLIDAY, source: 'CLIENT' }] },
      { version: 3, details: [{ kind: 'HOLIDAY_REMOVED', date, name: HOLIDAY, source: 'CLIENT' }] },
    ]);
  });

  it('a moved automatic closure names the change too (SCHEDULE_RECOMPUTED; L3-07, L3-06)', async () => {
    const agent = () => world.bearer(Role.AGENT);
    const act = async (mutation: string, input: Record<string, unknown>, type: string) => {
      const { body } = await gql(
        world.api,
        `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq } }`,
        { input },
        agent(),
      );
      expect(body.errors).toBeUndefined();
    };
    await act('classifyTicket', { number, classification: 'PROBLEM' }, 'ClassifyTicketInput');
    await act('addProgressUpdate', { number, note: 'Revisado.' }, 'TicketActionInput');
    await act('resolveTicket', { number, note: 'Corregido.' }, 'TicketActionInput');
    const closing = async () => {
      const { body } = await gql<{ ticket: { autoCloseAt: string | null } }>(
        world.api,
        `query ($number: String!) { ticket(number: $number) { autoCloseAt } }`,
        { number },
        client(),
      );
      return body.data!.ticket.autoCloseAt;
    };
    const closeAt = (await eventually(closing, (at) => at !== null))!;
    // The closing day becomes a holiday of the client's calendar: the closure moves.
    const closeDate = localDateOf(
      defaultMexicoCityCalendar(2026, 2031),
      new Date(Date.parse(closeAt) - 1),
    );
    const HOLIDAY_2 = 'Aniversario de Aurora';
    const { body } = await gql<{ addCalendarHoliday: { version: number } }>(
      world.api,
      `mutation ($id: ID!, $h: CalendarHolidayInput!) { addCalendarHoliday(calendarId: $id, holiday: $h) { version } }`,
      { id: calendarId, h: { date: closeDate, name: HOLIDAY_2, source: 'CLIENT' } },
      manager(),
    );
    expect(body.errors).toBeUndefined();
    const version = body.data!.addCalendarHoliday.version;
    const moved = (t: { timeline: Event[] }) =>
      t.timeline.filter((e) => e.type === 'SCHEDULE_RECOMPUTED');
    const ticket = await eventually(history, (t) => moved(t).length === 1);
    const [event] = moved(ticket);
    const data = JSON.parse(event.data) as {
      autoCloseAt: { from: string; to: string };
      calendarVersion: number;
      previousCalendarVersion: number;
    };
    expect(data.autoCloseAt.from).toBe(closeAt);
    expect(Date.parse(data.autoCloseAt.to)).toBeGreaterThan(Date.parse(closeAt));
    expect([data.previousCalendarVersion, data.calendarVersion]).toEqual([version - 1, version]);
    // L3-07, L3-19: the «Ticket resuelto» email named the closing date: the new one is emailed.
    const [, , closedOn] = await movedEmails(3);
    expect(closedOn.subject).toContain('Nueva fecha de cierre automático: ');
    expect(closedOn.text).toContain(`Antes: ${DATES.instant(closeAt)}`);
    expect(closedOn.text).toContain(`Ahora: ${DATES.instant(data.autoCloseAt.to)}`);
    expect(closedOn.text).toContain(`> Se agregó el día festivo «${HOLIDAY_2}» (`);
    // The client reads which change moved it: the holiday, its date and the calendar.
    expect(event.calendarChanges).toEqual([
      {
        version,
        calendarName: CALENDAR,
        kind: 'HOLIDAY_ADDED',
        date: closeDate,
        name: HOLIDAY_2,
        source: 'CLIENT',
      },
    ]);
  });
});
