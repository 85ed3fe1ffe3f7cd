import { Module } from '@nestjs/common';
import { BusinessTimeModule } from '../business-time/business-time.module';
import { PlanningModule } from '../planning/planning.module';
import { CheckpointDecisionNotices } from './checkpoint-decision-notices.service';
import { CheckpointSchedulesService } from './checkpoint-schedules.service';
import { CheckpointsResolver } from './checkpoints.resolver';
import { CheckpointsService } from './checkpoints.service';

/**
 * The biweekly checkpoint in the API (L3-15): settings and their Temporal Schedules, agendas and
 * decisions over GraphQL. The worker builds the agendas (`CheckpointAgendaModule`).
 */
@Module({
  imports: [BusinessTimeModule, PlanningModule],
  providers: [
    CheckpointSchedulesService,
    CheckpointDecisionNotices,
    CheckpointsService,
    CheckpointsResolver,
  ],
})
export class CheckpointsModule {}
