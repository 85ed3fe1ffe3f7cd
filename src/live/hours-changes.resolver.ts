import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { visibleClientOrganization } from '../contracts/client-organization';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { HoursChangeModel } from './hours-change.model';
import { HoursChangesService } from './hours-changes.service';

/** L3-13, L3-12: a client's hours left, live (graphql-ws at `/graphql`, as `ticketChanged`). */
@Resolver(() => HoursChangeModel)
export class HoursChangesResolver {
  constructor(
    private readonly hours: HoursChangesService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Subscription(() => HoursChangeModel, {
    description:
      "Each change of the hours of a client the caller may see (clients: their own organization's), or of one organization when organizationId is given (another client → NOT_FOUND, as hourBalance).",
    resolve: (change: HoursChangeModel) => change,
  })
  async hoursChanged(
    @CurrentUser() user: AuthenticatedUser,
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId?: string | null,
  ) {
    if (organizationId) await visibleClientOrganization(this.db.manager, organizationId, user);
    return this.hours.changes(user, organizationId);
  }
}
