import { Role } from '../../src/identity/role.enum';
import { CalendarChangeReconciler } from '../../src/tickets/calendar-change-reconciler';
import { TicketStartReconciler } from '../../src/tickets/ticket-start-reconciler';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { TULUM_ORG } from '../support/demo-contract';

// L3-02/L3-05: a registration commits its ticket row before it starts the workflow, so a failed
// start never loses the ticket; the reconciler starts the workflow later, once. BUSINESS-TIME.md:
// a calendar change whose signal never reached a ticket is sent again by a sibling sweep.

describe('ticket start and calendar change reconcilers (L3-02, L3-05, L3-06)', () => {
  const world = useWorldWithWorker('reconcile');

  /**
   * The ticket numbered after `registered`, as a registration leaves it whose API died between
   * the commit and the workflow's start (5 minutes ago): the row, no workflow.
   */
  async function missedAfter(registered: string): Promise<string> {
    const [prefix, year, seq] = registered.split('-');
    const missed = `${prefix}-${year}-${String(Number(seq) + 1).padStart(6, '0')}`;
    await world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id, calendar_id,
         category, subject, description, state, sla_status, details, registered_at, last_event_seq,
         updated_at, workflow_started_at)
       SELECT $1, year, seq + 1, $2, organization_id, registrant_id, calendar_id, category,
         'Sin flujo', description, 'REGISTERED', 'ok', '{}', now() - interval '5 minutes', 0, now(), NULL
       FROM ticket WHERE number = $3`,
      [missed, ticketWorkflowId(missed), registered],
    );
    // Its number was allocated in the same commit: the next registration gets the one after it.
    await world.db.query(
      'UPDATE ticket_number_counter SET last_value = last_value + 1 WHERE year = $1',
      [Number(year)],
    );
    return missed;
  }

  it('starts the workflow of a ticket whose start was missed, once, and it opens with its triage clock', async () => {
    const registered = await registerTicket(world, {
      category: 'INCIDENT',
      subject: 'Factura',
      description: 'No timbra.',
    });
    // A registration whose API died between the commit and the start: the row, no workflow.
    const missed = await missedAfter(registered);
    const reconciler = world.api.app.get(TicketStartReconciler);
    expect(await reconciler.sweep()).toBe(1);
    expect(await reconciler.sweep()).toBe(0);

    const handle = world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(missed));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const events = await eventually(
      () =>
        world.db.query<{ type: string }[]>(
          'SELECT type FROM ticket_event WHERE ticket_number = $1 ORDER BY seq',
          [missed],
        ),
      (rows) => rows.length >= 2,
    );
    expect(events.map((e) => e.type)).toEqual(['registered', 'CLOCK_STARTED']);
    const [row] = await world.db.query<{ workflow_started_at: Date | null }[]>(
      'SELECT workflow_started_at FROM ticket WHERE number = $1',
      [missed],
    );
    expect(row.workflow_started_at).not.toBeNull();
    await handle.terminate('test done');
  });
  it('signals again a calendar change whose signal was lost: the running deadline moves in the read model, once', async () => {
    // Tulum gets its own calendar (Mon–Fri 09:00–18:00, Mexico City, art. 74), then a ticket on it.
    const TULUM = TULUM_ORG;
    const created = await gql<{ createCalendar: { id: string } }>(
      world.api,
      `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
      {
        input: {
          name: 'Tulum',
          timeZone: 'America/Mexico_City',
          weekly: [1, 2, 3, 4, 5].map((weekday) => ({
            weekday,
            intervals: [{ start: '09:00', end: '18:00' }],
          })),
          organizationId: world.orgIds['grupo-industrial-tulum'],
          mexicoLft74Holidays: true,
        },
      },
      world.bearer(Role.MANAGER),
    );
    expect(created.body.errors).toBeUndefined();
    const calendarId = created.body.data!.createCalendar.id;
    const number = await registerTicket(
      world,
      { category: 'INCIDENT', subject: 'Timbrado' },
      TULUM,
    );
    type Clock = { deadline: Date; calendar_version: number };
    const triage = () =>
      world.db.query<Clock[]>(
        `SELECT deadline, calendar_version FROM ticket_clock
          WHERE ticket_number = $1 AND kind = 'triage' AND status = 'RUNNING'`,
        [number],
      );
    const [before] = await eventually(triage, (rows) => rows.length === 1);
    expect(before.calendar_version).toBe(1);

    // An edit committed whose signal never left (the API died after the commit): version 2 closes
    // the local date the triage deadline falls on.
    await world.db.query(
      `INSERT INTO business_calendar_version
         (calendar_id, version, definition, holiday_sources, change, changed_by, changed_at)
       SELECT calendar_id, 2,
              jsonb_set(definition, '{overrides}', coalesce(definition -> 'overrides', '[]') || jsonb_build_array(
                jsonb_build_object('date', to_char($2::timestamptz AT TIME ZONE 'America/Mexico_City', 'YYYY-MM-DD'),
                                   'intervals', '[]'::jsonb, 'reason', 'Cierre por inventario'))),
              holiday_sources, 'override (signal lost)', changed_by, now()
         FROM business_calendar_version WHERE calendar_id = $1 AND version = 1`,
      [calendarId, before.deadline],
    );
    await world.db.query('UPDATE business_calendar SET current_version = 2 WHERE id = $1', [
      calendarId,
    ]);
    const reconciler = world.api.app.get(CalendarChangeReconciler);
    // A change this fresh is left to the edit's own signals (the API's own sweep, every 10 s, too).
    expect(await reconciler.sweep()).toBe(0);
    // A minute later it is overdue: the sweep signals the ticket.
    expect(await reconciler.sweep(new Date(Date.now() + 60_000))).toBe(1);
    const [after] = await eventually(triage, (rows) => rows[0]?.calendar_version === 2);
    // The closed day no longer counts: the deadline moves at least one business day later.
    expect(after.deadline.getTime()).toBeGreaterThan(before.deadline.getTime());
    const [ticket] = await world.db.query<{ next_deadline: Date }[]>(
      'SELECT next_deadline FROM ticket WHERE number = $1',
      [number],
    );
    expect(ticket.next_deadline).toEqual(after.deadline);
    const recomputed = await world.db.query<{ data: { previousDeadline: string } }[]>(
      `SELECT data FROM ticket_event WHERE ticket_number = $1 AND type = 'CLOCK_RECOMPUTED'`,
      [number],
    );
    expect(recomputed).toHaveLength(1);
    expect(recomputed[0].data.previousDeadline).toBe(before.deadline.toISOString());
    // Caught up: nothing is left to signal.
    expect(await reconciler.sweep()).toBe(0);
  });

  it("starts the missed tickets after one it must refuse (CONFLICT: its number is another registration's)", async () => {
    // A ticket whose number's workflow belongs to another registration (the database was reset
    // but Temporal was not): its start is refused, every sweep, and it is the oldest pending.
    const refused = await registerTicket(world, {
      category: 'INCIDENT',
      subject: 'Número ajeno',
      description: 'Su flujo es de otro registro.',
    });
    await eventually(
      () =>
        world.db.query<{ started: boolean }[]>(
          'SELECT workflow_started_at IS NOT NULL AS started FROM ticket WHERE number = $1',
          [refused],
        ),
      ([row]) => row.started,
    );
    await world.db.query(
      `UPDATE ticket SET workflow_started_at = NULL, registered_at = now() - interval '10 minutes'
        WHERE number = $1`,
      [refused],
    );
    // A newer one whose start was simply missed: the row, no workflow.
    const missed = await missedAfter(refused);

    const reconciler = world.api.app.get(TicketStartReconciler);
    expect(await reconciler.sweep()).toBe(1);
    const started = await world.db.query<{ number: string }[]>(
      'SELECT number FROM ticket WHERE number = ANY($1) AND workflow_started_at IS NOT NULL',
      [[refused, missed]],
    );
    expect(started).toEqual([{ number: missed }]);
    const handle = world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(missed));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // The refused one is tried again on the next sweep, holding nothing back.
    expect(await reconciler.sweep()).toBe(0);
    await handle.terminate('test done');
    await world.db.query('UPDATE ticket SET workflow_started_at = now() WHERE number = $1', [
      refused,
    ]);
  });
});
