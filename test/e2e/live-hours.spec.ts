import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { demoContract, figure, hoursEsMX } from '../support/demo-contract';
import { gql } from '../support/integration-harness';
import { logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';
import { buyAuroraTwentyHours } from './support/short-balance';

// L3-13, L3-12: a client sees its hours left live. «Mis horas» is open; staff adjusts the client's
// hours through the API; the page shows the new balance and movement, in the ledger and in the
// month's statement, without a reload (`hoursChanged` over graphql-ws). The staff hours screen
// («Contratos y horas») follows the same way when the change is made elsewhere. The client starts
// with the package the demo world seeds.

const CLIENT = 'usuario@aurora.example';
const MANAGER = 'gerente@becken.example';
const SEEDED = demoContract('comercializadora-aurora').hours;
const REASON = 'Horas de cortesía mal cargadas';
const STAFF_REASON = 'Soporte de fin de semana cobrado dos veces';

/** Staff (the API's manager) adjust Comercializadora Aurora's hours, outside the open page. */
async function adjustAurora(e2e: E2eWorld, hours: number, reason: string): Promise<void> {
  const { body } = await gql(
    e2e.world.api,
    `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`,
    { input: { organizationId: e2e.world.orgIds['comercializadora-aurora'], hours, reason } },
    e2e.world.bearer(Role.MANAGER),
  );
  expect(body.errors).toBeUndefined();
}

/** Comercializadora Aurora's hours available now, as the API answers them. */
async function availableOfAurora(e2e: E2eWorld): Promise<number> {
  const { body } = await gql<{ hourBalance: { available: number } }>(
    e2e.world.api,
    `query ($organizationId: ID!) { hourBalance(organizationId: $organizationId) { available } }`,
    { organizationId: e2e.world.orgIds['comercializadora-aurora'] },
    e2e.world.bearer(Role.MANAGER),
  );
  expect(body.errors).toBeUndefined();
  return body.data!.hourBalance.available;
}

describe('«Mis horas», «Mis tickets» and «Contratos y horas» follow the hours live (L3-13, L3-12)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('live-hours');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  it('an adjustment made by staff shows on the open page without reloading it', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-horas');
    await page.getByTestId('balance').getByText(hoursEsMX(SEEDED)).first().waitFor();
    // The month's statement is shown, without the adjustment yet.
    await page.getByTestId('statement').waitFor();
    expect(await page.getByTestId('statement-movements').getByText(REASON).count()).toBe(0);
    // The page stays the same document: a reload would lose this mark.
    await page.evaluate('window.__sameDocument = true');

    await adjustAurora(e2e, -6, REASON);

    await page
      .getByTestId('balance')
      .getByText(hoursEsMX(SEEDED - 6))
      .first()
      .waitFor();
    await page.getByText(REASON).first().waitFor();
    // The month's statement follows too: the adjustment is one of its movements.
    await page.getByTestId('statement-movements').getByText(REASON).waitFor();
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });

  it("the staff hours screen's statement lists an adjustment made elsewhere without a reload", async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/contratos');
    await page.getByLabel('Cliente').selectOption({ label: 'Comercializadora Aurora' });
    const movements = page.getByTestId('statement-movements');
    // The month's statement is shown: the adjustment of the test above is one of its movements.
    await movements.getByText(REASON).waitFor();
    expect(await movements.getByText(STAFF_REASON).count()).toBe(0);
    await page.evaluate('window.__sameDocument = true');

    await adjustAurora(e2e, 2, STAFF_REASON);

    await movements.getByText(STAFF_REASON).waitFor();
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });

  it("«Mis tickets»' hours card shows a package the manager bought elsewhere without a reload (L3-12, L3-13)", async () => {
    const before = await availableOfAurora(e2e);
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-tickets');
    const card = page.getByTestId('hours');
    await card.getByText(hoursEsMX(before)).first().waitFor();
    await page.evaluate('window.__sameDocument = true');

    // A package bought by the manager touches no ticket: only the ledger's event says so.
    await buyAuroraTwentyHours(e2e, 'FAC-LIVE-20');

    await card
      .getByText(hoursEsMX(before + 20))
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await card.innerText()).toMatch(figure('Disponibles', hoursEsMX(before + 20)));
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });
});
