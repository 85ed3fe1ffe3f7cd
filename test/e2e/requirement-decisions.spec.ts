import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { calendarToday } from '../support/calendar-month';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { registerTicket } from '../support/world-with-worker';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// QA S18, the requirement path as the people who live it (L3-09): what the client writes when it
// asks for a re-estimate or reports failures in testing is one field named for what it is, and
// the agent releasing a requirement with no hours logged is told that the client's acceptance
// closes the ticket and gives the reserved hours back (L3-12). The history shows an
// authorization's written statement, labelled, beside the approver's note (a note hid it).

const APPROVER = 'aprobador@aurora.example';
const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';

describe('The client decisions and the release on a requirement (web app, L3-09, L3-12)', () => {
  const e2e = useE2eWorldWithWorker('requirement_decisions');

  /** The client on the page of a requirement of 4 h released for testing (L3-09). */
  const clientOnReleased = async (subject: string): Promise<Page> => {
    const number = await ticketJourneys(e2e.world).requirementReleasedForTesting(
      { subject, hours: 4 },
      'Listo en la base de pruebas.',
    );
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    return page;
  };

  it('a re-estimate request asks one thing, what should change, which the estimates table keeps', async () => {
    const number = await ticketJourneys(e2e.world).estimatedRequirement({
      subject: 'Reporte de comisiones',
      hours: 12,
      scope: 'Reporte de comisiones por vendedor, con exportación a Excel',
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Pedir reestimación');
    const change = form.getByLabel('Qué debe cambiar en la estimación');
    await change.waitFor();
    // One box: a «Motivo» and a «Nota» beside it said one thing twice, and the agent's email
    // quoted the note.
    expect(await form.locator('textarea').count()).toBe(1);

    await form.getByRole('button', { name: 'Pedir reestimación', exact: true }).click();
    await form.getByText('Complete el campo «Qué debe cambiar en la estimación».').waitFor();
    // The field says it is invalid and is described by the message (QA S18, screen readers).
    expect(await change.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await change.getAttribute('aria-describedby')) ?? '';
    expect(await form.getByRole('alert').getAttribute('id')).toBe(describedBy.split(' ')[0]);
    await change.fill('Cotícenlo sin la exportación a Excel.');
    await form.getByRole('button', { name: 'Pedir reestimación', exact: true }).click();
    await page.getByText('Pedir reestimación: listo.', { exact: false }).waitFor();
    expect(await page.getByTestId('estimate-v1-decision').innerText()).toMatch(
      /^Motivo: Cotícenlo sin la exportación a Excel\./,
    );
  });

  it('the history shows the written authorization and the note beside it, to the client and to staff (L3-09)', async () => {
    const number = await ticketJourneys(e2e.world).estimatedRequirement({
      subject: 'Reporte de cartera vencida',
      hours: 3,
    });
    const statement = 'Autorizo por escrito las 3 horas del reporte de cartera.';
    const note = 'Avísenme <b>antes</b> de publicarlo.';
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Autorizar estimación');
    await form.getByLabel('Autorización por escrito').fill(statement);
    await form.getByLabel('Nota (opcional)').fill(note);
    await form.getByRole('button', { name: 'Autorizar estimación', exact: true }).click();
    await page.getByText('Autorizar estimación: listo.', { exact: false }).waitFor();

    /** The authorization's line in the history of `p`: its statement, then its note. */
    const authorized = async (p: Page, label: string) => {
      const line = p.getByTestId('timeline').getByTestId('event-authorizeEstimate');
      await line.getByTestId('event-statement').getByText(label).waitFor();
      return {
        statement: await line.getByTestId('event-statement').innerText(),
        // The note is shown as written (plain text, not markup).
        note: await line.getByText(note, { exact: true }).innerText(),
      };
    };
    expect(await authorized(page, 'Autorización por escrito')).toEqual({
      statement: `Autorización por escrito: ${statement}`,
      note,
    });

    // Staff read it too; the agent's account reads English.
    const agent = await newPage(e2e.browser, e2e.baseURL);
    await logIn(agent.page, AGENT, e2e.password(AGENT));
    await agent.page.goto(`/tickets/${number}`);
    expect(await authorized(agent.page, 'Written authorization')).toEqual({
      statement: `Written authorization: ${statement}`,
      note,
    });
    await agent.page.getByRole('button', { name: 'Español' }).click();
    expect(await authorized(agent.page, 'Autorización por escrito')).toEqual({
      statement: `Autorización por escrito: ${statement}`,
      note,
    });
    // The choice is remembered in the browser: the later tests read the agent's English.
    await agent.page.getByRole('button', { name: 'English' }).click();
  });

  it('failures found in testing are asked for by that name, not «Nota»', async () => {
    const page = await clientOnReleased('Reporte de cobranza');
    const form = await openAction(page, 'Reportar fallas');
    const failures = form.getByLabel('Fallas encontradas');
    await failures.waitFor();
    expect(await form.getByText(/^Nota/).count()).toBe(0);
    await failures.fill('El Excel sale sin encabezados.');
    await form.getByRole('button', { name: 'Reportar fallas', exact: true }).click();
    await page.getByText('Reportar fallas: listo. Estado: En desarrollo.').waitFor();
  });

  it('«Aceptar entrega» says before the button the hours the closure charges and gives back (QA S20)', async () => {
    // 3 h logged of the 4 h authorized: the figures «Ticket cerrado» then reports (L3-12/L3-13).
    const journeys = ticketJourneys(e2e.world);
    const number = await journeys.requirementInDevelopment({
      subject: 'Reporte de devoluciones',
      hours: 4,
    });
    await journeys.logTime(number, 3);
    await journeys.act(Role.AGENT, 'releaseForTesting', { number });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Aceptar entrega');
    const explain = form.getByTestId('acceptDelivery-explain');
    await explain
      .getByText(
        'Al aceptar, el ticket se cierra. Se cobrarán 3 h de las 4 h autorizadas; se devolverá 1 h a su paquete.',
        { exact: true },
      )
      .waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await explain
      .getByText(
        'Accepting closes the ticket. 3 h of the 4 h authorized will be charged, and 1 h goes back to your package.',
        { exact: true },
      )
      .waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
  });

  it('by keyboard, an action form takes the focus to its first field and Esc closes it, back on its button', async () => {
    const number = await ticketJourneys(e2e.world).estimatedRequirement({
      subject: 'Reporte de inventario',
      hours: 5,
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const reject = page
      .getByTestId('actions')
      .getByRole('button', { name: 'Rechazar estimación', exact: true });
    const focused = () => page.evaluate<string>("document.activeElement?.id ?? ''");
    await reject.focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('action-form-rejectEstimate');
    await form.waitFor();
    expect(await focused()).toBe('action-rejectEstimate-estimate');

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('action-rejectEstimate-reason');
    await page.keyboard.type('Demasiadas horas.');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    // Back on the button, whose form kept the text as a draft.
    expect(await page.evaluate<string>("document.activeElement?.getAttribute('data-action')")).toBe(
      'rejectEstimate',
    );
    await page.getByTestId('draft-mark').waitFor();
    await page.keyboard.press('Enter');
    expect(await form.getByLabel('Motivo del rechazo').inputValue()).toBe('Demasiadas horas.');
  });

  it('releasing with no hours logged says the acceptance closes the ticket; with hours, not', async () => {
    const journeys = ticketJourneys(e2e.world);
    const number = await journeys.requirementInDevelopment({
      subject: 'Tablero de ventas',
      hours: 3,
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    const openRelease = async () => {
      await page.goto(`/tickets/${number}`);
      return openAction(page, 'Release for testing');
    };
    const warning =
      'No hours are logged on this ticket yet. Log them before releasing: once the client accepts the release, the ticket closes and the reserved hours not used go back to their balance.';

    let form = await openRelease();
    await form.getByText(warning).waitFor();

    // Hours logged: the form says nothing of it.
    const { body } = await gql<Record<string, unknown>>(
      e2e.world.api,
      `mutation ($input: LogTimeInput!) { logTime(input: $input) { id } }`,
      {
        input: {
          ticketNumber: number,
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          date: calendarToday(),
          hours: 2,
          description: 'Tablero y filtros.',
        },
      },
      e2e.world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    form = await openRelease();
    await form.getByText('Hours logged on this ticket: 2 h.').waitFor();
    expect(await form.getByText(warning).count()).toBe(0);
  });

  it("estimating, the agent reads the client's available hours and when the estimate exceeds them (L3-12)", async () => {
    const number = await registerTicket(e2e.world, { subject: 'Tablero de cobranza' });
    await ticketJourneys(e2e.world).act(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
      'ClassifyTicketInput',
    );
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Submit estimate');
    const balance = form.getByTestId('estimate-balance');
    await balance.waitFor();
    const available = Number(
      /^The client has ([\d.]+) h available\.$/.exec(await balance.innerText())?.[1],
    );
    expect(available).toBeGreaterThan(0);
    await form.getByLabel('Estimated hours').fill(String(available + 10));
    await form
      .getByText(
        "It exceeds the client's available hours by 10 h: they cannot authorize it without buying more hours.",
      )
      .waitFor();
    await form.getByLabel('Estimated hours').fill(String(available));
    await form.getByText(`The client has ${available} h available.`).waitFor();
  });
});
