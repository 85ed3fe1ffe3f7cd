import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '../identity';
import { TransitionOutcome } from '../tickets/ticket.model';
import { clientScope } from './client-scope';
import { DateChangesService } from './date-changes.service';
import {
  AdjustReleaseDateInput,
  ConfirmQueueReorderInput,
  DateChangesArgs,
  QueueArgs,
  QueueOrderInput,
  WorkListArgs,
} from './queue.inputs';
import {
  ClientQueueModel,
  DateChangeModel,
  PlannedDateChangeModel,
  QueueEntryModel,
  QueueReorderPreviewModel,
  QueueReorderResultModel,
} from './queue.model';
import { QueueReorderService } from './queue-reorder.service';
import type { PlannedDateChange } from './queue-reorder.entity';
import { QueueService } from './queue.service';

/** Stored changes carry ISO strings; the API answers DateTime values. */
function changeModel(change: PlannedDateChange): PlannedDateChangeModel {
  return { ...change, oldDate: new Date(change.oldDate), newDate: new Date(change.newDate) };
}

/**
 * Queues and re-planning over GraphQL (L3-10, L3-19): clients see their own queue, approvers
 * reorder it after seeing the impact preview; provider staff see every queue and the work list,
 * and move a published date with a reason.
 */
@Resolver()
export class QueueResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly reorders: QueueReorderService,
    private readonly changes: DateChangesService,
  ) {}

  @Query(() => ClientQueueModel, {
    description:
      "L3-10: a client's open tickets in queue order (urgent, then rank, then arrival) with planned dates.",
  })
  async clientQueue(@CurrentUser() user: AuthenticatedUser, @Args() args: QueueArgs) {
    return this.queues.queueOf(await clientScope(this.db.manager, user, args.organizationId));
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Query(() => [QueueEntryModel], {
    description:
      'L3-10: open tickets of every client: SLA at stake (breached, then at risk) first, then deliveries at risk (L3-19: published date the plan can no longer meet), then client-flagged urgent, then the place in the client queue (rank, then arrival); tickets waiting on the client (information, authorization, confirmation, testing) last.',
  })
  workList(@Args() args: WorkListArgs) {
    return this.queues.workList(args.first, args.organizationId);
  }

  @Roles(Role.CLIENT_APPROVER, Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Query(() => QueueReorderPreviewModel, {
    description: 'L3-19: the impact of a reorder (published dates old → new); writes nothing.',
  })
  async previewQueueReorder(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: QueueOrderInput,
  ) {
    const organizationId = await clientScope(this.db.manager, user, input.organizationId);
    const preview = await this.reorders.preview({
      organizationId,
      order: input.order,
      urgent: input.urgent,
    });
    return { ...preview, changes: preview.changes.map(changeModel) };
  }

  @Roles(Role.CLIENT_APPROVER)
  @Mutation(() => QueueReorderResultModel, {
    description:
      'L3-10/L3-19: a client approver applies exactly the previewed reorder; moved dates are published (email + timeline). CONFLICT when the queue changed since the preview.',
  })
  async confirmQueueReorder(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ConfirmQueueReorderInput,
  ) {
    const organizationId = await clientScope(this.db.manager, user, input.organizationId);
    const result = await this.reorders.confirm(
      { organizationId, order: input.order, urgent: input.urgent },
      input.previewToken,
      input.reason,
      { userId: user.id, role: Role.CLIENT_APPROVER },
    );
    return { ...result, changes: result.changes.map(changeModel) };
  }

  @Query(() => [DateChangeModel], {
    description: "L3-19: a client's published date changes since an instant, oldest first.",
  })
  async dateChanges(@CurrentUser() user: AuthenticatedUser, @Args() args: DateChangesArgs) {
    const organizationId = await clientScope(this.db.manager, user, args.organizationId);
    return this.changes.since(organizationId, args.since);
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Mutation(() => TransitionOutcome, {
    description: 'L3-19: provider staff move a published release date, with a reason.',
  })
  adjustReleaseDate(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: AdjustReleaseDateInput,
  ) {
    return this.changes.adjust(user, input);
  }
}
