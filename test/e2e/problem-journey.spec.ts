import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { runningClockWord } from './support/running-clock';
import { openAction } from './support/ticket-actions';

// The problem path on the real stack (PostgreSQL, Temporal, the real worker), all in the browser:
// a client registers an incident (L3-05), the agent classifies it as a problem and the workflow
// assigns it (L3-07), the agent records progress and resolves it, the client confirms the
// resolution and sees the ticket closed. Then access: a client user of another organization who
// opens the ticket's URL gets "not found" and none of its data (L3-04). Along the way people are
// named, not only their roles: the assigned agent in the header, who acted in the timeline; and the
// agent hands the ticket to another agent (L3-07 reassignment).

const CLIENT = 'usuario@aurora.example';
const OTHER_CLIENT = 'usuario@tulum.example';
const AGENT = 'agente@becken.example';
const SUBJECT = 'Error al timbrar facturas';
const DESCRIPTION = 'El PAC rechaza el certificado desde esta mañana.';
const SECOND_AGENT = 'Ana Analista';

describe('Problem journey and ticket access (web app, real workflow)', () => {
  const e2e = useE2eWorldWithWorker('problem_journey');
  let page: Page;
  let number: string;

  const state = (p: Page) => p.getByTestId('ticket-state');

  /** The ticket page in Spanish (the demo agent's account is in English). */
  async function openTicket(p: Page): Promise<void> {
    await p.goto(`/tickets/${number}`);
    await p.getByRole('heading', { name: new RegExp(number) }).waitFor();
    await inSpanish(p);
    await p.getByRole('heading', { name: 'Acciones' }).waitFor();
  }

  it('a client registers an incident in the portal', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await page
      .getByRole('region', { name: 'Nuevo ticket' })
      .getByLabel('Categoría')
      .selectOption({ label: 'Incidente' });
    await page.getByLabel('Asunto').fill(SUBJECT);
    await page.getByLabel('Descripción').fill(DESCRIPTION);
    await page.getByRole('button', { name: 'Registrar ticket' }).click();
    const registered = page.getByTestId('registered');
    await registered.waitFor();
    // QA (WCAG 2.4.3): the focus goes to the notice, announced as a status, not to the page.
    expect(await registered.getAttribute('role')).toBe('status');
    await page.waitForFunction(
      "document.activeElement?.getAttribute('data-testid') === 'registered'",
    );
    const match = /Ticket (L3-\d{4}-\d{6}) registrado\./.exec(await registered.innerText());
    expect(match).not.toBeNull();
    number = match![1];
    const row = page.getByTestId('my-tickets').getByRole('row', { name: new RegExp(number) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Registrado');
  });

  it('the agent classifies it as a problem: assigned automatically, in analysis (L3-07)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    await openTicket(page);
    expect(await state(page).innerText()).toBe('Registrado');
    // QA S43: the browser tab names the ticket, not only the app.
    expect(await page.title()).toBe(`${number} ${SUBJECT} · Soporte L3`);

    const classify = await openAction(page, 'Clasificar');
    // An incident is most likely a problem: the form starts there (the agent may change it).
    expect(await classify.getByRole('radio', { name: 'Problema' }).isChecked()).toBe(true);
    expect(await classify.getByLabel('Tipo de requerimiento').count()).toBe(0);
    // L3-07: the agent may name the assignee; left as is, the least-loaded agent gets it.
    const assignTo = classify.getByLabel('Asignar a');
    await assignTo.getByRole('option', { name: 'Alex Agent' }).waitFor({ state: 'attached' });
    expect(await assignTo.inputValue()).toBe('');
    // QA S43: its first choice is shown whole, «Automático (el agente con menos carga)», not cut
    // at one grid column (the text's width, the padding and the arrow within the box).
    const selectId = JSON.stringify(await assignTo.getAttribute('id'));
    expect(
      await page.evaluate(`(() => {
        const select = document.getElementById(${selectId});
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d');
        context.font = style.font;
        const text = context.measureText(select.options[select.selectedIndex].text).width;
        const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        return text + padding + 24 <= select.clientWidth;
      })()`),
    ).toBe(true);
    // QA: the note says who reads it (a classification note reaches the client's timeline).
    const classifyNote = classify.getByLabel('Nota (opcional)');
    const hintId = await classifyNote.getAttribute('aria-describedby');
    expect(await classify.locator(`[id="${hintId}"]`).innerText()).toBe(
      'El cliente la lee en el historial del ticket.',
    );
    await classify.getByRole('button', { name: 'Clasificar', exact: true }).click();
    await page.getByText('Clasificar: listo. Estado: En análisis.').waitFor();
    // The form closed: the focus is on its success notice, not lost to the page (QA).
    await page.waitForFunction(
      "document.activeElement?.textContent === 'Clasificar: listo. Estado: En análisis.'",
    );
    expect(await state(page).innerText()).toBe('En análisis');
    expect(await page.getByTestId('ticket-header').innerText()).toContain('Problema');
    const clocks = page.getByTestId('clocks');
    expect(await clocks.getByRole('row', { name: /Atención inicial/ }).innerText()).toContain(
      'Cumplido',
    );
    expect(await clocks.getByRole('row', { name: /Avance periódico/ }).innerText()).toContain(
      runningClockWord(),
    );
    // The workflow assigned it (no one picked an agent): the header and the timeline name him.
    await page.getByTestId('timeline').getByTestId('event-ASSIGNED').waitFor();
    expect(await page.getByTestId('ticket-assignee').innerText()).toBe('Alex Agent');
    const assigned = page.getByTestId('timeline').getByTestId('event-ASSIGNED');
    expect(await assigned.innerText()).toContain('Asignado a un agente');
    expect(await assigned.innerText()).toContain('Asignado a Alex Agent');
    const classified = await page.getByTestId('timeline').getByTestId('event-classify').innerText();
    expect(classified).toContain('Alex Agent (Agente L3)');
    const registered = await page
      .getByTestId('timeline')
      .getByTestId('event-registered')
      .innerText();
    expect(registered).toContain('Úrsula Usuaria');
  });

  it('the agent hands it to another agent: the header and the timeline say who (L3-07)', async () => {
    // A second active agent, issued by the provider's admin.
    const world = e2e.world;
    const [provider] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE kind = 'PROVIDER' LIMIT 1`,
    );
    const created = await gql(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: provider.id,
          email: `ana-${Date.now()}@becken.example`,
          displayName: SECOND_AGENT,
          roles: ['AGENT'],
          temporaryPassword: 'una-clave-larga-1',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();

    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    await openTicket(page);
    const form = await openAction(page, 'Reasignar');
    const agentField = form.getByLabel('Nuevo agente asignado');
    // The agent who has it is not offered; without a choice nothing is sent.
    await agentField.getByRole('option', { name: SECOND_AGENT }).waitFor({ state: 'attached' });
    expect(await agentField.getByRole('option', { name: 'Alex Agent' }).count()).toBe(0);
    await form.getByRole('button', { name: 'Reasignar', exact: true }).click();
    await form.getByText('Complete el campo «Nuevo agente asignado».').waitFor();
    await agentField.selectOption({ label: SECOND_AGENT });
    // The hand-over note says who reads it (QA, L3-07): the team, not the client.
    await form
      .getByLabel('Nota interna (solo la ve el equipo)')
      .fill('Ana conoce el diario de Ventas.');
    await form.getByRole('button', { name: 'Reasignar', exact: true }).click();
    await page.getByText('Reasignar: listo. Estado: En análisis.').waitFor();
    expect(await page.getByTestId('ticket-assignee').innerText()).toBe(SECOND_AGENT);
    const moved = await page.getByTestId('timeline').getByTestId('event-reassign').innerText();
    expect(moved).toContain('Ticket reasignado');
    expect(moved).toContain('Alex Agent (Agente L3)');
    expect(moved).toContain(`Asignado a ${SECOND_AGENT}`);
    expect(moved).toContain('Ana conoce el diario de Ventas.');
    expect(moved).toContain('Nota interna');
    await screenshot(page, '39-agent-reassigned');
  });

  it('a reply to the client counts as a progress update: the form says so, the timeline marks it (L3-07)', async () => {
    const REPLY = 'Revisamos el certificado con el PAC; le escribimos en cuanto lo renueven.';
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    await openTicket(page);
    const box = page.getByTestId('comment-box');
    const notice = box.getByTestId('reply-counts-as-progress');
    // The progress clock runs: a reply to the client (the default) counts; an internal note not.
    expect(await notice.innerText()).toBe(
      'Cuenta como avance: al enviarla se reinicia el plazo de «Avance periódico», igual que con «Registrar avance».',
    );
    // It describes «Enviar», so it is heard on the button, before sending.
    const describedBy = await box
      .getByRole('button', { name: 'Enviar' })
      .getAttribute('aria-describedby');
    expect(describedBy).toBe(await notice.getAttribute('id'));
    await box.getByRole('radio', { name: 'Nota interna' }).check();
    await notice.waitFor({ state: 'detached' });
    expect(
      await box.getByRole('button', { name: 'Enviar' }).getAttribute('aria-describedby'),
    ).toBeNull();
    await box.getByRole('radio', { name: 'Respuesta al cliente' }).check();
    await notice.waitFor();
    await box.getByRole('textbox').fill(REPLY);
    await box.getByRole('button', { name: 'Enviar' }).click();
    await box.getByText('Comentario enviado.').waitFor();
    const reply = page
      .getByTestId('timeline')
      .getByTestId('event-comment')
      .filter({ hasText: REPLY });
    await reply.waitFor();
    await reply.getByTestId('counts-as-progress').waitFor();
    expect(await reply.getByTestId('counts-as-progress').innerText()).toBe('Cuenta como avance');
    // The progress clock restarted: its first run is folded under the running one.
    const earlier = page.getByTestId('clock-earlier-toggle-progress');
    await earlier.waitFor();
    expect(await earlier.innerText()).toContain('1 plazo anterior');
    expect(
      await page.getByTestId('clock-kind-progress').getByTestId('clock-current').innerText(),
    ).toContain(runningClockWord());
    await page.getByRole('button', { name: 'English' }).click();
    await reply.getByText('Counts as a progress update', { exact: true }).waitFor();
    await box
      .getByText(
        'Counts as a progress update: sending it restarts the “Progress cadence” clock, as “Add progress update” does.',
      )
      .waitFor();
    await inSpanish(page);
  });

  it('the agent records progress and resolves it', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    await openTicket(page);
    expect(await state(page).innerText()).toBe('En análisis');

    // QA S20: the problem path's ask has the triage's name, and says its clock pauses (L3-07).
    const ask = await openAction(page, 'Pedir información al cliente');
    await ask
      .getByTestId('waitOnClient-explain')
      .getByText(
        'El cliente recibe la nota por correo. El reloj «Avance periódico» se pausa hasta que responda: la espera no cuenta en el SLA.',
        { exact: true },
      )
      .waitFor();

    const progress = await openAction(page, 'Registrar avance');
    // The note is required: without it nothing is sent.
    await progress.getByRole('button', { name: 'Registrar avance', exact: true }).click();
    await progress.getByText('Complete el campo «Nota».').waitFor();
    await progress.getByLabel('Nota').fill('Reproducido en pruebas: el certificado venció.');
    await progress.getByRole('button', { name: 'Registrar avance', exact: true }).click();
    await page.getByText('Registrar avance: listo. Estado: En análisis.').waitFor();
    await page.getByTestId('timeline').getByText('Avance registrado').waitFor();
    // L3-07: the cadence met and started again at once is one line, with its new deadline (it
    // was «SLA cumplido: Avance periódico» and «Reloj de SLA iniciado: Avance periódico»), for the
    // reply that counted as progress and for this update.
    await page
      .getByTestId('timeline')
      .getByText(/^SLA cumplido y reiniciado: Avance periódico\. Vence el \d/)
      .last()
      .waitFor();
    expect(
      await page.getByTestId('timeline').getByTestId('event-CLOCK_MET').allInnerTexts(),
    ).not.toContainEqual(expect.stringContaining('Avance periódico'));
    expect(await page.getByTestId('timeline').innerText()).toContain(
      'Reproducido en pruebas: el certificado venció.',
    );
    // QA: the success notice is worded at render time: it follows the language switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Add progress update: done. State: In analysis.').waitFor();
    await inSpanish(page);
    const progressDone = page.getByText('Registrar avance: listo. Estado: En análisis.');
    await progressDone.waitFor();

    // Resolved from another tab: this page's notice about «En análisis» goes with the live change.
    const tab = await page.context().newPage();
    await openTicket(tab);
    const resolve = await openAction(tab, 'Resolver');
    await resolve
      .getByLabel('Nota')
      .fill('Certificado renovado; las facturas se timbran de nuevo.');
    await resolve.getByRole('button', { name: 'Resolver', exact: true }).click();
    await tab.getByText('Resolver: listo. Estado: Resuelto.').waitFor();
    await tab.close();
    await state(page).filter({ hasText: 'Resuelto' }).waitFor();
    await progressDone.waitFor({ state: 'hidden' });
    await screenshot(page, '40-agent-problem-resolved');
  });

  it('the client confirms the resolution and sees the ticket closed', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    // The client sees who has its ticket, in the list and on the page.
    const listed = page.getByTestId('my-tickets').getByRole('row', { name: new RegExp(number) });
    expect(await listed.innerText()).toContain(SECOND_AGENT);
    // Resolved, nothing runs: the list shows when it closes by itself instead (L3-07).
    expect(await listed.getByTestId('auto-close-summary').innerText()).toMatch(
      /^Cierre automático: /,
    );
    await page.getByTestId('my-tickets').getByRole('link', { name: number }).click();
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    expect(await state(page).innerText()).toBe('Resuelto');
    expect(await page.getByTestId('ticket-assignee').innerText()).toBe(SECOND_AGENT);
    expect(await page.getByTestId('timeline').innerText()).toContain(
      'Certificado renovado; las facturas se timbran de nuevo.',
    );
    // L3-07: the client sees the hand-over, not the team's note about it.
    const handOver = await page.getByTestId('timeline').getByTestId('event-reassign').innerText();
    expect(handOver).toContain(`Asignado a ${SECOND_AGENT}`);
    expect(handOver).not.toContain('Ana conoce el diario de Ventas.');
    // A problem has no estimates: no empty «Estimaciones» card (QA S51).
    await page.getByRole('heading', { name: 'Relojes de SLA' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Estimaciones' }).count()).toBe(0);
    // L3-07: the client sees when the ticket closes by itself unless it answers.
    expect(await page.getByTestId('ticket-auto-close').innerText()).toMatch(
      /, si no confirma la solución ni reabre el ticket$/,
    );

    // QA: the client's note is labelled in their words («Motivo» to reopen), without the hint
    // staff get about the client reading it.
    const reopen = await openAction(page, 'Reabrir');
    expect(
      await reopen.getByLabel('Motivo', { exact: true }).getAttribute('aria-describedby'),
    ).toBe(null);
    await reopen.getByRole('button', { name: 'Cerrar formulario', exact: true }).click();
    await reopen.waitFor({ state: 'detached' });
    // QA S51: a resolved ticket is confirmed or reopened, never cancelled.
    expect(
      await page
        .getByTestId('actions')
        .getByRole('button', { name: 'Cancelar ticket', exact: true })
        .count(),
    ).toBe(0);
    // QA S16: the client must give the reason (it read «Nota»).
    const unreasoned = await openAction(page, 'Reabrir');
    await unreasoned.getByRole('button', { name: 'Reabrir', exact: true }).click();
    await unreasoned.getByText('Complete el campo «Motivo».').waitFor();
    // The refusal on screen follows the language switch (it kept its Spanish words until the
    // next submit).
    await page.getByRole('button', { name: 'English' }).click();
    await unreasoned.getByText('Fill in “Reason”.').waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await unreasoned.getByText('Complete el campo «Motivo».').waitFor();
    await unreasoned.getByRole('button', { name: 'Cerrar formulario', exact: true }).click();
    await unreasoned.waitFor({ state: 'detached' });

    const confirm = await openAction(page, 'Confirmar solución');
    await confirm.getByRole('button', { name: 'Confirmar solución', exact: true }).click();
    await page.getByText('Confirmar solución: listo. Estado: Cerrado.').waitFor();
    expect(await state(page).innerText()).toBe('Cerrado');
    await page.getByTestId('timeline').getByText('Solución confirmada').waitFor();
    expect(await page.getByTestId('ticket-auto-close').count()).toBe(0);
    // Closed: nothing left to confirm or reopen.
    const actions = page.getByTestId('actions');
    expect(await actions.getByRole('button', { name: 'Confirmar solución' }).count()).toBe(0);
    expect(await actions.getByRole('button', { name: 'Reabrir' }).count()).toBe(0);
    // Nor to cancel: a closed ticket offers no action at all.
    await actions.getByText('No tiene acciones disponibles en este estado.').waitFor();
    expect(await actions.getByRole('button', { name: 'Cancelar ticket' }).count()).toBe(0);
    await screenshot(page, '41-client-problem-closed');

    await page.goto('/mis-tickets');
    const row = page.getByTestId('my-tickets').getByRole('row', { name: new RegExp(number) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Cerrado');
  });

  it("a client user of another organization who opens the ticket's URL sees not found, none of its data (L3-04)", async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, OTHER_CLIENT, e2e.password(OTHER_CLIENT));
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    // Its own list does not show the other organization's ticket.
    await page.getByText('No hay tickets.').waitFor();
    expect(await page.getByRole('link', { name: number }).count()).toBe(0);

    await page.goto(`/tickets/${number}`);
    await page.getByText('No se encontró lo que busca', { exact: false }).waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(SUBJECT);
    expect(body).not.toContain(DESCRIPTION);
    expect(await page.getByTestId('ticket-state').count()).toBe(0);
    expect(await page.getByTestId('timeline').count()).toBe(0);
    expect(await page.getByTestId('actions').count()).toBe(0);
    await screenshot(page, '42-other-client-not-found');
  });
});
