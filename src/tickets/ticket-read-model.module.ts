import {
  type DynamicModule,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { TicketEmailRelay } from './ticket-email-relay';
import { TicketProjectionService } from './ticket-projection.service';

/** Starts the email relay's sweep where tickets are projected (the worker). */
@Injectable()
class TicketEmailRelaySweep implements OnApplicationBootstrap {
  constructor(private readonly relay: TicketEmailRelay) {}

  onApplicationBootstrap(): void {
    this.relay.startSweeping();
  }
}

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
