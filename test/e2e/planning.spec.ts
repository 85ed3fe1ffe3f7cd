import { Client, Connection } from '@temporalio/client';
import type { Page } from 'playwright-core';
import {
  addBusinessDays,
  BusinessCalendar,
  defaultMexicoCityCalendar,
  localDateOf,
  workingIntervalsOn,
} from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { formatInstant, formatInstantWithDay } from '../../web/src/i18n/format';
import { checkpointScheduleId } from '../../workflows/checkpoint/checkpoint.contract';
import { type CaughtMail, caughtAtLeast, caughtMails } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import {
  type BackgroundWorker,
  registerProjectedTicket,
  registerTicket,
  startBackgroundWorker,
} from '../support/world-with-worker';
import { boxesInOneFrame, horizontalOverflow, logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';
import { datetimeLocal } from '../support/calendar-month';

// Issue 9 screens of issue 8 on the real stack (PostgreSQL, Temporal with the real worker and
// Schedules, SMTP): the client queue reordered by drag and drop and by keyboard with its impact
// preview (L3-10, L3-19), CONFLICT in words, the staff work list and "Ajustar fecha" (L3-19),
// comments vs internal notes in the timeline, checkpoint agendas and settings (L3-15), and the
// WhatsApp group link (L3-14). What the user sees, Spanish first.

const CLIENT = 'usuario@aurora.example';
const APPROVER = 'aprobador@aurora.example';
const AGENT = 'agente@becken.example';
const MANAGER = 'gerente@becken.example';
const AURORA = 'Comercializadora Aurora';
const ZONE = 'America/Mexico_City';
const YEAR = new Date().getUTCFullYear();
const calendar = new BusinessCalendar(defaultMexicoCityCalendar(YEAR - 1, YEAR + 3));

/** A business weekday other than today's: a Schedule trigger now is surely a manual run. */
function otherWeekday(): number {
  const today = workingIntervalsOn(calendar, localDateOf(calendar, new Date())).weekday;
  return today === 3 ? 4 : 3;
}

describe('Queue, re-planning, comments and checkpoints (web app, issue 9 / L3-10, L3-14, L3-15, L3-19)', () => {
  let e2e: E2eWorld;
  let worker: BackgroundWorker | undefined;
  let temporal: Client;
  let page: Page;
  let auroraId: string;
  /** Authorized requirements of Aurora, in arrival order. */
  let sales: string;
  let invoice: string;

  async function call<T>(query: string, variables: Record<string, unknown>, role: Role) {
    const { body } = await gql<T>(e2e.world.api, query, variables, e2e.world.bearer(role));
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }
  async function act(role: Role, mutation: string, type: string, input: object) {
    await call(
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { ticket { state } } }`,
      { input },
      role,
    );
  }
  /** A development requirement of `hours` the approver authorized (SCHEDULING). */
  const authorizedRequirement = (subject: string, hours: number) =>
    ticketJourneys(e2e.world).scheduledRequirement({
      subject,
      description: 'Para la planeación.',
      hours,
    });
  const queueOrder = async (p: Page) =>
    Promise.all(
      (await p.getByTestId('queue-entry').all()).map((li) => li.getAttribute('data-number')),
    );
  const releaseDate = async (number: string) =>
    (
      await call<{ ticket: { releaseDate: string } }>(
        `query ($number: String!) { ticket(number: $number) { releaseDate } }`,
        { number },
        Role.AGENT,
      )
    ).ticket.releaseDate;

  beforeAll(async () => {
    e2e = await startE2eWorld('planning', {
      TEMPORAL_TASK_QUEUE: `e2e-planning-${process.pid}-${Date.now()}`,
    });
    worker = await startBackgroundWorker(e2e.world.config);
    temporal = new Client({
      connection: await Connection.connect({ address: e2e.world.config.temporal.address }),
      namespace: e2e.world.config.temporal.namespace,
    });
    auroraId = e2e.world.orgIds['comercializadora-aurora'];

    // Two authorized requirements with their planned dates published (L3-09, L3-19).
    sales = await authorizedRequirement('Reporte de ventas por zona', 8);
    invoice = await authorizedRequirement('Ajuste a la factura global', 4);
    const { clientQueue } = await call<{
      clientQueue: { entries: { ticketNumber: string; plannedReleaseDate: string }[] };
    }>(
      `query ($id: ID) { clientQueue(organizationId: $id) { entries { ticketNumber plannedReleaseDate } } }`,
      { id: auroraId },
      Role.AGENT,
    );
    for (const entry of clientQueue.entries) {
      await act(Role.AGENT, 'setReleaseDate', 'SetReleaseDateInput', {
        number: entry.ticketNumber,
        releaseDate: entry.plannedReleaseDate,
      });
    }
  }, 240_000);
  afterAll(async () => {
    // The tier's Temporal server is shared: leave no Schedule behind.
    for (const slug of Object.keys(e2e?.world.orgIds ?? {})) {
      await temporal?.schedule
        .getHandle(checkpointScheduleId(e2e.world.orgIds[slug]))
        .delete()
        .catch(() => undefined);
    }
    await temporal?.connection.close();
    await worker?.stop();
    await e2e?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  it('L3-10: a portal user without the approver role sees the queue read-only', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Cola', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Cola de atención' }).waitFor();
    await page.getByTestId('queue-entry').first().waitFor();
    expect(await queueOrder(page)).toEqual([sales, invoice]);
    await page.getByText('Solo quien aprueba en su organización puede cambiar el orden.').waitFor();
    expect(await page.getByRole('button', { name: /Subir|Bajar/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ver impacto en las fechas' }).count()).toBe(0);
    expect(await page.getByTestId('queue-entry').first().getAttribute('draggable')).toBeNull();
  });

  it('L3-10/L3-19: the approver drags a ticket up, sees the impact preview, confirms it with a reason; the order stays after reload', async () => {
    const before = { sales: await releaseDate(sales), invoice: await releaseDate(invoice) };
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto('/cola');
    await page.getByTestId('queue-entry').first().waitFor();
    expect(await queueOrder(page)).toEqual([sales, invoice]);

    // Drag and drop: the invoice onto the first place.
    const entry = (n: string) => page.locator(`[data-testid="queue-entry"][data-number="${n}"]`);
    await entry(invoice).dragTo(entry(sales), {
      sourcePosition: { x: 12, y: 12 },
      targetPosition: { x: 12, y: 12 },
    });
    expect(await queueOrder(page)).toEqual([invoice, sales]);
    await page.getByText('Cambió el orden; revise el impacto antes de confirmarlo.').waitFor();

    await page.getByRole('button', { name: 'Ver impacto en las fechas' }).click();
    const preview = page.getByTestId('queue-preview');
    await preview.getByRole('heading', { name: 'Impacto del nuevo orden' }).waitFor();
    // L3-19: only the report, now behind the invoice, needs a later date; the invoice could be
    // done sooner but keeps the date the agent committed (never published earlier).
    const rows = preview.getByTestId('queue-preview-changes').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const text = await preview.innerText();
    expect(text).toContain(sales);
    expect(text).toContain('Reporte de ventas por zona');
    expect(text).not.toContain(invoice);
    expect(text).toMatch(/Fecha actual\s+Nueva fecha/i);
    // Each row: old date → new date.
    for (const row of await rows.all()) {
      expect(await row.innerText()).toMatch(/\d{4}.*→.*\d{4}/s);
    }
    await screenshot(page, '60-queue-preview', { docs: 'queue-preview' });

    // The reason is required, in words.
    await preview.getByRole('button', { name: 'Confirmar nuevo orden' }).click();
    await preview.getByText('Escriba el motivo del cambio.').waitFor();
    await preview.getByLabel('Motivo del cambio').fill('La factura global cierra el mes');
    await preview.getByRole('button', { name: 'Confirmar nuevo orden' }).click();
    await page.getByText('Nuevo orden confirmado. Se publicó 1 fecha nueva.').waitFor();
    expect(await preview.count()).toBe(0);

    await page.reload();
    await page.getByTestId('queue-entry').first().waitFor();
    expect(await queueOrder(page)).toEqual([invoice, sales]);
    expect(await releaseDate(invoice)).toBe(before.invoice);
    expect(Date.parse(await releaseDate(sales))).toBeGreaterThan(Date.parse(before.sales));
  });

  it('L3-19: keyboard reorder; a preview the queue no longer matches is refused in words and changes nothing', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto('/cola');
    await page.getByTestId('queue-entry').first().waitFor();
    expect(await queueOrder(page)).toEqual([invoice, sales]);

    // Keyboard: focus "Subir" of the second ticket and press Enter; focus follows it.
    await page.getByRole('button', { name: 'Subir «Reporte de ventas por zona»' }).focus();
    await page.keyboard.press('Enter');
    expect(await queueOrder(page)).toEqual([sales, invoice]);
    await page.getByRole('status').filter({ hasText: 'ahora está en el lugar 1' }).waitFor();
    expect(
      await page.evaluate<string>(`document.activeElement?.getAttribute('aria-label') ?? ''`),
    ).toBe('Bajar «Reporte de ventas por zona»');
    await page.getByRole('button', { name: 'Ver impacto en las fechas' }).click();
    await page.getByTestId('queue-preview-changes').waitFor();

    // Meanwhile the provider moves one of the dates the preview would move.
    const old = await releaseDate(sales);
    await act(Role.AGENT, 'adjustReleaseDate', 'AdjustReleaseDateInput', {
      number: sales,
      newDate: addBusinessDays(calendar, new Date(old), 2).toISOString(),
      reason: 'Dependencia externa',
    });

    await page.getByLabel('Motivo del cambio').fill('Las ventas primero');
    await page.getByRole('button', { name: 'Confirmar nuevo orden' }).click();
    await page.getByText('La cola cambió; revise la vista previa de nuevo.').waitFor();
    expect(await page.getByTestId('queue-preview').count()).toBe(0);
    // Nothing applied: the confirmed order stands.
    await page.reload();
    await page.getByTestId('queue-entry').first().waitFor();
    expect(await queueOrder(page)).toEqual([invoice, sales]);
  });

  it('L3-10/L3-19: the agent sees the work list order and moves a published date with a reason; the client sees it in the timeline', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    // The demo agent's account is in English: this agent switches to Spanish.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Lista de trabajo' }).waitFor();
    const list = page.getByTestId('queue');
    await list.getByRole('link', { name: sales }).waitFor();
    const { workList } = await call<{ workList: { ticketNumber: string }[] }>(
      `query { workList(first: 200) { ticketNumber } }`,
      {},
      Role.AGENT,
    );
    const shown = await list.locator('tbody tr th a').allInnerTexts();
    expect(shown).toEqual(workList.map((e) => e.ticketNumber));
    expect(await list.innerText()).toContain(AURORA);

    await list.getByRole('link', { name: invoice }).click();
    await page.getByTestId('ticket-state').waitFor();
    const old = await releaseDate(invoice);
    const next = addBusinessDays(calendar, new Date(old), 3).toISOString();
    const adjust = page.getByTestId('adjust-date');
    await adjust.getByRole('button', { name: 'Ajustar fecha' }).click();
    // QA S60b #5: the open form says the date it moves, with its weekday, in the agent's zone,
    // and its new date starts from it.
    expect(await adjust.getByTestId('adjust-date-current').innerText()).toBe(
      `Fecha publicada actual: ${formatInstantWithDay(old, 'es-MX', ZONE)}`,
    );
    const newDate = adjust.getByLabel('Nueva fecha de entrega');
    expect(await newDate.inputValue()).toBe(datetimeLocal(old));
    await adjust.getByRole('button', { name: 'Publicar nueva fecha' }).click();
    await adjust.getByText('Escriba el motivo del cambio.').waitFor();
    await newDate.fill('');
    await adjust.getByRole('button', { name: 'Publicar nueva fecha' }).click();
    await adjust.getByText('Escriba la nueva fecha y el motivo.').waitFor();
    // Two years ahead is refused, naming the field as its label does; corrected, the refusal goes
    // before sending again (QA S50).
    await adjust
      .getByLabel('Nueva fecha de entrega')
      .fill(datetimeLocal(new Date(Date.now() + 730 * 86_400_000)));
    await adjust.getByLabel('Motivo', { exact: true }).fill('El cliente pidió pruebas adicionales');
    await adjust.getByRole('button', { name: 'Publicar nueva fecha' }).click();
    const tooFar = adjust.getByText(
      /La fecha más tardía posible para «Nueva fecha de entrega» es el .+; elija una anterior\./,
    );
    await tooFar.waitFor();
    await adjust.getByLabel('Nueva fecha de entrega').fill(datetimeLocal(next));
    await tooFar.waitFor({ state: 'detached' });
    await adjust.getByRole('button', { name: 'Publicar nueva fecha' }).click();
    await adjust.getByText('Nueva fecha publicada.').waitFor();
    expect(await releaseDate(invoice)).toBe(next);

    const event = page.getByTestId('event-DATE_ADJUSTED').last();
    await event.getByText('Motivo: El cliente pidió pruebas adicionales').waitFor();
    expect(await event.innerText()).toMatch(/Fecha ajustada[\s\S]*De .+ a .+/);

    // The client sees the same change, in its words.
    const client = await newPage(e2e.browser, e2e.baseURL);
    await logIn(client.page, CLIENT, e2e.password(CLIENT));
    await client.page.goto(`/tickets/${invoice}`);
    const seen = client.page.getByTestId('event-DATE_ADJUSTED').last();
    await seen.getByText('Motivo: El cliente pidió pruebas adicionales').waitFor();
    await client.context.close();
  });

  it('comments: staff choose a reply or an internal note; the client never sees the internal note and replies', async () => {
    const NOTE = 'Nota interna: revisar el índice de la tabla de ventas';
    const REPLY = 'Ya estamos trabajando en el reporte.';
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.getByRole('button', { name: 'Español' }).click();
    await page.goto(`/tickets/${sales}`);
    const box = page.getByTestId('comment-box');
    await box.getByRole('radio', { name: 'Nota interna' }).check();
    await box.getByText('Solo la ve el equipo del proveedor; no se envía al cliente.').waitFor();
    await box.getByRole('textbox').fill(NOTE);
    await box.getByRole('button', { name: 'Enviar' }).click();
    await box.getByText('Comentario enviado.').waitFor();
    const internal = page.getByTestId('event-comment').filter({ hasText: NOTE });
    await internal.waitFor();
    expect(await internal.innerText()).toContain('Nota interna');
    expect(await internal.getAttribute('class')).toContain('internal-note');

    await box.getByRole('radio', { name: 'Respuesta al cliente' }).check();
    await box.getByRole('textbox').fill(REPLY);
    await box.getByRole('button', { name: 'Enviar' }).click();
    await page.getByTestId('event-comment').filter({ hasText: REPLY }).waitFor();
    await screenshot(page, '61-ticket-comments');

    const client = await newPage(e2e.browser, e2e.baseURL);
    await logIn(client.page, CLIENT, e2e.password(CLIENT));
    await client.page.goto(`/tickets/${sales}`);
    const timeline = client.page.getByTestId('timeline');
    await timeline.getByText(REPLY).waitFor();
    expect(await timeline.innerText()).not.toContain(NOTE);
    // No reply / internal-note choice for a client (the history's «Mostrar» radios are everyone's).
    expect(
      await client.page.getByRole('radio', { name: /Respuesta al cliente|Nota interna/ }).count(),
    ).toBe(0);
    await client.page.getByLabel('Su respuesta').fill('Gracias, quedo atenta.');
    await client.page.getByRole('button', { name: 'Enviar' }).click();
    await timeline.getByText('Gracias, quedo atenta.').waitFor();
    await client.context.close();

    await page.reload();
    await page.getByTestId('timeline').getByText('Gracias, quedo atenta.').waitFor();
  });

  it('L3-15: the manager sets the checkpoint and sees its next runs; the approver reads the agenda and records the decisions', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Puntos de control' })
      .click();
    await page.getByLabel('Cliente', { exact: true }).selectOption({ label: AURORA });
    const settings = page.getByTestId('checkpoint-settings');
    // The schedule writes its time as the next runs under it do, «10:00 a.m.» (QA S22 F8: «10:00»).
    await settings.getByText(/^Cada dos semanas, el martes a las 10:00\sa\.m\., /).waitFor();
    const weekday = otherWeekday();
    const dayName = weekday === 3 ? 'miércoles' : 'jueves';
    await page.getByLabel('Día', { exact: true }).selectOption({ label: dayName });
    // A time outside that weekday's business hours is refused in words, not the server's English.
    await page.getByLabel('Hora', { exact: true }).fill('20:00');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: '20:00' });
    await refused
      .getByText(
        `La hora 20:00 queda fuera del horario hábil del ${dayName} (09:00–18:00) en el calendario del cliente; elija una hora dentro de ese horario.`,
      )
      .waitFor();
    expect(await refused.innerText()).not.toContain('outside');
    await page.getByLabel('Hora', { exact: true }).fill('11:30');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByText('Punto de control guardado.').waitFor();
    await settings
      .getByText(new RegExp(`Cada dos semanas, el ${dayName} a las 11:30\\sa\\.m\\.`))
      .waitFor();
    const runs = settings.getByTestId('checkpoint-next-runs').getByRole('listitem');
    expect(await runs.count()).toBeGreaterThan(0);
    expect(await runs.first().innerText()).toMatch(new RegExp(`^${dayName}.*11:30`, 'i'));

    // No agenda yet: the manager asks for one now. It is emailed to the client, so the button asks
    // first (QA S20): «Cancelar» makes none. Then «Generar y enviar» (a double click), through the
    // checkpoint workflow: one off-schedule agenda, listed at once (L3-15, QA S14-F).
    const agendaList = page.getByRole('region', { name: 'Agendas', exact: true });
    const noAgendas = agendaList.getByText('Todavía no hay agendas.');
    await noAgendas.waitFor();
    const generateNow = agendaList.getByRole('button', { name: 'Generar agenda ahora' });
    // The list, then the button with its hint, apart (QA S22 F8: the hint ran into the list).
    const [emptyBox, buttonBox] = await boxesInOneFrame([noAgendas, generateNow]);
    expect(buttonBox.y - (emptyBox.y + emptyBox.height)).toBeGreaterThanOrEqual(16);
    const confirm = agendaList.getByTestId('generate-agenda-confirm');
    await generateNow.click();
    await confirm.getByText('¿Generar y enviar la agenda ahora?').waitFor();
    await confirm.getByRole('button', { name: 'Cancelar' }).click();
    await generateNow.waitFor();
    expect(await confirm.count()).toBe(0);
    await agendaList.getByText('Todavía no hay agendas.').waitFor();
    await generateNow.click();
    await confirm.getByRole('button', { name: 'Generar y enviar' }).dblclick();
    await agendaList.getByText(/^Agenda del .+ generada y enviada por correo\.$/).waitFor();
    const rows = page.getByTestId('checkpoints').locator('tbody tr');
    await rows.first().getByText('Fuera de calendario').waitFor();
    expect(await rows.count()).toBe(1);
    const agendas = await eventually(
      async () =>
        (
          await call<{ checkpoints: { id: string }[] }>(
            `query ($id: ID!) { checkpoints(organizationId: $id) { id } }`,
            { id: auroraId },
            Role.MANAGER,
          )
        ).checkpoints,
      (list) => list.length > 0,
    );
    await page.context().close();

    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto('/checkpoints');
    await page.getByRole('heading', { name: 'Puntos de control', level: 1 }).waitFor();
    await page
      .getByTestId('checkpoint-settings')
      .getByText(new RegExp(`el ${dayName} a las 11:30\\sa\\.m\\.`))
      .waitFor();
    expect(await page.getByRole('button', { name: 'Guardar', exact: true }).count()).toBe(0);
    await page.getByTestId('checkpoints').getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Agenda del / }).waitFor();
    expect(page.url()).toContain(`/checkpoints/${agendas[0].id}`);

    const open = page.getByTestId('agenda-open');
    await open.getByRole('link', { name: sales }).waitFor();
    await open.getByRole('link', { name: invoice }).waitFor();
    // In the client's queue order, each with its position (L3-10, L3-15).
    await open.getByRole('columnheader', { name: 'Posición en la cola' }).waitFor();
    const positions = await open.locator('tbody tr td:first-child').allInnerTexts();
    expect(positions.length).toBeGreaterThan(1);
    expect(positions).toEqual(positions.map((_, i) => String(i + 1)));
    expect(await page.getByTestId('agenda-by-state').innerText()).toMatch(/\d/);
    const changes = page.getByTestId('agenda-date-changes');
    await changes.getByText('La factura global cierra el mes').first().waitFor();
    await changes.getByText('El cliente pidió pruebas adicionales').waitFor();
    expect(await page.getByTestId('agenda-hours').innerText()).toMatch(/Saldo\s+\d/);
    await page.getByRole('heading', { name: 'Estimaciones por autorizar' }).waitFor();
    await page
      .getByRole('heading', { name: 'Relojes en riesgo o vencidos en el periodo' })
      .waitFor();

    await page.getByLabel('Notas de la reunión').fill('Se confirma la factura global primero.');
    // The form says who hears of the decisions (L3-15, QA S15-A).
    await page
      .getByText(/^Al registrarlas, las decisiones se envían por correo a los aprobadores/)
      .waitFor();
    await page.getByRole('button', { name: 'Registrar decisiones' }).click();
    await page.getByText('Decisiones registradas.', { exact: true }).waitFor();
    const decisions = page.getByTestId('agenda-decisions');
    await decisions.getByText('Se confirma la factura global primero.').waitFor();
    // Who recorded it, by name and role (QA S14-F: only the role was shown).
    expect(await decisions.innerText()).toContain('Arturo Aprobador (Aprobador de estimaciones)');
    // The manager is emailed the decisions, once; the approver who recorded them is not.
    const decisionMail = (m: CaughtMail) =>
      m.subject.startsWith('Decisiones del punto de control del ');
    const told = await caughtAtLeast(1, decisionMail, MANAGER);
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('> Se confirma la factura global primero.');
    expect(told[0].text).toContain(`/checkpoints/${agendas[0].id}`);
    expect((await caughtMails(APPROVER)).filter(decisionMail)).toEqual([]);
    await screenshot(page, '62-checkpoint-agenda', { docs: 'checkpoint-agenda' });
  });

  it('L3-14: the manager sets the WhatsApp group link; the client sees it in the portal', async () => {
    const URL = 'https://chat.whatsapp.com/AuroraSoporte123';
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/contratos');
    await page.getByLabel('Cliente', { exact: true }).selectOption({ label: AURORA });
    await page.getByLabel('Enlace del grupo de WhatsApp').fill('https://example.com/grupo');
    await page.getByRole('button', { name: 'Guardar enlace' }).click();
    // In Spanish, saying what a valid link looks like (QA S52: the server's English sentence).
    const refused = page.getByRole('alert').filter({ hasText: 'Revise lo siguiente:' });
    await refused
      .getByText(
        '«Enlace del grupo de WhatsApp» debe ser el enlace de invitación a un grupo de WhatsApp: https://chat.whatsapp.com/ seguido del código del grupo.',
      )
      .waitFor();
    expect(await refused.innerText()).not.toContain('must be');
    // The form keeps what was typed.
    expect(await page.getByLabel('Enlace del grupo de WhatsApp').inputValue()).toBe(
      'https://example.com/grupo',
    );
    await page.getByLabel('Enlace del grupo de WhatsApp').fill(URL);
    await page.getByRole('button', { name: 'Guardar enlace' }).click();
    await page.getByText('Enlace guardado.').waitFor();
    await page.context().close();

    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 360, height: 740 }));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    const link = page.getByTestId('quick-channel').getByRole('link', {
      name: 'Abrir el grupo de WhatsApp',
    });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(URL);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.goto('/cola');
    await page.getByTestId('queue-entry').first().waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);

    // English second.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Service queue' }).waitFor();
  });
  it('L3-10: provider staff pick a client on /cola and read its queue in queue order with its dates, read-only', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.getByRole('button', { name: 'Español' }).click();
    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Cola', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Cola de atención' }).waitFor();
    await page
      .getByText('Solo lectura: el orden lo deciden los aprobadores del cliente.')
      .waitFor();

    const shownFor = async (organizationId: string) => {
      const { clientQueue } = await call<{ clientQueue: { entries: { ticketNumber: string }[] } }>(
        `query ($id: ID) { clientQueue(organizationId: $id) { entries { ticketNumber } } }`,
        { id: organizationId },
        Role.AGENT,
      );
      return clientQueue.entries.map((e) => e.ticketNumber);
    };

    await page.getByLabel('Cliente', { exact: true }).selectOption({ label: AURORA });
    const expected = await shownFor(auroraId);
    expect(expected).toEqual(expect.arrayContaining([sales, invoice]));
    await eventually(
      () => queueOrder(page),
      (order) => JSON.stringify(order) === JSON.stringify(expected),
    );
    // Published and planned dates are shown; nothing can be moved.
    const first = page.getByTestId('queue-entry').first();
    expect(await first.innerText()).toMatch(/Entrega (publicada|planeada): .*\d{4}/);
    expect(await page.getByRole('button', { name: /Subir|Bajar/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ver impacto en las fechas' }).count()).toBe(0);
    expect(await first.getAttribute('draggable')).toBeNull();

    // Another client: its own queue, none of Aurora's tickets.
    const tulumId = e2e.world.orgIds['grupo-industrial-tulum'];
    await page
      .getByLabel('Cliente', { exact: true })
      .selectOption({ label: 'Grupo Industrial Tulum' });
    const tulum = await shownFor(tulumId);
    if (tulum.length === 0) await page.getByText('No hay tickets abiertos en la cola.').waitFor();
    await eventually(
      () => queueOrder(page),
      (order) => JSON.stringify(order) === JSON.stringify(tulum),
    );
    expect(await queueOrder(page)).not.toContain(sales);
  });

  it('L3-19: the manager sets the planning capacity on the contracts screen; a wrong value is refused in words; the value is shown back', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/contratos');
    await page.getByLabel('Cliente', { exact: true }).selectOption({ label: AURORA });
    const section = page.getByTestId('planning-capacity');
    await section.getByRole('heading', { name: 'Capacidad de planeación' }).waitFor();
    await section.getByText(/^Capacidad actual: [\d.]+ h por día hábil/).waitFor();
    const field = section.getByLabel('Horas por día hábil');

    for (const wrong of ['muchas', '30', '0']) {
      await field.fill(wrong);
      await section.getByRole('button', { name: 'Guardar capacidad' }).click();
      await section
        .getByRole('alert')
        .filter({ hasText: 'Escriba un número de horas entre 0.25 y 24' })
        .waitFor();
      // The form keeps what was typed; nothing changed on the server.
      expect(await field.inputValue()).toBe(wrong);
    }
    const before = await call<{ planningSettings: { hoursPerBusinessDay: number } }>(
      `query ($id: ID) { planningSettings(organizationId: $id) { hoursPerBusinessDay } }`,
      { id: auroraId },
      Role.MANAGER,
    );
    expect(before.planningSettings.hoursPerBusinessDay).not.toBe(30);

    await field.fill('6,5');
    await section.getByRole('button', { name: 'Guardar capacidad' }).click();
    await section.getByText('Capacidad guardada: 6.5 h por día hábil.').waitFor();
    await section.getByText('Capacidad actual: 6.5 h por día hábil.').waitFor();
    expect(await section.getByRole('alert').count()).toBe(0);
    const after = await call<{ planningSettings: { hoursPerBusinessDay: number } }>(
      `query ($id: ID) { planningSettings(organizationId: $id) { hoursPerBusinessDay } }`,
      { id: auroraId },
      Role.MANAGER,
    );
    expect(after.planningSettings.hoursPerBusinessDay).toBe(6.5);

    // Shown back after a reload, and on the client's queue.
    await page.reload();
    await page.getByLabel('Cliente', { exact: true }).selectOption({ label: AURORA });
    await section.getByText('Capacidad actual: 6.5 h por día hábil.').waitFor();
    expect(await field.inputValue()).toBe('6.5');
    await screenshot(page, '63-planning-capacity');
    await page.goto('/cola');
    await page.getByLabel('Cliente', { exact: true }).selectOption({ label: AURORA });
    await page.getByText('Capacidad: 6.5 h del proveedor por día hábil.').waitFor();
  });

  it('L3-15: the approver records the meeting decisions with new priorities (Subir/Bajar); the queue shows the new order', async () => {
    const { checkpoints } = await call<{ checkpoints: { id: string }[] }>(
      `query ($id: ID!) { checkpoints(organizationId: $id) { id } }`,
      { id: auroraId },
      Role.MANAGER,
    );
    expect(checkpoints.length).toBeGreaterThan(0);
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto('/cola');
    await page.getByTestId('queue-entry').first().waitFor();
    const before = await queueOrder(page);
    expect(before.length).toBeGreaterThan(1);
    const last = before[before.length - 1]!;

    await page.goto(`/checkpoints/${checkpoints[0].id}`);
    await page.getByRole('heading', { name: /^Agenda del / }).waitFor();
    await page
      .getByLabel('Notas de la reunión')
      .fill('Se acordó atender primero el último ticket.');
    await page
      .getByRole('checkbox', { name: 'La reunión acordó un nuevo orden de la cola' })
      .check();
    const list = page.getByTestId('checkpoint-priorities');
    await list.getByTestId('priority-entry').first().waitFor();
    const shown = async () =>
      Promise.all(
        (await list.getByTestId('priority-entry').all()).map((li) =>
          li.getAttribute('data-number'),
        ),
      );
    expect(await shown()).toEqual(before);

    // Nothing moved yet: refused in words.
    await page.getByRole('button', { name: 'Registrar decisiones' }).click();
    await page.getByText('Mueva al menos un ticket o desmarque el nuevo orden.').waitFor();

    // Keyboard: the last ticket up to the first place; focus follows it.
    for (let i = before.length - 1; i > 0; i--) {
      await list.locator(`#priority-up-${last}`).focus();
      await page.keyboard.press('Enter');
    }
    const agreed = [last, ...before.slice(0, -1)];
    expect(await shown()).toEqual(agreed);
    await page.getByRole('status').filter({ hasText: 'ahora está en el lugar 1' }).waitFor();
    // A move answers the problem: it goes away.
    expect(
      await page.getByText('Mueva al menos un ticket o desmarque el nuevo orden.').count(),
    ).toBe(0);
    await screenshot(page, '64-checkpoint-priorities', { docs: 'checkpoint-priorities' });

    await page.getByRole('button', { name: 'Registrar decisiones' }).click();
    await page.getByText('Decisiones registradas.', { exact: true }).waitFor();
    const decision = page
      .getByTestId('agenda-decisions')
      .getByRole('listitem')
      .filter({ hasText: 'Se acordó atender primero el último ticket.' });
    // QA S15: each ticket of the new order with its subject, as in the decisions email.
    const order = decision.getByTestId('decision-order');
    await order.getByText('Nuevo orden de la cola:').waitFor();
    const lines = await order.getByRole('listitem').all();
    expect(await Promise.all(lines.map((li) => li.getAttribute('data-number')))).toEqual(agreed);
    const { checkpoint } = await call<{
      checkpoint: { openTickets: { number: string; subject: string }[] };
    }>(
      `query ($id: ID!) { checkpoint(id: $id) { openTickets { number subject } } }`,
      { id: checkpoints[0].id },
      Role.MANAGER,
    );
    const subjects = new Map(checkpoint.openTickets.map((t) => [t.number, t.subject]));
    expect(agreed.some((n) => n !== null && subjects.has(n))).toBe(true);
    for (const [i, n] of agreed.entries()) {
      const subject = n === null ? undefined : subjects.get(n);
      expect(await lines[i].textContent()).toBe(subject ? `${n} — ${subject}` : n);
    }
    expect(await page.getByTestId('checkpoint-priorities').count()).toBe(0);

    await page.goto('/cola');
    await page.getByTestId('queue-entry').first().waitFor();
    expect(await queueOrder(page)).toEqual(agreed);
  });

  it('L3-19: a capacity cut the published date cannot absorb shows «Entrega en riesgo (+N días hábiles)» on the work list and the client queue', async () => {
    type Risk = {
      ticketNumber: string;
      plannedReleaseDate: string;
      deliveryAtRisk: boolean;
      deliverySlipBusinessDays: number | null;
    };
    const entryOf = async (number: string) =>
      (
        await call<{ clientQueue: { entries: Risk[] } }>(
          `query ($id: ID) { clientQueue(organizationId: $id) { entries {
            ticketNumber plannedReleaseDate deliveryAtRisk deliverySlipBusinessDays } } }`,
          { id: auroraId },
          Role.AGENT,
        )
      ).clientQueue.entries.find((e) => e.ticketNumber === number)!;
    const setCapacity = (hoursPerBusinessDay: number) =>
      call(
        `mutation ($input: SetPlanningCapacityInput!) { setPlanningCapacity(input: $input) { hoursPerBusinessDay } }`,
        { input: { organizationId: auroraId, hoursPerBusinessDay } },
        Role.MANAGER,
      );
    const number = await authorizedRequirement('Conector de nómina', 6);
    await act(Role.AGENT, 'setReleaseDate', 'SetReleaseDateInput', {
      number,
      releaseDate: (await entryOf(number)).plannedReleaseDate,
    });
    await setCapacity(0.5);
    const risk = await entryOf(number);
    expect(risk.deliveryAtRisk).toBe(true);
    const n = risk.deliverySlipBusinessDays!;
    const badge = `Entrega en riesgo (+${n} ${n === 1 ? 'día hábil' : 'días hábiles'})`;

    // The agent's work list: the badge, and the published date where no clock runs.
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Lista de trabajo' }).waitFor();
    const row = page.getByTestId('queue').locator(`tr[data-number="${number}"]`);
    await row.getByTestId('delivery-at-risk').getByText(badge, { exact: true }).waitFor();
    expect(await row.innerText()).toContain('Entrega publicada:');
    expect(await row.innerText()).not.toContain('Sin plazo en curso');

    // The approver's queue shows the same.
    const client = await newPage(e2e.browser, e2e.baseURL);
    await logIn(client.page, APPROVER, e2e.password(APPROVER));
    await client.page.goto('/cola');
    const entry = client.page.locator(`[data-testid="queue-entry"][data-number="${number}"]`);
    await entry.getByTestId('delivery-at-risk').getByText(badge, { exact: true }).waitFor();
    await client.page.context().close();
    await setCapacity(6.5);
  });

  it("L3-15, QA S15: on a 390 px phone the agenda's open tickets are stacked cards; nothing scrolls sideways and «Registrado» is in view", async () => {
    const number = await registerTicket(e2e.world, {
      subject: 'La pantalla de inicio tarda en cargar',
      description: 'Para revisar la agenda en el teléfono.',
    });
    // Its triage clock is in the read model before the agenda is made.
    await eventually(
      () =>
        e2e.world.db.query<unknown[]>(
          `SELECT 1 FROM ticket t JOIN ticket_clock c ON c.ticket_number = t.number
            WHERE t.number = $1 AND c.kind = 'triage' AND c.status = 'RUNNING'
              AND c.deadline = t.next_deadline`,
          [number],
        ),
      (rows) => rows.length === 1,
    );
    const { generateCheckpointAgenda: agenda } = await call<{
      generateCheckpointAgenda: { id: string };
    }>(
      `mutation ($id: ID!, $key: String) { generateCheckpointAgenda(organizationId: $id, idempotencyKey: $key) { id } }`,
      { id: auroraId, key: `phone-agenda-${process.pid}-${Date.now()}` },
      Role.MANAGER,
    );
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }));
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/checkpoints/${agenda.id}`);
    await page.getByRole('heading', { name: /^Agenda del / }).waitFor();
    const row = page
      .getByTestId('agenda-open')
      .locator('tbody tr')
      .filter({
        has: page.getByRole('link', { name: number, exact: true }),
      });
    const inView = async (text: string) => {
      const cell = row.getByText(text, { exact: true });
      await cell.waitFor();
      const box = await cell.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      // The page itself is no wider than the phone, and the table does not scroll inside its card.
      expect(await page.evaluate(`document.documentElement.scrollWidth <= window.innerWidth`)).toBe(
        true,
      );
      expect(await horizontalOverflow(page)).toEqual([]);
      const wrap = await page
        .getByTestId('agenda-open')
        .locator('.table-wrap')
        .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(wrap.scroll).toBeLessThanOrEqual(wrap.client);
    };
    await inView('Registrado');
    // Its next deadline says which clock it is, in the client's words (L3-06).
    const dueClock = async () => (await row.getByTestId('due-clock').innerText()).trim();
    expect(await dueClock()).toBe('Atención inicial · vence');
    await screenshot(page, '65-checkpoint-agenda-phone');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /^Agenda of / }).waitFor();
    await inView('Registered');
    expect(await dueClock()).toBe('Initial response · due');
    await page.getByRole('button', { name: 'Español' }).click();
  });

  it('QA S60b #9, L3-06, L3-15: a ticket waiting for the remote session the client confirmed reads «Sesión remota: <fecha>» in the agenda’s «Próximo plazo», as the lists do', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      subject: 'Revisar el timbrado en una sesión remota',
      description: 'Para la agenda del punto de control.',
    });
    // Three hours before the close of the second business day ahead: inside business time.
    const at = new Date(
      addBusinessDays(calendar, new Date(), 2).getTime() - 3 * 3_600_000,
    ).toISOString();
    await act(Role.AGENT, 'proposeRemoteSession', 'ProposeRemoteSessionInput', {
      number,
      at,
      link: 'https://meet.example.com/abc-defg-hij',
    });
    await act(Role.CLIENT_USER, 'acceptRemoteSession', 'AcceptRemoteSessionInput', {
      number,
      proposal: 1,
    });
    // The confirmation is in the read model before the agenda is made.
    await eventually(
      () =>
        e2e.world.db.query<{ accepted: unknown }[]>(
          `SELECT details -> 'remoteSession' -> 'accepted' AS accepted FROM ticket WHERE number = $1`,
          [number],
        ),
      (rows) => rows[0]?.accepted != null,
    );
    const { generateCheckpointAgenda: agenda } = await call<{
      generateCheckpointAgenda: { id: string };
    }>(
      `mutation ($id: ID!, $key: String) { generateCheckpointAgenda(organizationId: $id, idempotencyKey: $key) { id } }`,
      { id: auroraId, key: `session-agenda-${process.pid}-${Date.now()}` },
      Role.MANAGER,
    );
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/checkpoints/${agenda.id}`);
    await page.getByRole('heading', { name: /^Agenda del / }).waitFor();
    const due = page
      .getByTestId('agenda-open')
      .locator('tbody tr')
      .filter({ has: page.getByRole('link', { name: number, exact: true }) })
      .getByTestId('idle-due');
    // A date may wrap before its time: compare the cell's words on one line.
    const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
    await due.getByText('Sesión remota', { exact: false }).waitFor();
    expect(oneLine(await due.innerText())).toBe(
      oneLine(`Sesión remota: ${formatInstant(at, 'es-MX', ZONE)}`),
    );
    // QA S62 #2: its state reads confirmed, not «Sesión remota propuesta».
    const stateCell = page
      .getByTestId('agenda-open')
      .locator('tbody tr')
      .filter({ has: page.getByRole('link', { name: number, exact: true }) })
      .locator('td[data-label="Estado"]');
    expect(await stateCell.innerText()).toBe('Sesión remota confirmada');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /^Agenda of / }).waitFor();
    await due.getByText('Remote session', { exact: false }).waitFor();
    expect(oneLine(await due.innerText())).toBe(
      oneLine(`Remote session: ${formatInstant(at, 'en', ZONE)}`),
    );
    await page.getByRole('button', { name: 'Español' }).click();
  });
});
