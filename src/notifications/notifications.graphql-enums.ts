import { registerEnumType } from '@nestjs/graphql';
import { EmailStatus } from './email-status.enum';

// GraphQL side of the outbox enum; kept out of the enum file so the entity never loads
// @nestjs/graphql (see src/identity/graphql-enums.ts).

registerEnumType(EmailStatus, {
  name: 'EmailStatus',
  description: 'Where an outbox email is (L3-11).',
  valuesMap: {
    QUEUED: { description: 'Waiting for its first attempt or its next retry.' },
    SENDING: { description: 'Claimed by a dispatcher right now.' },
    SENT: { description: 'Accepted by the SMTP relay.' },
    FAILED: { description: 'Gave up; `retryEmail` queues it again.' },
  },
});

export { EmailStatus };
