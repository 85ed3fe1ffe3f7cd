import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Locale } from '../identity/graphql-enums';
import { EmailStatus } from './notifications.graphql-enums';

@ObjectType('OutboxEmail', { description: 'One email of the outbox, to one recipient (L3-11).' })
export class OutboxEmailModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Key of the event that caused it, e.g. ticket-L3-2026-000123:7.' })
  eventKey!: string;

  @Field({ description: 'e.g. TICKET_REGISTERED.' })
  eventType!: string;

  @Field(() => String, { nullable: true })
  ticketNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The client organization the email is about, by name (a ticket's, an agenda's, an hours email's); null when it names none.",
  })
  organizationName!: string | null;

  @Field(() => ID, { nullable: true })
  recipientUserId!: string | null;

  @Field()
  recipientAddress!: string;

  @Field(() => Locale)
  locale!: Locale;

  @Field()
  subject!: string;

  @Field(() => EmailStatus)
  status!: EmailStatus;

  @Field(() => Int)
  attempts!: number;

  @Field({ description: 'QUEUED: next attempt; SENDING: end of the lease.' })
  nextAttemptAt!: Date;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field({ description: 'Deterministic: a resend carries the same Message-ID.' })
  messageId!: string;

  @Field(() => [String], { description: 'File names of the attachments (.ics).' })
  attachmentNames!: string[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;
}

@ObjectType('OutboxEmailPage')
export class OutboxEmailPageModel {
  @Field(() => [OutboxEmailModel], { description: 'Newest first.' })
  nodes!: OutboxEmailModel[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}
