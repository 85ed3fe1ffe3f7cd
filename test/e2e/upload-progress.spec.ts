import type { Page, Route } from 'playwright-core';
import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S62 #5 (L3-11): on a slow link, «Nuevo ticket»'s files go up after the ticket exists. Each
// file shows its own progress («Subiendo… 45 %», then «Adjuntado», or its refusal with
// «Reintentar»); while one is in flight the browser asks before the page is left; a file that
// never arrived (the tab was closed mid-upload) is told on the ticket page: to the registrant with
// a way to attach it again, to the agents as a fact. The upload is held by a Playwright route, the
// way a slow link holds it.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const LOG = Buffer.from('2026-12-07 10:02:11 ERROR timbrado: PAC sin respuesta\n');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const UPLOADS = '**/api/tickets/*/attachments';

/** The multipart file name of an upload request. */
const fileNameOf = (route: Route) =>
  /filename="([^"]*)"/.exec(route.request().postDataBuffer()?.toString('utf8') ?? '')?.[1];

async function fillNewTicket(page: Page, subject: string) {
  const form = page.getByRole('region', { name: 'Nuevo ticket' });
  await form.getByLabel('Categoría').selectOption({ label: 'Incidente' });
  await form.getByLabel('Asunto').fill(subject);
  await form.getByLabel('Descripción').fill('Adjunto la bitácora y el informe del PAC.');
  return form;
}

describe('Uploads on a slow link: per-file progress, and files that never arrived (QA S62 #5, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('upload_progress');

  it('each file shows its progress; closing the tab mid-upload asks first, and the ticket page then says which file did not arrive', async () => {
    const { page, context } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    // The log goes through; the report is held, as a slow link holds it, and never let go.
    let held: Route | undefined;
    await page.route(UPLOADS, async (route) => {
      if (fileNameOf(route) === 'informe.pdf') held = route;
      else await route.continue();
    });
    const form = await fillNewTicket(page, 'El PAC no responde');
    await form.getByLabel('Archivos (opcional)').setInputFiles([
      { name: 'bitácora.log', mimeType: 'text/plain', buffer: LOG },
      { name: 'informe.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await form.getByRole('button', { name: 'Registrar ticket' }).click();

    const registered = page.getByTestId('registered');
    const number = /Ticket (L3-\d{4}-\d{6}) registrado\./.exec(
      await registered.getByText(/Ticket L3-\d{4}-\d{6} registrado\./).innerText(),
    )![1];
    const uploads = registered.getByTestId('new-ticket-uploads');
    const log = uploads.getByRole('listitem').filter({ hasText: 'bitácora.log' });
    const pdf = uploads.getByRole('listitem').filter({ hasText: 'informe.pdf' });
    await log.getByText('Adjuntado').waitFor();
    await pdf.getByText(/^Subiendo… \d{1,2} %$/).waitFor();
    const bar = pdf.getByRole('progressbar', { name: 'Avance de informe.pdf' });
    expect(await bar.getAttribute('max')).toBe('100');
    expect(held).toBeDefined();
    // Nothing is summed up while a file is still going.
    expect(await registered.innerText()).not.toContain('Se adjunt');
    // The server knows both names; only the log has arrived.
    const announced = await e2e.world.db.query<{ names: string[] }[]>(
      `SELECT announced_file_names AS names FROM ticket WHERE number = $1`,
      [number],
    );
    expect(announced).toEqual([{ names: ['bitácora.log', 'informe.pdf'] }]);

    // Closing the tab while the report goes up asks first (the form itself is empty again).
    expect(await form.getByLabel('Asunto').inputValue()).toBe('');
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    await context.close();
    // The report never reached the server; the log did.
    expect(
      await e2e.world.db.query(
        `SELECT file_name FROM ticket_attachment WHERE ticket_number = $1 ORDER BY uploaded_at`,
        [number],
      ),
    ).toEqual([{ file_name: 'bitácora.log' }]);

    // Back later, in a new tab: the ticket says what did not arrive, with a way to attach it.
    const again = await newPage(e2e.browser, e2e.baseURL);
    await logIn(again.page, CLIENT, e2e.password(CLIENT));
    await again.page.goto(`/tickets/${number}`);
    const section = again.page.getByTestId('attachments');
    const notice = section.getByTestId('files-not-arrived');
    await section.getByRole('heading', { name: 'Adjuntos' }).waitFor();
    await notice
      .getByText('No llegó: informe.pdf. Adjúntelo de nuevo.')
      .waitFor()
      .catch(async (err: unknown) => {
        throw new Error(`${String(err)}\n--- Adjuntos read:\n${await section.innerText()}`);
      });
    await section
      .getByTestId('attachment-list')
      .getByRole('link', { name: 'Descargar bitácora.log' })
      .waitFor();

    // The agent reads it as a fact, with no button of the registrant's.
    const agent = await newPage(e2e.browser, e2e.baseURL);
    await logIn(agent.page, AGENT, e2e.password(AGENT));
    await agent.page.goto(`/tickets/${number}`);
    const staffNotice = agent.page.getByTestId('attachments').getByTestId('files-not-arrived');
    // The agent's account reads English; in Spanish too.
    await staffNotice
      .getByText('1 file announced when the ticket was registered did not arrive: informe.pdf.')
      .waitFor();
    await inSpanish(agent.page);
    await staffNotice
      .getByText('1 archivo anunciado al registrar el ticket no llegó: informe.pdf.')
      .waitFor();
    expect(await staffNotice.getByRole('button').count()).toBe(0);
    await agent.context.close();

    // «Adjuntar de nuevo» opens the chooser; once the file is in, the notice is gone.
    const [chooser] = await Promise.all([
      again.page.waitForEvent('filechooser'),
      notice.getByRole('button', { name: 'Adjuntar de nuevo' }).click(),
    ]);
    await chooser.setFiles({ name: 'informe.pdf', mimeType: 'application/pdf', buffer: PDF });
    await section.getByRole('button', { name: 'Adjuntar archivo', exact: true }).click();
    await section
      .getByTestId('attachment-list')
      .getByRole('link', { name: 'Descargar informe.pdf' })
      .waitFor();
    await notice.waitFor({ state: 'detached' });
    await again.context.close();
  });

  it('a file whose upload failed says why with «Reintentar», and goes up when retried', async () => {
    const { page, context } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.route(UPLOADS, (route) => route.abort('internetdisconnected'));
    const form = await fillNewTicket(page, 'Se cae la conexión');
    await form
      .getByLabel('Archivos (opcional)')
      .setInputFiles({ name: 'bitácora.log', mimeType: 'text/plain', buffer: LOG });
    await form.getByRole('button', { name: 'Registrar ticket' }).click();
    const registered = page.getByTestId('registered');
    const item = registered.getByTestId('new-ticket-uploads').getByRole('listitem');
    await item
      .getByText('No se pudo adjuntar «bitácora.log»; puede adjuntarlo desde el ticket.')
      .waitFor();
    await page.unroute(UPLOADS);
    await item.getByRole('button', { name: 'Reintentar bitácora.log' }).click();
    await item.getByText('Adjuntado').waitFor();
    await registered.getByText('Se adjuntó 1 archivo.').waitFor();
    expect(await item.getByRole('button', { name: /Reintentar/ }).count()).toBe(0);
    await context.close();
  });
});
