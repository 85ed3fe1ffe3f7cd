import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RefusedDateChange } from './date-refusal';

/** A published date change, as the preview showed it and the confirmation applied it (L3-19). */
export interface PlannedDateChange {
  readonly ticketNumber: string;
  readonly subject: string;
  /** ISO-8601 instants. */
  readonly oldDate: string;
  readonly newDate: string;
}

/** A confirmed reorder of a client's queue (L3-10, L3-19), with the date changes it published. */
@Entity({ name: 'queue_reorder' })
export class QueueReorderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  /** The role the actor confirmed with (the actor of the published date adjustments). */
  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'ticket_order', type: 'text', array: true })
  ticketOrder!: string[];

  @Column({ type: 'text', array: true })
  urgent!: string[];

  @Column({ type: 'jsonb' })
  changes!: PlannedDateChange[];

  @Column({ name: 'preview_token', type: 'text' })
  previewToken!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /**
   * When its moved dates were published on the tickets and its warnings sent
   * (`QueueReorderService.announce`); null until then (`ReorderPublicationReconciler` retries).
   */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /**
   * The moved dates a ticket refused for good, one per ticket (`permanentRefusal`): never sent
   * again; the reorder is published once only such refusals remain.
   */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  refused!: RefusedDateChange[];
}
