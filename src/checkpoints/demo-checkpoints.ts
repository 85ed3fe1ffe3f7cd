import type { DataSource } from 'typeorm';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { OrganizationEntity } from '../identity/organization.entity';
import { checkpointTimeIssues, firstCheckpointDate } from './checkpoint-schedule';
import { CheckpointSettingsEntity } from './checkpoint-settings.entity';

/** Demo checkpoints (L3-15): client slug → weekday and local time (tests read them from here). */
export const DEMO_CHECKPOINTS: Record<string, { weekday: number; localTime: string }> = {
  'comercializadora-aurora': { weekday: 2, localTime: '10:00' },
  'grupo-industrial-tulum': { weekday: 4, localTime: '16:30' },
};

const WEEK_MS = 7 * 86_400_000;

/**
 * Checkpoint settings of the demo clients. Only the rows: the API creates their Temporal
 * Schedules when it boots. The first checkpoint is at least a week away (a new client has nothing
 * to review yet), which also keeps it clear of any test run that seeds a demo world.
 */
export async function seedDemoCheckpoints(db: DataSource): Promise<void> {
  const calendars = new CalendarsService(db);
  for (const [slug, time] of Object.entries(DEMO_CHECKPOINTS)) {
    const org = await db.getRepository(OrganizationEntity).findOneByOrFail({ slug });
    const calendar = await calendars.forOrganization(org.id);
    const issues = checkpointTimeIssues(calendar.stored, time);
    if (issues.length) throw new Error(`demo checkpoint of ${slug}: ${issues[0].message}`);
    const timeZone = calendar.engine.timeZone;
    await db.getRepository(CheckpointSettingsEntity).save({
      organizationId: org.id,
      ...time,
      anchorDate: firstCheckpointDate(timeZone, time, new Date(Date.now() + WEEK_MS)),
      timeZone,
      updatedBy: null,
    });
  }
}
