import { Module } from '@nestjs/common';
import { TicketProjectionService } from './ticket-projection.service';

/** The ticket event log and read model, shared by the API and the worker. */
@Module({ providers: [TicketProjectionService], exports: [TicketProjectionService] })
export class TicketReadModelModule {}
