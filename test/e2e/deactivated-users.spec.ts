import type { Page } from 'playwright-core';
import { addBusinessDays, defaultMexicoCityCalendar } from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S62 #1, #2 (L3-07, L3-11): deactivating a user who still holds open tickets. «Desactivar»'s
// confirmation says how many open tickets an agent holds («Tiene N tickets abiertos asignados»,
// with the ticket list filtered by them, and «Reasignar sus tickets» to hand them all to another
// agent in one step) and how many a client user registered (their client's approvers get those
// emails meanwhile). Afterwards staff's «Agente» filter still offers the agent, marked
// «(cuenta inactiva)», and the ticket page marks an inactive assignee or registrant; a client sees no
// such mark. A manager hands an inactive agent's tickets over from the users list, and reads
// which one could not move and why. The dialog hands them over a batch per call
// (reassignOpenTickets with `first`), «Reasignando… 1 de 2 tickets» meanwhile; a call that fails
// as a whole stops it and says how many had moved.

/**
 * Routes `page`'s reassignOpenTickets calls as batches of one ticket (the dialog asks for 50: two
 * tickets would be one call) and records what the dialog asked for; `hold(n)` makes the n-th call
 * wait for `release`, `abort(n)` fails it as a dropped connection would.
 */
async function oneTicketBatches(page: Page, { hold = 0, abort = 0 } = {}) {
  const asked: { first: unknown; after: unknown }[] = [];
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() ?? '';
    if (!body.includes('reassignOpenTickets(')) return route.continue();
    const sent = JSON.parse(body) as { variables: Record<string, unknown> };
    asked.push({ first: sent.variables.first, after: sent.variables.after });
    if (asked.length === hold) await held;
    if (asked.length === abort) return route.abort('internetdisconnected');
    return route.continue({
      postData: JSON.stringify({ ...sent, variables: { ...sent.variables, first: 1 } }),
    });
  });
  return { asked, release };
}

const ADMIN = 'admin@becken.example';
const MANAGER = 'gerente@becken.example';
const CLIENT = 'usuario@aurora.example';
const PASSWORD = 'saliente-largo-123';

