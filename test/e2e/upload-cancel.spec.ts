import type { Route } from 'playwright-core';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S65c (L3-11): on a slow link an upload can be stopped. In the comment box the file going up
// has «Cancelar» (its request is aborted) and the waiting ones keep «Quitar»; the comment goes
// with the files that arrived and says which was cancelled. Each file says where it is («En
// espera», «Subiendo… n %» on one line on a phone, «Adjuntado»). «Adjuntos» cancels the same way.
// The upload is held by a Playwright route, as a slow link holds it, and never let go: only the
// cancel ends it. (What the server does with an upload whose body never ended, nothing stored,
// is test/integration/attachments.spec.ts, QA S65 #11.)

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const UPLOADS = '**/api/tickets/*/attachments';
const log = (name: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(`2026-12-08 02:11:00 ${name}\n`),
});
const ZIP = {
  name: 'bd.zip',
  mimeType: 'application/zip',
  buffer: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(1_000_000, 7)]),
};
/** The multipart file name of an upload request. */
const fileNameOf = (route: Route) =>
  /filename="([^"]*)"/.exec(route.request().postDataBuffer()?.toString('utf8') ?? '')?.[1];

describe('cancelling an upload (QA S65c, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('upload_cancel');

  const storedNames = async (number: string) =>
    (
      await e2e.world.db.query<{ file_name: string }[]>(
        `SELECT file_name FROM ticket_attachment WHERE ticket_number = $1 ORDER BY file_name`,
        [number],
      )
    ).map((r) => r.file_name);

  it('the comment box: «Cancelar» stops the file going up, «Quitar» a waiting one; the comment goes with the others', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'Respaldo incompleto',
      description: 'El respaldo de anoche no terminó.',
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, CLIENT, e2e.password(CLIENT));
    let held: Route | undefined;
    await page.route(UPLOADS, async (route) => {
      if (fileNameOf(route) === ZIP.name) held = route;
      else await route.continue();
    });
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    const box = page.getByTestId('comment-box');
    await box.getByLabel('Su respuesta').fill('Van las bitácoras del respaldo.');
    await box
      .getByLabel('Archivos para el comentario (opcional)')
      .setInputFiles([log('primera.log'), ZIP, log('segunda.log'), log('tercera.log')]);
    const list = box.getByTestId('comment-file-list');
    const row = (name: string) => list.getByRole('listitem').filter({ hasText: name });
    // Not sent yet: no state, every file removable.
    expect(await list.getByTestId('comment-file-list-state').count()).toBe(0);
    await box.getByRole('button', { name: 'Enviar' }).click();

    await row('primera.log').getByText('Adjuntado').waitFor();
    const uploading = row(ZIP.name).getByText(/^Subiendo… \d{1,2} %$/);
    await uploading.waitFor();
    expect(held).toBeDefined();
    await row('segunda.log').getByText('En espera').waitFor();
    await row('tercera.log').getByText('En espera').waitFor();
    // On a 390 px phone «Subiendo… n %» stays on one line: one box, which never breaks (QA
    // S65c #3: «Subiendo… / 47 %» broke in two beside «Quitar»).
    const [boxes, wrapping] = await uploading.evaluate((el) => {
      const dom = el as unknown as {
        getClientRects(): { length: number };
        ownerDocument: { defaultView: { getComputedStyle(e: unknown): { whiteSpace: string } } };
      };
      return [
        dom.getClientRects().length,
        dom.ownerDocument.defaultView.getComputedStyle(el).whiteSpace,
      ] as const;
    });
    expect([boxes, wrapping]).toEqual([1, 'nowrap']);
    await screenshot(page, 'h65c-comment-uploading-phone');

    // A waiting file can still be removed; the one going up has «Cancelar».
    await row('tercera.log')
      .getByRole('button', { name: 'Quitar tercera.log de la lista' })
      .click();
    expect(await row('tercera.log').count()).toBe(0);
    await row(ZIP.name)
      .getByRole('button', { name: `Cancelar el envío de ${ZIP.name}` })
      .click();

    await box.getByText('Comentario enviado con 2 archivos.').waitFor();
    await box
      .getByTestId('comment-files-cancelled')
      .getByText(
        `Se canceló «${ZIP.name}»: el comentario se envía con los demás archivos, sin ese.`,
      )
      .waitFor();
    const comment = page.getByTestId('timeline').getByTestId('event-comment');
    await comment.getByTestId('event-comment-files').waitFor();
    const told = await comment.getByTestId('event-comment-files').innerText();
    expect(told).toContain('primera.log');
    expect(told).toContain('segunda.log');
    expect(told).not.toContain(ZIP.name);
    expect(told).not.toContain('tercera.log');
    // Nothing of the cancelled (or removed) file on the server: no row, not even a held one.
    expect(await storedNames(number)).toEqual(['primera.log', 'segunda.log']);

    // The agent sees the two files, never the cancelled one.
    const agent = await newPage(e2e.browser, e2e.baseURL);
    await logIn(agent.page, AGENT, e2e.password(AGENT));
    await agent.page.goto(`/tickets/${number}`);
    const files = agent.page.getByTestId('attachments');
    await files.getByText('segunda.log').first().waitFor();
    expect(await files.innerText()).not.toContain(ZIP.name);
  });

  it('«Adjuntos»: the agent cancels the file going up; the other is attached and nothing stays of the cancelled one', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'Volcado de base',
      description: 'Se necesita el volcado.',
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.route(UPLOADS, async (route) => {
      if (fileNameOf(route) === ZIP.name) return; // held: a slow link
      await route.continue();
    });
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    const section = page.getByTestId('attachments');
    await section.getByLabel('Archivos para adjuntar').setInputFiles([ZIP, log('consulta.log')]);
    await section.getByRole('button', { name: 'Adjuntar 2 archivos' }).click();
    const zipRow = section.getByRole('listitem').filter({ hasText: ZIP.name });
    await zipRow.getByText(/^Subiendo… \d{1,2} %$/).waitFor();
    // The waiting file keeps «Quitar» enabled while the other goes up.
    expect(
      await section.getByRole('button', { name: 'Quitar consulta.log de la lista' }).isEnabled(),
    ).toBe(true);
    await zipRow.getByRole('button', { name: `Cancelar el envío de ${ZIP.name}` }).click();
    await section
      .getByTestId('upload-cancelled')
      .getByText(`Se canceló el envío de «${ZIP.name}»: no se adjuntó.`)
      .waitFor();
    await section.getByText('Se adjuntó «consulta.log»', { exact: false }).waitFor();
    expect(await storedNames(number)).toEqual(['consulta.log']);
    expect(await section.getByRole('listitem').filter({ hasText: ZIP.name }).count()).toBe(0);
  });
});

describe('the comment box clears its files problem once fixed (QA S65c #2, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('upload_cancel_problem');

  it('«Quite o cambie…» goes as soon as the refused file is removed', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'Archivo grande',
      description: 'Uno de los archivos es muy grande.',
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    const box = page.getByTestId('comment-box');
    await box.getByLabel('Su respuesta').fill('Adjunto los archivos.');
    await box
      .getByLabel('Archivos para el comentario (opcional)')
      .setInputFiles([
        log('uno.log'),
        log('dos.log'),
        { name: 'enorme.log', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024, 65) },
        log('tres.log'),
      ]);
    await box.getByRole('button', { name: 'Enviar' }).click();
    const message = box.getByText(
      'Quite o cambie los archivos que no se aceptan antes de enviar el comentario.',
    );
    await message.waitFor();
    const list = box.getByTestId('comment-file-list');
    await list.getByRole('button', { name: 'Quitar enorme.log de la lista' }).click();
    await message.waitFor({ state: 'detached' });
    expect(
      await box.getByLabel('Archivos para el comentario (opcional)').getAttribute('aria-invalid'),
    ).toBeNull();
    expect(await list.getByRole('listitem').count()).toBe(3);
  });
});
