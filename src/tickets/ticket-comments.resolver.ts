import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { commentFileIds, releaseCommentFiles } from '../attachments/comment-files';
import { commentUpdate } from '../../workflows/ticket/ticket.contract';
import { type AuthenticatedUser, CurrentUser } from '../identity';
import { AddCommentArgs } from './add-comment.args';
import { assertTicketOpen } from './ticket-open';
import { TransitionOutcome } from './ticket.model';
import { TicketsService } from './tickets.service';

/**
 * Comments and internal notes (issue 5, L3-11): one `comment` Update on the ticket's workflow.
 * A client's comment while the ticket waits on the client is its reply (the paused clock
 * resumes); a provider's client-visible comment emails the registrant, and on a problem whose
 * progress clock runs it counts as a progress update (L3-07: the workflow restarts the clock);
 * internal notes are provider-only, hidden from client users and never emailed.
 */
@Resolver()
export class TicketCommentsResolver {
  constructor(
    private readonly tickets: TicketsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Mutation(() => TransitionOutcome, {
    description:
      'Comments on a ticket. Client users (own organization) add client-visible comments; provider staff add replies or internal notes (internal: true).',
  })
  async addComment(@CurrentUser() user: AuthenticatedUser, @Args() args: AddCommentArgs) {
    // A ticket that ended has no workflow left to comment on: say so (not "not found"), with
    // the reason and state the web app words, as for its files and participants.
    const ticket = await this.tickets.get(user, args.number);
    assertTicketOpen(ticket.number, ticket.state, 'comments');
    // L3-11: the files it carries, checked before anything is recorded.
    const attachmentIds = await commentFileIds(
      this.db.manager,
      ticket.number,
      user.id,
      args.attachmentIds ?? [],
      args.internal,
    );
    const outcome = await this.tickets.transition(user, args.number, 'comment', commentUpdate, {
      ...(args.requestId === undefined ? {} : { requestId: args.requestId }),
      body: args.body,
      internal: args.internal,
      ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
    });
    // Recorded: the comment's email tells its files (they are no longer held to be told alone).
    await releaseCommentFiles(this.db.manager, attachmentIds);
    return outcome;
  }
}