describe('Deactivating users who hold open tickets (web app, QA S62 #1, #2)', () => {
  const e2e = useE2eWorldWithWorker('deactivated_users');
  const unique = `${process.pid}-${Date.now()}`;

  async function createUser(organization: string, displayName: string, role: Role, local: string) {
    const email = `${local}-${unique}@${organization}.example`;
    const { body } = await gql<{ createUser: { id: string } }>(
      e2e.world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: e2e.world.orgIds[organization],
          email,
          displayName,
          roles: [role],
          temporaryPassword: PASSWORD,
        },
      },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    return { id: body.data!.createUser.id, email };
  }

  /** Problems classified to `agentId`, one per subject, once the read model has them all. */
  async function problemsOf(agentId: string, subjects: string[]): Promise<string[]> {
    const numbers: string[] = [];
    for (const subject of subjects) {
      const number = await registerProjectedTicket(e2e.world, {
        category: 'INCIDENT',
        subject,
        description: `${subject} desde ayer.`,
      });
      const { body } = await gql(
        e2e.world.api,
        `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
        { input: { number, classification: 'PROBLEM', agentId } },
        e2e.world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
      numbers.push(number);
    }
    await eventually(
      () =>
        e2e.world.db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM ticket WHERE assignee_id = $1',
          [agentId],
        ),
      ([{ n }]) => n === subjects.length,
    );
    return numbers;
  }

  const assigneesOf = (numbers: string[]) =>
    e2e.world.db
      .query<{ assignee_id: string }[]>(
        'SELECT assignee_id FROM ticket WHERE number = ANY($1) ORDER BY number',
        [numbers],
      )
      .then((rows) => rows.map((r) => r.assignee_id));

  /** Opens «¿Desactivar a …?» on /usuarios as the admin. */
  async function askToDeactivate(page: Page, name: string, email: string) {
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await inSpanish(page);
    await page.goto('/usuarios');
    await page.getByRole('button', { name: `Desactivar a ${name}`, exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: `¿Desactivar a ${name} (${email})?` });
    await confirm.waitFor();
    return confirm;
  }

  it("an agent's open tickets: counted in the confirmation, listed by «Agente» (cuenta inactiva), marked on the ticket (QA S62 #2)", async () => {
    const agent = await createUser('becken', 'Ángel Saliente', Role.AGENT, 'angel');
    const numbers = await problemsOf(agent.id, ['No timbra', 'No imprime']);

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    const confirm = await askToDeactivate(page, 'Ángel Saliente', agent.email);
    const assigned = confirm.getByTestId('deactivate-assigned');
    await assigned.waitFor();
    expect(await assigned.innerText()).toContain('Tiene 2 tickets abiertos asignados.');
    const link = assigned.getByRole('link', { name: 'Ver sus tickets abiertos' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/tickets?mostrar=abiertos&agente=${agent.id}`);
    // The dialog's description carries it, for a screen reader too.
    expect(await confirm.getAttribute('aria-describedby')).toBe(
      'user-deactivate-text user-deactivate-detail',
    );
    expect(await confirm.getByTestId('deactivate-registered').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Sí, desactivar' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Activar a Ángel Saliente', exact: true }).waitFor();

    // A manager follows the link: «Agente» still offers the agent, marked, and lists both tickets.
    const manager = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(manager, MANAGER, e2e.password(MANAGER));
    await inSpanish(manager);
    await manager.goto(href!);
    const agentFilter = manager.getByLabel('Agente', { exact: true });
    await manager.waitForFunction(
      "document.querySelector('#ticket-filter-agent')?.selectedOptions[0]?.textContent === 'Ángel Saliente (cuenta inactiva)'",
    );
    expect(await agentFilter.inputValue()).toBe(agent.id);
    const rows = manager.getByTestId('my-tickets').locator('tbody tr');
    await eventually(
      () => rows.count(),
      (n) => n === 2,
    );
    const listed = await manager.getByTestId('my-tickets').innerText();
    for (const number of numbers) expect(listed).toContain(number);
    expect(await manager.getByTestId('ticket-assignee-cell').first().innerText()).toBe(
      'Ángel Saliente (cuenta inactiva)',
    );

    await manager.goto(`/tickets/${numbers[0]}`);
    await manager.getByTestId('ticket-assignee').getByText('(cuenta inactiva)').waitFor();
    expect(await manager.getByTestId('ticket-assignee').innerText()).toBe(
      'Ángel Saliente (cuenta inactiva)',
    );

    // The client reads who has the ticket as before, never that staff were deactivated.
    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await inSpanish(client);
    await client.goto(`/tickets/${numbers[0]}`);
    await client.getByTestId('ticket-assignee').getByText('Ángel Saliente').waitFor();
    expect(await client.getByTestId('ticket-assignee').innerText()).toBe('Ángel Saliente');
  });

  it("a client user's registered tickets: the confirmation says their approvers get the emails; the staff page marks the registrant (QA S62 #1)", async () => {
    const leaver = await createUser(
      'comercializadora-aurora',
      'Sara Saliente',
      Role.CLIENT_USER,
      'sara',
    );
    const login = await gql<{ login: { token: string } }>(
      e2e.world.api,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      { email: leaver.email, password: PASSWORD },
    );
    expect(login.body.errors).toBeUndefined();
    const registered = await gql<{ registerTicket: { number: string } }>(
      e2e.world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: {
          category: 'DEVELOPMENT',
          subject: 'Reporte de ventas',
          description: 'Un reporte de ventas por zona.',
        },
      },
      { authorization: `Bearer ${login.body.data!.login.token}` },
    );
    expect(registered.body.errors).toBeUndefined();
    const { number } = registered.body.data!.registerTicket;

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    const confirm = await askToDeactivate(page, 'Sara Saliente', leaver.email);
    const told = confirm.getByTestId('deactivate-registered');
    await told.waitFor();
    expect(await told.innerText()).toBe(
      'Registró 1 ticket abierto: mientras su cuenta esté inactiva, los correos de ese ticket les llegan a los aprobadores de su cliente.',
    );
    expect(await confirm.getByTestId('deactivate-assigned').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Sí, desactivar' }).click();
    await page.getByRole('button', { name: 'Activar a Sara Saliente', exact: true }).waitFor();

    await page.goto(`/tickets/${number}`);
    await page.getByTestId('ticket-registrant').getByText('(cuenta inactiva)').waitFor();
    expect(await page.getByTestId('ticket-registrant').innerText()).toBe(
      'Sara Saliente (cuenta inactiva)',
    );
  });

  it('«Reasignar sus tickets» in the confirmation hands both tickets to another agent, then the agent is deactivated with none left (L3-07)', async () => {
    const leaver = await createUser('becken', 'Lucía Saliente', Role.AGENT, 'lucia');
    const taker = await createUser('becken', 'Tomás Entrante', Role.AGENT, 'tomas');
    const numbers = await problemsOf(leaver.id, ['No timbra la nómina', 'No abre el POS']);

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    const confirm = await askToDeactivate(page, 'Lucía Saliente', leaver.email);
    await confirm.getByTestId('deactivate-assigned').waitFor();
    await confirm.getByRole('button', { name: 'Reasignar sus tickets' }).click();
    const panel = confirm.getByRole('region', {
      name: 'Reasignar los tickets abiertos de Lucía Saliente',
    });
    // QA S65 #5: the count is said once, by the dialog above the form (it said it twice).
    await panel.getByLabel('Pasarlos a').waitFor();
    expect(await confirm.getByTestId('deactivate-assigned').innerText()).toContain(
      'Tiene 2 tickets abiertos asignados.',
    );
    expect(await panel.getByTestId('reassign-count').count()).toBe(0);
    // The person whose tickets they are is no choice.
    const target = panel.getByLabel('Pasarlos a');
    const choices = await target.locator('option').allInnerTexts();
    expect(choices).toContain('Tomás Entrante');
    expect(choices).not.toContain('Lucía Saliente');
    await target.selectOption({ label: 'Tomás Entrante' });
    await panel.getByLabel('Nota para el equipo (opcional)').fill('Lucía deja la empresa');
    // One ticket a batch; the second batch waits until the progress has been read.
    const batches = await oneTicketBatches(page, { hold: 2 });
    const submit = panel.getByRole('button', { name: 'Reasignar 2 tickets' });
    await submit.click();
    const progress = panel.getByTestId('reassign-progress');
    await progress.getByText('Reasignando… 1 de 2 tickets').waitFor();
    expect(await submit.isDisabled()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Cerrar' }).isDisabled()).toBe(true);
    // QA S65 #5: the deactivation waits while her tickets move.
    expect(await confirm.getByRole('button', { name: 'Sí, desactivar' }).isDisabled()).toBe(true);
    batches.release();
    const result = panel.getByTestId('reassign-result');
    await result.waitFor();
    expect(await result.innerText()).toBe('Se reasignaron 2 tickets a Tomás Entrante.');
    expect(await progress.count()).toBe(0);
    // The dialog asked for batches of 50, the second one after the first batch's last ticket.
    expect(batches.asked).toEqual([
      { first: 50, after: undefined },
      { first: 50, after: numbers[0] },
    ]);
    expect(await assigneesOf(numbers)).toEqual([taker.id, taker.id]);
    // The confirmation no longer says she holds tickets; deactivating her leaves none behind.
    await confirm.getByTestId('deactivate-assigned').waitFor({ state: 'detached' });
    await screenshot(page, 'users-reassign-open-tickets');
    await confirm.getByRole('button', { name: 'Sí, desactivar' }).click();
    await page.getByRole('button', { name: 'Activar a Lucía Saliente', exact: true }).waitFor();
    const [{ n }] = await e2e.world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM email_outbox
        WHERE event_type = 'PROVIDER_ASSIGNED' AND recipient_address = $1`,
      [taker.email],
    );
    expect(n).toBe(2);
  });

  it("a manager, in English, hands an inactive agent's tickets over from the users list and reads the one that could not move (L3-07)", async () => {
    const leaver = await createUser('becken', 'Iván Inactivo', Role.AGENT, 'ivan');
    const taker = await createUser('becken', 'Rosa Receptora', Role.AGENT, 'rosa');
    const [moving, ended] = await problemsOf(leaver.id, ['No cuadra el inventario', 'No cierra']);
    // The second ticket's workflow ended since (terminated here): it cannot be reassigned.
    await e2e.world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(ended))
      .terminate('deactivated-users e2e: a ticket that ended meanwhile');
    const off = await gql(
      e2e.world.api,
      `mutation ($userId: ID!) { setUserActive(userId: $userId, active: false) { id } }`,
      { userId: leaver.id },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(off.body.errors).toBeUndefined();

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    try {
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto('/usuarios');
      await page
        .getByRole('button', {
          name: 'Reassign their tickets: Iván Inactivo’s open tickets',
          exact: true,
        })
        .click();
      const panel = page.getByRole('region', { name: 'Reassign Iván Inactivo’s open tickets' });
      await panel.getByText('They have 2 open tickets assigned.').waitFor();
      await panel.getByLabel('Hand them to').selectOption({ label: 'Rosa Receptora' });
      // One ticket a batch; the connection drops on the second call: the dialog stops there.
      const batches = await oneTicketBatches(page, { hold: 2, abort: 2 });
      await panel.getByRole('button', { name: 'Reassign 2 tickets' }).click();
      await panel
        .getByTestId('reassign-progress')
        .getByText('Reassigning… 1 of 2 tickets')
        .waitFor();
      batches.release();
      const result = panel.getByTestId('reassign-result');
      await result.waitFor();
      expect(await result.innerText()).toContain(
        'The reassignment stopped on an error: 1 ticket had been reassigned to Rosa Receptora.',
      );
      expect(await result.innerText()).toContain(
        'You can try again: only what is still theirs is reassigned.',
      );
      expect(await panel.getByRole('alert').innerText()).toContain('Cannot reach the server.');
      await panel.getByText('They have 1 open ticket assigned.').waitFor();
      expect(await assigneesOf([moving, ended])).toEqual([taker.id, leaver.id]);

      // Trying again: a new pass reads the one left, which cannot move, and ends.
      await panel.getByRole('button', { name: 'Reassign 1 ticket' }).click();
      await result.getByText('No ticket was reassigned.').waitFor();
      expect(await panel.getByRole('alert').count()).toBe(0);
      expect(await result.innerText()).toContain(
        '1 ticket could not be reassigned; it stays theirs:',
      );
      expect(await result.getByTestId('reassign-failed').innerText()).toBe(
        `${ended}: The ticket is closed.`,
      );
      expect(await panel.getByTestId('reassign-count').innerText()).toBe(
        'They have 1 open ticket assigned.',
      );
      expect(await assigneesOf([moving, ended])).toEqual([taker.id, leaver.id]);
    } finally {
      await inSpanish(page);
    }
  });

  // Last in the file: it deactivates every other agent, the demo agent included (whose token the
  // world minted then ends for good), and reactivates them at the end.
  it('QA S63 #2 (L3-06, L3-07): the confirmation counts the remote sessions ahead, the confirmed one and the proposed one apart (not a declined one), and warns that they are the last active agent', async () => {
    const agent = await createUser('becken', 'Sofía Sesiones', Role.AGENT, 'sofia');
    // Three hours before the closing of the second business day ahead: inside business time.
    const year = new Date().getUTCFullYear();
    const at = new Date(
      addBusinessDays(defaultMexicoCityCalendar(year, year + 1), new Date(), 2).getTime() -
        3 * 3_600_000,
    ).toISOString();
    const act = async (role: Role, mutation: string, type: string, input: object) => {
      const { body } = await gql(
        e2e.world.api,
        `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq } }`,
        { input },
        e2e.world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
    };
    /** A ticket with a session the client then `answer`s (or leaves proposed), classified to the agent. */
    const withSession = async (subject: string, answer: 'accept' | 'decline' | 'none') => {
      const number = await registerProjectedTicket(e2e.world, {
        category: 'INCIDENT',
        subject,
        description: `${subject} desde ayer.`,
      });
      await act(Role.MANAGER, 'proposeRemoteSession', 'ProposeRemoteSessionInput', {
        number,
        at,
        durationMinutes: 60,
      });
      if (answer === 'accept') {
        await act(Role.CLIENT_USER, 'acceptRemoteSession', 'AcceptRemoteSessionInput', {
          number,
          proposal: 1,
        });
      } else if (answer === 'decline') {
        await act(Role.CLIENT_USER, 'declineRemoteSession', 'DeclineRemoteSessionInput', {
          number,
          proposal: 1,
          reason: 'Ese día cerramos',
        });
      }
      await act(Role.MANAGER, 'classifyTicket', 'ClassifyTicketInput', {
        number,
        classification: 'PROBLEM',
        agentId: agent.id,
      });
      return number;
    };
    await withSession('Revisemos el timbrado juntos', 'accept');
    await withSession('Revisemos la nómina juntos', 'decline');
    const proposed = await withSession('Revisemos las facturas juntos', 'none');
    await eventually(
      () =>
        e2e.world.db.query<{ number: string; answered: boolean }[]>(
          `SELECT number, (details -> 'remoteSession' ->> 'accepted') IS NOT NULL
                  OR (details -> 'remoteSession' ->> 'declined') IS NOT NULL AS answered
             FROM ticket WHERE assignee_id = $1`,
          [agent.id],
        ),
      (rows) => rows.length === 3 && rows.every((r) => r.answered === (r.number !== proposed)),
    );

    // Every other agent deactivated: she is the provider's last active one.
    const others = await e2e.world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user
        WHERE organization_kind = 'PROVIDER' AND active AND 'AGENT' = ANY(roles) AND id <> $1`,
      [agent.id],
    );
    expect(others.length).toBeGreaterThan(0);
    const setActive = async (userId: string, active: boolean) => {
      const { body } = await gql(
        e2e.world.api,
        `mutation ($userId: ID!, $active: Boolean!) { setUserActive(userId: $userId, active: $active) { id } }`,
        { userId, active },
        e2e.world.bearer(Role.ADMIN),
      );
      expect(body.errors).toBeUndefined();
    };
    try {
      for (const o of others) await setActive(o.id, false);

      const { page } = await newPage(e2e.browser, e2e.baseURL);
      const confirm = await askToDeactivate(page, 'Sofía Sesiones', agent.email);
      const sessions = confirm.getByTestId('deactivate-sessions');
      await sessions.waitFor();
      expect(await confirm.getByTestId('deactivate-assigned').innerText()).toContain(
        'Tiene 3 tickets abiertos asignados.',
      );
      // The confirmed session and the proposed one count, told apart; the declined one is in
      // nobody's calendar.
      expect(await sessions.innerText()).toBe(
        'Tiene 2 sesiones remotas por delante con clientes: 1 confirmada, cuya invitación recibe el nuevo agente al reasignar sus tickets, y 1 propuesta que el cliente aún no confirma, cuya invitación le llega cuando la confirme.',
      );
      const last = confirm.getByTestId('deactivate-last-agent');
      expect(await last.innerText()).toBe(
        'Es el último agente activo del proveedor: nadie podrá tomar los tickets nuevos hasta que active o cree otro.',
      );
      expect(await last.getAttribute('class')).toContain('notice-warning');
      // QA S65 #5: with nobody to hand them to, the hand-over says so and what to do; no form.
      await confirm.getByRole('button', { name: 'Reasignar sus tickets' }).click();
      const panel = confirm.getByRole('region', {
        name: 'Reasignar los tickets abiertos de Sofía Sesiones',
      });
      expect(await panel.getByTestId('reassign-no-agents').innerText()).toBe(
        'No hay otro agente activo a quien pasarlos. Active a un agente de esta lista o cree uno con «Crear usuario», y vuelva a «Reasignar sus tickets».',
      );
      expect(await panel.getByLabel('Pasarlos a').count()).toBe(0);
      expect(await panel.getByLabel('Nota para el equipo (opcional)').count()).toBe(0);
      expect(await panel.getByRole('button', { name: /^Reasignar \d/ }).count()).toBe(0);
      await panel.getByRole('button', { name: 'Cerrar' }).click();
      await panel.waitFor({ state: 'detached' });
    } finally {
      for (const o of others) await setActive(o.id, true);
    }
  });
});
