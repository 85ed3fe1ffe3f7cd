import { addBusinessDays, defaultMexicoCityCalendar } from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { formatInstant, formatInstantWithDay } from '../../web/src/i18n/format';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';
import { datetimeLocal } from '../support/calendar-month';

// L3-06 in the browser, on the real stack: an agent proposed a remote session with a meeting link
// and a duration; the client's ticket page shows it as a time range in the client's zone with
// «Unirse a la sesión», and the client confirms it («Confirmar»). The ticket stays in «Sesión
// remota propuesta»; «Confirmar» is no longer offered («Proponer otro horario / No puedo» is),
// and the agent sees the confirmation on the page and in the history. No clock runs while the
// ticket waits for the confirmed session, and the lists say so with its time, not «Sin plazo en
// curso» (QA S60b #9): the client's «Mis tickets», staff's list and the Console's work list.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const LINK = 'https://meet.example.com/abc-defg-hij';

/** Three hours before the closing of the `n`th business day from now: inside business time. */
function businessHour(n = 2): string {
  const year = new Date().getUTCFullYear();
  const calendar = defaultMexicoCityCalendar(year, year + 1);
  return new Date(addBusinessDays(calendar, new Date(), n).getTime() - 3 * 3_600_000).toISOString();
}

const NOTE = 'Tenga a la mano el UUID del CFDI.';
/** The demo users work in Mexico City. */
const ZONE = 'America/Mexico_City';

