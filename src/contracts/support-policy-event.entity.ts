import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PolicyEventKind, PolicyStatus } from './contract-enums';

/** One change of a support policy; append-only (a trigger refuses UPDATE and DELETE). */
@Entity({ name: 'support_policy_event' })
export class SupportPolicyEventEntity {
  /** bigint identity, as text. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  kind!: PolicyEventKind;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: PolicyStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus!: PolicyStatus | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** What changed, e.g. `{ monthlyFee: { from, to } }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
