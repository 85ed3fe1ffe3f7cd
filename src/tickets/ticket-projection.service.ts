import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isTicketEnded, type SlaClockView } from '../../workflows/ticket/ticket.contract';
import { preparedQuery } from '../database/prepared-query';
import { TicketClockEntity } from './ticket-clock.entity';
import { TicketEmailRelay } from './ticket-email-relay';
import { INTERNAL_NOTE_SQL } from './ticket-event-sql';
import { TicketEventEntity } from './ticket-event.entity';
import { foldEvents, type ProjectionBatch, type ReadModelSlice } from './ticket-projection';

/** Postgres channel notified after every projected change (live updates). */
export const TICKET_CHANGED_CHANNEL = 'ticket_changed';

/**
 * Tells live subscribers that ticket `number` (or each of several, in one statement) changed
 * outside the workflow (a file, a rating, a queue reorder), once `tx` commits (never if it rolls
 * back).
 */
export async function notifyTicketChanged(
  tx: EntityManager,
  number: string | readonly string[],
): Promise<void> {
  const numbers = typeof number === 'string' ? [number] : number;
  if (numbers.length === 0) return;
  await tx.query(`SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n`, [
    TICKET_CHANGED_CHANNEL,
    numbers,
  ]);
}

/**
 * Writes the ticket workflows' events to the append-only log and folds them into the read model.
 * Idempotent: a retried batch inserts no event twice (key: ticket number + sequence) and an older
 * batch never overwrites a newer read model.
 */
@Injectable()
export class TicketProjectionService {
  private readonly logger = new Logger(TicketProjectionService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly emails: TicketEmailRelay,
  ) {}

  async project(batch: ProjectionBatch): Promise<{ appended: number }> {
    if (!batch.events.length) return { appended: 0 };
    const last = batch.events[batch.events.length - 1];
    const events = batch.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at,
      actor_id: e.actor?.userId ?? null,
      actor_role: e.actor?.role ?? null,
      data: e.data,
      read_model: e.seq === last.seq ? batch.slice : null,
    }));
    // Prepared on the pool: a transition's batch is written on its Update's path, and planning
    // this statement cost about 0.8 ms of its 3.5 ms (p50 2.76 against 3.52 ms, the two alternated
    // in one worker over 410 progress updates; docs/PERFORMANCE.md, session 31).
    const [written] = await preparedQuery<WrittenBatch>(
      this.db,
      WRITE_BATCH_SQL,
      batchValues(batch.ticketNumber, last.seq, batch.slice, events),
    );
    if (!written) throw new Error(`ticket ${batch.ticketNumber} is not in the read model`);
    // An older batch logged after a newer one was relayed (the workflow projects in order, so
    // only a stray retry): the relay goes back to it. What it queued already is not queued again
    // (the outbox's key is the event and recipient).
    const [late] = written.fresh;
    if (late !== undefined && late <= written.notified_seq) {
      await this.db.query(
        `UPDATE ticket SET notified_seq = LEAST(notified_seq, $2) WHERE number = $1`,
        [batch.ticketNumber, late - 1],
      );
    }
    // L3-11: the emails are queued from the log now that it holds these events (TicketEmailRelay);
    // also after a retry that appended nothing, in case the first attempt's kick was lost.
    this.emails.kick(batch.ticketNumber);
    return { appended: written.fresh.length };
  }

  /**
   * Rebuilds the read model of `ticketNumber` (or of every ticket) from the event log alone.
   * Returns how many tickets were rebuilt.
   */
  async rebuild(ticketNumber?: string): Promise<number> {
    const numbers = ticketNumber
      ? [ticketNumber]
      : (
          await this.db.query<{ number: string }[]>('SELECT number FROM ticket ORDER BY number')
        ).map((r) => r.number);
    for (const number of numbers) {
      await this.db.transaction(async (tx) => {
        // The ticket row's lock before its log is read: the lock a live batch's UPDATE and the
        // email relay take (FOR NO KEY UPDATE, so rows that only reference the ticket, such as
        // its events, still go in). A live batch then either committed first, and its events are
        // read below, or waits and moves the rebuilt row forward. Read unlocked, a batch committed
        // between the read and the writes was folded out: its clocks deleted, the row forced back
        // a seq (level with notified_seq if the relay had caught up: its emails never queued;
        // guarantees 3, 4), and the two took their locks in opposite orders, so could deadlock.
        // The relay reads the log and moves notified_seq under this lock too, so it never passes
        // the last_event_seq a rebuild writes (the log's last seq).
        const [ticket] = await tx.query<unknown[]>(
          `SELECT 1 FROM ticket WHERE number = $1 FOR NO KEY UPDATE`,
          [number],
        );
        if (!ticket) return;
        const events = await tx.getRepository(TicketEventEntity).find({
          where: { ticketNumber: number },
          order: { seq: 'ASC' },
          select: { seq: true, readModel: true },
        });
        const folded = foldEvents(events);
        await tx.getRepository(TicketClockEntity).delete({ ticketNumber: number });
        if (folded.slice) {
          const slice = { ...folded.slice, clocks: [...folded.clocks.values()] };
          await tx.query(
            WRITE_BATCH_SQL,
            batchValues(number, folded.lastEventSeq, slice, [], true),
          );
        }
      });
    }
    this.logger.log(`read model rebuilt for ${numbers.length} ticket(s)`);
    return numbers.length;
  }
}

