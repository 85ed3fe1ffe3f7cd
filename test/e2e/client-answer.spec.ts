import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-06 / L3-07 / L3-11 in the browser, on the real stack: the client answered by WhatsApp, and
// the agent records that answer on the ticket page («Registrar respuesta del cliente», with the
// channel and what the client said). The ticket moves on as with the client's own answer, the
// agent gets the success notice, and the history (staff's and client's) says who recorded it and
// how it came.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const ANSWER = 'Usan Odoo 17 Enterprise en odoo.sh; el error sale al timbrar.';

describe("The client's answer off the portal (web app, L3-06, L3-07, L3-11)", () => {
  const e2e = useE2eWorldWithWorker('client_answer');

  const act = async (role: Role, mutation: string, input: Record<string, unknown>) => {
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: TicketActionInput!) { ${mutation}(input: $input) { seq } }`,
      { input },
      e2e.world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
  };

  const answerLine = (p: Page) => p.getByTestId('timeline').getByTestId('event-client-answer');

  it('an agent records the answer the client gave by WhatsApp; the history says who and how', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'No timbra la factura',
      description: 'Error al timbrar facturas de noviembre.',
    });
    await act(Role.AGENT, 'requestInformation', { number, note: '¿Qué versión de Odoo usan?' });

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    const actions = page.getByTestId('actions');
    await actions.getByRole('button', { name: 'Registrar respuesta del cliente' }).click();
    const form = page.getByTestId('action-form-recordClientAnswer');
    await form.waitFor();
    // The note is required: nothing is sent without it.
    await form.getByRole('button', { name: 'Registrar respuesta del cliente' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'Completa el campo «Lo que respondió el cliente».' })
      .waitFor();
    await form.getByLabel('Medio por el que respondió').selectOption('WHATSAPP');
    await form.getByLabel('Lo que respondió el cliente').fill(ANSWER);
    await screenshot(page, '80-agent-record-client-answer');
    await form.getByRole('button', { name: 'Registrar respuesta del cliente' }).click();
    await actions
      .getByRole('status')
      .filter({ hasText: 'Registrar respuesta del cliente: listo. Estado: Registrado.' })
      .waitFor();
    await answerLine(page).waitFor();
    expect(await answerLine(page).innerText()).toBe(
      'Alex Agent (Agente L3) registró la respuesta del cliente recibida por WhatsApp:',
    );
    const item = page.getByTestId('timeline').getByTestId('event-recordClientAnswer');
    expect(await item.innerText()).toContain(ANSWER);
    // Back in triage, nothing waits on the client: the action is no longer offered.
    expect(
      await actions.getByRole('button', { name: 'Registrar respuesta del cliente' }).count(),
    ).toBe(0);

    // The client reads the same line in its history.
    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await client.goto(`/tickets/${number}`);
    await answerLine(client).waitFor();
    expect(await answerLine(client).innerText()).toContain(
      'registró la respuesta del cliente recibida por WhatsApp:',
    );
    expect(
      await client.getByTestId('timeline').getByTestId('event-recordClientAnswer').innerText(),
    ).toContain(ANSWER);
  });
});
