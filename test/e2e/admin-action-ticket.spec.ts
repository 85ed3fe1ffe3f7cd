import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-17 and L3-16 on an admin-action ticket's page, on the real stack: the odoo.sh actions
// provider staff recorded are listed (which action, when it was EXECUTED, by whom, details) for
// the client and staff, and the history line names the action and its executed time. The agent
// is warned while the client keeps no confirmed Odoo admin user for the provider (L3-16); the
// warning goes once a manager confirms it, and the client never sees it. The warning is live: on
// an open page it goes when a manager records the user elsewhere and comes back when it is
// cleared, without a reload (the change notifies the ticket's `ticketChanged`).

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const DETAILS = 'Respaldo manual prod-2026-11 antes de la actualización';

const ODOO_ADMIN = `mutation ($input: RecordOdooAdminUserInput!) {
  recordOdooAdminUser(input: $input) { odooAdminMissing }
}`;

describe('Admin-action ticket page (web app, L3-16, L3-17)', () => {
  const e2e = useE2eWorldWithWorker('admin_action_ticket');
  let number: string;
  /**
   * When the action was executed: the ticket's registration instant, the earliest the API takes.
   * The page must show this instant (its `<time>`'s own), not the one the action was recorded at.
   */
  let executedAt: string;

  const recordOdooAdmin = async (login: string | null, role = Role.ADMIN) => {
    const { body } = await gql<{ recordOdooAdminUser: { odooAdminMissing: boolean } }>(
      e2e.world.api,
      ODOO_ADMIN,
      { input: { organizationId: e2e.world.orgIds['comercializadora-aurora'], login } },
      e2e.world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.recordOdooAdminUser.odooAdminMissing;
  };

  beforeAll(async () => {
    number = await registerProjectedTicket(e2e.world, {
      category: 'ADMIN_ACTION',
      subject: 'Respaldo de producción',
      description: 'Antes de la actualización, un respaldo de la rama de producción.',
    });
    const { body: read } = await gql<{ ticket: { registeredAt: string } }>(
      e2e.world.api,
      'query ($number: String!) { ticket(number: $number) { registeredAt } }',
      { number },
      e2e.world.bearer(Role.AGENT),
    );
    executedAt = read.data!.ticket.registeredAt;
    const { body } = await gql(
      e2e.world.api,
      'mutation ($input: RecordAdminActionInput!) { recordAdminAction(input: $input) { seq } }',
      { input: { number, action: 'BACKUP', details: DETAILS, executedAt } },
      e2e.world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    await eventually(
      () =>
        e2e.world.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ticket_event
            WHERE ticket_number = $1 AND type = 'recordAdminAction'`,
          [number],
        ),
      ([{ n }]) => n === 1,
    );
    // No Odoo admin user recorded for the client (L3-16), whatever the seed says.
    expect(await recordOdooAdmin(null)).toBe(true);
  }, 60_000);

  const card = (p: Page) => p.getByRole('region', { name: 'Acciones administrativas (odoo.sh)' });
  const warning = (p: Page) => card(p).getByTestId('odoo-admin-missing');

  /** The action's row: kind, executed time (the `<time>`'s own), by whom, details. */
  async function expectActionListed(p: Page): Promise<void> {
    const row = card(p).getByTestId('admin-action');
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('rowheader').innerText()).toBe('Respaldo');
    const time = row.locator('time');
    expect(await time.getAttribute('datetime')).toBe(executedAt);
    const executed = await time.innerText();
    const text = await row.innerText();
    expect(text).toContain('Alex Agent');
    expect(text).toContain(DETAILS);
    // The history line names the action and when it was executed (not when it was recorded).
    const line = p.getByTestId('timeline').getByTestId('event-recordAdminAction');
    expect(await line.getByTestId('event-admin-action').innerText()).toBe(
      `Respaldo · ejecutada el ${executed}`,
    );
  }

  it('L3-17/L3-16: the agent sees each action (kind, executed time, by whom, details) and the missing Odoo admin user warning; the client sees the list only', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    await card(page).waitFor();
    await expectActionListed(page);
    await warning(page).waitFor();
    expect(await warning(page).innerText()).toBe(
      'Este cliente no tiene un usuario administrador de Odoo confirmado para el proveedor.',
    );
    await screenshot(page, '75-agent-admin-action-ticket');

    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await client.goto(`/tickets/${number}`);
    await inSpanish(client);
    await card(client).waitFor();
    await expectActionListed(client);
    expect(await warning(client).count()).toBe(0);
  });

  it('L3-16: the warning is gone once the Odoo admin user is recorded and confirmed', async () => {
    expect(await recordOdooAdmin('becken-admin@aurora.example')).toBe(false);
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    await expectActionListed(page);
    expect(await warning(page).count()).toBe(0);
  });

  it('L3-16: on an open page the warning goes when a manager records the Odoo admin user, and comes back when it is cleared, without a reload', async () => {
    expect(await recordOdooAdmin(null, Role.MANAGER)).toBe(true);
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    await expectActionListed(page);
    await warning(page).waitFor();
    await page.locator('[data-testid=live-status][data-status=live]').waitFor();
    // The page stays the same document: a reload would lose this mark.
    await page.evaluate('window.__sameDocument = true');

    expect(await recordOdooAdmin('becken-admin@aurora.example', Role.MANAGER)).toBe(false);
    await warning(page).waitFor({ state: 'detached' });

    expect(await recordOdooAdmin(null, Role.MANAGER)).toBe(true);
    await warning(page).waitFor();
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });

  it('L3-16: on an ended admin-action ticket the warning is moot: it goes live when the client cancels it, and an ended ticket opened later shows none', async () => {
    const cancelled = await registerProjectedTicket(e2e.world, {
      category: 'ADMIN_ACTION',
      subject: 'Reinicio del servidor de pruebas',
      description: 'Reiniciar la rama de pruebas.',
    });
    // Still no Odoo admin user recorded (the previous case cleared it).
    expect(await recordOdooAdmin(null)).toBe(true);
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto(`/tickets/${cancelled}`);
    await inSpanish(page);
    await warning(page).waitFor();
    await page.locator('[data-testid=live-status][data-status=live]').waitFor();
    await page.evaluate('window.__sameDocument = true');

    const { body } = await gql<{ cancelTicket: { ticket: { state: string } } }>(
      e2e.world.api,
      'mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { ticket { state } } }',
      { input: { number: cancelled, note: 'Ya no hace falta el reinicio.' } },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.cancelTicket.ticket.state).toBe('CANCELLED');
    await page.getByTestId('ticket-state').getByText('Cancelado').waitFor();
    await warning(page).waitFor({ state: 'detached' });
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    // The card itself stays (its actions are still the audit trail).
    await card(page).waitFor();

    const later = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(later, AGENT, e2e.password(AGENT));
    await later.goto(`/tickets/${cancelled}`);
    await inSpanish(later);
    await later.getByTestId('ticket-state').getByText('Cancelado').waitFor();
    await card(later).waitFor();
    expect(await warning(later).count()).toBe(0);
  });
});
