import type { Page } from 'playwright-core';
import { HourLedgerService } from '../../src/contracts/hour-ledger.service';
import { Role } from '../../src/identity/role.enum';
import { calendarToday } from '../support/calendar-month';
import { demoContract } from '../support/demo-contract';
import { gql } from '../support/integration-harness';
import { logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-12, L3-13: a client reads how much of the hours it bought it has used, «2.5 de 40 h usadas»,
// where it looks at its hours: «Mis horas» and the hours card of «Mis tickets»; in English too.
// The client has the package the demo world seeds; a development ticket's authorized estimate
// holds 4 h, of which an agent logs 2.5.

const CLIENT = 'usuario@aurora.example';
const PURCHASED = demoContract('comercializadora-aurora').hours;
const USED = 2.5;

describe('the client sees how much of the purchased hours is used (L3-12, L3-13)', () => {
  let e2e: E2eWorld;
  let page: Page;

  /** Runs `query` as `role`; fails the test on any GraphQL error. */
  async function as<T>(role: Role, query: string, variables: Record<string, unknown>) {
    const { body } = await gql<T>(e2e.world.api, query, variables, e2e.world.bearer(role));
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  beforeAll(async () => {
    e2e = await startE2eWorld('client-hours-used');
    const organizationId = e2e.world.orgIds['comercializadora-aurora'];
    const { registerTicket } = await as<{ registerTicket: { number: string } }>(
      Role.CLIENT_USER,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      { input: { category: 'DEVELOPMENT', subject: 'Reporte', description: 'Un reporte nuevo.' } },
    );
    // The estimate's hold straight in the ledger: no worker runs this world's workflows.
    await e2e.world.api.app.get(HourLedgerService).reserveForEstimate({
      organizationId,
      ticketNumber: registerTicket.number,
      estimateVersion: 1,
      hours: 4,
      category: 'DEVELOPMENT',
      actorId: null,
      idempotencyKey: `${registerTicket.number}:estimate-1`,
    });
    await as(Role.AGENT, `mutation ($input: LogTimeInput!) { logTime(input: $input) { id } }`, {
      input: {
        ticketNumber: registerTicket.number,
        organizationId,
        date: calendarToday(),
        hours: USED,
        description: 'Consultas del reporte',
      },
    });
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  it('«Mis horas» and «Mis tickets» say «2.5 de 40 h usadas»; in English «2.5 of 40 h used»', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    const spanish = `${USED} de ${PURCHASED} h usadas`;
    const english = `${USED} of ${PURCHASED} h used`;

    await page.goto('/mis-horas');
    const hoursPage = page
      .getByRole('region', { name: 'Saldo de horas' })
      .getByTestId('hours-used');
    await hoursPage.getByText(spanish, { exact: true }).waitFor();
    await screenshot(page, 'client-hours-used-es');

    await page.goto('/mis-tickets');
    const card = page.getByRole('region', { name: 'Horas prepagadas' }).getByTestId('hours-used');
    await card.getByText(spanish, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Prepaid hours' }).getByText(english).waitFor();
    await page.goto('/mis-horas');
    await page.getByRole('region', { name: 'Hour balance' }).getByText(english).waitFor();
  });
});