/**
 * The parameters of {@link WRITE_BATCH_SQL}, one round trip for the whole batch: it appends
 * `events` (those already logged are skipped), folds `slice` into the ticket's row unless a newer
 * batch is there already (or `force`), upserts its clock runs, and notifies live listeners
 * (delivered on commit). It answers the sequence numbers appended now and how far the ticket's
 * emails were queued; no row when the ticket does not exist.
 */
function batchValues(
  ticketNumber: string,
  seq: number,
  slice: ReadModelSlice,
  events: readonly EventRow[],
  force = false,
): unknown[] {
  return [
    ticketNumber,
    JSON.stringify(events),
    seq,
    force,
    slice.state,
    slice.classification,
    slice.requirementKind,
    slice.assigneeId,
    slice.releaseDate,
    slice.closureOutcome,
    slice.slaStatus,
    slice.nextDeadline,
    JSON.stringify(slice.details),
    JSON.stringify(slice.clocks.map(clockRow)),
    TICKET_CHANGED_CHANNEL,
    isTicketEnded(slice.state),
  ];
}

/** A ticket_event row as the batch statement reads it (jsonb_to_recordset). */
interface EventRow {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly actor_id: string | null;
  readonly actor_role: string | null;
  readonly data: Record<string, unknown>;
  readonly read_model: ReadModelSlice | null;
}

interface WrittenBatch {
  readonly fresh: number[];
  /** How far the ticket's emails were queued when the batch was written (TicketEmailRelay). */
  readonly notified_seq: number;
}

