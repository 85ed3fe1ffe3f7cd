import { Role } from '../../src/identity/role.enum';
import { caughtAtLeast } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// Canned responses («Respuestas predefinidas») on the real stack (PostgreSQL, Temporal, the real
// worker and its outbox dispatcher, the SMTP catcher): a manager writes «Solicitud de acceso»
// with placeholders; an agent opens a client's ticket, inserts it into a comment (filled with the
// ticket's facts, at the cursor or after a blank line, kept as a draft like typed text), sends
// it; the client's ticket page and the email the registrant receives (L3-11) carry the filled
// text. The progress-update form (L3-07) offers the same picker; clients never see it.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const MANAGER = 'gerente@becken.example';
const TITLE = 'Solicitud de acceso';
const BODY =
  'Hola {{solicitante}}, para avanzar con el ticket {{ticket}} ({{asunto}}) necesitamos acceso de administrador al Odoo de {{cliente}}. Saludos, {{agente}}.';
const filled = (number: string) =>
  `Hola Úrsula Usuaria, para avanzar con el ticket ${number} (Factura sin timbrar) necesitamos acceso de administrador al Odoo de Comercializadora Aurora. Saludos, Alex Agent.`;

describe('Canned responses (web app, real workflow and email)', () => {
  const e2e = useE2eWorldWithWorker('canned');
  let number: string;

  beforeAll(async () => {
    number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'Factura sin timbrar',
      description: 'El PAC rechaza la factura de mostrador.',
    });
    // L3-06: classified as a problem, so «Registrar avance» (L3-07) is offered.
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number, classification: 'PROBLEM' } },
      e2e.world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
  }, 60_000);

  it('a manager writes, edits and deletes canned responses, with the placeholders explained', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Respuestas', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Respuestas predefinidas', level: 1 }).waitFor();
    const help = page.getByTestId('canned-placeholders');
    expect(await help.innerText()).toContain('{{solicitante}}');
    expect(await help.innerText()).toContain('quien registró el ticket');
    expect(await help.innerText()).toContain('también {{requester}}');
    const list = page.getByTestId('canned-responses');
    await list.getByText('Todavía no hay respuestas predefinidas.').waitFor();

    // Required fields are said in Spanish before anything is sent.
    const create = page.getByTestId('canned-new');
    await create.getByRole('button', { name: 'Guardar respuesta' }).click();
    await create.getByText('Complete el campo «Título».').waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('canned-new-title');
    await create.getByLabel('Título').fill(TITLE);
    await create.getByRole('button', { name: 'Guardar respuesta' }).click();
    await create.getByText('Complete el campo «Texto en español».').waitFor();

    await create.getByLabel('Texto en español').fill(BODY);
    await create.getByRole('button', { name: 'Guardar respuesta' }).click();
    await create.getByText(`Respuesta «${TITLE}» guardada.`).waitFor();
    expect(await create.getByLabel('Título').inputValue()).toBe('');
    const item = list.getByRole('listitem', { name: TITLE });
    expect(await item.innerText()).toContain(BODY);
    expect(await item.innerText()).toContain('Gerardo Gerente');

    // The same title in another case: refused in words, what was typed stays.
    await create.getByLabel('Título').fill('SOLICITUD DE ACCESO');
    await create.getByLabel('Texto en español').fill('Otro texto.');
    await create.getByRole('button', { name: 'Guardar respuesta' }).click();
    await create
      .getByText('Ya existe una respuesta predefinida con el título «SOLICITUD DE ACCESO».')
      .waitFor();
    // Said once: not under the general «Ya existe un registro igual.» (QA S20).
    expect(await create.getByRole('alert').allInnerTexts()).toEqual([
      'Ya existe una respuesta predefinida con el título «SOLICITUD DE ACCESO».',
    ]);
    expect(await create.getByLabel('Texto en español').inputValue()).toBe('Otro texto.');
    // Fixing the title takes the old refusal away; a blank title says only that (QA).
    await create.getByLabel('Título').fill('');
    await create.getByRole('button', { name: 'Guardar respuesta' }).click();
    await create.getByText('Complete el campo «Título».').waitFor();
    expect(await create.getByText(/Ya existe una respuesta predefinida/).count()).toBe(0);

    // Another one, listed by title (Spanish order), edited, then deleted after a confirmation.
    await create.getByLabel('Título').fill('Avance periódico');
    await create
      .getByLabel('Texto en español')
      .fill('Seguimos trabajando en el ticket {{ticket}}.');
    await create.getByRole('button', { name: 'Guardar respuesta' }).click();
    await create.getByText('Respuesta «Avance periódico» guardada.').waitFor();
    expect(await list.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
      'Avance periódico',
      TITLE,
    ]);
    await list.getByRole('button', { name: 'Editar «Avance periódico»' }).click();
    const edit = list.getByRole('listitem', { name: 'Avance periódico' });
    await edit
      .getByLabel('Texto en español')
      .fill('Seguimos con el ticket {{ticket}}; le avisamos hoy.');
    await edit.getByRole('button', { name: 'Guardar cambios' }).click();
    await list.getByText('Cambios a «Avance periódico» guardados.').waitFor();
    expect(await edit.innerText()).toContain('Seguimos con el ticket {{ticket}}; le avisamos hoy.');
    // Focus goes back to the item's «Editar» on the next frame, after the notice is shown.
    await eventually(
      () => page.evaluate('document.activeElement.getAttribute("aria-label")'),
      (label) => label === 'Editar «Avance periódico»',
      5_000,
      50,
    );
    await screenshot(page, '70-manager-canned-responses');

    // Deleting asks first, in the page (QA S55: not the browser's confirm): cancelled, both stay.
    const confirm = list.getByRole('alertdialog', {
      name: '¿Eliminar la respuesta predefinida «Avance periódico»?',
    });
    await list.getByRole('button', { name: 'Eliminar «Avance periódico»' }).click();
    expect(await confirm.innerText()).toContain('No se puede deshacer');
    await confirm.getByRole('button', { name: 'Cancelar' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await list.getByRole('heading', { level: 3 }).count()).toBe(2);
    await list.getByRole('button', { name: 'Eliminar «Avance periódico»' }).click();
    await confirm.getByRole('button', { name: 'Sí, eliminar' }).click();
    await list.getByText('Respuesta «Avance periódico» eliminada.').waitFor();
    expect(await list.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([TITLE]);
  });

  it('an agent inserts it into a comment, filled, kept as a draft, and sends it; the client reads it and gets it by email', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    // The demo agent reads English; this test reads Spanish.
    await inSpanish(page);
    // Agents read the responses, without writing them.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Respuestas', exact: true })
      .click();
    await page.getByRole('listitem', { name: TITLE }).waitFor();
    expect(await page.getByRole('button', { name: /^Editar|^Eliminar/ }).count()).toBe(0);
    expect(await page.getByTestId('canned-new').count()).toBe(0);

    await page.goto(`/tickets/${number}`);
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    const comments = page.getByTestId('comment-box');
    const text = comments.locator('#comment-body');
    const picker = comments.getByTestId('canned-picker');
    await picker
      .getByLabel('Insertar respuesta predefinida')
      .selectOption({ label: `${TITLE} (ES)` });
    await picker.getByRole('button', { name: 'Insertar', exact: true }).click();
    // Filled with this ticket's facts, and the cursor is in the text, after it.
    expect(await text.inputValue()).toBe(filled(number));
    expect(await page.evaluate('document.activeElement.id')).toBe('comment-body');
    expect(await page.evaluate('document.activeElement.selectionStart')).toBe(
      filled(number).length,
    );
    // Typed text goes on where the cursor is; a second insertion at the end of the text goes
    // after a blank line.
    await page.keyboard.type(' Gracias.');
    await picker
      .getByLabel('Insertar respuesta predefinida')
      .selectOption({ label: `${TITLE} (ES)` });
    await picker.getByRole('button', { name: 'Insertar', exact: true }).click();
    expect(await text.inputValue()).toBe(`${filled(number)} Gracias.\n\n${filled(number)}`);
    // Edited before sending, as any text.
    await text.fill(`${filled(number)} Gracias.`);

    // Inserted text is typed text: kept in the tab across a visit to another screen.
    await page.getByRole('navigation').getByRole('link', { name: 'Consola' }).click();
    await page.getByRole('heading', { name: 'Consola', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    await comments.getByText('Recuperamos el comentario que no envió.').waitFor();
    expect(await text.inputValue()).toBe(`${filled(number)} Gracias.`);
    await screenshot(page, '71-agent-canned-inserted');

    // «Registrar avance» (L3-07) offers it too; with the cursor placed inside the note, the
    // response goes there.
    const progress = await openAction(page, 'Registrar avance');
    const note = progress.getByLabel('Nota');
    await note.fill('Seguimos revisando.');
    await note.press('Home');
    const progressPicker = progress.getByTestId('canned-picker');
    await progressPicker
      .getByLabel('Insertar respuesta predefinida')
      .selectOption({ label: `${TITLE} (ES)` });
    await progressPicker.getByRole('button', { name: 'Insertar', exact: true }).click();
    // At the cursor, before what was typed, and not glued to it (QA).
    expect(await note.inputValue()).toBe(`${filled(number)} Seguimos revisando.`);
    await progress.getByRole('button', { name: 'Cerrar formulario' }).click();

    // Inserted once more and edited back: the picker says what it inserted, until it is sent.
    await picker
      .getByLabel('Insertar respuesta predefinida')
      .selectOption({ label: `${TITLE} (ES)` });
    await picker.getByRole('button', { name: 'Insertar', exact: true }).click();
    await text.fill(`${filled(number)} Gracias.`);
    expect(await picker.getByRole('status').innerText()).toBe(
      `Se insertó «${TITLE}»; revise el texto antes de enviarlo.`,
    );
    await comments.getByRole('button', { name: 'Enviar', exact: true }).click();
    await comments.getByText('Comentario enviado.').waitFor();
    expect(await text.inputValue()).toBe('');
    // Once sent, «… revise el texto antes de enviarlo» is no longer said beside it (QA S56).
    expect(await picker.getByRole('status').innerText()).toBe('');

    // The client reads the filled text on the ticket page, and has no picker.
    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await client.goto(`/tickets/${number}`);
    await client.getByRole('heading', { name: new RegExp(number) }).waitFor();
    await client
      .getByTestId('timeline')
      .getByText(`${filled(number)} Gracias.`)
      .waitFor();
    await client.getByTestId('comment-box').waitFor();
    expect(await client.getByTestId('canned-picker').count()).toBe(0);
    expect(await client.getByText('Insertar respuesta predefinida').count()).toBe(0);

    // L3-11: the registrant's email carries the same words, once.
    const mails = await caughtAtLeast(
      1,
      (m) => m.subject.includes(number) && m.text.includes(filled(number)),
      CLIENT,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`${filled(number)} Gracias.`);
    expect(mails[0].text).not.toContain('{{');
  });

  it('says which placeholders an inserted response still holds, before anything is sent (QA)', async () => {
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }`,
      { input: { title: 'Visita', body: 'Visitaremos a {{cliente}} el {{fecha}}.' } },
      e2e.world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    await page.goto(`/tickets/${number}`);
    const picker = page.getByTestId('comment-box').getByTestId('canned-picker');
    await picker
      .getByLabel('Insertar respuesta predefinida')
      .selectOption({ label: 'Visita (ES)' });
    await picker.getByRole('button', { name: 'Insertar', exact: true }).click();
    expect(await picker.getByTestId('canned-gaps').innerText()).toBe(
      'Quedan marcadores sin llenar: {{fecha}}. Reemplácelos antes de enviar.',
    );
    // Sent as it is, it is refused here, saying what to fill; nothing reaches the ticket (QA S54:
    // a demo text's blank reached a client).
    const countComments = async () =>
      (
        await e2e.world.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1 AND type = 'comment'`,
          [number],
        )
      )[0].n;
    const before = await countComments();
    const box = page.getByTestId('comment-box');
    await box.getByRole('button', { name: 'Enviar', exact: true }).click();
    expect(await box.getByRole('alert').innerText()).toBe(
      'Quedan marcadores sin llenar: {{fecha}}. Reemplácelos antes de enviar.',
    );
    expect(await countComments()).toBe(before);
    // Replaced by hand: the notice goes, since nothing is left to fill.
    const text = page.getByTestId('comment-box').locator('#comment-body');
    await text.fill((await text.inputValue()).replace('{{fecha}}', 'lunes 7'));
    await picker.getByTestId('canned-gaps').waitFor({ state: 'detached' });

    // A response a manager adds while the page is open shows when the tab comes back to the
    // front, without reloading the page.
    const added = await gql(
      e2e.world.api,
      `mutation ($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }`,
      { input: { title: 'Cierre amable', body: 'Quedamos atentos, {{solicitante}}.' } },
      e2e.world.bearer(Role.MANAGER),
    );
    expect(added.body.errors).toBeUndefined();
    const select = picker.getByLabel('Insertar respuesta predefinida');
    expect(await select.getByRole('option', { name: 'Cierre amable' }).count()).toBe(0);
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await select.getByRole('option', { name: 'Cierre amable' }).waitFor({ state: 'attached' });
  });

  it("inserts the text in the registrant's language: English for an English reader, Spanish when the response has none", async () => {
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }`,
      {
        input: {
          title: 'Saludo',
          body: 'Hola {{solicitante}}, revisamos el ticket {{ticket}}.',
          bodyEn: 'Hello {{requester}}, we are looking into ticket {{ticket}}.',
        },
      },
      e2e.world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    const comments = page.getByTestId('comment-box');
    const text = comments.locator('#comment-body');
    const picker = comments.getByTestId('canned-picker');
    const select = picker.getByLabel('Insertar respuesta predefinida');

    // Úrsula reads Spanish: the Spanish text; the picker says which languages each response has.
    await page.goto(`/tickets/${number}`);
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    await select.selectOption({ label: 'Saludo (ES · EN)' });
    await picker.getByText('Quien registró este ticket lee español').waitFor();
    await picker.getByRole('button', { name: 'Insertar', exact: true }).click();
    expect(await text.inputValue()).toBe(`Hola Úrsula Usuaria, revisamos el ticket ${number}.`);
    await text.fill('');

    // Her account switched to English: the English text, from the same screen in Spanish.
    const setLocale = (locale: string) =>
      e2e.world.db.query('UPDATE app_user SET locale = $1 WHERE email = $2', [locale, CLIENT]);
    await setLocale('en');
    try {
      await page.reload();
      await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
      await picker.getByText('Quien registró este ticket lee inglés').waitFor();
      await select.selectOption({ label: 'Saludo (ES · EN)' });
      await picker.getByRole('button', { name: 'Insertar', exact: true }).click();
      expect(await text.inputValue()).toBe(
        `Hello Úrsula Usuaria, we are looking into ticket ${number}.`,
      );
      await screenshot(page, '72-agent-canned-in-english');
      // A response with no English text goes in Spanish, and the agent is told so.
      await text.fill('');
      await select.selectOption({ label: `${TITLE} (ES)` });
      await picker.getByRole('button', { name: 'Insertar', exact: true }).click();
      expect(await text.inputValue()).toBe(filled(number));
      await picker
        .getByText(`Se insertó «${TITLE}» en español: no tiene texto en inglés.`, { exact: false })
        .waitFor({ state: 'attached' });
    } finally {
      await setLocale('es-MX');
    }
  });
});
