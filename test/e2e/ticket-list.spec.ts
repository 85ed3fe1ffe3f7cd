import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerTicket } from '../support/world-with-worker';
import {
  boxesInOneFrame,
  horizontalOverflow,
  inSpanish,
  logIn,
  newPage,
  screenshot,
} from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// «Mis tickets» holds every ticket of the client (L3-05: tickets are unlimited): newest first in
// pages of 25 with «Cargar más», filtered by text, open or closed and category, and exported as
// CSV with the same filters (the file a spreadsheet opens: BOM, Spanish headers, local dates).
// Staff see theirs by default and any client's on request.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const MANAGER = 'gerente@becken.example';

describe('The ticket list: pages, filters and CSV (L3-05, L3-02)', () => {
  const e2e = useE2eWorldWithWorker('ticket_list');
  let cancelled: string;

  const register = (subject: string, category = 'QUESTION'): Promise<string> =>
    registerTicket(e2e.world, { category, subject, description: `Detalle de ${subject}.` });
  const rows = (p: Page) => p.getByTestId('my-tickets').locator('tbody tr');
  /** The client's «Mis tickets», its first page shown (each test has its own browser context). */
  const openList = async (): Promise<Page> => {
    const opened = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(opened, CLIENT, e2e.password(CLIENT));
    await opened.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await opened
      .getByTestId('ticket-count')
      .getByText('Mostrando los 25 más recientes de 27.')
      .waitFor();
    return opened;
  };

  beforeAll(async () => {
    // 27 tickets of one client: one more page than fits, one of them an incident, one cancelled.
    for (let i = 1; i <= 25; i++)
      await register(`Consulta de pedido ${String(i).padStart(2, '0')}`);
    await register('Timbrado especial de nómina', 'INCIDENT');
    cancelled = await register('Ticket que el cliente cancela');
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { ticket { state } } }`,
      { input: { number: cancelled, note: 'Ya no hace falta.' } },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    await eventually(
      () =>
        e2e.world.db.query<{ state: string }[]>('SELECT state FROM ticket WHERE number = $1', [
          cancelled,
        ]),
      ([row]) => row?.state === 'CANCELLED',
    );
  }, 120_000);

  it('shows the newest 25, then the rest with «Cargar más»', async () => {
    const page = await openList();
    expect(await rows(page).count()).toBe(25);
    // The oldest is not on the first page.
    expect(await page.getByText('Consulta de pedido 01').count()).toBe(0);
    await page.getByRole('button', { name: 'Cargar más' }).click();
    await page.getByTestId('ticket-count').getByText('27 tickets.').waitFor();
    expect(await rows(page).count()).toBe(27);
    // The list's dates are the reader's: its zone is named under it (QA S59).
    expect(await page.getByTestId('ticket-times-zone').innerText()).toMatch(
      /^Fechas y horas en su zona: Hora de la Ciudad de México \(UTC−\d\)\.$/,
    );
    await page.getByText('Consulta de pedido 01').waitFor();
    expect(await page.getByRole('button', { name: 'Cargar más' }).count()).toBe(0);
  });

  it('shows the page without waiting for its count (a common word over many tickets counts slowly)', async () => {
    const opened = (await newPage(e2e.browser, e2e.baseURL)).page;
    // Hold every count the list asks for until the page is on screen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let counts = 0;
    const atMost: unknown[] = [];
    await opened.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('query TicketCount')) {
        counts += 1;
        atMost.push(
          (route.request().postDataJSON() as { variables: { atMost?: number } }).variables.atMost,
        );
        await held;
      }
      await route.continue();
    });
    await logIn(opened, CLIENT, e2e.password(CLIENT));
    await opened.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await opened
      .getByTestId('ticket-count')
      .getByText('Mostrando los 25 más recientes…', { exact: true })
      .waitFor();
    expect(await rows(opened).count()).toBe(25);
    expect(counts).toBeGreaterThan(0);
    // Counted up to 1,000 (past that, «más de 1,000»): a full count of a common word is slow.
    expect(new Set(atMost)).toEqual(new Set([1000]));
    release();
    await opened
      .getByTestId('ticket-count')
      .getByText('Mostrando los 25 más recientes de 27.')
      .waitFor();
  });

  it('filters by text, by closed and by category; «Quitar filtros» shows all again', async () => {
    const page = await openList();
    await page.getByLabel('Buscar').fill('timbrado');
    await page.getByRole('button', { name: 'Aplicar' }).click();
    await page.getByTestId('ticket-count').getByText('Un ticket.').waitFor();
    await rows(page).getByText('Timbrado especial de nómina').waitFor();

    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await page
      .getByTestId('ticket-count')
      .getByText('Mostrando los 25 más recientes de 27.')
      .waitFor();
    expect(await page.getByLabel('Buscar').inputValue()).toBe('');

    await page.getByLabel('Mostrar').selectOption({ label: 'Cerrados' });
    await page.getByTestId('ticket-count').getByText('Un ticket.').waitFor();
    const closed = rows(page).first();
    expect(await closed.textContent()).toContain(cancelled);
    expect(await closed.textContent()).toContain('Cancelado');
    // An ended ticket is not «En tiempo», and nothing is due on it: dashes (QA).
    expect(await closed.textContent()).not.toContain('En tiempo');
    expect(await closed.textContent()).not.toContain('Sin plazo en curso');

    // The filters live in the address: a ticket opened from the list and Back find them again.
    expect(new URL(page.url()).search).toBe('?mostrar=cerrados');
    await closed.getByRole('link', { name: cancelled }).click();
    await page.getByRole('heading', { name: new RegExp(cancelled) }).waitFor();
    expect(await page.getByTestId('ticket-header').innerText()).not.toContain('En tiempo');
    await page.goBack();
    await page.getByTestId('ticket-count').getByText('Un ticket.').waitFor();
    expect(await page.getByLabel('Mostrar', { exact: true }).inputValue()).toBe('CLOSED');

    await page.getByLabel('Mostrar').selectOption({ label: 'Abiertos' });
    await page
      .getByRole('search', { name: 'Filtrar tickets' })
      .getByLabel('Categoría')
      .selectOption({ label: 'Incidente' });
    await page.getByTestId('ticket-count').getByText('Un ticket.').waitFor();
    await rows(page).getByText('Timbrado especial de nómina').waitFor();

    // Exactly 25 open questions (the cancelled one and the incident are not among them): one
    // page, nothing more to load.
    await page
      .getByRole('search', { name: 'Filtrar tickets' })
      .getByLabel('Categoría')
      .selectOption({ label: 'Consulta' });
    await page.getByTestId('ticket-count').getByText('25 tickets.').waitFor();
    expect(await page.getByText(cancelled).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cargar más' }).count()).toBe(0);
  });

  it('exports what the filters select as a CSV a spreadsheet opens', async () => {
    const page = await openList();
    await page.getByLabel('Mostrar').selectOption({ label: 'Cerrados' });
    await page.getByTestId('ticket-count').getByText('Un ticket.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tickets-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFNúmero,Asunto,Categoría,Estado,SLA,Próximo plazo,Fecha de entrega,Registrado,Última actividad,Asignado a',
    );
    expect(lines).toHaveLength(3); // header, one ticket, the final line end
    const cells = lines[1].split(',');
    expect(cells.slice(0, 4)).toEqual([
      cancelled,
      'Ticket que el cliente cancela',
      'Consulta',
      'Cancelado',
    ]);
    // «Asignado a», as the ticket's page names the agent to the client: nobody, here.
    expect(cells).toHaveLength(10);
    expect(cells[9]).toBe('');
    // Registered today, on the wall clock of the user's zone.
    expect(cells[7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByText('Se descargó 1 ticket en CSV.').waitFor();

    // Everything: all 27, though the screen shows only the first page.
    await page.getByLabel('Mostrar').selectOption({ label: 'Todos' });
    await page
      .getByTestId('ticket-count')
      .getByText('Mostrando los 25 más recientes de 27.')
      .waitFor();
    const [all] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    const allLines = readFileSync(await all.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(allLines).toHaveLength(28);
    await page.getByText('Se descargaron 27 tickets en CSV.').waitFor();
  });

  it('sorts by «Ordenar por» and by the column headers: oldest, newest, nearest SLA deadline, recent activity', async () => {
    const page = await openList();
    const firstRow = () => rows(page).first().locator('td').first().textContent();
    const header = (name: string) => page.getByRole('columnheader', { name });

    await page.getByLabel('Ordenar por').selectOption({ label: 'Más antiguos' });
    await page.getByTestId('ticket-count').getByText('Mostrando los primeros 25 de 27.').waitFor();
    await rows(page).first().getByText('Consulta de pedido 01').waitFor();
    expect(new URL(page.url()).search).toBe('?orden=antiguos');
    expect(await header('Registrado').getAttribute('aria-sort')).toBe('ascending');

    // The «Registrado» header turns it back to newest first.
    await header('Registrado').getByRole('button').click();
    await rows(page).first().getByText('Ticket que el cliente cancela').waitFor();
    expect(await header('Registrado').getAttribute('aria-sort')).toBe('descending');
    expect(await page.getByLabel('Ordenar por').inputValue()).toBe('NEWEST');

    // Nearest SLA deadline first: the cancelled ticket has none left, so it comes last.
    await header('Próximo plazo').getByRole('button').click();
    expect(await header('Próximo plazo').getAttribute('aria-sort')).toBe('ascending');
    await page.getByTestId('ticket-count').getByText('Mostrando los primeros 25 de 27.').waitFor();
    expect(await firstRow()).not.toContain(cancelled);
    await page.getByRole('button', { name: 'Cargar más' }).click();
    await page.getByTestId('ticket-count').getByText('27 tickets.').waitFor();
    expect(await rows(page).last().textContent()).toContain(cancelled);

    // A comment on an old ticket puts it first by recent activity, with that column shown.
    const { body } = await gql<{ tickets: { items: { number: string }[] } }>(
      e2e.world.api,
      '{ tickets(first: 1, orderBy: OLDEST, filter: { text: "pedido 05" }) { items { number } } }',
      {},
      e2e.world.bearer(Role.CLIENT_USER),
    );
    const fifth = body.data!.tickets.items[0].number;
    const comment = await gql(
      e2e.world.api,
      `mutation ($number: String!) { addComment(number: $number, body: "¿Alguna novedad?") { seq } }`,
      { number: fifth },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(comment.body.errors).toBeUndefined();
    // The comment reaches the read model through its workflow: the list is read once it has.
    await eventually(
      async () =>
        (
          await gql<{ tickets: { items: { number: string }[] } }>(
            e2e.world.api,
            '{ tickets(first: 1, orderBy: RECENTLY_UPDATED) { items { number } } }',
            {},
            e2e.world.bearer(Role.CLIENT_USER),
          )
        ).body.data?.tickets.items[0]?.number,
      (first) => first === fifth,
    );
    await page.getByLabel('Ordenar por').selectOption({ label: 'Actividad reciente' });
    // Above every ticket registered after it that has not changed since (the newest of them,
    // «pedido 25», first in any other order). Only another ticket's own later event could come
    // before it; what the read model held then is in the message if it is not above.
    const shown = async () => {
      const texts = await rows(page).allInnerTexts();
      const at = (subject: string) => texts.findIndex((text) => text.includes(subject));
      return { commented: at('Consulta de pedido 05'), newest: at('Consulta de pedido 25'), texts };
    };
    try {
      await eventually(
        shown,
        ({ commented, newest }) => commented >= 0 && newest > commented,
        15_000,
      );
    } catch (error) {
      const latest = await e2e.world.db.query(
        `SELECT t.number, t.subject, t.updated_at, t.last_event_seq,
           (SELECT array_agg(e.type ORDER BY e.seq) FROM ticket_event e
             WHERE e.ticket_number = t.number) AS events
         FROM ticket t ORDER BY t.updated_at DESC LIMIT 4`,
      );
      throw new Error(`${(error as Error).message}; read model: ${JSON.stringify(latest)}`);
    }
    expect(await header('Última actividad').getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).search).toBe('?orden=actividad');
    await screenshot(page, '77-ticket-list-recent-activity');
  });

  it('fits a phone: each ticket a stacked block, its state and SLA on screen without scrolling sideways', async () => {
    const phone = (await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 })).page;
    await logIn(phone, CLIENT, e2e.password(CLIENT));
    await phone
      .getByTestId('ticket-count')
      .getByText('Mostrando los 25 más recientes de 27.')
      .waitFor();
    // Nothing scrolls sideways, not even inside the table's own box.
    const wide = await phone.getByTestId('my-tickets').evaluate((table) => {
      const box = table.parentElement!;
      return { scroll: box.scrollWidth, client: box.clientWidth };
    });
    expect(wide.scroll).toBeLessThanOrEqual(wide.client);
    expect(await horizontalOverflow(phone)).toEqual([]);
    // Each cell says which column it is; the first ticket's state is inside the viewport.
    const state = rows(phone).first().locator('td[data-label="Estado"]');
    const at = await state.boundingBox();
    expect(at && at.x + at.width).toBeLessThanOrEqual(390);
    await screenshot(phone, '76-phone-ticket-list');
  });

  it('shows staff theirs by default, and a client’s tickets when asked', async () => {
    const agent = await newPage(e2e.browser, e2e.baseURL);
    await logIn(agent.page, AGENT, e2e.password(AGENT));
    await agent.page.goto('/tickets');
    // Staff's list is every client's: «Tickets» in the menu and the title, not «Mis tickets»,
    // at /tickets (S19).
    await agent.page.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();
    const nav = agent.page.getByRole('navigation', { name: /^(Principal|Main)$/ });
    expect(await nav.getByRole('link', { name: 'Tickets', exact: true }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Tickets', exact: true }).getAttribute('href')).toBe(
      '/tickets',
    );
    expect(await nav.getByRole('link', { name: /Mis tickets|My tickets/ }).count()).toBe(0);
    const mine = agent.page.getByLabel(/Solo asignados a mí|Only assigned to me/);
    await mine.waitFor();
    expect(await mine.isChecked()).toBe(true);
    // None of the client's tickets is assigned yet (no triage happened): the list says why, and
    // «Ver los de todos» unticks «Solo asignados a mí» (QA S20).
    const noneMine = agent.page.getByTestId('no-ticket-mine');
    await noneMine
      .getByText(/^(Ningún ticket asignado a usted coincide|No ticket assigned to you matches)/)
      .waitFor();
    expect(await noneMine.innerText()).toMatch(/(en la Consola|on the Console)\./);
    await noneMine.getByRole('button', { name: /^(Ver los de todos|Show everyone’s)$/ }).click();
    await agent.page.getByTestId('ticket-count').waitFor();
    expect(await mine.isChecked()).toBe(false);
    await agent.page
      .getByLabel(/^(Cliente|Client)$/)
      .selectOption({ label: 'Comercializadora Aurora' });
    await agent.page.getByTestId('ticket-count').getByText(/25/).waitFor();
    expect(await rows(agent.page).count()).toBe(25);

    // A manager is assigned nothing: the list opens on every client's tickets, naming the client.
    const manager = await newPage(e2e.browser, e2e.baseURL);
    await logIn(manager.page, MANAGER, e2e.password(MANAGER));
    await manager.page.goto('/tickets');
    await manager.page.getByTestId('ticket-count').getByText(/25/).waitFor();
    expect(
      await manager.page.getByLabel(/Solo asignados a mí|Only assigned to me/).isChecked(),
    ).toBe(false);
    expect(await rows(manager.page).first().textContent()).toContain('Comercializadora Aurora');
    // Its eight columns fit a 1280 px screen: no sideways scroll hides «Agente asignado» (QA S55).
    // A date may wrap between its day and its time, never inside either.
    const table = manager.page.getByTestId('my-tickets');
    expect(
      await table.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth),
    ).toBeLessThanOrEqual(0);
    // «Registrado», the column before the agent's.
    const registered = rows(manager.page).first().locator('td:nth-last-child(2) time.wraps');
    expect(await registered.locator('span').allInnerTexts()).toEqual([
      expect.stringMatching(/\d{4},$/),
      expect.stringMatching(/^\d{1,2}:\d\d/),
    ]);
  });

  it('searches open tickets from the agent’s console, each with its client, says what matches among the ended ones, its button saying what it will do, and goes back to the work list (L3-10, QA S60b #8)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    await page.goto('/consola');
    const list = page.getByTestId('queue').locator('tbody tr');
    /** The work list: every open ticket of the client, the 27 less the cancelled one. */
    const workListShown = async () => {
      await page.getByRole('heading', { name: 'Lista de trabajo' }).waitFor();
      await eventually(
        () => list.count(),
        (n) => n === 26,
      );
    };
    await workListShown();
    const search = page.getByRole('search');
    const field = search.getByLabel('Buscar', { exact: true });
    const button = search.getByRole('button');
    expect(await button.innerText()).toBe('Actualizar');
    // The field and its button on one line (the field's margin once pushed the button below it).
    const [fieldBox, buttonBox] = await boxesInOneFrame([field, button]);
    expect(
      Math.abs(fieldBox.y + fieldBox.height / 2 - (buttonBox.y + buttonBox.height / 2)),
    ).toBeLessThan(4);

    await field.fill('timbrado');
    expect(await button.innerText()).toBe('Buscar');
    await button.click();
    await page.getByRole('heading', { name: 'Resultados de la búsqueda' }).waitFor();
    await eventually(
      () => list.allInnerTexts(),
      (texts) => texts.length === 1 && texts[0].includes('Timbrado especial de nómina'),
    );
    expect(await button.innerText()).toBe('Actualizar');

    // Staff handle many clients: each result names its client, as «Tickets» does (QA S60b #8).
    // (Headers read as written: the style shows them in capitals.)
    const headers = await page.getByTestId('queue').locator('thead th').allTextContents();
    expect(headers).toContain('Cliente');
    expect(await list.first().locator('td[data-label="Cliente"]').textContent()).toBe(
      'Comercializadora Aurora',
    );
    // The column more still fits a 1280 px screen (QA S55: no sideways scroll hides the agent).
    expect(
      await page
        .getByTestId('queue')
        .evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth),
    ).toBeLessThanOrEqual(0);

    // A cancelled ticket is no open work: the search leaves it out, and says how many ended
    // tickets match, with «Tickets» showing them (QA S60 #8; QA S60b #8: «No hay tickets.» only).
    await field.fill('cancela');
    await button.click();
    const none = page.getByTestId('console-no-open-match');
    await none
      .getByText('Ningún ticket abierto coincide con «cancela», pero uno cerrado o cancelado sí.')
      .waitFor();
    expect(await none.innerText()).toBe(
      'Ningún ticket abierto coincide con «cancela», pero uno cerrado o cancelado sí. Verlo en Tickets',
    );
    const endedLink = none.getByRole('link', { name: 'Verlo en Tickets' });
    expect(await endedLink.getAttribute('href')).toBe('/tickets?q=cancela&mostrar=cerrados&mios=0');
    await endedLink.click();
    await page.getByTestId('ticket-count').getByText('Un ticket.').waitFor();
    expect(await page.getByTestId('my-tickets').locator('tbody tr').first().innerText()).toContain(
      cancelled,
    );
    expect(await page.getByLabel('Buscar', { exact: true }).inputValue()).toBe('cancela');
    expect(await page.getByLabel('Mostrar', { exact: true }).inputValue()).toBe('CLOSED');
    // Back: the console's search is in its address, so it is still there.
    await page.goBack();
    await page.getByRole('heading', { name: 'Resultados de la búsqueda' }).waitFor();
    expect(await field.inputValue()).toBe('cancela');
    expect(new URL(page.url()).search).toBe('?q=cancela');

    // The cancelled ticket's number, typed short and in lower case as people do: the console says
    // it exists, is cancelled and since when (in the agent's zone), and links to it (QA S60b #8).
    const [ended] = await e2e.world.db.query<{ at: string }[]>(
      `SELECT details -> 'closure' ->> 'at' AS at FROM ticket WHERE number = $1`,
      [cancelled],
    );
    const [agent] = await e2e.world.db.query<{ zone: string }[]>(
      'SELECT time_zone AS zone FROM app_user WHERE email = $1',
      [AGENT],
    );
    const day = (language: string) =>
      new Intl.DateTimeFormat(language, {
        day: 'numeric',
        month: 'short',
        timeZone: agent.zone,
      }).format(new Date(ended.at));
    const [, year, seq] = cancelled.split('-');
    const typed = `l3-${year}-${Number(seq)}`;
    await field.fill(typed);
    await button.click();
    const endedSentence = `El ticket ${cancelled} se canceló el ${day('es-MX')}.`;
    await none.getByText(endedSentence).waitFor();
    expect(await none.innerText()).toBe(
      `${endedSentence} Abrir el ticket ${cancelled} · Buscarlo también entre los cerrados y cancelados, en Tickets`,
    );
    expect(await none.getByRole('link', { name: /^Buscarlo también/ }).getAttribute('href')).toBe(
      `/tickets?q=${typed}&mios=0`,
    );
    const ticketLink = none.getByRole('link', { name: `Abrir el ticket ${cancelled}` });
    expect(await ticketLink.getAttribute('href')).toBe(`/tickets/${cancelled}`);
    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await none.getByText(`Ticket ${cancelled} was cancelled on ${day('en')}.`).waitFor();
    await none
      .getByRole('link', { name: 'Search closed and cancelled ones too, in Tickets' })
      .waitFor();
    await inSpanish(page);
    await ticketLink.click();
    await page
      .getByRole('heading', { name: new RegExp(cancelled) })
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tickets/${cancelled}`);
    await page.goBack();
    await page.getByRole('heading', { name: 'Resultados de la búsqueda' }).waitFor();

    // Words no ticket holds, open or ended: nothing to look for in «Tickets», so no link.
    await field.fill('zanahoria');
    await button.click();
    await none.getByText('Ningún ticket, abierto ni cerrado, coincide con «zanahoria».').waitFor();
    expect(await none.getByRole('link').count()).toBe(0);

    await field.fill('');
    expect(await button.innerText()).toBe('Ver la lista de trabajo');
    await button.click();
    await workListShown();
    expect(await button.innerText()).toBe('Actualizar');
  });

  it('lets a manager list the tickets at risk and one agent’s (S18-D; L3-06…L3-09, L3-07), in Spanish and English', async () => {
    // A second active agent, issued by the provider's admin; three new tickets: one for each agent
    // (classified as problems, L3-07) and one left in triage.
    const [provider] = await e2e.world.db.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE kind = 'PROVIDER' LIMIT 1`,
    );
    const created = await gql<{ createUser: { id: string } }>(
      e2e.world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: provider.id,
          email: `beatriz-${Date.now()}@becken.example`,
          displayName: 'Beatriz Bravo',
          roles: ['AGENT'],
          temporaryPassword: 'una-clave-larga-1',
        },
      },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const [alex] = await e2e.world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = $1`,
      [AGENT],
    );
    const alexRisk = await register('Riesgo de Alex');
    const beatriz = await register('Caso de Beatriz');
    const unassignedRisk = await register('Riesgo sin asignar');
    for (const [number, agentId] of [
      [alexRisk, alex.id],
      [beatriz, created.body.data!.createUser.id],
    ]) {
      const { body } = await gql<{ classifyTicket: { seq: number } }>(
        e2e.world.api,
        `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
        { input: { number, classification: 'PROBLEM', agentId } },
        e2e.world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
      await eventually(
        () =>
          e2e.world.db.query<{ seq: number; assignee: string | null }[]>(
            'SELECT last_event_seq AS seq, assignee_id AS assignee FROM ticket WHERE number = $1',
            [number],
          ),
        ([row]) => row?.assignee === agentId && row.seq >= body.data!.classifyTicket.seq,
      );
    }
    // At risk takes most of a clock's business-hours budget: the read model's mark is written as
    // the projection writes it, once the tickets' events are in (nothing moves them meanwhile).
    await e2e.world.db.query(`UPDATE ticket SET sla_status = 'at_risk' WHERE number = ANY($1)`, [
      [alexRisk, unassignedRisk],
    ]);

    const numbers = async (p: Page) =>
      (await rows(p).allInnerTexts()).map((row) => /L3-\d+-\d+/.exec(row)?.[0]).sort();
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/tickets');
    await page.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();
    const sla = page.getByLabel('Estado del SLA', { exact: true });
    const agent = page.getByLabel('Agente', { exact: true });
    expect(await sla.locator('option').allInnerTexts()).toEqual([
      'Todos',
      'En tiempo',
      'En riesgo',
      'Vencido',
    ]);
    await agent.getByRole('option', { name: 'Beatriz Bravo' }).waitFor({ state: 'attached' });
    expect(await agent.locator('option').allInnerTexts()).toEqual([
      'Todos',
      'Alex Agent',
      'Beatriz Bravo',
    ]);

    // «En riesgo»: exactly the two marked, whoever has them.
    await sla.selectOption({ label: 'En riesgo' });
    await page.getByTestId('ticket-count').getByText('2 tickets.').waitFor();
    expect(await numbers(page)).toEqual([alexRisk, unassignedRisk].sort());
    expect(new URL(page.url()).searchParams.get('sla')).toBe('en-riesgo');
    // And Alex's: only his.
    await agent.selectOption({ label: 'Alex Agent' });
    await page.getByTestId('ticket-count').getByText('Un ticket.').waitFor();
    expect(await numbers(page)).toEqual([alexRisk]);
    // Beatriz's, whatever their SLA: only hers.
    await sla.selectOption({ label: 'Todos' });
    await agent.selectOption({ label: 'Beatriz Bravo' });
    await rows(page).filter({ hasText: beatriz }).waitFor();
    expect(await numbers(page)).toEqual([beatriz]);
    expect(new URL(page.url()).searchParams.get('agente')).toBe(created.body.data!.createUser.id);
    // The address keeps the choice (Back from a ticket, a bookmark).
    await page.reload();
    await rows(page).filter({ hasText: beatriz }).waitFor();
    // «Agente» shows her once its choices are read (the list may come first).
    await page
      .getByLabel('Agente', { exact: true })
      .getByRole('option', { name: 'Beatriz Bravo' })
      .waitFor({ state: 'attached' });
    expect(await page.getByLabel('Agente', { exact: true }).inputValue()).toBe(
      created.body.data!.createUser.id,
    );
    expect(await numbers(page)).toEqual([beatriz]);
    // «Solo asignados a mí» replaces the agent (and says so): a manager is assigned none.
    const mine = page.getByLabel('Solo asignados a mí');
    expect(await mine.isChecked()).toBe(false);
    await mine.check();
    await page
      .getByTestId('no-ticket-mine')
      .getByText(/^Ningún ticket asignado a usted/)
      .waitFor();
    expect(await page.getByLabel('Agente', { exact: true }).inputValue()).toBe('');
    await page
      .getByText('Elegir un agente quita «Solo asignados a mí»; marcarlo deja «Agente» en «Todos».')
      .waitFor();
    await page.getByRole('button', { name: 'Quitar filtros' }).click();

    // English: the same choice in its words.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('SLA status', { exact: true }).selectOption({ label: 'At risk' });
    await page.getByTestId('ticket-count').getByText('2 tickets.').waitFor();
    expect(await numbers(page)).toEqual([alexRisk, unassignedRisk].sort());
    await page.getByRole('button', { name: 'Español' }).click();

    // A phone: the staff filters wrap, nothing scrolls sideways; a client sees neither filter.
    const phone = (await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 })).page;
    await logIn(phone, MANAGER, e2e.password(MANAGER));
    await phone.goto('/tickets');
    await phone.getByLabel('Agente', { exact: true }).waitFor();
    await phone.getByTestId('ticket-count').waitFor();
    expect(await horizontalOverflow(phone)).toEqual([]);
    await screenshot(phone, '77-phone-staff-ticket-filters');
    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await client.getByTestId('ticket-count').waitFor();
    expect(await client.getByLabel('Estado del SLA').count()).toBe(0);
    expect(await client.getByLabel('Agente').count()).toBe(0);
    // A client opening staff's /tickets lands on their «Mis tickets», the query kept (S19).
    await client.goto('/tickets?mostrar=cerrados');
    await client.waitForURL((url) => url.pathname === '/mis-tickets');
    expect(new URL(client.url()).search).toBe('?mostrar=cerrados');
    expect(await client.getByLabel('Mostrar', { exact: true }).inputValue()).toBe('CLOSED');
  });
  it('drops an agent or client of the address that the list does not offer (QA S18)', async () => {
    // A link naming an agent since deactivated (or a client that is gone): «Agente» and «Cliente»
    // could only show «Todos», so the list shows everyone's, not an unexplained empty list.
    const NOBODY = '5b1d0c1e-0000-4000-8000-000000000001';
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    // An old bookmark or email of staff's list at /mis-tickets: replaced by /tickets (S19), the
    // query kept and no extra history entry (Back leaves the list, not to a redirect).
    const entries = await page.evaluate<number>('history.length');
    await page.goto(`/mis-tickets?agente=${NOBODY}&cliente=${NOBODY}&orden=antiguos`);
    await page.waitForFunction(
      `(() => { const p = new URL(location.href).searchParams;
        return location.pathname === '/tickets' &&
          !p.has('agente') && !p.has('cliente') && p.get('orden') === 'antiguos'; })()`,
    );
    expect(await page.evaluate<number>('history.length')).toBe(entries + 1);
    await rows(page).first().waitFor();
    expect(await page.getByLabel('Agente', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Cliente', { exact: true }).inputValue()).toBe('');
    expect(await page.getByText('Ningún ticket coincide con los filtros.').count()).toBe(0);
    await page.context().close();
  });
  it('says «Cargando…» while another choice is read, not the last choice’s rows (QA S18)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/tickets');
    await rows(page).first().waitFor();
    // The list's read for «Vencido» is held until the page has been looked at.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query Tickets(') && body.includes('"slaStatus":"breached"')) await held;
      await route.continue();
    });
    await page.getByLabel('Estado del SLA', { exact: true }).selectOption({ label: 'Vencido' });
    await page.getByRole('status').getByText('Cargando…').waitFor();
    expect(await rows(page).count()).toBe(0);
    expect(await page.getByTestId('ticket-count').count()).toBe(0);
    release();
    await page.getByRole('status').getByText('Cargando…').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('reads again what a console search matches among the ended tickets on a live change, and finds an ended ticket by its number (QA S60b #8, L3-10)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    // The live feed passes through here: the changes of one ticket can be held back and then
    // arrive together, as changes close together do (the console re-reads once for them).
    let holding = false;
    const held: string[] = [];
    const toPage: { send: (message: string) => void }[] = [];
    await page.routeWebSocket('**/graphql', (ws) => {
      const server = ws.connectToServer();
      toPage.push(ws);
      server.onMessage((message) => {
        if (holding && typeof message === 'string' && message.includes('"ticketChanged"'))
          held.push(message);
        else ws.send(message);
      });
    });
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    await page.goto('/consola?q=tamarindo');
    const none = page.getByTestId('console-no-open-match');
    await none.getByText('Ningún ticket, abierto ni cerrado, coincide con «tamarindo».').waitFor();
    await page.locator('[data-testid=live-status][data-status=live]').first().waitFor();

    // A ticket with the word is registered and cancelled; the console hears of both at once, after
    // the cancellation: it still matches no open ticket, and says so of an ended one now.
    holding = true;
    const number = await register('Pedido de tamarindo');
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { ticket { state } } }`,
      { input: { number, note: 'Se pidió por error.' } },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    await eventually(
      () => Promise.resolve(held),
      (messages) => messages.some((m) => m.includes(number) && m.includes('"CANCELLED"')),
    );
    holding = false;
    for (const message of held.splice(0)) for (const ws of toPage) ws.send(message);
    await none
      .getByText('Ningún ticket abierto coincide con «tamarindo», pero uno cerrado o cancelado sí.')
      .waitFor();
    expect(await page.getByTestId('queue').count()).toBe(0);

    // An open ticket with the word, registered meanwhile: the console lists it instead.
    const open = await register('Segundo pedido de tamarindo');
    await page.getByTestId('queue').locator('tbody tr').getByText(open).waitFor();
    expect(await none.count()).toBe(0);

    // The cancelled ticket's exact number, read by its number (not among the newest ended
    // matches): it exists, is cancelled, and links to it.
    await page.getByLabel('Buscar', { exact: true }).fill(number);
    await page.getByRole('search').getByRole('button').click();
    await none.getByText(new RegExp(`^El ticket ${number} se canceló el `)).waitFor();
    await none.getByRole('link', { name: `Abrir el ticket ${number}` }).waitFor();
    // Its sequence alone, as agents say it («000012»): this year's ticket of that number (QA S62 #11).
    await page.getByLabel('Buscar', { exact: true }).fill(number.split('-')[2]);
    await page.getByRole('search').getByRole('button').click();
    await none.getByText(new RegExp(`^El ticket ${number} se canceló el `)).waitFor();
    await page.context().close();
  });
});
