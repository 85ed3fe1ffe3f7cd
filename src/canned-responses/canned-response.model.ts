import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CannedResponse', {
  description:
    'A canned response provider staff insert into comments and notes; placeholders such as {{cliente}}, {{ticket}}, {{asunto}}, {{solicitante}} and {{agente}} are filled in the browser.',
})
export class CannedResponseModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique regardless of case.' })
  title!: string;

  @Field({ description: 'The Spanish text as written, placeholders unfilled.' })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The English text as written, or null (Spanish only). Inserted into a ticket, the registrant's language picks the text (Ticket.registrantLocale), Spanish when there is none in theirs.",
  })
  bodyEn!: string | null;

  @Field()
  updatedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Who created it or last changed it, by name.',
  })
  updatedByName!: string | null;
}
