import type { Locator, Page } from 'playwright-core';
import {
  boxesInOneFrame,
  horizontalOverflow,
  inSpanish,
  logIn,
  newPage,
  screenshot,
} from './support/browser';
import {
  type BackgroundWorker,
  registerTicket,
  startBackgroundWorker,
} from '../support/world-with-worker';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// Navigation follows the roles (the API enforces them too); every screen fits a 360 px phone.

const CLIENT = 'usuario@aurora.example';
const MANAGER = 'gerente@becken.example';
const ADMIN = 'admin@becken.example';

/** How many rows the main menu's entries take (1 = it fits on one line). */
async function navLines(page: Page): Promise<number> {
  const tops = await page.evaluate<number[]>(
    `[...document.querySelectorAll('.app-nav li')].map((li) => Math.round(li.getBoundingClientRect().top))`,
  );
  return new Set(tops).size;
}

/** Where the text of the first element matching each selector starts, in whole pixels. */
async function textLefts(page: Page, selectors: string[]): Promise<number[]> {
  return page.evaluate<number[]>(
    `${JSON.stringify(selectors)}.map((selector) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector(selector));
      return Math.round(range.getBoundingClientRect().left);
    })`,
  );
}

/** The menu entries that stick out of the menu's box (reachable only by scrolling it). */
async function navHidden(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(
    `(() => { const ul = document.querySelector('.app-nav ul'); const box = ul.getBoundingClientRect();
      return [...ul.querySelectorAll('a')].filter((a) => a.getBoundingClientRect().right > box.right + 0.5)
        .map((a) => a.textContent); })()`,
  );
}

/**
 * Why `target` is not shown whole, or [] when it is: its own content wider than its box, its box
 * past the window's right edge, or an ancestor whose content is wider than it (scrolls sideways
 * or sticks out).
 */
async function cutOff(target: Locator): Promise<string[]> {
  return target.evaluate<string[], undefined>((element: unknown) => {
    // The test tier has no DOM types: the few members read here.
    interface Box {
      tagName: string;
      className: unknown;
      clientWidth: number;
      scrollWidth: number;
      parentElement: Box | null;
      getBoundingClientRect(): { right: number };
    }
    const el = element as Box;
    const { innerWidth } = globalThis as unknown as { innerWidth: number };
    const name = (e: Box) =>
      e.tagName.toLowerCase() +
      (typeof e.className === 'string' && e.className
        ? `.${e.className.trim().split(/\s+/).join('.')}`
        : '');
    const problems: string[] = [];
    const { right } = el.getBoundingClientRect();
    if (right > innerWidth + 0.5) problems.push(`${name(el)} right=${right}`);
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      problems.push(`${name(el)} scrollWidth=${el.scrollWidth} clientWidth=${el.clientWidth}`);
    for (let p = el.parentElement; p && p.tagName !== 'HTML'; p = p.parentElement) {
      if (p.clientWidth > 0 && p.scrollWidth > p.clientWidth + 1)
        problems.push(
          `ancestor ${name(p)} scrollWidth=${p.scrollWidth} clientWidth=${p.clientWidth}`,
        );
    }
    return problems;
  });
}

