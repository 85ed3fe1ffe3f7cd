import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type ReassignArgs,
  reassignUpdate,
  TERMINAL_STATES,
} from '../../workflows/ticket/ticket.contract';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { formatGraphQLError } from '../common/errors/graphql-error-formatter';
import type { AuthenticatedUser } from '../identity';
import type {
  OpenTicketsReassignmentModel,
  TicketReassignmentFailureModel,
} from './open-tickets-reassignment.model';
import { TicketsService } from './tickets.service';

/**
 * L3-07: a manager or administrator hands every open ticket one agent holds (typically one being
 * deactivated) to another active agent in one step. Each ticket goes through the very path of
 * `reassignTicket` (`TicketsService.transition`: the same `reassign` Update, so the same event,
 * email to the new agent and remote-session hand-over), one after the other; a ticket refused
 * (closed meanwhile, handed elsewhere meanwhile) is reported and the rest still move.
 */
@Injectable()
export class OpenTicketsReassignmentService {
  private readonly logger = new Logger(OpenTicketsReassignmentService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
  ) {}

  async reassign(
    caller: AuthenticatedUser,
    fromUserId: string,
    toUserId: string,
    note?: string,
  ): Promise<OpenTicketsReassignmentModel> {
    await this.requireUsers(fromUserId, toUserId);
    if (fromUserId === toUserId) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'Los tickets ya son de ese agente: elija a otro / the tickets would go to the agent who holds them',
        { reason: 'SAME_USER', field: 'toUserId' },
      );
    }
    await this.tickets.requireActiveAgent(toUserId);
    const result: OpenTicketsReassignmentModel = {
      moved: [],
      movedCount: 0,
      alreadyAssigned: [],
      failed: [],
    };
    for (const number of await this.openTicketsOf(fromUserId)) {
      try {
        // `fromAgentId`: a ticket handed elsewhere since it was listed stays with its new agent.
        await this.tickets.transition<ReassignArgs>(caller, number, 'reassign', reassignUpdate, {
          agentId: toUserId,
          fromAgentId: fromUserId,
          ...(note?.trim() ? { note } : {}),
        });
        result.moved.push(number);
      } catch (err) {
        const failure = failureOf(number, err);
        // Moved by a retry or a concurrent call already: nothing recorded, nobody emailed twice.
        if (failure.reason === 'ALREADY_ASSIGNED') result.alreadyAssigned.push(number);
        else {
          if (failure.code === String(ErrorCode.INTERNAL)) {
            this.logger.error(`reassigning ${number}: ${String((err as Error)?.stack ?? err)}`);
          }
          result.failed.push(failure);
        }
      }
    }
    result.movedCount = result.moved.length;
    return result;
  }

  /** NOT_FOUND for an ID that names no user (the first one missing). */
  private async requireUsers(...ids: string[]): Promise<void> {
    const rows = await this.db.query<{ id: string }[]>(
      'SELECT id FROM app_user WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw notFound('user', missing, `No user ${missing}`);
  }

  /** The open tickets `userId` holds, oldest number first. */
  private async openTicketsOf(userId: string): Promise<string[]> {
    const rows = await this.db.query<{ number: string }[]>(
      `SELECT number FROM ticket WHERE assignee_id = $1 AND state <> ALL($2::text[])
        ORDER BY number`,
      [userId, [...TERMINAL_STATES]],
    );
    return rows.map((r) => r.number);
  }
}

/**
 * One ticket's refusal as a GraphQL client would have read it from `reassignTicket` (code, reason,
 * message), mapped by the one formatter (an unexpected error is INTERNAL, with no internals).
 */
function failureOf(number: string, err: unknown): TicketReassignmentFailureModel {
  const formatted = formatGraphQLError({ message: 'Internal error' }, err);
  const ext = formatted.extensions ?? {};
  return {
    number,
    code: typeof ext.code === 'string' ? ext.code : ErrorCode.INTERNAL,
    reason: typeof ext.reason === 'string' ? ext.reason : null,
    message: formatted.message,
  };
}
