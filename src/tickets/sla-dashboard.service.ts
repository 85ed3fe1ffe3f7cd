import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { timePart } from '../common/server-timing';
import { EntityColumns } from '../database/entity-columns';
import { preparedQuery } from '../database/prepared-query';
import { TicketClockEntity } from './ticket-clock.entity';
import { liveClockFromEntity } from './ticket.mapper';
import type {
  SlaComplianceFilter,
  SlaComplianceRow,
  SlaTimerCountFilter,
  SlaTimerCounts,
  SlaTimerFilter,
  SlaTimerModel,
} from './sla-dashboard.model';

/** A clock row (as {@link TicketClockEntity}'s properties) with its ticket's columns. */
type TimerRow = TicketClockEntity & {
  readonly organizationId: string;
  readonly subject: string;
  readonly ticketState: string;
  readonly calendarId: string;
  readonly calendarVersion: number;
};

/** The managers' SLA view over the read model: live timers and compliance. */
@Injectable()
export class SlaDashboardService {
  private clockRead: EntityColumns<TicketClockEntity> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
  ) {}

  /**
   * Open clocks, soonest deadline first; or, `breachedOnly`, the breaches that still need
   * attention: clocks breached on tickets not ended, most recent breach first (a closed ticket's
   * breach is history, and old breaches must not crowd a new one out of the page). Remaining time
   * computed now.
   */
  async timers(filter: SlaTimerFilter): Promise<SlaTimerModel[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const where = filter.breachedOnly
      ? ['c.breached_at IS NOT NULL', `t.state <> ALL(${param(TERMINAL_STATES)})`]
      : ['c.ended_at IS NULL'];
    if (filter.kind) where.push(`c.kind = ${param(filter.kind)}`);
    if (filter.organizationId) where.push(`t.organization_id = ${param(filter.organizationId)}`);
    if (filter.atRiskOnly)
      where.push('c.at_risk_recorded_at IS NOT NULL AND c.breached_at IS NULL');
    if (filter.runningOnly) where.push(`c.status IN ('RUNNING', 'PAUSED')`);
    // Plain SQL, the clock columns named as the entity's properties: a page of 200 rows is read
    // on every dashboard refresh, and entity hydration costed as much as the query's own work.
    // Each ticket's calendar version comes with it, so its compiled calendar is a cache read.
    // Prepared: planning this three-table join cost PostgreSQL about as much as running it.
    // `read` in the answer's Server-Timing (API_SERVER_TIMING=on).
    const rows = await timePart('read', () =>
      preparedQuery<Record<string, unknown>>(
        this.db,
        `SELECT ${this.clockColumns().select}, t.organization_id AS "organizationId", t.subject,
              t.state AS "ticketState", t.calendar_id AS "calendarId",
              cal.current_version AS "calendarVersion"
         FROM ticket_clock c INNER JOIN ticket t ON t.number = c.ticket_number
              INNER JOIN business_calendar cal ON cal.id = t.calendar_id
        WHERE ${where.join(' AND ')}
        ORDER BY ${filter.breachedOnly ? 'c.breached_at DESC, c.clock_id' : 'c.deadline ASC NULLS LAST'}
        LIMIT ${param(filter.first)}`,
        params,
      ),
    );
    // One lookup per calendar version, not per clock (most tickets share a handful of calendars),
    // all before the rows are mapped: a page of 200 clocks is then one synchronous pass.
    const keyOf = (row: Record<string, unknown>) =>
      `${row.calendarId as string}:${row.calendarVersion as number}`;
    const rowOfEachVersion = new Map(rows.map((row) => [keyOf(row), row]));
    const calendars = new Map(
      await Promise.all(
        [...rowOfEachVersion].map(
          async ([key, row]) =>
            [
              key,
              await this.calendars.atVersion(
                row.calendarId as string,
                row.calendarVersion as number,
              ),
            ] as const,
        ),
      ),
    );
    const now = new Date();
    return rows.map((raw) => {
      const row = this.clockColumns().withDates<TimerRow>(raw);
      const clock = liveClockFromEntity(row, calendars.get(keyOf(raw))!, now);
      return {
        ticketNumber: row.ticketNumber,
        organizationId: row.organizationId,
        subject: row.subject,
        ticketState: row.ticketState,
        clock,
        slaStatus: clock.breachedAt ? 'breached' : clock.atRiskRecordedAt ? 'at_risk' : 'ok',
      };
    });
  }

  /**
   * How many clocks each list of {@link timers} holds in all, under the same definitions: the
   * board says «200 de 350» instead of hiding the rest (a manager must not miss a breach). Asked
   * with the lists on every refresh, so bounded by open work, not history: the open clocks' counts
   * and the breaches on tickets not ended (`ticket_ended`, written by the projection with the
   * ticket's state and kept by a trigger when it changes) each read a partial index holding every
   * column they test (migration 1764319760000); for one client, by the client each clock carries
   * (`organization_id`, migration 1764319880000), never reading the client's tickets.
   */
  async counts(filter: SlaTimerCountFilter): Promise<SlaTimerCounts> {
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const and: string[] = [];
    if (filter.kind) and.push(`c.kind = ${param(filter.kind)}`);
    if (filter.organizationId) and.push(`c.organization_id = ${param(filter.organizationId)}`);
    const more = and.map((w) => ` AND ${w}`).join('');
    const [row] = await this.db.query<SlaTimerCounts[]>(
      `SELECT count(*) FILTER (WHERE c.status = 'RUNNING')::int AS running,
              count(*) FILTER (WHERE c.status = 'PAUSED')::int AS paused,
              count(*) FILTER (WHERE c.at_risk_recorded_at IS NOT NULL
                                 AND c.breached_at IS NULL)::int AS "atRisk",
              (SELECT count(*)::int FROM ticket_clock c
                WHERE c.breached_at IS NOT NULL AND NOT c.ticket_ended${more}) AS breached
         FROM ticket_clock c
        WHERE c.ended_at IS NULL${more}`,
      params,
    );
    return row;
  }

  /**
   * Every `ticket_clock` column, aliased to its entity property; the timestamps as epoch seconds
   * (a page of 200 clocks reads 1,600 of them).
   */
  private clockColumns(): EntityColumns<TicketClockEntity> {
    this.clockRead ??= new EntityColumns(this.db.getMetadata(TicketClockEntity), 'c', {
      epochTimestamps: true,
    });
    return this.clockRead;
  }

  /**
   * Per month, clock kind and organization: clocks met (in the month they ended within target) vs
   * breached (in the month they breached, ended or still running: a breach can never be met).
   */
  async compliance(filter: SlaComplianceFilter): Promise<SlaComplianceRow[]> {
    if (filter.fromMonth > filter.toMonth) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'fromMonth is after toMonth');
    }
    const rows = await this.db.query<
      { month: string; kind: string; organization_id: string; met: string; breached: string }[]
    >(
      // Kept by a trigger on ticket_clock (migrations 1764317900000, 1764319510000): a few rows
      // per month.
      `SELECT month, kind, organization_id, met, breached
         FROM sla_compliance_month
        WHERE month BETWEEN $1 AND $2 AND clocks > 0
          AND ($3::uuid IS NULL OR organization_id = $3::uuid)
        ORDER BY 1, 2, 3`,
      [filter.fromMonth, filter.toMonth, filter.organizationId ?? null],
    );
    return rows.map((r) => {
      const met = Number(r.met);
      const breached = Number(r.breached);
      return {
        month: r.month,
        kind: r.kind,
        organizationId: r.organization_id,
        met,
        breached,
        compliancePercent: met + breached ? Math.round((met / (met + breached)) * 1000) / 10 : null,
      };
    });
  }
}
