import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TicketDetails } from './ticket-projection';

/** Read model of a ticket, folded from its event log (`ticket_event`). */
@Entity({ name: 'ticket' })
export class TicketEntity {
  @PrimaryColumn({ type: 'text' })
  number!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'registrant_id', type: 'uuid' })
  registrantId!: string;

  @Column({ name: 'calendar_id', type: 'uuid' })
  calendarId!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  state!: string;

  @Column({ type: 'text', nullable: true })
  classification!: string | null;

  @Column({ name: 'requirement_kind', type: 'text', nullable: true })
  requirementKind!: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'release_date', type: 'timestamptz', nullable: true })
  releaseDate!: Date | null;

  @Column({ name: 'closure_outcome', type: 'text', nullable: true })
  closureOutcome!: string | null;

  @Column({ name: 'sla_status', type: 'text' })
  slaStatus!: string;

  @Column({ name: 'next_deadline', type: 'timestamptz', nullable: true })
  nextDeadline!: Date | null;

  @Column({ type: 'jsonb' })
  details!: TicketDetails;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true })
  workflowStartedAt!: Date | null;

  /** The registrant's idempotency key of the registration, if they sent one. */
  @Column({ name: 'registration_request_id', type: 'text', nullable: true })
  registrationRequestId!: string | null;

  /**
   * L3-11: the files the registrant announced with the registration; the agents' new-ticket email
   * waits for them (migration 1764320270000).
   */
  @Column({ name: 'attachments_to_follow', type: 'integer', default: 0 })
  attachmentsToFollow!: number;

  /**
   * L3-11 (QA S62 #5): the names of those files, when the registrant gave them; a name no file of
   * theirs carries is told as not arrived (`Ticket.missingAnnouncedFiles`, migration 1764321100000).
   */
  @Column({ name: 'announced_file_names', type: 'text', array: true, default: () => "'{}'" })
  announcedFileNames!: string[];

  @Column({ name: 'last_event_seq', type: 'integer' })
  lastEventSeq!: number;

  /** L3-11: events up to this sequence number have their emails queued (TicketEmailRelay). */
  @Column({ name: 'notified_seq', type: 'integer', default: 0 })
  notifiedSeq!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
