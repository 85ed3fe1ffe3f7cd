import { Role } from '../../src/identity/role.enum';
import { gql } from './integration-harness';
import type { SeededWorld } from './seeded-world';

/**
 * A calendar in Mexico City open Monday to Friday from `start` to `end`, created by a manager
 * through the API (what a ticket's own calendar is, L3-06); its ID.
 */
export async function createWeekdayCalendar(
  world: Pick<SeededWorld, 'api' | 'bearer'>,
  name: string,
  start: string,
  end: string,
): Promise<string> {
  const created = await gql<{ createCalendar: { id: string } }>(
    world.api,
    `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
    {
      input: {
        name,
        timeZone: 'America/Mexico_City',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: [{ start, end }] })),
      },
    },
    world.bearer(Role.MANAGER),
  );
  expect(created.body.errors).toBeUndefined();
  return created.body.data!.createCalendar.id;
}
