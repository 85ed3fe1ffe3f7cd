import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PeriodicSweep } from '../common/periodic-sweep';
import type { DataSource } from 'typeorm';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { TicketWorkflowClient } from './ticket-workflow.client';

/**
 * A calendar version this recent is left to the edit's own signals (`TicketsService` sends them
 * right after the commit); a clock is looked at only once that had time to land.
 */
const GRACE_MS = 30_000;
const SWEEP_EVERY_MS = 10_000;
const BATCH = 100;
/**
 * A ticket this process signalled for a version is not signalled again for it before this long:
 * a ticket whose read model cannot catch up (its workflow gone) is not signalled every sweep.
 */
const RESIGNAL_AFTER_MS = 10 * 60_000;

interface Stale {
  number: string;
  calendar_id: string;
  version: number;
}

/**
 * BUSINESS-TIME.md: a calendar change applies to every running clock whose deadline has not
 * passed. A calendar edit commits first, then signals the open tickets on that calendar; should
 * that fail (Temporal away, the API killed in between), their deadlines would keep the old
 * calendar. This sweep finds the running clocks in the read model (`ticket_clock`) computed with
 * an older version than their calendar's current one and signals those tickets again, in batches
 * of 100, at boot and every 10 s. A signal is idempotent: the workflow recomputes its running
 * clocks against the current version and records `CLOCK_RECOMPUTED` only for a clock whose
 * deadline or version changes, so a repeated signal records nothing and emails nobody.
 */
@Injectable()
export class CalendarChangeReconciler extends PeriodicSweep {
  protected readonly logger = new Logger(CalendarChangeReconciler.name);
  /** Ticket number → the version it was signalled for, and when. */
  private readonly signalled = new Map<string, { version: number; at: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: TicketWorkflowClient,
  ) {
    super(SWEEP_EVERY_MS, 'calendar change');
  }

  /** Signals every open ticket whose running clocks missed a calendar change; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    for (const [number, s] of this.signalled) {
      if (now.getTime() - s.at >= RESIGNAL_AFTER_MS) this.signalled.delete(number);
    }
    let after = '';
    let sent = 0;
    for (;;) {
      const batch = await this.stale(new Date(now.getTime() - GRACE_MS), after);
      for (const t of batch) {
        if (this.signalled.get(t.number)?.version === t.version) continue;
        await this.workflows.calendarChanged(t.number, t.calendar_id);
        this.signalled.set(t.number, { version: t.version, at: now.getTime() });
        sent += 1;
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].number;
    }
    if (sent) this.logger.warn(`signalled ${sent} ticket(s) a calendar change had missed`);
    return sent;
  }

  /** Up to BATCH open tickets after `after` with a running clock older than its calendar. */
  private stale(changedBefore: Date, after: string): Promise<Stale[]> {
    // `ended_at IS NULL AND status = 'RUNNING'` reads the partial index of open clocks.
    return this.db.query<Stale[]>(
      `SELECT DISTINCT c.ticket_number AS number, t.calendar_id, cal.current_version AS version
         FROM ticket_clock c
         JOIN ticket t ON t.number = c.ticket_number
         JOIN business_calendar cal ON cal.id = t.calendar_id
         JOIN business_calendar_version v
           ON v.calendar_id = cal.id AND v.version = cal.current_version
        WHERE c.ended_at IS NULL AND c.status = 'RUNNING'
          AND c.calendar_version < cal.current_version
          AND v.changed_at < $1
          AND t.state <> ALL ($2::text[])
          AND c.ticket_number > $3
        ORDER BY c.ticket_number
        LIMIT $4`,
      [changedBefore, TERMINAL_STATES, after, BATCH],
    );
  }
}
