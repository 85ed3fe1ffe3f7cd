import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// L3-09, L3-12, L3-18: a requirement staff marked «Sin cargo al paquete» holds no hours when its
// estimate is authorized (the ledger reserves none), so the approver's «Autorizar estimación» form
// neither says it reserves them nor refuses it for a balance too small: the approver authorizes.

const APPROVER = 'aprobador@aurora.example';
const STATEMENT = 'Autorizo por escrito la corrección de la factura electrónica, sin cargo.';

describe('Authorizing a no-charge requirement (web app, L3-09, L3-12, L3-18)', () => {
  const e2e = useE2eWorldWithWorker('no_charge_authorize');
  let number: string;

  /** Runs a mutation as the manager; fails the test on any GraphQL error. */
  async function asManager<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const { body } = await gql<T>(e2e.world.api, query, variables, e2e.world.bearer(Role.MANAGER));
    expect(body.errors).toBeUndefined();
    return body.data!;
  }
  const aurora = () => e2e.world.orgIds['comercializadora-aurora'];

  beforeAll(async () => {
    // A development requirement estimated at 6 h, waiting for the approver (L3-08, L3-09)…
    number = await ticketJourneys(e2e.world).estimatedRequirement({
      subject: 'Corrección de la factura electrónica',
      hours: 6,
    });
    // …the client's hours brought down to 2 h available (6 h would be 4 h short)…
    const { hourBalance } = await asManager<{ hourBalance: { available: number } }>(
      `query ($organizationId: ID!) { hourBalance(organizationId: $organizationId) { available } }`,
      { organizationId: aurora() },
    );
    await asManager(`mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`, {
      input: {
        organizationId: aurora(),
        hours: -(hourBalance.available - 2),
        reason: 'Horas de otro contrato cargadas por error',
      },
    });
    // …and the ticket is the provider's to pay (a defect of its own delivery).
    await asManager(
      `mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { noCharge } }`,
      {
        input: {
          organizationId: aurora(),
          ticketNumber: number,
          noCharge: true,
          reason: 'Corrige un defecto de nuestra entrega anterior.',
        },
      },
    );
  }, 180_000);

  it('the form says no hours are reserved, refuses no shortfall, and the authorization goes through', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Autorizar estimación');
    const info = form.getByTestId('authorize-hours');
    await info
      .getByText(
        'Este ticket es «Sin cargo al paquete»: autorizar no reserva ni cobra horas de su saldo.',
      )
      .waitFor({ timeout: 10_000 });
    expect(await info.getByTestId('authorize-shortfall').count()).toBe(0);
    expect(await info.getByText(/Se reservarán/).count()).toBe(0);

    await form.getByLabel('Autorización por escrito').fill(STATEMENT);
    await form.getByRole('button', { name: 'Autorizar estimación', exact: true }).click();
    await page.getByText('Autorizar estimación: listo. Estado: En programación.').waitFor();
    // Nothing was held: the client still has its 2 h.
    const { hourBalance } = await asManager<{ hourBalance: { available: number } }>(
      `query ($organizationId: ID!) { hourBalance(organizationId: $organizationId) { available } }`,
      { organizationId: aurora() },
    );
    expect(hourBalance.available).toBe(2);
  });
});
