import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TEXT_LIMITS } from '../shared/text-limits';

/** L3-07: hand every open ticket one agent holds to another active agent. */
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
}
