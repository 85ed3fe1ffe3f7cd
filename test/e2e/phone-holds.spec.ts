import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S22 (L3-12, L3-13): on a 390 px phone the hours card's «Reservas de estimaciones
// autorizadas» was the one table left as a table: its «Consumidas» column was cut at the card's
// right edge and scrolled sideways. Now each hold is a card of labelled lines, like the ledger.

const CLIENT = 'usuario@aurora.example';

describe('Holds of authorized estimates on a phone (web app)', () => {
  const e2e = useE2eWorldWithWorker('phone_holds');

  beforeAll(async () => {
    // A development requirement estimated at 6 h and authorized: 6 h held (L3-12).
    await ticketJourneys(e2e.world).scheduledRequirement({
      subject: 'Reporte de ventas por vendedor',
      description: 'Un reporte de ventas del mes por vendedor.',
      hours: 6,
      scope: 'Reporte nuevo en Ventas',
    });
  }, 180_000);

  it('each hold is a card of labelled lines at 390 px: nothing is cut or scrolls sideways (L3-12)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 });
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-horas');
    const holds = page.getByTestId('reservations');
    await holds.locator('tbody tr').first().waitFor();

    const overflow = await page.evaluate<{ box: number; table: number }>(`(() => {
      const table = document.querySelector('[data-testid="reservations"]');
      const box = table.parentElement;
      return {
        box: box.scrollWidth - box.clientWidth,
        table: table.getBoundingClientRect().right - box.getBoundingClientRect().right,
      };
    })()`);
    expect(overflow.box).toBeLessThanOrEqual(0);
    expect(overflow.table).toBeLessThanOrEqual(0);

    // Both figures are on screen, each under its label.
    const held = holds.locator('tbody tr td[data-label="Reserva por consumir"]');
    const consumed = holds.locator('tbody tr td[data-label="Consumidas"]');
    expect(await held.first().innerText()).toBe('6 h');
    expect(await consumed.first().innerText()).toBe('0 h');
    for (const cell of [held.first(), consumed.first()]) {
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(
      await page.evaluate(
        `getComputedStyle(document.querySelector('[data-testid="reservations"] td[data-label="Consumidas"]'), '::before').content`,
      ),
    ).toBe('"Consumidas"');
    await screenshot(page, 'phone-holds');
  });
});
