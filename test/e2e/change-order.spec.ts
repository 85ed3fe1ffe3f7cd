import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// L3-12 change orders in the browser, on the real stack: an agent whose time on a requirement in
// development goes beyond the authorized estimate is told to register a change order, sends one
// («Orden de cambio»: additional hours and their reason) from the ticket page; the approver
// authorizes it in writing in the web app (the estimate's authorization form), and the agent then
// logs the hours beyond the original estimate.

const AGENT = 'agente@becken.example';
const APPROVER = 'aprobador@aurora.example';
const USER = 'usuario@aurora.example';
const STATEMENT = 'Autorizo por escrito las 3 horas adicionales de la exportación por sucursal.';

describe('Change orders (web app, L3-12)', () => {
  const e2e = useE2eWorldWithWorker('change_order');
  let number: string;

  const api = async (role: Role, query: string, variables: Record<string, unknown>) => {
    const { body } = await gql<Record<string, unknown>>(
      e2e.world.api,
      query,
      variables,
      e2e.world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const act = (role: Role, mutation: string, inputType: string, input: object) =>
    api(role, `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { seq } }`, {
      input,
    });

  beforeAll(async () => {
    // A development requirement estimated at 2 h, authorized, dated and in development (L3-08,
    // L3-09), with 1.5 h already logged.
    const journeys = ticketJourneys(e2e.world);
    number = await journeys.requirementInDevelopment({
      subject: 'Exportar pedidos por sucursal',
      description: 'Un botón para exportar los pedidos del mes por sucursal.',
      hours: 2,
      scope: 'Exportación a Excel',
      statement: 'Autorizo por escrito las 2 horas de la exportación.',
    });
    // The ticket was registered today: the work is logged today (L3-12).
    await journeys.logTime(number, 1.5);
  }, 180_000);

  const logHours = async (page: Page, hours: string, description: string) => {
    const section = page.getByTestId('time-entries');
    await section.getByLabel('Horas', { exact: true }).fill(hours);
    await section.getByLabel('Descripción', { exact: true }).fill(description);
    await section.getByRole('button', { name: 'Registrar horas' }).click();
    return section;
  };

  it('agent submits a change order, the approver authorizes it in the web app, the agent logs beyond the original estimate', async () => {
    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await agent.goto(`/tickets/${number}`);
    // The demo agent reads English; the page in Spanish here.
    await inSpanish(agent);

    // 0.5 h of the 2 authorized are left: 2 h are refused, and the refusal says what to do.
    const section = await logHours(agent, '2', 'Filtro por sucursal');
    await section.getByText('Excede las horas autorizadas de la estimación').waitFor();
    const refusal = await section.getByRole('alert').innerText();
    expect(refusal).toContain('quedan 0.5 h de la estimación autorizada');
    expect(refusal).toContain('registre una orden de cambio');
    // QA S59: the button was disabled while it sent, so the focus fell to the page; the refusal
    // takes it, where a keyboard or screen-reader user goes on (not the top of the page).
    expect(await agent.evaluate('document.activeElement?.getAttribute("role") ?? null')).toBe(
      'alert',
    );
    expect(
      await section.getByRole('alert').evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);

    const actions = agent.getByTestId('actions');
    const form = await openAction(agent, 'Orden de cambio');
    expect(await form.getByTestId('change-order-explain').innerText()).toContain(
      'horas adicionales a las 2 h autorizadas',
    );
    await form.getByLabel('Horas adicionales', { exact: true }).fill('3');
    await form
      .getByLabel('Motivo y alcance de las horas adicionales')
      .fill('El cliente pidió separar la exportación por sucursal.');
    await form.getByRole('button', { name: 'Orden de cambio', exact: true }).click();
    await agent.getByText('Orden de cambio: listo. Estado: En desarrollo.').waitFor();
    const estimates = agent.getByTestId('estimates');
    await estimates.getByText('Orden de cambio +3 h').waitFor();
    expect(await estimates.innerText()).toContain('total 5 h');
    // One pending at a time: the action is gone until the client decides.
    expect(
      await actions.getByRole('button', { name: 'Orden de cambio', exact: true }).count(),
    ).toBe(0);
    expect(await agent.getByTestId('timeline').innerText()).toContain('Orden de cambio enviada');

    const approver = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(approver, APPROVER, e2e.password(APPROVER));
    await approver.goto(`/tickets/${number}`);
    await approver.getByTestId('estimates').getByText('Orden de cambio +3 h').waitFor();
    const authorize = await openAction(approver, 'Autorizar orden de cambio');
    await authorize
      .getByTestId('authorize-hours')
      .getByText(
        'Se reservarán 3 h adicionales de sus horas prepagadas (el total autorizado pasa a 5 h).',
      )
      .waitFor();
    // Without the written statement nothing is sent.
    await authorize.getByRole('button', { name: 'Autorizar orden de cambio', exact: true }).click();
    await authorize.getByText('Complete el campo «Autorización por escrito».').waitFor();
    await authorize.getByLabel('Autorización por escrito').fill(STATEMENT);
    await authorize.getByRole('button', { name: 'Autorizar orden de cambio', exact: true }).click();
    await approver.getByText('Autorizar orden de cambio: listo. Estado: En desarrollo.').waitFor();
    const row = approver.getByTestId('estimates').getByRole('row', { name: /Orden de cambio/ });
    await row.getByText('Autorizada').waitFor();
    const authorizations = await approver.getByTestId('authorizations').innerText();
    expect(authorizations).toContain(STATEMENT);
    // Named as what it authorized: the change order and its hours, not «la estimación v2».
    expect(authorizations).toContain('Arturo Aprobador autorizó la orden de cambio v2 (+3 h)');
    expect(authorizations).not.toContain('autorizó la estimación v2');
    await screenshot(approver, '80-approver-change-order-authorized');

    // The agent's page follows; now the 2 h fit (0.5 + 3 left).
    await agent
      .getByTestId('estimates')
      .getByRole('row', { name: /Orden de cambio/ })
      .getByText('Autorizada')
      .waitFor();
    await logHours(agent, '2', 'Filtro por sucursal');
    await section.getByText('Se registraron 2 h.').waitFor();
    expect(await section.getByTestId('time-entries-total').innerText()).toBe(
      'Total descontado: 3.5 h',
    );
    await screenshot(agent, '81-agent-hours-after-change-order');
  });

  it('rejecting a change order says what it does; one pending when the ticket is cancelled is withdrawn («Retirada»)', async () => {
    await act(Role.AGENT, 'submitChangeOrder', 'SubmitChangeOrderInput', {
      number,
      additionalHours: 1,
      scope: 'Agregar la columna de vendedor.',
    });
    const approver = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(approver, APPROVER, e2e.password(APPROVER));
    await approver.goto(`/tickets/${number}`);
    const reject = await openAction(approver, 'Rechazar orden de cambio');
    expect(await reject.getByTestId('rejectChangeOrder-explain').innerText()).toBe(
      'Rechazar no reserva horas adicionales; el trabajo sigue dentro de las horas ya autorizadas.',
    );
    // A portal user is told a change order (not an estimate) waits, and only what they may do.
    const user = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(user, USER, e2e.password(USER));
    await user.goto(`/tickets/${number}`);
    expect(await user.getByTestId('approver-needed').innerText()).toBe(
      'Esta orden de cambio espera la autorización por escrito de un aprobador de su organización; mientras, el trabajo sigue dentro de las horas ya autorizadas. Usted puede cancelar el ticket.',
    );
    await act(Role.CLIENT_USER, 'cancelTicket', 'TicketActionInput', {
      number,
      note: 'Ya no se necesita la exportación.',
    });
    const row = approver
      .getByTestId('estimates')
      .getByRole('row', { name: /Orden de cambio \+1 h/ });
    await row.getByText('Retirada').waitFor();
    expect(await row.getByText('Enviada').count()).toBe(0);
  });
});
