import { simpleParser } from 'mailparser';
import type { DataSource } from 'typeorm';
import type { CaughtMail } from '../../src/infra/local-stack/smtp-catcher';
import { eventually } from './eventually';

// The one way integration, e2e and fault specs read the SMTP catcher's viewer (L3-11): what really
// arrived over SMTP, with its Message-ID, recipients, subject, text, html and attachments. The
// tiers' shared catcher is at `MAIL_VIEWER_URL`; a fault spec's stack runs a catcher of its own.

/** An email as the SMTP catcher's viewer lists it. */
export type { CaughtMail };

/**
 * Every email the catcher whose viewer is at `viewerUrl` holds, in arrival order; only those
 * addressed to `to` when given.
 */
export async function caughtMails(
  to?: string,
  viewerUrl = process.env.MAIL_VIEWER_URL,
): Promise<CaughtMail[]> {
  const query = to === undefined ? '' : `?to=${encodeURIComponent(to)}`;
  const res = await fetch(`${viewerUrl}/api/messages${query}`);
  return (await res.json()) as CaughtMail[];
}

/** A calendar file an email carried: its name, its content type and its properties. */
export interface CaughtCalendar {
  readonly filename: string;
  readonly contentType: string;
  /** Each property's value by name (`METHOD`, `UID`, `SEQUENCE`, `STATUS`…), lines unfolded. */
  readonly props: Readonly<Record<string, string>>;
}

/**
 * The `.ics` files `mail` really carried (L3-06, L3-11), read from its raw message as the catcher
 * received it over SMTP (the viewer's list gives attachments' names and sizes only).
 */
export async function caughtCalendars(
  mail: CaughtMail,
  viewerUrl = process.env.MAIL_VIEWER_URL,
): Promise<CaughtCalendar[]> {
  const res = await fetch(`${viewerUrl}/api/messages/${mail.id}/raw`);
  const parsed = await simpleParser(Buffer.from(await res.arrayBuffer()));
  return parsed.attachments
    .filter((a) => a.contentType === 'text/calendar')
    .map((a) => {
      const lines = a.content
        .toString('utf8')
        .replace(/\r\n[ \t]/g, '')
        .split('\r\n');
      const props: Record<string, string> = {};
      for (const line of lines.filter(Boolean)) {
        const name = line.slice(0, line.indexOf(':')).split(';')[0];
        props[name] ??= line.slice(line.indexOf(':') + 1);
      }
      return { filename: a.filename ?? '', contentType: a.contentType, props };
    });
}

/**
 * The token of the password link (`/contrasena?token=…`: an invitation or a reset, L3-04) in an
 * email's text; fails the test when the email has none.
 */
export function passwordLinkToken(mail: CaughtMail): string {
  const token = /\/contrasena\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no password link in: ${mail.text}`);
  return token;
}

/** Whether an email's subject holds every one of `parts` (a ticket number, a few words). */
export const subjectHas =
  (...parts: string[]) =>
  (mail: CaughtMail): boolean =>
    parts.every((p) => mail.subject.includes(p));

/**
 * The caught emails that `match` (only those addressed to `to` when given), once there are at least
 * `count` of them: re-reads the catcher until then (the dispatcher sends on its own schedule).
 * Callers assert the exact number.
 */
export async function caughtAtLeast(
  count: number,
  match: (mail: CaughtMail) => boolean,
  to?: string,
): Promise<CaughtMail[]> {
  return eventually(
    async () => (await caughtMails(to)).filter(match),
    (mails) => mails.length >= count,
  );
}

/**
 * Each outbox row (by its Message-ID) was caught exactly once: waits until every one arrived, then
 * asserts one copy each. The emails, in `rows` order.
 */
export async function caughtOnceEach(rows: { message_id: string }[]): Promise<CaughtMail[]> {
  const caught = await eventually(caughtMails, (mails) =>
    rows.every((r) => mails.some((m) => m.messageId === r.message_id)),
  );
  const copies = rows.map((r) => caught.filter((m) => m.messageId === r.message_id));
  expect(copies.map((c) => c.length)).toEqual(rows.map(() => 1));
  return copies.map(([mail]) => mail);
}

/** An outbox row as a spec matches it with what the catcher caught. */
export interface OutboxRow {
  event_key: string;
  recipient_address: string;
  status: string;
  message_id: string;
}

/** The outbox rows of one email type in `world`'s database, in the order they were queued. */
export const outboxRowsOf =
  (world: { readonly db: Pick<DataSource, 'query'> }, eventType: string) =>
  (): Promise<OutboxRow[]> =>
    world.db.query<OutboxRow[]>(
      `SELECT event_key, recipient_address, status, message_id FROM email_outbox
        WHERE event_type = $1 ORDER BY created_at, id`,
      [eventType],
    );

/**
 * Once `count` outbox rows (`rows`, a spec's query) are SENT: they are exactly `count`, and each was
 * caught exactly once by the SMTP catcher (by its Message-ID). The caught emails, in `rows` order.
 */
export async function sentExactly(
  rows: () => Promise<{ status: string; message_id: string }[]>,
  count: number,
): Promise<CaughtMail[]> {
  const all = await eventually(
    rows,
    (r) => r.length >= count && r.every((x) => x.status === 'SENT'),
  );
  expect(all).toHaveLength(count);
  return caughtOnceEach(all);
}
