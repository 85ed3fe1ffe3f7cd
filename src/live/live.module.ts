import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { LiveUpdatesResolver } from './live-updates.resolver';
import { LiveUpdatesService } from './live-updates.service';

/** GraphQL subscriptions fed by PostgreSQL LISTEN/NOTIFY (works across API instances). */
@Module({
  imports: [TicketsModule],
  providers: [LiveUpdatesService, LiveUpdatesResolver],
  exports: [LiveUpdatesService],
})
export class LiveModule {}
