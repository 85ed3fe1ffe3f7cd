import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketClosureHours', {
  description:
    "L3-12/L3-13: what closing the ticket now does to the client's hour package, as the ledger holds it (the figures «Ticket cerrado» reports).",
})
export class TicketClosureHoursModel {
  @Field(() => Float, { description: 'Hours charged to the package on the ticket so far.' })
  chargedHours!: number;

  @Field(() => Float, {
    description:
      'Hours its authorized estimates gave it: the hours charged plus the hours it still holds.',
  })
  authorizedHours!: number;

  @Field(() => Float, {
    description: 'Reserved hours not used, which go back to the package when the ticket closes.',
  })
  returnedHours!: number;
}
