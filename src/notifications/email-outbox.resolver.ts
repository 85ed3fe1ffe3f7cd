import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '../identity';
import { EmailOutboxArgs } from './email-outbox.args';
import { EmailOutboxService } from './email-outbox.service';
import { OutboxEmailModel, OutboxEmailPageModel } from './outbox-email.model';

/** The mail view (L3-11): what was queued, sent or failed; managers requeue failures. */
@Resolver(() => OutboxEmailModel)
export class EmailOutboxResolver {
  constructor(private readonly outbox: EmailOutboxService) {}

  @Roles(Role.MANAGER, Role.ADMIN)
  @Query(() => OutboxEmailPageModel, {
    description: 'The email outbox, newest first (managers and admins).',
  })
  async emailOutbox(@Args() args: EmailOutboxArgs): Promise<OutboxEmailPageModel> {
    return this.outbox.list(args);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => OutboxEmailModel, {
    description: 'Queues a FAILED email again with a fresh set of attempts.',
  })
  async retryEmail(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<OutboxEmailModel> {
    return this.outbox.retry(id);
  }
}
