import { randomBytes } from 'node:crypto';
import { HeldCommentFilesSweep } from '../../src/attachments/held-comment-files.sweep';
import { Role } from '../../src/identity/role.enum';
import { caughtOnceEach } from '../support/caught-mail';
import { AURORA_ORG } from '../support/demo-contract';
import { emailsQueued } from '../support/emails-queued';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-11 on the real stack (API over HTTP, the Temporal dev server with the real worker and its
// email dispatcher, PostgreSQL, the SMTP catcher): a comment carries files. The commenter uploads
// them with `forComment=true` (no email of their own), then posts the comment naming them
// (`attachmentIds`): one email tells the comment and its files, the agent's of a client's comment
// and the registrant's of a staff reply. A file that is not the commenter's, is deleted, is
// unknown, or is internal on a comment the client sees is refused, and nothing is recorded. A
// file whose comment never came is told on its own once its hold ends, once.

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = () => Buffer.concat([PNG, randomBytes(200)]);

const ADD_COMMENT = `mutation ($number: String!, $body: String!, $internal: Boolean, $ids: [ID!]) {
  addComment(number: $number, body: $body, internal: $internal, attachmentIds: $ids) {
    ticket { state } } }`;
const TIMELINE = `query ($number: String!) { ticket(number: $number) { timeline { type data } } }`;

interface OutboxRow {
  event_type: string;
  recipient_address: string;
  message_id: string;
  status: string;
}

describe('a comment carries files (L3-11)', () => {
  const world = useWorldWithWorker('comment-files');

  const register = () =>
    registerProjectedTicket(
      world,
      { category: 'INCIDENT', subject: 'Póliza descuadrada', description: 'No cuadra.' },
      AURORA_ORG,
    );

  async function upload(
    number: string,
    name: string,
    role: Role,
    fields: Record<string, string> = { forComment: 'true' },
  ): Promise<string> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([png()], { type: 'image/png' }), name);
    const res = await fetch(
      `${world.api.url}/api/tickets/${encodeURIComponent(number)}/attachments`,
      { method: 'POST', headers: world.bearer(role), body: form },
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  const comment = (
    role: Role,
    variables: { number: string; body: string; internal?: boolean; ids?: string[] },
  ) => gql(world.api, ADD_COMMENT, variables, world.bearer(role));

  const outbox = (number: string) =>
    world.db.query<OutboxRow[]>(
      `SELECT event_type, recipient_address, message_id, status FROM email_outbox
        WHERE ticket_number = $1 AND event_type NOT IN ('PROVIDER_NEW_TICKET', 'TICKET_REGISTERED')
        ORDER BY created_at, recipient_address`,
      [number],
    );

  async function commentEvents(number: string): Promise<Record<string, unknown>[]> {
    const { body } = await gql<{ ticket: { timeline: { type: string; data: string }[] } }>(
      world.api,
      TIMELINE,
      { number },
      world.bearer(Role.AGENT),
    );
    return body
      .data!.ticket.timeline.filter((e) => e.type === 'comment')
      .map((e) => JSON.parse(e.data) as Record<string, unknown>);
  }

  it("a client's comment with two files: one email to the agents quotes it and names both", async () => {
    const number = await register();
    const first = await upload(number, 'poliza.png', Role.CLIENT_USER);
    const second = await upload(number, 'balanza.png', Role.CLIENT_USER);
    // The files alone queue nothing: they go with the comment.
    await emailsQueued(world.db, number);
    expect(await outbox(number)).toEqual([]);

    const { body } = await comment(Role.CLIENT_USER, {
      number,
      body: 'Adjunto la póliza y la balanza del mes.',
      ids: [first, second],
    });
    expect(body.errors).toBeUndefined();
    expect(await commentEvents(number)).toEqual([
      expect.objectContaining({ attachmentIds: [first, second] }),
    ]);

    await emailsQueued(world.db, number);
    const rows = await eventually(
      () => outbox(number),
      (r) => r.length > 0 && r.every((x) => x.status === 'SENT'),
    );
    // One email per agent (nobody is assigned yet), about the comment; none about the files.
    expect(rows.map((r) => r.event_type)).toEqual(rows.map(() => 'PROVIDER_CLIENT_ACTIVITY'));
    expect(new Set(rows.map((r) => r.recipient_address)).size).toBe(rows.length);
    const mails = await caughtOnceEach(rows);
    const toAgent = mails.find((m) => m.to.includes('agente@becken.example'))!;
    // The agent reads English.
    expect(toAgent.subject).toContain('Client comment');
    expect(toAgent.text).toContain('> Adjunto la póliza y la balanza del mes.');
    expect(toAgent.text).toMatch(
      /Attached files:\s+poliza\.png: 208 bytes\s+balanza\.png: 208 bytes/,
    );
  });

  it("a staff reply with a file: the registrant's «Nuevo comentario» names it", async () => {
    const number = await register();
    const file = await upload(number, 'ajuste.png', Role.AGENT);
    const { body } = await comment(Role.AGENT, {
      number,
      body: 'Le comparto la captura del ajuste.',
      ids: [file],
    });
    expect(body.errors).toBeUndefined();
    await emailsQueued(world.db, number);
    const rows = await eventually(
      () => outbox(number),
      (r) => r.some((x) => x.event_type === 'COMMENT_ADDED' && x.status === 'SENT'),
    );
    const commentRows = rows.filter((r) => r.event_type === 'COMMENT_ADDED');
    expect(commentRows.map((r) => r.recipient_address)).toEqual(['usuario@aurora.example']);
    expect(rows.filter((r) => r.event_type === 'ATTACHMENT_ADDED')).toEqual([]);
    const [mail] = await caughtOnceEach(commentRows);
    expect(mail.subject).toContain('Nuevo comentario');
    expect(mail.text).toContain('> Le comparto la captura del ajuste.');
    expect(mail.text).toMatch(/Archivo adjunto:\s+ajuste\.png: 208 bytes/);
  });

  it('refuses a file that is not the commenter’s, deleted, unknown, or internal on a public comment; nothing is recorded', async () => {
    const number = await register();
    const theirs = await upload(number, 'de-otro.png', Role.CLIENT_APPROVER);
    const gone = await upload(number, 'borrado.png', Role.CLIENT_USER);
    const deleted = await gql(
      world.api,
      `mutation ($id: ID!) { deleteAttachment(id: $id) { id } }`,
      { id: gone },
      world.bearer(Role.CLIENT_USER),
    );
    expect(deleted.body.errors).toBeUndefined();
    const internal = await upload(number, 'interno.png', Role.AGENT, {
      forComment: 'true',
      internal: 'true',
    });
    const visible = await upload(number, 'visible.png', Role.AGENT);

    const refusals: [Role, string[], string][] = [
      [Role.CLIENT_USER, [theirs], 'COMMENT_FILE_NOT_YOURS'],
      [Role.CLIENT_USER, [gone], 'COMMENT_FILE_DELETED'],
      [Role.CLIENT_USER, ['7f0c3a52-4b8e-4c7a-9d7e-2f1f1f1f1f1f'], 'COMMENT_FILE_NOT_FOUND'],
      [Role.CLIENT_USER, ['no-es-un-id'], 'COMMENT_FILE_NOT_FOUND'],
      [Role.AGENT, [internal], 'COMMENT_FILE_INTERNAL'],
      // QA S58: an internal note carried a file the client could download.
      [Role.AGENT, [visible], 'COMMENT_FILE_NOT_INTERNAL'],
    ];
    for (const [role, ids, reason] of refusals) {
      const internalNote = reason === 'COMMENT_FILE_NOT_INTERNAL';
      const { body } = await comment(role, {
        number,
        body: 'Con archivo',
        internal: internalNote,
        ids,
      });
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason,
        attachmentId: ids[0],
      });
    }
    expect(await commentEvents(number)).toEqual([]);
    // An internal note may carry the internal file.
    const note = await comment(Role.AGENT, {
      number,
      body: 'Bitácora interna',
      internal: true,
      ids: [internal],
    });
    expect(note.body.errors).toBeUndefined();
    expect(await commentEvents(number)).toEqual([
      expect.objectContaining({ internal: true, attachmentIds: [internal] }),
    ]);
  });

  const held = (number: string) =>
    world.db.query<{ id: string; held: boolean }[]>(
      `SELECT id::text AS id, held_for_comment_until IS NOT NULL AS held
         FROM ticket_attachment WHERE ticket_number = $1 ORDER BY uploaded_at`,
      [number],
    );

  const listed = async (number: string, role: Role) => {
    const { body } = await gql<{ ticket: { attachments: { fileName: string }[] } }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { attachments { fileName } } }`,
      { number },
      world.bearer(role),
    );
    return body.data!.ticket.attachments.map((a) => a.fileName);
  };

  // QA S58: files of a comment that was never sent stayed on the ticket, told to nobody.
  it('a file waits unseen for its comment; one whose comment never came is removed, never told', async () => {
    const number = await register();
    const named = await upload(number, 'con-comentario.png', Role.CLIENT_USER);
    // Uploaded, its comment not sent yet: on nobody's list.
    expect(await listed(number, Role.AGENT)).toEqual([]);
    const { body } = await comment(Role.CLIENT_USER, {
      number,
      body: 'Va la captura.',
      ids: [named],
    });
    expect(body.errors).toBeUndefined();
    expect(await listed(number, Role.CLIENT_USER)).toEqual(['con-comentario.png']);
    // The browser closed between this upload and its comment.
    const orphan = await upload(number, 'sin-comentario.png', Role.CLIENT_USER);
    expect(await held(number)).toEqual([
      { id: named, held: false },
      { id: orphan, held: true },
    ]);
    const sweep = world.api.app.get(HeldCommentFilesSweep);
    // Within its hold, kept (its comment may still come).
    await sweep.sweep();
    expect(await held(number)).toHaveLength(2);
    // Past it, removed (with any other ticket's file held as long); the named one stays.
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await sweep.sweep(later)).toBeGreaterThanOrEqual(1);
    expect(await sweep.sweep(later)).toBe(0);
    expect(await held(number)).toEqual([{ id: named, held: false }]);
    expect(await listed(number, Role.AGENT)).toEqual(['con-comentario.png']);

    // One email, the comment's, naming its file; nothing about the removed one.
    await emailsQueued(world.db, number);
    const rows = await eventually(
      () => outbox(number),
      (r) => r.length >= 1 && r.every((x) => x.status === 'SENT'),
    );
    expect(rows.map((r) => r.event_type)).toEqual(rows.map(() => 'PROVIDER_CLIENT_ACTIVITY'));
    for (const mail of await caughtOnceEach(rows)) {
      expect(mail.text).toContain('con-comentario.png');
      expect(mail.text).not.toContain('sin-comentario.png');
    }
  });
});
