import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

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

/** What happened to a ticket's participant. */
export enum TicketParticipantChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(TicketParticipantChangeKind, { name: 'TicketParticipantChangeKind' });

/** L3-11 (S19): one add or removal of a ticket's participant, as kept (who, by whom, when). */
@ObjectType('TicketParticipantChange')
export class TicketParticipantChangeModel {
  @Field(() => TicketParticipantChangeKind)
  change!: TicketParticipantChangeKind;

  @Field(() => TicketParticipantModel, { description: 'Who was added or removed.' })
  participant!: TicketParticipantModel;

  @Field(() => String, {
    nullable: true,
    description: 'Display name of who added or removed them; null once that user is deleted.',
  })
  byName!: string | null;

  @Field()
  at!: Date;
}
