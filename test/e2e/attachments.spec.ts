import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { Role } from '../../src/identity/role.enum';
import { formatFileSize } from '../../web/src/i18n/file-size';
import { LiveUpdatesService } from '../../src/live/live-updates.service';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerTicket } from '../support/world-with-worker';
import { logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-11 files on tickets, in the browser on the real stack: the client attaches a log to its
// ticket from the ticket page and sees it listed (name, size, who, when); a file the server
// refuses is refused in Spanish with nothing listed; the download carries the session (fetch +
// blob) and gives back the same bytes; the agent sees the client's file on the same ticket and
// deletes it: the entry stays, greyed, «eliminado por …» with the date, without a download. A
// file the agent attaches or deletes shows on the client's open ticket page without a reload.
// Several files at once: dropped or chosen files are listed before upload (one refused here,
// one taken out), go up in turn (a refusal stops none), and show in the card and in the ticket's
// history («Archivo adjuntado: …»); deleting one adds «Archivo eliminado: …» to the history.
// Previews: an image has a thumbnail and «Ver» (a modal dialog), a PDF «Ver» (the browser's PDF
// viewer in the dialog), a text file «Ver» that shows it as text (its first 256 KB, never markup).

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
/** What the page-side check reads of a cell (this tier compiles without the DOM's types). */
interface Styled {
  readonly ownerDocument: {
    readonly defaultView: { getComputedStyle(element: Styled): { readonly color: string } };
  };
}
const LOG = Buffer.from('2026-02-02 10:15:01 ERROR odoo.addons.l10n_mx_edi: PAC timeout\n');

/** A valid PNG of `width`×`height` blue pixels (8-bit RGB), made here: the preview decodes it. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  // Each row: filter byte 0, then RGB pixels.
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.alloc(width * 3, Buffer.from([19, 78, 154])),
  ]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF that says «Factura A-1024» (objects, cross-reference table and trailer). */
function pdf(): Buffer {
  const text = 'BT /F1 24 Tf 72 720 Td (Factura A-1024) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** What the page-side checks read of an image. */
interface Picture {
  readonly src: string;
  readonly naturalWidth: number;
  decode(): Promise<void>;
}

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
    await section.getByLabel('Archivos para adjuntar').setInputFiles({
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
    await section.getByLabel('Archivos para adjuntar').setInputFiles({
      name: 'pagina.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<script></script>'),
    });
    await section
      .getByText('No se aceptan archivos como «pagina.html».', { exact: false })
      .waitFor();
    // The app's own chooser (QA S16), in Spanish: it counts the file waiting in the list.
    const chooser = section.locator('.file-chooser');
    expect(await chooser.innerText()).toMatch(/^Elegir archivos\s+1 archivo seleccionado$/);
    expect(await section.innerText()).not.toMatch(/Choose Files|No file chosen/i);

    await section.getByLabel('Archivos para adjuntar').setInputFiles({
      name: 'bitácora timbrado.log',
      mimeType: 'text/plain',
      buffer: LOG,
    });
    // «pagina.html» stays in the list, marked: it is refused when the list goes up, and the
    // summary counts it (L3-11: the summary says both what was stored and what was refused).
    await section.getByRole('button', { name: 'Adjuntar archivo' }).click();
    await section.getByText('Se adjuntó «bitácora timbrado.log»; 1 rechazado.').waitFor();
    // The summary and the file's refusal follow the language switch (they stayed in the language
    // they were sent in).
    await page.getByRole('button', { name: 'English' }).click();
    await section.getByText('“bitácora timbrado.log” was attached; 1 refused.').waitFor();
    expect(await section.getByTestId('upload-queue').innerText()).toContain(
      'Files like “pagina.html” are not accepted.',
    );
    await page.getByRole('button', { name: 'Español' }).click();
    await section.getByText('Se adjuntó «bitácora timbrado.log»; 1 rechazado.').waitFor();
    expect(await chooser.innerText()).toContain('Ningún archivo seleccionado');
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

  it('on a phone’s touch screen the hint does not say to drag files, which a mouse can (QA S56)', async () => {
    const phone = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }, undefined, {
      hasTouch: true,
    });
    const desk = await newPage(e2e.browser, e2e.baseURL);
    for (const { page } of [phone, desk]) {
      await logIn(page, CLIENT, e2e.password(CLIENT));
      await page.goto(`/tickets/${number}`);
      await page.locator('#attachment-hint').getByText('Hasta 10 MB', { exact: false }).waitFor();
    }
    expect(await phone.page.locator('#attachment-hint').innerText()).not.toContain('arrastre');
    expect(await desk.page.locator('#attachment-hint').innerText()).toContain(
      'O arrastre uno o varios archivos aquí.',
    );
    expect(await phone.page.locator('#attachment-hint .drop-here').isVisible()).toBe(false);
    await Promise.all([phone.context.close(), desk.context.close()]);
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
    // Asked first, in the page (QA S55: not the browser's confirm).
    await row.getByRole('button', { name: 'Eliminar bitácora timbrado.log' }).click();
    const asked = page.getByRole('alertdialog', { name: '¿Eliminar «bitácora timbrado.log»?' });
    expect(await asked.innerText()).toContain('queda constancia de quién lo eliminó');
    await asked.getByRole('button', { name: 'Sí, eliminar' }).click();
    await asked.waitFor({ state: 'detached' });
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

  it('a file the agent attaches shows on the client’s open ticket page without a reload', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    // The ticket page's two subscriptions (its header and its files) are then the API's only
    // ones: a page that follows nothing live first, until every earlier page's are gone.
    const live = e2e.world.api.app.get(LiveUpdatesService);
    const subscribers = (count: number) =>
      eventually(
        () => Promise.resolve(live.subscriberCount),
        (n) => n === count,
      );
    await page.goto('/cambiar-contrasena');
    await subscribers(0);
    await page.goto(`/tickets/${number}`);
    const section = page.getByTestId('attachments');
    await section.getByText(/^0 de \d+ archivos \(más 1 eliminado\)\.$/).waitFor();
    await page.locator('[data-testid=live-status][data-status=live]').waitFor();
    await subscribers(2);
    // Set on this document: still there at the end, so the page was never reloaded.
    await page.evaluate('window.__sameDocument = true');

    // The agent attaches a file (from their own browser, or here the same HTTP route).
    const form = new FormData();
    form.append('file', new Blob([LOG], { type: 'text/plain' }), 'respuesta del PAC.log');
    const uploaded = await fetch(`${e2e.baseURL}/api/tickets/${number}/attachments`, {
      method: 'POST',
      headers: e2e.world.bearer(Role.AGENT),
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const row = section
      .getByTestId('attachment-list')
      .getByRole('row', { name: /respuesta del PAC\.log/ });
    await row.getByRole('link', { name: 'Descargar respuesta del PAC.log' }).waitFor();
    expect(await row.innerText()).toContain('Alex Agent');
    await section.getByText(/^1 de \d+ archivos \(más 1 eliminado\)\.$/).waitFor();

    // And deletes it: the client's list shows the record, greyed, still without a reload.
    const deleted = await gql(
      e2e.world.api,
      `mutation ($id: ID!) { deleteAttachment(id: $id) { id } }`,
      { id },
      e2e.world.bearer(Role.AGENT),
    );
    expect(deleted.body.errors).toBeUndefined();
    await row.getByText(/^respuesta del PAC\.log — eliminado por Alex Agent, \d/).waitFor();
    expect(await row.getByRole('link').count()).toBe(0);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });
  it('several files at once: dropped and chosen files are listed, go up in turn, and show in the history', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    const section = page.getByTestId('attachments');
    await section.getByText(/^0 de \d+ archivos \(más 2 eliminados\)\.$/).waitFor();
    await page.locator('[data-testid=live-status][data-status=live]').waitFor();
    const queue = section.getByTestId('upload-queue');
    const queued = (name: string) => queue.getByRole('listitem').filter({ hasText: name });

    // Two files dragged over the card: it shows where they will land; dropped, both are listed
    // at once, the one the server would refuse with its reason.
    const dropped = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Paso 1: abrir la factura.\\n'], 'pasos.txt', { type: 'text/plain' }));
      transfer.items.add(new File(['<p>hola</p>'], 'pagina.html', { type: 'text/html' }));
      return transfer;
    })()`);
    await section.dispatchEvent('dragover', { dataTransfer: dropped });
    await section.getByText('Suelte los archivos para agregarlos a la lista.').waitFor();
    expect(await section.getAttribute('class')).toContain('drop-target');
    await section.dispatchEvent('drop', { dataTransfer: dropped });
    await queued('pasos.txt').getByText('Listo para adjuntar').waitFor();
    expect(await queued('pasos.txt').innerText()).toMatch(/\d+ bytes/);
    await queued('pagina.html')
      .getByText('No se aceptan archivos como «pagina.html».', { exact: false })
      .waitFor();
    expect(await section.getAttribute('class')).not.toContain('drop-target');
    // Taken out of the list before anything is sent.
    await queued('pagina.html')
      .getByRole('button', { name: 'Quitar pagina.html de la lista' })
      .click();
    expect(await queued('pagina.html').count()).toBe(0);

    // Two more through the chooser at once: a "PNG" that is not one, between two good files.
    await section.getByLabel('Archivos para adjuntar').setInputFiles([
      { name: 'captura.png', mimeType: 'image/png', buffer: Buffer.from('<html>no</html>') },
      { name: 'consola.log', mimeType: 'text/plain', buffer: LOG },
    ]);
    expect(await queue.getByRole('listitem').count()).toBe(3);
    await screenshot(page, '71-ticket-attachments-queue');
    await section.getByRole('button', { name: 'Adjuntar 3 archivos' }).click();
    await queued('consola.log').getByText('Subido').waitFor();
    expect(await queued('pasos.txt').innerText()).toContain('Subido');
    // The server refused one; the others went up all the same.
    expect(await queued('captura.png').innerText()).toContain(
      'Rechazado: El contenido de «captura.png» no corresponde a un archivo .png.',
    );
    // The summary says both, and is not green: one of the three was refused.
    const summary = section.getByTestId('upload-summary');
    await summary.getByText('Se adjuntaron 2 archivos; 1 rechazado.').waitFor();
    expect(await summary.getAttribute('class')).toContain('notice-warning');
    // The file's own content was refused: trying it again would not help, so no «Reintentar».
    expect(await queued('captura.png').getByRole('button').count()).toBe(0);
    const list = section.getByTestId('attachment-list');
    await list.getByRole('link', { name: 'Descargar pasos.txt' }).waitFor();
    await list.getByRole('link', { name: 'Descargar consola.log' }).waitFor();
    await section.getByText(/^2 de \d+ archivos \(más 2 eliminados\)\.$/).waitFor();

    // The ticket's history shows both uploads (who, when), and the earlier files' record too.
    const timeline = page.getByTestId('timeline');
    const added = timeline.getByTestId('event-attachment-added');
    await added.filter({ hasText: /^Archivo adjuntado: consola\.log \(\d+ bytes\)/ }).waitFor();
    await added.filter({ hasText: /^Archivo adjuntado: pasos\.txt \(\d+ bytes\)/ }).waitFor();
    expect(await added.filter({ hasText: 'pasos.txt' }).innerText()).toContain('Úrsula Usuaria');
    expect(await added.filter({ hasText: 'captura.png' }).count()).toBe(0);
    expect(
      await timeline
        .getByTestId('event-attachment-deleted')
        .filter({ hasText: 'Archivo eliminado: bitácora timbrado.log' })
        .innerText(),
    ).toContain('Alex Agent');

    // The client deletes its own file (the ticket is open): the history says so, last.
    await list.getByRole('button', { name: 'Eliminar consola.log' }).click();
    await page
      .getByRole('alertdialog', { name: '¿Eliminar «consola.log»?' })
      .getByRole('button', { name: 'Sí, eliminar' })
      .click();
    await section.getByText('Se eliminó «consola.log».').waitFor();
    const removal = timeline
      .getByTestId('event-attachment-deleted')
      .filter({ hasText: 'Archivo eliminado: consola.log' });
    await removal.waitFor();
    expect(await removal.innerText()).toContain('Úrsula Usuaria');
    expect(await timeline.getByRole('listitem').last().innerText()).toContain(
      'Archivo eliminado: consola.log',
    );
    await screenshot(page, '72-ticket-history-files');
  });

  it('a file lost on the network is refused with «Reintentar», and goes up when retried', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    const section = page.getByTestId('attachments');
    await section.getByLabel('Archivos para adjuntar').waitFor();
    // The connection drops while the file goes up.
    const route = `**/api/tickets/${number}/attachments`;
    await page.route(route, (r) => r.abort('internetdisconnected'));
    await section.getByLabel('Archivos para adjuntar').setInputFiles({
      name: 'reintento.log',
      mimeType: 'text/plain',
      buffer: LOG,
    });
    await section.getByRole('button', { name: 'Adjuntar archivo', exact: true }).click();
    const row = section.getByTestId('upload-queue').getByRole('listitem');
    await row.getByText('Rechazado:', { exact: false }).waitFor();
    const summary = section.getByTestId('upload-summary');
    await summary.getByText('No se adjuntó ningún archivo; 1 rechazado.').waitFor();
    expect(await summary.getAttribute('class')).toContain('notice-error');

    // Back online: «Reintentar» sends the same file, which is stored this time.
    await page.unroute(route);
    await row.getByRole('button', { name: 'Reintentar reintento.log' }).click();
    await row.getByText('Subido').waitFor();
    await section.getByText('Se adjuntó «reintento.log».').waitFor();
    expect(await section.getByTestId('upload-summary').count()).toBe(0);
    await section
      .getByTestId('attachment-list')
      .getByRole('link', { name: 'Descargar reintento.log' })
      .waitFor();
  });
  it('the agent ticks «Solo para el equipo (interno)»: the file is marked «Interno» in the card and the history, and the client never sees it', async () => {
    // A ticket of its own: the other tests count the first ticket's files.
    const { body } = await gql<{ registerTicket: { number: string } }>(
      e2e.world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: {
          category: 'INCIDENT',
          subject: 'Error al cancelar CFDI',
          description: 'El SAT rechaza la cancelación.',
        },
      },
      e2e.world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    const own = body.data!.registerTicket.number;

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.getByRole('button', { name: 'Español' }).click();
    await page.goto(`/tickets/${own}`);
    const section = page.getByTestId('attachments');
    await section.getByText('Todavía no hay archivos adjuntos.').waitFor();
    // The hint tells staff that internal files reach nobody outside the team.
    await section
      .getByText('Los archivos internos no se envían por correo ni se muestran al cliente.', {
        exact: false,
      })
      .waitFor();
    const toggle = section.getByLabel('Solo para el equipo (interno)');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await section.getByLabel('Archivos para adjuntar').setInputFiles({
      name: 'volcado de la base.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('SELECT * FROM factura; -- datos de otro cliente\n'),
    });
    await section.getByRole('button', { name: 'Adjuntar archivo', exact: true }).click();
    await section.getByText('Se adjuntó «volcado de la base.txt».').waitFor();
    const row = section
      .getByTestId('attachment-list')
      .getByRole('row', { name: /volcado de la base\.txt/ });
    await row.getByTestId('attachment-internal').getByText('Interno', { exact: true }).waitFor();
    expect(await row.getAttribute('data-internal')).toBe('true');
    const entry = page
      .getByTestId('timeline')
      .getByTestId('event-attachment-added')
      .filter({ hasText: /^Archivo adjuntado: volcado de la base\.txt \(\d+ bytes\)/ });
    await entry.getByText('Interno', { exact: true }).waitFor();
    expect(await entry.getAttribute('data-internal')).toBe('true');
    // QA S58: internal files have places of their own, so the count the client is held to is
    // the files it sees; staff read both.
    await section
      .getByText('0 de 20 archivos. Además, 1 de 20 archivos internos (tienen su propio límite).', {
        exact: true,
      })
      .waitFor();
    await screenshot(page, '73-ticket-internal-file');

    // The client's page of the same ticket: no file, no record in the history, no checkbox.
    const client = await newPage(e2e.browser, e2e.baseURL);
    await logIn(client.page, CLIENT, e2e.password(CLIENT));
    await client.page.goto(`/tickets/${own}`);
    const theirs = client.page.getByTestId('attachments');
    await theirs.getByText('Todavía no hay archivos adjuntos.').waitFor();
    await client.page.getByTestId('timeline').waitFor();
    expect(await client.page.getByText('volcado de la base', { exact: false }).count()).toBe(0);
    expect(await theirs.getByLabel('Solo para el equipo (interno)').count()).toBe(0);
    expect(await theirs.getByText('Los archivos internos', { exact: false }).count()).toBe(0);
  });

  it('images, PDFs and text are previewed (L3-11): a thumbnail, «Ver» opens an accessible dialog, Escape closes it; a .txt shows as text', async () => {
    // A ticket of its own: the other tests count the first ticket's files.
    const own = await registerTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'La factura sale sin sello',
      description: 'Adjunto captura y PDF.',
    });
    const image = png(64, 48);

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${own}`);
    const section = page.getByTestId('attachments');
    await section.getByText('Todavía no hay archivos adjuntos.').waitFor();
    await section.getByLabel('Archivos para adjuntar').setInputFiles([
      { name: 'captura sin sello.png', mimeType: 'image/png', buffer: image },
      { name: 'factura A-1024.pdf', mimeType: 'application/pdf', buffer: pdf() },
      { name: 'notas.txt', mimeType: 'text/plain', buffer: LOG },
      // A PNG's first bytes (the server takes it) and then nothing a browser can draw.
      {
        name: 'dañada.png',
        mimeType: 'image/png',
        buffer: Buffer.concat([image.subarray(0, 8), LOG]),
      },
    ]);
    await section.getByRole('button', { name: 'Adjuntar 4 archivos' }).click();
    await section.getByText('Se adjuntaron 4 archivos.').waitFor();
    const list = section.getByTestId('attachment-list');
    const row = (name: RegExp) => list.getByRole('row', { name });

    // The image's row shows a thumbnail: the picture itself, decoded, from a blob: URL (the
    // bytes came with the session's token, never from a bare link).
    const thumbnail = row(/captura sin sello\.png/).getByRole('img', {
      name: 'captura sin sello.png',
    });
    await thumbnail.waitFor();
    const drawn = await thumbnail.evaluate((img: Picture) =>
      img.decode().then(() => ({ src: img.src, width: img.naturalWidth })),
    );
    expect(drawn.src).toMatch(/^blob:/);
    expect(drawn.width).toBe(64);

    // «Ver» opens the dialog, labelled by the file's name, with the image, its size, «Descargar».
    const view = row(/captura sin sello\.png/).getByRole('button', {
      name: 'Ver captura sin sello.png',
    });
    await view.click();
    const dialog = page.getByRole('dialog', { name: 'captura sin sello.png' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await dialog.getByText(`${image.length} bytes`).waitFor();
    const shown = dialog.getByRole('img', { name: 'captura sin sello.png' });
    const picture = await shown.evaluate((img: Picture) =>
      img.decode().then(() => ({ src: img.src, width: img.naturalWidth })),
    );
    expect(picture.src).toMatch(/^blob:/);
    expect(picture.width).toBe(64);
    // The focus is inside, on «Cerrar».
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Cerrar');
    // «Descargar» saves the same bytes under the file's name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: 'Descargar captura sin sello.png' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('captura sin sello.png');
    expect(readFileSync(await download.path()).equals(image)).toBe(true);
    await screenshot(page, '74-ticket-file-preview');

    // Escape closes it; the focus is back on «Ver», and the dialog's object URL is revoked.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(
      'Ver captura sin sello.png',
    );
    expect(
      await page.evaluate(
        `fetch(${JSON.stringify(picture.src)}).then(() => 'readable', () => 'revoked')`,
      ),
    ).toBe('revoked');

    // A click on the thumbnail opens the same preview; «Cerrar» closes it.
    await thumbnail.click();
    await dialog.getByRole('img', { name: 'captura sin sello.png' }).waitFor();
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);

    // A PDF has no thumbnail; «Ver» shows it in the dialog, in the browser's viewer (blob: URL).
    const pdfRow = row(/factura A-1024\.pdf/);
    expect(await pdfRow.getByRole('img').count()).toBe(0);
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await pdfRow.getByRole('button', { name: 'Ver factura A-1024.pdf' }).click();
    const pdfDialog = page.getByRole('dialog', { name: 'factura A-1024.pdf' });
    const frame = pdfDialog.locator('iframe[title="factura A-1024.pdf"]');
    await frame.waitFor();
    const src = await frame.getAttribute('src');
    expect(src).toMatch(/^blob:/);
    // Chromium shows it in its own PDF viewer, inside the blob's frame (it is not downloaded).
    await eventually(
      () =>
        Promise.resolve(
          page.frames().filter((f) => f.url() === src && f.childFrames().length > 0).length,
        ),
      (viewers) => viewers > 0,
      15_000,
    );
    expect(downloads).toBe(0);
    // QA S60b #11: the viewer's title bar read the blob's UUID; it reads the file's name (its
    // title is the viewer page's own, in the frame Chromium puts inside the blob's).
    // Found again on each read, and read again while the viewer is still loading (its page
    // replaced: «Execution context was destroyed» in a clean run).
    const viewerTitle = (): Promise<string | undefined> => {
      const viewer = page
        .frames()
        .find((f) => f.url() === src)
        ?.childFrames()[0];
      return viewer
        ? viewer.evaluate<string>('document.title').catch(() => undefined)
        : Promise.resolve(undefined);
    };
    const title = await eventually(viewerTitle, (read) => read === 'factura A-1024.pdf', 15_000);
    expect(title).not.toContain(src!.split('/').at(-1)!);
    // «Descargar» still saves the file as it was uploaded, byte for byte, under its name.
    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      pdfDialog.getByRole('link', { name: 'Descargar factura A-1024.pdf' }).click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toBe('factura A-1024.pdf');
    expect(readFileSync(await pdfDownload.path()).equals(pdf())).toBe(true);
    await pdfDialog.getByRole('button', { name: 'Cerrar' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(
      'Ver factura A-1024.pdf',
    );

    // A text file has no thumbnail; «Ver» shows it whole, as text, with no notice.
    const text = row(/notas\.txt/);
    await text.getByRole('link', { name: 'Descargar notas.txt' }).waitFor();
    expect(await text.getByRole('img').count()).toBe(0);
    await text.getByRole('button', { name: 'Ver notas.txt' }).click();
    const textDialog = page.getByRole('dialog', { name: 'notas.txt' });
    expect(
      await textDialog.getByRole('region', { name: 'Contenido de notas.txt' }).textContent(),
    ).toBe(LOG.toString());
    expect(await textDialog.getByTestId('attachment-text-notice').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // An image the browser cannot draw shows no broken thumbnail; «Ver» is still offered.
    const damaged = row(/dañada\.png/);
    await damaged.getByRole('button', { name: 'Ver dañada.png' }).waitFor();
    await damaged.locator('[data-testid=attachment-thumbnail][data-state=undrawable]').waitFor();
    expect(await damaged.locator('img').count()).toBe(0);
    await damaged.getByRole('button', { name: 'Ver dañada.png' }).click();
    const damagedDialog = page.getByRole('dialog', { name: 'dañada.png' });
    await damagedDialog
      .getByText('El navegador no puede mostrar esta imagen; use «Descargar».')
      .waitFor();
    await damagedDialog.getByRole('link', { name: 'Descargar dañada.png' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // A deleted image shows neither a thumbnail nor «Ver».
    await row(/captura sin sello\.png/)
      .getByRole('button', { name: 'Eliminar captura sin sello.png' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sí, eliminar' }).click();
    await section.getByText('Se eliminó «captura sin sello.png».').waitFor();
    const deleted = row(/captura sin sello\.png/);
    await deleted.getByText(/^captura sin sello\.png — eliminado por Úrsula Usuaria, \d/).waitFor();
    expect(await deleted.getAttribute('data-deleted')).toBe('true');
    expect(await deleted.getByRole('img').count()).toBe(0);
    expect(await deleted.getByRole('button').count()).toBe(0);
    // Its thumbnail's object URL went with it.
    expect(
      await page.evaluate(
        `fetch(${JSON.stringify(drawn.src)}).then(() => 'readable', () => 'revoked')`,
      ),
    ).toBe('revoked');
  });

  it('a .log is previewed as text (L3-11): markup in it stays characters and runs nothing, a long log shows its first 256 KB and says so, «Descargar» saves it whole, a Latin-1 file reads right', async () => {
    const own = await registerTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'El servidor registra errores de timbrado',
      description: 'Adjunto el log del servidor.',
    });
    // Markup a page would run or draw, then enough lines to pass 256 KB.
    const head =
      '2026-02-02 10:15:01 ERROR odoo.http: respuesta del PAC ' +
      '<script>window.previewRan = true</script> <b>negritas</b> ' +
      '<img src=x onerror="window.previewRan = true">\n';
    const line = '2026-02-02 10:15:02 INFO odoo.addons.l10n_mx_edi: reintento de timbrado ñ\n';
    const log = Buffer.from(head + line.repeat(Math.ceil((300 * 1024) / line.length)), 'utf8');
    const latin1 = Buffer.from('Facturación: la sesión caducó en el año 2026\n', 'latin1');

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    // Every request for a file's bytes, with the range it asked for ('' for the whole file).
    const ranges: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/attachments/'))
        ranges.push(request.headers()['range'] ?? '');
    });
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${own}`);
    const section = page.getByTestId('attachments');
    await section.getByText('Todavía no hay archivos adjuntos.').waitFor();
    await section.getByLabel('Archivos para adjuntar').setInputFiles([
      { name: 'odoo-server.log', mimeType: 'text/plain', buffer: log },
      { name: 'pac.txt', mimeType: 'text/plain', buffer: latin1 },
    ]);
    await section.getByRole('button', { name: 'Adjuntar 2 archivos' }).click();
    await section.getByText('Se adjuntaron 2 archivos.').waitFor();
    const list = section.getByTestId('attachment-list');
    const row = (name: RegExp) => list.getByRole('row', { name });

    await row(/odoo-server\.log/)
      .getByRole('button', { name: 'Ver odoo-server.log' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'odoo-server.log' });
    const box = dialog.getByRole('region', { name: 'Contenido de odoo-server.log' });
    const shown = (await box.textContent()) ?? '';
    // The markup is text: shown as written, no element made of it, nothing run.
    expect(shown.startsWith(head)).toBe(true);
    expect(await box.locator('script, b, img').count()).toBe(0);
    expect(await page.evaluate('window.previewRan')).toBeUndefined();
    // Monospaced and wrapped.
    const look = await box.evaluate((element: Styled) => {
      const style = element.ownerDocument.defaultView.getComputedStyle(element) as unknown as {
        fontFamily: string;
        whiteSpace: string;
      };
      return { font: style.fontFamily, wrap: style.whiteSpace };
    });
    expect(look.font).toMatch(/monospace/);
    expect(look.wrap).toBe('pre-wrap');
    // The first 256 KB only, cut at a whole character, and said so: exactly one Range request,
    // also when StrictMode (this tier's development build) mounts the dialog twice.
    const bytes = Buffer.byteLength(shown, 'utf8');
    expect(bytes).toBeLessThanOrEqual(256 * 1024);
    expect(bytes).toBeGreaterThan(256 * 1024 - 4);
    expect(log.subarray(0, bytes).toString('utf8')).toBe(shown);
    expect(ranges).toEqual(['bytes=0-262143']);
    expect(await dialog.getByTestId('attachment-text-notice').textContent()).toBe(
      `Se muestran los primeros 256 KB de ${formatFileSize(log.length, 'es-MX')}; ` +
        'use «Descargar» para el archivo completo.',
    );
    // «Descargar» saves the whole file, not the part shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: 'Descargar odoo-server.log' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('odoo-server.log');
    expect(readFileSync(await download.path()).equals(log)).toBe(true);
    expect(ranges.at(-1)).toBe('');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(
      'Ver odoo-server.log',
    );

    // A file that is not UTF-8 reads as Latin-1, and the dialog says so.
    await row(/pac\.txt/)
      .getByRole('button', { name: 'Ver pac.txt' })
      .click();
    const latinDialog = page.getByRole('dialog', { name: 'pac.txt' });
    expect(
      await latinDialog.getByRole('region', { name: 'Contenido de pac.txt' }).textContent(),
    ).toBe('Facturación: la sesión caducó en el año 2026\n');
    expect(await latinDialog.getByTestId('attachment-text-notice').textContent()).toBe(
      'El archivo no está en UTF-8; se muestra como Latin-1 (ISO-8859-1).',
    );
    await latinDialog.getByRole('button', { name: 'Cerrar' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
