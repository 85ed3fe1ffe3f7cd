import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from './authenticated-user';
import { CreateOrganizationInput } from './create-organization.input';
import { CurrentUser } from './current-user.decorator';
import { OrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';
import { Role } from './role.enum';
import { Roles } from './roles.decorator';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => [OrganizationModel], {
    description: 'Provider staff: every organization; client users: their own.',
  })
  async organizations(@CurrentUser() caller: AuthenticatedUser): Promise<OrganizationModel[]> {
    return (await this.service.listVisibleTo(caller)).map((o) => OrganizationModel.fromEntity(o));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrganizationModel)
  async createOrganization(
    @Args('input') input: CreateOrganizationInput,
  ): Promise<OrganizationModel> {
    return OrganizationModel.fromEntity(await this.service.create(input));
  }
}
