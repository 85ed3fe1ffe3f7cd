import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Locale } from './locale.enum';
import { OrganizationKind } from './organization-kind.enum';
import { OrganizationEntity } from './organization.entity';
import { Role } from './role.enum';
import type { SessionEndCause } from './session-end-cause';

/** A portal user or a provider staff member (table `app_user`), issued by a provider admin. */
@Entity({ name: 'app_user' })
export class AppUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** Copy of the organization's kind, pinned by a composite foreign key; lets a CHECK police roles. */
  @Column({ name: 'organization_kind', type: 'text' })
  organizationKind!: OrganizationKind;

  @ManyToOne(() => OrganizationEntity, { nullable: false, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'organization_id' })
  organization!: OrganizationEntity;

  /** Always lower-cased, so the unique index makes emails unique regardless of case. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'text' })
  locale!: Locale;

  /** IANA time zone, e.g. `America/Mexico_City`. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** Bumped when the user's sessions must end (see {@link SessionEndCause}); tokens carry it. */
  @Column({ name: 'session_epoch', type: 'integer', default: 0 })
  sessionEpoch!: number;

  /** Why the last bump of {@link sessionEpoch} happened (null: never). */
  @Column({ name: 'sessions_ended_because', type: 'text', nullable: true })
  sessionsEndedBecause!: SessionEndCause | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
