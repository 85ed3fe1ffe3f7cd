import { Role } from '../../src/identity/role.enum';
import { calendarToday } from '../support/calendar-month';
import { hoursEsMX } from '../support/demo-contract';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// L3-12, L3-09: the approver's open «Autorizar estimación» form says what the balance leaves, and
// refuses here an authorization it cannot cover. When the hours change elsewhere while it is open
// (the manager buys the package the shortfall asked for), the form follows them without closing
// it or reloading the page: it offers the authorization instead of a shortfall that is gone.

const APPROVER = 'aprobador@aurora.example';
const STATEMENT = 'Autorizo por escrito la estimación de 6 horas para el reporte de cobranza.';

describe("The authorize form follows the client's hours live (web app, L3-12, L3-09)", () => {
  const e2e = useE2eWorldWithWorker('live_authorize_balance');
  let number: string;

  /** Runs a hours mutation as the manager; fails the test on any GraphQL error. */
  async function asManager<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const { body } = await gql<T>(e2e.world.api, query, variables, e2e.world.bearer(Role.MANAGER));
    expect(body.errors).toBeUndefined();
    return body.data!;
  }
  const aurora = () => e2e.world.orgIds['comercializadora-aurora'];

  beforeAll(async () => {
    // A development requirement estimated at 6 h, waiting for the approver (L3-08, L3-09)…
    number = await ticketJourneys(e2e.world).estimatedRequirement({
      subject: 'Reporte de cobranza',
      hours: 6,
    });
    // …and the client's hours brought down to 2 h available: the estimate is 4 h short.
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
  }, 180_000);

  it('a package bought while the form is open turns its shortfall into the balance after authorizing', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Autorizar estimación');
    const info = form.getByTestId('authorize-hours');
    await info
      .getByTestId('authorize-shortfall')
      .getByText(/^Faltan 4 h/)
      .waitFor();
    await form.getByLabel('Autorización por escrito').fill(STATEMENT);
    await page.evaluate('window.__sameDocument = true');

    await asManager(
      `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) { id } }`,
      {
        input: {
          organizationId: aurora(),
          hours: 20,
          purchasedOn: calendarToday(),
          reference: 'FAC-COBRANZA-20',
          price: 19_000,
        },
      },
    );

    // 2 + 20 available, 6 reserved by authorizing.
    await info
      .getByText(`Horas disponibles después de autorizar: ${hoursEsMX(16)}.`)
      .waitFor({ timeout: 10_000 });
    expect(await info.getByTestId('authorize-shortfall').count()).toBe(0);
    // The form kept what was typed, and the authorization now goes through.
    await form.getByRole('button', { name: 'Autorizar estimación', exact: true }).click();
    await page.getByText('Autorizar estimación: listo. Estado: En programación.').waitFor();
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });
});
