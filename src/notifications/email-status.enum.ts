/**
 * Lifecycle of an outbox row. Plain enum (registered for GraphQL in `notifications.graphql-enums.ts`)
 * so the entity can use it without loading @nestjs/graphql.
 */
export enum EmailStatus {
  /** Waiting for its first attempt or for the next retry (`next_attempt_at`). */
  QUEUED = 'QUEUED',
  /** Claimed by a dispatcher; `next_attempt_at` is the end of its lease. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Gave up after the last attempt, or the relay refused it for good; a manager may retry it. */
  FAILED = 'FAILED',
}
