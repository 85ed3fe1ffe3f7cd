import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { demoContract } from '../support/demo-contract';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { runningClockWord } from './support/running-clock';

// Session 13 QA (S13-B): screens a helpdesk user found lacking, on the real stack (PostgreSQL,
// Temporal, the real worker): the SLA clocks of a ticket with many progress updates (L3-07), the
// history's «Solo conversación» (L3-07, L3-11), pending invitations and corrected emails (L3-04), the
// confirmation before a holiday moves deadlines and the history's recomputed deadline (L3-06), the
// SLA board and hours ledger on a 390 px phone, and time zones named in words.

const CLIENT = 'usuario@aurora.example';
const CLIENT_PACKAGE = demoContract('comercializadora-aurora').reference;
const MANAGER = 'gerente@becken.example';
const ADMIN = 'admin@becken.example';

const CLASSIFY = `mutation ($input: ClassifyTicketInput!) {
  classifyTicket(input: $input) { seq } }`;
const PROGRESS = `mutation ($input: TicketActionInput!) {
  addProgressUpdate(input: $input) { seq } }`;
const COMMENT = `mutation ($number: String!, $body: String!) {
  addComment(number: $number, body: $body) { seq } }`;

describe('QA screens (S13-B, web app, real workflow)', () => {
  const e2e = useE2eWorldWithWorker('qa_screens');
  let page: Page;
  let number: string;

  /** Runs a GraphQL mutation as `role`; fails the test on any error. */
  async function act(query: string, variables: Record<string, unknown>, role: Role) {
    const { body } = await gql(e2e.world.api, query, variables, e2e.world.bearer(role));
    expect(body.errors).toBeUndefined();
  }

  it('a problem with four progress updates shows one progress clock, its earlier runs folded (L3-07)', async () => {
    number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'El timbrado falla',
    });
    await act(CLASSIFY, { input: { number, classification: 'PROBLEM' } }, Role.AGENT);
    // The agent's reply to the client is a progress update too (L3-07): the first restart.
    await act(COMMENT, { number, body: '¿Desde cuándo falla?' }, Role.AGENT);
    await act(COMMENT, { number, body: 'Desde ayer en la tarde.' }, Role.CLIENT_USER);
    for (let round = 1; round <= 3; round++) {
      await act(PROGRESS, { input: { number, note: `Avance ${round}` } }, Role.AGENT);
    }

    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto(`/tickets/${number}`);
    const clocks = page.getByTestId('clocks');
    await clocks.waitFor();
    // One current row per kind: the progress clock's five runs are one line.
    const progress = clocks.getByTestId('clock-current').and(page.locator('[data-kind=progress]'));
    expect(await progress.count()).toBe(1);
    expect(await progress.innerText()).toContain(runningClockWord());
    expect(await clocks.getByRole('row', { name: /Avance periódico/ }).count()).toBe(2);
    // The folded runs: a button that says how many, collapsed, rows hidden from everyone.
    const toggle = page.getByTestId('clock-earlier-toggle-progress');
    expect(await page.getByRole('button', { name: /^4 plazos anteriores del reloj/ }).count()).toBe(
      1,
    );
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // The arrow and the count read apart (QA: «▸4 plazos anteriores», the arrow's space dropped).
    expect(await toggle.innerText()).toMatch(/^▸ 4 plazos anteriores\b/);
    expect(await clocks.getByTestId('clock-earlier').first().isVisible()).toBe(false);
    // Keyboard: focus and Enter unfold them, as rows of the same table (its columns).
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const earlier = clocks.getByTestId('clock-earlier');
    expect(await earlier.count()).toBe(4);
    for (const row of await earlier.all()) {
      expect(await row.isVisible()).toBe(true);
      expect(await row.innerText()).toContain('Cumplido');
    }
    expect(await clocks.getByRole('row', { name: /Avance periódico/ }).count()).toBe(6);
    expect(await toggle.innerText()).toMatch(/^▾ 4 plazos anteriores/);
    await screenshot(page, 'qa-clock-runs');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // The same in English.
    await page.getByRole('button', { name: 'English' }).click();
    await toggle.getByText('4 earlier deadlines').waitFor();
    expect(await toggle.innerText()).toMatch(/^▸ 4 earlier deadlines\b/);
    await inSpanish(page);
  });

  it('«Solo conversación» shows what people wrote, kept in the address (L3-07, L3-11)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    const timeline = page.getByTestId('timeline');
    await timeline.getByTestId('event-CLOCK_STARTED').first().waitFor();
    await page.getByRole('radio', { name: 'Solo conversación' }).check();
    await page.waitForURL(/\?historial=conversacion$/);
    expect(await timeline.getByTestId('event-comment').count()).toBe(2);
    expect(await timeline.getByTestId('event-addProgress').count()).toBe(3);
    expect(await timeline.locator('[data-testid^="event-CLOCK_"]').count()).toBe(0);
    expect(await timeline.getByTestId('event-classify').count()).toBe(0);
    expect(await timeline.innerText()).toContain('Desde ayer en la tarde.');

    // A reload (or a shared link) keeps it.
    await page.reload();
    await timeline.getByTestId('event-comment').first().waitFor();
    expect(await page.getByRole('radio', { name: 'Solo conversación' }).isChecked()).toBe(true);
    expect(await timeline.locator('[data-testid^="event-CLOCK_"]').count()).toBe(0);

    await page.getByRole('radio', { name: 'Todo' }).check();
    await timeline.getByTestId('event-classify').waitFor();
    expect(new URL(page.url()).search).toBe('');
  });

  it('users: an invitation still pending is shown and sent again once; a mistyped email is corrected (L3-04)', async () => {
    const wrong = `invitada-${process.pid}@aurora.exmaple`;
    const right = `invitada-${process.pid}@aurora.example`;
    const created = await gql<{ createUser: { id: string } }>(
      e2e.world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          roles: ['CLIENT_USER'],
          email: wrong,
          displayName: 'Inés Invitada',
        },
      },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createUser.id;
    const outbox = async (address: string, type: string) =>
      (
        await e2e.world.db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM email_outbox WHERE recipient_address = $1 AND event_type = $2',
          [address, type],
        )
      )[0].n;

    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    const row = page.getByTestId('users').getByRole('row', { name: /Inés Invitada/ });
    await row.getByTestId('invitation-pending').waitFor();
    expect(await row.getByTestId('invitation-pending').innerText()).toBe('Invitación pendiente');
    // A seeded user who has a password is not pending and keeps «Enlace de contraseña».
    const seeded = page.getByTestId('users').getByRole('row', { name: /Úrsula Usuaria/ });
    expect(await seeded.getByTestId('invitation-pending').count()).toBe(0);

    // Right after the invitation: one click is refused in words, nothing sent.
    const resend = row.getByRole('button', { name: /^Reenviar invitación a Inés Invitada/ });
    await resend.click();
    await page.getByText('Acabamos de enviar una invitación a este usuario.').waitFor();
    expect(await outbox(wrong, 'USER_INVITATION')).toBe(1);
    // A minute later (the link made older): sent once.
    await e2e.world.db.query(
      `UPDATE password_link SET created_at = now() - interval '2 minutes' WHERE user_id = $1`,
      [id],
    );
    await resend.click();
    await page.getByText(`Enviamos de nuevo la invitación a ${wrong}`, { exact: false }).waitFor();
    expect(await outbox(wrong, 'USER_INVITATION')).toBe(2);

    // The address was mistyped: corrected in the edit form, the invitation goes to the new one.
    await row.getByRole('button', { name: 'Editar a Inés Invitada', exact: true }).click();
    const form = page.getByTestId('edit-user');
    const field = form.getByLabel('Correo', { exact: true });
    expect(await field.inputValue()).toBe(wrong);
    await form
      .getByText('Si corrige el correo, le enviamos la invitación al correo nuevo', {
        exact: false,
      })
      .waitFor();
    await field.fill(right);
    await form.getByRole('button', { name: 'Guardar cambios' }).click();
    await form
      .getByText(`El correo cambió de ${wrong} a ${right}; le avisamos en el correo nuevo.`)
      .waitFor();
    await page.getByTestId('users').getByText(right).waitFor();
    expect(await outbox(right, 'USER_INVITATION')).toBe(1);

    // Another user's address: refused in words, nothing changes.
    await field.fill('usuario@aurora.example');
    await form.getByRole('button', { name: 'Guardar cambios' }).click();
    await form.getByText('Ya existe un usuario con el correo usuario@aurora.example.').waitFor();
    const [{ email }] = await e2e.world.db.query<{ email: string }[]>(
      'SELECT email FROM app_user WHERE id = $1',
      [id],
    );
    expect(email).toBe(right);
    await screenshot(page, 'qa-users-invitation');
  });

  it('a holiday is asked first, naming the open tickets it moves; the history then says from which date to which (L3-06)', async () => {
    const fresh = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'La nómina no calcula',
    });
    const [{ calendarId }] = await e2e.world.db.query<{ calendarId: string }[]>(
      'SELECT calendar_id AS "calendarId" FROM ticket WHERE number = $1',
      [fresh],
    );
    const { body } = await gql<{
      calendar: { timeZone: string };
      ticket: { clocks: { kind: string; status: string; deadline: string }[] };
    }>(
      e2e.world.api,
      `query ($id: ID!, $number: String!) {
        calendar(id: $id) { timeZone } ticket(number: $number) { clocks { kind status deadline } } }`,
      { id: calendarId, number: fresh },
      e2e.world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    const triage = body.data!.ticket.clocks.find((c) => c.kind === 'triage')!;
    expect(triage.status).toBe('RUNNING');
    // The triage deadline's own date, in the calendar's zone, becomes a holiday: it must move.
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: body.data!.calendar.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(triage.deadline));
    const [{ open }] = await e2e.world.db.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM ticket WHERE calendar_id = $1
          AND state NOT IN ('CLOSED', 'OUT_OF_SCOPE', 'NOT_FEASIBLE', 'CANCELLED')`,
      [calendarId],
    );
    expect(open).toBeGreaterThanOrEqual(2);

    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto(`/calendarios/${calendarId}`);
    await page.getByTestId('calendar-version').waitFor();
    const version = async () =>
      Number((await page.getByTestId('calendar-version').innerText()).replace(/\D+/g, ''));
    const before = await version();
    // The day in words, as the page says it (QA: «Día festivo del 2027-06-07 agregado.»).
    const dayInWords = new Intl.DateTimeFormat('es-MX', {
      dateStyle: 'full',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));
    await page.getByLabel('Año').fill(day.slice(0, 4));
    await page.getByLabel('Fecha', { exact: true }).first().fill(day);
    await page.getByLabel('Nombre', { exact: true }).fill('Día de la empresa');
    await page.getByRole('button', { name: 'Agregar', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: /^¿Agregar el .* como día festivo\?$/ });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(`y a ${open} tickets abiertos`);
    // The focus is on «Cancelar»: Enter does not confirm by accident.
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(await version()).toBe(before);

    await page.getByRole('button', { name: 'Agregar', exact: true }).click();
    await confirm.getByRole('button', { name: 'Sí, agregar y recalcular' }).click();
    await page.getByText(`Día festivo del ${dayInWords} agregado.`).waitFor();
    expect(await version()).toBe(before + 1);

    // The ticket's history: which clock, which change of which calendar (BUSINESS-TIME.md, L3-06:
    // the holiday by name and date), and both dates in the app's format.
    await page.goto(`/tickets/${fresh}`);
    const line = page
      .getByTestId('timeline')
      .getByTestId('event-CLOCK_RECOMPUTED')
      .filter({ hasText: 'Atención inicial' });
    await line.waitFor();
    expect(await line.locator('strong').innerText()).toMatch(
      /^Plazo de Atención inicial recalculado: se agregó el día festivo «Día de la empresa» \(.*\d{4}\) al calendario «.+»\. Vencimiento: .*\d{4}.* → .*\d{4}/,
    );
    expect(await line.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await screenshot(page, 'qa-deadline-recomputed');

    // Removing it is asked the same way.
    await page.goto(`/calendarios/${calendarId}`);
    await page.getByLabel('Año').fill(day.slice(0, 4));
    await page.getByRole('button', { name: `Quitar el festivo del ${dayInWords}` }).click();
    const removal = page.getByRole('alertdialog', { name: /^¿Quitar el día festivo del .*\?$/ });
    await removal.waitFor();
    expect(await removal.innerText()).toContain('ese día vuelve a contar como hábil');
    await removal.getByRole('button', { name: 'Sí, quitar y recalcular' }).click();
    await page.getByText(`Día festivo del ${dayInWords} quitado.`).waitFor();
    expect(await version()).toBe(before + 2);
  });

  /**
   * At 390 px: the page is no wider than the screen, no table of `testIds` scrolls sideways in
   * its box, and each row is a stacked card whose cells name their column (data-label).
   */
  async function fitsAPhone(p: Page, testIds: readonly string[]): Promise<void> {
    const { scroll, client } = await p.evaluate<{ scroll: number; client: number }>(
      `(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))()`,
    );
    expect(scroll).toBeLessThanOrEqual(client);
    for (const id of testIds) {
      await p.getByTestId(id).waitFor();
      const box = await p.evaluate<{
        scroll: number;
        client: number;
        display: string;
        label: string;
      }>(`(() => {
        const t = document.querySelector('[data-testid="${id}"]');
        return { scroll: t.parentElement.scrollWidth, client: t.parentElement.clientWidth,
          display: getComputedStyle(t.querySelector('tbody tr')).display,
          label: getComputedStyle(t.querySelector('tbody td[data-label]'), '::before').content };
      })()`);
      expect({ id, fits: box.scroll <= box.client }).toEqual({ id, fits: true });
      expect(box.display).toBe('block');
      expect(box.label).not.toBe('none');
    }
  }

  it('on a 390 px phone the SLA board and the hours ledger are stacked cards, nothing scrolls sideways', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/tablero');
    const timers = page.getByTestId('timers');
    await timers.locator('tbody tr').first().waitFor();
    await page.getByTestId('compliance-kind').waitFor();
    await fitsAPhone(page, ['timers', 'compliance-kind']);
    const deadline = timers.locator('tbody tr').first().locator('td[data-label="Vence"]');
    expect(await deadline.count()).toBe(1);
    await screenshot(page, 'qa-phone-dashboard');
    await page.context().close();

    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto('/mis-horas');
    const ledger = page.getByTestId('ledger');
    await ledger.locator('tbody tr').first().waitFor();
    await fitsAPhone(page, ['ledger']);
    expect(await ledger.innerText()).toContain(CLIENT_PACKAGE);
    await screenshot(page, 'qa-phone-ledger');
  });

  it('names time zones in words with their offset, never by their IANA code', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto(`/tickets/${number}`);
    const header = page.getByTestId('clocks').locator('thead th').nth(2);
    await header.waitFor();
    // The header is upper case by style; the zone under it is not.
    expect(await header.locator('.zone-name').innerText()).toMatch(
      /^Hora de la Ciudad de México \(UTC−\d\)$/,
    );
    await page.getByTestId('why-progress').getByText('¿Por qué esta fecha?').click();
    await page
      .getByTestId('why-progress')
      .getByText(/^Calendario versión \d+; hora de la Ciudad de México \(UTC−\d\)\.$/)
      .waitFor();
    for (const path of [`/tickets/${number}`, '/calendarios', '/plazos']) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main').innerText()).not.toMatch(/America\/|AMERICA\//);
    }
  });

  it('a clock resumed after waiting on the client says where its deadline went (L3-06, L3-07)', async () => {
    const paused = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'El reporte sale vacío',
    });
    await act(CLASSIFY, { input: { number: paused, classification: 'PROBLEM' } }, Role.AGENT);
    await act(
      `mutation ($input: TicketActionInput!) { waitOnClient(input: $input) { seq } }`,
      { input: { number: paused, note: '¿Nos compartes el filtro que usas?' } },
      Role.AGENT,
    );
    await act(COMMENT, { number: paused, body: 'El de la zona norte.' }, Role.CLIENT_USER);

    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto(`/tickets/${paused}`);
    const resumed = page.getByTestId('timeline').getByTestId('event-CLOCK_RESUMED');
    await resumed.waitFor();
    expect(await resumed.locator('strong').innerText()).toMatch(
      /^Reloj de SLA reanudado: Avance periódico\. (El plazo pasó del .*\d{4}.* al .*\d{4}.*|Ahora vence el .*\d{4}.*)$/,
    );
  });
});
