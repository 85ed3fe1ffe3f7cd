import { ApplicationFailure } from '@temporalio/activity';
import type {
  ClockComputation,
  ClockComputationArgs,
  TicketLocalActivities,
} from '../../workflows/ticket/ticket.contract';
import { BusinessTimeError, type BusinessCalendar } from '../business-time/engine';
import type { CalendarsService } from '../business-time/calendars/calendars.service';
import { businessWindow, computeClock, isBusinessInstant } from './clock-computation';

/** A calendar version ready for the engine (what `CalendarsService.current` gives). */
export interface CalendarLookupResult {
  readonly version: number;
  readonly engine: BusinessCalendar;
}
export type CalendarLookup = (calendarId: string) => Promise<CalendarLookupResult>;

/**
 * Open tickets per agent, for automatic assignment. Until the ticket read model exists (issue 5)
 * the worker has no source and every candidate counts as idle.
 */
export type AgentLoadLookup = (agentIds: readonly string[]) => Promise<ReadonlyMap<string, number>>;

/** The worker's lookup: the calendar's current version from PostgreSQL (compiled, cached). */
export function calendarLookupFrom(calendars: Pick<CalendarsService, 'current'>): CalendarLookup {
  return (calendarId) => calendars.current(calendarId);
}

/**
 * The ticket workflow's local activities: pure business-time computations on the ticket's
 * calendar (PostgreSQL in the worker, a plain lookup in tests) and the agent choice.
 */
export function createTicketActivities(
  calendar: CalendarLookup,
  agentLoad: AgentLoadLookup = () => Promise.resolve(new Map()),
): TicketLocalActivities {
  /** Each computation on its calendar's current version, looked up once per calendar. */
  const computeAll = async (batch: readonly ClockComputationArgs[]) => {
    const calendars = new Map<string, Promise<CalendarLookupResult>>();
    const results: ClockComputation[] = [];
    for (const args of batch) {
      if (!calendars.has(args.calendarId))
        calendars.set(args.calendarId, calendar(args.calendarId));
      const { engine, version } = await calendars.get(args.calendarId)!;
      results.push(engineCall(() => computeClock(engine, version, args)));
    }
    return results;
  };
  return {
    computeClockDeadlines: async (args) => (await computeAll([args]))[0],
    computeClockDeadlinesBatch: computeAll,
    async computeClockDeadlinesWithWindow({ calendarId, batch, window }) {
      const { engine, version } = await calendar(calendarId);
      const [from, to] = [Date.parse(window.from), Date.parse(window.to)];
      if (!(from < to)) {
        throw ApplicationFailure.nonRetryable(
          `window ${window.from} .. ${window.to} is not an interval`,
          'VALIDATION_FAILED',
        );
      }
      return {
        computations: batch.map((args) => {
          if (args.calendarId !== calendarId) {
            throw ApplicationFailure.nonRetryable(
              `computation on ${args.calendarId} in a window of ${calendarId}`,
              'VALIDATION_FAILED',
            );
          }
          return engineCall(() => computeClock(engine, version, args));
        }),
        window: engineCall(() => businessWindow(engine, calendarId, version, from, to)),
      };
    },
    async checkReleaseDate({ calendarId, releaseDate }) {
      const { engine, version } = await calendar(calendarId);
      const at = new Date(releaseDate);
      if (Number.isNaN(at.getTime())) {
        throw ApplicationFailure.nonRetryable(
          `releaseDate ${releaseDate} is not an instant`,
          'VALIDATION_FAILED',
        );
      }
      return {
        businessInstant: engineCall(() => isBusinessInstant(engine, at)),
        calendarVersion: version,
      };
    },
    async pickAgent({ candidateAgentIds }) {
      if (candidateAgentIds.length === 0) {
        throw ApplicationFailure.nonRetryable('no candidate agents', 'VALIDATION_FAILED');
      }
      const load = await agentLoad(candidateAgentIds);
      // Least loaded; ties go to the first candidate in the caller's order (deterministic).
      let best = candidateAgentIds[0];
      for (const id of candidateAgentIds) {
        if ((load.get(id) ?? 0) < (load.get(best) ?? 0)) best = id;
      }
      return { agentId: best };
    },
  };
}

/** Engine input errors are bugs in the request, not transient: do not retry them. */
function engineCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof BusinessTimeError || error instanceof RangeError) {
      throw ApplicationFailure.nonRetryable(error.message, 'VALIDATION_FAILED');
    }
    throw error;
  }
}
