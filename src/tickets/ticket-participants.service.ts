import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RequestBatcher } from '../common/request-batcher';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import {
  AppUserEntity,
  type AuthenticatedUser,
  isProviderStaff,
  OrganizationKind,
} from '../identity';
import { NotificationsService } from '../notifications/notifications.service';
import { renderOptionsOf } from '../notifications/render-options';
import {
  PARTICIPANT_ADDED_EMAIL_TYPE,
  participantAddedEventKey,
  renderParticipantAddedEmail,
} from '../notifications/templates/participant-added';
import type {
  TicketParticipantChangeKind,
  TicketParticipantChangeModel,
  TicketParticipantModel,
} from './ticket-participant.model';
import { TicketsService } from './tickets.service';
import { assertTicketOpen } from './ticket-open';
import { notifyTicketChanged } from './ticket-projection.service';

interface ParticipantRow {
  readonly ticket_number: string;
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly active: boolean;
}

/**
 * L3-11 (S19): a ticket's participants, client users of its organization who get every email its
 * registrant gets (`PARTICIPANTS` in the recipient rules). Who may change them: provider staff, the
 * registrant, and any client user of the organization for themselves («Seguir este ticket»). Only
 * an active client user of the ticket's organization can be one; the same VALIDATION_FAILED for an
 * unknown id and another organization's user, so nothing leaks. Not a workflow transition: the
 * ticket's clocks and history do not change. Both calls are idempotent; an ended ticket's
 * participants no longer change (INVALID_TRANSITION `TICKET_CLOSED`). Every add and removal that
 * changes something is kept in `ticket_participant_change` (who, by whom, when; `ticket_participant`
 * holds the current ones), and a person someone else adds gets one email saying so.
 */
@Injectable()
export class TicketParticipantsService {
  /** Participants of each ticket a GraphQL request reads, in one statement. */
  private readonly batcher = new RequestBatcher<null, TicketParticipantModel[]>((numbers) =>
    this.read(numbers),
  );
  /** Candidates of each organization a GraphQL request reads, in one statement. */
  private readonly candidatesBatcher = new RequestBatcher<null, TicketParticipantModel[]>(
    (organizationIds) => this.readCandidates(organizationIds),
  );

