import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { TicketClockEntity } from './ticket-clock.entity';
import { liveClockFromEntity } from './ticket.mapper';
import type {
  SlaComplianceFilter,
  SlaComplianceRow,
  SlaTimerFilter,
  SlaTimerModel,
} from './sla-dashboard.model';

/** The managers' SLA view over the read model: live timers and compliance. */
@Injectable()
export class SlaDashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
  ) {}

  /** Open clocks (or breached ones), soonest deadline first; remaining time computed now. */
  async timers(filter: SlaTimerFilter): Promise<SlaTimerModel[]> {
    const q = this.db
      .getRepository(TicketClockEntity)
      .createQueryBuilder('c')
      .innerJoin('ticket', 't', 't.number = c.ticket_number')
      .addSelect('t.organization_id', 'ticket_org')
      .addSelect('t.subject', 'ticket_subject')
      .addSelect('t.state', 'ticket_state')
      .addSelect('t.calendar_id', 'ticket_calendar')
      .where(filter.breachedOnly ? 'c.breached_at IS NOT NULL' : 'c.ended_at IS NULL');
    if (filter.kind) q.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.organizationId) {
      q.andWhere('t.organization_id = :org', { org: filter.organizationId });
    }
    if (filter.atRiskOnly) {
      q.andWhere('c.at_risk_recorded_at IS NOT NULL AND c.breached_at IS NULL');
    }
    const { entities, raw } = await q
      .orderBy('c.deadline', 'ASC', 'NULLS LAST')
      .limit(filter.first)
      .getRawAndEntities<{
        ticket_org: string;
        ticket_subject: string;
        ticket_state: string;
        ticket_calendar: string;
      }>();
    const now = new Date();
    // One lookup per calendar, not per clock: most tickets share a handful of calendars.
    const calendars = new Map<string, ReturnType<CalendarsService['current']>>();
    const calendarOf = (id: string) => {
      if (!calendars.has(id)) calendars.set(id, this.calendars.current(id));
      return calendars.get(id)!;
    };
    return Promise.all(
      entities.map(async (entity, i) => {
        const row = raw[i];
        const clock = liveClockFromEntity(
          entity,
          (await calendarOf(row.ticket_calendar)).engine,
          now,
        );
        return {
          ticketNumber: entity.ticketNumber,
          organizationId: row.ticket_org,
          subject: row.ticket_subject,
          ticketState: row.ticket_state,
          clock,
          slaStatus: clock.breachedAt ? 'breached' : clock.atRiskRecordedAt ? 'at_risk' : 'ok',
        };
      }),
    );
  }

  /** Per month, clock kind and organisation: ended clocks met vs breached. */
  async compliance(filter: SlaComplianceFilter): Promise<SlaComplianceRow[]> {
    if (filter.fromMonth > filter.toMonth) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'fromMonth is after toMonth');
    }
    const rows = await this.db.query<
      { month: string; kind: string; organization_id: string; met: string; breached: string }[]
    >(
      // Kept by a trigger on ticket_clock (migration 1764317900000): a few rows per month.
      `SELECT month, kind, organization_id, met, breached
         FROM sla_compliance_month
        WHERE month BETWEEN $1 AND $2 AND ended > 0
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
