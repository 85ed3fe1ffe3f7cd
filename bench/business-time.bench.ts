import {
  addBusinessDays,
  addBusinessHours,
  BusinessCalendar,
  defaultMexicoCityCalendar,
} from '../src/business-time/engine';
import { type BenchRow, type BenchScenario, seededRandom, throughput } from './bench-harness';

const GOAL_PER_SECOND = 100_000;

/**
 * Deadline computations per second on one core (issue 3): 8 business hours (L3-06) and 5
 * business days (L3-08) from random starts in 2025–2027 on the default calendar.
 */
export const businessTimeScenario: BenchScenario = {
  name: 'business time',
  run() {
    const calendar = new BusinessCalendar(defaultMexicoCityCalendar(2024, 2029));
    const random = seededRandom(42);
    const from = Date.UTC(2025, 0, 1);
    const span = Date.UTC(2028, 0, 1) - from;
    const starts = Array.from(
      { length: 10_000 },
      () => new Date(from + Math.floor(random() * span)),
    );
    let sink = 0;
    const hours = throughput((i) => {
      sink += addBusinessHours(calendar, starts[i % starts.length], 8).getTime();
    });
    const days = throughput((i) => {
      sink += addBusinessDays(calendar, starts[i % starts.length], 5).getTime();
    });
    if (sink === 0) throw new Error('unreachable: keeps the results alive');
    const row = (metric: string, value: number): BenchRow => ({
      scenario: 'business time',
      metric,
      value,
      unit: '/s',
      goal: {
        text: `≥ ${GOAL_PER_SECOND.toLocaleString('en-US')} /s`,
        met: value >= GOAL_PER_SECOND,
      },
    });
    return Promise.resolve([row('add 8 business hours', hours), row('add 5 business days', days)]);
  },
};
