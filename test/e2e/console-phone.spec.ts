import type { Locator, Page } from 'playwright-core';
import { ticketJourneys } from '../support/ticket-journeys';
import { horizontalOverflow, inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { registerTicket } from '../support/world-with-worker';

/** What the page-side check reads of an element (this tier compiles without the DOM's types). */
interface Styled {
  readonly ownerDocument: {
    readonly defaultView: { getComputedStyle(element: Styled): { readonly whiteSpace: string } };
  };
}

// QA S20: on a 390 px phone each ticket of the Console's work list (L3-10, L3-19) is a card of
// labelled lines. A cell's second line («por llegada» under the client, «Entrega publicada» under
// the deadline) sat under the label, in the label's column, as if it were a label of its own.
// The client's «Mis tickets» had the same fault in «Próximo plazo», and its SLA pill stretched
// across the card.

const AGENT = 'agente@becken.example';
const CLIENT = 'usuario@aurora.example';

/**
 * Where a row's labelled cell starts its value column: after the label's column and the gap. Waits
 * for the cell first: after a language switch the rows can still be loading when the heading has
 * its new words (a clean run once found no cell there).
 */
async function valueColumn(page: Page, row: string, label: string): Promise<number> {
  await page.locator(`${row} td[data-label="${label}"]`).waitFor();
  return page.evaluate<number>(`(() => {
    const td = document.querySelector('${row} td[data-label="${label}"]');
    const style = getComputedStyle(td);
    const column = parseFloat(style.gridTemplateColumns.split(' ')[0]);
    return Math.round(td.getBoundingClientRect().x + column + parseFloat(style.columnGap));
  })()`);
}

/** Where a labelled cell's contents (a bare name, say) start: after its label, whatever they are. */
async function contentsX(page: Page, row: string, label: string): Promise<number> {
  return page.evaluate<number>(`(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('${row} td[data-label="${label}"]'));
    return Math.round(range.getBoundingClientRect().x);
  })()`);
}

async function box(line: Locator): Promise<{ x: number; width: number }> {
  const at = await line.boundingBox();
  expect(at).not.toBeNull();
  return { x: Math.round(at!.x), width: Math.round(at!.width) };
}

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
    const row = `tr[data-number="${number}"]`;
    const check = async (client: string, due: string, rank: string, assignee: string) => {
      const clientCell = card.locator(`td[data-label="${client}"]`);
      const dueCell = card.locator(`td[data-label="${due}"]`);
      expect(await valueColumn(page, row, client)).toBeGreaterThan((await box(card)).x + 50);
      expect((await box(clientCell.getByText(rank, { exact: true }))).x).toBe(
        await valueColumn(page, row, client),
      );
      expect((await box(dueCell.getByTestId('published-delivery'))).x).toBe(
        await valueColumn(page, row, due),
      );
      // L3-07: who has it, beside its label too.
      expect(await contentsX(page, row, assignee)).toBe(await valueColumn(page, row, assignee));
      expect(await horizontalOverflow(page)).toEqual([]);
    };
    await check('Cliente', 'Plazo o entrega', 'por llegada', 'Agente asignado');
    await screenshot(page, 'console-phone-card');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Work list' }).waitFor();
    await check('Client', 'Deadline or delivery', 'by arrival', 'Assigned agent');
    await page.getByRole('button', { name: 'Español' }).click();
  });

  it("keeps «Mis tickets»' delivery line beside «Próximo plazo» and the SLA pill its own size, in Spanish and English", async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 });
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    const row = `[data-testid="my-tickets"] tbody tr:has(a[href$="${number}"])`;
    const card = page.locator(row);
    const check = async (due: string, sla: string) => {
      const dueCell = card.locator(`td[data-label="${due}"]`);
      const dueColumn = await valueColumn(page, row, due);
      expect(dueColumn).toBeGreaterThan((await box(card)).x + 50);
      expect((await box(dueCell.locator('time').first())).x).toBe(dueColumn);
      expect((await box(dueCell.getByTestId('published-delivery'))).x).toBe(dueColumn);
      const slaCell = await box(card.locator(`td[data-label="${sla}"]`));
      const pill = await box(card.locator(`td[data-label="${sla}"] .badge`));
      expect(pill.x).toBe(await valueColumn(page, row, sla));
      // A pill as wide as its words, not as the card's value column.
      expect(pill.x + pill.width).toBeLessThan(slaCell.x + slaCell.width - 50);
      expect(await horizontalOverflow(page)).toEqual([]);
    };
    await check('Próximo plazo', 'SLA');
    await screenshot(page, 'my-tickets-phone-card');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await check('Next deadline', 'SLA');
    await page.getByRole('button', { name: 'Español' }).click();
  });

  it('names a classified ticket in «Mis tickets» by its classification, and keeps the registered category on its page (QA S20)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    // Registered as «Desarrollo», classified by the agent as a development requirement: the list
    // said only «Desarrollo».
    const kind = page
      .locator(`[data-testid="my-tickets"] tbody tr:has(a[href$="${number}"])`)
      .getByTestId('ticket-kind');
    expect(await kind.innerText()).toBe('Requerimiento · Desarrollo');
    // QA S52: in a narrow column the «·» wrapped alone; it stays on its first word's line.
    const bound = kind.locator('.nowrap');
    expect(await bound.innerText()).toBe('Requerimiento ·');
    expect(
      await bound.evaluate(
        (el: Styled) => el.ownerDocument.defaultView.getComputedStyle(el).whiteSpace,
      ),
    ).toBe('nowrap');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(await kind.innerText()).toBe('Requirement · Development');
    await page.getByRole('button', { name: 'Español' }).click();

    await page.goto(`/tickets/${number}`);
    const details = page.getByTestId('ticket-header');
    await details.getByText('Desarrollo', { exact: true }).waitFor();
    await details.getByText('Requerimiento · Desarrollo', { exact: true }).waitFor();
  });

  it('gives an agent on a phone a button past a long description to the actions (QA S54)', async () => {
    // 1,200 words: the actions card sat about 11,000 px down.
    const description = Array.from(
      { length: 150 },
      (_, i) => `Paso ${i + 1}: el reporte no suma las notas de crédito.`,
    ).join(' ');
    const long = await registerTicket(e2e.world, {
      subject: 'Reporte con notas de crédito',
      description,
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 });
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    await page.goto(`/tickets/${long}`);
    const button = page.getByTestId('to-actions');
    await button.waitFor();
    expect(await button.innerText()).toBe('Ir a las acciones');
    // Above the description, in the first screen.
    expect((await button.boundingBox())!.y).toBeLessThan(844);
    await button.click();
    const first = page.getByTestId('actions').locator('.action-buttons button').first();
    await page.waitForFunction(
      `document.activeElement === document.querySelector('[data-testid="actions"] .action-buttons button')`,
    );
    const at = (await first.boundingBox())!;
    expect(at.y).toBeGreaterThanOrEqual(0);
    expect(at.y + at.height).toBeLessThanOrEqual(844);
    // A short description has no such button (the actions are near).
    await page.goto(`/tickets/${number}`);
    await page.getByTestId('actions').waitFor();
    expect(await page.getByTestId('to-actions').count()).toBe(0);
    await page.context().close();
  });
});
