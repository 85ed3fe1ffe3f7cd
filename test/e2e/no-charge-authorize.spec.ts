import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { asManager, estimateFourHoursShort } from './support/short-balance';
import { openAction } from './support/ticket-actions';

// L3-09, L3-12, L3-18: a requirement staff marked «Sin cargo al paquete» holds no hours when its
// estimate is authorized (the ledger reserves none), so the approver's «Autorizar estimación» form
// neither says it reserves them nor refuses it for a balance too small: the approver authorizes.

const APPROVER = 'aprobador@aurora.example';
const STATEMENT = 'Autorizo por escrito la corrección de la factura electrónica, sin cargo.';

describe('Authorizing a no-charge requirement (web app, L3-09, L3-12, L3-18)', () => {
  const e2e = useE2eWorldWithWorker('no_charge_authorize');
  let number: string;

  const aurora = () => e2e.world.orgIds['comercializadora-aurora'];

  beforeAll(async () => {
    // A development requirement estimated at 6 h, waiting for the approver, 4 h short (L3-12)…
    number = await estimateFourHoursShort(e2e, 'Corrección de la factura electrónica');
    // …and the ticket is the provider's to pay (a defect of its own delivery).
    await ticketJourneys(e2e.world).markNoCharge(number);
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
    await page
      .getByText('Autorizar estimación: listo. Estado: Autorizado, fecha de entrega por definir.')
      .waitFor();
    // Nothing was held: the client still has its 2 h.
    const { hourBalance } = await asManager<{ hourBalance: { available: number } }>(
      e2e,
      `query ($organizationId: ID!) { hourBalance(organizationId: $organizationId) { available } }`,
      { organizationId: aurora() },
    );
    expect(hourBalance.available).toBe(2);
  });
});
