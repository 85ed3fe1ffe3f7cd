import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// L3-06 / L3-07 / L3-11 in the browser, on the real stack: the client answered by WhatsApp, and
// the agent records that answer on the ticket page («Registrar respuesta del cliente», with the
// channel and what the client said). The ticket moves on as with the client's own answer, the
// agent gets the success notice, and the history (staff's and client's) says who recorded it and
// how it came. The client's side (L3-06, L3-07, L3-09): while the provider waits on the client,
// its ticket page says so in a banner «Se necesita su respuesta» (the request's words, since when,
// «Responder» to the answer box) that goes once the state moves (its own answer, or live when
// staff record one); staff never see it; the client's list marks those tickets «Su respuesta»
// and «Mostrar: Esperan mi respuesta» lists only them.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations inside `selector` (the part of the page this spec adds). */
async function audit(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate<string[]>(
    `axe.run(${JSON.stringify(selector)}, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((r) => r.violations.map((v) => v.id + ': ' + v.help))`,
  );
}

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

  const banner = (p: Page) => p.getByTestId('waiting-on-you');
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
    const form = await openAction(page, 'Registrar respuesta del cliente');
    // The note is required: nothing is sent without it.
    await form.getByRole('button', { name: 'Registrar respuesta del cliente' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'Complete el campo «Lo que respondió el cliente».' })
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
  it('the client sees «Se necesita su respuesta» while the provider waits; it goes after the answer, live too', async () => {
    const waiting = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'Falla el timbrado de nómina',
      description: 'Error al timbrar la nómina quincenal.',
    });
    await gql(
      e2e.world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number: waiting, classification: 'PROBLEM' } },
      e2e.world.bearer(Role.AGENT),
    );
    await act(Role.AGENT, 'waitOnClient', {
      number: waiting,
      note: '¿Nos comparte el XML de la nómina que falla?',
    });
    const asked = await registerProjectedTicket(e2e.world, {
      category: 'QUESTION',
      subject: '¿Cómo cancelo un CFDI?',
      description: 'Necesito cancelar un CFDI de octubre.',
    });
    await act(Role.AGENT, 'requestInformation', {
      number: asked,
      note: '¿Qué motivo de cancelación?',
    });
    const quiet = await registerProjectedTicket(e2e.world, {
      category: 'QUESTION',
      subject: 'Duda sobre reportes',
      description: 'Sin novedades.',
    });

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    // The list: «Su respuesta» on the tickets waiting on the client, and a «Mostrar» for them.
    await page.goto('/mis-tickets');
    const row = (n: string) =>
      page.getByTestId('my-tickets').getByRole('row').filter({ hasText: n });
    await row(asked).getByTestId('your-turn').waitFor();
    expect(await row(asked).getByTestId('your-turn').innerText()).toBe('Su respuesta');
    expect(await row(quiet).getByTestId('your-turn').count()).toBe(0);
    // The waiting ticket's state says it already: «Esperando su respuesta», without the badge
    // repeating it.
    expect(await row(waiting).locator('td[data-label="Estado"]').innerText()).toBe(
      'Esperando su respuesta',
    );
    // QA S21: nothing is due because the provider waits on them, not «Sin plazo en curso».
    expect(await row(waiting).getByTestId('idle-due').innerText()).toBe('Esperando su respuesta');
    expect(await row(asked).getByTestId('idle-due').innerText()).toBe('Esperando su respuesta');
    await page.getByLabel('Mostrar').selectOption({ label: 'Esperan mi respuesta' });
    await page.waitForURL(/mostrar=por-responder/);
    // The old rows leave first (the list says «Cargando…» while it reads the new choice); the
    // new list is there once its first row is.
    await row(quiet).waitFor({ state: 'detached' });
    await row(waiting).waitFor();
    expect(await row(waiting).count()).toBe(1);
    expect(await row(asked).count()).toBe(1);
    expect(await audit(page, '[data-testid=my-tickets]')).toEqual([]);
    await screenshot(page, '80-client-list-your-answer');

    // The ticket page says what is needed and since when; «Responder» goes to the answer box.
    await page.goto(`/tickets/${waiting}`);
    await banner(page).waitFor();
    const text = await banner(page).innerText();
    expect(text).toContain('Se necesita su respuesta');
    expect(text).toMatch(
      /Desde el .+ esperamos su respuesta para seguir trabajando en este ticket\./,
    );
    expect(text).toContain('¿Nos comparte el XML de la nómina que falla?');
    expect(text).toContain('cuando responda sigue con el tiempo que le quedaba');
    expect(await audit(page, '[data-testid=waiting-on-you]')).toEqual([]);
    await screenshot(page, '80-client-waiting-banner');
    await banner(page).getByRole('button', { name: 'Responder' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('comment-body');
    await page.locator('#comment-body').fill('Les adjunto el XML por correo.');
    await page.getByTestId('comment-box').getByRole('button', { name: 'Enviar' }).click();
    // The answer resumes the analysis: the banner goes.
    await page.getByTestId('ticket-state').getByText('En análisis').waitFor();
    await banner(page).waitFor({ state: 'detached' });

    // Live: staff record the answer the client gave by phone; the open page drops the banner.
    await page.goto(`/tickets/${asked}`);
    await banner(page).waitFor();
    expect(await banner(page).innerText()).toContain('¿Qué motivo de cancelación?');
    await page.locator('[data-testid=live-status][data-status=live]').waitFor();
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: RecordClientAnswerInput!) { recordClientAnswer(input: $input) { seq } }`,
      { input: { number: asked, note: 'Error en la razón social.', channel: 'PHONE' } },
      e2e.world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    await banner(page).waitFor({ state: 'detached' });
    await page.getByTestId('ticket-state').getByText('Registrado').waitFor();

    // Staff never see the client's banner.
    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await act(Role.AGENT, 'waitOnClient', { number: waiting, note: '¿Y el PDF?' });
    await agent.goto(`/tickets/${waiting}`);
    await agent.getByTestId('ticket-state').waitFor();
    await agent.getByTestId('actions').waitFor();
    expect(await banner(agent).count()).toBe(0);
    // Their list says the clock is paused on the client and the business time it keeps (QA S21).
    await agent.goto(`/tickets?mios=0&q=${waiting}`);
    const due = agent
      .getByTestId('my-tickets')
      .getByRole('row')
      .filter({ hasText: waiting })
      .getByTestId('idle-due');
    await due.getByText('En pausa: esperando al cliente').waitFor();
    const listed = await due.innerText();
    expect(listed).toMatch(/^En pausa: esperando al cliente\s+Restante: .+ hábiles?$/);
    // So does the Console's work list, not «Sin plazo en curso» (QA S21).
    await agent.goto('/consola');
    const workDue = agent
      .getByTestId('queue')
      .locator(`tr[data-number="${waiting}"]`)
      .getByTestId('idle-due');
    await workDue.getByText('En pausa: esperando al cliente').waitFor();
    expect(await workDue.innerText()).toBe(listed);
  });
});
