import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestBatcher } from '../common/request-batcher';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { type AuthenticatedUser, isProviderStaff, OrganizationKind } from '../identity';
import type { TicketParticipantModel } from './ticket-participant.model';
import { TicketsService } from './tickets.service';

interface ParticipantRow {
  readonly ticket_number: string;
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly active: boolean;
}

/**
 * L3-11 (S19): a ticket's participants, client users of its organisation who get every email its
 * registrant gets (`PARTICIPANTS` in the recipient rules). Who may change them: provider staff, the
 * registrant, and any client user of the organisation for themselves («Seguir este ticket»). Only
 * an active client user of the ticket's organisation can be one; the same VALIDATION_FAILED for an
 * unknown id and another organisation's user, so nothing leaks. Not a workflow transition: the
 * ticket's clocks and history do not change. Both calls are idempotent.
 */
@Injectable()
export class TicketParticipantsService {
  /** Participants of each ticket a GraphQL request reads, in one statement. */
  private readonly batcher = new RequestBatcher<null, TicketParticipantModel[]>((numbers) =>
    this.read(numbers),
  );
  /** Candidates of each organisation a GraphQL request reads, in one statement. */
  private readonly candidatesBatcher = new RequestBatcher<null, TicketParticipantModel[]>(
    (organizationIds) => this.readCandidates(organizationIds),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
  ) {}

  /** The participants of a ticket the caller already reads (batched per request). */
  async load(context: object, number: string): Promise<TicketParticipantModel[]> {
    return (await this.batcher.load(context, number, null)) ?? [];
  }

  /**
   * Whom the caller may add, by name (the page's picker): for provider staff and the registrant,
   * the active client users of the organisation; for another client user only themselves, the
   * one person `add` lets them name, so a client user does not get the organisation's user list
   * and addresses (the users query is the administrators' and managers'). The caller already
   * reads the ticket. Batched per request like `load`: a list of tickets reads each
   * organisation's users once.
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
        `userId ${userId} is not an active user of the ticket's organisation`,
        { fields: ['userId'] },
      );
    }
    await this.db.query(
      `INSERT INTO ticket_participant (ticket_number, user_id, added_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [number, userId, user.id],
    );
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
        `userId ${userId} is not a user of the ticket's organisation`,
        { fields: ['userId'] },
      );
    }
    await this.db.query(
      'DELETE FROM ticket_participant WHERE ticket_number = $1 AND user_id = $2',
      [number, userId],
    );
    return (await this.read([number])).get(number) ?? [];
  }

  /** The ticket (NOT_FOUND when the caller cannot read it), if the caller may change who follows. */
  private async changeable(user: AuthenticatedUser, number: string, userId: string) {
    const ticket = await this.tickets.get(user, number);
    if (!isProviderStaff(user) && user.id !== ticket.registrantId && user.id !== userId) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Only the registrant or provider staff add or remove other people; a client user follows a ticket for themselves',
      );
    }
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
