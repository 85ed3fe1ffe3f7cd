import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '../identity';
import {
  CreateCannedResponseInput,
  DeleteCannedResponseArgs,
  UpdateCannedResponseInput,
} from './canned-response.inputs';
import { CannedResponseModel } from './canned-response.model';
import { CannedResponsesService } from './canned-responses.service';

/**
 * Canned responses over GraphQL: provider staff read them, managers and admins write them
 * (FORBIDDEN for anyone else, before anything is looked up). Thin: the rules are in
 * {@link CannedResponsesService}.
 */
@Resolver(() => CannedResponseModel)
export class CannedResponsesResolver {
  constructor(private readonly service: CannedResponsesService) {}

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Query(() => [CannedResponseModel], {
    description: 'Every canned response, by title (provider staff).',
  })
  cannedResponses(): Promise<CannedResponseModel[]> {
    return this.service.list();
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CannedResponseModel, {
    description: 'Adds a canned response. A title already used (whatever its case) is CONFLICT.',
  })
  createCannedResponse(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: CreateCannedResponseInput,
  ): Promise<CannedResponseModel> {
    return this.service.create(caller, input);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CannedResponseModel, {
    description:
      "Rewrites a canned response's title and body. Another response's title is CONFLICT; an unknown id NOT_FOUND.",
  })
  updateCannedResponse(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: UpdateCannedResponseInput,
  ): Promise<CannedResponseModel> {
    return this.service.update(caller, input);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CannedResponseModel, {
    description:
      'Deletes a canned response for good and answers it as it was (texts already sent keep their words). An unknown id is NOT_FOUND.',
  })
  deleteCannedResponse(@Args() { id }: DeleteCannedResponseArgs): Promise<CannedResponseModel> {
    return this.service.delete(id);
  }
}
