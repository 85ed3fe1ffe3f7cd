import { Role } from '../../../src/identity/role.enum';
import { calendarToday } from '../../support/calendar-month';
import { gql } from '../../support/integration-harness';
import { ticketJourneys } from '../../support/ticket-journeys';
import type { E2eWorld, E2eWorldWithWorker } from './e2e-world';

/** What these helpers use of an e2e world, with or without its worker. */
type ApiOf = Pick<E2eWorld | E2eWorldWithWorker, 'world'>;

/** Runs a mutation or query as the demo manager; fails the test on any GraphQL error. */
export async function asManager<T>(
  e2e: ApiOf,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const { body } = await gql<T>(e2e.world.api, query, variables, e2e.world.bearer(Role.MANAGER));
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/**
 * The demo manager buys Aurora a package of 20 h today (19,000 MXN), under `reference` (L3-03,
 * L3-13): what the live authorize-form and hours specs buy while a page is open.
 */
export async function buyAuroraTwentyHours(e2e: ApiOf, reference: string): Promise<void> {
  await asManager(
    e2e,
    `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) { id } }`,
    {
      input: {
        organizationId: e2e.world.orgIds['comercializadora-aurora'],
        hours: 20,
        purchasedOn: calendarToday(),
        reference,
        price: 19_000,
      },
    },
  );
}

/**
 * A development requirement of Aurora's estimated at 6 h, waiting for the approver (L3-08,
 * L3-09), with Aurora's hours brought down to 2 h available: the estimate is 4 h short (L3-12).
 * Returns its number.
 */
export async function estimateFourHoursShort(
  e2e: E2eWorldWithWorker,
  subject: string,
): Promise<string> {
  const number = await ticketJourneys(e2e.world).estimatedRequirement({ subject, hours: 6 });
  const organizationId = e2e.world.orgIds['comercializadora-aurora'];
  const { hourBalance } = await asManager<{ hourBalance: { available: number } }>(
    e2e,
    `query ($organizationId: ID!) { hourBalance(organizationId: $organizationId) { available } }`,
    { organizationId },
  );
  await asManager(
    e2e,
    `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`,
    {
      input: {
        organizationId,
        hours: -(hourBalance.available - 2),
        reason: 'Horas de otro contrato cargadas por error',
      },
    },
  );
  return number;
}
