import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { LiveSessionsService } from './live-sessions.service';
import { LiveUpdatesResolver } from './live-updates.resolver';
import { LiveUpdatesService } from './live-updates.service';
import { PgListenerService } from './pg-listener.service';

/**
 * GraphQL subscriptions fed by PostgreSQL LISTEN/NOTIFY (works across API instances), and the
 * WebSocket connections they run on, closed when their user's sessions end.
 */
@Module({
  imports: [TicketsModule],
  providers: [PgListenerService, LiveSessionsService, LiveUpdatesService, LiveUpdatesResolver],
  exports: [LiveUpdatesService, LiveSessionsService],
})
export class LiveModule {}
