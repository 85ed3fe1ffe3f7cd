import type { DataSource } from 'typeorm';
import { EMAILS_BEHIND } from '../../src/tickets/ticket-email-relay';

/**
 * A fingerprint of every table of the database (row count and a hash of all rows, in a stable
 * order): two equal fingerprints mean nothing was written in between. For "changes nothing"
 * assertions over a whole database.
 */
export async function databaseFingerprint(db: DataSource): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
     ORDER BY table_name`,
  );
  const union = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS print FROM "${name}" t`,
    )
    .join(' UNION ALL ');
  const rows = await db.query<{ name: string; print: string }[]>(union);
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/**
 * Waits until background work has settled: every ticket's logged events have their emails queued
 * (TicketEmailRelay), every queued email is sent (or failed) and the fingerprint holds still for
 * `stableMs`. Bounded by `timeoutMs`.
 */
export async function waitForQuiet(
  db: DataSource,
  { stableMs = 500, timeoutMs = 60_000 } = {},
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    const [{ pending }] = await db.query<{ pending: number }[]>(
      `SELECT (SELECT count(*) FROM email_outbox WHERE status IN ('QUEUED', 'SENDING'))::int
            + (SELECT count(*) FROM ticket WHERE ${EMAILS_BEHIND})::int AS pending`,
    );
    const print = JSON.stringify(await databaseFingerprint(db));
    if (print !== last || pending > 0) {
      last = print;
      since = Date.now();
    } else if (Date.now() - since >= stableMs) {
      return;
    }
    if (Date.now() > until) throw new Error(`database still busy after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
