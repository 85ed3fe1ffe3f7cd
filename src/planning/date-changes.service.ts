import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { adjustReleaseDateUpdate } from '../../workflows/ticket/ticket.contract';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { type AuthenticatedUser, isProviderStaff, Role } from '../identity';
import { TicketEntity } from '../tickets/ticket.entity';
import { releaseDateRefusal } from '../tickets/date-horizon';
import { ticketFromEntity } from '../tickets/ticket.mapper';
import type { TransitionOutcome } from '../tickets/ticket.model';
import { TicketWorkflowClient } from '../tickets/ticket-workflow.client';

/** One published date change (L3-19), as the ticket's timeline recorded it. */
export interface DateChange {
  readonly ticketNumber: string;
  readonly subject: string;
  /** Timeline sequence number of the `DATE_ADJUSTED` event. */
  readonly seq: number;
  readonly at: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly subjectDate: string;
  readonly oldDate: Date | null;
  readonly newDate: Date;
  readonly reason: string;
  /** The client's queue reorder that caused it, if any. */
  readonly reorderId: string | null;
}

interface ChangeRow {
  ticket_number: string;
  subject: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  data: Record<string, unknown>;
}

const PROVIDER_ROLES = [Role.AGENT, Role.MANAGER, Role.ADMIN] as const;

/**
 * L3-19 published date adjustments: provider staff move a ticket's release date with a reason
 * (the same Update and publication as a client's reorder), and every change is read back from
 * the event log (`DATE_ADJUSTED` events), e.g. by the biweekly checkpoint.
 */
@Injectable()
export class DateChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: TicketWorkflowClient,
    private readonly calendars: CalendarsService,
  ) {}

  /** Every date change of `organizationId`'s tickets at or after `since`, oldest first. */
  async since(organizationId: string, since: Date): Promise<DateChange[]> {
    const rows = await this.db.query<ChangeRow[]>(
      `SELECT e.ticket_number, t.subject, e.seq, e.at, e.actor_id, e.actor_role, e.data
         FROM ticket_event e
         JOIN ticket t ON t.number = e.ticket_number
        WHERE t.organization_id = $1 AND e.type = 'DATE_ADJUSTED' AND e.at >= $2
        ORDER BY e.at ASC, e.ticket_number ASC, e.seq ASC`,
      [organizationId, since],
    );
    return rows.map((r) => ({
      ticketNumber: r.ticket_number,
      subject: r.subject,
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      subjectDate: typeof r.data.subjectDate === 'string' ? r.data.subjectDate : 'RELEASE_DATE',
      oldDate: typeof r.data.oldDate === 'string' ? new Date(r.data.oldDate) : null,
      newDate: new Date(String(r.data.newDate)),
      reason: typeof r.data.reason === 'string' ? r.data.reason : '',
      reorderId: typeof r.data.reorderId === 'string' ? r.data.reorderId : null,
    }));
  }

  /** Provider staff move a published release date, with a reason (L3-19). */
  async adjust(
    user: AuthenticatedUser,
    input: { number: string; newDate: Date; reason: string; requestId?: string },
  ): Promise<TransitionOutcome> {
    const role = PROVIDER_ROLES.find((r) => user.roles.includes(r));
    if (!role || !isProviderStaff(user)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only provider staff adjust release dates');
    }
    const ticket = await this.db
      .getRepository(TicketEntity)
      .findOne({ where: { number: input.number }, select: { number: true, calendarId: true } });
    if (!ticket) throw notFound('ticket', input.number, `Ticket ${input.number} not found`);
    // At most a year ahead (the refusal names the latest date the ticket's calendar accepts), and
    // not on a holiday (named): refused here first, the workflow's validator checks too.
    const calendar = await this.calendars.current(ticket.calendarId);
    const refusal = releaseDateRefusal(
      calendar.engine,
      input.newDate.toISOString(),
      'newDate',
      Date.now(),
    );
    if (refusal) throw refusal;
    const requestId = input.requestId ?? randomUUID();
    const result = await this.workflows.update(input.number, adjustReleaseDateUpdate, {
      requestId,
      actor: { userId: user.id, role },
      newDate: input.newDate.toISOString(),
      reason: input.reason,
    });
    // Answered from the read model, as every transition: the Update returns once its events are
    // projected (the workflow's state keeps only the newest timeline events).
    const row = await this.db.getRepository(TicketEntity).findOneByOrFail({ number: input.number });
    return { ticket: ticketFromEntity(row), requestId, seq: result.seq };
  }
}
