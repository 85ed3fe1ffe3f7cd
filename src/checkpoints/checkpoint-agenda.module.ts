import { Module } from '@nestjs/common';
import { BusinessTimeModule } from '../business-time/business-time.module';
import { CheckpointAgendaService } from './checkpoint-agenda.service';

/**
 * What the worker needs of the checkpoint (L3-15): planning a run and recording its agenda. The
 * API side (settings, Schedules, GraphQL) is {@link CheckpointsModule}.
 */
@Module({
  imports: [BusinessTimeModule],
  providers: [CheckpointAgendaService],
  exports: [CheckpointAgendaService],
})
export class CheckpointAgendaModule {}
