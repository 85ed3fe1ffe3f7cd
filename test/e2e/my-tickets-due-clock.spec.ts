import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// An audit of the client's journey on «Mis tickets» (L3-06…L3-09): its «Próximo plazo» showed a
// deadline without naming the clock — the first attention (L3-06), the progress cadence (L3-07),
// the release date's scheduling (L3-09) — though the ticket's page and the Console's work list
// name it. Now each row names it as the ticket's page does, in Spanish and English; a ticket
// waiting on the client says so and names no clock; nothing staff-only shows.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';

interface Summary {
  number: string;
  nextDeadline: string | null;
  clocks: { kind: string; status: string; deadline: string | null }[];
}

describe('«Mis tickets» names the clock of each deadline (L3-06, L3-07, L3-09)', () => {
  const e2e = useE2eWorldWithWorker('my_tickets_due_clock');
  let fresh: string;
  let problem: string;
  let waiting: string;
  let scheduled: string;
  let released: string;

  beforeAll(async () => {
    const journeys = ticketJourneys(e2e.world);
    fresh = await journeys.registered();
    problem = await journeys.problemInAnalysis();
    waiting = await journeys.problemWaitingOnClient('¿Desde qué fecha ocurre?');
    scheduled = await journeys.scheduledRequirement({ subject: 'Reporte de cobranza', hours: 4 });
    released = await journeys.requirementReleasedForTesting(
      { subject: 'Reporte de ventas', hours: 3 },
      'Listo para sus pruebas',
    );
    // Every running deadline in the read model, as the client's list reads it.
    await eventually(
      async () => {
        const { body } = await gql<{ tickets: { items: Summary[] } }>(
          e2e.world.api,
          `query { tickets(first: 100) { items { number nextDeadline clocks { kind status deadline } } } }`,
          {},
          e2e.world.bearer(Role.CLIENT_USER),
        );
        return new Map(body.data!.tickets.items.map((t) => [t.number, t]));
      },
      (list) =>
        [fresh, problem, scheduled].every((n) => {
          const t = list.get(n);
          return t?.nextDeadline && t.clocks.some((c) => c.deadline === t.nextDeadline);
        }),
    );
  }, 180_000);

  it('in Spanish and English', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    const list = page.getByTestId('my-tickets');
    const row = (n: string) => list.locator(`tbody tr:has(a[href$="${n}"])`);
    const due = (n: string, label: string) => row(n).locator(`td[data-label="${label}"]`);

    const check = async (words: {
      due: string;
      triage: string;
      progress: string;
      scheduling: string;
      waiting: string;
    }) => {
      await list.getByRole('columnheader', { name: words.due }).waitFor();
      await row(fresh).waitFor();
      // The clock's name in the client's words, then its deadline («Atención inicial · vence 3 dic
      // 2026, 10:00 a.m.»; staff read it too since QA S65 #6, work-list-columns).
      expect(await due(fresh, words.due).innerText()).toMatch(
        new RegExp(`^${words.triage} \\S.*\\d`),
      );
      expect(await due(problem, words.due).innerText()).toMatch(
        new RegExp(`^${words.progress} \\S.*\\d`),
      );
      expect(await due(scheduled, words.due).innerText()).toMatch(
        new RegExp(`^${words.scheduling} \\S.*\\d`),
      );
      // Waiting on the client: its turn, no clock named (its progress clock is paused).
      expect(await due(waiting, words.due).innerText()).toContain(words.waiting);
      expect(await due(waiting, words.due).getByTestId('due-clock').count()).toBe(0);
      // Nothing staff-only: no delivery-risk flag, nor staff's «En pausa: esperando al cliente».
      expect(await list.getByTestId('delivery-at-risk').count()).toBe(0);
      for (const n of [fresh, problem, waiting, scheduled]) {
        expect(await due(n, words.due).innerText()).not.toMatch(
          /esperando al cliente|waiting on the client|en pausa|paused/i,
        );
      }
    };
    await check({
      due: 'Próximo plazo',
      triage: 'Atención inicial · vence',
      progress: 'Avance periódico · vence',
      scheduling: 'Aviso de la fecha de entrega · vence',
      waiting: 'Esperando su respuesta',
    });
    await screenshot(page, 'my-tickets-due-clock');

    // The ticket's page names the same clock with the same deadline.
    const listed = await due(problem, 'Próximo plazo').locator('time').getAttribute('datetime');
    await row(problem).getByRole('link').first().click();
    const current = page.locator('[data-testid="clock-current"][data-kind="progress"]');
    await current.waitFor();
    expect(await current.locator('th').innerText()).toContain('Avance periódico');
    expect(await current.locator('time').first().getAttribute('datetime')).toBe(listed);
    // The history says when the clock it started falls due: the date the clocks table shows.
    const started = page.getByTestId('timeline').getByTestId('event-CLOCK_STARTED').last();
    expect(await started.locator('strong').innerText()).toBe(
      `Reloj de SLA iniciado: Avance periódico. Vence el ${await current.locator('time').first().innerText()}`,
    );
    await page.goBack();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await check({
      due: 'Next deadline',
      triage: 'Initial response · due',
      progress: 'Progress cadence · due',
      scheduling: 'Release date announcement · due',
      waiting: 'Waiting for your reply',
    });
    await page.getByRole('button', { name: 'Español' }).click();
  });

  // The client read their ticket's state as «Esperando al cliente» — about themself, in the third
  // person — in the list, its CSV and the ticket's page; staff keep their words (L3-07).
  it("words a ticket waiting on the client to the client, and keeps staff's words", async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    const row = page.locator(`[data-testid="my-tickets"] tbody tr:has(a[href$="${waiting}"])`);
    const state = (label: string) => row.locator(`td[data-label="${label}"]`);
    expect(await state('Estado').innerText()).toMatch(/^Esperando su respuesta/);
    await row.getByRole('link').first().click();
    const header = page.getByTestId('ticket-state');
    await header.waitFor();
    expect(await header.innerText()).toBe('Esperando su respuesta');
    await page.getByRole('button', { name: 'English' }).click();
    await header.getByText('Waiting for your reply', { exact: true }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(await state('State').innerText()).toMatch(/^Waiting for your reply/);
    await page.getByRole('button', { name: 'Español' }).click();

    const staff = await newPage(e2e.browser, e2e.baseURL);
    await logIn(staff.page, AGENT, e2e.password(AGENT));
    await inSpanish(staff.page);
    await staff.page.goto(`${e2e.baseURL}/tickets/${waiting}`);
    const staffHeader = staff.page.getByTestId('ticket-state');
    await staffHeader.waitFor();
    expect(await staffHeader.innerText()).toBe('Esperando al cliente');
  });

  // QA S55: a problem whose progress cadence breached (L3-07) read «Vencido · Sin plazo en curso»
  // in both lists, though the update is owed since its deadline. Written by SQL as the projection
  // writes it (marked started: the start reconciler leaves it be; no workflow touches it).
  it('names the owed clock and when it fell due after a breach, for the client and staff', async () => {
    const number = 'L3-2024-955001';
    await e2e.world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
         calendar_id, category, subject, description, state, classification, assignee_id,
         sla_status, next_deadline, registered_at, last_event_seq, workflow_started_at)
       SELECT $1, 2024, 955001, 'due-clock-' || $1, u.organization_id, u.id, t.calendar_id,
              'INCIDENT', 'Avance vencido', 'x', 'IN_ANALYSIS', 'PROBLEM', a.id, 'breached', NULL,
              now() - interval '2 days', 0, now()
         FROM app_user u, app_user a, ticket t
        WHERE u.email = $2 AND a.email = $3 AND t.number = $4`,
      [number, CLIENT, AGENT, problem],
    );
    await e2e.world.db.query(
      `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
         target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, breached_at,
         calendar_version)
       SELECT $1 || ':progress:1', $1, 'progress', 1, 'BREACHED', 480, 'minutes',
              now() - interval '2 days', now() - interval '3 hours', 28800000, 28800000, now(),
              now() - interval '3 hours', cal.current_version
         FROM ticket t JOIN business_calendar cal ON cal.id = t.calendar_id
        WHERE t.number = $1`,
      [number],
    );
    const [{ deadline }] = await e2e.world.db.query<{ deadline: Date }[]>(
      `SELECT deadline FROM ticket_clock WHERE ticket_number = $1`,
      [number],
    );
    const owed = async (email: string, heading: string, label: string, words: RegExp) => {
      const { page } = await newPage(e2e.browser, e2e.baseURL);
      await logIn(page, email, e2e.password(email));
      await inSpanish(page);
      await page.goto(email === CLIENT ? '/mis-tickets' : '/tickets');
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      const row = page.locator(`tbody tr:has(a[href$="${number}"])`);
      const due = row.locator(`td[data-label="${label}"]`);
      await due.getByTestId('overdue-clock').waitFor();
      expect(await due.innerText()).toMatch(words);
      expect(await due.innerText()).not.toContain('Sin plazo en curso');
      expect(await due.locator('time').getAttribute('datetime')).toBe(deadline.toISOString());
      return page;
    };
    const client = await owed(
      CLIENT,
      'Mis tickets',
      'Próximo plazo',
      /^Avance periódico · venció \d/,
    );
    await client.getByRole('button', { name: 'English' }).click();
    await client.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(
      await client
        .locator(`tbody tr:has(a[href$="${number}"]) td[data-label="Next deadline"]`)
        .innerText(),
    ).toMatch(/^Progress cadence · was due \w/);
    await client.getByRole('button', { name: 'Español' }).click();
    await owed(AGENT, 'Tickets', 'Próximo plazo', /^Avance periódico · venció \d/);
  });

  // A requirement released for testing read «Entrega publicada: 8 dic…» in «Próximo plazo», as if
  // the delivery were still to come, while the client's testing is what is due (L3-09).
  it('says a delivered requirement waits on the client, not a delivery still to come', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    const row = page.locator(`[data-testid="my-tickets"] tbody tr:has(a[href$="${released}"])`);
    const due = row.locator('td[data-label="Próximo plazo"]');
    await due.waitFor();
    expect(await due.innerText()).toBe('Esperando su respuesta');
    expect(await due.getByTestId('published-delivery').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await row
      .locator('td[data-label="Next deadline"]')
      .getByText('Waiting for your reply')
      .waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
  });
});
