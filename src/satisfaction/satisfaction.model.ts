import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SatisfactionChange', {
  description: 'One score given to a ticket: the first rating or a later change.',
})
export class SatisfactionChangeModel {
  @Field(() => Int)
  score!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  at!: Date;

  @Field(() => ID, { description: 'The client user who gave it.' })
  byId!: string;

  @Field(() => String, { nullable: true, description: 'That user by name.' })
  byName!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The role that user gave this score in (CLIENT_USER or CLIENT_APPROVER): the role of their session at that time, recorded with the score, so a later change of their roles does not relabel it. Scores given before roles were recorded show the role the user held when that was introduced.',
  })
  byRole!: string | null;
}

@ObjectType('TicketSatisfaction', {
  description:
    "A client's rating of a closed ticket (1–5, optional comment), changeable for 14 days after it was first given.",
})
export class TicketSatisfactionModel {
  @Field()
  ticketNumber!: string;

  @Field(() => Int, { description: '1 (very unsatisfied) … 5 (very satisfied).' })
  score!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field({ description: 'When it was first rated; the change window counts from here.' })
  ratedAt!: Date;

  @Field({ description: 'The last change (equal to ratedAt until it is changed).' })
  updatedAt!: Date;

  @Field(() => ID, { description: 'The client user who gave the current score.' })
  ratedById!: string;

  @Field(() => String, { nullable: true, description: 'That user by name.' })
  ratedByName!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The role that user gave the current score in (CLIENT_USER or CLIENT_APPROVER): the role of their session at that time, recorded with the score, so a later change of their roles does not relabel it. Scores given before roles were recorded show the role the user held when that was introduced.',
  })
  ratedByRole!: string | null;

  @Field({ description: 'The rating may be changed until this instant (exclusive).' })
  changeableUntil!: Date;

  @Field(() => [SatisfactionChangeModel], {
    description:
      'Every score given, the first rating and each change, oldest first (a low first score stays on record after a change).',
  })
  changes!: SatisfactionChangeModel[];
}

@ObjectType('SatisfactionResponseRate', {
  description:
    "Of the tickets closed in the period that could be rated (CLOSED, by the month of the closure in the ticket's calendar zone), how many were rated.",
})
export class SatisfactionResponseRateModel {
  @Field(() => Int, { description: 'Tickets closed in the period that could be rated.' })
  ratable!: number;

  @Field(() => Int, { description: 'Of those, the tickets with a rating.' })
  rated!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'rated of ratable in percent (one decimal); null when nothing could be rated.',
  })
  percent!: number | null;
}

@ObjectType('SatisfactionStats')
export class SatisfactionStatsModel {
  @Field(() => Int)
  ratings!: number;

  @Field(() => Float, { nullable: true, description: 'Mean score (two decimals).' })
  averageScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Ratings with a score of 4 or 5, in percent (one decimal).',
  })
  satisfiedPercent!: number | null;

  @Field(() => SatisfactionResponseRateModel, {
    description: 'The response rate: how many of the ratable tickets closed here were rated.',
  })
  responseRate!: SatisfactionResponseRateModel;
}

@ObjectType('SatisfactionMonth')
export class SatisfactionMonthModel extends SatisfactionStatsModel {
  @Field({
    description:
      "YYYY-MM, in the ticket's calendar zone: of the first rating for the ratings, of the closure for the response rate.",
  })
  month!: string;
}

@ObjectType('SatisfactionRating', { description: 'One rating, with its ticket.' })
export class SatisfactionRatingModel {
  @Field()
  ticketNumber!: string;

  @Field()
  subject!: string;

  @Field(() => Int)
  score!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  ratedAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => String, { nullable: true })
  ratedByName!: string | null;
}

@ObjectType('OrganizationSatisfaction')
export class OrganizationSatisfactionModel {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  organizationName!: string;

  @Field(() => SatisfactionStatsModel, { description: 'The whole period.' })
  total!: SatisfactionStatsModel;

  @Field(() => [SatisfactionMonthModel], {
    description: 'Months with ratings or ratable closures, oldest first.',
  })
  months!: SatisfactionMonthModel[];

  @Field(() => [SatisfactionRatingModel], {
    description: 'The lowest ratings of the period: lowest score first, then the most recent.',
  })
  lowest!: SatisfactionRatingModel[];
}

@ObjectType('SatisfactionSummary')
export class SatisfactionSummaryModel {
  @Field()
  fromMonth!: string;

  @Field()
  toMonth!: string;

  @Field(() => SatisfactionStatsModel, { description: 'Every organization in the answer.' })
  overall!: SatisfactionStatsModel;

  @Field(() => [OrganizationSatisfactionModel], {
    description: 'Organizations with ratings or ratable closures in the period, by name.',
  })
  organizations!: OrganizationSatisfactionModel[];
}
