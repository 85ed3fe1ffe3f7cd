import { Injectable } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import {
  calendarChangedSignal,
  type RequestBase,
  ticketStateQuery,
  type TicketInput,
  type TicketView,
  ticketWorkflowId,
  type TransitionResult,
} from '../../workflows/ticket/ticket.contract';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import {
  searchAttributesKey,
  startSearchAttributes,
} from '../../workflows/ticket/ticket-search-attributes';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { TemporalClientService } from '../temporal/temporal-client.service';

const FAILURE_CODES: Record<string, ErrorCode> = {
  INVALID_TRANSITION: ErrorCode.INVALID_TRANSITION,
  VALIDATION_FAILED: ErrorCode.VALIDATION_FAILED,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  CONFLICT: ErrorCode.CONFLICT,
};

/** The API's side of the ticket workflow: start it, send it Updates, read its state. */
@Injectable()
export class TicketWorkflowClient {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Starts the ticket's workflow; a second start of the same ticket is a no-op (idempotent). With
   * `opened`, the state its first task will open with: the start sets that state's search
   * attributes, so the first task upserts none (issues 5/10).
   */
  async start(input: TicketInput, opened?: TicketView): Promise<void> {
    const listed = opened && input.searchAttributes !== false ? opened : undefined;
    try {
      await this.temporal.client.workflow.start<typeof ticketWorkflow>('ticketWorkflow', {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: ticketWorkflowId(input.ticketNumber),
        args: [listed ? { ...input, searchAttributesAtStart: searchAttributesKey(listed) } : input],
        ...(listed ? { typedSearchAttributes: startSearchAttributes(listed) } : {}),
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      // A retried start of this very ticket is fine; a workflow of another ticket that carries the
      // same number (e.g. the database was reset but Temporal was not) must never be adopted.
      const running = await this.state(input.ticketNumber);
      if (
        running.registeredAt !== input.registeredAt ||
        running.registrantId !== input.registrantId
      ) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Ticket ${input.ticketNumber} already has a workflow registered at ${running.registeredAt}`,
        );
      }
    }
  }

  /**
   * Runs one transition. The Update ID is the request ID, so a retried request is answered from
   * the first run; a rejection by the workflow's validator becomes a typed {@link DomainError}.
   * With `timeoutMs`, a transition not answered by then (no worker polls the ticket's task queue
   * for a moment: the server holds the Update until one does) fails with the SDK's
   * `WorkflowUpdateRPCTimeoutOrCancelledError`, for the caller to retry with the same request ID;
   * without it, the call waits for a worker however long that takes.
   */
  async update<A extends RequestBase>(
    ticketNumber: string,
    definition: UpdateDefinition<TransitionResult, [A]>,
    args: A,
    options: { readonly timeoutMs?: number } = {},
  ): Promise<TransitionResult> {
    const handle = this.temporal.client.workflow.getHandle(ticketWorkflowId(ticketNumber));
    const run = () => handle.executeUpdate(definition, { args: [args], updateId: args.requestId });
    try {
      return await (options.timeoutMs === undefined
        ? run()
        : this.temporal.connection.withDeadline(Date.now() + options.timeoutMs, run));
    } catch (err) {
      throw toDomainError(err, ticketNumber);
    }
  }

  /** Tells a running ticket its calendar changed: running deadlines are recomputed. */
  async calendarChanged(ticketNumber: string, calendarId: string): Promise<void> {
    try {
      await this.temporal.client.workflow
        .getHandle(ticketWorkflowId(ticketNumber))
        .signal(calendarChangedSignal, { calendarId });
    } catch (err) {
      // A ticket that ended meanwhile has no clock left to move.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }

  /** Whether the ticket's workflow ran and has ended (a closed ticket); false when it never ran. */
  async hasEnded(ticketNumber: string): Promise<boolean> {
    try {
      const described = await this.temporal.client.workflow
        .getHandle(ticketWorkflowId(ticketNumber))
        .describe();
      return described.status.name !== 'RUNNING';
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }

  async state(ticketNumber: string): Promise<TicketView> {
    try {
      return await this.temporal.client.workflow
        .getHandle(ticketWorkflowId(ticketNumber))
        .query(ticketStateQuery);
    } catch (err) {
      throw toDomainError(err, ticketNumber);
    }
  }
}

/** What the API makes of a Temporal error about one ticket: a typed `DomainError` where one applies. */
export function toDomainError(err: unknown, ticketNumber: string): unknown {
  if (err instanceof WorkflowNotFoundError) {
    return notFound('ticket', ticketNumber, `Ticket ${ticketNumber} not found`);
  }
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = FAILURE_CODES[err.cause.type ?? ''];
    // The workflow's refusal: its reason and parameters travel in the failure's details.
    const [refusal] = err.cause.details ?? [];
    const details = typeof refusal === 'object' && refusal !== null ? { ...refusal } : undefined;
    if (code) return new DomainError(code, err.cause.message, details);
  }
  return err;
}
