import type { Page } from 'playwright-core';
import { inSpanish, logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// QA S18 (L3-19 queue, L3-15 checkpoints, L3-03/L3-13 contracts and hours): the staff screens of one
// client at a time keep the chosen client in the address (?cliente=), as the ticket list and the
// SLA board do: a reload, or Back from another screen, shows the same client, not the first one.

const MANAGER = 'gerente@becken.example';
const TULUM = 'Grupo Industrial Tulum';

describe('The chosen client survives a reload and Back (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('client_in_address');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  /** The words of the option «Cliente» shows. */
  const shownClient = (p: Page) =>
    p.getByLabel('Cliente', { exact: true }).evaluate((s) => {
      const select = s as unknown as { options: { text: string }[]; selectedIndex: number };
      return select.options[select.selectedIndex]?.text ?? '';
    });

  it.each([['/cola'], ['/checkpoints'], ['/contratos']])(
    '%s keeps Tulum after a reload and after Back',
    async (path) => {
      ({ page } = await newPage(e2e.browser, e2e.baseURL));
      await logIn(page, MANAGER, e2e.password(MANAGER));
      await inSpanish(page);
      await page.goto(path);
      const client = page.getByLabel('Cliente', { exact: true });
      await client.getByRole('option', { name: TULUM }).waitFor({ state: 'attached' });
      await client.selectOption({ label: TULUM });
      await page.waitForFunction(`new URL(location.href).searchParams.has('cliente')`);
      const address = page.url();

      await page.reload();
      await page.getByLabel('Cliente', { exact: true }).waitFor();
      await page.waitForFunction(
        `(() => { const s = document.querySelector('select[id$="-client"]');
          return s && s.options[s.selectedIndex]?.text === ${JSON.stringify(TULUM)}; })()`,
      );
      expect(page.url()).toBe(address);

      await page.goto('/plazos');
      await page.goBack();
      await page.getByLabel('Cliente', { exact: true }).waitFor();
      await page.waitForFunction(
        `(() => { const s = document.querySelector('select[id$="-client"]');
          return s && s.options.length > 1; })()`,
      );
      expect(await shownClient(page)).toBe(TULUM);

      // A link naming no client of the list shows the first one, and says nothing broke.
      await page.goto(`${path}?cliente=5b1d0c1e-0000-4000-8000-000000000001`);
      await page.waitForFunction(
        `(() => { const s = document.querySelector('select[id$="-client"]');
          return s && s.options.length > 1; })()`,
      );
      expect(await shownClient(page)).toBe('Comercializadora Aurora');
      await page.context().close();
    },
  );
});
