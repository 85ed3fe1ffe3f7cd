import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { triedWithoutSmtp } from '../support/outbox-dispatcher';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-11, guarantee 4 (docs/RELIABILITY.md): a file deleted before its email went is taken out of
// it, not only while the email waits for its batch window. Here no dispatcher runs on its own
// (MAIL_DISPATCHER=off), so an email stays unsent past its window, as with the worker down or
// busy; one the spec's dispatcher tried once against an SMTP server that is not there waits for
// its retry (QUEUED, attempts = 1) or, allowed one attempt, failed for good (FAILED: a manager
// may send it again).

const REGISTRANT = 'usuario@aurora.example';
const WINDOW_MS = 1_500;
const DELETE = `mutation ($id: ID!) { deleteAttachment(id: $id) { id deletedAt } }`;

interface AttachmentEmail {
  status: string;
  attempts: number;
  subject: string;
  text: string;
  html: string;
  payload: unknown;
  due: boolean;
}

describe('L3-11: a deleted file leaves every unsent email, past its window or retried', () => {
  const world = useWorldWithWorker('attachment-deleted-unsent', {
    MAIL_DISPATCHER: 'off',
    MAIL_BATCH_WINDOW_MS: String(WINDOW_MS),
  });

  const agent = () => world.bearer(Role.AGENT);

  async function put(number: string, name: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([`contenido de ${name}\n`], { type: 'text/plain' }), name);
    const res = await fetch(
      `${world.api.url}/api/tickets/${encodeURIComponent(number)}/attachments`,
      { method: 'POST', headers: agent(), body: form },
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  async function remove(id: string): Promise<void> {
    const { body } = await gql(world.api, DELETE, { id }, agent());
    expect(body.errors).toBeUndefined();
  }

  /** The registrant's emails about the agent's files on ticket `number` (sent or not). */
  const attachmentEmails = (number: string) =>
    world.db.query<AttachmentEmail[]>(
      `SELECT status, attempts, subject, text, html, payload, next_attempt_at < now() AS due
         FROM email_outbox
        WHERE ticket_number = $1 AND recipient_address = $2 AND event_key LIKE 'attachment-%'
        ORDER BY created_at`,
      [number, REGISTRANT],
    );

  /** Ticket `number`'s one attachment email, once tried without SMTP and as `tried` accepts. */
  async function onlyEmailTried(
    number: string,
    settings: Record<string, string>,
    tried: (email: AttachmentEmail) => boolean,
  ): Promise<AttachmentEmail> {
    const [email] = await triedWithoutSmtp(
      world,
      settings,
      () => attachmentEmails(number),
      (rows) => rows.length === 1 && tried(rows[0]),
    );
    return email;
  }

  /** Whether any part of the email (what is sent, and what it is rendered again from) names it. */
  const names = (email: AttachmentEmail, fileName: string) =>
    [email.subject, email.text, email.html, JSON.stringify(email.payload)].some((part) =>
      part.includes(fileName),
    );

  it('an email whose window ended but no dispatcher took yet no longer names the deleted file', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado',
      description: 'Error al timbrar.',
    });
    await put(number, 'bitacora.txt');
    const wrong = await put(number, 'datos-de-otro-cliente.csv');
    // Past the window, still QUEUED and never tried: what a dispatcher takes next.
    const before = await eventually(
      () => attachmentEmails(number),
      (rows) => rows.length > 0 && rows.every((r) => r.due),
    );
    expect(before.every((r) => r.status === 'QUEUED' && r.attempts === 0)).toBe(true);
    expect(before.some((r) => names(r, 'datos-de-otro-cliente.csv'))).toBe(true);

    await remove(wrong);
    const after = await attachmentEmails(number);
    expect(after.filter((r) => names(r, 'datos-de-otro-cliente.csv'))).toEqual([]);
    // The file that stays is still told, in an email still to be sent.
    expect(after.filter((r) => names(r, 'bitacora.txt')).map((r) => r.status)).toEqual(['QUEUED']);
  });

  it('an email waiting for its retry after a failed attempt is dropped when its only file is deleted', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado 2',
      description: 'Error al timbrar.',
    });
    const only = await put(number, 'equivocado.csv');
    // One attempt against an SMTP server that is not there; the retry is an hour away.
    const tried = await onlyEmailTried(
      number,
      { MAIL_RETRY_BASE_MS: '3600000', MAIL_RETRY_CAP_MS: '3600000' },
      (email) => email.status === 'QUEUED' && email.attempts === 1,
    );
    expect(names(tried, 'equivocado.csv')).toBe(true);

    await remove(only);
    // The email told only that file: nothing is left to tell, it is not sent (as in its window).
    expect(await attachmentEmails(number)).toEqual([]);
  });

  it('an email that failed for good is dropped when its only file is deleted: a manager cannot send it again', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado 3',
      description: 'Error al timbrar.',
    });
    const only = await put(number, 'no-debia-subirse.csv');
    // One attempt allowed, against an SMTP server that is not there: FAILED, on the managers' list.
    const failed = await onlyEmailTried(
      number,
      { MAIL_MAX_ATTEMPTS: '1' },
      (email) => email.status === 'FAILED',
    );
    expect(names(failed, 'no-debia-subirse.csv')).toBe(true);

    await remove(only);
    expect(await attachmentEmails(number)).toEqual([]);
  });
});
