import { Role } from '../../src/identity/role.enum';
import { gql } from './integration-harness';
import type { SeededWorld } from './seeded-world';

/** Which days a test calendar opens, where, and whether Mexico's LFT holidays close it. */
export interface TestCalendarOptions {
  /** ISO weekdays (1 = Monday … 7 = Sunday); Monday to Friday unless given. */
  readonly weekdays?: readonly number[];
  readonly timeZone?: string;
  /** The LFT art. 74 holidays (the API's default: true). */
  readonly mexicoLft74Holidays?: boolean;
  /** The client organization whose calendar it is (its tickets count on it); none unless given. */
  readonly organizationId?: string;
}

/**
 * A calendar open from `start` to `end` on its weekdays (Monday to Friday in Mexico City unless
 * `options` say otherwise), created by a manager through the API (what a ticket's own calendar
 * is, L3-06); its ID.
 */
export async function createWeekdayCalendar(
  world: Pick<SeededWorld, 'api' | 'bearer'>,
  name: string,
  start: string,
  end: string,
  options: TestCalendarOptions = {},
): Promise<string> {
  const { weekdays = [1, 2, 3, 4, 5], timeZone = 'America/Mexico_City' } = options;
  const created = await gql<{ createCalendar: { id: string } }>(
    world.api,
    `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
    {
      input: {
        name,
        timeZone,
        weekly: weekdays.map((weekday) => ({ weekday, intervals: [{ start, end }] })),
        ...(options.mexicoLft74Holidays === undefined
          ? {}
          : { mexicoLft74Holidays: options.mexicoLft74Holidays }),
        ...(options.organizationId ? { organizationId: options.organizationId } : {}),
      },
    },
    world.bearer(Role.MANAGER),
  );
  expect(created.body.errors).toBeUndefined();
  return created.body.data!.createCalendar.id;
}

/**
 * Tomorrow's ISO weekday and date in Mexico City (UTC−6 all year since 2022): a calendar open
 * only that day makes now outside business time, whatever the hour a test runs.
 */
export function tomorrowInMexicoCity(): { weekday: number; date: string } {
  const zone = 'America/Mexico_City';
  const at = new Date(Date.now() + 24 * 3_600_000);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);
  const day = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(at);
  return { weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1, date };
}
