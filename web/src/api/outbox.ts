import { operation } from './graphql-client';

// The email outbox (L3-11): what was queued, sent or failed; managers requeue failures.

export type EmailStatus = 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED';
export const EMAIL_STATUSES: EmailStatus[] = ['FAILED', 'QUEUED', 'SENDING', 'SENT'];

export interface OutboxEmail {
  id: string;
  createdAt: string;
  eventType: string;
  ticketNumber: string | null;
  /** The client organization the email is about; shown when it names no ticket. */
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

/** What the mail view is narrowed to (`emailOutbox`'s arguments; null: any). */
export interface EmailOutboxFilterVariables {
  status: EmailStatus | null;
  /** Exact ticket number. */
  ticketNumber: string | null;
  /** A part of the recipient address, any case. */
  recipient: string | null;
  /** Queued at or after (ISO instant). */
  from: string | null;
  /** Queued before (ISO instant). */
  to: string | null;
}

export const EMAIL_OUTBOX = operation<
  { emailOutbox: { nodes: OutboxEmail[]; endCursor: string | null; hasNextPage: boolean } },
  EmailOutboxFilterVariables & { first: number; after: string | null }
>(`query EmailOutbox($status: EmailStatus, $ticketNumber: String, $recipient: String,
  $from: DateTime, $to: DateTime, $first: Int!, $after: String) {
  emailOutbox(status: $status, ticketNumber: $ticketNumber, recipient: $recipient, from: $from,
    to: $to, first: $first, after: $after) {
    nodes { ${EMAIL_FIELDS} } endCursor hasNextPage
  }
}`);

export const RETRY_EMAIL = operation<{ retryEmail: OutboxEmail }, { id: string }>(
  `mutation RetryEmail($id: ID!) { retryEmail(id: $id) { ${EMAIL_FIELDS} } }`,
);
