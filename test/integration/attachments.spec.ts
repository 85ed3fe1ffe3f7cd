import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { type ExecutionContext, Logger } from '@nestjs/common';
import { HttpAuthGuard } from '../../src/identity/http-auth.guard';
import { attachmentNotification } from '../../src/attachments/attachment-notifications';
import { Role } from '../../src/identity/role.enum';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { caughtOnceEach } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { someoneWaitsForAdvisoryLock } from '../support/lock-waiters';
import {
  registerProjectedTicket,
  type TicketRegistration,
  useWorldWithWorker,
} from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';
import { emailsQueued } from '../support/emails-queued';

// File attachments on tickets (L3-11 communication on the ticket, L3-05 records) on the real
// stack: PostgreSQL, the Temporal dev server with the real worker and its email dispatcher, the
// SMTP catcher, the API over HTTP. Upload and download round trip, typed refusals with nothing
// stored, the ticket's access rules, closed tickets, the one email per attachment, delete rules
// and the record a deletion leaves (who and when, without the bytes).

const OWN_ORG = AURORA_ORG;
const OTHER_ORG = TULUM_ORG;
const REGISTRANT = 'usuario@aurora.example';
const MAX_BYTES = 4_096;
const MAX_PER_TICKET = 3;

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A PNG-signed file of `size` random bytes. */
const png = (size: number) => Buffer.concat([PNG_HEADER, randomBytes(size - PNG_HEADER.length)]);

interface UploadAnswer {
  id: string;
  ticketNumber: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedById: string;
  uploadedAt: string;
  downloadUrl: string;
}
interface Refusal {
  code: string;
  reason: string;
  message: string;
  [parameter: string]: unknown;
}

const TICKET_ATTACHMENTS = `query ($number: String!) { ticket(number: $number) {
  attachments { id fileName mediaType sizeBytes sha256 uploadedById uploadedByName uploadedAt
    deletedAt deletedByName downloadUrl } } }`;
const DELETE = `mutation ($id: ID!) {
  deleteAttachment(id: $id) { id fileName deletedAt deletedByName downloadUrl } }`;
/** What `deleteAttachment` answers here. */
interface Deleted {
  id: string;
  fileName: string;
  deletedAt: string | null;
  deletedByName: string | null;
  downloadUrl: string | null;
}
/** A file as `Ticket.attachments` lists it. */
type Listed = Omit<UploadAnswer, 'downloadUrl'> & {
  uploadedByName: string | null;
  deletedAt: string | null;
  deletedByName: string | null;
  downloadUrl: string | null;
};

