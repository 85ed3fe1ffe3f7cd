import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import { Role } from '../../src/identity/role.enum';
import { NotificationsService } from '../../src/notifications';
import { TicketProjectionService } from '../../src/tickets/ticket-projection.service';
import { TicketEmailRelay } from '../../src/tickets/ticket-email-relay';
import type { SlaClockView } from '../../workflows/ticket/sla-clock';
import type {
  ProjectionBatch,
  ReadModelSlice,
  TicketDetails,
} from '../../workflows/ticket/ticket-projection';
import { gql } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-08: the SLA board's «Vencidos» total counts the breaches of tickets not ended, from each clock
// row's `ticket_ended`. The projection writes it with the clocks of every batch, from the state it
// writes in the same statement (migration 1764319820000 dropped the insert trigger that looked the
// ticket up); the trigger on the ticket's state keeps the clocks a batch does not carry. A rebuild
// of the read model rewrites every clock of a ticket that may have ended long ago. Each clock also
// carries the ticket's client, for the board's totals of one client. A clock written by plain SQL
// without either gets both from its ticket in the clock's BEFORE trigger (migration 1764319913000).

const COUNTS = `query ($f: SlaTimerCountFilter) { slaTimerCounts(filter: $f) { breached } }`;

describe('ticket_ended written by the projection (L3-08, migration 1764319820000)', () => {
  let world: SeededWorld;
  let projection: TicketProjectionService;
  let emails: TicketEmailRelay;
  const ticket = 'L3-2024-870001';
  const at = '2024-03-04T18:00:00.000Z';

  beforeAll(async () => {
    world = await createSeededWorld('clock_ended');
    emails = new TicketEmailRelay(
      world.db,
      new NotificationsService(world.config, new CalendarsService(world.db)),
      world.config,
    );
    projection = new TicketProjectionService(world.db, emails);
    await world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
         calendar_id, category, subject, description, state, registered_at, last_event_seq)
       SELECT $1, 2024, 870001, $2, u.organization_id, u.id, $3, 'INCIDENT', 'Relojes cerrados',
              'x', 'IN_ANALYSIS', now() - interval '2 days', 0
         FROM app_user u WHERE 'CLIENT_USER' = ANY(u.roles) ORDER BY u.email
        LIMIT 1`,
      [ticket, `clock-ended-${ticket}`, DEFAULT_CALENDAR_ID],
    );
  });
  afterAll(async () => {
    await emails?.beforeApplicationShutdown();
    await world?.close();
  });

  /** A breached clock run of the ticket, as the workflow reports it. */
  const breached = (kind: SlaClockView['kind'], run: number): SlaClockView => ({
    id: `${ticket}:${kind}:${run}`,
    kind,
    run,
    target: { amount: 480, unit: 'minutes' },
    status: 'BREACHED',
    startedAt: '2024-03-01T15:00:00.000Z',
    deadline: '2024-03-01T23:00:00.000Z',
    atRiskAt: '2024-03-01T21:00:00.000Z',
    pauses: [],
    budgetMs: 28_800_000,
    consumedMs: 28_800_000,
    remainingMs: 0,
    consumedAsOf: '2024-03-01T23:00:00.000Z',
    atRiskRecordedAt: '2024-03-01T21:00:00.000Z',
    breachedAt: '2024-03-01T23:00:00.000Z',
    endedAt: null,
    endReason: null,
    calendarVersion: 1,
  });

  /** A batch of one clock bookkeeping event at `seq` that leaves the ticket in `state`. */
  const batch = (seq: number, state: string, clocks: SlaClockView[]): ProjectionBatch => {
    const slice: ReadModelSlice = {
      state,
      classification: 'PROBLEM',
      requirementKind: null,
      assigneeId: null,
      releaseDate: null,
      closureOutcome: null,
      slaStatus: 'breached',
      nextDeadline: null,
      // The read model stores the details as given; none of them matter to the clocks.
      details: {} as TicketDetails,
      clocks,
    };
    return {
      ticketNumber: ticket,
      events: [{ seq, type: 'CLOCK_STARTED', at, actor: null, data: {} }],
      slice,
    };
  };

  const ended = async (): Promise<Record<string, boolean>> =>
    Object.fromEntries(
      (
        await world.db.query<{ clock_id: string; ticket_ended: boolean }[]>(
          `SELECT clock_id, ticket_ended FROM ticket_clock WHERE ticket_number = $1 ORDER BY clock_id`,
          [ticket],
        )
      ).map((r) => [r.clock_id.slice(ticket.length + 1), r.ticket_ended]),
    );
  /** «Vencidos» in all, and for the ticket's client (its clocks carry it, migration 1764319880000). */
  const countedBreaches = async (): Promise<number> => {
    const [{ org, strays }] = await world.db.query<{ org: string; strays: number }[]>(
      `SELECT t.organization_id AS org,
              (SELECT count(*)::int FROM ticket_clock c WHERE c.ticket_number = t.number
                 AND c.organization_id IS DISTINCT FROM t.organization_id) AS strays
         FROM ticket t WHERE t.number = $1`,
      [ticket],
    );
    expect(strays).toBe(0);
    const all = await gql<{ slaTimerCounts: { breached: number } }>(
      world.api,
      COUNTS,
      {},
      world.bearer(Role.MANAGER),
    );
    const client = await gql<{ slaTimerCounts: { breached: number } }>(
      world.api,
      COUNTS,
      { f: { organizationId: org } },
      world.bearer(Role.MANAGER),
    );
    expect([all.body.errors, client.body.errors]).toEqual([undefined, undefined]);
    expect(client.body.data!.slaTimerCounts.breached).toBe(all.body.data!.slaTimerCounts.breached);
    return all.body.data!.slaTimerCounts.breached;
  };

  it('the clock insert trigger is gone; the trigger on the ticket’s state stays', async () => {
    const triggers = await world.db.query<{ tgname: string }[]>(
      `SELECT tgname FROM pg_trigger
        WHERE tgname IN ('trg_ticket_clock_ticket_ended', 'trg_ticket_ended_clocks')`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual(['trg_ticket_ended_clocks']);
  });

  it('a batch writes its clocks with the state it writes: open, closed (upsert and insert), reopened', async () => {
    await projection.project(
      batch(1, 'IN_ANALYSIS', [breached('triage', 1), breached('diagnosis', 1)]),
    );
    expect(await ended()).toEqual({ 'triage:1': false, 'diagnosis:1': false });
    expect(await countedBreaches()).toBe(2);

    // Closing: the batch upserts one known clock and inserts a new one; the other follows the
    // ticket's state through its trigger.
    await projection.project(batch(2, 'CLOSED', [breached('triage', 1), breached('progress', 1)]));
    expect(await ended()).toEqual({ 'triage:1': true, 'diagnosis:1': true, 'progress:1': true });
    expect(await countedBreaches()).toBe(0);

    // A clock written while the ticket stays closed is history from the start.
    await projection.project(batch(3, 'CLOSED', [breached('progress', 2)]));
    expect((await ended())['progress:2']).toBe(true);
    expect(await countedBreaches()).toBe(0);

    // Reopened (L3-08): every breach counts again, the new clock's too.
    await projection.project(batch(4, 'IN_ANALYSIS', [breached('progress', 3)]));
    expect(Object.values(await ended())).toEqual([false, false, false, false, false]);
    expect(await countedBreaches()).toBe(5);

    await projection.project(batch(5, 'CANCELLED', []));
    expect(Object.values(await ended())).toEqual([true, true, true, true, true]);
    expect(await countedBreaches()).toBe(0);
  });

  it('a rebuild of the read model inserts the ended ticket’s clocks as ended', async () => {
    // The rebuild deletes the ticket's clocks and inserts them again from the event log, the ticket
    // already CANCELLED: no state change, so only the projection can say the clocks are ended.
    await world.db.query(`UPDATE ticket_clock SET ticket_ended = false WHERE ticket_number = $1`, [
      ticket,
    ]);
    expect(await projection.rebuild(ticket)).toBe(1);
    expect(await ended()).toEqual({
      'triage:1': true,
      'diagnosis:1': true,
      'progress:1': true,
      'progress:2': true,
      'progress:3': true,
    });
    expect(await countedBreaches()).toBe(0);
  });

  it('a clock inserted by plain SQL without ticket_ended takes it from its ticket (migration 1764319913000)', async () => {
    // An operator's repair or a seed names neither ticket_ended nor organization_id: the BEFORE
    // trigger that fills the client from the ticket fills the ended state from the same row.
    const [closed, open] = ['L3-2024-870002', 'L3-2024-870003'];
    for (const [n, state] of [
      [closed, 'CLOSED'],
      [open, 'IN_ANALYSIS'],
    ] as const) {
      await world.db.query(
        `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
           calendar_id, category, subject, description, state, registered_at, last_event_seq)
         SELECT $1, 2024, $2, $3, organization_id, registrant_id, calendar_id, category,
                'Reloj reparado', description, $4, registered_at, 0
           FROM ticket WHERE number = $5`,
        [n, Number(n.slice(-6)), `clock-ended-${n}`, state, ticket],
      );
      await world.db.query(
        `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
           target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, breached_at,
           calendar_version)
         VALUES ($1 || ':triage:1', $1, 'triage', 1, 'BREACHED', 480, 'minutes',
           now() - interval '1 day', now() - interval '1 hour', 28800000, 28800000,
           now() - interval '1 hour', now() - interval '1 hour', 1)`,
        [n],
      );
    }
    const rows = await world.db.query<{ ticket_number: string; ticket_ended: boolean }[]>(
      `SELECT ticket_number, ticket_ended FROM ticket_clock WHERE ticket_number = ANY($1)
        ORDER BY ticket_number`,
      [[closed, open]],
    );
    expect(rows).toEqual([
      { ticket_number: closed, ticket_ended: true },
      { ticket_number: open, ticket_ended: false },
    ]);
    // «Vencidos»: the open ticket's breach only (the cancelled ticket's five stay history).
    expect(await countedBreaches()).toBe(1);
  });
});
