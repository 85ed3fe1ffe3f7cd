import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { loadScriptConfig } from '../config/app-config';
import { ConfigValidationError } from '../config/env-reader';
import { typeOrmOptions } from '../database/typeorm-options';
import { NotificationsService } from '../notifications';
import { TicketProjectionService } from './ticket-projection.service';
import { TicketEmailRelay } from './ticket-email-relay';

/**
 * `npm run read-model:rebuild [ticket-number]`: rebuilds the ticket read model (`ticket`,
 * `ticket_clock`) from the append-only event log alone. Safe to run at any time: each ticket is
 * rebuilt in its own transaction, under its row's lock taken before its log is read, so a live
 * projection of the ticket is either in the rebuild or waits for it. Without DATABASE_URL it uses
 * `npm start`'s local database.
 */
async function main(): Promise<void> {
  const config = loadScriptConfig();
  const db = await new DataSource(typeOrmOptions(config.database.url)).initialize();
  try {
    const projection = new TicketProjectionService(
      db,
      new TicketEmailRelay(db, new NotificationsService(config, new CalendarsService(db)), config),
    );
    const count = await projection.rebuild(process.argv[2]);
    new Logger('ReadModel').log(`rebuilt ${count} ticket(s) from the event log`);
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  // Entry-point crash handler: the one place a plain console write is right.
  // eslint-disable-next-line no-console
  console.error(err instanceof ConfigValidationError ? err.message : err);
  process.exit(1);
});
