import fc from 'fast-check';
import { LedgerEntryKind } from '../../src/contracts/contract-enums';
import { HourLedgerEntryEntity } from '../../src/contracts/hour-ledger-entry.entity';
import { foldLedger, foldTotals, type LedgerBalance } from '../../src/contracts/ledger-rules';
import { toFact } from '../../src/contracts/ledger-rows';
import { ledgerTotalsAsOf, ticketLedgerTotals } from '../../src/contracts/ledger-totals';
import { withClosureHours } from '../../src/notifications/closure-hours';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-15, L3-13: a checkpoint agenda reports the client's hours at the start and the end of its
// period. It read the client's whole ledger and folded the entries created up to each instant; it
// now folds the ledger's sums as of each instant, summed by the database (ledgerTotalsAsOf). For
// random ledgers (entries created out of ID order, as concurrent writes commit, reversals after
// what they cancel, instants on an entry's own creation), the sums folded equal the old fold.
// «Ticket cerrado» (L3-09, L3-12) reads one ticket's sums (ticketLedgerTotals): folded, they give
// that ticket what the whole ledger's fold gives it, also when a reversal is written without its
// ticket (the ledger gives it the ticket of the entry it reverses).

const PARAMS = { seed: 20261130, numRuns: 40 };
const TICKETS = ['L3-2026-000101', 'L3-2026-000102', 'L3-2026-000103'];
const BASE = Date.parse('2026-02-02T15:00:00.000Z');
const minute = (m: number) => new Date(BASE + m * 60_000);

/** An entry appended: its ID, kind, hours, ticket and creation minute. */
interface Row {
  readonly id: number;
  readonly kind: string;
  readonly hours: number;
  readonly ticket: string | null;
  readonly at: number;
}

/** One entry to append: its kind, hours in hundredths, ticket, creation minute. */
interface Draft {
  readonly kind: LedgerEntryKind;
  readonly hundredths: number;
  readonly ticket: number;
  readonly version: number;
  readonly atMinute: number;
  /** REVERSAL: which earlier reversible entry (modulo how many there are). */
  readonly target: number;
}

const drafts = fc.array(
  fc.record({
    kind: fc.constantFrom(...Object.values(LedgerEntryKind)),
    hundredths: fc.integer({ min: 1, max: 5000 }),
    ticket: fc.nat(TICKETS.length - 1),
    version: fc.integer({ min: 1, max: 4 }),
    atMinute: fc.nat(30),
    target: fc.nat(),
  }),
  { maxLength: 30 },
);

/** The entry row `d` stands for, or null (a reversal with nothing left to reverse). */
function row(d: Draft, rows: readonly Row[], reversed: Set<number>) {
  const ticket = TICKETS[d.ticket];
  const hours = d.hundredths / 100;
  switch (d.kind) {
    case LedgerEntryKind.PURCHASE:
      return { kind: d.kind, hours, ticket: null, version: null, reverses: null };
    case LedgerEntryKind.ADJUSTMENT:
      return {
        kind: d.kind,
        hours: d.target % 2 ? hours : -hours,
        ticket: null,
        version: null,
        reverses: null,
      };
    case LedgerEntryKind.RESERVATION:
      return { kind: d.kind, hours, ticket, version: d.version, reverses: null };
    case LedgerEntryKind.RESERVATION_RELEASE:
      return { kind: d.kind, hours: -hours, ticket, version: null, reverses: null };
    case LedgerEntryKind.CONSUMPTION:
      return { kind: d.kind, hours: -hours, ticket, version: null, reverses: null };
    case LedgerEntryKind.REVERSAL: {
      const open = rows.filter(
        (r) =>
          ['PURCHASE', 'ADJUSTMENT', 'CONSUMPTION'].includes(r.kind) &&
          r.hours !== 0 &&
          !reversed.has(r.id),
      );
      if (!open.length) return null;
      const target = open[d.target % open.length];
      reversed.add(target.id);
      // As planReversal writes it (the ticket of the entry it cancels), or without a ticket.
      return {
        kind: d.kind,
        hours: -target.hours,
        ticket: d.version % 2 ? target.ticket : null,
        version: null,
        reverses: target,
      };
    }
  }
}