/** A cell's text with its wrapping whitespace as one space (a date may wrap before its time). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('The client confirms a remote session (web app, L3-06)', () => {
  const e2e = useE2eWorldWithWorker('remote_session');

  /**
   * A ticket with a remote session proposed by the agent, open on the client's page in Spanish
   * (its session card shown).
   */
  async function proposedToClient(
    subject: string,
    description: string,
    session: { durationMinutes: number; note?: string },
  ) {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject,
      description,
    });
    const at = businessHour();
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: ProposeRemoteSessionInput!) { proposeRemoteSession(input: $input) { seq } }`,
      { input: { number, at, link: LINK, ...session } },
      e2e.world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    const card = page.getByTestId('remote-session');
    await card.waitFor();
    return { number, at, page, card };
  }

  it('the client sees the session with its link and confirms it; staff see the confirmation', async () => {
    const { number, at, page, card } = await proposedToClient(
      'No timbra la factura',
      'Error al timbrar facturas de noviembre.',
      { durationMinutes: 90, note: NOTE },
    );
    // A range (start–end) in the client's words, with the duration and the link as a button.
    expect(await card.getByTestId('remote-session-range').innerText()).toMatch(
      /\d:\d\d.*–.*\d:\d\d/,
    );
    expect(await card.innerText()).toContain('90 min');
    // Its zone in words, as every other date says it, never the IANA id (QA S50).
    expect(await card.getByTestId('remote-session-zone').innerText()).toBe(
      'hora de la Ciudad de México (UTC−6)',
    );
    // Its note once, in the card: the banner asking for an answer does not repeat it (QA S55).
    expect(await card.innerText()).toContain(NOTE);
    await page.getByTestId('waiting-on-you').waitFor();
    expect(await page.getByTestId('waiting-on-you-request').count()).toBe(0);
    expect(await page.getByTestId('waiting-on-you').innerText()).not.toContain(NOTE);
    const join = card.getByRole('link', { name: 'Unirse a la sesión' });
    expect(await join.getAttribute('href')).toBe(LINK);

    const actions = page.getByTestId('actions');
    await actions.getByRole('button', { name: 'Proponer otro horario / No puedo' }).waitFor();
    const form = await openAction(page, 'Confirmar');
    expect(await form.getByTestId('acceptRemoteSession-explain').innerText()).toBe(
      'Al confirmar, avisa al equipo que asistirá a la sesión en ese horario. Tenga la información a la mano.',
    );
    await form.getByRole('button', { name: 'Confirmar', exact: true }).click();
    await actions
      .getByRole('status')
      .filter({
        hasText:
          'Sesión confirmada: el equipo sabe que asistirá. Estado: Sesión remota confirmada.',
      })
      .waitFor();
    // QA S62 #2: the state reads confirmed wherever it is shown (it still read «propuesta»).
    await page.getByTestId('ticket-state').getByText('Sesión remota confirmada').waitFor();
    await card.getByTestId('remote-session-accepted').waitFor();
    // The client reads it about themself, not «El cliente la confirmó» (QA S55).
    expect(await card.getByTestId('remote-session-accepted').innerText()).toMatch(
      /^Usted la confirmó el \d/,
    );
    // Confirmed once; the client can still say it cannot attend.
    expect(await actions.getByRole('button', { name: 'Confirmar', exact: true }).count()).toBe(0);
    await actions.getByRole('button', { name: 'Proponer otro horario / No puedo' }).waitFor();

    // QA S60b #9: «Mis tickets» says what comes next and when, in the client's zone (L3-06).
    await page.goto('/mis-tickets');
    const mine = page
      .getByTestId('my-tickets')
      .getByRole('row')
      .filter({ hasText: number })
      .getByTestId('idle-due');
    await mine.getByText('Sesión remota', { exact: false }).waitFor();
    expect(oneLine(await mine.innerText())).toBe(
      oneLine(`Sesión remota: ${formatInstant(at, 'es-MX', ZONE)}`),
    );
    const mineRow = page.getByTestId('my-tickets').getByRole('row').filter({ hasText: number });
    expect(await mineRow.innerText()).toContain('Sesión remota confirmada');
    expect(await mineRow.innerText()).not.toContain('Sesión remota propuesta');
    // Its client's queue («Cola») says so too (QA S62 #2, L3-10).
    await page.goto('/cola');
    const queued = page
      .getByTestId('client-queue')
      .getByTestId('queue-entry')
      .filter({ hasText: number });
    await queued.getByText('Sesión remota confirmada', { exact: false }).waitFor();
    expect(await queued.innerText()).not.toContain('Sesión remota propuesta');

    // The agent sees the confirmation on the page and in the history.
    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    // The Console's work list, in the agent's English, then their ticket list, in Spanish (QA
    // S60b #9): the session and its time, not «No running deadline».
    await agent.goto('/consola');
    const work = agent.getByTestId('queue').locator(`tr[data-number="${number}"]`);
    await work.getByTestId('idle-due').getByText('Remote session', { exact: false }).waitFor();
    expect(oneLine(await work.getByTestId('idle-due').innerText())).toBe(
      oneLine(`Remote session: ${formatInstant(at, 'en', ZONE)}`),
    );
    expect(await work.innerText()).toContain('Remote session confirmed');
    expect(await work.innerText()).not.toContain('Remote session proposed');
    await inSpanish(agent);
    await agent.goto(`/tickets?mios=0&q=${number}`);
    const listed = agent
      .getByTestId('my-tickets')
      .getByRole('row')
      .filter({ hasText: number })
      .getByTestId('idle-due');
    await listed.getByText('Sesión remota', { exact: false }).waitFor();
    expect(oneLine(await listed.innerText())).toBe(
      oneLine(`Sesión remota: ${formatInstant(at, 'es-MX', ZONE)}`),
    );
    await agent.goto(`/tickets/${number}`);
    await inSpanish(agent);
    await agent.getByTestId('remote-session-accepted').waitFor();
    expect(await agent.getByTestId('remote-session-accepted').innerText()).toMatch(
      /^El cliente la confirmó el \d/,
    );
    expect(await agent.getByTestId('ticket-state').innerText()).toBe('Sesión remota confirmada');
    const event = agent.getByTestId('timeline').getByTestId('event-acceptRemoteSession');
    await event.waitFor();
    expect(await event.innerText()).toContain('Sesión remota confirmada por el cliente');
    expect(
      await agent.getByTestId('timeline').getByTestId('event-remote-session').innerText(),
    ).toContain('90 min');

    // Once the ticket ended, its page no longer heads with the session; the timeline keeps it
    // (QA S50: a declined session still showed after «Cerrado»).
    const cancelled = await gql(
      e2e.world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { seq } }`,
      { input: { number, note: 'Ya quedó resuelto por otra vía.' } },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(cancelled.body.errors).toBeUndefined();
    await agent.reload();
    await agent.getByTestId('timeline').getByTestId('event-remote-session').waitFor();
    expect(await agent.getByTestId('remote-session').count()).toBe(0);
  });

  // QA S55: the decline form asked for the optional time before the required reason, and its
  // answer read «Proponer otro horario / No puedo: listo. Estado: Registrado.»
  it('the client says they cannot attend: the reason first, then what happens next', async () => {
    const { page } = await proposedToClient(
      'No cierra el inventario',
      'El cierre de inventario de noviembre falla.',
      { durationMinutes: 60 },
    );
    const form = await openAction(page, 'Proponer otro horario / No puedo');
    const labels = await form.locator('label').allInnerTexts();
    const reason = labels.indexOf('¿Por qué no puede en ese horario?');
    expect(reason).toBeGreaterThanOrEqual(0);
    expect(labels.indexOf('Horario que le conviene (opcional)')).toBeGreaterThan(reason);
    await form.getByLabel('¿Por qué no puede en ese horario?').fill('Ese día cerramos el mes.');
    await form
      .getByRole('button', { name: 'Proponer otro horario / No puedo', exact: true })
      .click();
    await page
      .getByTestId('actions')
      .getByRole('status')
      .filter({
        hasText:
          'Avisamos al equipo que no puede en ese horario; le propondrá otro. Estado: Registrado.',
      })
      .waitFor();
    expect(await page.getByTestId('actions').innerText()).not.toContain('listo');
  });

  // QA S60b #6: after a decline the agent retyped the duration, link and note to propose again.
  // QA S62 #2: the declined proposal still headed the agent's page as «Sesión remota … [Unirse a
  // la sesión]»; QA S62 #3: the client's suggested time was only text to retype, in one zone.
  it('after a decline, the agent proposes again from the declined proposal: its duration, link and note, with the reason; the suggested time in both zones, one click away (QA S62 #2, #3)', async () => {
    const { number } = await proposedToClient(
      'No concilia el banco',
      'La conciliación bancaria de noviembre no cuadra.',
      { durationMinutes: 90, note: NOTE },
    );
    const suggestedAt = businessHour(3);
    const declined = await gql(
      e2e.world.api,
      `mutation ($input: DeclineRemoteSessionInput!) { declineRemoteSession(input: $input) { seq } }`,
      { input: { number, proposal: 1, reason: 'Ese día cerramos el mes.', suggestedAt } },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(declined.body.errors).toBeUndefined();

    // The agent works in Tijuana (Mi cuenta); the client's calendar counts in Mexico City.
    const AGENT_ZONE = 'America/Tijuana';
    const zoned = await gql(
      e2e.world.api,
      `mutation ($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { timeZone } }`,
      { input: { timeZone: AGENT_ZONE } },
      e2e.world.bearer(Role.AGENT),
    );
    expect(zoned.body.errors).toBeUndefined();
    try {
      await proposeAgainAfterDecline(number, suggestedAt, AGENT_ZONE);
    } finally {
      await gql(
        e2e.world.api,
        `mutation ($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { timeZone } }`,
        { input: { timeZone: ZONE } },
        e2e.world.bearer(Role.AGENT),
      );
    }
  });

  async function proposeAgainAfterDecline(number: string, suggestedAt: string, agentZone: string) {
    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await agent.goto(`/tickets/${number}`);
    await inSpanish(agent);
    // QA S62 #2: the declined proposal is not the session to come: headed as not accepted, the
    // decline first, its time as what was proposed, and nothing to join.
    const card = agent.getByTestId('remote-session');
    await card.getByTestId('remote-session-declined').waitFor();
    const header = agent.getByTestId('ticket-header');
    expect(await header.locator('dt').allInnerTexts()).toContain('Sesión remota no aceptada');
    expect(await header.locator('dt').allInnerTexts()).not.toContain('Sesión remota');
    expect(await card.getByTestId('remote-session-join').count()).toBe(0);
    expect(await card.getByRole('link', { name: 'Unirse a la sesión' }).count()).toBe(0);
    expect(await card.innerText()).toMatch(/^El cliente no puede en ese horario/);
    expect(await card.innerText()).toContain('Horario propuesto: ');
    // The suggestion in the agent's zone, and in the client calendar's under it.
    const inCalendar = `Para el cliente (hora de la Ciudad de México, UTC−6): ${formatInstantWithDay(suggestedAt, 'es-MX', ZONE)}`;
    expect(oneLine(await card.getByTestId('remote-session-declined').innerText())).toContain(
      oneLine(`Horario que sugiere: ${formatInstant(suggestedAt, 'es-MX', agentZone)}`),
    );
    expect(oneLine(await card.getByTestId('clock-deadline-calendar-zone').innerText())).toBe(
      oneLine(inCalendar),
    );

    const form = await openAction(agent, 'Proponer sesión remota');
    expect(await form.getByLabel('Duración (minutos)').inputValue()).toBe('90');
    expect(await form.getByLabel('Enlace de la reunión (opcional)').inputValue()).toBe(LINK);
    expect(await form.locator('textarea').first().inputValue()).toBe(NOTE);
    // Not the declined time: the client could not make it.
    expect(await form.getByLabel('Fecha y hora de la sesión').inputValue()).toBe('');
    const why = form.getByTestId('declined-proposal');
    expect(await why.innerText()).toContain('El cliente no puede en el horario propuesto (');
    expect(await why.innerText()).toContain('Motivo: Ese día cerramos el mes.');
    expect(await why.innerText()).toContain('Horario que sugiere:');
    expect(await why.innerText()).toContain(
      'La duración, el enlace y la nota vienen de esa propuesta: elija otro horario.',
    );

    // QA S62 #3: the suggestion in both zones, and «Usar el horario sugerido» puts it in the
    // date field, in the agent's zone (the field's).
    const suggested = why.getByTestId('declined-proposal-suggested');
    expect(oneLine(await suggested.innerText())).toBe(
      oneLine(
        `Horario que sugiere: ${formatInstant(suggestedAt, 'es-MX', agentZone)} ${inCalendar}`,
      ),
    );
    await why.getByRole('button', { name: 'Usar el horario sugerido' }).click();
    expect(await form.getByLabel('Fecha y hora de la sesión').inputValue()).toBe(
      datetimeLocal(suggestedAt, agentZone),
    );
    await agent.getByRole('button', { name: 'English' }).click();
    await why.getByRole('button', { name: 'Use the suggested time' }).waitFor();
    await agent.getByRole('button', { name: 'Español' }).click();

    // Sent with only the time chosen: the new proposal keeps what was prefilled.
    await form.getByRole('button', { name: 'Proponer sesión remota', exact: true }).click();
    await agent.getByTestId('remote-session-awaiting').waitFor();
    const { body } = await gql<{
      ticket: {
        remoteSession: {
          proposal: number;
          durationMinutes: number;
          link: string;
          note: string;
          at: string;
        };
      };
    }>(
      e2e.world.api,
      `query ($number: String!) { ticket(number: $number) { remoteSession { proposal durationMinutes link note at } } }`,
      { number },
      e2e.world.bearer(Role.AGENT),
    );
    expect(body.data!.ticket.remoteSession).toEqual({
      proposal: 2,
      durationMinutes: 90,
      link: LINK,
      note: NOTE,
      at: new Date(Date.parse(suggestedAt) - (Date.parse(suggestedAt) % 60_000)).toISOString(),
    });
  }

  // QA S62 (L3-06): staff had no way to withdraw a session they no longer need (the issue was
  // fixed before it).
  it('the agent withdraws the confirmed session with a note: the ticket goes back to «Registrado», the card and the history say so', async () => {
    const { number, page: client } = await proposedToClient(
      'No timbra la nota de crédito',
      'Error al timbrar notas de crédito.',
      { durationMinutes: 60 },
    );
    // Not the client's to withdraw.
    await client.getByTestId('actions').getByRole('button', { name: 'Confirmar' }).waitFor();
    expect(
      await client
        .getByTestId('actions')
        .getByRole('button', { name: 'Retirar sesión remota' })
        .count(),
    ).toBe(0);
    const accepted = await gql(
      e2e.world.api,
      `mutation ($input: AcceptRemoteSessionInput!) { acceptRemoteSession(input: $input) { seq } }`,
      { input: { number, proposal: 1 } },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(accepted.body.errors).toBeUndefined();

    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await agent.goto(`/tickets/${number}`);
    await inSpanish(agent);
    await agent.getByTestId('remote-session-accepted').waitFor();
    const form = await openAction(agent, 'Retirar sesión remota');
    expect(await form.getByTestId('withdrawRemoteSession-explain').innerText()).toContain(
      'El cliente recibe la cancelación',
    );
    await form.locator('textarea').first().fill('Ya quedó corregido el timbrado.');
    await form.getByRole('button', { name: 'Retirar sesión remota', exact: true }).click();
    await agent
      .getByTestId('actions')
      .getByRole('status')
      .filter({
        hasText:
          'Sesión retirada: avisamos al cliente y la quitamos de los calendarios que la tenían. Estado: Registrado.',
      })
      .waitFor();
    const withdrawn = agent.getByTestId('remote-session-withdrawn');
    await withdrawn.waitFor();
    // QA S65 #2: staff read who withdrew it; the client keeps «El equipo» (below).
    expect(await withdrawn.innerText()).toMatch(/^Alex Agent retiró la sesión el \d/);
    expect(await withdrawn.innerText()).toContain('Ya quedó corregido el timbrado.');
    expect(await agent.getByTestId('remote-session-join').count()).toBe(0);
    // QA S63 #14: the client's page heads it as withdrawn, its time struck out, and no longer
    // shows «Usted la confirmó» as if the session stood.
    await client.reload();
    const card = client.getByTestId('remote-session');
    await card.getByTestId('remote-session-withdrawn').waitFor();
    expect(await client.getByText('Sesión remota retirada', { exact: true }).count()).toBe(1);
    expect(await card.locator('p').first().innerText()).toMatch(/^El equipo retiró la sesión el /);
    expect(await card.locator('del[data-testid="remote-session-range"]').count()).toBe(1);
    expect(await card.innerText()).toContain('Horario retirado: ');
    expect(await card.getByTestId('remote-session-accepted').count()).toBe(0);
    const event = agent.getByTestId('timeline').getByTestId('event-withdrawRemoteSession');
    await event.waitFor();
    expect(await event.innerText()).toContain('Sesión remota retirada por el equipo');
    // Nothing pending: no second withdrawal offered.
    expect(
      await agent
        .getByTestId('actions')
        .locator('.action-buttons')
        .getByRole('button', { name: 'Retirar sesión remota', exact: true })
        .count(),
    ).toBe(0);
  });

  // QA S62: a form's notice said «(ahora: Sesión remota propuesta)» for a session the client had
  // confirmed, where the page's state reads «Sesión remota confirmada».
  it('a comment being written while a session is proposed and confirmed: its notice reads «(ahora: Sesión remota confirmada)», as the page', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'No timbra el complemento de pago',
      description: 'Error al timbrar complementos de pago.',
    });
    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await agent.goto(`/tickets/${number}`);
    await inSpanish(agent);
    const comments = agent.getByTestId('comment-box');
    const REPLY = 'Revisaré el certificado antes de la sesión.';
    await comments.locator('#comment-body').fill(REPLY);

    const proposed = await gql(
      e2e.world.api,
      `mutation ($input: ProposeRemoteSessionInput!) { proposeRemoteSession(input: $input) { seq } }`,
      { input: { number, at: businessHour(), link: LINK, durationMinutes: 30 } },
      e2e.world.bearer(Role.AGENT),
    );
    expect(proposed.body.errors).toBeUndefined();
    const accepted = await gql(
      e2e.world.api,
      `mutation ($input: AcceptRemoteSessionInput!) { acceptRemoteSession(input: $input) { seq } }`,
      { input: { number, proposal: 1 } },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(accepted.body.errors).toBeUndefined();

    await agent.getByTestId('ticket-state').getByText('Sesión remota confirmada').waitFor();
    const notice = comments.getByTestId('ticket-updated-notice');
    await notice.getByText('(ahora: Sesión remota confirmada).', { exact: false }).waitFor();
    expect(await notice.innerText()).not.toContain('Sesión remota propuesta');
    expect(await comments.locator('#comment-body').inputValue()).toBe(REPLY);
  });

  // QA S63 (L3-06): a session still ahead after classification could not be withdrawn.
  it('after classification the agent withdraws the confirmed session: the ticket stays «En análisis», the form says so, and no second withdrawal is offered', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'No timbra el complemento de pago',
      description: 'Error al timbrar complementos de pago.',
    });
    const staff = e2e.world.bearer(Role.AGENT);
    const steps: [string, string, object, Record<string, string>][] = [
      [
        'proposeRemoteSession',
        'ProposeRemoteSessionInput',
        { number, at: businessHour(), link: LINK, durationMinutes: 60 },
        staff,
      ],
      [
        'acceptRemoteSession',
        'AcceptRemoteSessionInput',
        { number, proposal: 1 },
        e2e.world.bearer(Role.CLIENT_USER),
      ],
    ];
    for (const [mutation, type, input, headers] of steps) {
      const { body } = await gql(
        e2e.world.api,
        `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq } }`,
        { input },
        headers,
      );
      expect(body.errors).toBeUndefined();
    }
    const me = await gql<{ me: { id: string } }>(e2e.world.api, '{ me { id } }', {}, staff);
    const classified = await gql(
      e2e.world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number, classification: 'PROBLEM', agentId: me.body.data!.me.id } },
      staff,
    );
    expect(classified.body.errors).toBeUndefined();

    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await agent.goto(`/tickets/${number}`);
    await inSpanish(agent);
    await agent.getByTestId('remote-session-accepted').waitFor();
    const form = await openAction(agent, 'Retirar sesión remota');
    expect(await form.getByTestId('withdrawRemoteSession-explain').innerText()).toContain(
      'El ticket sigue en «En análisis» y sus plazos no cambian.',
    );
    await form.getByRole('button', { name: 'Retirar sesión remota', exact: true }).click();
    await agent
      .getByTestId('actions')
      .getByRole('status')
      .filter({
        hasText:
          'Sesión retirada: avisamos al cliente y la quitamos de los calendarios que la tenían. Estado: En análisis.',
      })
      .waitFor();
    await agent.getByTestId('remote-session-withdrawn').waitFor();
    expect(
      await agent
        .getByTestId('actions')
        .locator('.action-buttons')
        .getByRole('button', { name: 'Retirar sesión remota', exact: true })
        .count(),
    ).toBe(0);
  });
});
