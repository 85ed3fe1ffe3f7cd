import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDefinition } from '../engine';
import type { CalendarChangeDetail } from './calendar-change';

/** One immutable state of a calendar; deadlines record the version that produced them. */
@Entity({ name: 'business_calendar_version' })
export class BusinessCalendarVersionEntity {
  @PrimaryColumn({ name: 'calendar_id', type: 'uuid' })
  calendarId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** Time zone, weekly intervals, user-entered holidays and overrides. */
  @Column({ type: 'jsonb' })
  definition!: CalendarDefinition;

  /** Generated holiday sources merged in when the calendar is compiled, e.g. `MX_LFT_74`. */
  @Column({ name: 'holiday_sources', type: 'text', array: true, default: () => "'{}'" })
  holidaySources!: string[];

  /** What this version changed, in words. */
  @Column({ type: 'text' })
  change!: string;

  /** What this version changed, as data (null: written before they were kept). */
  @Column({ type: 'jsonb', nullable: true })
  details!: CalendarChangeDetail[] | null;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;
}
