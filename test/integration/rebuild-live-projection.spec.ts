import type { DataSource, QueryRunner } from 'typeorm';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { EMAILS_BEHIND, type TicketEmailRelay } from '../../src/tickets/ticket-email-relay';
import { foldEvents } from '../../src/tickets/ticket-projection';
import { TicketProjectionService } from '../../src/tickets/ticket-projection.service';
import type { SlaClockView } from '../../workflows/ticket/sla-clock';
import type {
  ProjectionBatch,
  ReadModelSlice,
  TicketDetails,
} from '../../workflows/ticket/ticket-projection';
import { someoneWaitsForRowLock } from '../support/lock-waiters';
import { insertReadModelTicket } from '../support/read-model-ticket';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Guarantees 3 and 4 (L3-11): `npm run read-model:rebuild` is safe to run while the workflows
// project. It read a ticket's log, then deleted its clocks and forced the row to what it read: a
// live batch committed in between was folded out (the row back a seq, the clock that batch ended
// RUNNING for good, its event's emails never queued once the relay had caught up to the older
// seq). Here that batch is the real projection's statement, committed on a connection that holds
// the ticket's row and its clocks until then: whatever the rebuild waits on, the batch commits
// while it waits, and the rebuilt read model must be the fold of the whole log.

describe('a read-model rebuild beside a live projection (guarantees 3, 4; L3-11)', () => {
  let world: SeededWorld;
  const ticket = 'L3-2024-870101';
  const at = '2024-03-04T18:00:00.000Z';
  // The relay (L3-11) is left out: the spec reads how far the ticket's emails are owed instead.
  const relay = { kick: () => undefined } as unknown as TicketEmailRelay;

  beforeAll(async () => {
    world = await createSeededWorld('rebuild_live');
    await insertReadModelTicket(
      world.db,
      ticket,
      DEFAULT_CALENDAR_ID,
      'Reconstrucción',
      'REGISTERED',
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  /** A clock run of the ticket, running or met (ended) as the workflow reports it. */
  const clock = (kind: SlaClockView['kind'], status: 'RUNNING' | 'MET'): SlaClockView => ({
    id: `${ticket}:${kind}:1`,
    kind,
    run: 1,
    target: { amount: 480, unit: 'minutes' },
    status,
    startedAt: '2024-03-04T15:00:00.000Z',
    deadline: '2024-03-04T23:00:00.000Z',
    atRiskAt: '2024-03-04T21:00:00.000Z',
    pauses: [],
    budgetMs: 28_800_000,
    consumedMs: 3_600_000,
    remainingMs: 25_200_000,
    consumedAsOf: at,
    atRiskRecordedAt: null,
    breachedAt: null,
    endedAt: status === 'MET' ? at : null,
    endReason: status === 'MET' ? 'TRANSITION' : null,
    calendarVersion: 1,
  });

  /** A batch of one event at `seq` that leaves the ticket in `state` with `clocks` changed. */
  const batch = (seq: number, state: string, clocks: SlaClockView[]): ProjectionBatch => {
    const slice: ReadModelSlice = {
      state,
      classification: 'PROBLEM',
      requirementKind: null,
      assigneeId: null,
      releaseDate: null,
      closureOutcome: null,
      slaStatus: 'ok',
      nextDeadline: clocks.find((c) => c.status === 'RUNNING')?.deadline ?? null,
      details: {} as TicketDetails,
      clocks,
    };
    return {
      ticketNumber: ticket,
      events: [{ seq, type: 'STATE', at, actor: null, data: {} }],
      slice,
    };
  };

  /**
   * The real projection writing on `runner`'s connection (`client`, what `connect` gave), inside
   * its open transaction: its batch statement goes through the pool's `query`, here a pool of that
   * one connection.
   */
  const projectionOn = (runner: QueryRunner, client: unknown) =>
    new TicketProjectionService(
      {
        driver: { master: client },
        query: (sql: string, params?: unknown[]) => runner.query(sql, params),
      } as unknown as DataSource,
      relay,
    );

  it('a batch committed while the rebuild runs is in the rebuilt read model, its emails still owed', async () => {
    const projection = new TicketProjectionService(world.db, relay);
    await projection.project(batch(1, 'IN_ANALYSIS', [clock('triage', 'RUNNING')]));
    await projection.project(
      batch(2, 'IN_DIAGNOSIS', [clock('triage', 'MET'), clock('diagnosis', 'RUNNING')]),
    );
    // The relay has queued the emails of the log so far.
    await world.db.query(`UPDATE ticket SET notified_seq = 2 WHERE number = $1`, [ticket]);

    // A live batch's connection: the ticket's row and its clocks, held from before the rebuild.
    const live = world.db.createQueryRunner();
    const client: unknown = await live.connect();
    let rebuilt: Promise<number> | undefined;
    try {
      await live.startTransaction();
      await live.query(`SELECT 1 FROM ticket WHERE number = $1 FOR NO KEY UPDATE`, [ticket]);
      await live.query(`SELECT 1 FROM ticket_clock WHERE ticket_number = $1 FOR UPDATE`, [ticket]);
      rebuilt = projection.rebuild(ticket);
      await someoneWaitsForRowLock(world.db);
      // Event 3 ends the diagnosis clock (met) and starts scheduling, committed while it waits.
      await projectionOn(live, client).project(
        batch(3, 'SCHEDULING', [clock('diagnosis', 'MET'), clock('scheduling', 'RUNNING')]),
      );
      await live.commitTransaction();
    } finally {
      if (live.isTransactionActive) await live.rollbackTransaction();
      await live.release();
    }
    expect(await rebuilt).toBe(1);

    const log = await world.db.query<{ seq: number; readModel: ReadModelSlice | null }[]>(
      `SELECT seq, read_model AS "readModel" FROM ticket_event WHERE ticket_number = $1
        ORDER BY seq`,
      [ticket],
    );
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
    const folded = foldEvents(log);
    const [row] = await world.db.query<
      { state: string; last_event_seq: number; emails_behind: boolean }[]
    >(
      `SELECT state, last_event_seq, ${EMAILS_BEHIND} AS emails_behind FROM ticket
        WHERE number = $1`,
      [ticket],
    );
    expect(row).toEqual({ state: 'SCHEDULING', last_event_seq: 3, emails_behind: true });
    expect(row.state).toBe(folded.slice?.state);
    expect(row.last_event_seq).toBe(folded.lastEventSeq);

    // The clock rows are the fold of the whole log: diagnosis ended, scheduling running.
    const clocks = await world.db.query<
      { clock_id: string; status: string; ended_at: Date | null }[]
    >(
      `SELECT clock_id, status, ended_at FROM ticket_clock WHERE ticket_number = $1
        ORDER BY clock_id`,
      [ticket],
    );
    expect(clocks).toEqual(
      [...folded.clocks.values()]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((c) => ({
          clock_id: c.id,
          status: c.status,
          ended_at: c.endedAt ? new Date(c.endedAt) : null,
        })),
    );
    expect(clocks.map((c) => [c.clock_id.slice(ticket.length + 1), c.status])).toEqual([
      ['diagnosis:1', 'MET'],
      ['scheduling:1', 'RUNNING'],
      ['triage:1', 'MET'],
    ]);
  });
});