describe('Ticket attachments (L3-11, L3-05)', () => {
  const world = useWorldWithWorker('attachments', {
    ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
    ATTACHMENT_MAX_PER_TICKET: String(MAX_PER_TICKET),
  });

  const register = (org = OWN_ORG, more: TicketRegistration = {}) =>
    registerProjectedTicket(
      world,
      {
        category: 'INCIDENT',
        subject: 'No timbra la factura',
        description: 'Error al timbrar.',
        ...more,
      },
      org,
    );

  /**
   * POSTs `content` as the multipart field `file` (or `field`), as a browser's FormData does, with
   * the text fields `extra` (e.g. `internal`) before it.
   */
  async function upload(
    number: string,
    name: string,
    type: string,
    content: Buffer,
    headers: Record<string, string>,
    field = 'file',
    extra: Record<string, string> = {},
  ) {
    const form = new FormData();
    for (const [key, value] of Object.entries(extra)) form.append(key, value);
    form.append(field, new Blob([content], { type }), name);
    const res = await fetch(
      `${world.api.url}/api/tickets/${encodeURIComponent(number)}/attachments`,
      {
        method: 'POST',
        headers,
        body: form,
      },
    );
    return { status: res.status, body: (await res.json()) as UploadAnswer & Refusal };
  }

  const download = (id: string, headers: Record<string, string>) =>
    fetch(`${world.api.url}/api/attachments/${id}`, { headers });

  async function listed(number: string, role: Role = Role.AGENT, org?: string) {
    const { body } = await gql<{ ticket: { attachments: Listed[] } }>(
      world.api,
      TICKET_ATTACHMENTS,
      { number },
      world.bearer(role, org),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket.attachments;
  }

  /** Every stored attachment and every queued email: a refusal must leave both as they were. */
  const snapshot = async () => ({
    attachments: await world.db.query<{ id: string }[]>(
      'SELECT id, ticket_number, sha256 FROM ticket_attachment ORDER BY id',
    ),
    emails: await world.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM email_outbox'),
  });

  /** All emails of the ticket's queued email, once the ticket's registration mail went out. */
  const outbox = (number: string) =>
    world.db.query<
      {
        event_type: string;
        event_key: string;
        recipient_address: string;
        status: string;
        message_id: string;
      }[]
    >(
      `SELECT event_type, event_key, recipient_address, status, message_id FROM email_outbox
        WHERE ticket_number = $1 ORDER BY created_at, recipient_address`,
      [number],
    );

  it('tells clients the limits and the allow-list the server enforces', async () => {
    const { body } = await gql<{
      attachmentPolicy: { maxBytes: number; maxPerTicket: number; allowedExtensions: string[] };
    }>(
      world.api,
      '{ attachmentPolicy { maxBytes maxPerTicket allowedExtensions } }',
      {},
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.data?.attachmentPolicy).toMatchObject({
      maxBytes: MAX_BYTES,
      maxPerTicket: MAX_PER_TICKET,
    });
    expect(body.data?.attachmentPolicy.allowedExtensions).toEqual(
      expect.arrayContaining(['png', 'pdf', 'log', 'csv', 'xlsx', 'zip']),
    );
    expect(body.data?.attachmentPolicy.allowedExtensions).not.toContain('html');
  });

  // QA S65 #11: a person who reloads or leaves the page mid-upload aborts the request. That is
  // no server fault: the API logged it as an ERROR (multer's «Request aborted», under «GraphQL»,
  // with a stack trace). Now one plain line, and nothing stored.
  it('logs an upload the client abandons mid-way as such, no ERROR, and stores nothing', async () => {
    const number = await register();
    await emailsQueued(world.db);
    const before = await snapshot();
    const errors = jest.spyOn(Logger.prototype, 'error');
    const logs = jest.spyOn(Logger.prototype, 'log');
    // The client leaves once the route's session check let it in (multer reads the body next).
    const { prototype } = HttpAuthGuard;
    const guard = Object.getOwnPropertyDescriptor(prototype, 'canActivate')!.value as (
      context: ExecutionContext,
    ) => Promise<boolean>;
    let admitted!: () => void;
    const inRoute = new Promise<void>((resolve) => (admitted = resolve));
    const guarded = jest.spyOn(prototype, 'canActivate').mockImplementation(async function (
      this: HttpAuthGuard,
      context: ExecutionContext,
    ) {
      const allowed = await guard.call(this, context);
      admitted();
      return allowed;
    });
    try {
      const boundary = 'qa-s65-abandoned';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="medio.log"\r\n` +
          'Content-Type: text/plain\r\n\r\n',
      );
      const url = new URL(`${world.api.url}/api/tickets/${encodeURIComponent(number)}/attachments`);
      const req = request(url, {
        method: 'POST',
        headers: {
          ...world.bearer(Role.CLIENT_USER),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          // The whole file announced; a third of it sent before the client goes away.
          'content-length': String(head.length + MAX_BYTES),
        },
      });
      req.on('error', () => undefined);
      req.write(head);
      req.write(Buffer.alloc(Math.floor(MAX_BYTES / 3), 'a'));
      await inRoute;
      req.destroy();
      await eventually(
        () => Promise.resolve(logs.mock.calls.map((c) => String(c[0]))),
        (lines) => lines.some((l) => l.includes('upload abandoned by the client')),
      );
      expect(errors.mock.calls).toEqual([]);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
      guarded.mockRestore();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('uploads and downloads a file byte for byte, with its headers and its listing', async () => {
    const number = await register();
    const content = png(3_000);
    const name = 'captura de pantalla ñ (1).png';
    const up = await upload(number, name, 'image/png', content, world.bearer(Role.CLIENT_USER));
    expect(up.status).toBe(201);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(up.body).toMatchObject({
      ticketNumber: number,
      fileName: name,
      mediaType: 'image/png',
      sizeBytes: 3_000,
      sha256,
      downloadUrl: `/api/attachments/${up.body.id}`,
    });

    // Provider staff and the client's colleagues see it; the bytes come back unchanged.
    for (const role of [Role.AGENT, Role.MANAGER, Role.CLIENT_APPROVER, Role.CLIENT_USER]) {
      const res = await download(up.body.id, world.bearer(role));
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(content)).toBe(true);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-length')).toBe('3000');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="captura de pantalla _ (1).png"; ` +
          `filename*=UTF-8''captura%20de%20pantalla%20%C3%B1%20%281%29.png`,
      );
    }
    const [row] = await listed(number, Role.CLIENT_USER);
    expect(row).toEqual({
      id: up.body.id,
      fileName: name,
      mediaType: 'image/png',
      sizeBytes: 3_000,
      sha256,
      uploadedById: up.body.uploadedById,
      uploadedByName: expect.any(String) as unknown,
      uploadedAt: up.body.uploadedAt,
      deletedAt: null,
      deletedByName: null,
      downloadUrl: `/api/attachments/${up.body.id}`,
    });
    const [stored] = await world.db.query<{ content: Buffer; email: string }[]>(
      `SELECT a.content, u.email FROM ticket_attachment a JOIN app_user u ON u.id = a.uploaded_by
        WHERE a.id = $1`,
      [up.body.id],
    );
    expect(stored.email).toBe(REGISTRANT);
    expect(stored.content.equals(content)).toBe(true);
  });

  it('refuses a file too large, of a type not allowed, not what it claims, or missing: typed, nothing stored', async () => {
    const number = await register();
    const client = world.bearer(Role.CLIENT_USER);
    await emailsQueued(world.db);
    const before = await snapshot();

    const big = await upload(number, 'grande.png', 'image/png', png(MAX_BYTES + 1), client);
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'ATTACHMENT_TOO_LARGE',
      maxBytes: MAX_BYTES,
      message: expect.any(String) as unknown,
    });

    const html = await upload(
      number,
      'pagina.html',
      'text/html',
      Buffer.from('<script>1</script>'),
      client,
    );
    expect(html.status).toBe(415);
    expect(html.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      message: expect.stringContaining('pagina.html') as unknown,
    });

    const fake = await upload(
      number,
      'captura.png',
      'image/png',
      Buffer.from('<html></html>'),
      client,
    );
    expect(fake.status).toBe(415);
    expect(fake.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'ATTACHMENT_CONTENT_MISMATCH',
    });

    const empty = await upload(number, 'vacio.txt', 'text/plain', Buffer.alloc(0), client);
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'ATTACHMENT_EMPTY' });

    const wrongField = await upload(
      number,
      'a.txt',
      'text/plain',
      Buffer.from('x'),
      client,
      'archivo',
    );
    expect(wrongField.status).toBe(400);
    expect(wrongField.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'ATTACHMENT_MALFORMED',
    });

    const json = await fetch(`${world.api.url}/api/tickets/${number}/attachments`, {
      method: 'POST',
      headers: { ...client, 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'aGVsbG8=' }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'ATTACHMENT_MISSING',
    });

    expect(await snapshot()).toEqual(before);
  });

  it(`holds at most ${MAX_PER_TICKET} files per ticket (ATTACHMENT_LIMIT), also when they arrive at once`, async () => {
    const number = await register();
    const agent = world.bearer(Role.AGENT);
    // One more than the limit, all at the same time: the lock lets exactly the limit through.
    const answers = await Promise.all(
      Array.from({ length: MAX_PER_TICKET + 1 }, (_, i) =>
        upload(number, `log-${i}.log`, 'text/plain', Buffer.from(`línea ${i}\n`), agent),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([
      ...Array<number>(MAX_PER_TICKET).fill(201),
      400,
    ]);
    const refused = answers.find((a) => a.status === 400)!;
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'ATTACHMENT_LIMIT',
      limit: MAX_PER_TICKET,
    });
    await emailsQueued(world.db);
    const before = await snapshot();
    const again = await upload(number, 'otro.txt', 'text/plain', Buffer.from('x'), agent);
    expect(again.body.reason).toBe('ATTACHMENT_LIMIT');
    expect(await snapshot()).toEqual(before);
    expect(await listed(number)).toHaveLength(MAX_PER_TICKET);
  });

  it('follows the ticket’s access rules: another organization is NOT_FOUND, no session is 401', async () => {
    const number = await register();
    const other = await register(OTHER_ORG);
    const own = await upload(
      number,
      'a.txt',
      'text/plain',
      Buffer.from('hola'),
      world.bearer(Role.AGENT),
    );
    expect(own.status).toBe(201);
    // The other organization's client may attach to their own ticket.
    const otherClient = world.bearer(Role.CLIENT_USER, OTHER_ORG);
    expect((await upload(other, 'c.txt', 'text/plain', Buffer.from('x'), otherClient)).status).toBe(
      201,
    );
    await emailsQueued(world.db);
    const before = await snapshot();

    // A client of another organization: the ticket and its file do not exist for them.
    const up = await upload(number, 'b.txt', 'text/plain', Buffer.from('x'), otherClient);
    expect(up.status).toBe(404);
    expect(up.body).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const down = await download(own.body.id, otherClient);
    expect(down.status).toBe(404);
    const refused = (await down.json()) as Refusal;
    expect(refused).toMatchObject({ code: 'NOT_FOUND', entity: 'attachment' });
    // Nothing in the answer tells which ticket the file belongs to.
    expect(JSON.stringify(refused)).not.toContain(number);
    // Nor does GraphQL show another organization's ticket or delete its file.
    const { body: gone } = await gql(world.api, DELETE, { id: own.body.id }, otherClient);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // No token, a malformed one, an unknown file or number.
    const sessions: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'Basic x' },
    ];
    for (const headers of sessions) {
      const anonymous = await upload(number, 'd.txt', 'text/plain', Buffer.from('x'), headers);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('UNAUTHENTICATED');
      expect((await download(own.body.id, headers)).status).toBe(401);
    }
    const agent = world.bearer(Role.AGENT);
    expect((await download('00000000-0000-4000-8000-000000000000', agent)).status).toBe(404);
    expect((await download('no-es-un-uuid', agent)).status).toBe(404);
    const unknown = await upload('L3-1999-999999', 'e.txt', 'text/plain', Buffer.from('x'), agent);
    expect(unknown.status).toBe(404);
    expect((await upload('nada', 'e.txt', 'text/plain', Buffer.from('x'), agent)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('answers one byte range of a download (206, the text preview’s first part) under the same access rules (L3-11)', async () => {
    const number = await register();
    const log = Buffer.from('2026-02-02 ERROR <script>alert("pac")</script> timbrado\n'.repeat(40));
    const client = world.bearer(Role.CLIENT_USER);
    const up = await upload(number, 'odoo.log', 'text/plain', log, client);
    expect(up.status).toBe(201);
    const id = up.body.id;
    const ranged = (range: string | undefined, headers = client) =>
      download(id, range === undefined ? headers : { ...headers, range });

    // The first 100 bytes: 206 with where they sit in the file, the download's own headers.
    const first = await ranged('bytes=0-99');
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${log.length}`);
    expect(first.headers.get('content-length')).toBe('100');
    expect(first.headers.get('content-type')).toBe('text/plain');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('content-disposition')).toBe(
      `attachment; filename="odoo.log"; filename*=UTF-8''odoo.log`,
    );
    expect(Buffer.from(await first.arrayBuffer()).equals(log.subarray(0, 100))).toBe(true);

    // A range past the end is cut to the file (a preview asks for 256 KB of a short log); the
    // last bytes by suffix; provider staff the same.
    const whole = await ranged('bytes=0-262143');
    expect(whole.status).toBe(206);
    expect(whole.headers.get('content-range')).toBe(`bytes 0-${log.length - 1}/${log.length}`);
    expect(Buffer.from(await whole.arrayBuffer()).equals(log)).toBe(true);
    const tail = await ranged('bytes=-10', world.bearer(Role.AGENT));
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(log.subarray(log.length - 10))).toBe(true);

    // No range, or one HTTP says to ignore (reversed, several, another unit): the whole file.
    for (const range of [undefined, 'bytes=50-10', 'bytes=0-9,20-29', 'lines=0-9', 'bytes=x-']) {
      const res = await ranged(range);
      expect(res.status).toBe(200);
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('content-range')).toBeNull();
      expect(Buffer.from(await res.arrayBuffer()).equals(log)).toBe(true);
    }

    // A range that starts past the file: 416, typed, with the file's size.
    const past = await ranged(`bytes=${log.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${log.length}`);
    expect(await past.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'RANGE_NOT_SATISFIABLE',
      sizeBytes: log.length,
    });

    // Another organization, an internal file to the client, no session: refused before any
    // byte, exactly as without a range.
    const otherClient = world.bearer(Role.CLIENT_USER, OTHER_ORG);
    const foreign = await ranged('bytes=0-99', otherClient);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-range')).toBeNull();
    expect(await foreign.json()).toMatchObject({ code: 'NOT_FOUND', entity: 'attachment' });
    const internal = await upload(
      number,
      'interno.log',
      'text/plain',
      Buffer.from('solo el equipo\n'),
      world.bearer(Role.AGENT),
      'file',
      { internal: 'true' },
    );
    expect(internal.status).toBe(201);
    const hidden = await download(internal.body.id, { ...client, range: 'bytes=0-9' });
    expect(hidden.status).toBe(404);
    expect((await ranged('bytes=0-99', {})).status).toBe(401);
  });

  it('refuses files on a cancelled ticket (TICKET_CLOSED) and stores nothing', async () => {
    const number = await register();
    const { body } = await gql(
      world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { seq } }`,
      { input: { number, note: 'Duplicado' } },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    await eventually(
      () =>
        world.db.query<{ state: string }[]>('SELECT state FROM ticket WHERE number = $1', [number]),
      ([t]) => t.state === 'CANCELLED',
    );
    await emailsQueued(world.db);
    const before = await snapshot();
    for (const role of [Role.CLIENT_USER, Role.AGENT]) {
      const up = await upload(
        number,
        'tarde.txt',
        'text/plain',
        Buffer.from('x'),
        world.bearer(role),
      );
      expect(up.status).toBe(409);
      expect(up.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        reason: 'TICKET_CLOSED',
        state: 'CANCELLED',
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an agent’s file emails the registrant exactly once; a client’s file tells the agents', async () => {
    const number = await register();
    const agentFile = await upload(
      number,
      'diagnostico.pdf',
      'application/pdf',
      Buffer.from('%PDF-1.7\n1 0 obj\n'),
      world.bearer(Role.AGENT),
    );
    expect(agentFile.status).toBe(201);
    // Not the registrant: their file announced with the registration goes in the new-ticket email.
    const clientFile = await upload(
      number,
      'bitacora.log',
      '',
      Buffer.from('ERROR odoo.addons.l10n_mx_edi\n'),
      world.bearer(Role.CLIENT_APPROVER),
    );
    expect(clientFile.status).toBe(201);

    // Offered again (a retried request, a second API instance), the event queues nothing new.
    const notifications = world.api.app.get(NotificationsService);
    const [ticket] = await world.db.query<
      {
        subject: string;
        registrant_id: string;
        organization_id: string;
        assignee_id: string | null;
      }[]
    >('SELECT subject, registrant_id, organization_id, assignee_id FROM ticket WHERE number = $1', [
      number,
    ]);
    const again = await world.db.transaction((tx) =>
      notifications.enqueue(
        tx,
        attachmentNotification(
          {
            number,
            subject: ticket.subject,
            registrantId: ticket.registrant_id,
            organizationId: ticket.organization_id,
            assigneeId: ticket.assignee_id,
          },
          { ...agentFile.body, uploadedAt: new Date(agentFile.body.uploadedAt) },
          { id: agentFile.body.uploadedById, providerStaff: true },
        ),
      ),
    );
    expect(again).toEqual({ recipients: [REGISTRANT], inserted: 0 });

    const rows = await eventually(
      () => outbox(number),
      (all) =>
        all.filter((r) => r.event_key.startsWith('attachment-')).length >= 2 &&
        all.every((r) => r.status === 'SENT'),
    );
    const mine = rows.filter((r) => r.event_key.startsWith('attachment-'));
    expect(mine.map((r) => [r.event_type, r.event_key, r.recipient_address])).toEqual([
      ['ATTACHMENT_ADDED', `attachment-${agentFile.body.id}`, REGISTRANT],
      // Nobody is assigned yet: every agent hears of the client's file.
      [
        'PROVIDER_CLIENT_ACTIVITY',
        `attachment-${clientFile.body.id}:provider`,
        'agente@becken.example',
      ],
    ]);

    // What arrived at the SMTP catcher: each email once; the registrant's in Spanish.
    const [toRegistrant, toAgent] = await caughtOnceEach(mine);
    expect(toRegistrant).toMatchObject({
      to: [REGISTRANT],
      subject: `[${number}] Nuevo archivo adjunto: diagnostico.pdf — No timbra la factura`,
    });
    expect(toRegistrant.text).toContain('diagnostico.pdf');
    expect(toRegistrant.text).toContain(`/tickets/${number}`);
    // The demo agent reads English: the email follows the recipient's language.
    expect(toAgent.subject).toBe(`[${number}] Client attached a file: No timbra la factura`);
    expect(toAgent.text).toContain('bitacora.log');
  });

  it('files one person attaches one after another go in one email; a file after it went gets its own (L3-11)', async () => {
    type Row = Awaited<ReturnType<typeof outbox>>[number];
    const attachmentRows = (all: Row[]) => all.filter((r) => r.event_key.startsWith('attachment-'));
    /** The ticket's attachment emails once `count` are SENT, and what the catcher got of them. */
    async function sentMails(number: string, count: number) {
      const rows = attachmentRows(
        await eventually(
          () => outbox(number),
          (all) =>
            attachmentRows(all).length >= count &&
            attachmentRows(all).every((r) => r.status === 'SENT'),
        ),
      );
      // Each email arrived once.
      const mails = await caughtOnceEach(rows);
      return rows.map((row, i) => ({ row, mail: mails[i] }));
    }

    // An agent's two files: one email to the registrant, listing both.
    const byAgent = await register();
    const agent = world.bearer(Role.AGENT);
    const text = (name: string) =>
      upload(byAgent, name, 'text/plain', Buffer.from(`contenido de ${name}\n`), agent);
    const first = await text('uno.txt');
    const second = await text('dos.txt');
    expect([first.status, second.status]).toEqual([201, 201]);
    const [agentBatch] = await sentMails(byAgent, 1);
    expect(agentBatch.row).toMatchObject({
      event_type: 'ATTACHMENT_ADDED',
      event_key: `attachment-${first.body.id}`,
      recipient_address: REGISTRANT,
    });
    expect(agentBatch.mail.subject).toBe(
      `[${byAgent}] 2 archivos adjuntos nuevos: No timbra la factura`,
    );
    expect(agentBatch.mail.text).toContain('uno.txt');
    expect(agentBatch.mail.text).toContain('dos.txt');

    // That email has gone: the next file is an email of its own.
    const third = await text('tres.txt');
    expect(third.status).toBe(201);
    const afterIt = await sentMails(byAgent, 2);
    expect(afterIt.map(({ row }) => row.event_key)).toEqual([
      `attachment-${first.body.id}`,
      `attachment-${third.body.id}`,
    ]);
    expect(afterIt[1].mail.subject).toBe(
      `[${byAgent}] Nuevo archivo adjunto: tres.txt — No timbra la factura`,
    );

    // A client's two files: one email to the agents, naming both (not the registrant's: those
    // announced with the registration go in the new-ticket email).
    const byClient = await register();
    const client = world.bearer(Role.CLIENT_APPROVER);
    const a = await upload(byClient, 'a.log', '', Buffer.from('ERROR uno\n'), client);
    const b = await upload(byClient, 'b.log', '', Buffer.from('ERROR dos\n'), client);
    expect([a.status, b.status]).toEqual([201, 201]);
    const [clientBatch, ...none] = await sentMails(byClient, 1);
    expect(none).toEqual([]);
    expect(clientBatch.row).toMatchObject({
      event_type: 'PROVIDER_CLIENT_ACTIVITY',
      event_key: `attachment-${a.body.id}:provider`,
      recipient_address: 'agente@becken.example',
    });
    // The demo agent reads English.
    expect(clientBatch.mail.subject).toBe(
      `[${byClient}] Client attached 2 files: No timbra la factura`,
    );
    expect(clientBatch.mail.text).toMatch(/a\.log\W+\d+ bytes\s+b\.log\W+\d+ bytes/);
  });

  it('a file sent with the registration is named in the new-ticket email, with no email of its own; a later one has its own (L3-11, QA S20)', async () => {
    // Announced, as the web's new-ticket form does: the new-ticket email waits for it.
    const number = await register(OWN_ORG, { attachmentsToFollow: 1 });
    const client = world.bearer(Role.CLIENT_USER);
    const log = await upload(number, 'bitacora.log', '', Buffer.from('ERROR timbrado\n'), client);
    expect(log.status).toBe(201);
    const sentOf = (types: string[], count: number) =>
      eventually(
        async () => (await outbox(number)).filter((r) => types.includes(r.event_type)),
        (rows) => rows.length >= count && rows.every((r) => r.status === 'SENT'),
      );
    const newTicket = await sentOf(['PROVIDER_NEW_TICKET'], 2);
    expect(newTicket.map((r) => r.recipient_address)).toEqual([
      'agente@becken.example',
      'gerente@becken.example',
    ]);
    const [toAgent, toManager] = await caughtOnceEach(newTicket);
    expect(toAgent.subject).toBe(`[${number}] New ticket from ${OWN_ORG}: No timbra la factura`);
    expect(toAgent.text).toMatch(/bitacora\.log\W+\d+ bytes/);
    expect(toManager.text).toMatch(/bitacora\.log\W+\d+ bytes/);
    // The registrant's own «Ticket registrado» names it too, once (QA S56).
    const registered = await sentOf(['TICKET_REGISTERED'], 1);
    expect(registered).toHaveLength(1);
    const [toRegistrant] = await caughtOnceEach(registered);
    expect(toRegistrant.text).toMatch(/bitacora\.log\W+\d+ bytes/);
    // No separate «El cliente adjuntó un archivo» for it.
    const provider = (await outbox(number)).filter((r) => r.event_type !== 'TICKET_REGISTERED');
    expect(provider.map((r) => r.event_type)).toEqual([
      'PROVIDER_NEW_TICKET',
      'PROVIDER_NEW_TICKET',
    ]);

    // Once the new-ticket email has gone, the registrant's next file tells the agents itself.
    const later = await upload(number, 'captura.txt', 'text/plain', Buffer.from('x\n'), client);
    expect(later.status).toBe(201);
    const activity = await sentOf(['PROVIDER_CLIENT_ACTIVITY'], 1);
    expect(activity.map((r) => [r.event_key, r.recipient_address])).toEqual([
      [`attachment-${later.body.id}:provider`, 'agente@becken.example'],
    ]);
    const [laterMail] = await caughtOnceEach(activity);
    expect(laterMail.subject).toBe(`[${number}] Client attached a file: No timbra la factura`);
    expect(laterMail.text).toContain('captura.txt');
    expect(laterMail.text).not.toContain('bitacora.log');
  });

  it('a file announced with the registration that never arrived is named to the registrant and to staff until one of its name does (QA S62 #5, L3-11)', async () => {
    const MISSING = `query ($number: String!) { ticket(number: $number) { missingAnnouncedFiles } }`;
    const missing = async (number: string, role: Role) => {
      const { body } = await gql<{ ticket: { missingAnnouncedFiles: string[] } }>(
        world.api,
        MISSING,
        { number },
        world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.ticket.missingAnnouncedFiles;
    };
    // Names as the browser gives them; kept cleaned as an upload's name is (NFC, no controls).
    const number = await register(OWN_ORG, {
      announcedFileNames: ['informe.pdf', 'bitácora.log'.normalize('NFD'), 'informe.pdf'],
    });
    const [row] = await world.db.query<{ attachments_to_follow: number; names: string[] }[]>(
      `SELECT attachments_to_follow, announced_file_names AS names FROM ticket WHERE number = $1`,
      [number],
    );
    expect(row).toEqual({
      attachments_to_follow: 3,
      names: ['informe.pdf', 'bitácora.log', 'informe.pdf'],
    });
    expect(await missing(number, Role.CLIENT_USER)).toEqual([
      'informe.pdf',
      'bitácora.log',
      'informe.pdf',
    ]);
    const client = world.bearer(Role.CLIENT_USER);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    expect((await upload(number, 'bitácora.log', '', Buffer.from('ERROR\n'), client)).status).toBe(
      201,
    );
    expect((await upload(number, 'informe.pdf', '', pdf, client)).status).toBe(201);
    // A file of that name from someone else (the agent) is not the registrant's.
    const agent = world.bearer(Role.AGENT);
    expect((await upload(number, 'informe.pdf', '', pdf, agent)).status).toBe(201);
    expect(await missing(number, Role.CLIENT_USER)).toEqual(['informe.pdf']);
    expect(await missing(number, Role.AGENT)).toEqual(['informe.pdf']);
    // A ticket registered with a count only (an older client) has no names to tell.
    const counted = await register(OWN_ORG, { attachmentsToFollow: 1 });
    expect(await missing(counted, Role.CLIENT_USER)).toEqual([]);

    // Bad input is refused, typed, and registers nothing.
    const before = await world.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM ticket');
    for (const input of [
      { announcedFileNames: ['a.log', 'b.log'], attachmentsToFollow: 1 },
      { announcedFileNames: ['a.log', 'b.log', 'c.log', 'd.log'] },
      { announcedFileNames: ['\u200e '] },
    ]) {
      const { body } = await gql(
        world.api,
        `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
        { input: { category: 'INCIDENT', subject: 'Con archivos', description: 'x', ...input } },
        client,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    }
    expect(await world.db.query('SELECT count(*)::int AS n FROM ticket')).toEqual(before);
  });

  it('a file deleted before its email went is taken out of it; a later email of the ticket sends the waiting files first (L3-11)', async () => {
    const agent = world.bearer(Role.AGENT);
    const put = (number: string, name: string) =>
      upload(number, name, 'text/plain', Buffer.from(`contenido de ${name}\n`), agent);
    const remove = (id: string) => gql(world.api, DELETE, { id }, agent);
    const rows = (number: string) =>
      world.db.query<
        { event_key: string; status: string; subject: string; text: string; sent_at: Date | null }[]
      >(
        `SELECT event_key, status, subject, text, sent_at FROM email_outbox
          WHERE ticket_number = $1 AND recipient_address = $2 ORDER BY created_at`,
        [number, REGISTRANT],
      );
    const attachmentEmails = async (number: string) =>
      (await rows(number)).filter((r) => r.event_key.startsWith('attachment-'));

    // Two files, the second (the wrong one) deleted at once: the email names only the first.
    const one = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado',
      description: 'Error al timbrar.',
    });
    const kept = await put(one, 'bitacora.txt');
    const wrong = await put(one, 'datos-de-otro-cliente.csv');
    expect([kept.status, wrong.status]).toEqual([201, 201]);
    expect((await remove(wrong.body.id)).body.errors).toBeUndefined();
    const [sent] = await eventually(
      () => attachmentEmails(one),
      (all) => all.length === 1 && all[0].status === 'SENT',
    );
    expect(sent.subject).toBe(`[${one}] Nuevo archivo adjunto: bitacora.txt — Timbrado`);
    expect(sent.text).not.toContain('datos-de-otro-cliente');

    // One file, deleted at once: no email at all.
    const two = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado 2',
      description: 'Error al timbrar.',
    });
    const only = await put(two, 'equivocado.txt');
    expect((await remove(only.body.id)).body.errors).toBeUndefined();
    expect(await attachmentEmails(two)).toEqual([]);

    // A file, then a public comment: the file's email goes first, not at the end of its window.
    const three = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado 3',
      description: 'Error al timbrar.',
    });
    expect((await put(three, 'captura.txt')).status).toBe(201);
    const comment = await gql(
      world.api,
      `mutation ($number: String!) { addComment(number: $number, body: "Adjunté la captura.") { requestId } }`,
      { number: three },
      agent,
    );
    expect(comment.body.errors).toBeUndefined();
    // Registration, file, comment: all three sent, the file before the comment.
    const all = await eventually(
      () => rows(three),
      (r) => r.length >= 3 && r.every((x) => x.status === 'SENT'),
    );
    const file = all.find((r) => r.event_key.startsWith('attachment-'))!;
    const commented = all.find((r) => r.subject.startsWith(`[${three}] Nuevo comentario`))!;
    expect(file.sent_at!.getTime()).toBeLessThanOrEqual(commented.sent_at!.getTime());
  });

  it('deletes a file for its uploader while the ticket is open, for provider staff always: the bytes go, the record stays', async () => {
    const number = await register();
    const client = world.bearer(Role.CLIENT_USER);
    const mine = await upload(
      number,
      'mio.txt',
      'text/plain',
      Buffer.from('clave=secreta\n'),
      client,
    );
    const theirs = await upload(number, 'suyo.txt', 'text/plain', Buffer.from('2'), client);
    const agents = await upload(
      number,
      'agente.txt',
      'text/plain',
      Buffer.from('3'),
      world.bearer(Role.AGENT),
    );
    const del = async (id: string, role: Role, org?: string) => {
      const { body } = await gql<{ deleteAttachment: Deleted }>(
        world.api,
        DELETE,
        { id },
        world.bearer(role, org),
      );
      return body.errors?.[0]?.extensions ?? { deleted: body.data?.deleteAttachment };
    };
    /** The stored rows of the ticket, with who deleted each (by email and name). */
    const rows = () =>
      world.db.query<
        {
          id: string;
          file_name: string;
          has_content: boolean;
          size_bytes: number;
          sha256: string | null;
          deleted_at: Date | null;
          deleted_by: string | null;
          deleter_email: string | null;
          deleter_name: string | null;
        }[]
      >(
        `SELECT a.id, a.file_name, a.content IS NOT NULL AS has_content, a.size_bytes, a.sha256,
                a.deleted_at, a.deleted_by, u.email AS deleter_email, u.display_name AS deleter_name
           FROM ticket_attachment a LEFT JOIN app_user u ON u.id = a.deleted_by
          WHERE a.ticket_number = $1 ORDER BY a.uploaded_at, a.id`,
        [number],
      );

    // A colleague of the same organization may see the file but not delete it.
    await emailsQueued(world.db);
    const before = await snapshot();
    const stored = await rows();
    expect(await del(mine.body.id, Role.CLIENT_APPROVER)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_UPLOADER',
    });
    // Nor may the client delete the agent's file.
    expect(await del(agents.body.id, Role.CLIENT_USER)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await del(mine.body.id, Role.CLIENT_USER, OTHER_ORG)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await del('no-es-un-uuid', Role.AGENT)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await snapshot()).toEqual(before);
    expect(await rows()).toEqual(stored);
    expect((await listed(number)).map((a) => a.fileName)).toEqual([
      'mio.txt',
      'suyo.txt',
      'agente.txt',
    ]);
    // The ticket holds its MAX_PER_TICKET files.
    const full = await upload(number, 'cuarto.txt', 'text/plain', Buffer.from('4'), client);
    expect(full.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'ATTACHMENT_LIMIT' });

    // The uploader deletes their own: the answer is the deleted record.
    const first = await del(mine.body.id, Role.CLIENT_USER);
    expect(first).toEqual({
      deleted: {
        id: mine.body.id,
        fileName: 'mio.txt',
        deletedAt: expect.any(String) as unknown,
        deletedByName: 'Úrsula Usuaria',
        downloadUrl: null,
      },
    });
    // The row stays, without its bytes, with who deleted it and when.
    const [gone, ...others] = await rows();
    expect(gone).toMatchObject({
      id: mine.body.id,
      file_name: 'mio.txt',
      has_content: false,
      size_bytes: mine.body.sizeBytes,
      // The digest goes with the bytes (a tiny file's SHA-256 could be found by brute force).
      sha256: null,
      deleted_by: mine.body.uploadedById,
      deleter_email: REGISTRANT,
    });
    expect(gone.deleted_at?.toISOString()).toBe((first as { deleted: Deleted }).deleted.deletedAt);
    expect(others).toEqual(stored.slice(1));
    // GraphQL lists it as deleted, by name, without a download; the others are unchanged.
    for (const role of [Role.AGENT, Role.CLIENT_APPROVER]) {
      const list = await listed(number, role);
      expect(list.map((a) => [a.fileName, a.deletedAt !== null, a.downloadUrl])).toEqual([
        ['mio.txt', true, null],
        ['suyo.txt', false, `/api/attachments/${theirs.body.id}`],
        ['agente.txt', false, `/api/attachments/${agents.body.id}`],
      ]);
      expect(list[0]).toMatchObject({
        deletedAt: gone.deleted_at?.toISOString(),
        deletedByName: gone.deleter_name,
        sizeBytes: mine.body.sizeBytes,
        uploadedByName: 'Úrsula Usuaria',
      });
      expect(list[1].deletedByName).toBeNull();
    }
    // Its download says it was deleted (to whoever sees the ticket; to anyone else it never was).
    const down = await download(mine.body.id, world.bearer(Role.AGENT));
    expect(down.status).toBe(404);
    expect(await down.json()).toEqual({
      code: 'NOT_FOUND',
      reason: 'ATTACHMENT_DELETED',
      entity: 'attachment',
      id: mine.body.id,
      fileName: 'mio.txt',
      deletedAt: gone.deleted_at?.toISOString(),
      message: expect.stringContaining('was deleted') as unknown,
    });
    const stranger = await download(mine.body.id, world.bearer(Role.CLIENT_USER, OTHER_ORG));
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });

    // Deleting it again, by its uploader or by provider staff, answers the record and changes
    // nothing: the first deletion's who and when stay.
    const afterFirst = await rows();
    expect(await del(mine.body.id, Role.CLIENT_USER)).toEqual(first);
    expect(await del(mine.body.id, Role.MANAGER)).toMatchObject({
      deleted: { deletedAt: gone.deleted_at?.toISOString() },
    });
    expect(await rows()).toEqual(afterFirst);

    // Only live files count towards the limit: the deleted one freed its place.
    const again = await upload(number, 'nuevo.txt', 'text/plain', Buffer.from('5'), client);
    expect(again.status).toBe(201);
    const over = await upload(number, 'quinto.txt', 'text/plain', Buffer.from('6'), client);
    expect(over.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'ATTACHMENT_LIMIT' });

    // Once the ticket is closed the client may no longer delete; provider staff still may.
    const { body } = await gql(
      world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { seq } }`,
      { input: { number, note: 'Ya no aplica' } },
      client,
    );
    expect(body.errors).toBeUndefined();
    await eventually(
      () =>
        world.db.query<{ state: string }[]>('SELECT state FROM ticket WHERE number = $1', [number]),
      ([t]) => t.state === 'CANCELLED',
    );
    expect(await del(theirs.body.id, Role.CLIENT_USER)).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'TICKET_CLOSED',
    });
    expect(await del(theirs.body.id, Role.MANAGER)).toMatchObject({
      deleted: { id: theirs.body.id, deletedByName: expect.any(String) as unknown },
    });
    const final = await rows();
    expect(final.map((r) => [r.file_name, r.has_content, r.deleter_email])).toEqual([
      ['mio.txt', false, REGISTRANT],
      ['suyo.txt', false, 'gerente@becken.example'],
      ['agente.txt', true, null],
      ['nuevo.txt', true, null],
    ]);
    const list = await listed(number, Role.CLIENT_USER);
    expect(list.map((a) => [a.fileName, a.deletedByName])).toEqual([
      ['mio.txt', 'Úrsula Usuaria'],
      ['suyo.txt', final[1].deleter_name],
      ['agente.txt', null],
      ['nuevo.txt', null],
    ]);
  });

  it('tells the role of who attached and who deleted a file, batched with the names, seen as the names are (L3-11)', async () => {
    const number = await register();
    const client = world.bearer(Role.CLIENT_USER);
    const agent = world.bearer(Role.AGENT);
    const byClient = await upload(number, 'cliente.txt', 'text/plain', Buffer.from('1'), client);
    const byAgent = await upload(number, 'agente.txt', 'text/plain', Buffer.from('2'), agent);
    expect([byClient.status, byAgent.status]).toEqual([201, 201]);
    // Provider staff delete the client's file.
    const { body: deleted } = await gql<{
      deleteAttachment: { deletedByName: string | null; deletedByRole: string | null };
    }>(
      world.api,
      `mutation ($id: ID!) { deleteAttachment(id: $id) { deletedByName deletedByRole } }`,
      { id: byClient.body.id },
      agent,
    );
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data?.deleteAttachment.deletedByRole).toBe(Role.AGENT);

    const [agentName] = await world.db.query<{ display_name: string }[]>(
      `SELECT display_name FROM app_user WHERE id = $1`,
      [byAgent.body.uploadedById],
    );
    const ROLES = `query ($number: String!) { ticket(number: $number) {
      attachments { fileName uploadedByName uploadedByRole deletedByName deletedByRole } } }`;
    // Staff and the client read the same people: the client sees provider staff by name and role.
    for (const viewer of [Role.AGENT, Role.MANAGER, Role.CLIENT_USER, Role.CLIENT_APPROVER]) {
      const { body } = await gql<{ ticket: { attachments: unknown[] } }>(
        world.api,
        ROLES,
        { number },
        world.bearer(viewer),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.ticket.attachments).toEqual([
        {
          fileName: 'cliente.txt',
          uploadedByName: 'Úrsula Usuaria',
          uploadedByRole: Role.CLIENT_USER,
          deletedByName: agentName.display_name,
          deletedByRole: Role.AGENT,
        },
        {
          fileName: 'agente.txt',
          uploadedByName: agentName.display_name,
          uploadedByRole: Role.AGENT,
          deletedByName: null,
          deletedByRole: null,
        },
      ]);
    }
  });

  it('an internal file (staff only) is hidden from the client, NOT_FOUND to it, and never emailed to the registrant (L3-11)', async () => {
    const number = await register();
    const agent = world.bearer(Role.AGENT);
    const client = world.bearer(Role.CLIENT_USER);
    const content = Buffer.from('pg_dump de otro cliente\n');
    const internal = await upload(number, 'volcado-bd.txt', 'text/plain', content, agent, 'file', {
      internal: 'true',
    });
    expect(internal.status).toBe(201);
    expect(internal.body).toMatchObject({ fileName: 'volcado-bd.txt', internal: true });
    // A visible file after it, by the same agent: its email is the registrant's only one.
    const visible = await upload(
      number,
      'diagnostico.txt',
      'text/plain',
      Buffer.from('diagnóstico\n'),
      agent,
      'file',
      { internal: 'false' },
    );
    expect(visible.status).toBe(201);
    expect(visible.body).toMatchObject({ internal: false });

    const LIST = `query ($number: String!) { ticket(number: $number) {
      attachments { id fileName internal } } }`;
    const list = async (role: Role) => {
      const { body } = await gql<{
        ticket: { attachments: { id: string; fileName: string; internal: boolean }[] };
      }>(world.api, LIST, { number }, world.bearer(role));
      expect(body.errors).toBeUndefined();
      return body.data!.ticket.attachments;
    };
    // Provider staff see both, the internal one marked; client roles only the visible one.
    for (const role of [Role.AGENT, Role.MANAGER]) {
      expect(await list(role)).toEqual([
        { id: internal.body.id, fileName: 'volcado-bd.txt', internal: true },
        { id: visible.body.id, fileName: 'diagnostico.txt', internal: false },
      ]);
    }
    for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER]) {
      expect(await list(role)).toEqual([
        { id: visible.body.id, fileName: 'diagnostico.txt', internal: false },
      ]);
    }

    // To a client the internal file does not exist: download and delete are NOT_FOUND, as an
    // unknown id, and it stays stored.
    for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER]) {
      const res = await download(internal.body.id, world.bearer(role));
      expect(res.status).toBe(404);
      const refusal = (await res.json()) as Refusal;
      expect(refusal.code).toBe('NOT_FOUND');
      expect(JSON.stringify(refusal)).not.toContain('volcado');
    }
    const del = await gql(world.api, DELETE, { id: internal.body.id }, client);
    expect(del.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(del.body)).not.toContain('volcado');
    const agentDownload = await download(internal.body.id, agent);
    expect(agentDownload.status).toBe(200);
    expect(Buffer.from(await agentDownload.arrayBuffer()).equals(content)).toBe(true);

    // The registrant hears of the visible file only; no email row ever names the internal one.
    const rows = await eventually(
      () =>
        world.db.query<{ event_key: string; status: string; subject: string; text: string }[]>(
          `SELECT event_key, status, subject, text FROM email_outbox
            WHERE ticket_number = $1 AND event_key LIKE 'attachment-%' ORDER BY created_at`,
          [number],
        ),
      (all) => all.length >= 1 && all.every((r) => r.status === 'SENT'),
    );
    expect(rows.map((r) => r.event_key)).toEqual([`attachment-${visible.body.id}`]);
    expect(rows[0].subject).toBe(
      `[${number}] Nuevo archivo adjunto: diagnostico.txt — No timbra la factura`,
    );
    expect(rows[0].text).not.toContain('volcado');
    const [{ n }] = await world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM email_outbox
        WHERE event_key LIKE $1 OR subject LIKE '%volcado%' OR text LIKE '%volcado%'`,
      [`%${internal.body.id}%`],
    );
    expect(n).toBe(0);

    // Staff may delete it; the client still does not see its record.
    const staffDel = await gql(world.api, DELETE, { id: internal.body.id }, agent);
    expect(staffDel.body.errors).toBeUndefined();
    expect((await list(Role.CLIENT_USER)).map((f) => f.id)).toEqual([visible.body.id]);
  });

  it('refuses internal=true from a client (403 INTERNAL_FILE_STAFF_ONLY) and a malformed flag, storing nothing', async () => {
    const number = await register();
    await emailsQueued(world.db);
    const before = await snapshot();
    const refused = await upload(
      number,
      'notas.txt',
      'text/plain',
      Buffer.from('hola\n'),
      world.bearer(Role.CLIENT_USER),
      'file',
      { internal: 'true' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', reason: 'INTERNAL_FILE_STAFF_ONLY' });
    const typo = await upload(
      number,
      'notas.txt',
      'text/plain',
      Buffer.from('hola\n'),
      world.bearer(Role.AGENT),
      'file',
      { internal: 'si' },
    );
    expect(typo.status).toBe(400);
    expect(typo.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'ATTACHMENT_INTERNAL_INVALID',
    });
    expect(await snapshot()).toEqual(before);
  });

  it(`gives internal files ${MAX_PER_TICKET} places of their own: a client's count is the files it sees (ATTACHMENT_LIMIT, QA S58)`, async () => {
    const number = await register();
    const agent = world.bearer(Role.AGENT);
    const client = world.bearer(Role.CLIENT_USER);
    for (let i = 0; i < MAX_PER_TICKET; i++) {
      const up = await upload(
        number,
        `interno-${i}.txt`,
        'text/plain',
        Buffer.from('x'),
        agent,
        'file',
        { internal: 'true' },
      );
      expect(up.status).toBe(201);
    }
    // The internal places are full: one more internal file is refused, naming no file.
    const moreInternal = await upload(
      number,
      'interno-mas.txt',
      'text/plain',
      Buffer.from('x'),
      agent,
      'file',
      { internal: 'true' },
    );
    expect(moreInternal.status).toBe(400);
    expect(moreInternal.body).toMatchObject({ reason: 'ATTACHMENT_LIMIT' });
    expect(JSON.stringify(moreInternal.body)).not.toContain('interno-');
    // The client, who sees none of them, still has every place of its own.
    for (let i = 0; i < MAX_PER_TICKET; i++) {
      const up = await upload(number, `mio-${i}.txt`, 'text/plain', Buffer.from('x'), client);
      expect(up.status).toBe(201);
    }
    const full = await upload(number, 'uno-mas.txt', 'text/plain', Buffer.from('x'), client);
    expect(full.status).toBe(400);
    expect(full.body).toMatchObject({ reason: 'ATTACHMENT_LIMIT' });
    expect(JSON.stringify(full.body)).not.toContain('interno-');
    // A shared file by the agent takes a shared place too: full as well.
    const shared = await upload(number, 'del-agente.txt', 'text/plain', Buffer.from('x'), agent);
    expect(shared.status).toBe(400);
    expect(shared.body).toMatchObject({ reason: 'ATTACHMENT_LIMIT' });
    const live = await world.db.query<{ internal: boolean; n: string }[]>(
      `SELECT internal, count(*) AS n FROM ticket_attachment
        WHERE ticket_number = $1 AND deleted_at IS NULL GROUP BY internal ORDER BY internal`,
      [number],
    );
    expect(live.map((r) => [r.internal, Number(r.n)])).toEqual([
      [false, MAX_PER_TICKET],
      [true, MAX_PER_TICKET],
    ]);
  });

  it('stores a file either live with its bytes and digest or deleted without them, and who deleted it (database CHECKs)', async () => {
    const number = await register();
    const up = await upload(
      number,
      'a.txt',
      'text/plain',
      Buffer.from('x'),
      world.bearer(Role.AGENT),
    );
    expect(up.status).toBe(201);
    const refused = (sql: string) =>
      world.db.query(sql, [up.body.id, up.body.uploadedById]).then(
        () => 'stored',
        (err: { driverError?: { code?: string } }) => err.driverError?.code,
      );
    // 23514: check_violation. Marked deleted with its bytes, bytes gone while live, no deleter.
    for (const sql of [
      `UPDATE ticket_attachment SET deleted_at = now(), deleted_by = $2 WHERE id = $1`,
      `UPDATE ticket_attachment SET content = NULL WHERE id = $1 AND $2::uuid IS NOT NULL`,
      `UPDATE ticket_attachment SET content = NULL, deleted_at = now() WHERE id = $1 AND $2::uuid IS NOT NULL`,
      `UPDATE ticket_attachment SET deleted_by = $2 WHERE id = $1`,
      // Deleted without its bytes but still with their digest; a live file without a digest.
      `UPDATE ticket_attachment SET content = NULL, deleted_at = now(), deleted_by = $2 WHERE id = $1`,
      `UPDATE ticket_attachment SET sha256 = NULL WHERE id = $1 AND $2::uuid IS NOT NULL`,
    ]) {
      expect({ sql, outcome: await refused(sql) }).toEqual({ sql, outcome: '23514' });
    }
    expect(
      await refused(
        `UPDATE ticket_attachment SET content = NULL, sha256 = NULL, deleted_at = now(), deleted_by = $2 WHERE id = $1`,
      ),
    ).toBe('stored');
  });

  it('a file deleted while another upload merges into its waiting email is taken out of it: the deletion waits for the upload (L3-11)', async () => {
    const agent = world.bearer(Role.AGENT);
    const number = await register();
    const first = await upload(number, 'uno.txt', 'text/plain', Buffer.from('uno\n'), agent);
    expect(first.status).toBe(201);
    const waiting = () =>
      world.db.query<{ id: string; text: string }[]>(
        `SELECT id, text FROM email_outbox
          WHERE ticket_number = $1 AND event_key LIKE 'attachment-%' AND status = 'QUEUED'`,
        [number],
      );
    const emails = await waiting();
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((e) => e.text.includes('uno.txt'))).toBe(true);

    // The agent's next upload is merging its file into that email: it holds the ticket's files
    // lock, the ticket's row shared and the email's rows, as an upload does.
    const merging = world.db.createQueryRunner();
    await merging.startTransaction();
    let removed: ReturnType<typeof gql> | undefined;
    try {
      await merging.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `ticket_attachment:${number}`,
      ]);
      await merging.query(`SELECT 1 FROM ticket WHERE number = $1 FOR SHARE`, [number]);
      await merging.query(`SELECT id FROM email_outbox WHERE id = ANY($1) FOR UPDATE`, [
        emails.map((e) => e.id),
      ]);
      removed = gql(world.api, DELETE, { id: first.body.id }, agent);
      // The deletion waits for the upload instead of passing its locked email by.
      await someoneWaitsForAdvisoryLock(world.db);
      await merging.commitTransaction();
    } finally {
      if (merging.isTransactionActive) await merging.rollbackTransaction();
      await merging.release();
    }
    expect((await removed).body.errors).toBeUndefined();
    // The email named only the deleted file: nothing is left to tell, it is not sent.
    expect(await waiting()).toEqual([]);
  });
});
