import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { BusinessTimeModule } from '../business-time/business-time.module';
import { CheckpointAgendaModule } from '../checkpoints/checkpoint-agenda.module';
import { ConfigModule } from '../config/config.module';
import { ContractsModule } from '../contracts/contracts.module';
import { DatabaseModule } from '../database/database.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaModule } from '../sla/sla.module';
import { TicketReadModelModule } from '../tickets/ticket-read-model.module';

/** The worker's Nest context: the services activities need, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        SlaModule,
        BusinessTimeModule,
        NotificationsModule.forWorker(),
        TicketReadModelModule.forWorker(),
        ContractsModule,
        CheckpointAgendaModule,
      ],
    };
  }
}
