import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { HoursChangesResolver } from './hours-changes.resolver';
import { HoursChangesService } from './hours-changes.service';
import { LiveSessionsService } from './live-sessions.service';
import { LiveUpdatesResolver } from './live-updates.resolver';
import { LiveUpdatesService } from './live-updates.service';
import { PgListenerModule } from './pg-listener.module';

/**
 * GraphQL subscriptions fed by PostgreSQL LISTEN/NOTIFY (works across API instances), and the
 * WebSocket connections they run on, closed when their user's sessions end.
 */
@Module({
  imports: [TicketsModule, PgListenerModule],
  providers: [
    LiveSessionsService,
    LiveUpdatesService,
    LiveUpdatesResolver,
    HoursChangesService,
    HoursChangesResolver,
  ],
  exports: [LiveUpdatesService, LiveSessionsService, HoursChangesService],
})
export class LiveModule {}
