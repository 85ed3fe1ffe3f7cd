import type { Page } from 'playwright-core';
import { DEMO_CONTRACTS_SINCE } from '../../src/dev/demo-world';
import { demoContract, figure, hoursEsMX, literally } from '../support/demo-contract';
import { logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-12, L3-13, L3-18 (QA): a manager corrects a client's prepaid hours from the ledger screen
// over the real API: «Ajustar horas» (a goodwill credit; taking hours away is confirmed, and
// more than the available hours is refused in words), «Revertir» on a row the API accepts (a
// required reason, a confirmation naming the entry), the reversal linked to what it reverses,
// the balance following each step. The client sees the corrections, never the controls. The
// balance starts at the package the demo world seeds, so a change to the seed changes what is
// expected.

const MANAGER = 'gerente@becken.example';
const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const CLIENT_NAME = 'Comercializadora Aurora';
const SEEDED = demoContract('comercializadora-aurora');
/** The balance after `change` hours, as the es-MX screens write it. */
const balanceAfter = (change: number) => hoursEsMX(SEEDED.hours + change);

/**
 * Answers `yes` to the page's own confirmation `id` (an alertdialog under the form, QA S56: it was
 * the browser's dialog) and gives its question and what follows, as one sentence.
 */
async function confirmInPage(page: Page, id: string, yes: string): Promise<string> {
  const dialog = page.getByRole('alertdialog').and(page.getByTestId(`${id}-confirm`));
  await dialog.waitFor();
  const title = await dialog.locator(`#${id}-title`).innerText();
  const text = await dialog.locator(`#${id}-text`).innerText();
  await dialog.getByRole('button', { name: yes }).click();
  return `${title} ${text}`;
}

/** Waits until the notice matching `text` is shown and holds the focus. */
async function focusOn(page: Page, text: RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
  await page.waitForFunction(
    `new RegExp(${JSON.stringify(text.source)}).test(document.activeElement?.textContent ?? '')`,
  );
}

describe('Manual hour corrections in the web app (L3-12, L3-13, L3-18)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('hour-corrections');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  it('a manager adjusts hours either way and reverses an entry; the balance follows', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/contratos');
    await page.getByLabel('Cliente').selectOption({ label: CLIENT_NAME });
    const balance = page.getByTestId('balance');
    await balance.getByText(balanceAfter(0)).first().waitFor();
    expect(await balance.innerText()).toMatch(figure('Disponibles', balanceAfter(0)));
    const ledger = page.getByTestId('ledger');
    const form = page.getByTestId('adjust-hours-form');
    await page.getByRole('heading', { name: 'Ajustar horas' }).waitFor();

    // A goodwill credit, confirmed with what stays available (QA S14-F: a typo credited
    // 100,000 h in one click); the success notice takes the focus; balance and ledger follow.
    await form.getByLabel('Horas (+ o −)').fill('2.5');
    await form.getByLabel('Motivo').fill('Cortesía por el retraso del 12 de noviembre');
    await form.getByRole('button', { name: 'Aplicar ajuste' }).click();
    expect(await confirmInPage(page, 'adjust-hours', 'Sí, aplicar ajuste')).toBe(
      `¿Sumar 2.5 h a ${CLIENT_NAME}? Quedarán ${balanceAfter(2.5)} disponibles.`,
    );
    await focusOn(page, /^Ajuste aplicado: \+2\.5 h a Comercializadora Aurora\./);
    await balance.getByText(balanceAfter(2.5)).first().waitFor();
    const credit = ledger.getByRole('row', { name: /Cortesía por el retraso/ });
    expect(await credit.innerText()).toContain('Ajuste');
    expect(await credit.innerText()).toContain('+2.5 h');
    expect(await credit.innerText()).toContain('Por Gerardo Gerente');
    expect(await form.getByLabel('Motivo').inputValue()).toBe('');

    // Without a reason nothing is sent; more than the available hours is refused in words.
    await form.getByLabel('Horas (+ o −)').fill('-1');
    await form.getByRole('button', { name: 'Aplicar ajuste' }).click();
    await form.getByRole('alert').getByText('Escriba el motivo del ajuste.').waitFor();
    const tooMany = SEEDED.hours + 10;
    await form.getByLabel('Horas (+ o −)').fill(`-${tooMany}`);
    await form.getByLabel('Motivo').fill('Registro equivocado');
    await form.getByRole('button', { name: 'Aplicar ajuste' }).click();
    await form
      .getByRole('alert')
      .getByText(
        new RegExp(
          `^No se pueden quitar ${literally(hoursEsMX(tooMany))}: solo hay ${literally(balanceAfter(2.5))} disponibles`,
        ),
      )
      .waitFor();
    // The refusal follows the language switch, numbers and all (it stayed Spanish till resent).
    await page.getByRole('button', { name: 'English' }).click();
    await form
      .getByRole('alert')
      .getByText(/^[\d.,]+ h cannot be taken away: only [\d.,]+ h are available/)
      .waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await form
      .getByRole('alert')
      .getByText(/^No se pueden quitar/)
      .waitFor();

    // Taking hours away is confirmed first, with what stays available.
    await form.getByLabel('Horas (+ o −)').fill('-1');
    await form.getByRole('button', { name: 'Aplicar ajuste' }).click();
    expect(await confirmInPage(page, 'adjust-hours', 'Sí, aplicar ajuste')).toBe(
      `¿Quitar 1 h a ${CLIENT_NAME}? Quedarán ${balanceAfter(1.5)} disponibles. Solo se puede deshacer con una reversión.`,
    );
    await focusOn(page, /^Ajuste aplicado: −1 h a Comercializadora Aurora\./);
    await balance.getByText(balanceAfter(1.5)).first().waitFor();

    // Reverse the credit: a reason is required, the confirmation names the entry.
    await credit
      .getByRole('button', { name: /^Revertir el movimiento .*Ajuste \+2\.5 h$/ })
      .click();
    const reverse = page.getByTestId('reverse-entry-form');
    await reverse.getByRole('heading', { name: 'Revertir movimiento' }).waitFor();
    await reverse.getByRole('button', { name: 'Revertir movimiento' }).click();
    await reverse.getByRole('alert').getByText('Escriba el motivo de la reversión.').waitFor();
    await reverse.getByLabel('Motivo de la reversión').fill('La cortesía se aplicó dos veces');
    // Esc closes the question and gives the focus back to the button that asked it (QA S56).
    const apply = reverse.getByRole('button', { name: 'Revertir movimiento' });
    await apply.click();
    const question = page.getByTestId('reverse-entry-confirm');
    await question.waitFor();
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await page.waitForFunction(
      "document.activeElement?.textContent === 'Revertir movimiento' && document.activeElement.tagName === 'BUTTON'",
    );
    await apply.click();
    // …with what stays available, as an adjustment's question says it (QA S57).
    const reverseQuestion = await confirmInPage(page, 'reverse-entry', 'Sí, revertir');
    expect(reverseQuestion).toMatch(
      /^¿Revertir el movimiento .+ · Ajuste \+2\.5 h\? Se agregará una reversión al historial\. /,
    );
    expect(reverseQuestion).toMatch(new RegExp(`Quedarán ${balanceAfter(-1)} disponibles\\.$`));
    await focusOn(page, /^Movimiento revertido: .+ · Ajuste \+2\.5 h\.$/);
    await balance.getByText(balanceAfter(-1)).first().waitFor();
    expect(await balance.innerText()).toMatch(figure('Disponibles', balanceAfter(-1)));
    expect(await reverse.count()).toBe(0);

    // The reversal names what it reverses and links to it; the credit says it was reversed.
    const reversal = ledger.getByRole('row', { name: /La cortesía se aplicó dos veces/ });
    expect(await reversal.innerText()).toContain('Reverso');
    expect(await reversal.innerText()).toMatch(/Reversión de .+ · Ajuste \+2\.5 h/);
    expect(await reversal.innerText()).toMatch(/[-−]2\.5 h/);
    expect(await reversal.innerText()).toContain('Es una reversión');
    expect(await reversal.getByRole('button').count()).toBe(0);
    const link = reversal.getByRole('link', { name: /^Reversión de/ });
    const target = (await link.getAttribute('href'))!.slice(1);
    expect(await credit.getAttribute('id')).toBe(target);
    expect(await credit.innerText()).toContain('Ya revertido');
    expect(await credit.getByRole('link', { name: 'Revertido' }).count()).toBe(1);
    expect(await credit.getByRole('button').count()).toBe(0);
    // The seeded purchase can still be reversed.
    const purchase = ledger.getByRole('row', { name: SEEDED.reference });
    expect(await purchase.getByRole('button', { name: /^Revertir el movimiento/ }).count()).toBe(1);
    // Named by its purchase date and package reference, as its row and email name it (QA S56, S57).
    expect(
      await purchase
        .getByRole('button', { name: /^Revertir el movimiento/ })
        .getAttribute('aria-label'),
    ).toMatch(new RegExp(`^Revertir el movimiento 1 ene 2026 · ${SEEDED.reference} · Compra \\+`));
    expect(DEMO_CONTRACTS_SINCE).toBe('2026-01-01');
  });

  it('the client sees the corrections in its ledger, and no correction controls', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-horas');
    await page.getByRole('heading', { name: 'Mis horas', level: 1 }).waitFor();
    const balance = page.getByTestId('balance');
    await balance.getByText(balanceAfter(-1)).first().waitFor();
    const ledger = page.getByTestId('ledger');
    const reversal = ledger.getByRole('row', { name: /La cortesía se aplicó dos veces/ });
    expect(await reversal.innerText()).toMatch(/Reversión de .+ · Ajuste \+2\.5 h/);
    expect(await page.getByRole('heading', { name: 'Ajustar horas' }).count()).toBe(0);
    expect(await page.getByTestId('adjust-hours-form').count()).toBe(0);
    expect(await ledger.getByRole('button').count()).toBe(0);
    expect(await ledger.getByText('Corrección').count()).toBe(0);
  });

  it('an agent has no contracts screen, so no correction controls', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto('/contratos');
    // The seeded agent reads the app in English.
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await page.getByTestId('adjust-hours-form').count()).toBe(0);
  });
});
