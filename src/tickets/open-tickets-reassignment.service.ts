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
import { inLanes } from './in-lanes';
import { MAX_REASSIGN_BATCH } from './reassign-open-tickets.args';
import { TicketsService } from './tickets.service';

/** Reassignments of one batch under way at once (each its own ticket's workflow Update). */
export const REASSIGN_CONCURRENCY = 4;

/** One ticket's turn in a batch: what became of it. */
type TicketOutcome =
  | { kind: 'moved' }
  | { kind: 'already' }
  | { kind: 'failed'; failure: TicketReassignmentFailureModel };

/**
 * L3-07: a manager or administrator hands the open tickets one agent holds (typically one being
 * deactivated) to another active agent, a bounded batch per call. Each ticket goes through the
 * very path of `reassignTicket` (`TicketsService.transition`: the same `reassign` Update, so the
 * same event, email to the new agent and remote-session hand-over), {@link REASSIGN_CONCURRENCY}
 * tickets at a time; a ticket refused (closed meanwhile, handed elsewhere meanwhile) is reported
 * and the rest still move. The answer says how many open tickets the agent still holds
 * (`remaining`) and where the next batch starts (`nextAfter`, a ticket number: keyset over the
 * numbers, so a pass tries each ticket once and tickets that failed cannot make a caller loop).
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
    batch: { first?: number; after?: string } = {},
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
    const first = batch.first ?? MAX_REASSIGN_BATCH;
    const numbers = await this.openTicketsOf(fromUserId, first, batch.after);
    // Each ticket's outcome in its own slot: the lists below keep the ticket-number order
    // whichever reassignment finishes first.
    const outcomes: TicketOutcome[] = [];
    await inLanes(
      numbers.map((number, index) => ({ number, index })),
      REASSIGN_CONCURRENCY,
      async ({ number, index }) => {
        outcomes[index] = await this.reassignOne(caller, number, fromUserId, toUserId, note);
      },
    );
    const result: OpenTicketsReassignmentModel = {
      moved: [],
      movedCount: 0,
      alreadyAssigned: [],
      failed: [],
      remaining: 0,
      nextAfter: null,
    };
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.kind === 'moved') result.moved.push(numbers[index]);
      else if (outcome.kind === 'already') result.alreadyAssigned.push(numbers[index]);
      else result.failed.push(outcome.failure);
    }
    result.movedCount = result.moved.length;
    const last = numbers.at(-1);
    const left = await this.stillHeld(fromUserId, last ?? batch.after);
    result.remaining = left.remaining;
    // A next batch only past what this one tried, and only when it tried something.
    result.nextAfter = last !== undefined && left.after > 0 ? last : null;
    return result;
  }

  /** One ticket to `toUserId`, as reassignTicket would; a refusal is its outcome, never thrown. */
  private async reassignOne(
    caller: AuthenticatedUser,
    number: string,
    fromUserId: string,
    toUserId: string,
    note: string | undefined,
  ): Promise<TicketOutcome> {
    try {
      // `fromAgentId`: a ticket handed elsewhere since it was listed stays with its new agent.
      await this.tickets.transition<ReassignArgs>(caller, number, 'reassign', reassignUpdate, {
        agentId: toUserId,
        fromAgentId: fromUserId,
        ...(note?.trim() ? { note } : {}),
      });
      return { kind: 'moved' };
    } catch (err) {
      const failure = failureOf(number, err);
      // Moved by a retry or a concurrent call already: nothing recorded, nobody emailed twice.
      if (failure.reason === 'ALREADY_ASSIGNED') return { kind: 'already' };
      if (failure.code === String(ErrorCode.INTERNAL)) {
        this.logger.error(`reassigning ${number}: ${String((err as Error)?.stack ?? err)}`);
      }
      return { kind: 'failed', failure };
    }
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

  /** Up to `first` open tickets `userId` holds, oldest number first, numbered after `after`. */
  private async openTicketsOf(userId: string, first: number, after?: string): Promise<string[]> {
    const rows = await this.db.query<{ number: string }[]>(
      `SELECT number FROM ticket WHERE assignee_id = $1 AND state <> ALL($2::text[])
          AND ($3::text IS NULL OR number > $3)
        ORDER BY number LIMIT $4`,
      [userId, [...TERMINAL_STATES], after ?? null, first],
    );
    return rows.map((r) => r.number);
  }

  /** How many open tickets `userId` holds now, and how many of them are numbered after `after`. */
  private async stillHeld(
    userId: string,
    after?: string,
  ): Promise<{ remaining: number; after: number }> {
    const [row] = await this.db.query<{ remaining: number; after: number }[]>(
      `SELECT count(*)::int AS remaining,
              count(*) FILTER (WHERE $3::text IS NULL OR number > $3)::int AS after
         FROM ticket WHERE assignee_id = $1 AND state <> ALL($2::text[])`,
      [userId, [...TERMINAL_STATES], after ?? null],
    );
    return row;
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
