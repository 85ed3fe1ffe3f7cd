import { readFileSync } from 'node:fs';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-11 files on tickets, in the browser on the real stack: the client attaches a log to its
// ticket from the ticket page and sees it listed (name, size, who, when); a file the server
// refuses is refused in Spanish with nothing listed; the download carries the session (fetch +
// blob) and gives back the same bytes; the agent sees the client's file on the same ticket and
// deletes it: the entry stays, greyed, «eliminado por …» with the date, without a download.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
/** What the page-side check reads of a cell (this tier compiles without the DOM's types). */
interface Styled {
  readonly ownerDocument: {
    readonly defaultView: { getComputedStyle(element: Styled): { readonly color: string } };
  };
}
const LOG = Buffer.from('2026-02-02 10:15:01 ERROR odoo.addons.l10n_mx_edi: PAC timeout\n');

describe('Attachments on the ticket page (web app, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('attachments');
  let number: string;

  beforeAll(async () => {
    const { body } = await gql<{ registerTicket: { number: string } }>(
      e2e.world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: {
          category: 'INCIDENT',
          subject: 'No timbra la factura',
          description: 'El PAC no responde al timbrar.',
        },
      },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    number = body.data!.registerTicket.number;
  }, 60_000);

  it('the client attaches a log, sees it listed and downloads the same bytes; a refused file is told in Spanish', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    const section = page.getByTestId('attachments');
    await section.getByRole('heading', { name: 'Adjuntos' }).waitFor();
    await section.getByText('Todavía no hay archivos adjuntos.').waitFor();
    await section.getByText('Hasta 10 MB por archivo.', { exact: false }).waitFor();

    // A "PNG" that is not one: the server refuses it and the page says why, in Spanish.
    await section.getByLabel('Archivo para adjuntar').setInputFiles({
      name: 'captura.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html>no soy una imagen</html>'),
    });
    await section.getByRole('button', { name: 'Adjuntar archivo' }).click();
    await section
      .getByText('El contenido de «captura.png» no corresponde a un archivo .png.')
      .waitFor();
    expect(await section.getByTestId('attachment-list').count()).toBe(0);

    // A type the server does not take is refused here, before anything is sent.
    await section.getByLabel('Archivo para adjuntar').setInputFiles({
      name: 'pagina.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<script></script>'),
    });
    await section
      .getByText('No se aceptan archivos como «pagina.html».', { exact: false })
      .waitFor();

    await section.getByLabel('Archivo para adjuntar').setInputFiles({
      name: 'bitácora timbrado.log',
      mimeType: 'text/plain',
      buffer: LOG,
    });
    await section.getByRole('button', { name: 'Adjuntar archivo' }).click();
    await section.getByText('Se adjuntó «bitácora timbrado.log».').waitFor();
    const row = section
      .getByTestId('attachment-list')
      .getByRole('row', { name: /bitácora timbrado\.log/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(
      /bitácora timbrado\.log\s+\d+ bytes\s+Úrsula Usuaria\s+\S/,
    );

    // The download sends the token (fetch + blob) and saves the file under its own name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'Descargar bitácora timbrado.log' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bitácora timbrado.log');
    expect(readFileSync(await download.path()).equals(LOG)).toBe(true);
    await screenshot(page, '70-ticket-attachments');
  });

  it('the agent sees the client’s file on the ticket', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    // The demo agent's account is in English; the switch brings Spanish back.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.goto(`/tickets/${number}`);
    const row = page
      .getByTestId('attachments')
      .getByRole('row', { name: /bitácora timbrado\.log/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Úrsula Usuaria');
    // Provider staff may delete any file: its content goes, the list keeps its record, greyed,
    // with who deleted it and when, and offers neither a download nor a delete.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await row.getByRole('button', { name: 'Eliminar bitácora timbrado.log' }).click();
    expect(await asked).toContain('queda constancia de quién lo eliminó');
    const section = page.getByTestId('attachments');
    await section.getByText('Se eliminó «bitácora timbrado.log».').waitFor();
    await row.getByText(/^bitácora timbrado\.log — eliminado por Alex Agent, \d/).waitFor();
    expect(await row.getAttribute('data-deleted')).toBe('true');
    // Greyed: the muted text colour of the theme (#4a5565).
    expect(
      await row
        .getByRole('rowheader')
        .evaluate((cell: Styled) => cell.ownerDocument.defaultView.getComputedStyle(cell).color),
    ).toBe('rgb(74, 85, 101)');
    expect(await row.getByRole('link').count()).toBe(0);
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await row.innerText()).toContain('Úrsula Usuaria');
    await section.getByText(/^0 de \d+ archivos \(más 1 eliminado\)\.$/).waitFor();
  });
});
