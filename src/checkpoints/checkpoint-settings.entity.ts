import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a client's biweekly checkpoint happens (L3-15); its Temporal Schedule derives from it. */
@Entity({ name: 'checkpoint_settings' })
export class CheckpointSettingsEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** ISO weekday, 1 = Monday … 5 = Friday. */
  @Column({ type: 'smallint' })
  weekday!: number;

  /** `HH:MM` in the client calendar's time zone. */
  @Column({ name: 'local_time', type: 'text' })
  localTime!: string;

  /** The first checkpoint date (local); the next ones follow every 14 days. */
  @Column({ name: 'anchor_date', type: 'date' })
  anchorDate!: string;

  /** The calendar's zone when the settings were saved (the Schedule follows calendar changes). */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
