import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-05, L3-11 (QA S16): the client registers a ticket with its files, as a Zendesk or Jira SM
// new-ticket form allows: the screenshot or log goes with the report, not in a second step on
// the ticket page. The files go up once the ticket exists; a file the server would refuse is told
// in Spanish words (never a code) as it is chosen, and nothing is registered until it is removed.

const CLIENT = 'usuario@aurora.example';
const LOG = Buffer.from('2026-11-29 15:32:01 ERROR l10n_mx_edi: PAC rechazó el certificado\n');

describe('Registering a ticket with files (web app, real workflow; L3-05, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('register_with_files');

  it('the chosen files are attached to the new ticket; a file it would refuse is told first, the ticket registered once', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    const form = page.getByRole('region', { name: 'Nuevo ticket' });
    await form.getByLabel('Categoría').selectOption({ label: 'Incidente' });
    await form.getByLabel('Asunto').fill('No timbra facturas');
    await form
      .getByLabel('Descripción')
      .fill('El PAC rechaza el certificado; adjunto la bitácora.');
    const files = form.getByLabel('Archivos (opcional)');
    expect(await files.getAttribute('multiple')).not.toBeNull();
    // QA S16: the chooser speaks the page's language, not the browser's («Choose Files / No file
    // chosen»): the native input lies transparent over the app's own button and still takes a
    // click on it and the keyboard's focus.
    const chooser = form.locator('.file-chooser');
    expect(await chooser.innerText()).toMatch(/^Elegir archivos\s+Ningún archivo seleccionado$/);
    expect(await page.locator('main').innerText()).not.toMatch(/Choose Files|No file chosen/i);
    expect(
      await page.evaluate("getComputedStyle(document.getElementById('new-ticket-files')).opacity"),
    ).toBe('0');
    expect(
      await page.evaluate(`(() => {
        const face = document.querySelector('.file-chooser-face').getBoundingClientRect();
        return document.elementFromPoint(face.x + face.width / 2, face.y + face.height / 2).id;
      })()`),
    ).toBe('new-ticket-files');
    await form.getByLabel('Descripción').press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('new-ticket-files');
    // QA S43: a file the server would refuse is told as it is chosen, and the form registers
    // nothing until it is removed: the ticket used to be registered and the file refused after.
    await files.setInputFiles([
      { name: 'bitácora.log', mimeType: 'text/plain', buffer: LOG },
      { name: 'instalador.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    await chooser.getByText('2 archivos seleccionados').waitFor();
    const refusals = form.getByTestId('new-ticket-file-refusals');
    await refusals.waitFor();
    expect(await refusals.innerText()).toContain('No se aceptan archivos como «instalador.exe».');
    expect(await refusals.innerText()).not.toContain('bitácora.log');
    // The hint says what is accepted before anything is chosen wrong.
    expect(await form.locator('#new-ticket-files-hint').innerText()).toMatch(
      /Hasta 10 MB por archivo\. Tipos: .*\.log.*\./,
    );
    await form.getByRole('button', { name: 'Registrar ticket' }).click();
    expect(await form.getByTestId('new-ticket-problem').innerText()).toBe(
      'Quite o cambie los archivos que no se aceptan antes de registrar el ticket.',
    );
    const subjectRows = () =>
      e2e.world.db.query<{ attachments_to_follow: number }[]>(
        `SELECT attachments_to_follow FROM ticket WHERE subject = 'No timbra facturas'`,
      );
    expect(await subjectRows()).toEqual([]);

    // Each chosen file is listed with its size; the refused one is removed on its own, the good
    // one stays chosen (QA S57: no way but to choose the good ones again).
    const list = form.getByTestId('new-ticket-file-list');
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^bitácora\.log\s+\d+ bytes\s+Quitar$/),
      expect.stringMatching(/^instalador\.exe\s+2 bytes\s+Quitar$/),
    ]);
    await list.getByRole('button', { name: 'Quitar instalador.exe de la lista' }).click();
    await refusals.waitFor({ state: 'detached' });
    await chooser.getByText('1 archivo seleccionado').waitFor();
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^bitácora\.log/),
    ]);
    await form.getByRole('button', { name: 'Registrar ticket' }).click();

    const registered = page.getByTestId('registered');
    await registered.getByText('Se adjuntó 1 archivo.').waitFor();
    const notice = await registered.innerText();
    const number = /Ticket (L3-\d{4}-\d{6}) registrado\./.exec(notice)![1];
    expect(notice).not.toContain('No se pudo adjuntar');
    expect(notice).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
    // The chooser is empty again for the next ticket.
    expect(await files.inputValue()).toBe('');
    expect(await chooser.innerText()).toContain('Ningún archivo seleccionado');

    // One ticket, holding the log; the form announced its file, so the agents' «Nuevo ticket»
    // email waited for it (L3-11, QA S20).
    expect(await subjectRows()).toEqual([{ attachments_to_follow: 1 }]);
    await registered.getByRole('link', { name: `Ver el ticket ${number}` }).click();
    const section = page.getByTestId('attachments');
    const row = section.getByTestId('attachment-list').getByRole('row', { name: /bitácora\.log/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Úrsula Usuaria');
    expect(await section.getByText('instalador.exe').count()).toBe(0);
  });
  it('a file the server refuses on its content is said once: what was not attached, and why (QA S57)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    const form = page.getByRole('region', { name: 'Nuevo ticket' });
    await form.getByLabel('Categoría').selectOption({ label: 'Incidente' });
    await form.getByLabel('Asunto').fill('Inventario no cuadra');
    await form.getByLabel('Descripción').fill('Adjunto la bitácora y una captura.');
    // A «.png» that is not one: only the server can tell, after the ticket is registered.
    await form.getByLabel('Archivos (opcional)').setInputFiles([
      { name: 'bitácora.log', mimeType: 'text/plain', buffer: LOG },
      { name: 'falso.png', mimeType: 'image/png', buffer: Buffer.from('<html>no</html>') },
    ]);
    await form.getByRole('button', { name: 'Registrar ticket' }).click();
    const registered = page.getByTestId('registered');
    await registered.getByText('Se adjuntó 1 archivo.').waitFor();
    const alert = registered.getByRole('alert');
    await alert.waitFor();
    const words = await alert.innerText();
    expect(words).toMatch(
      /^No se pudo adjuntar «falso\.png»; puede adjuntarlo desde el ticket\.\s/,
    );
    expect(words).toContain('El contenido de «falso.png» no corresponde a un archivo .png.');
    expect(words).not.toContain('Revise lo siguiente');
    expect((await registered.innerText()).match(/No se pudo adjuntar/g)).toHaveLength(1);
  });
});
