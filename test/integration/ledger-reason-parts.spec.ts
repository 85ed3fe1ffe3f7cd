import { DataSource } from 'typeorm';
import { LedgerEntryKind } from '../../src/contracts/contract-enums';
import { HourLedgerService } from '../../src/contracts/hour-ledger.service';
import { ledgerReasonOf } from '../../src/contracts/hour-ledger-reason';
import { REASON_PARTS_BATCH } from '../../src/database/migrations/1764318600000-hour-ledger-reason-parts';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { Role } from '../../src/identity/role.enum';
import { createTicketLedgerActivities } from '../../src/tickets/ticket-ledger.activities';
import { calendarToday } from '../support/calendar-month';
import { databaseBefore } from '../support/database-before';
import { gql } from '../support/integration-harness';
import { type Caller, useLedgerWorld } from '../support/world-with-worker';

// L3-12, L3-13, L3-18: every ledger entry keeps its reason as data (`reason_parts`) next to the
// English sentence (`reason`, as before). Through the real API and service on real PostgreSQL:
// each write path stores the parts, and the GraphQL `reasonParts` answer is the one the sentence
// gave before. The migration fills the parts of rows written before it, from their sentence.

const STATEMENT = `query ($organizationId: ID!) {
  hourStatement(organizationId: $organizationId, first: 100) { edges { node {
    id kind reason
    reasonParts { code hours estimateVersion date packageReference workCategory ticketState noCharge note }
  } } } }`;

interface StatementNode {
  id: string;
  kind: LedgerEntryKind;
  reason: string;
  reasonParts: Record<string, unknown>;
}

const MIGRATION = '1764318600000-hour-ledger-reason-parts';
const today = calendarToday();

