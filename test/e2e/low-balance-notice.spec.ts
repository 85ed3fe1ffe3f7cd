import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { demoContract, hoursEsMX, lowBalanceThreshold } from '../support/demo-contract';
import { gql } from '../support/integration-harness';
import { logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-12, L3-13: «Mis horas» tells the client while their available hours are under the warning
// threshold (10 % of the hours bought, at least 5 h), and says nothing while they are not. The
// client starts with the package the demo world seeds.

const CLIENT = 'usuario@aurora.example';
const SEEDED = demoContract('comercializadora-aurora').hours;
const THRESHOLD = lowBalanceThreshold(SEEDED);

describe('Low-balance notice on «Mis horas» (L3-12, L3-13)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('low-balance-notice');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  it('no notice with the seeded hours; after they fall under the threshold the client sees it in words', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-horas');
    await page.getByTestId('balance').getByText(hoursEsMX(SEEDED)).first().waitFor();
    expect(await page.getByTestId('low-balance-notice').count()).toBe(0);

    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`,
      {
        input: {
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          hours: THRESHOLD - 1 - SEEDED,
          reason: 'Prueba del aviso de saldo bajo',
        },
      },
      e2e.world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();

    await page.reload();
    const notice = page.getByTestId('low-balance-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toBe(
      `Le quedan ${hoursEsMX(THRESHOLD - 1)} disponibles, menos del aviso de ${hoursEsMX(THRESHOLD)}. Pida al equipo de soporte un paquete de horas adicional para que sus próximas estimaciones puedan autorizarse; las horas no caducan.`,
    );
  });
});
