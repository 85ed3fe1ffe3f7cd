import type { Locator } from 'playwright-core';
import { ticketJourneys } from '../support/ticket-journeys';
import { horizontalOverflow, inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S20: on a 390 px phone each ticket of the Console's work list (L3-10, L3-19) is a card of
// labelled lines. A cell's second line («por llegada» under the client, «Entrega publicada» under
// the deadline) sat under the label, in the label's column, as if it were a label of its own.

const AGENT = 'agente@becken.example';

describe("The Console's work list on a phone (L3-10, L3-19; QA S20)", () => {
  const e2e = useE2eWorldWithWorker('console_phone');
  let number: string;

  beforeAll(async () => {
    // A requirement in development with its date published: the card's due cell has two lines.
    number = await ticketJourneys(e2e.world).requirementInDevelopment({
      subject: 'Reporte de ventas por sucursal',
      hours: 6,
    });
  }, 120_000);

  it('puts every line of a cell in the value column, beside its label, in Spanish and English', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 });
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Lista de trabajo' }).waitFor();
    const card = page.getByTestId('queue').locator(`tr[data-number="${number}"]`);
    const left = async (line: Locator): Promise<number> => {
      const box = await line.boundingBox();
      expect(box).not.toBeNull();
      return Math.round(box!.x);
    };
    /** Where a labelled cell's value column starts: after the label's column and the gap. */
    const valueColumn = (label: string): Promise<number> =>
      page.evaluate<number>(`(() => {
        const td = document.querySelector('tr[data-number="${number}"] td[data-label="${label}"]');
        const style = getComputedStyle(td);
        const column = parseFloat(style.gridTemplateColumns.split(' ')[0]);
        return Math.round(td.getBoundingClientRect().x + column + parseFloat(style.columnGap));
      })()`);
    const check = async (client: string, due: string, rank: string) => {
      const clientCell = card.locator(`td[data-label="${client}"]`);
      const dueCell = card.locator(`td[data-label="${due}"]`);
      expect(await valueColumn(client)).toBeGreaterThan((await left(card)) + 50);
      expect(await left(clientCell.getByText(rank, { exact: true }))).toBe(
        await valueColumn(client),
      );
      expect(await left(dueCell.getByTestId('published-delivery'))).toBe(await valueColumn(due));
      expect(await horizontalOverflow(page)).toEqual([]);
    };
    await check('Cliente', 'Plazo o entrega', 'por llegada');
    await screenshot(page, 'console-phone-card');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Work list' }).waitFor();
    await check('Client', 'Deadline or delivery', 'by arrival');
    await page.getByRole('button', { name: 'Español' }).click();
  });
});
