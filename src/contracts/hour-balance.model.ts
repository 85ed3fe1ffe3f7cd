import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { HourBalanceView } from './balance-view';

@ObjectType('TicketReservation', { description: "A ticket's outstanding hold (L3-12)." })
export class TicketReservationModel {
  @Field()
  ticketNumber!: string;

  @Field(() => Int, { nullable: true })
  estimateVersion!: number | null;

  @Field(() => Float, { description: 'Authorized hours not yet consumed nor released.' })
  reservedHours!: number;

  @Field(() => Float, { description: 'Hours charged on the ticket so far.' })
  consumedHours!: number;
}

@ObjectType('HourBalance', {
  description:
    "A client's prepaid hours (L3-03, L3-13: they never expire). balance = purchased − consumed + adjustments; available = balance − reserved.",
})
export class HourBalanceModel {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Float)
  purchased!: number;

  @Field(() => Float)
  consumed!: number;

  @Field(() => Float)
  adjustments!: number;

  @Field(() => Float)
  balance!: number;

  @Field(() => Float, { description: 'Outstanding reservations of authorized estimates.' })
  reserved!: number;

  @Field(() => Float, { description: 'What a new estimate may still reserve; never negative.' })
  available!: number;

  @Field(() => Float, {
    description:
      'L3-13: the client is warned when available falls under this (10 % of purchased, at least 5 h).',
  })
  lowBalanceThreshold!: number;

  @Field({ description: 'available is under lowBalanceThreshold.' })
  lowBalance!: boolean;

  @Field(() => [TicketReservationModel])
  reservations!: TicketReservationModel[];

  static fromView(view: HourBalanceView): HourBalanceModel {
    return Object.assign(new HourBalanceModel(), {
      ...view,
      reservations: view.reservations.map((r) => Object.assign(new TicketReservationModel(), r)),
    });
  }
}
