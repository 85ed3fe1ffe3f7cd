import { Role } from '../../src/identity/role.enum';
import { databaseFingerprint } from '../support/database-fingerprint';
import { gql } from '../support/integration-harness';
import { useLedgerWorld } from '../support/world-with-worker';
import { emailsQueued } from '../support/emails-queued';

// L3-11 (S18): the manager's mail view narrowed to answer «did the client get the email for
// L3-2026-000123?» among thousands: by ticket (exact number), by recipient (a part of the address,
// any case), by when it was queued (`from` ≤ created_at < `to`, instants) and by status, alone or
// together, with the same keyset pages. Bad filters are VALIDATION_FAILED and change nothing; only
// managers and admins read it. Real API over HTTP on real PostgreSQL; the rows are written
// straight into the outbox as sent or failed (nothing for the dispatcher to send).

const LIST = `query ($status: EmailStatus, $ticketNumber: String, $recipient: String,
  $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  emailOutbox(status: $status, ticketNumber: $ticketNumber, recipient: $recipient, from: $from,
    to: $to, first: $first, after: $after) {
    nodes { eventKey ticketNumber recipientAddress status createdAt } endCursor hasNextPage
  }
}`;

interface Page {
  emailOutbox: {
    nodes: {
      eventKey: string;
      ticketNumber: string | null;
      recipientAddress: string;
      status: string;
      createdAt: string;
    }[];
    endCursor: string | null;
    hasNextPage: boolean;
  };
}

const TICKET = 'L3-2026-000123';
const OTHER_TICKET = 'L3-2026-000124';

/** The emails of the spec: key, ticket, recipient, status, queued at. */
const EMAILS: readonly [string, string | null, string, 'SENT' | 'FAILED', string][] = [
  ['f:1', TICKET, 'usuario@aurora.example', 'SENT', '2026-11-02T15:00:00.000Z'],
  ['f:2', TICKET, 'Aprobador@Aurora.example', 'FAILED', '2026-11-03T15:00:00.000Z'],
  ['f:3', TICKET, 'gerente@proveedor.example', 'SENT', '2026-11-04T15:00:00.000Z'],
  ['f:4', OTHER_TICKET, 'usuario@aurora.example', 'SENT', '2026-11-05T15:00:00.000Z'],
  ['f:5', null, 'contabilidad@boreal.example', 'SENT', '2026-11-06T15:00:00.000Z'],
  // A «_» and a «%» in addresses: the search takes them literally, not as wildcards.
  ['f:6', OTHER_TICKET, 'a_b@boreal.example', 'FAILED', '2026-11-07T15:00:00.000Z'],
  ['f:7', null, 'axb%@boreal.example', 'SENT', '2026-11-08T15:00:00.000Z'],
];

