import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { TEXT_LIMITS } from '../shared/text-limits';
import { TICKET_NUMBER_PATTERN } from './ticket-number';

/** At most this many tickets change hands per reassignOpenTickets call (the default too). */
export const MAX_REASSIGN_BATCH = 100;

/** L3-07: hand the open tickets one agent holds to another active agent, a batch per call. */
@ArgsType()
export class ReassignOpenTicketsArgs {
  @Field(() => ID, { description: 'The provider staff member whose open tickets are handed over.' })
  @IsUUID()
  fromUserId!: string;

  @Field(() => ID, { description: 'The active provider AGENT who takes them.' })
  @IsUUID()
  toUserId!: string;

  @Field({
    nullable: true,
    description:
      "A hand-over note for the team, on each ticket's reassignment and in the new agent's email (never shown to the client).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.note)
  note?: string;

  @Field(() => Int, {
    defaultValue: MAX_REASSIGN_BATCH,
    description: `How many of the agent's open tickets this call tries at most, oldest number first: 1 to ${MAX_REASSIGN_BATCH}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_REASSIGN_BATCH)
  first: number = MAX_REASSIGN_BATCH;

  @Field({
    nullable: true,
    description:
      "Only the agent's open tickets numbered after this one: the previous call's `nextAfter`, so a pass tries each ticket once and one that failed is not tried again until a new pass (no `after`).",
  })
  @IsOptional()
  @Matches(TICKET_NUMBER_PATTERN, { message: 'ticket numbers look like L3-2026-000123' })
  after?: string;
}
