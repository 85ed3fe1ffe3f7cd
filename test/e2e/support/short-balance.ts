import { Role } from '../../../src/identity/role.enum';
import { gql } from '../../support/integration-harness';
import { ticketJourneys } from '../../support/ticket-journeys';
import type { E2eWorldWithWorker } from './e2e-world';

/** Runs a mutation or query as the demo manager; fails the test on any GraphQL error. */
export async function asManager<T>(
  e2e: E2eWorldWithWorker,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const { body } = await gql<T>(e2e.world.api, query, variables, e2e.world.bearer(Role.MANAGER));
  expect(body.errors).toBeUndefined();
  return body.data!;
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
