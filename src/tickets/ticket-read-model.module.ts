import { type DynamicModule, Module } from '@nestjs/common';
import { TicketEmailRelay } from './ticket-email-relay';
import { TicketEmailRelaySweep } from './ticket-email-relay-sweep';
import { TicketProjectionService } from './ticket-projection.service';

/** The ticket event log and read model, shared by the API and the worker. */
@Module({
  providers: [TicketProjectionService, TicketEmailRelay],
  exports: [TicketProjectionService, TicketEmailRelay],
})
export class TicketReadModelModule {
  /** The worker's: also relays the emails any crash or outage left behind (L3-11). */
  static forWorker(): DynamicModule {
    return {
      module: TicketReadModelModule,
      providers: [TicketEmailRelaySweep],
    };
  }
}