  /** Participant history of each ticket a GraphQL request reads, in one statement. */
  private readonly historyBatcher = new RequestBatcher<null, TicketParticipantChangeModel[]>(
    (numbers) => this.readHistory(numbers),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /** The participants of a ticket the caller already reads (batched per request). */
  async load(context: object, number: string): Promise<TicketParticipantModel[]> {
    return (await this.batcher.load(context, number, null)) ?? [];
  }

  /**
   * Who added or removed whom and when, oldest first: for provider staff only (null for a client
   * user). Batched per request like `load`.
   */
  async history(
    context: object,
    user: AuthenticatedUser,
    number: string,
  ): Promise<TicketParticipantChangeModel[] | null> {
    if (!isProviderStaff(user)) return null;
    return (await this.historyBatcher.load(context, number, null)) ?? [];
  }

  /**
   * Whom the caller may add, by name (the page's picker): for provider staff and the registrant,
   * the active client users of the organization; for another client user only themselves, the
   * one person `add` lets them name, so a client user does not get the organization's user list
   * and addresses (the users query is the administrators' and managers'). The caller already
   * reads the ticket. Batched per request like `load`: a list of tickets reads each
   * organization's users once.
   */
  async candidates(
    context: object,
    user: AuthenticatedUser,
    ticket: { readonly organizationId: string; readonly registrantId: string },
  ): Promise<TicketParticipantModel[]> {
    const all = (await this.candidatesBatcher.load(context, ticket.organizationId, null)) ?? [];
    return isProviderStaff(user) || user.id === ticket.registrantId
      ? all
      : all.filter((candidate) => candidate.id === user.id);
  }

  async add(
    user: AuthenticatedUser,
    number: string,
    userId: string,
  ): Promise<TicketParticipantModel[]> {
    const ticket = await this.changeable(user, number, userId);
    const target = await this.clientUser(ticket.organizationId, userId);
    if (!target?.active) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `userId ${userId} is not an active user of the ticket's organization`,
        // The candidates' list went stale (the user was deactivated meanwhile).
        { reason: 'PARTICIPANT_NOT_ACTIVE', fields: ['userId'] },
      );
    }
    await this.db.transaction(async (tx) => {
      const [added] = await tx.query<{ added_at: Date }[]>(
        `INSERT INTO ticket_participant (ticket_number, user_id, added_by) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING added_at`,
        [number, userId, user.id],
      );
      // Already a participant: nothing changed, nothing to record or tell.
      if (!added) return;
      const changeId = await this.record(tx, number, userId, 'ADDED', user.id);
      // Adding oneself («Seguir este ticket») needs no email: they know.
      if (userId !== user.id) {
        await this.tellAdded(tx, ticket, userId, user.id, changeId, added.added_at);
      }
    });
    return (await this.read([number])).get(number) ?? [];
  }

  async remove(
    user: AuthenticatedUser,
    number: string,
    userId: string,
  ): Promise<TicketParticipantModel[]> {
    const ticket = await this.changeable(user, number, userId);
    // A deactivated participant can still be removed; a stranger cannot be named.
    if (!(await this.clientUser(ticket.organizationId, userId))) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `userId ${userId} is not a user of the ticket's organization`,
        { fields: ['userId'] },
      );
    }
    await this.db.transaction(async (tx) => {
      // A SELECT over the DELETE: TypeORM answers a bare DELETE … RETURNING as [rows, count].
      const [{ removed }] = await tx.query<{ removed: number }[]>(
        `WITH d AS (DELETE FROM ticket_participant WHERE ticket_number = $1 AND user_id = $2
                    RETURNING user_id)
         SELECT count(*)::int AS removed FROM d`,
        [number, userId],
      );
      // Not a participant: nothing changed, nothing to record.
      if (removed > 0) await this.record(tx, number, userId, 'REMOVED', user.id);
    });
    return (await this.read([number])).get(number) ?? [];
  }

  /**
   * One row of the ticket's participant history: who added or removed whom, and when; the ticket's
   * live subscribers are told it changed (`ticket_changed`).
   */
  private async record(
    tx: EntityManager,
    number: string,
    userId: string,
    change: 'ADDED' | 'REMOVED',
    by: string,
  ): Promise<string> {
    const [{ id }] = await tx.query<{ id: string }[]>(
      `INSERT INTO ticket_participant_change (ticket_number, user_id, change, changed_by)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [number, userId, change, by],
    );
    // Open pages of the ticket (its «Participantes» list and history) hear of it live, on commit.
    await notifyTicketChanged(tx, number);
    return id;
  }

  /**
   * L3-11 (S19): the person someone else added is told, once per add (keyed by its change row),
   * through the outbox in the add's own transaction: in their language and zone, who added them,
   * and how to stop following.
   */
  private async tellAdded(
    tx: EntityManager,
    ticket: { readonly number: string; readonly subject: string },
    userId: string,
    byId: string,
    changeId: string,
    at: Date,
  ): Promise<void> {
    const people = await tx.getRepository(AppUserEntity).findBy({ id: In([userId, byId]) });
    const target = people.find((p) => p.id === userId);
    if (!target?.active) return;
    const byName = people.find((p) => p.id === byId)?.displayName ?? '—';
    await this.notifications.enqueueRendered(tx, [
      {
        event: {
          type: PARTICIPANT_ADDED_EMAIL_TYPE,
          eventKey: participantAddedEventKey(ticket.number, changeId),
          occurredAt: at.toISOString(),
          detail: { ticketNumber: ticket.number, userId, addedBy: byId, changeId },
        },
        ticketNumber: ticket.number,
        recipient: { id: target.id, email: target.email },
        names: { [byId]: byName },
        email: renderParticipantAddedEmail(
          { ticketNumber: ticket.number, ticketSubject: ticket.subject, byName, at },
          target,
          renderOptionsOf(this.config),
        ),
      },
    ]);
  }

  /**
   * The ticket (NOT_FOUND when the caller cannot read it), if the caller may change who follows
   * and it has not ended: an ended ticket sends no more news, and its record is final
   * (INVALID_TRANSITION `TICKET_CLOSED`, as for its files).
   */
  private async changeable(user: AuthenticatedUser, number: string, userId: string) {
    const ticket = await this.tickets.get(user, number);
    if (!isProviderStaff(user) && user.id !== ticket.registrantId && user.id !== userId) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Only the registrant or provider staff add or remove other people; a client user follows a ticket for themselves',
      );
    }
    assertTicketOpen(number, ticket.state, 'participant changes');
    return ticket;
  }

  private async clientUser(
    organizationId: string,
    userId: string,
  ): Promise<{ active: boolean } | undefined> {
    const [row] = await this.db.query<{ active: boolean }[]>(
      `SELECT active FROM app_user WHERE id = $1 AND organization_id = $2 AND organization_kind = $3`,
      [userId, organizationId, OrganizationKind.CLIENT],
    );
    return row;
  }

  private async readCandidates(
    organizationIds: readonly string[],
  ): Promise<Map<string, TicketParticipantModel[]>> {
    const rows = await this.db.query<(TicketParticipantModel & { organization_id: string })[]>(
      `SELECT organization_id, id, display_name AS name, email, active FROM app_user
        WHERE organization_id = ANY($1::uuid[]) AND organization_kind = $2 AND active
        ORDER BY display_name, email`,
      [organizationIds, OrganizationKind.CLIENT],
    );
    const out = new Map<string, TicketParticipantModel[]>(organizationIds.map((o) => [o, []]));
    for (const { organization_id, ...candidate } of rows) out.get(organization_id)?.push(candidate);
    return out;
  }

  private async readHistory(
    numbers: readonly string[],
  ): Promise<Map<string, TicketParticipantChangeModel[]>> {
    const rows = await this.db.query<
      {
        ticket_number: string;
        change: TicketParticipantChangeKind;
        id: string;
        name: string;
        email: string;
        active: boolean;
        by_name: string | null;
        at: Date;
      }[]
    >(
      `SELECT c.ticket_number, c.change, u.id, u.display_name AS name, u.email, u.active,
              b.display_name AS by_name, c.changed_at AS at
         FROM ticket_participant_change c
         JOIN app_user u ON u.id = c.user_id
         LEFT JOIN app_user b ON b.id = c.changed_by
        WHERE c.ticket_number = ANY($1::text[])
        ORDER BY c.ticket_number, c.id`,
      [numbers],
    );
    const out = new Map<string, TicketParticipantChangeModel[]>(numbers.map((n) => [n, []]));
    for (const r of rows) {
      out.get(r.ticket_number)?.push({
        change: r.change,
        participant: { id: r.id, name: r.name, email: r.email, active: r.active },
        byName: r.by_name,
        at: r.at,
      });
    }
    return out;
  }

  private async read(numbers: readonly string[]): Promise<Map<string, TicketParticipantModel[]>> {
    const rows = await this.db.query<ParticipantRow[]>(
      `SELECT p.ticket_number, u.id, u.display_name AS name, u.email, u.active
         FROM ticket_participant p JOIN app_user u ON u.id = p.user_id
        WHERE p.ticket_number = ANY($1::text[])
        ORDER BY u.display_name, u.email`,
      [numbers],
    );
    const out = new Map<string, TicketParticipantModel[]>(numbers.map((n) => [n, []]));
    for (const { ticket_number, ...participant } of rows) out.get(ticket_number)?.push(participant);
    return out;
  }
}
