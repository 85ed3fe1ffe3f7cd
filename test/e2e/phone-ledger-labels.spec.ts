import type { Page } from 'playwright-core';
import { logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-13, QA S14-F: on a 390 px phone each movement of «Mis horas» is a card of labelled lines,
// label on the left, value on the right. The number columns do not wrap (td.num), and their
// labels («CAMBIO EN DISPONIBLES», «DISPONIBLES DESPUÉS») ran over the «+40 h» beside them.

const CLIENT = 'usuario@aurora.example';

/**
 * Per labelled cell of the table's first row: does its label fit the label column? The label is
 * a ::before; a span with the pseudo element's font, spacing, case and wrapping, as wide as the
 * grid's first column, overflows exactly when the label would run into the value.
 */
async function labelOverflows(page: Page, testId: string): Promise<Record<string, boolean>> {
  return page.evaluate<Record<string, boolean>>(`(() => {
    const out = {};
    const cells = document.querySelectorAll('[data-testid="${testId}"] tbody tr:first-child td[data-label]');
    for (const td of cells) {
      const before = getComputedStyle(td, '::before');
      const column = parseFloat(getComputedStyle(td).gridTemplateColumns.split(' ')[0]);
      const probe = document.createElement('span');
      probe.textContent = td.getAttribute('data-label');
      for (const p of ['font', 'letterSpacing', 'textTransform', 'whiteSpace', 'overflowWrap', 'wordBreak'])
        probe.style[p] = before[p];
      probe.style.display = 'block';
      probe.style.position = 'absolute';
      probe.style.width = column + 'px';
      document.body.appendChild(probe);
      out[td.getAttribute('data-label')] = probe.scrollWidth > Math.ceil(column);
      probe.remove();
    }
    return out;
  })()`);
}

describe('Hours ledger on a phone (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('phone_ledger');
  });
  afterAll(async () => {
    await page?.context().close();
    await e2e?.close();
  });

  it('every label of a movement fits beside its value at 390 px, in Spanish and English (L3-13)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-horas');
    const ledger = page.getByTestId('ledger');
    await ledger.locator('tbody tr').first().waitFor();
    const spanish = await labelOverflows(page, 'ledger');
    expect(Object.keys(spanish)).toEqual([
      'Fecha',
      'Concepto',
      'Cambio en disponibles',
      'Disponibles después',
    ]);
    expect(spanish).toEqual({
      Fecha: false,
      Concepto: false,
      'Cambio en disponibles': false,
      'Disponibles después': false,
    });
    await screenshot(page, 'phone-ledger-labels');

    await page.getByRole('button', { name: 'English' }).click();
    await ledger.locator('td[data-label="Change in available"]').first().waitFor();
    expect(Object.values(await labelOverflows(page, 'ledger'))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  // QA S16: the monthly statement's movements scrolled sideways inside their box at 390 px; now
  // each movement is a card of labelled lines, like the ledger above (L3-13).
  it('the monthly statement lists its movements as cards at 390 px: nothing scrolls sideways (L3-13)', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByLabel('Mes').selectOption('2026-01');
    // «Mes» names the months in the page's language, not the browser's (QA S43).
    expect(await page.getByLabel('Mes').locator('option:checked').textContent()).toBe(
      'enero de 2026',
    );
    const movements = page.getByTestId('statement-movements');
    const purchase = movements.getByRole('row', { name: /Compra de paquete/ });
    await purchase.waitFor();

    const overflow = await page.evaluate<{ page: number; box: number; table: number }>(`(() => {
      const table = document.querySelector('[data-testid="statement-movements"]');
      const box = table.parentElement;
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        box: box.scrollWidth - box.clientWidth,
        table: table.getBoundingClientRect().right - box.getBoundingClientRect().right,
      };
    })()`);
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.box).toBeLessThanOrEqual(0);
    expect(overflow.table).toBeLessThanOrEqual(0);

    // The movement's kind and its hours are on screen, the hours under their label.
    const kind = purchase.getByRole('rowheader');
    const hours = purchase.locator('td[data-label="Horas"]');
    expect(await kind.innerText()).toMatch(/^Compra de paquete/);
    expect(await hours.innerText()).toMatch(/^\+\d+(\.\d+)? h$/);
    for (const cell of [kind, hours]) {
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeGreaterThan(0);
    }
    expect(
      await page.evaluate(
        `getComputedStyle(document.querySelector('[data-testid="statement-movements"] td[data-label="Horas"]'), '::before').content`,
      ),
    ).toBe('"Horas"');
    await screenshot(page, 'phone-statement-movements');
  });
});
