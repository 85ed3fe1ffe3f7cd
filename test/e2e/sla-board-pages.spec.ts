import type { Page } from 'playwright-core';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { horizontalOverflow, inSpanish, logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// S17-E (L3-06…L3-09: the manager must see every clock owed): a list of the SLA board shows at
// most 200 clocks; it says how many there are in all and which ones it shows, «Mostrar más»
// brings the rest, and the client and clock pickers narrow the lists and stay in the address.
// 230 running clocks of Aurora and 3 of Tulum, and 205 breaches of Aurora, are written by SQL as
// the projection writes them (their tickets marked started: the start reconciler leaves them be).

const MANAGER = 'gerente@becken.example';

describe('SLA board: totals, «Mostrar más» and filters (S17-E; L3-06…L3-09)', () => {
  let e2e: E2eWorld;
  let tulum: string;

  /** A ticket of `org` in analysis with `n` running clocks of `kind`, deadlines a minute apart. */
  async function ticketWithClocks(org: string, seq: number, kind: string, n: number) {
    const number = `L3-2024-${seq}`;
    await e2e.world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
         calendar_id, category, subject, description, state, registered_at, last_event_seq,
         workflow_started_at)
       SELECT $1, 2024, $2, $3, $4, u.id, $5, 'INCIDENT', $6, 'x', 'IN_ANALYSIS',
              now() - interval '1 day', 0, now()
         FROM app_user u WHERE u.organization_id = $4 AND 'CLIENT_USER' = ANY(u.roles) LIMIT 1`,
      [number, seq, `sla-board-pages-${number}`, org, DEFAULT_CALENDAR_ID, `Relojes ${seq}`],
    );
    await e2e.world.db.query(
      `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
         target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of,
         calendar_version)
       SELECT $1 || ':' || $2 || ':' || g, $1, $2, g, 'RUNNING', 480, 'minutes',
              now() - interval '1 hour', now() + interval '3 days' + g * interval '1 minute',
              28800000, 3600000, now(), 1
         FROM generate_series(1, $3::int) g`,
      [number, kind, n],
    );
  }

  beforeAll(async () => {
    e2e = await startE2eWorld('sla_board_pages', {
      TEMPORAL_TASK_QUEUE: `e2e-sla-board-pages-${process.pid}-${Date.now()}`,
    });
    const orgs = await e2e.world.db.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM organization WHERE kind = 'CLIENT'`,
    );
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    tulum = id('Grupo Industrial Tulum');
    await ticketWithClocks(id('Comercializadora Aurora'), 900001, 'progress', 230);
    await ticketWithClocks(tulum, 900002, 'diagnosis', 3);
    // 205 scheduling clocks breached on an open ticket of Aurora, a minute apart.
    await ticketWithClocks(id('Comercializadora Aurora'), 900003, 'scheduling', 205);
    await e2e.world.db.query(
      `UPDATE ticket_clock SET status = 'BREACHED', deadline = now() - run * interval '1 minute',
              breached_at = now() - run * interval '1 minute', consumed_ms = budget_ms
        WHERE ticket_number = 'L3-2024-900003'`,
    );
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  const timerRows = (p: Page) => p.getByTestId('timers').locator('tbody tr');
  const openBoard = async (viewport?: { width: number; height: number }) => {
    const { page } = await newPage(e2e.browser, e2e.baseURL, viewport);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/tablero');
    return page;
  };
  // How many lines each element matching `selector` takes: its text's line boxes, two when it wraps.
  const lineCounts = (page: Page, selector: string) =>
    page.evaluate<
      number[]
    >(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    })`);

  it('says «Se muestran 200 de 233» (and of 205 breaches), shows the rest with «Mostrar más», and filters by client in the address', async () => {
    const page = await openBoard();
    await page.getByRole('heading', { name: 'Relojes en curso (233)' }).waitFor();
    expect(await page.getByTestId('timers-shown').innerText()).toBe(
      'Se muestran 200 de 233, los más próximos a vencer',
    );
    expect(await timerRows(page).count()).toBe(200);
    await page.getByRole('heading', { name: 'En riesgo (0)' }).waitFor();
    await page.getByRole('heading', { name: 'Vencidos (205)' }).waitFor();
    expect(await page.getByTestId('breached-shown').innerText()).toBe(
      'Se muestran 200 de 205, los vencidos más recientes',
    );
    expect(await page.getByTestId('breached').locator('tbody tr').count()).toBe(200);

    await page
      .getByRole('region', { name: 'Relojes en curso (233)' })
      .getByRole('button', { name: 'Mostrar más' })
      .click();
    await page.getByTestId('timers').locator('tbody tr').nth(232).waitFor();
    expect(await timerRows(page).count()).toBe(233);
    // The button went with the last page: focus is on the first clock it brought, row 201.
    await page.waitForFunction(`[...document.querySelectorAll('[data-testid=timers] tbody tr')]
      .indexOf(document.activeElement.closest('tr')) === 200`);
    expect(await page.getByTestId('timers-shown').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mostrar más' }).count()).toBe(1);
    // «Vencidos» pages on its own: the older breaches come after the newest 200.
    await page.getByRole('button', { name: 'Mostrar más' }).click();
    await page.getByTestId('breached').locator('tbody tr').nth(204).waitFor();
    expect(await page.getByTestId('breached-shown').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mostrar más' }).count()).toBe(0);

    // The client picker narrows the lists and their totals; the address keeps it.
    const client = page.getByLabel('Cliente', { exact: true });
    expect(await client.locator('option').first().innerText()).toBe('Todos los clientes');
    await client.selectOption({ label: 'Grupo Industrial Tulum' });
    await page.getByRole('heading', { name: 'Relojes en curso (3)' }).waitFor();
    expect(await timerRows(page).count()).toBe(3);
    expect(new URL(page.url()).searchParams.get('cliente')).toBe(tulum);
    await page.reload();
    await page.getByRole('heading', { name: 'Relojes en curso (3)' }).waitFor();
    expect(await page.getByLabel('Cliente', { exact: true }).inputValue()).toBe(tulum);
    expect(await timerRows(page).count()).toBe(3);
    // The compliance below the lists is of that client too, and says so (QA: it charted all).
    const clientChart = page.getByTestId('compliance-client').locator('tbody th');
    expect(await clientChart.allInnerTexts()).toEqual(['Grupo Industrial Tulum']);
    await page
      .getByText('Solo del cliente y el reloj elegidos en los filtros del tablero.', {
        exact: false,
      })
      .waitFor();

    // The clock picker, in the app's words for each clock.
    const clock = page.getByLabel('Reloj', { exact: true });
    expect(await clock.locator('option').allInnerTexts()).toEqual([
      'Todos los relojes',
      'Atención inicial',
      'Diagnóstico',
      'Programación',
      'Avance periódico',
    ]);
    await clock.selectOption({ label: 'Avance periódico' });
    await page.getByRole('heading', { name: 'Relojes en curso (0)' }).waitFor();
    // Empty for the chosen filters, not «No hay relojes en curso.» as if none ran anywhere.
    await page.getByText('No hay relojes en curso con los filtros elegidos.').waitFor();
    expect(await page.getByTestId('compliance-kind').locator('tbody th').allInnerTexts()).toEqual([
      'Avance periódico',
    ]);
    const address = new URL(page.url()).searchParams;
    expect([address.get('cliente'), address.get('reloj')]).toEqual([tulum, 'progress']);
    await client.selectOption({ label: 'Todos los clientes' });
    await page.getByRole('heading', { name: 'Relojes en curso (230)' }).waitFor();
    expect(new URL(page.url()).searchParams.get('cliente')).toBeNull();
    expect((await clientChart.allInnerTexts()).length).toBeGreaterThan(1);
  });

  // QA S22: side by side at 1280 px, «En riesgo» and «Vencidos» scrolled inside half a page each,
  // the deadline and the time left off-screen; each now has the full width.
  it('shows a breached clock whole at 1280 px, its deadline and time on screen, and an SLA pill on one line', async () => {
    const page = await openBoard();
    const breached = page.getByTestId('breached');
    await breached.locator('tbody tr').first().waitFor();
    const scroll = await breached.evaluate((table) => {
      const box = table.parentElement!;
      return box.scrollWidth - box.clientWidth;
    });
    expect(scroll).toBeLessThanOrEqual(0);
    const last = breached.locator('tbody tr').first().locator('td').last();
    const box = (await last.boundingBox())!;
    const card = (await page.getByRole('region', { name: /^Vencidos/ }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
    expect(await last.innerText()).not.toBe('');

    // The SLA pill of a running clock keeps «En tiempo» on one line, on a narrower window too
    // (the SLA column is the first to shrink).
    await page.setViewportSize({ width: 800, height: 900 });
    const pill = page.getByTestId('timers').locator('tbody tr').first().locator('.badge');
    expect(await pill.innerText()).toBe('En tiempo');
    expect((await lineCounts(page, '[data-testid="timers"] tbody tr .badge'))[0]).toBe(1);
  });

  // QA S22 F6: at 1280 px «Por mes» broke its months in two («Jun / 2026») beside a roomy bar.
  it('writes each month of «Por mes» on one line at 1280 px', async () => {
    const page = await openBoard();
    const months = page.getByTestId('compliance-month').locator('tbody th');
    await months.first().waitFor();
    expect(await months.count()).toBe(6);
    expect(await lineCounts(page, '[data-testid="compliance-month"] tbody th')).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
  });

  it('fits a 390 px phone without sideways scroll, the count and «Mostrar más» included', async () => {
    const page = await openBoard({ width: 390, height: 844 });
    await page.getByTestId('timers-shown').waitFor();
    await page.getByTestId('breached-shown').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '32-mobile-board-pages');
  });

  it('speaks English: «Showing 200 of 233», «Show more», «All clients»', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`/tablero?reloj=progress`);
    await page.getByRole('heading', { name: 'Running clocks (230)' }).waitFor();
    expect(await page.getByTestId('timers-shown').innerText()).toBe(
      'Showing 200 of 230, soonest deadline first',
    );
    expect(await page.getByLabel('Clock', { exact: true }).inputValue()).toBe('progress');
    expect(
      await page.getByLabel('Client', { exact: true }).locator('option').first().innerText(),
    ).toBe('All clients');
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.getByTestId('timers').locator('tbody tr').nth(229).waitFor();
    expect(await page.getByTestId('timers-shown').count()).toBe(0);
    await inSpanish(page);
  });
});
