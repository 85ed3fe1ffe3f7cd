import { log } from '@temporalio/activity';
import type { SlaTimerActivities } from '../../workflows/sla-timer/sla-timer.contract';
import type { SlaEventsService } from './sla-events.service';

/** Binds the SLA timer's activities to the Nest service that owns the data. */
export function createSlaTimerActivities(events: SlaEventsService): SlaTimerActivities {
  return {
    async recordSlaEvent(event) {
      const result = await events.record(event);
      log.info('SLA event', { ...event, firstTime: result.firstTime });
      return result;
    },
  };
}
