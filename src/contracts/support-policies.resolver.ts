import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser, OrganizationEntity, Role, Roles } from '../identity';
import { OrganizationArgs } from './statement.args';
import { SupportPoliciesService } from './support-policies.service';
import type { SupportPolicyEntity } from './support-policy.entity';
import {
  RecordOdooAdminUserInput,
  SetProgressCadenceInput,
  SetSupportPolicyStatusInput,
  UpsertSupportPolicyInput,
} from './support-policy.input';
import { SupportPolicyEventModel, SupportPolicyModel } from './support-policy.model';

/** Support policies: the client reads its own; provider admins and managers change them. */
@Resolver(() => SupportPolicyModel)
export class SupportPoliciesResolver {
  constructor(
    private readonly service: SupportPoliciesService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Query(() => SupportPolicyModel, {
    nullable: true,
    description: 'Null when the client has no policy; another client → NOT_FOUND.',
  })
  async supportPolicy(
    @Args() { organizationId }: OrganizationArgs,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SupportPolicyModel | null> {
    const policy = await this.service.find(organizationId, caller);
    return policy ? this.toModel(policy) : null;
  }

  @ResolveField(() => [SupportPolicyEventModel], { description: 'Every change, oldest first.' })
  async history(@Parent() policy: SupportPolicyModel): Promise<SupportPolicyEventModel[]> {
    return (await this.service.events(policy.id)).map((e) => SupportPolicyEventModel.fromEntity(e));
  }

  @Roles(Role.ADMIN, Role.MANAGER)
  @Mutation(() => SupportPolicyModel)
  async upsertSupportPolicy(
    @Args('input') input: UpsertSupportPolicyInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SupportPolicyModel> {
    return this.toModel(await this.service.upsert(input, caller, input.reason));
  }

  @Roles(Role.ADMIN, Role.MANAGER)
  @Mutation(() => SupportPolicyModel, {
    description: 'ACTIVE ⇄ SUSPENDED, either → ENDED, ENDED → ACTIVE; recorded with who and why.',
  })
  async setSupportPolicyStatus(
    @Args('input') input: SetSupportPolicyStatusInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SupportPolicyModel> {
    return this.toModel(
      await this.service.setStatus(input.organizationId, input.status, input.reason, caller),
    );
  }

  @Roles(Role.ADMIN, Role.MANAGER)
  @Mutation(() => SupportPolicyModel)
  async recordOdooAdminUser(
    @Args('input') input: RecordOdooAdminUserInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SupportPolicyModel> {
    return this.toModel(
      await this.service.recordOdooAdminUser(
        input.organizationId,
        input.login ?? null,
        input.confirmed,
        caller,
      ),
    );
  }

  @Roles(Role.ADMIN, Role.MANAGER)
  @Mutation(() => SupportPolicyModel, {
    description:
      "L3-07: sets the client's progress-update cadence; tickets registered afterwards take it.",
  })
  async setProgressCadence(
    @Args('input') input: SetProgressCadenceInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SupportPolicyModel> {
    return this.toModel(
      await this.service.setProgressCadence(
        input.organizationId,
        input.progressCadenceMinutes ?? null,
        caller,
        input.reason,
      ),
    );
  }

  private async toModel(policy: SupportPolicyEntity): Promise<SupportPolicyModel> {
    const org = await this.db
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: policy.organizationId });
    return SupportPolicyModel.fromEntity(
      policy,
      org.name,
      await this.service.timeZoneOf(policy.organizationId),
    );
  }
}
