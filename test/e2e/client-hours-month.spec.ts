import type { Page } from 'playwright-core';
import { monthWords } from '../../web/src/i18n/month-words';
import { calendarMonth } from '../support/calendar-month';
import { demoContract, figure, hoursEsMX } from '../support/demo-contract';
import { logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-13, L3-03 (QA S18): «Mis horas» in November read «Horas compradas 0 h» beside a list that
// held the demo package bought on 2026-01-01, and QA took it for a statement missing a purchase.
// The statement was right (integration statement-purchase-month); the list was the all-time
// ledger. Now the ledger says it is every month's and the statement names its month over its
// figures and movements, so the two cannot be read as one. The package is the one the demo world
// seeds (its reference, hours and day), so a change to the seed changes what is expected.

const CLIENT = 'usuario@aurora.example';
const {
  reference: PACKAGE,
  hours,
  month: PURCHASE_MONTH,
  since: SINCE,
} = demoContract('comercializadora-aurora');
const HOURS = hoursEsMX(hours);
/** A YYYY-MM-DD day as the ledger lists dates in Spanish, «1 ene 2026». */
const dayEsMX = (day: string) =>
  new Intl.DateTimeFormat('es-MX', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

describe('«Mis horas»: the ledger is every month, the statement one named month (L3-13)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('client_hours_month');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  it("this month's statement says so beside the ledger's older purchase; its month's lists it", async () => {
    // The demo package was bought in an earlier month than this one.
    expect(PURCHASE_MONTH < calendarMonth()).toBe(true);
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-horas');

    // The ledger, titled as every month's, holds the demo package.
    const ledger = page.getByRole('table', { name: 'Todos los movimientos' });
    const purchase = ledger.getByRole('row', { name: PACKAGE });
    await purchase.waitFor();
    // QA S22 F2: dated by its purchase, as the statement counts it, not by the day the seed
    // recorded it (this month), which the same cell names beside it in the client's zone.
    const [{ recorded }] = await e2e.world.db.query<{ recorded: string }[]>(
      `SELECT to_char(e.created_at AT TIME ZONE u.time_zone, 'YYYY-MM-DD') AS recorded
         FROM hour_package p JOIN hour_ledger_entry e ON e.id = p.ledger_entry_id, app_user u
        WHERE p.reference = $1 AND u.email = $2`,
      [PACKAGE, CLIENT],
    );
    expect(recorded.slice(0, 7)).not.toBe(PURCHASE_MONTH);
    expect(await purchase.locator('td[data-label="Fecha"]').innerText()).toBe(
      `${dayEsMX(SINCE)}\nregistrada el ${dayEsMX(recorded)}`,
    );
    expect(await page.getByTestId('ledger-scope').innerText()).toBe(
      'De todos los meses, el más reciente primero. El estado de cuenta mensual cuenta solo los del mes que elija.',
    );
    expect(await page.getByTestId('balance').innerText()).toMatch(
      figure('Compradas en total', HOURS),
    );

    // This month's statement names the month over its figures: nothing bought in it.
    const words = monthWords(calendarMonth(), 'es-MX');
    await page.getByRole('heading', { name: `Cifras de ${words}` }).waitFor();
    expect(await page.getByTestId('statement').innerText()).toMatch(/Horas compradas\s+0 h/);
    expect(
      await page
        .getByRole('heading', { name: `Compras, ajustes y correcciones de ${words}` })
        .count(),
    ).toBe(1);
    expect(await page.getByTestId('statement-no-movements').innerText()).toBe(
      `Sin compras, ajustes ni correcciones en ${words}.`,
    );

    // «Mes» goes back to the client's first month with anything to state, not years before it
    // (QA): the seeded policy's start or package, whichever came first.
    const [{ first }] = await e2e.world.db.query<{ first: string }[]>(
      `SELECT to_char(least(min(p.start_date), $1::date), 'YYYY-MM') AS first
         FROM support_policy p JOIN organization o ON o.id = p.organization_id
        WHERE o.slug = 'comercializadora-aurora'`,
      [SINCE],
    );
    const choices = page.getByLabel('Mes').locator('option');
    await page.getByLabel('Mes').locator(`option[value="${first}"]`).waitFor({ state: 'attached' });
    const offered = await choices.evaluateAll((options) =>
      options.map((o) => (o as unknown as { value: string }).value),
    );
    expect([offered[0], offered.at(-1)]).toEqual([calendarMonth(), first]);
    expect(await choices.last().textContent()).toBe(monthWords(first, 'es-MX'));

    // The month of the purchase: its figures and its movements have it.
    const purchased = monthWords(PURCHASE_MONTH, 'es-MX');
    await page.getByLabel('Mes').selectOption(PURCHASE_MONTH);
    await page.getByRole('heading', { name: `Cifras de ${purchased}` }).waitFor();
    await page
      .getByRole('table', { name: `Compras, ajustes y correcciones de ${purchased}` })
      .getByRole('row', { name: PACKAGE })
      .waitFor();
    expect(await page.getByTestId('statement').innerText()).toMatch(
      figure('Horas compradas', HOURS),
    );
  });
});
