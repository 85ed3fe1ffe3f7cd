import { HourLedgerService } from '../../src/contracts/hour-ledger.service';
import { ticketEndedReason } from '../../src/contracts/hour-ledger-reason';
import { Role } from '../../src/identity/role.enum';
import { calendarToday } from '../support/calendar-month';
import { databaseFingerprint } from '../support/database-fingerprint';
import { useLedgerWorld } from '../support/world-with-worker';

// L3-12, L3-13, L3-18: a manager's corrections of a client's prepaid hours, as the ledger screen
// makes them. Through the real API on real PostgreSQL: the statement says per row whether
// reverseHourEntry accepts it, which reversal cancelled it and, on a reversal, what it reverses
// (even on another page); a double click (the same idempotency key) corrects once, the same key
// on another correction is CONFLICT; refusals are typed and change nothing; agents and client
// users are FORBIDDEN on both mutations.

const ADJUST = `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id kind hours reversible } }`;
const REVERSE = `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) {
  id kind hours reversesEntryId reversible reverses { id kind hours ticketNumber createdAt } } }`;
const STATEMENT = `query ($organizationId: ID!, $first: Int!) {
  hourBalance(organizationId: $organizationId) { available balance adjustments }
  hourStatement(organizationId: $organizationId, first: $first) { edges { node {
    id kind hours ticketNumber reversible reversedByEntryId reversesEntryId createdByName
    reverses { id kind hours ticketNumber }
    reasonParts { code note }
  } } } }`;

interface Node {
  id: string;
  kind: string;
  hours: number;
  ticketNumber: string | null;
  reversible: boolean;
  reversedByEntryId: string | null;
  reversesEntryId: string | null;
  reverses: { id: string; kind: string; hours: number; ticketNumber: string | null } | null;
  reasonParts: { code: string; note: string | null };
  createdByName: string | null;
}
interface Statement {
  hourBalance: { available: number; balance: number; adjustments: number };
  hourStatement: { edges: { node: Node }[] };
}