describe('Role-aware navigation and small screens (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;

  let worker: BackgroundWorker | undefined;
  /** A ticket the phone tests open (registered with the worker running: its clock runs). */
  let phoneTicket: string | undefined;

  beforeAll(async () => {
    // Its own task queue: the phone test registers tickets with a worker of its own.
    e2e = await startE2eWorld('roles', {
      TEMPORAL_TASK_QUEUE: `e2e-roles-${process.pid}-${Date.now()}`,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await e2e?.close();
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('gives a client user no Calendarios/Usuarios and a forbidden message when going there', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    const nav = page.getByRole('navigation', { name: 'Principal' });
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links).not.toContain('Calendarios');
    expect(links).not.toContain('Usuarios');
    expect(links).not.toContain('Consola');

    for (const path of ['/calendarios', '/usuarios', '/consola']) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Sin permiso' }).waitFor();
      expect(await page.getByRole('alert').innerText()).toBe(
        'Su cuenta no tiene permiso para ver esta página.',
      );
    }
    await screenshot(page, '06-forbidden');
  });

  it('shows each staff role its own menu', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    const nav = page.getByRole('navigation', { name: 'Principal' });
    // The list holds every client's tickets: «Tickets», not «Mis tickets» (S18-D).
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Tickets',
      'Cola',
      'Consola',
      'Tablero SLA',
      'Contratos y horas',
      'Correo saliente',
      'Puntos de control',
      'Calculadora de plazos',
      'Calendarios',
      'Usuarios',
      'Respuestas',
    ]);
    // At 1280 px the whole menu is one line (it used to wrap "Calendarios" to a second one),
    // every entry in view without scrolling the menu.
    expect(await navLines(page)).toBe(1);
    expect(await navHidden(page)).toEqual([]);
    // L3-04 (QA S52): a manager reads the accounts (who approves for a client, whose invitation is
    // pending), without the administrator's actions; the API lets them list users only. Their one
    // action is an agent's «Reasignar sus tickets» (L3-07, reassignOpenTickets).
    await nav.getByRole('link', { name: 'Usuarios', exact: true }).click();
    await page.getByRole('heading', { name: 'Usuarios', level: 1 }).waitFor();
    await page
      .getByText('Solo los administradores crean o cambian cuentas.', { exact: false })
      .waitFor();
    const users = page.getByTestId('users');
    await users.getByText(MANAGER).waitFor();
    await users.getByText('aprobador@aurora.example').waitFor();
    const buttons = await users.getByRole('button').allInnerTexts();
    expect(buttons.length).toBeGreaterThan(0);
    expect(new Set(buttons)).toEqual(new Set(['Reasignar sus tickets']));
    expect(await page.getByRole('heading', { name: 'Crear usuario' }).count()).toBe(0);
  });

  it("fits the admin's longer menu on one line at 1280 px too", async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link').allInnerTexts()).toContain('Usuarios');
    expect(await navLines(page)).toBe(1);
    // Every entry is on screen, «Respuestas» last included (nothing to scroll to).
    expect(await navHidden(page)).toEqual([]);
    // Its first word starts where the brand's does, as the page's cards (QA: 40 px to their left).
    const [brand, menu] = await textLefts(page, ['.brand', '.app-nav li a']);
    expect(menu).toBe(brand);
    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.app-nav').getByRole('link', { name: 'Users', exact: true }).waitFor();
    expect(await navLines(page)).toBe(1);
    expect(await navHidden(page)).toEqual([]);
    // The language is the admin's saved preference: back to Spanish for the tests after this one.
    await inSpanish(page);
    await page.locator('.app-nav').getByRole('link', { name: 'Usuarios', exact: true }).waitFor();
  });

  it('folds the menu on a 390 px phone behind one button that names the page (QA S53)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/cola');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Principal' });
    const toggle = nav.getByRole('button', { name: 'Menú: Cola' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // Folded, no entry takes room: the header is the brand with the user, the tools on one row
    // and the button, under a fifth of the screen (it took about 330 of 844 px: the eleven
    // entries wrapped, the tools on two rows, the user on a row of its own).
    expect(await nav.getByRole('link').count()).toBe(0);
    await screenshot(page, '09d-mobile-menu-folded');
    const folded = (await page.locator('.app-header').boundingBox())!;
    expect(folded.height).toBeLessThan(844 / 5);
    const tools = page.locator('.header-tools');
    const toolRows = new Set<number>();
    for (const tool of await tools.locator(':scope > *').all()) {
      const box = (await tool.boundingBox())!;
      toolRows.add(Math.round(box.y + box.height / 2));
    }
    expect(toolRows.size).toBe(1);
    const [brandBox, whoBox] = await boxesInOneFrame([
      page.locator('.brand'),
      page.getByTestId('who'),
    ]);
    expect(whoBox.y).toBeLessThan(brandBox.y + brandBox.height);
    // Opened: every entry of the manager's menu, one under the other, on screen.
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const links = nav.getByRole('link');
    expect(await links.allInnerTexts()).toHaveLength(11);
    const lefts = new Set<number>();
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      lefts.add(Math.round(box.x));
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(lefts.size).toBe(1);
    expect(await horizontalOverflow(page)).toEqual([]);
    // Esc folds it back and returns to the button.
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      await page.evaluate<string | null>(`document.activeElement.getAttribute('aria-controls')`),
    ).toBe('app-nav-list');
    // QA S54: a tap outside, the page you are on, and tabbing past the last entry fold it too.
    await toggle.click();
    await page.getByRole('heading', { level: 1 }).click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await nav.getByRole('link', { name: 'Cola', exact: true }).click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await nav.getByRole('link', { name: 'Respuestas', exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // Choosing an entry goes there and folds the menu under the new page's name.
    await toggle.click();
    await nav.getByRole('link', { name: 'Calendarios', exact: true }).click();
    await page.getByRole('heading', { name: 'Calendarios', level: 1 }).waitFor();
    const moved = nav.getByRole('button', { name: 'Menú: Calendarios' });
    expect(await moved.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link').count()).toBe(0);
    // On a desktop there is no button: the entries are the menu, on one line.
    await page.setViewportSize({ width: 1280, height: 900 });
    await moved.waitFor({ state: 'hidden' });
    expect(await navLines(page)).toBe(1);
    expect(await navHidden(page)).toEqual([]);
    // QA S54: a phone on its side (844 px) folds it again, as the eleven entries do not fit: they
    // ran off the edge behind a sideways scroll.
    await page.setViewportSize({ width: 844, height: 390 });
    await moved.waitFor();
    expect(await nav.getByRole('link').count()).toBe(0);
  });

  it('keeps a short menu unfolded where it fits: a client on a phone on its side (QA S54)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 844, height: 390 }));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    const nav = page.getByRole('navigation', { name: 'Principal' });
    await nav.getByRole('link', { name: 'Mis tickets' }).waitFor();
    expect(await nav.getByRole('button').count()).toBe(0);
    expect(await navLines(page)).toBe(1);
    expect(await navHidden(page)).toEqual([]);
    // Upright, the same menu folds.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/mis-tickets');
    await nav.getByRole('button', { name: 'Menú: Mis tickets' }).waitFor();
  });

  it('shows a phone every column of the tickets table: each ticket a stacked block, nothing to scroll', async () => {
    worker = await startBackgroundWorker(e2e.world.config);
    for (const subject of ['Duda sobre cierre contable', 'Reporte de ventas por zona y vendedor'])
      phoneTicket = await registerTicket(e2e.world, { subject });
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 360, height: 740 }));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-tickets');
    const table = page.getByTestId('my-tickets');
    await table.getByRole('link', { name: phoneTicket }).waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    // Neither the page nor the table's own box scrolls sideways (QA: the state, the SLA and the
    // deadline were off-screen behind a scroll).
    const box = await table.evaluate((el) => ({
      scrollWidth: el.parentElement!.scrollWidth,
      clientWidth: el.parentElement!.clientWidth,
    }));
    expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    // Every cell of a ticket, the last column's included, is on screen with its column's name.
    const row = table.locator('tbody tr').first();
    const cells = row.locator('td[data-label]');
    expect(await cells.count()).toBeGreaterThanOrEqual(5);
    for (const cell of await cells.all()) {
      const at = await cell.boundingBox();
      expect(at).not.toBeNull();
      expect(at!.x).toBeGreaterThanOrEqual(0);
      expect(at!.x + at!.width).toBeLessThanOrEqual(360);
    }
    expect(await row.locator('td[data-label]').last().getAttribute('data-label')).toBe(
      'Agente asignado',
    );
    await screenshot(page, '09b-mobile-tickets-stacked');

    // The hours ledger is stacked the same way (QA, S13: it used to scroll sideways in its box):
    // each movement a block of labelled lines, nothing to scroll; the box keeps its scroll-shadow
    // cue for the tables that still scroll.
    await page.goto('/mis-horas');
    const ledger = page.getByTestId('ledger');
    await ledger.locator('tbody tr').first().waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    const scroller = await page.evaluate<{
      scrollWidth: number;
      clientWidth: number;
      overflowX: string;
      background: string;
      display: string;
    }>(
      `(() => { const t = document.querySelector('[data-testid="ledger"]'); const el = t.parentElement;
        const style = getComputedStyle(el);
        return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflowX: style.overflowX,
          background: style.backgroundImage, display: getComputedStyle(t.querySelector('tbody tr')).display }; })()`,
    );
    expect(scroller.overflowX).toBe('auto');
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
    expect(scroller.background).toContain('radial-gradient');
    expect(scroller.display).toBe('block');
    for (const cell of await ledger.locator('tbody tr').first().locator('td[data-label]').all()) {
      const at = await cell.boundingBox();
      expect(at!.x + at!.width).toBeLessThanOrEqual(360);
    }

    // The console's work list too (QA S16): on a phone its SLA and deadline were off-screen,
    // behind a sideways scroll of the table's box.
    const { page: staffPage } = await newPage(e2e.browser, e2e.baseURL, {
      width: 360,
      height: 740,
    });
    await logIn(staffPage, MANAGER, e2e.password(MANAGER));
    await inSpanish(staffPage);
    await staffPage.goto('/consola');
    const queue = staffPage.getByTestId('queue');
    await queue.getByRole('link', { name: phoneTicket }).waitFor();
    expect(await horizontalOverflow(staffPage)).toEqual([]);
    const queueBox = await queue.evaluate((el) => ({
      scrollWidth: el.parentElement!.scrollWidth,
      clientWidth: el.parentElement!.clientWidth,
    }));
    expect(queueBox.scrollWidth).toBeLessThanOrEqual(queueBox.clientWidth);
    const queued = queue.locator('tbody tr').first().locator('td[data-label]');
    expect(await queued.count()).toBe(6);
    for (const cell of await queued.all()) {
      const at = await cell.boundingBox();
      expect(at!.x + at!.width).toBeLessThanOrEqual(360);
    }
    // The deadline, then who has it (L3-07).
    expect(await queued.nth(4).getAttribute('data-label')).toBe('Plazo o entrega');
    expect(await queued.last().getAttribute('data-label')).toBe('Agente asignado');
    await staffPage.context().close();
  });

  it('shows the SLA clocks whole on a 390 px phone: the deadline and «¿Por qué esta fecha?» uncut', async () => {
    if (!phoneTicket) throw new Error('the previous test registers the ticket');
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${phoneTicket}`);
    const clocks = page.getByTestId('clocks');
    const deadline = clocks.locator('td.clock-deadline').first();
    await deadline.locator('time').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    // The deadline's cell shows all of its text (it used to read «30 nov 2026, 5:0…» and
    // scroll), its column's name with it.
    expect(await cutOff(deadline)).toEqual([]);
    expect(await cutOff(deadline.locator('time'))).toEqual([]);
    const label = await deadline.evaluate<string, undefined>(
      (el: unknown) =>
        (
          globalThis as unknown as {
            getComputedStyle(e: unknown, pseudo: string): { content: string };
          }
        ).getComputedStyle(el, '::before').content,
    );
    expect(label).toContain('Vence');
    // The explanation, opened: a block under its clock, every line wrapped, none cut.
    const why = page.getByTestId('why-triage');
    await why.getByText('¿Por qué esta fecha?').click();
    const lines = why.locator('ol.explanation li');
    await lines.first().waitFor();
    expect(await lines.count()).toBeGreaterThan(2);
    for (const line of await lines.all()) expect(await cutOff(line)).toEqual([]);
    expect(await cutOff(why)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '09c-mobile-ticket-clocks');
  });

  it('renders login, shell, calculator, calendar and users at 360 px without horizontal scroll', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 360, height: 740 }));
    await page.goto('/entrar');
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);

    await page.goto('/plazos');
    await page.getByLabel('Desde (hora local)').fill('2026-01-30T17:30');
    await page.getByRole('button', { name: 'Calcular plazo' }).click();
    await page.getByTestId('deadline-local').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '07-mobile-deadline');

    await logIn(page, ADMIN, e2e.password(ADMIN));
    await inSpanish(page);
    expect(await horizontalOverflow(page)).toEqual([]);
    // The menu is folded on a phone (QA S53): open it, as a user does, and it fits too.
    const menu = page.getByRole('navigation', { name: 'Principal' }).getByRole('button');
    await menu.click();
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByRole('link', { name: 'Calendarios' }).click();
    await page.getByRole('link', { name: /^México \(CDMX\)/ }).click();
    await page.getByTestId('calendar-version').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '08-mobile-calendar');

    await menu.click();
    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByTestId('users').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '09-mobile-users');
  });
});
