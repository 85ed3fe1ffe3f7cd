import type { CheckpointActivities } from '../../workflows/checkpoint/checkpoint.contract';
import type { CheckpointAgendaService } from './checkpoint-agenda.service';

/** The checkpoint workflow's activities (L3-15), bound to the agenda service. */
export function createCheckpointActivities(agendas: CheckpointAgendaService): CheckpointActivities {
  return {
    planCheckpointRun: (args) => agendas.plan(args),
    recordCheckpointAgenda: (args) => agendas.record(args),
  };
}
