import { Field, ID, ObjectType } from '@nestjs/graphql';

/** L3-11: a client user who gets a ticket's emails as its registrant does (a participant). */
@ObjectType('TicketParticipant')
export class TicketParticipantModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field()
  email!: string;

  @Field({ description: 'False once the user is deactivated: they get no more emails.' })
  active!: boolean;
}
