import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID, Matches } from 'class-validator';
import { TICKET_NUMBER_PATTERN } from './ticket-number';

/** `addTicketParticipant` / `removeTicketParticipant`: which ticket, which user (L3-11).
 * Idempotent by nature (adding twice or removing twice changes nothing), so no request ID. */
@InputType()
export class TicketParticipantInput {
  @Field({ description: 'Ticket number, e.g. L3-2026-000123.' })
  @Matches(TICKET_NUMBER_PATTERN, { message: 'number must look like L3-2026-000123' })
  number!: string;

  @Field(() => ID, { description: "An active client user of the ticket's organization." })
  @IsUUID('all', { message: 'userId must be a user ID' })
  userId!: string;
}
