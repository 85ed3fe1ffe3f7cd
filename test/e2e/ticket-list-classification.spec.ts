import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { ticketJourneys } from '../support/ticket-journeys';
import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// The lists' «Categoría» filter offers what they name a ticket by (L3-01, L3-06…L3-08; S21,
// follow-up to d8e4704): «Problema» and «Requerimiento», the classifications triage sets, before
// the six categories. A ticket registered as a development and classified as a problem is found
// under «Problema» only; a category still finds its unclassified tickets and the requirements of
// that kind, from the menu or from a link made before the classifications were offered.

const CLIENT = 'usuario@aurora.example';
const MANAGER = 'gerente@becken.example';

describe('The ticket list filters by classification (L3-01, L3-06…L3-08)', () => {
  const e2e = useE2eWorldWithWorker('ticket_list_classification');
  const { act, registered, problemInAnalysis } = ticketJourneys(e2e.world);
  let problem: string;
  let requirement: string;
  let unclassified: string;

  const development = (subject: string) => ({
    registration: { category: 'DEVELOPMENT', subject, description: `Detalle: ${subject}.` },
  });
  const rows = (p: Page) => p.getByTestId('my-tickets').locator('tbody tr');
  const count = (p: Page) => p.getByTestId('ticket-count');
  const category = (p: Page) =>
    p
      .getByRole('search', { name: /^(Filtrar tickets|Filter tickets)$/ })
      .getByLabel(/^(Categoría|Category)$/);
  /** The numbers of the rows shown, once the list says it holds `n` tickets. */
  const shown = async (p: Page, words: string): Promise<string[]> => {
    await count(p).getByText(words, { exact: true }).waitFor();
    return (await rows(p).locator('th').allInnerTexts()).map((n) => n.trim()).sort();
  };

  /** The list once `label` is chosen in «Categoría» (see `shown`). */
  const choose = async (p: Page, label: string, words: string): Promise<string[]> => {
    await category(p).selectOption({ label });
    return shown(p, words);
  };
  /** A fresh browser signed in as `email`, in Spanish. */
  const signedIn = async (email: string): Promise<Page> => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, email, e2e.password(email));
    await inSpanish(page);
    return page;
  };

  beforeAll(async () => {
    // Three tickets registered as developments: one a problem, one a development requirement,
    // one not classified yet.
    problem = await problemInAnalysis(development('Pedido como desarrollo que es una falla'));
    requirement = await registered(development('Nuevo reporte de cobranza'));
    await act(
      Role.AGENT,
      'classifyTicket',
      { number: requirement, classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
      'ClassifyTicketInput',
    );
    unclassified = await registered(development('Aún sin clasificar'));
    // The lists read the read model: both classifications are there before a page opens.
    await eventually(
      () =>
        e2e.world.db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM ticket WHERE number IN ($1, $2) AND classification IS NOT NULL',
          [problem, requirement],
        ),
      ([{ n }]) => n === 2,
    );
  }, 120_000);

  it('offers «Problema» and «Requerimiento» first to a client, finds the problem registered as a development, and keeps the choice in the address', async () => {
    const page = await signedIn(CLIENT);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    expect(await shown(page, '3 tickets.')).toEqual([problem, requirement, unclassified].sort());
    expect(await category(page).locator('option').allInnerTexts()).toEqual([
      'Todas',
      'Problema',
      'Requerimiento',
      'Incidente',
      'Consulta',
      'Configuración',
      'Desarrollo',
      'Capacitación',
      'Acción administrativa (odoo.sh)',
    ]);

    expect(await choose(page, 'Problema', 'Un ticket.')).toEqual([problem]);
    expect(await rows(page).getByTestId('ticket-kind').innerText()).toBe('Problema');
    expect(new URL(page.url()).search).toBe('?categoria=problema');
    // Its CSV names it as the list does, not by the category it was registered with.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines).toHaveLength(3); // header, one ticket, the final line end
    expect(lines[1].split(',').slice(0, 3)).toEqual([
      problem,
      'Pedido como desarrollo que es una falla',
      'Problema',
    ]);
    // The address holds it: a reload (a bookmark, Back) finds the same list.
    await page.reload();
    expect(await shown(page, 'Un ticket.')).toEqual([problem]);
    expect(await category(page).inputValue()).toBe('PROBLEM');

    expect(await choose(page, 'Requerimiento', 'Un ticket.')).toEqual([requirement]);
    expect(await rows(page).getByTestId('ticket-kind').innerText()).toBe(
      'Requerimiento · Desarrollo',
    );
    expect(new URL(page.url()).search).toBe('?categoria=requerimiento');
  });

  it('reads a link made before the classifications were offered: «Desarrollo» is the development requirement and the unclassified one, not the problem', async () => {
    const page = await signedIn(CLIENT);
    await page.goto('/mis-tickets?categoria=DEVELOPMENT');
    expect(await shown(page, '2 tickets.')).toEqual([requirement, unclassified].sort());
    expect(await category(page).inputValue()).toBe('DEVELOPMENT');
  });

  it('offers the same choices to staff, in English too', async () => {
    const page = await signedIn(MANAGER);
    await page.goto('/tickets');
    expect(await shown(page, '3 tickets.')).toEqual([problem, requirement, unclassified].sort());
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Tickets' }).waitFor();
    expect((await category(page).locator('option').allInnerTexts()).slice(0, 4)).toEqual([
      'All',
      'Problem',
      'Requirement',
      'Incident',
    ]);
    expect(await choose(page, 'Problem', 'One ticket.')).toEqual([problem]);
    await page.getByRole('button', { name: 'Español' }).click();
  });
});