// Data-modifying CTEs run on one snapshot, in one implicit step of the caller's transaction: the
// events, the ticket row, its clocks and the NOTIFY are one statement (one round trip). Clock runs
// are upserted only with the row they belong to (an older batch changes nothing), carrying the
// ended state of the ticket written with them ($16, L3-08: the board's «Vencidos» total skips an
// ended ticket's breaches) and its client (the board's totals by client, migration
// 1764319880000). The ticket's clocks not in the batch follow its state through the trigger on
// the ticket's state (migration 1764319760000).
const WRITE_BATCH_SQL = `
WITH appended AS (
  INSERT INTO ticket_event (ticket_number, seq, type, at, actor_id, actor_role, data, read_model)
  SELECT $1, e.seq, e.type, e.at, e.actor_id, e.actor_role, e.data, e.read_model
  FROM jsonb_to_recordset($2::jsonb) AS e(seq integer, type text, at timestamptz, actor_id uuid,
    actor_role text, data jsonb, read_model jsonb)
  ON CONFLICT DO NOTHING
  RETURNING seq
), folded AS (
  UPDATE ticket SET state = $5, classification = $6, requirement_kind = $7, assignee_id = $8,
    release_date = $9, closure_outcome = $10, sla_status = $11, next_deadline = $12,
    details = $13::jsonb, last_event_seq = $3,
    -- When the ticket last changed for everyone who sees it: any event but an internal note
    -- (INTERNAL_NOTE_SQL). A rebuild (forced) takes the newest such event's commit.
    updated_at = CASE
      WHEN $4 THEN COALESCE((SELECT max(e.recorded_at) FROM ticket_event e
        WHERE e.ticket_number = $1 AND NOT ${INTERNAL_NOTE_SQL}), updated_at)
      WHEN EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS e(type text, data jsonb)
        WHERE NOT ${INTERNAL_NOTE_SQL}) THEN now()
      ELSE updated_at END,
    -- The workflow runs, so it started (TicketStartReconciler looks for rows without it).
    workflow_started_at = COALESCE(workflow_started_at, now())
  WHERE number = $1 AND (last_event_seq < $3 OR $4)
  RETURNING number, organization_id
), clocks AS (
  INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount, target_unit,
    started_at, deadline, at_risk_at, budget_ms, consumed_ms, consumed_as_of, pauses,
    at_risk_recorded_at, breached_at, ended_at, end_reason, calendar_version, updated_at,
    ticket_ended, organization_id)
  SELECT c.clock_id, $1, c.kind, c.run, c.status, c.target_amount, c.target_unit, c.started_at,
    c.deadline, c.at_risk_at, c.budget_ms, c.consumed_ms, c.consumed_as_of, c.pauses,
    c.at_risk_recorded_at, c.breached_at, c.ended_at, c.end_reason, c.calendar_version, now(),
    $16::boolean, f.organization_id
  FROM folded f, jsonb_to_recordset($14::jsonb) AS c(clock_id text, kind text, run integer,
    status text, target_amount integer, target_unit text, started_at timestamptz,
    deadline timestamptz, at_risk_at timestamptz, budget_ms bigint, consumed_ms bigint,
    consumed_as_of timestamptz, pauses jsonb, at_risk_recorded_at timestamptz,
    breached_at timestamptz, ended_at timestamptz, end_reason text, calendar_version integer)
  ON CONFLICT (clock_id) DO UPDATE SET status = EXCLUDED.status, deadline = EXCLUDED.deadline,
    at_risk_at = EXCLUDED.at_risk_at, budget_ms = EXCLUDED.budget_ms,
    consumed_ms = EXCLUDED.consumed_ms, consumed_as_of = EXCLUDED.consumed_as_of,
    pauses = EXCLUDED.pauses, at_risk_recorded_at = EXCLUDED.at_risk_recorded_at,
    breached_at = EXCLUDED.breached_at, ended_at = EXCLUDED.ended_at,
    end_reason = EXCLUDED.end_reason, calendar_version = EXCLUDED.calendar_version,
    updated_at = EXCLUDED.updated_at, ticket_ended = EXCLUDED.ticket_ended
)
SELECT ARRAY(SELECT seq FROM appended ORDER BY seq) AS fresh, t.notified_seq, pg_notify($15, $1)
FROM ticket t WHERE t.number = $1`;

/** A ticket_clock row as the batch statement reads it (jsonb_to_recordset). */
function clockRow(c: SlaClockView) {
  return {
    clock_id: c.id,
    kind: c.kind,
    run: c.run,
    status: c.status,
    target_amount: c.target.amount,
    target_unit: c.target.unit,
    started_at: c.startedAt,
    deadline: c.deadline,
    at_risk_at: c.atRiskAt,
    budget_ms: Math.round(c.budgetMs),
    consumed_ms: Math.round(c.consumedMs),
    consumed_as_of: c.consumedAsOf,
    pauses: c.pauses,
    at_risk_recorded_at: c.atRiskRecordedAt,
    breached_at: c.breachedAt,
    ended_at: c.endedAt,
    end_reason: c.endReason,
    calendar_version: c.calendarVersion,
  };
}
