import type { Page } from 'playwright-core';
import { logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// "Why is my deadline X?" (L3-05/L3-06): the public calculator over `businessDeadline`.

describe('Deadline calculator (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('deadline');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  beforeEach(async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
  });
  afterEach(async () => {
    await page.context().close();
  });

  async function calculate(from: string, amount: string, unit: string): Promise<void> {
    await page.getByLabel('Desde (hora local)').fill(from);
    await page.getByLabel('Cantidad').fill(amount);
    await page.getByLabel('Unidad').selectOption({ label: unit });
    await page.getByRole('button', { name: 'Calcular plazo' }).click();
  }

  it('explains, logged out, why Fri 17:30 + 8 business hours is Tue 16:30 (Constitution Day)', async () => {
    await page.goto('/plazos');
    // The zone the "from" field is read in is named before anything is sent, in words (QA).
    await page
      .getByText(/^Fecha y hora según la hora de la Ciudad de México \(UTC−\d\)\.$/)
      .waitFor();
    await calculate('2026-01-30T17:30', '8', 'horas hábiles');

    const local = page.getByTestId('deadline-local');
    await local.waitFor();
    // Said as the rest of the app says a date and time (QA S20), not «2026-02-03 16:30»; the
    // space before «p.m.» is the one the browser's ICU writes.
    expect(await local.innerText()).toMatch(/^3 feb 2026, 4:30\sp\.\s?m\.$/);
    expect(await page.getByTestId('deadline-utc').innerText()).toMatch(
      /^3 feb 2026, 10:30\sp\.\s?m\. UTC$/,
    );
    expect(await page.getByTestId('deadline-version').innerText()).toMatch(/versión \d+/);
    const lines = await page.locator('ol.explanation li').allInnerTexts();
    expect(lines.some((l) => l.includes('Día de la Constitución'))).toBe(true);
    await screenshot(page, '05-deadline-es', { docs: 'deadline-calculator' });

    // The explanation is asked again in the other language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'How it was worked out' }).waitFor();
    await page.waitForFunction(
      "[...document.querySelectorAll('ol.explanation li')].some(li => /weekend/i.test(li.textContent))",
    );
    expect(await local.innerText()).toMatch(/^Feb 3, 2026, 4:30\sPM$/);
  });

  it('lets a logged-in user pick a calendar they may see', async () => {
    const client = 'usuario@aurora.example';
    await logIn(page, client, e2e.password(client));
    await page.getByRole('link', { name: 'Calculadora de plazos' }).click();
    const select = page.getByLabel('Calendario');
    await page.waitForFunction("document.querySelectorAll('#deadline-calendar option').length > 0");
    expect(await select.locator('option').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/· Hora de la Ciudad de México \(UTC−\d\)$/)]),
    );
    await calculate('2026-01-30T17:30', '5', 'días hábiles');
    await page.getByTestId('deadline-local').waitFor();
    // Fri 17:30 + 5 business days: Tue 3 … Mon 9 (Monday Feb 2 off), at closing time.
    expect(await page.getByTestId('deadline-local').innerText()).toMatch(
      /^9 feb 2026, 6:00\sp\.\s?m\.$/,
    );
  });
});
