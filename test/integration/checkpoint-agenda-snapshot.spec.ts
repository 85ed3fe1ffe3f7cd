import type { DataSource } from 'typeorm';
import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import type { CheckpointAgenda } from '../../src/checkpoints/checkpoint-agenda';
import { CheckpointAgendaService } from '../../src/checkpoints/checkpoint-agenda.service';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { NotificationsService } from '../../src/notifications';
import { someoneWaitsForAdvisoryLock } from '../support/lock-waiters';
import { racingDb } from '../support/racing-db';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Guarantee 9, L3-15: a checkpoint agenda's figures come from one snapshot. It read the client's
// open tickets (each with its SLA status) and the clocks that warned or breached in the period in
// separate READ COMMITTED statements, so a breach committed between them listed the ticket as at
// risk among the open tickets and as breached among the SLA alerts. Here the breach (the ticket's
// status and its clock, one transaction, as the projection writes them) commits on another
// connection right after the agenda's read of the open tickets.

describe('a checkpoint agenda reads one snapshot (guarantee 9, L3-15)', () => {
  let world: SeededWorld;
  let organizationId: string;
  const ticket = 'L3-2024-870201';
  const builtAt = new Date();
  const atRiskAt = new Date(builtAt.getTime() - 60_000);
  const breachedAt = new Date(builtAt.getTime() - 30_000);

  beforeAll(async () => {
    world = await createSeededWorld('agenda_snapshot');
    organizationId = world.orgIds['comercializadora-aurora'];
    await world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
         calendar_id, category, subject, description, state, sla_status, details,
         registered_at, last_event_seq)
       SELECT $1, 2024, 870201, $2, u.organization_id, u.id, $3, 'INCIDENT', 'Timbrado lento',
              'x', 'IN_ANALYSIS', 'at_risk', '{"estimates": []}', now() - interval '1 day', 0
         FROM app_user u WHERE u.organization_id = $4 AND 'CLIENT_USER' = ANY(u.roles)
        ORDER BY u.email LIMIT 1`,
      [ticket, `agenda-snapshot-${ticket}`, DEFAULT_CALENDAR_ID, organizationId],
    );
    // Its triage clock warned within the period and runs on.
    await world.db.query(
      `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
         target_unit, started_at, deadline, at_risk_at, budget_ms, consumed_ms, consumed_as_of,
         at_risk_recorded_at, calendar_version)
       VALUES ($1 || ':triage:1', $1, 'triage', 1, 'RUNNING', 480, 'minutes',
         $2::timestamptz - interval '8 hours', $3, $2, 28800000, 25200000, $2, $2, 1)`,
      [ticket, atRiskAt, breachedAt],
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  const agendasOn = (db: DataSource) =>
    new CheckpointAgendaService(
      db,
      new CalendarsService(world.db),
      new NotificationsService(world.config, new CalendarsService(world.db)),
    );
  const runKey = (name: string) => `agenda-snapshot-${name}-${process.pid}-${Date.now()}`;

  const onTicket = (sql: string) => /\bFROM "ticket"/.test(sql);

  /** The clock's breach, committed as the projection commits it: ticket and clock together. */
  let breachCommitted = false;
  const breach = () =>
    world.db.transaction(async (tx) => {
      await tx.query(`UPDATE ticket SET sla_status = 'breached' WHERE number = $1`, [ticket]);
      await tx.query(
        `UPDATE ticket_clock SET status = 'BREACHED', breached_at = $2 WHERE clock_id = $1`,
        [`${ticket}:triage:1`, breachedAt],
      );
      breachCommitted = true;
    });

  it('a breach committed while it reads is in its open tickets and its SLA alerts, or in neither', async () => {
    // Right after the agenda's read of the open tickets (the first statement on `ticket`).
    const agendas = agendasOn(racingDb(world.db, breach, { after: onTicket }));
    const { checkpointId } = await agendas.record({
      organizationId,
      runKey: runKey('breach'),
      kind: 'MANUAL',
      scheduledFor: null,
      builtAt: builtAt.toISOString(),
    });
    expect(breachCommitted).toBe(true);

    const [{ agenda }] = await world.db.query<{ agenda: CheckpointAgenda }[]>(
      `SELECT agenda FROM checkpoint WHERE id = $1`,
      [checkpointId],
    );
    const listed = agenda.openTickets.find((t) => t.number === ticket);
    const alerts = agenda.slaAlerts.filter((a) => a.ticketNumber === ticket);
    expect(alerts).toHaveLength(1);
    // One snapshot: at risk in both (read before the breach) or breached in both.
    expect(listed?.slaStatus).toBe(alerts[0].status === 'BREACHED' ? 'breached' : 'at_risk');
  });

  it('the next agenda, asked for while one is being read, waits and starts where it ended', async () => {
    // The agenda reads from a snapshot taken once the client's lock is held: one taken before
    // (a transaction that began by waiting for the lock) would not see the agenda stored
    // meanwhile, and the next period would start where the one before it started.
    const first = new Date();
    const second = new Date(first.getTime() + 1_000);
    let next: Promise<{ checkpointId: string }> | undefined;
    const { checkpointId } = await agendasOn(
      racingDb(
        world.db,
        async () => {
          next = agendasOn(world.db).record({
            organizationId,
            runKey: runKey('next'),
            kind: 'MANUAL',
            scheduledFor: null,
            builtAt: second.toISOString(),
          });
          await someoneWaitsForAdvisoryLock(world.db);
        },
        { after: onTicket },
      ),
    ).record({
      organizationId,
      runKey: runKey('first'),
      kind: 'MANUAL',
      scheduledFor: null,
      builtAt: first.toISOString(),
    });
    const later = await next!;
    const periods = await world.db.query<{ id: string; period_start: Date; period_end: Date }[]>(
      `SELECT id, period_start, period_end FROM checkpoint WHERE id = ANY($1) ORDER BY period_end`,
      [[checkpointId, later.checkpointId]],
    );
    expect(periods.map((p) => p.id)).toEqual([checkpointId, later.checkpointId]);
    expect(periods[1].period_start).toEqual(periods[0].period_end);
    expect(periods[0].period_end).toEqual(first);
  });
});
