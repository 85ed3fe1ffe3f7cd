import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '../identity';
import { OrganizationArgs } from '../contracts/statement.args';
import {
  CheckpointDecisionsInput,
  CheckpointSettingsInput,
  CheckpointsArgs,
  GenerateCheckpointAgendaArgs,
} from './checkpoint.inputs';
import { CheckpointModel, CheckpointSettingsModel } from './checkpoint.model';
import { CheckpointsService } from './checkpoints.service';

/**
 * The biweekly checkpoint over GraphQL (L3-15): managers set when it happens, both sides read the
 * agendas (clients only their own: another organization is NOT_FOUND), provider staff and the
 * client's approvers record the meeting's decisions.
 */
@Resolver()
export class CheckpointsResolver {
  constructor(private readonly service: CheckpointsService) {}

  @Query(() => CheckpointSettingsModel, {
    nullable: true,
    description: 'Null when the client has no checkpoint set; another client → NOT_FOUND.',
  })
  checkpointSettings(
    @Args() { organizationId }: OrganizationArgs,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    return this.service.settings(organizationId, caller);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CheckpointSettingsModel, {
    description:
      'L3-15: the business weekday and local time of the client’s checkpoint; creates or updates its Temporal Schedule (every 14 days).',
  })
  setCheckpointSettings(
    @Args('input') input: CheckpointSettingsInput,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    return this.service.saveSettings(input, caller);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CheckpointModel, {
    description:
      'L3-15: builds and emails an off-schedule agenda now, through the checkpoint workflow. With `idempotencyKey` (one per request intent, reused on retry) the same key always returns the same agenda, emailed once; without it, simultaneous requests share one agenda. Unknown client → NOT_FOUND.',
  })
  generateCheckpointAgenda(
    @Args() { organizationId, idempotencyKey }: GenerateCheckpointAgendaArgs,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    return this.service.generateNow(organizationId, caller, idempotencyKey ?? null);
  }

  @Query(() => [CheckpointModel], { description: 'Newest first; another client → NOT_FOUND.' })
  checkpoints(
    @Args() { organizationId, first }: CheckpointsArgs,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    return this.service.list(organizationId, caller, first);
  }

  @Query(() => CheckpointModel, { description: 'Another client’s agenda → NOT_FOUND.' })
  checkpoint(@Args('id', { type: () => ID }) id: string, @CurrentUser() caller: AuthenticatedUser) {
    return this.service.get(id, caller);
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN, Role.CLIENT_APPROVER)
  @Mutation(() => CheckpointModel, {
    description:
      'L3-15: notes and new priorities of the meeting, recorded against its agenda; new priorities reorder the client’s queue (L3-10).',
  })
  recordCheckpointDecisions(
    @Args('checkpointId', { type: () => ID }) checkpointId: string,
    @Args('input') input: CheckpointDecisionsInput,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    return this.service.recordDecisions(checkpointId, input, caller);
  }
}
