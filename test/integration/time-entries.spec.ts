import {
  defaultMexicoCityCalendar,
  localDateOf,
  MEXICO_CITY_TIME_ZONE,
} from '../../src/business-time/engine';
import { DomainError } from '../../src/common/errors/domain-error';
import { HourLedgerService } from '../../src/contracts/hour-ledger.service';
import { localToday } from '../../src/contracts/local-date';
import { Role } from '../../src/identity/role.enum';
import { mexicoCityEveningDays, nextDay } from '../support/calendar-month';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';

// Issue 9 item 3: a ticket lists its time entries (L3-12: work charged to the authorized
// estimate; L3-13: the client sees the hours consumed), newest first, with the balance after each.

interface Entry {
  id: string;
  date: string;
  hours: number;
  chargedHours: number;
  description: string;
  agentId: string;
  agentName: string | null;
  balance: { consumed: number; balance: number };
}
const TIME_FIELDS = `id date hours chargedHours description agentId agentName balance { consumed balance }`;
const GET = `query ($number: String!) { ticket(number: $number) {
  number chargedHours timeEntries { ${TIME_FIELDS} } } }`;
const LOG = `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { ${TIME_FIELDS} } }`;

describe('A ticket’s time entries through GraphQL (L3-12, L3-13)', () => {
  const world = useWorldWithWorker('time-entries');
  const as = (role: Role, org?: string) => world.bearer(role, org);

  const { scheduledRequirement } = ticketJourneys(world);
  async function read(role: Role, number: string, org?: string) {
    const { body } = await gql<{ ticket: { chargedHours: number; timeEntries: Entry[] } }>(
      world.api,
      GET,
      { number },
      as(role, org),
    );
    return { ticket: body.data?.ticket, error: body.errors?.[0] };
  }
  async function log(input: Record<string, unknown>) {
    const { body } = await gql<{ logTicketTime: Entry }>(world.api, LOG, { input }, as(Role.AGENT));
    return { entry: body.data?.logTicketTime, error: body.errors?.[0] };
  }

  /** Registered by the client, classified and estimated by the agent, authorized by the approver. */
  const authorizedRequirement = (hours: number) =>
    scheduledRequirement({
      subject: 'Reporte de horas',
      description: 'Un reporte de ventas por zona.',
      hours,
      scope: 'Reporte por zona',
      statement: `Autorizo las ${hours} horas del reporte.`,
    });

  it('lists the entries newest first, to staff and to the client, and a refused log adds nothing', async () => {
    const number = await authorizedRequirement(4);
    const empty = await read(Role.AGENT, number);
    expect(empty.error).toBeUndefined();
    expect(empty.ticket).toMatchObject({ chargedHours: 0, timeEntries: [] });

    const today = localDateOf(
      defaultMexicoCityCalendar(new Date().getUTCFullYear(), new Date().getUTCFullYear() + 1),
      new Date(),
    );
    const first = await log({
      number,
      date: today,
      hours: 1.5,
      description: 'Consulta de ventas',
      requestId: 'time-entry-0001',
    });
    expect(first.error).toBeUndefined();
    const second = await log({
      number,
      date: today,
      hours: 2,
      description: 'Filtros por zona',
      requestId: 'time-entry-0002',
    });
    expect(second.error).toBeUndefined();

    // L3-12: 0.5 h remain of the 4 authorized; 1 h more is refused and nothing is written.
    const beyond = await log({
      number,
      date: today,
      hours: 1,
      description: 'Exportación',
      requestId: 'time-entry-0003',
    });
    expect(beyond.error?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'EXCEEDS_AUTHORIZED_ESTIMATE',
    });

    const staff = await read(Role.AGENT, number);
    expect(staff.error).toBeUndefined();
    const entries = staff.ticket!.timeEntries;
    expect(entries.map((e) => [e.hours, e.chargedHours, e.description, e.date])).toEqual([
      [2, 2, 'Filtros por zona', today],
      [1.5, 1.5, 'Consulta de ventas', today],
    ]);
    expect(entries.map((e) => e.id)).toEqual([second.entry!.id, first.entry!.id]);
    expect(staff.ticket!.chargedHours).toBe(3.5);
    // Each entry carries the balance right after it, as the log answered then.
    expect(entries[0].balance).toEqual(second.entry!.balance);
    expect(entries[1].balance).toEqual(first.entry!.balance);
    expect(entries[1].balance.consumed - entries[0].balance.consumed).toBeCloseTo(-2, 2);
    expect(entries[0].agentName).toEqual(expect.any(String));

    // L3-13: the client of the ticket's own organization sees the same entries.
    const client = await read(Role.CLIENT_USER, number);
    expect(client.error).toBeUndefined();
    expect(client.ticket).toEqual(staff.ticket);

    // Another organization: the ticket itself is NOT_FOUND, never a hint.
    const other = await read(Role.CLIENT_USER, number, TULUM_ORG);
    expect(other.error?.extensions?.code).toBe('NOT_FOUND');
    expect(other.ticket).toBeFalsy();
  });

  it('L3-12: a work date after today in the ticket’s calendar zone is IN_FUTURE and writes nothing; an agent east of it may log their own today', async () => {
    const number = await authorizedRequirement(4);
    const ledger = world.api.app.get(HourLedgerService);
    const [{ organization_id: organizationId, agent_id: agentId }] = await world.db.query<
      { organization_id: string; agent_id: string }[]
    >(
      `SELECT t.organization_id, u.id AS agent_id FROM ticket t, app_user u
         JOIN organization o ON o.id = u.organization_id AND o.kind = 'PROVIDER'
        WHERE t.number = $1 ORDER BY u.email LIMIT 1`,
      [number],
    );
    /** The ticket's time entries and ledger entries. */
    const written = async () =>
      (
        await world.db.query<{ n: number }[]>(
          `SELECT ((SELECT count(*) FROM time_entry WHERE ticket_number = $1)
                 + (SELECT count(*) FROM hour_ledger_entry WHERE ticket_number = $1))::int AS n`,
          [number],
        )
      )[0].n;
    // The ticket counts on the default calendar (Mexico City, UTC−6): at its last 20:00 already
    // past, UTC is on the next day, so UTC's date says nothing about the ticket's today.
    const { evening, day, tomorrow, dayAfter } = mexicoCityEveningDays();
    // The spec stands at that evening: the ticket was registered by then (work is logged only
    // from the day it was registered, L3-12).
    await world.db.query(`UPDATE ticket SET registered_at = $2 WHERE number = $1`, [
      number,
      new Date(evening.getTime() - 3_600_000),
    ]);
    let request = 0;
    const logAt = (date: string, agentTimeZone: string) =>
      ledger.logTime(
        {
          organizationId,
          ticketNumber: number,
          date,
          hours: 1,
          description: `Trabajo del ${date}`,
          agentId,
          agentTimeZone,
          idempotencyKey: `${number}:work-date:${(request += 1)}`,
        },
        evening,
      );
    const refusal = async (date: string, agentTimeZone: string) => {
      const before = await written();
      const err = await logAt(date, agentTimeZone).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(await written()).toBe(before);
      return err instanceof DomainError ? [err.code, err.details] : err;
    };
    const inFuture = (date: string) => [
      'VALIDATION_FAILED',
      { reason: 'IN_FUTURE', field: 'date', value: date },
    ];

    // An agent in the calendar's zone: neither the day after tomorrow nor tomorrow has come.
    expect(await refusal(dayAfter, MEXICO_CITY_TIME_ZONE)).toEqual(inFuture(dayAfter));
    expect(await refusal(tomorrow, MEXICO_CITY_TIME_ZONE)).toEqual(inFuture(tomorrow));
    const today = await logAt(day, MEXICO_CITY_TIME_ZONE);
    expect(today.timeEntry.workDate).toBe(day);
    // In Tokyo it is 11:00 the next morning: that day is the agent's today, the one after is not.
    const east = await logAt(tomorrow, 'Asia/Tokyo');
    expect(east.timeEntry.workDate).toBe(tomorrow);
    expect(await refusal(dayAfter, 'Asia/Tokyo')).toEqual(inFuture(dayAfter));

    // Through the API, on the real clock: tomorrow in the ticket's zone is refused the same way.
    const before = await written();
    const refused = await log({
      number,
      date: nextDay(localToday(MEXICO_CITY_TIME_ZONE), 1),
      hours: 1,
      description: 'Mañana',
      requestId: 'time-entry-tomorrow',
    });
    expect(refused.error?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'IN_FUTURE',
      field: 'date',
    });
    expect(await written()).toBe(before);
  });

  it('L3-12: a work date before the ticket was registered is BEFORE_REGISTRATION and writes nothing', async () => {
    const number = await authorizedRequirement(4);
    const count = async () =>
      (
        await world.db.query<{ n: number }[]>(
          `SELECT ((SELECT count(*) FROM time_entry WHERE ticket_number = $1)
                 + (SELECT count(*) FROM hour_ledger_entry WHERE ticket_number = $1))::int AS n`,
          [number],
        )
      )[0].n;
    const before = await count();
    const [{ registered_at: registeredAt }] = await world.db.query<{ registered_at: Date }[]>(
      'SELECT registered_at FROM ticket WHERE number = $1',
      [number],
    );
    const registeredDay = localToday(MEXICO_CITY_TIME_ZONE, registeredAt);
    const dayBefore = nextDay(registeredDay, -1);
    const refused = await log({
      number,
      date: dayBefore,
      hours: 1,
      description: 'Trabajo anterior al ticket',
      requestId: 'time-entry-before-registration',
    });
    expect(refused.error?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'BEFORE_REGISTRATION',
      field: 'date',
      value: dayBefore,
      registeredAt: registeredAt.toISOString(),
    });
    expect(await count()).toBe(before);
    // The day it was registered is taken.
    const taken = await log({
      number,
      date: registeredDay,
      hours: 1,
      description: 'Trabajo del día del registro',
      requestId: 'time-entry-registration-day',
    });
    expect(taken.error).toBeUndefined();
    expect(taken.entry?.date).toBe(registeredDay);
  });
});
