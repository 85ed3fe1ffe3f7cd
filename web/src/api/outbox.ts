import { operation } from './graphql-client';

// The email outbox (L3-11): what was queued, sent or failed; managers requeue failures.

export type EmailStatus = 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED';
export const EMAIL_STATUSES: EmailStatus[] = ['FAILED', 'QUEUED', 'SENDING', 'SENT'];

export interface OutboxEmail {
  id: string;
  createdAt: string;
  eventType: string;
  ticketNumber: string | null;
  /** The client organisation the email is about; shown when it names no ticket. */
  organizationName: string | null;
  recipientAddress: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string;
}

const EMAIL_FIELDS = `id createdAt eventType ticketNumber organizationName recipientAddress subject status attempts
  lastError sentAt nextAttemptAt`;

export const EMAIL_OUTBOX = operation<
  { emailOutbox: { nodes: OutboxEmail[]; endCursor: string | null; hasNextPage: boolean } },
  { status: EmailStatus | null; first: number; after: string | null }
>(`query EmailOutbox($status: EmailStatus, $first: Int!, $after: String) {
  emailOutbox(status: $status, first: $first, after: $after) {
    nodes { ${EMAIL_FIELDS} } endCursor hasNextPage
  }
}`);

export const RETRY_EMAIL = operation<{ retryEmail: OutboxEmail }, { id: string }>(
  `mutation RetryEmail($id: ID!) { retryEmail(id: $id) { ${EMAIL_FIELDS} } }`,
);
