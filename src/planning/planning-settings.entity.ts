import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per client organization: provider capacity (L3-19) and the WhatsApp group link (L3-14). */
@Entity({ name: 'planning_settings' })
export class PlanningSettingsEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** `null`: the default capacity. numeric comes back as a string. */
  @Column({
    name: 'hours_per_business_day',
    type: 'numeric',
    precision: 4,
    scale: 2,
    nullable: true,
  })
  hoursPerBusinessDay!: string | null;

  @Column({ name: 'whatsapp_group_url', type: 'text', nullable: true })
  whatsappGroupUrl!: string | null;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
