import { randomBytes } from 'node:crypto';
import { emailsQueued } from '../support/emails-queued';
import { eventually } from '../support/eventually';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-11 in the browser, on the real stack: the client's comment carries a file. The comment box
// takes files (each by name, removable, a refused one told before anything is sent); «Enviar»
// uploads them as the comment's and posts the comment naming them. The history shows the files
// under the comment (not as lines of their own), the ticket's files list them, and the agents get
// one email about the comment and its file, none about the file alone. QA S58: a file the server
// refuses says why on its row and nothing of the comment stays on the ticket; an internal note's
// file, first uploaded for a reply, is never the client's to see; «Quitar» keeps the keyboard in
// the list; the chosen files stay with the draft on a visit to another screen, and a reload
// names those to choose again.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const FAKE_PNG = { name: 'falsa.png', mimeType: 'image/png', buffer: Buffer.from('no soy png') };
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  randomBytes(492),
]);

describe('a comment with files (web app, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('comment_files');

  it('the client sends a comment with a file: one line in the history, one email', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'Póliza descuadrada',
      description: 'La póliza de noviembre no cuadra.',
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    const box = page.getByTestId('comment-box');
    // No text: refused here, and the message is tied to the text's field (QA S59).
    await box.getByRole('button', { name: 'Enviar' }).click();
    await box.getByRole('alert').getByText('Escriba el comentario.').waitFor();
    expect(await box.getByLabel('Su respuesta').getAttribute('aria-invalid')).toBe('true');
    expect(
      (await box.getByLabel('Su respuesta').getAttribute('aria-describedby'))?.split(' ')[0],
    ).toBe('comment-problem');
    await box.getByLabel('Su respuesta').fill('Adjunto la póliza del mes.');
    await box.getByLabel('Archivos para el comentario (opcional)').setInputFiles([
      { name: 'poliza.png', mimeType: 'image/png', buffer: PNG },
      { name: 'pagina.html', mimeType: 'text/html', buffer: Buffer.from('<p>no</p>') },
    ]);
    const list = box.getByTestId('comment-file-list');
    expect(await list.getByRole('listitem').count()).toBe(2);
    // A file the server would refuse is told beside it, and nothing is sent.
    await list
      .getByTestId('comment-file-list-refusal')
      .getByText('No se aceptan archivos como «pagina.html».', { exact: false })
      .waitFor();
    await box.getByRole('button', { name: 'Enviar' }).click();
    await box
      .getByText('Quite o cambie los archivos que no se aceptan antes de enviar el comentario.')
      .waitFor();
    // Tied to the files' field, not to the text (QA S59).
    const chooser = box.getByLabel('Archivos para el comentario (opcional)');
    expect(await chooser.getAttribute('aria-invalid')).toBe('true');
    expect((await chooser.getAttribute('aria-describedby'))?.split(' ')).toContain(
      'comment-problem',
    );
    expect(await box.getByLabel('Su respuesta').getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, '93-comment-files-refused');
    await list.getByRole('button', { name: /pagina\.html/ }).click();
    expect(await list.getByRole('listitem').count()).toBe(1);

    // QA S58: a visit to another screen keeps the chosen file with the draft.
    await page.getByRole('link', { name: 'Mis tickets', exact: true }).first().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/tickets/L3-'));
    await page.goBack();
    await box.getByLabel('Su respuesta').waitFor();
    expect(await box.getByLabel('Su respuesta').inputValue()).toBe('Adjunto la póliza del mes.');
    expect(await list.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('poliza.png'),
    ]);
    expect(await box.getByTestId('comment-files-lost').count()).toBe(0);

    // A double click sends once; its second click, on the disabled button, focused <main> and
    // the page went back to its top (QA S59): the notice takes the focus.
    await box.getByRole('button', { name: 'Enviar' }).dblclick();
    const sent = box.getByText('Comentario enviado con 1 archivo.');
    await sent.waitFor();
    expect(await sent.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await box.getByTestId('comment-file-list').count()).toBe(0);
    const comment = page.getByTestId('timeline').getByTestId('event-comment');
    await comment.getByTestId('event-comment-files').waitFor();
    expect(await comment.count()).toBe(1);
    expect(await comment.getByTestId('event-comment-files').innerText()).toBe(
      'Archivo adjunto: poliza.png (500 bytes)',
    );
    // Told under the comment, not as a line of its own; the ticket's files hold it.
    expect(await page.getByTestId('timeline').getByTestId('event-attachment-added').count()).toBe(
      0,
    );
    await page.getByTestId('attachments').getByText('poliza.png').waitFor();
    await screenshot(page, '94-comment-with-file');

    // One email per agent, about the comment and naming the file; none about the file alone.
    await emailsQueued(e2e.world.db, number);
    const rows = await eventually(
      () =>
        e2e.world.db.query<{ event_type: string; text: string }[]>(
          `SELECT event_type, text FROM email_outbox
            WHERE ticket_number = $1 AND event_type <> 'PROVIDER_NEW_TICKET'
              AND event_type <> 'TICKET_REGISTERED'`,
          [number],
        ),
      (r) => r.length > 0,
    );
    expect(new Set(rows.map((r) => r.event_type))).toEqual(new Set(['PROVIDER_CLIENT_ACTIVITY']));
    for (const row of rows) {
      expect(row.text).toContain('Adjunto la póliza del mes.');
      expect(row.text).toContain('poliza.png');
    }
  });

  it('a refused file says why on its row and leaves nothing on the ticket; a note’s file stays the staff’s', async () => {
    const number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'Costos de nómina',
      description: 'Los costos no cuadran.',
    });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto(`/tickets/${number}`);
    await inSpanish(page);
    const box = page.getByTestId('comment-box');
    const chooser = box.getByLabel('Archivos para el comentario (opcional)');
    await box.getByRole('radio', { name: 'Respuesta al cliente' }).check();
    await box.locator('#comment-body').fill('Revisamos los costos internos.');
    await chooser.setInputFiles([
      { name: 'costos-internos.png', mimeType: 'image/png', buffer: PNG },
      FAKE_PNG,
    ]);
    await box.getByRole('button', { name: 'Enviar' }).click();
    // The server's refusal on the refused file's row, in one sentence.
    const list = box.getByTestId('comment-file-list');
    await list
      .getByTestId('comment-file-list-refusal')
      .getByText('El contenido de «falsa.png» no corresponde a un archivo .png.')
      .waitFor();
    // Nothing of the comment is on the ticket: not the refused file, not the one before it.
    await page.reload();
    await page.getByTestId('attachments').getByText('Todavía no hay archivos adjuntos.').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(0);
    // The reload kept the draft's text, not its files: the box names them to choose again.
    const lost = box.getByTestId('comment-files-lost');
    const lostText =
      'Los archivos elegidos no se conservan al recargar la página. Elíjalos de nuevo: costos-internos.png, falsa.png.';
    await lost.getByText(lostText).waitFor();
    // A second reload before they are chosen again still names them (QA S62).
    await page.reload();
    await lost.getByText(lostText).waitFor();

    // Chosen again, as a note this time; the keyboard removes the bad file and stays in the list.
    await box.locator('#comment-body').fill('Revisamos los costos internos.');
    await chooser.setInputFiles([
      FAKE_PNG,
      { name: 'costos-internos.png', mimeType: 'image/png', buffer: PNG },
    ]);
    expect(await lost.count()).toBe(0);
    await list.getByRole('button', { name: /falsa\.png/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      "document.activeElement?.getAttribute('aria-label')?.includes('costos-internos.png') === true",
    );
    await box.getByRole('radio', { name: 'Nota interna' }).check();
    await box.getByRole('button', { name: 'Enviar' }).click();
    await box.getByText('Comentario enviado con 1 archivo.').waitFor();
    await page
      .getByTestId('timeline')
      .getByTestId('event-comment-files')
      .getByText('Archivo adjunto: costos-internos.png (500 bytes)')
      .waitFor();

    // The client sees neither the note nor its file.
    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await client.goto(`/tickets/${number}`);
    await inSpanish(client);
    await client
      .getByTestId('attachments')
      .getByText('Todavía no hay archivos adjuntos.')
      .waitFor();
    expect(await client.getByTestId('timeline').innerText()).not.toContain('costos-internos');
  });
});
