import { DataSource } from 'typeorm';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { remoteSessionHolders } from '../../src/notifications/session-holders';
import { databaseBefore } from '../support/database-before';

// L3-06, L3-11 (review of QA S62): OutboxIcsMethod1764321000000 gives every outbox email the
// method of its calendar files (`ics_method`: REQUEST or CANCEL) and the entries they carry
// (`ics_entries`), filled once from the attachments of the rows queued before it; who holds a
// remote session (`remoteSessionHolders`) then reads those columns, not the attachments.

const MIGRATION = '1764321000000-outbox-ics-method';
const N = 'L3-2026-000777';
const ics = (entry: string, method: 'REQUEST' | 'CANCEL') => ({
  filename: `${N}-${entry}.ics`,
  contentType: `text/calendar; charset=utf-8; method=${method}`,
  content: Buffer.from(`BEGIN:VCALENDAR\r\nMETHOD:${method}\r\nEND:VCALENDAR\r\n`).toString(
    'base64',
  ),
});

describe('outbox emails say what their calendar files do (L3-06, L3-11)', () => {
  it('fills ics_method and ics_entries from the attachments once; the session holders read them', async () => {
    const { url, before, drop } = await databaseBefore('outbox_ics', MIGRATION);
    try {
      const [{ id: org }] = await before.query<{ id: string }[]>(
        `INSERT INTO organization (name, kind, slug) VALUES ('Aurora', 'CLIENT', 'aurora')
         RETURNING id`,
      );
      const users: { id: string }[] = [];
      for (const name of ['ana', 'beto', 'carla', 'dora']) {
        const [u] = await before.query<{ id: string }[]>(
          `INSERT INTO app_user (organization_id, organization_kind, email, display_name, roles,
             password_hash) VALUES ($1, 'CLIENT', $2, $2, '{CLIENT_USER}', 'x') RETURNING id`,
          [org, `${name}@aurora.example`],
        );
        users.push(u);
      }
      const [a, b, c, d] = users.map((u) => u.id);
      // a: proposal, then its cancellation (does not hold it); b: the proposal (holds it);
      // c: a cancelled ticket's release date and session in one email; d: the release date only.
      const rows: [string, string, string, object[], string][] = [
        [
          'k:1',
          a,
          'REMOTE_SESSION_PROPOSED',
          [ics('remote-session', 'REQUEST')],
          '2026-11-02T10:00:00Z',
        ],
        [
          'k:1',
          b,
          'REMOTE_SESSION_PROPOSED',
          [ics('remote-session', 'REQUEST')],
          '2026-11-02T10:00:00Z',
        ],
        [
          'k:2',
          a,
          'REMOTE_SESSION_CANCELLED',
          [ics('remote-session', 'CANCEL')],
          '2026-11-03T10:00:00Z',
        ],
        [
          'k:3',
          c,
          'CANCELLED',
          [ics('release', 'CANCEL'), ics('remote-session', 'CANCEL')],
          '2026-11-04T10:00:00Z',
        ],
        ['k:4', d, 'RELEASE_DATE_SET', [ics('release', 'REQUEST')], '2026-11-01T10:00:00Z'],
        ['k:5', d, 'COMMENT_ADDED', [], '2026-11-05T10:00:00Z'],
      ];
      for (const [key, user, type, attachments, at] of rows) {
        await before.query(
          `INSERT INTO email_outbox (event_key, event_type, ticket_number, recipient_user_id,
             recipient_address, locale, template, payload, subject, text, html, attachments,
             message_id, status, attempts, sent_at)
           VALUES ($1, $2, $3, $4, $7, 'es-MX', $2, $5, $1, 't', '<p>t</p>', $6,
             $8, 'SENT', 1, now())`,
          [
            key,
            type,
            N,
            user,
            JSON.stringify({ event: { type, occurredAt: at }, names: {} }),
            JSON.stringify(attachments),
            `${user}@x.example`,
            `<${key}.${user}@x>`,
          ],
        );
      }
      await before.destroy();

      // The migrations from this one on (later ones follow it).
      expect((await runMigrations(url))[0]).toBe('OutboxIcsMethod1764321000000');

      const after = await new DataSource(typeOrmOptions(url)).initialize();
      try {
        const filled = await after.query<
          {
            event_key: string;
            user: string;
            ics_method: string | null;
            ics_entries: string[] | null;
          }[]
        >(
          `SELECT event_key, recipient_user_id::text AS user, ics_method, ics_entries
             FROM email_outbox WHERE ticket_number = $1 ORDER BY event_key, recipient_user_id`,
          [N],
        );
        expect(
          filled.map(({ event_key, ics_method, ics_entries }) => [
            event_key,
            ics_method,
            ics_entries,
          ]),
        ).toEqual([
          ['k:1', 'REQUEST', ['remote-session']],
          ['k:1', 'REQUEST', ['remote-session']],
          ['k:2', 'CANCEL', ['remote-session']],
          ['k:3', 'CANCEL', ['release', 'remote-session']],
          ['k:4', 'REQUEST', ['release']],
          ['k:5', null, null],
        ]);
        // The same holders as the attachments said, read from the columns alone.
        await after.query(`UPDATE email_outbox SET attachments = '[]' WHERE ticket_number = $1`, [
          N,
        ]);
        expect(await remoteSessionHolders(after.manager, N)).toEqual([b]);
        // A method and its entries go together.
        await expect(
          after.query(`UPDATE email_outbox SET ics_entries = NULL WHERE event_key = 'k:4'`),
        ).rejects.toThrow(/ck_email_outbox_ics_entries/);
      } finally {
        await after.destroy();
      }
    } finally {
      await drop();
    }
  });
});
