import { localFormat } from '../../src/business-time/calendars/explanation-text';
import { Role } from '../../src/identity/role.enum';
import { TicketEntity } from '../../src/tickets/ticket.entity';
import { ticketInputOf } from '../../src/tickets/ticket.mapper';
import { TicketWorkflowClient } from '../../src/tickets/ticket-workflow.client';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';

// Issue 9 / BUSINESS-TIME.md, L3-06: a ticket's clock explains its deadline ("why this date?")
// in the language asked for: a ticket registered on a Saturday is due on Monday because the
// weekend is skipped and counting starts at Monday's opening.

const DEADLINE = `query ($from: DateTime!, $calendarId: ID) {
  businessDeadline(from: $from, amount: 8, unit: BUSINESS_HOURS, calendarId: $calendarId) { deadline clockStart }
}`;
const EXPLAINED = `query ($number: String!) {
  ticket(number: $number) {
    clocks {
      kind status deadline calendarVersion
      es: explanation { calendarId calendarVersion timeZone startedAt clockStart deadline pausedBusinessMinutes lines }
      en: explanation(language: EN) { lines }
    }
  }
}`;

interface Explanation {
  calendarId: string;
  calendarVersion: number;
  timeZone: string;
  startedAt: string;
  clockStart: string | null;
  deadline: string | null;
  pausedBusinessMinutes: number;
  lines: string[];
}
interface Clock {
  kind: string;
  status: string;
  deadline: string;
  calendarVersion: number;
  es: Explanation | null;
  en: { lines: string[] } | null;
}

const DAY = 86_400_000;

describe('"Why this date?" on a ticket clock (issue 9, BUSINESS-TIME.md, L3-06)', () => {
  const world = useWorldWithWorker('clock-explanation');

  it('explains a Saturday registration: weekend skipped, Monday opening, the clock’s own deadline; only to who sees the ticket', async () => {
    // A ticket whose registration is a known Saturday noon (Mexico City), started through the
    // workflow client as `registerTicket` starts it (the number allocated as registration does).
    const first = await registerTicket(world, { subject: 'Primero' });
    const [prefix, year, seq] = first.split('-');
    const number = `${prefix}-${year}-${String(Number(seq) + 1).padStart(6, '0')}`;
    await world.db.query(
      'UPDATE ticket_number_counter SET last_value = last_value + 1 WHERE year = $1',
      [Number(year)],
    );
    const [{ calendar_id: calendarId }] = await world.db.query<{ calendar_id: string }[]>(
      'SELECT calendar_id FROM ticket WHERE number = $1',
      [first],
    );

    // A Saturday a week or more ahead whose Monday is a working day on the ticket's calendar.
    let saturday = new Date(Date.now() + 7 * DAY);
    saturday = new Date(
      Date.UTC(saturday.getUTCFullYear(), saturday.getUTCMonth(), saturday.getUTCDate(), 18),
    );
    while (saturday.getUTCDay() !== 6) saturday = new Date(saturday.getTime() + DAY);
    const mondayOpening = (s: Date) => new Date(s.getTime() + 2 * DAY - 3 * 3_600_000); // 09:00 -06
    let expected: { deadline: string; clockStart: string } | undefined;
    for (let week = 0; week < 10 && !expected; week++) {
      const { body } = await gql<{ businessDeadline: { deadline: string; clockStart: string } }>(
        world.api,
        DEADLINE,
        { from: saturday.toISOString(), calendarId },
      );
      expect(body.errors).toBeUndefined();
      if (Date.parse(body.data!.businessDeadline.clockStart) === mondayOpening(saturday).getTime())
        expected = body.data!.businessDeadline;
      else saturday = new Date(saturday.getTime() + 7 * DAY);
    }
    expect(expected).toBeDefined();

    await world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id, calendar_id,
         category, subject, description, state, sla_status, details, registered_at, last_event_seq,
         updated_at, workflow_started_at)
       SELECT $1, year, seq + 1, $2, organization_id, registrant_id, calendar_id, category,
         'Registrado en sábado', description, 'REGISTERED', 'ok', '{}', $4, 0, now(), now()
       FROM ticket WHERE number = $3`,
      [number, ticketWorkflowId(number), first, saturday],
    );
    const row = await world.db.getRepository(TicketEntity).findOneByOrFail({ number });
    await world.api.app.get(TicketWorkflowClient).start(ticketInputOf(row));

    const client = world.bearer(Role.CLIENT_USER);
    const read = async () =>
      (await gql<{ ticket: { clocks: Clock[] } }>(world.api, EXPLAINED, { number }, client)).body;
    const body = await eventually(read, (b) =>
      Boolean(b.data?.ticket.clocks.some((c) => c.kind === 'triage' && c.es !== null)),
    );
    expect(body.errors).toBeUndefined();
    const triage = body.data!.ticket.clocks.find((c) => c.kind === 'triage')!;
    expect(triage.status).toBe('RUNNING');
    expect(triage.deadline).toBe(expected!.deadline);
    const es = triage.es!;
    expect(es).toMatchObject({
      calendarId,
      calendarVersion: triage.calendarVersion,
      timeZone: 'America/Mexico_City',
      startedAt: saturday.toISOString(),
      clockStart: expected!.clockStart,
      deadline: expected!.deadline,
      pausedBusinessMinutes: 0,
    });
    expect(es.lines[0]).toBe('Objetivo: 8 horas hábiles');
    // Saturday and Sunday skipped as the weekend, then Monday from its opening, in the page's
    // 12-hour clock (QA S16).
    expect(es.lines.filter((l) => l.includes('fin de semana'))).toHaveLength(2);
    expect(es.lines.some((l) => l.startsWith('El reloj empieza a contar: lun, '))).toBe(true);
    expect(es.lines.some((l) => /^Lun, [^:]+, 9:00 a\.m\.–5:00 p\.m\.: 8 h/.test(l))).toBe(true);
    // The last line is the clock's own deadline in the calendar's time and zone (no UTC instant:
    // clients read it); the instant itself is the `deadline` field above.
    const local = localFormat('es-MX', 'America/Mexico_City')(new Date(expected!.deadline));
    // QA: the zone in words with its offset, never its IANA code.
    expect(es.lines.at(-1)).toMatch(
      new RegExp(`${local} \\(hora de la Ciudad de México, UTC−\\d\\)`),
    );
    expect(es.lines.at(-1)).not.toContain(expected!.deadline);
    expect(triage.en!.lines[0]).toBe('Target: 8 business hours');
    expect(triage.en!.lines.filter((l) => l.includes('(weekend)'))).toHaveLength(2);

    // Whoever sees the ticket sees it (the agents); another organization sees no ticket at all.
    const agent = await gql<{ ticket: { clocks: Clock[] } }>(
      world.api,
      EXPLAINED,
      { number },
      world.bearer(Role.AGENT),
    );
    expect(agent.body.data!.ticket.clocks.find((c) => c.kind === 'triage')!.es!.lines).toEqual(
      es.lines,
    );
    const other = await gql(
      world.api,
      EXPLAINED,
      { number },
      world.bearer(Role.CLIENT_USER, TULUM_ORG),
    );
    expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.body.data?.ticket ?? null).toBeNull();

    await world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(number))
      .terminate('test done');
  });
});