describe('Ledger reasons stored as data (L3-12, L3-13, L3-18)', () => {
  // A task queue no worker polls: registered tickets wait; the ledger is driven directly.
  const { world, ok, boughtHours } = useLedgerWorld('reason-parts');
  let aurora: string;

  beforeAll(() => {
    aurora = world.orgIds['comercializadora-aurora'];
  });

  const mutate = (query: string, input: Record<string, unknown>, as?: Caller) =>
    ok<Record<string, { id?: string }>>(query, { input }, as);

  async function registerTicket(): Promise<string> {
    const data = await mutate(
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      { category: 'DEVELOPMENT', subject: 'Reporte', description: 'Un reporte por zona.' },
      world.bearer(Role.CLIENT_USER),
    );
    return (data.registerTicket as unknown as { number: string }).number;
  }

  it('every write path stores the parts; the GraphQL answer is the one the sentence gave', async () => {
    await boughtHours(aurora, 40, 'FAC-77');
    const [t1, t2] = [await registerTicket(), await registerTicket()];
    const ledger = world.api.app.get(HourLedgerService);
    const reserve = (ticketNumber: string, estimateVersion: number, hours: number) =>
      ledger.reserveForEstimate({
        organizationId: aurora,
        ticketNumber,
        estimateVersion,
        hours,
        category: 'DEVELOPMENT',
        actorId: null,
        idempotencyKey: `${ticketNumber}:estimate-${estimateVersion}`,
      });
    await reserve(t1, 1, 6);
    await reserve(t1, 2, 8); // replaces v1's hold: a release and a reservation
    await mutate(
      `mutation ($input: LogTimeInput!) { logTime(input: $input) { id } }`,
      {
        ticketNumber: t1,
        organizationId: aurora,
        date: today,
        hours: 2.5,
        description: 'Ajuste: filtros\ny zona',
      },
      world.bearer(Role.AGENT),
    );
    // The workflow's release goes through its activity, which words `ticket closed` as data.
    await createTicketLedgerActivities(ledger).releaseHours({
      ticketNumber: t1,
      reason: 'ticket closed',
      idempotencyKey: `${t1}:release`,
    });
    await reserve(t2, 1, 3);
    await mutate(
      `mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { ticketNumber } }`,
      { ticketNumber: t2, organizationId: aurora, noCharge: true, reason: 'Duda básica' },
    );
    await mutate(
      `mutation ($input: LogTimeInput!) { logTime(input: $input) { id } }`,
      { ticketNumber: t2, organizationId: aurora, date: today, hours: 1, description: 'Duda' },
      world.bearer(Role.AGENT),
    );
    const adjusted = await mutate(
      `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`,
      { organizationId: aurora, hours: 1.5, reason: 'Cortesía por retraso' },
    );
    await mutate(
      `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) { id } }`,
      { entryId: adjusted.adjustHours.id, reason: 'Capturada por error' },
    );

    const rows = await world.db.query<{ id: string; reason_parts: unknown }[]>(
      `SELECT id::text AS id, reason_parts FROM hour_ledger_entry WHERE organization_id = $1`,
      [aurora],
    );
    expect(rows.filter((r) => r.reason_parts === null)).toEqual([]);

    const { body } = await gql<{ hourStatement: { edges: { node: StatementNode }[] } }>(
      world.api,
      STATEMENT,
      { organizationId: aurora },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.hourStatement.edges.map((e) => e.node);
    expect(nodes).toHaveLength(rows.length);
    const stored = new Map(rows.map((r) => [r.id, r.reason_parts]));
    for (const node of nodes) {
      expect({ reason: node.reason, parts: node.reasonParts }).toEqual({
        reason: node.reason,
        parts: ledgerReasonOf(node.kind, node.reason),
      });
      expect(node.reasonParts).toEqual(stored.get(node.id));
    }
    // Every kind of reason the ledger writes here, in order of writing.
    expect(nodes.map((n) => `${n.kind} ${n.reasonParts.code as string}`).reverse()).toEqual([
      'PURCHASE PACKAGE_PURCHASED',
      'RESERVATION ESTIMATE_AUTHORIZED',
      'RESERVATION_RELEASE ESTIMATE_REPLACED',
      'RESERVATION ESTIMATE_AUTHORIZED',
      'CONSUMPTION TIME_LOGGED',
      'RESERVATION_RELEASE TICKET_ENDED',
      'RESERVATION ESTIMATE_AUTHORIZED',
      'RESERVATION_RELEASE TICKET_NO_CHARGE',
      'CONSUMPTION TIME_LOGGED',
      'ADJUSTMENT MANUAL',
      'REVERSAL MANUAL',
    ]);
    expect(nodes.find((n) => n.reasonParts.code === 'TICKET_ENDED')).toMatchObject({
      reason: 'ticket closed',
      reasonParts: { ticketState: 'CLOSED' },
    });
  });

  it('the migration fills the parts of rows written before it, in batches; unknown text stays null', async () => {
    const { url, before, drop } = await databaseBefore('reason_migration', MIGRATION);
    const T = (n: number) => `L3-2026-00000${n}`;
    const written: [LedgerEntryKind, string, string | null, number | null, string][] = [
      [LedgerEntryKind.PURCHASE, '40', null, null, 'package FAC-9 purchased on 2026-01-05'],
      [LedgerEntryKind.RESERVATION, '8', T(1), 1, 'estimate v1 authorized: 8.00 h (DEVELOPMENT)'],
      [
        LedgerEntryKind.RESERVATION_RELEASE,
        '-8',
        T(1),
        1,
        'estimate v2 authorized: 10.00 h (DEVELOPMENT)',
      ],
      [LedgerEntryKind.RESERVATION, '10', T(1), 2, 'estimate v2 authorized: 10.00 h (DEVELOPMENT)'],
      [LedgerEntryKind.CONSUMPTION, '-6', T(1), null, '6.00 h logged on 2026-01-07: A:\nb'],
      [
        LedgerEntryKind.CONSUMPTION,
        '0',
        T(2),
        null,
        '1.00 h logged on 2026-01-08 (no charge, L3-18): Duda',
      ],
      [LedgerEntryKind.RESERVATION_RELEASE, '-4', T(1), null, 'ticket closed'],
      [
        LedgerEntryKind.RESERVATION_RELEASE,
        '-2',
        T(2),
        null,
        'ticket made no-charge (L3-18): Duda',
      ],
      [
        LedgerEntryKind.RESERVATION,
        '3',
        T(2),
        3,
        'ticket charged again (L3-18), estimate v3 held again: Era desarrollo',
      ],
      [LedgerEntryKind.ADJUSTMENT, '1.5', null, null, 'package 7 purchased on 2026-01-01'],
      [LedgerEntryKind.RESERVATION_RELEASE, '-1', T(3), null, 'something new'],
    ];
    try {
      const [{ id: org }] = await before.query<{ id: string }[]>(
        `INSERT INTO organization (name, kind, slug) VALUES ('Aurora', 'CLIENT', 'aurora') RETURNING id`,
      );
      for (const [i, [kind, hours, ticket, version, reason]] of written.entries()) {
        await before.query(
          `INSERT INTO hour_ledger_entry (organization_id, kind, hours, ticket_number,
             estimate_version, reason, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [org, kind, hours, ticket, version, reason, `k-${i}`],
        );
      }
      // More rows than two batches hold, so the backfill pages.
      await before.query(
        `INSERT INTO hour_ledger_entry (organization_id, kind, hours, reason, idempotency_key)
         SELECT $1, 'PURCHASE', 1, 'package LOTE-' || n || ' purchased on 2026-02-01', 'lote-' || n
           FROM generate_series(1, $2::int) AS n`,
        [org, 2 * REASON_PARTS_BATCH + 7],
      );
    } finally {
      await before.destroy();
    }

    expect(await runMigrations(url)).toEqual(['HourLedgerReasonParts1764318600000']);

    const after = await new DataSource(typeOrmOptions(url)).initialize();
    try {
      const rows = await after.query<
        { kind: LedgerEntryKind; reason: string; reason_parts: Record<string, unknown> | null }[]
      >(`SELECT kind, reason, reason_parts FROM hour_ledger_entry ORDER BY id`);
      expect(rows).toHaveLength(written.length + 2 * REASON_PARTS_BATCH + 7);
      for (const r of rows.filter((row) => row.reason !== 'something new')) {
        expect({ reason: r.reason, parts: r.reason_parts }).toEqual({
          reason: r.reason,
          parts: ledgerReasonOf(r.kind, r.reason),
        });
      }
      expect(rows.find((r) => r.reason === 'something new')?.reason_parts).toBeNull();
      expect(rows.at(-1)?.reason_parts).toMatchObject({
        code: 'PACKAGE_PURCHASED',
        packageReference: `LOTE-${2 * REASON_PARTS_BATCH + 7}`,
      });
      // Append-only again once the backfill is done.
      await expect(after.query(`UPDATE hour_ledger_entry SET reason = 'x'`)).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await after.destroy();
      await drop();
    }
  });
});