describe('Manual hour corrections from the ledger screen (L3-12, L3-13, L3-18)', () => {
  // A task queue no worker polls: registered tickets wait; the ledger is driven directly.
  const { world, ok, refused, boughtHours, consumedTicket } = useLedgerWorld('hour-corrections');
  let aurora: string;

  beforeAll(() => {
    aurora = world.orgIds['comercializadora-aurora'];
  });

  const statement = (first = 100) =>
    ok<Statement>(STATEMENT, { organizationId: aurora, first }).then((d) => ({
      balance: d.hourBalance,
      rows: d.hourStatement.edges.map((e) => e.node),
    }));

  let consumptionId = '';
  let reservationId = '';
  let ticket = '';

  it('the statement says which rows can be reversed (purchase, adjustment, charged consumption)', async () => {
    await boughtHours(aurora, 10, 'FAC-COR');
    ticket = (await consumedTicket(aurora)).number;
    const { rows, balance } = await statement();
    expect(balance.available).toBe(6); // 10 − 4 reserved (1.5 of them consumed)
    expect(rows.map((r) => [r.kind, r.reversible])).toEqual([
      ['CONSUMPTION', true],
      ['RESERVATION', false],
      ['PURCHASE', true],
    ]);
    [consumptionId, reservationId] = [rows[0].id, rows[1].id];
    expect(rows.every((r) => r.reversedByEntryId === null && r.reverses === null)).toBe(true);
  });

  it('a double-clicked adjustment (same key) is applied once; the same key with other hours is CONFLICT', async () => {
    const input = {
      organizationId: aurora,
      hours: 2.25,
      reason: 'Cortesía por el retraso',
      idempotencyKey: 'hours-screen:adjust-1',
    };
    const [a, b] = await Promise.all([
      ok<{ adjustHours: { id: string; reversible: boolean } }>(ADJUST, { input }),
      ok<{ adjustHours: { id: string; reversible: boolean } }>(ADJUST, { input }),
    ]);
    expect(a.adjustHours.id).toBe(b.adjustHours.id);
    expect(a.adjustHours.reversible).toBe(true);
    const before = await databaseFingerprint(world.db);
    expect(await refused(ADJUST, { ...input, hours: 3 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await databaseFingerprint(world.db)).toEqual(before);
    const { rows, balance } = await statement();
    expect(rows.filter((r) => r.kind === 'ADJUSTMENT')).toHaveLength(1);
    expect(rows[0].reasonParts).toEqual({ code: 'MANUAL', note: 'Cortesía por el retraso' });
    // Who made the correction, by name (the manager the token is for); a reservation the
    // workflow made has none.
    const [manager] = await world.db.query<{ display_name: string }[]>(
      `SELECT display_name FROM app_user WHERE email = $1`,
      [world.seed.credentials.find((c) => c.roles.includes(Role.MANAGER))!.email],
    );
    expect(rows[0].createdByName).toBe(manager.display_name);
    expect(rows.find((r) => r.kind === 'RESERVATION')!.createdByName).toBeNull();
    expect(balance).toMatchObject({ available: 8.25, adjustments: 2.25 });
  });

  it('a negative adjustment beyond the available hours is INSUFFICIENT_HOURS and changes nothing', async () => {
    const before = await databaseFingerprint(world.db);
    expect(
      await refused(ADJUST, { organizationId: aurora, hours: -8.5, reason: 'Corrección' }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'INSUFFICIENT_HOURS',
      availableHours: 8.25,
      requestedHours: 8.5,
    });
    expect(await databaseFingerprint(world.db)).toEqual(before);
  });

  it('a reversal names the entry it cancels; a double click reverses once; the row is then not reversible', async () => {
    const input = {
      entryId: consumptionId,
      reason: 'Tiempo capturado en el ticket equivocado',
      idempotencyKey: `hours-screen:reverse-${consumptionId}`,
    };
    type Reversed = {
      reverseHourEntry: {
        id: string;
        reversesEntryId: string;
        reversible: boolean;
        reverses: { id: string; kind: string; hours: number; ticketNumber: string };
      };
    };
    const [a, b] = await Promise.all([
      ok<Reversed>(REVERSE, { input }),
      ok<Reversed>(REVERSE, { input }),
    ]);
    expect(a.reverseHourEntry.id).toBe(b.reverseHourEntry.id);
    expect(a.reverseHourEntry).toMatchObject({
      reversesEntryId: consumptionId,
      reversible: false,
      reverses: { id: consumptionId, kind: 'CONSUMPTION', hours: -1.5, ticketNumber: ticket },
    });
    const { rows, balance } = await statement();
    const reversal = rows.find((r) => r.kind === 'REVERSAL')!;
    const consumption = rows.find((r) => r.id === consumptionId)!;
    expect(consumption).toMatchObject({ reversible: false, reversedByEntryId: reversal.id });
    expect(reversal).toMatchObject({
      reversible: false,
      reversesEntryId: consumptionId,
      reverses: { id: consumptionId, kind: 'CONSUMPTION', hours: -1.5, ticketNumber: ticket },
      reasonParts: { code: 'MANUAL', note: 'Tiempo capturado en el ticket equivocado' },
    });
    expect(rows.filter((r) => r.kind === 'REVERSAL')).toHaveLength(1);
    // L3-12: the ticket is still at work under its 4 h estimate, so the 1.5 h go back to its hold
    // (a RESERVATION right after the reversal, once), not to the available hours: it holds 4 h
    // again, all of them loggable, as before the mistaken entry.
    expect(rows[0]).toMatchObject({
      kind: 'RESERVATION',
      hours: 1.5,
      ticketNumber: ticket,
      reversible: false,
      reasonParts: { code: 'HOLD_RESTORED', note: 'Tiempo capturado en el ticket equivocado' },
    });
    expect(rows[1].id).toBe(reversal.id);
    expect(rows.filter((r) => r.reasonParts.code === 'HOLD_RESTORED')).toHaveLength(1);
    expect(balance).toMatchObject({ available: 8.25, balance: 12.25 });
    const [held] = await world.db.query<{ held: string }[]>(
      `SELECT sum(hours) FILTER (WHERE kind IN ('RESERVATION', 'RESERVATION_RELEASE', 'CONSUMPTION'))
              AS held FROM hour_ledger_entry WHERE ticket_number = $1`,
      [ticket],
    );
    expect(Number(held.held)).toBe(4);
  });

  it('L3-12/L3-13: the ticket no longer counts a reversed entry as charged (chargedHours = closureHours); the entry says it was reversed', async () => {
    // The entry stays listed (the ledger is append-only), but the ticket's total is what the
    // package was charged: 0 h once the manager cancelled the 1.5 h logged by mistake.
    const { ticket: t } = await ok<{
      ticket: {
        chargedHours: number;
        timeEntries: { chargedHours: number; reversed: boolean }[];
        closureHours: { chargedHours: number } | null;
      };
    }>(
      `query ($n: String!) { ticket(number: $n) {
        chargedHours timeEntries { chargedHours reversed } closureHours { chargedHours } } }`,
      { n: ticket },
      Role.AGENT,
    );
    expect(t.timeEntries).toEqual([{ chargedHours: 1.5, reversed: true }]);
    expect(t.chargedHours).toBe(0);
    expect(t.closureHours?.chargedHours).toBe(0);
  });

  it('the reversed entry is named even when it is on a later page', async () => {
    const { rows } = await statement(2);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ kind: 'REVERSAL', reverses: { id: consumptionId } });
  });

  it('L3-12: hours reversed on a ticket that ended (its hold released) go back to the available balance', async () => {
    const ended = (await consumedTicket(aurora)).number;
    // As the ended run does: the closure recorded, then the unused hold (2.5 h) given back.
    await world.db.query(`UPDATE ticket SET state = 'CLOSED' WHERE number = $1`, [ended]);
    await world.api.app.get(HourLedgerService).releaseUnusedReservation({
      ticketNumber: ended,
      reason: ticketEndedReason('CLOSED'),
      idempotencyKey: `${ended}:release`,
    });
    const { rows, balance } = await statement();
    const consumption = rows.find((r) => r.kind === 'CONSUMPTION' && r.ticketNumber === ended)!;
    await ok(REVERSE, { input: { entryId: consumption.id, reason: 'Trabajo de otro cliente' } });
    const after = await statement();
    expect(after.rows[0]).toMatchObject({ kind: 'REVERSAL', reverses: { id: consumption.id } });
    expect(after.rows.filter((r) => r.ticketNumber === ended && r.kind === 'RESERVATION')).toEqual([
      expect.objectContaining({
        reasonParts: expect.objectContaining({ code: 'ESTIMATE_AUTHORIZED' }),
      }),
    ]);
    expect(after.balance.available).toBe(balance.available + 1.5);
  });

  it('what the screen does not offer is refused, typed, and changes nothing', async () => {
    const before = await databaseFingerprint(world.db);
    const { rows } = await statement();
    const reversal = rows.find((r) => r.kind === 'REVERSAL')!;
    const adjustment = rows.find((r) => r.kind === 'ADJUSTMENT')!;
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { entryId: consumptionId, reason: 'Otra vez' },
        { code: 'CONFLICT', reason: 'ALREADY_REVERSED' },
      ],
      [
        { entryId: reversal.id, reason: 'Deshacer' },
        { code: 'VALIDATION_FAILED', reason: 'NOT_REVERSIBLE' },
      ],
      [
        { entryId: reservationId, reason: 'Reserva' },
        { code: 'VALIDATION_FAILED', reason: 'NOT_REVERSIBLE' },
      ],
      [{ entryId: adjustment.id, reason: '   ' }, { code: 'VALIDATION_FAILED' }],
      // The reversal's key again, on another entry: another operation, not a replay.
      [
        {
          entryId: adjustment.id,
          reason: 'Cortesía duplicada',
          idempotencyKey: `hours-screen:reverse-${consumptionId}`,
        },
        { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' },
      ],
    ];
    for (const [input, expected] of cases) {
      expect(await refused(REVERSE, input)).toMatchObject(expected);
    }
    expect(await databaseFingerprint(world.db)).toEqual(before);
  });

  it('agents and client users are FORBIDDEN on both corrections; nothing changes', async () => {
    const { rows } = await statement();
    const adjustment = rows.find((r) => r.kind === 'ADJUSTMENT')!;
    const before = await databaseFingerprint(world.db);
    for (const role of [Role.AGENT, Role.CLIENT_USER, Role.CLIENT_APPROVER]) {
      const headers = world.bearer(role);
      expect(
        await refused(ADJUST, { organizationId: aurora, hours: 1, reason: 'Cortesía' }, headers),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await refused(REVERSE, { entryId: adjustment.id, reason: 'Error' }, headers),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await databaseFingerprint(world.db)).toEqual(before);
  });

  it('a purchase or a time entry replayed with another amount under the same key is CONFLICT and changes nothing; the same one replays (L3-12)', async () => {
    const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) {
      purchaseHourPackage(input: $input) { id hours } }`;
    const LOG = `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { id hours } }`;
    const today = calendarToday();
    const purchase = {
      organizationId: aurora,
      hours: 10,
      purchasedOn: today,
      reference: 'FAC-REUSO',
      price: 1000,
      idempotencyKey: 'hours-screen:purchase-reuse',
    };
    const first = await ok<{ purchaseHourPackage: { id: string } }>(PURCHASE, { input: purchase });
    const work = {
      number: ticket,
      date: today,
      hours: 0.5,
      description: 'Revisión del reporte',
      requestId: 'time-reuse-1',
    };
    const logged = await ok<{ logTicketTime: { id: string } }>(LOG, { input: work }, Role.AGENT);

    const before = await databaseFingerprint(world.db);
    const { balance } = await statement();
    const reused: [string, Record<string, unknown>, Role][] = [
      [PURCHASE, { ...purchase, hours: 20 }, Role.MANAGER],
      [PURCHASE, { ...purchase, price: 2000 }, Role.MANAGER],
      [LOG, { ...work, hours: 1 }, Role.AGENT],
    ];
    for (const [query, input, role] of reused) {
      expect(await refused(query, input, role)).toMatchObject({
        code: 'CONFLICT',
        reason: 'IDEMPOTENCY_KEY_REUSED',
      });
    }
    expect(await databaseFingerprint(world.db)).toEqual(before);
    expect((await statement()).balance).toEqual(balance);

    // The same request again is the first one's answer.
    const again = await ok<{ purchaseHourPackage: { id: string } }>(PURCHASE, { input: purchase });
    expect(again.purchaseHourPackage.id).toBe(first.purchaseHourPackage.id);
    const relogged = await ok<{ logTicketTime: { id: string } }>(LOG, { input: work }, Role.AGENT);
    expect(relogged.logTicketTime.id).toBe(logged.logTicketTime.id);
    expect(await databaseFingerprint(world.db)).toEqual(before);
  });
});
