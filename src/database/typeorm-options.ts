import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { PoolClient } from './pg-client';
import { TicketAttachmentEntity } from '../attachments/ticket-attachment.entity';
import { BusinessCalendarVersionEntity } from '../business-time/calendars/business-calendar-version.entity';
import { BusinessCalendarEntity } from '../business-time/calendars/business-calendar.entity';
import { CannedResponseEntity } from '../canned-responses/canned-response.entity';
import { CheckpointDecisionEntity } from '../checkpoints/checkpoint-decision.entity';
import { CheckpointSettingsEntity } from '../checkpoints/checkpoint-settings.entity';
import { CheckpointEntity } from '../checkpoints/checkpoint.entity';
import { CONTRACT_ENTITIES } from '../contracts/contract-entities';
import { AppUserEntity } from '../identity/app-user.entity';
import { OrganizationEntity } from '../identity/organization.entity';
import { EmailOutboxEntity } from '../notifications/email-outbox.entity';
import { PLANNING_ENTITIES } from '../planning/planning-entities';
import { TicketSatisfactionEntity } from '../satisfaction/ticket-satisfaction.entity';
import { SlaEventEntity } from '../sla/sla-event.entity';
import { TicketClockEntity } from '../tickets/ticket-clock.entity';
import { TicketEventEntity } from '../tickets/ticket-event.entity';
import { TicketEntity } from '../tickets/ticket.entity';

/** Every entity the application maps; new domains add theirs here. */
export const ENTITIES = [
  SlaEventEntity,
  OrganizationEntity,
  AppUserEntity,
  BusinessCalendarEntity,
  BusinessCalendarVersionEntity,
  ...CONTRACT_ENTITIES,
  EmailOutboxEntity,
  TicketEntity,
  TicketEventEntity,
  TicketClockEntity,
  TicketAttachmentEntity,
  CheckpointSettingsEntity,
  CheckpointEntity,
  CheckpointDecisionEntity,
  ...PLANNING_ENTITIES,
  TicketSatisfactionEntity,
  CannedResponseEntity,
];

/**
 * TypeORM options shared by the API, the worker and the migration runner. Schema changes only ever
 * come from the committed migrations (`synchronize` stays off).
 */
export function typeOrmOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    // Fail fast when PostgreSQL is down, instead of hanging requests. `Client`: see PoolClient.
    extra: { connectionTimeoutMillis: 5_000, max: 10, Client: PoolClient },
  };
}
