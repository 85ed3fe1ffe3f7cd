import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '../identity';
import { clientScope } from './client-scope';
import { DeliveryRiskService } from './delivery-risk.service';
import { PlanningSettingsService } from './planning-settings.service';
import { QueueArgs, SetPlanningCapacityInput, SetQuickChannelInput } from './queue.inputs';
import { PlanningSettingsModel, QuickChannelModel } from './queue.model';

/**
 * Per-client planning settings: the provider's capacity (L3-19) and the WhatsApp group link
 * (L3-14). The client's users and provider staff read them; managers and admins set them.
 */
@Resolver()
export class PlanningSettingsResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: PlanningSettingsService,
    private readonly deliveryRisk: DeliveryRiskService,
  ) {}

  @Query(() => PlanningSettingsModel)
  async planningSettings(@CurrentUser() user: AuthenticatedUser, @Args() args: QueueArgs) {
    const organizationId = await clientScope(this.db.manager, user, args.organizationId);
    return this.settings.settingsOf(organizationId);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => PlanningSettingsModel, {
    description:
      'L3-19: provider hours per business day for a client (null: the default). Re-plans the queue: each published release date the plan can no longer meet is emailed to the provider once.',
  })
  setPlanningCapacity(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetPlanningCapacityInput,
  ) {
    // The capacity and the delivery-at-risk warnings it causes are stored in one transaction
    // (the settings service cannot depend on the queue, which reads the settings).
    return this.settings.setCapacity(
      user,
      input.organizationId,
      input.hoursPerBusinessDay ?? null,
      async (tx) => {
        await this.deliveryRisk.warn(tx, input.organizationId, 'CAPACITY_CHANGED');
      },
    );
  }

  @Query(() => QuickChannelModel, {
    description: "L3-14: the client's WhatsApp group link (own organization for clients).",
  })
  async quickChannel(@CurrentUser() user: AuthenticatedUser, @Args() args: QueueArgs) {
    const organizationId = await clientScope(this.db.manager, user, args.organizationId);
    const { whatsappGroupUrl } = await this.settings.settingsOf(organizationId);
    return { organizationId, whatsappGroupUrl };
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => QuickChannelModel, {
    description: 'L3-14: set (or remove, with null) the WhatsApp group link of a client.',
  })
  async setQuickChannel(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetQuickChannelInput,
  ) {
    const { organizationId, whatsappGroupUrl } = await this.settings.setWhatsAppGroup(
      user,
      input.organizationId,
      input.whatsappGroupUrl ?? null,
    );
    return { organizationId, whatsappGroupUrl };
  }
}
