import type { INestApplicationContext } from '@nestjs/common';
import { createSlaTimerActivities } from '../sla/sla-timer.activities';
import { SlaEventsService } from '../sla/sla-events.service';

/** Every activity the worker registers, bound to the Nest services that own the data. */
export function createActivities(app: INestApplicationContext) {
  return {
    ...createSlaTimerActivities(app.get(SlaEventsService)),
  };
}
