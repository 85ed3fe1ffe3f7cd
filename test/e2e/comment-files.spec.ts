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
// one email about the comment and its file, none about the file alone.

const CLIENT = 'usuario@aurora.example';
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
    await screenshot(page, '93-comment-files-refused');
    await list.getByRole('button', { name: /pagina\.html/ }).click();
    expect(await list.getByRole('listitem').count()).toBe(1);

    await box.getByRole('button', { name: 'Enviar' }).click();
    await box.getByText('Comentario enviado con 1 archivo.').waitFor();
    expect(await box.getByTestId('comment-file-list').count()).toBe(0);
    const comment = page.getByTestId('timeline').getByTestId('event-comment');
    await comment.getByTestId('event-comment-files').waitFor();
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
});
