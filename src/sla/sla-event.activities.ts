import { log } from '@temporalio/activity';
import type { SlaEventActivities } from '../../workflows/sla/sla-events.contract';
import type { SlaEventsService } from './sla-events.service';

/** Binds the SLA clocks' event activity to the Nest service that owns the data (exactly once per event). */
export function createSlaEventActivities(events: SlaEventsService): SlaEventActivities {
  return {
    async recordSlaEvent(event) {
      const result = await events.record(event);
      log.info('SLA event', { ...event, firstTime: result.firstTime });
      return result;
    },
  };
}
