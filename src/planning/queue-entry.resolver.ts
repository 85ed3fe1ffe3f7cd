import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { batchScope } from '../common/request-batcher';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { awaitsClient, confirmedRemoteSessionAt } from '../tickets/awaiting-client';
import { ClockStatesLoader } from '../tickets/clock-states.loader';
import { SlaClockModel } from '../tickets/ticket.model';
import { UserNamesLoader } from '../tickets/user-names.loader';
import { QueueEntryModel } from './queue.model';
import type { QueueEntry } from './queue.service';

/**
 * Why nothing is due on a queued ticket (QA S21): the work list and the client queue say, as the
 * ticket lists do, that the ticket waits on the client and what its paused clock keeps (L3-06…L3-09).
 * The same rule and the same batched clock read as `Ticket.awaitingClient` and `Ticket.clocks`.
 * And who has it (L3-07), read as `Ticket.assigneeName` is.
 */
@Resolver(() => QueueEntryModel)
export class QueueEntryResolver {
  constructor(
    private readonly clockStates: ClockStatesLoader,
    private readonly names: UserNamesLoader,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'As Ticket.assigneeName (L3-07): the assigned agent by name, null while unassigned (read in one batch per request).',
  })
  assigneeName(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() entry: QueueEntry,
  ): Promise<string | null> {
    return this.names.load(ctx, user, entry.assigneeId);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      "As Ticket.assigneeActive (QA S63 #3): whether the assigned agent's account is active (provider staff only; null for clients and while unassigned), so the work list marks an inactive assignee as the ticket lists do.",
  })
  assigneeActive(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() entry: QueueEntry,
  ): Promise<boolean | null> {
    return this.names.loadActive(ctx, user, entry.assigneeId);
  }

  @ResolveField(() => Boolean, {
    description:
      "As Ticket.awaitingClient (L3-06/L3-07/L3-09): the ticket's next step is the client's (for a client user: theirs; an estimate or change order to authorize counts for approvers and staff only).",
  })
  awaitingClient(@CurrentUser() user: AuthenticatedUser, @Parent() entry: QueueEntry): boolean {
    const { newestEstimateStatus, remoteSessionAccepted } = entry.clientWait;
    return awaitsClient(user, {
      state: entry.state,
      estimates: newestEstimateStatus ? [{ status: newestEstimateStatus }] : [],
      remoteSession: { accepted: remoteSessionAccepted },
    });
  }

  @ResolveField(() => Date, {
    nullable: true,
    description:
      'As Ticket.confirmedRemoteSessionAt (L3-06): while the ticket waits for a remote session the client confirmed, its time; null otherwise.',
  })
  confirmedRemoteSessionAt(@Parent() entry: QueueEntry): Date | null {
    const { remoteSessionAccepted, remoteSessionAt } = entry.clientWait;
    return confirmedRemoteSessionAt({
      state: entry.state,
      remoteSession:
        remoteSessionAt && remoteSessionAccepted ? { accepted: true, at: remoteSessionAt } : null,
    });
  }

  @ResolveField(() => [SlaClockModel], {
    description:
      "As Ticket.clocks: the ticket's clock runs, oldest first, e.g. one paused while the client is awaited and its business time left (L3-06…L3-08). Read in one batch per request.",
  })
  clocks(
    @Context() ctx: object,
    @Info() info: GraphQLResolveInfo,
    @Parent() entry: QueueEntry,
  ): Promise<SlaClockModel[]> {
    return this.clockStates.live(batchScope(ctx, info, entry), {
      number: entry.ticketNumber,
      calendarId: entry.calendarId,
    });
  }
}
