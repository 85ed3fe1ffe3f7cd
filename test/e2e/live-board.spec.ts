import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import {
  BROWSER_TIME_ZONE,
  horizontalOverflow,
  logIn,
  newPage,
  screenshot,
} from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// Issue 9: the manager's SLA board and the ticket page follow changes made elsewhere (here: the
// API, as another person's browser would) over the `ticketChanged` subscription, without a
// reload; the compliance charts count the triage clock met at classification (L3-06).

const MANAGER = 'gerente@becken.example';
const CLIENT = 'usuario@aurora.example';

const REGISTER = `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`;
const CLASSIFY = `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`;
const REQUEST_INFO = `mutation ($input: TicketActionInput!) { requestInformation(input: $input) { seq } }`;

describe('Live SLA board and ticket page (web app, real workflow)', () => {
  const e2e = useE2eWorldWithWorker('live');
  let page: Page;

  /** Runs a mutation as the demo user holding `role`; fails the test on any GraphQL error. */
  async function as<T>(role: Role, query: string, input: Record<string, unknown>): Promise<T> {
    const { body } = await gql<T>(e2e.world.api, query, { input }, e2e.world.bearer(role));
    expect(body.errors).toBeUndefined();
    return body.data as T;
  }

  const register = async (subject: string) =>
    (
      await as<{ registerTicket: { number: string } }>(Role.CLIENT_USER, REGISTER, {
        category: 'DEVELOPMENT',
        subject,
        description: 'Registrado por la API mientras el tablero está abierto.',
      })
    ).registerTicket.number;

  /** Marks the document; the mark survives only if the page never reloads or navigates. */
  const markDocument = (p: Page) => p.evaluate('window.__sameDocument = true');
  const sameDocument = (p: Page) => p.evaluate('window.__sameDocument === true');
  const waitLive = (p: Page) =>
    p.locator('[data-testid=live-status][data-status=live]').first().waitFor();

  it('shows a ticket registered elsewhere, then its triage clock met in the compliance charts, without reload', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/tablero');
    await page.getByRole('heading', { name: 'Tablero SLA' }).waitFor();
    await page.getByText('No hay relojes en curso.').waitFor();
    await waitLive(page);
    expect(await page.getByTestId('live-status').innerText()).toBe('En vivo');
    await markDocument(page);

    const number = await register('Tablero en vivo');
    const row = page.getByTestId('timers').getByRole('row', { name: new RegExp(number) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Atención inicial');
    expect(await row.innerText()).toContain('En tiempo');
    expect(await sameDocument(page)).toBe(true);

    // L3-06: classifying ends the triage clock, met; the charts count it at once.
    await as(Role.AGENT, CLASSIFY, {
      number,
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    });
    await row.getByText('En diagnóstico').waitFor();
    const byClock = page.getByTestId('compliance-kind');
    const triage = byClock.getByRole('row', { name: /^Atención inicial/ });
    await triage.getByText('100 %').waitFor();
    expect(await triage.innerText()).toMatch(/100 %\s+1\s+0/);
    expect(await byClock.getByRole('row', { name: /^Diagnóstico/ }).innerText()).toContain(
      'Sin relojes terminados',
    );
    const client = page
      .getByTestId('compliance-client')
      .getByRole('row', { name: /Comercializadora Aurora/ });
    expect(await client.innerText()).toContain('100 %');
    // The board's months are the browser's (Mexico City), as is the month the clock ended in:
    // from 00:00 to 06:00 UTC on a month's first day, UTC is already in the next one.
    const thisMonth = new Intl.DateTimeFormat('es-MX', {
      month: 'short',
      year: 'numeric',
      timeZone: BROWSER_TIME_ZONE,
    }).format(new Date());
    const month = page.getByTestId('compliance-month').getByRole('row', { name: thisMonth });
    expect(await month.innerText()).toContain('100 %');
    expect(await page.getByTestId('compliance-month').getByRole('row').count()).toBe(1 + 6);
    // Accessible: each chart is a figure named by its caption, its rows are table rows.
    await page.getByRole('figure', { name: 'Por reloj' }).waitFor();
    expect(await sameDocument(page)).toBe(true);
    await screenshot(page, '30-manager-live-board', { docs: 'manager-dashboard' });
  });

  it('reads time left again each minute while a clock runs, on the board and the ticket page (L3-06)', async () => {
    const number = await register('Minutos que corren');
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    // The page's timers on a clock the test moves: a minute passes in a moment.
    await page.clock.install();
    await logIn(page, MANAGER, e2e.password(MANAGER));
    /** The next GraphQL read whose document holds `field`, within 5 s; null when none comes. */
    const nextRead = (field: string) =>
      page
        .waitForRequest(
          (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes(field),
          { timeout: 5_000 },
        )
        .catch(() => null);

    await page.goto('/tablero');
    await page
      .getByTestId('timers')
      .getByRole('row', { name: new RegExp(number) })
      .waitFor();
    await waitLive(page);
    // The registration's own changes have arrived and been read; then half a minute: no read.
    await page.waitForTimeout(1_000);
    let read = nextRead('slaTimers');
    await page.clock.fastForward('00:30');
    expect(await read).toBeNull();
    // A minute after the last read, the board reads its clocks again: time left is current.
    read = nextRead('slaTimers');
    await page.clock.fastForward('00:31');
    expect(await read).not.toBeNull();

    await page.goto(`/tickets/${number}`);
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    await waitLive(page);
    read = nextRead('query Ticket(');
    await page.clock.fastForward('01:01');
    expect(await read).not.toBeNull();
  });

  it('moves the open ticket page when the agent acts elsewhere, offering the new action', async () => {
    const number = await register('Página del ticket en vivo');
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    await waitLive(page);
    expect(await page.getByTestId('ticket-state').innerText()).toBe('Registrado');
    expect(await page.getByRole('button', { name: 'Entregar información' }).count()).toBe(0);
    await markDocument(page);

    await as(Role.AGENT, REQUEST_INFO, {
      number,
      note: '¿Qué zonas necesitan en el reporte?',
    });
    await page
      .getByTestId('ticket-state')
      .getByText('Información solicitada', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Entregar información' }).waitFor();
    await page.getByTestId('timeline').getByText('¿Qué zonas necesitan en el reporte?').waitFor();
    expect(await sameDocument(page)).toBe(true);
  });

  it('a page that missed a change reads the ticket again when its action is refused, and says why (L3-06; QA S17)', async () => {
    const number = await register('Página que no oyó el cambio');
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    // Its live feed never connects (a dropped connection, a proxy): the page hears of no change.
    await page.routeWebSocket('**/graphql', (ws) => ws.close({ code: 1012, reason: 'down' }));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto(`/tickets/${number}`);
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    const form = await openAction(page, 'Clasificar');

    // Someone else classifies it meanwhile; this page still shows it registered.
    await as(Role.AGENT, CLASSIFY, {
      number,
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    });
    expect(await page.getByTestId('ticket-state').innerText()).toBe('Registrado');

    // Refused: the page reads the ticket again, and the form says what it became.
    await form.getByRole('button', { name: 'Clasificar', exact: true }).click();
    await page.getByTestId('ticket-state').getByText('En diagnóstico', { exact: true }).waitFor();
    await form
      .getByText('Esta acción ya no está disponible: el ticket pasó a En diagnóstico.')
      .waitFor();
  });

  it('fits the board in 360 px without horizontal scroll', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 360, height: 740 }));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/tablero');
    await page.getByTestId('compliance-kind').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '31-mobile-board');
  });
});