describe('the mail view narrowed by ticket, recipient, dates and status (L3-11)', () => {
  const { world } = useLedgerWorld('outbox-filters');

  const list = async (vars: Record<string, unknown>, role = Role.MANAGER) =>
    gql<Page>(world.api, LIST, { first: 200, ...vars }, world.bearer(role));
  /** The spec's event keys the filter finds, newest first. */
  const keys = async (vars: Record<string, unknown>) => {
    const { body } = await list(vars);
    expect(body.errors).toBeUndefined();
    return body.data!.emailOutbox.nodes.map((n) => n.eventKey).filter((k) => k.startsWith('f:'));
  };

  beforeAll(async () => {
    for (const [key, ticket, to, status, at] of EMAILS) {
      await world.db.query(
        `INSERT INTO email_outbox (event_key, event_type, ticket_number, recipient_address, locale,
           template, payload, subject, text, html, message_id, status, attempts, created_at, sent_at)
         VALUES ($1, 'TICKET_REGISTERED', $2, $3, 'es-MX', 'ticket-registered', '{}', $1, 'texto',
           '<p>texto</p>', '<' || $1 || '@outbox-filters>', $4, 1, $5,
           CASE WHEN $4 = 'SENT' THEN $5::timestamptz END)`,
        [key, ticket, to, status, at],
      );
    }
  });

  it('by ticket: exactly that number, every recipient', async () => {
    expect(await keys({ ticketNumber: TICKET })).toEqual(['f:3', 'f:2', 'f:1']);
    expect(await keys({ ticketNumber: 'L3-2026-000125' })).toEqual([]);
  });

  it('by recipient: a part of the address in any case, wildcards taken literally', async () => {
    expect(await keys({ recipient: 'usuario@aurora.example' })).toEqual(['f:4', 'f:1']);
    expect(await keys({ recipient: '  AURORA.EXAMPLE ' })).toEqual(['f:4', 'f:2', 'f:1']);
    expect(await keys({ recipient: 'a_b' })).toEqual(['f:6']);
    expect(await keys({ recipient: 'b%' })).toEqual(['f:7']);
    expect(await keys({ recipient: 'nadie@' })).toEqual([]);
  });

  it('by dates: queued at or after `from`, before `to`', async () => {
    expect(await keys({ from: '2026-11-06T15:00:00.000Z' })).toEqual(['f:7', 'f:6', 'f:5']);
    expect(await keys({ to: '2026-11-03T15:00:00.000Z' })).toEqual(['f:1']);
    // Instants with an offset (a day in Mexico City, UTC−6).
    expect(
      await keys({ from: '2026-11-04T00:00:00-06:00', to: '2026-11-05T00:00:00-06:00' }),
    ).toEqual(['f:3']);
    // `to` = `from`: an empty span, not an error.
    expect(await keys({ from: '2026-11-04T15:00:00Z', to: '2026-11-04T15:00:00Z' })).toEqual([]);
  });

  it('by status, and every filter together, in the same pages', async () => {
    expect(await keys({ status: 'FAILED' })).toEqual(['f:6', 'f:2']);
    const together = {
      ticketNumber: TICKET,
      recipient: 'aurora',
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    };
    expect(await keys(together)).toEqual(['f:2', 'f:1']);
    expect(await keys({ ...together, status: 'SENT' })).toEqual(['f:1']);
    expect(await keys({ ...together, to: '2026-11-03T00:00:00Z' })).toEqual(['f:1']);

    // Page by page (one at a time) the filter holds: the same rows, then the end.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { body }: { body: { data?: Page } } = await list({ ...together, first: 1, after });
      const page: Page['emailOutbox'] = body.data!.emailOutbox;
      seen.push(...page.nodes.map((n) => n.eventKey));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(['f:2', 'f:1']);
  });

  it.each([
    ['a ticket number of another shape', { ticketNumber: 'L3-26-123' }, 'ticketNumber'],
    ['a blank recipient', { recipient: '   ' }, 'recipient'],
    ['a recipient longer than an address', { recipient: `${'x'.repeat(250)}@a.mx` }, 'recipient'],
    ['a date that is not one', { from: '2026-13-45' }, null],
    ['`to` before `from`', { from: '2026-11-05T00:00:00Z', to: '2026-11-04T00:00:00Z' }, 'to'],
  ])('refuses %s: VALIDATION_FAILED, nothing written', async (_label, vars, field) => {
    await emailsQueued(world.db);
    const before = await databaseFingerprint(world.db);
    const { body } = await list(vars);
    expect(body.data ?? null).toBeNull();
    const extensions = body.errors![0].extensions as Record<string, unknown>;
    expect(extensions.code).toBe('VALIDATION_FAILED');
    if (field === 'to') expect(extensions).toMatchObject({ reason: 'INVALID_VALUE', field: 'to' });
    else if (field) {
      expect(extensions.violations).toEqual([expect.objectContaining({ path: field })]);
    }
    expect(await databaseFingerprint(world.db)).toEqual(before);
  });

  it('only managers and admins read it, filtered or not', async () => {
    const { body: admin } = await list({ ticketNumber: TICKET }, Role.ADMIN);
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.emailOutbox.nodes.map((n) => n.eventKey)).toEqual(['f:3', 'f:2', 'f:1']);
    for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER, Role.AGENT]) {
      const { body } = await list({ ticketNumber: TICKET, recipient: 'aurora' }, role);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.data ?? null).toBeNull();
    }
  });
});
