import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-05, L3-11 (QA S16): the client registers a ticket with its files, as a Zendesk or Jira SM
// new-ticket form allows: the screenshot or log goes with the report, not in a second step on
// the ticket page. The files go up once the ticket exists; a file the server refuses is told in
// Spanish words (never a code) and the ticket stays registered once, with the other files.

const CLIENT = 'usuario@aurora.example';
const LOG = Buffer.from('2026-11-29 15:32:01 ERROR l10n_mx_edi: PAC rechazó el certificado\n');

describe('Registering a ticket with files (web app, real workflow; L3-05, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('register_with_files');

  it('the chosen files are attached to the new ticket; a refused one is told, the ticket registered once', async () => {
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
    await files.setInputFiles([
      { name: 'bitácora.log', mimeType: 'text/plain', buffer: LOG },
      { name: 'instalador.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    ]);
    await form.getByRole('button', { name: 'Registrar ticket' }).click();

    const registered = page.getByTestId('registered');
    await registered.getByText('Se adjuntó 1 archivo.').waitFor();
    const notice = await registered.innerText();
    const number = /Ticket (L3-\d{4}-\d{6}) registrado\./.exec(notice)![1];
    expect(notice).toContain(
      'No se pudo adjuntar «instalador.exe»; puedes adjuntarlo desde el ticket.',
    );
    expect(notice).toContain('No se aceptan archivos como «instalador.exe».');
    expect(notice).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
    // The chooser is empty again for the next ticket.
    expect(await files.inputValue()).toBe('');

    // One ticket, holding the log.
    const [{ count }] = await e2e.world.db.query<{ count: string }[]>(
      `SELECT count(*) FROM ticket WHERE subject = 'No timbra facturas'`,
    );
    expect(count).toBe('1');
    await registered.getByRole('link', { name: `Ver el ticket ${number}` }).click();
    const section = page.getByTestId('attachments');
    const row = section.getByTestId('attachment-list').getByRole('row', { name: /bitácora\.log/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Úrsula Usuaria');
    expect(await section.getByText('instalador.exe').count()).toBe(0);
  });
});
