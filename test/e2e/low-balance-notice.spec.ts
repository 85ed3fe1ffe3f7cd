import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-12, L3-13: «Mis horas» tells the client while their available hours are under the warning
// threshold (10 % of the hours bought, at least 5 h), and says nothing while they are not.

const CLIENT = 'usuario@aurora.example';

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

  it('no notice with 40 h; after the hours fall to 4 h the client sees it in words', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-horas');
    await page.getByTestId('balance').getByText('40 h').first().waitFor();
    expect(await page.getByTestId('low-balance-notice').count()).toBe(0);

    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`,
      {
        input: {
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          hours: -36,
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
      'Te quedan 4 h disponibles, menos del aviso de 5 h. Pide al equipo de soporte un paquete de horas adicional para que tus próximas estimaciones puedan autorizarse; las horas no caducan.',
    );
  });
});