/** A balance as comparable data (its tickets sorted; `reversed` names entries, not sums). */
const figures = ({ reversed: _r, tickets, ...rest }: LedgerBalance) => ({
  ...rest,
  tickets: [...tickets.values()].sort((a, b) => a.ticketNumber.localeCompare(b.ticketNumber)),
});

describe('ledger sums as of an instant (L3-15 checkpoint hours, L3-13)', () => {
  let world: SeededWorld;
  let org: string;

  beforeAll(async () => {
    world = await createSeededWorld('ledger_as_of', {}, false);
    [{ id: org }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE kind = 'CLIENT' ORDER BY name LIMIT 1`,
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  it('folding the sums as of each instant equals folding the entries created up to it', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        drafts,
        fc.array(fc.nat(31), { minLength: 1, maxLength: 4 }),
        async (ds, at) => {
          // Each case in a transaction rolled back: the ledger is append-only.
          const runner = world.db.createQueryRunner();
          await runner.startTransaction();
          try {
            const rows: Row[] = [];
            const reversed = new Set<number>();
            for (const [i, d] of ds.entries()) {
              const r = row(d, rows, reversed);
              if (!r) continue;
              // A reversal is created no earlier than what it cancels.
              const atMinute = Math.max(d.atMinute, r.reverses?.at ?? 0);
              const [{ id, ticket }] = await runner.manager.query<
                { id: string; ticket: string | null }[]
              >(
                `INSERT INTO hour_ledger_entry (organization_id, ticket_number, kind, hours,
                 estimate_version, reason, idempotency_key, reverses_entry_id, created_at)
               VALUES ($1, $2, $3, $4, $5, 'Prueba', $6, $7, $8)
               RETURNING id, ticket_number AS ticket`,
                [
                  org,
                  r.ticket,
                  r.kind,
                  r.hours,
                  r.version,
                  `as-of-${runs}-${i}`,
                  r.reverses?.id ?? null,
                  minute(atMinute),
                ],
              );
              expect(ticket).toBe(r.reverses ? r.reverses.ticket : r.ticket);
              rows.push({ id: Number(id), kind: r.kind, hours: r.hours, ticket, at: atMinute });
            }
            const instants = at.map(minute);
            const sums = await ledgerTotalsAsOf(runner.manager, org, instants);
            // The old read: the whole ledger in ID order, each instant's entries folded.
            const entries = await runner.manager
              .getRepository(HourLedgerEntryEntity)
              .find({ where: { organizationId: org }, order: { id: 'ASC' } });
            for (const [k, instant] of instants.entries()) {
              const old = foldLedger(
                entries.filter((e) => e.createdAt.getTime() <= instant.getTime()).map(toFact),
              );
              expect(figures(foldTotals(sums[k]))).toEqual(figures(old));
            }
            const whole = foldLedger(entries.map(toFact));
            for (const ticket of TICKETS) {
              const own = await ticketLedgerTotals(runner.manager, org, ticket);
              expect(foldTotals(own).tickets.get(ticket)).toEqual(whole.tickets.get(ticket));
            }
          } finally {
            await runner.rollbackTransaction();
            await runner.release();
            runs++;
          }
        },
      ),
      PARAMS,
    );
    expect(runs).toBe(PARAMS.numRuns);
  });

  it('a charged consumption reversed without its ticket: the ticket and «Ticket cerrado» no longer count it (L3-12/L3-13)', async () => {
    const [ticket, other] = TICKETS;
    const runner = world.db.createQueryRunner();
    await runner.startTransaction();
    try {
      const append = async (
        kind: LedgerEntryKind,
        hours: number,
        ticketNumber: string | null,
        extra: { version?: number; reverses?: string } = {},
      ) =>
        (
          await runner.manager.query<{ id: string; ticket: string | null }[]>(
            `INSERT INTO hour_ledger_entry (organization_id, ticket_number, kind, hours,
               estimate_version, reason, idempotency_key, reverses_entry_id)
             VALUES ($1, $2, $3, $4, $5, 'Prueba', gen_random_uuid()::text, $6)
             RETURNING id, ticket_number AS ticket`,
            [org, ticketNumber, kind, hours, extra.version ?? null, extra.reverses ?? null],
          )
        )[0];
      await append(LedgerEntryKind.PURCHASE, 10, null);
      await append(LedgerEntryKind.RESERVATION, 5, ticket, { version: 1 });
      const charged = await append(LedgerEntryKind.CONSUMPTION, -3, ticket);
      const reversal = await append(LedgerEntryKind.REVERSAL, 3, null, { reverses: charged.id });
      expect(reversal.ticket).toBe(ticket);

      const own = foldTotals(await ticketLedgerTotals(runner.manager, org, ticket)).tickets;
      expect(own.get(ticket)).toEqual({
        ticketNumber: ticket,
        estimateVersion: 1,
        held: 200,
        consumed: 0,
      });
      const closed = await withClosureHours(runner.manager, {
        type: 'CLOSED',
        eventKey: 'reversal-closure',
        occurredAt: minute(0).toISOString(),
        ticket: { number: ticket, subject: 'Reporte', registrantId: org, clientOrgId: org },
        outcome: 'CONFIRMED',
      });
      expect(closed).toMatchObject({ chargedHours: 0, returnedHours: 2 });
      expect(closed).not.toHaveProperty('loggedHours');

      // A reversal that names another ticket than what it reverses is refused.
      const next = await append(LedgerEntryKind.CONSUMPTION, -1, ticket);
      await expect(
        append(LedgerEntryKind.REVERSAL, 1, other, { reverses: next.id }),
      ).rejects.toThrow(/reversal is of the ticket of the entry it reverses/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
  it('«Ticket cerrado» counts a release that commits while it reads once: 2.5 h back, not 5 h (L3-12/L3-13)', async () => {
    const ticket = 'L3-2026-000104';
    const append = (
      kind: LedgerEntryKind,
      hours: number,
      extra: { version?: number; parts?: object } = {},
    ) =>
      world.db.query(
        `INSERT INTO hour_ledger_entry (organization_id, ticket_number, kind, hours,
           estimate_version, reason, reason_parts, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, 'Prueba', $6, gen_random_uuid()::text)`,
        [org, ticket, kind, hours, extra.version ?? null, extra.parts ?? null],
      );
    await append(LedgerEntryKind.RESERVATION, 12, { version: 1 });
    await append(LedgerEntryKind.CONSUMPTION, -9.5);
    const event = {
      type: 'CLOSED',
      eventKey: 'release-race',
      occurredAt: minute(0).toISOString(),
      ticket: { number: ticket, subject: 'Reporte', registrantId: org, clientOrgId: org },
      outcome: 'ACCEPTED',
    } as const;
    // The relay's transaction (READ COMMITTED); the ended run's release commits on another
    // connection right after the email's first statement, as it did in CI.
    const runner = world.db.createQueryRunner();
    await runner.startTransaction();
    try {
      let released = false;
      const racing = {
        query: async <T>(sql: string, params?: unknown[]): Promise<T> => {
          const rows = await runner.manager.query<T>(sql, params);
          if (!released) {
            released = true;
            await append(LedgerEntryKind.RESERVATION_RELEASE, -2.5, {
              parts: { code: 'TICKET_ENDED', ticketState: 'CLOSED' },
            });
          }
          return rows;
        },
      };
      expect(await withClosureHours(racing, event)).toMatchObject({
        chargedHours: 9.5,
        returnedHours: 2.5,
      });
      expect(released).toBe(true);
      // Read again once the release is in: the same figures.
      expect(await withClosureHours(runner.manager, event)).toMatchObject({
        chargedHours: 9.5,
        returnedHours: 2.5,
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
