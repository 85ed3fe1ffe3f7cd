import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S63 #3, #9, #15 (L3-07): an inactive agent who still holds a ticket reads «(cuenta inactiva)» in the
// manager's daily work list («Consola») as in «Tickets» and on the ticket page, and on a phone
// the marker stays beside the name, not under the cell's label; the admin's disabled password link
// says why.

const MANAGER = 'gerente@becken.example';

describe('An inactive assignee is marked in every staff list (web app, QA S63 #3, #9)', () => {
  const e2e = useE2eWorldWithWorker('inactive_assignee_marks');
  let number = '';

  beforeAll(async () => {
    const email = `angel-${process.pid}-${Date.now()}@becken.example`;
    const created = await gql<{ createUser: { id: string } }>(
      e2e.world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: e2e.world.orgIds.becken,
          email,
          displayName: 'Ángel Saliente',
          roles: [Role.AGENT],
          temporaryPassword: 'saliente-largo-123',
        },
      },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const agentId = created.body.data!.createUser.id;
    number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'No timbra',
      description: 'No timbra desde ayer.',
    });
    const classified = await gql(
      e2e.world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number, classification: 'PROBLEM', agentId } },
      e2e.world.bearer(Role.AGENT),
    );
    expect(classified.body.errors).toBeUndefined();
    await eventually(
      () =>
        e2e.world.db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM ticket WHERE number = $1 AND assignee_id = $2',
          [number, agentId],
        ),
      ([{ n }]) => n === 1,
    );
    const deactivated = await gql(
      e2e.world.api,
      `mutation ($userId: ID!) { setUserActive(userId: $userId, active: false) { id } }`,
      { userId: agentId },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(deactivated.body.errors).toBeUndefined();
  });

  it('«Consola» marks the inactive assignee as «Tickets» does (QA S63 #3)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/consola');
    const row = page.locator('tr', { hasText: number });
    const cell = row.getByTestId('work-assignee');
    await cell.getByText('(cuenta inactiva)').waitFor();
    expect(await cell.innerText()).toBe('Ángel Saliente (cuenta inactiva)');
  });

  it('on a phone the marker stays beside the name, not in the label column (QA S63 #9)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 });
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto(`/tickets?mostrar=abiertos`);
    const cell = page
      .getByTestId('my-tickets')
      .locator('tr', { hasText: number })
      .getByTestId('ticket-assignee-cell');
    const name = cell.getByText('Ángel Saliente', { exact: false });
    const marker = cell.getByText('(cuenta inactiva)', { exact: true });
    await marker.waitFor();
    const [nameBox, markerBox, cellBox] = await Promise.all([
      name.first().boundingBox(),
      marker.boundingBox(),
      cell.boundingBox(),
    ]);
    // The cell is a grid of its label (left, ~40 %) and its content: both sit in the content.
    expect(nameBox!.x).toBeGreaterThan(cellBox!.x + cellBox!.width * 0.3);
    expect(markerBox!.x).toBeGreaterThan(cellBox!.x + cellBox!.width * 0.3);
  });

  it("an inactive user's disabled «Enlace de contraseña» says why (QA S63 #15)", async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, 'admin@becken.example', e2e.password('admin@becken.example'));
    await inSpanish(page);
    await page.goto('/usuarios');
    const link = page.getByRole('button', {
      name: 'Enlace de contraseña para Ángel Saliente: enviar un enlace para restablecer su contraseña',
    });
    await link.waitFor();
    expect(await link.isDisabled()).toBe(true);
    expect(await link.getAttribute('title')).toBe('Active la cuenta para enviarle un enlace.');
  });
});
