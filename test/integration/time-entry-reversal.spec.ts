import { Role } from '../../src/identity/role.enum';
import { calendarToday } from '../support/calendar-month';
import { databaseFingerprint } from '../support/database-fingerprint';
import { useLedgerWorld } from '../support/world-with-worker';

// L3-12, L3-13: a time entry logged by mistake is cancelled from the ticket's page
// (`reverseTicketTimeEntry`): a REVERSAL of its consumption, whose hours go back to the ticket's
// hold while it is at work. The agent who logged it may, while the ticket is open; managers and
// administrators may on any ticket. Refusals are typed and change nothing; a retry with the same
// request ID reverses once. Real API over HTTP on real PostgreSQL; the ledger driven directly.

const REVERSE = `mutation ($input: ReverseTicketTimeEntryInput!) {
  reverseTicketTimeEntry(input: $input) { id hours chargedHours reversed agentName } }`;
const LOG = `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { id } }`;
const ENTRIES = `query ($n: String!) { ticket(number: $n) {
  chargedHours timeEntries { id reversed } } }`;

describe('Cancelling a time entry from the ticket (L3-12, L3-13)', () => {
  const { world, ok, refused, boughtHours, consumedTicket } = useLedgerWorld('time-reversal');
  let aurora = '';
  let ticket = '';
  /** 1.5 h the demo agent logged on `ticket` (of a 4 h estimate). */
  let agentEntry = '';
  /** 1 h the manager logged on it. */
  let managerEntry = '';

  beforeAll(async () => {
    aurora = world.orgIds['comercializadora-aurora'];
    await boughtHours(aurora, 20, 'FAC-ANULA');
    ({ number: ticket, timeEntryId: agentEntry } = await consumedTicket(aurora));
    const logged = await ok<{ logTicketTime: { id: string } }>(
      LOG,
      {
        input: { number: ticket, date: calendarToday(), hours: 1, description: 'Revisión' },
      },
      Role.MANAGER,
    );
    managerEntry = logged.logTicketTime.id;
  });

  const held = async (number: string) => {
    const [row] = await world.db.query<{ held: string }[]>(
      `SELECT coalesce(sum(hours), 0) AS held FROM hour_ledger_entry
        WHERE ticket_number = $1 AND kind IN ('RESERVATION', 'RESERVATION_RELEASE', 'CONSUMPTION')`,
      [number],
    );
    return Number(row.held);
  };
  const hourEmails = async () =>
    (
      await world.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM email_outbox WHERE event_type = 'HOURS_CHANGED'`,
      )
    )[0].n;

  it('refuses, typed and changing nothing: a client, an agent on an entry not theirs, an entry of another ticket', async () => {
    const other = (await consumedTicket(aurora)).number;
    const before = await databaseFingerprint(world.db);
    const input = { number: ticket, timeEntryId: managerEntry, reason: 'No es mía' };
    expect(await refused(REVERSE, input, Role.CLIENT_APPROVER)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refused(REVERSE, input, Role.AGENT)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_TIME_ENTRY',
    });
    // The entry exists, but on another ticket than the one named.
    expect(
      await refused(REVERSE, { ...input, number: other, timeEntryId: agentEntry }, Role.AGENT),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await databaseFingerprint(world.db)).toEqual(before);
  });

  it('the agent cancels their own entry: reversed, the ticket charges 1 h, its hold is whole again, the approvers are told once', async () => {
    const emails = await hourEmails();
    expect(await held(ticket)).toBe(1.5); // 4 h estimate − 1.5 h − 1 h
    const input = {
      number: ticket,
      timeEntryId: agentEntry,
      reason: 'Horas capturadas dos veces',
      requestId: 'anula-entrada-agente-1',
    };
    // A double click: one reversal.
    const [a, b] = await Promise.all([
      ok<{ reverseTicketTimeEntry: Record<string, unknown> }>(REVERSE, { input }, Role.AGENT),
      ok<{ reverseTicketTimeEntry: Record<string, unknown> }>(REVERSE, { input }, Role.AGENT),
    ]);
    expect(a.reverseTicketTimeEntry).toEqual(b.reverseTicketTimeEntry);
    expect(a.reverseTicketTimeEntry).toMatchObject({
      id: agentEntry,
      hours: 1.5,
      chargedHours: 1.5,
      reversed: true,
    });
    const { ticket: t } = await ok<{
      ticket: { chargedHours: number; timeEntries: { id: string; reversed: boolean }[] };
    }>(ENTRIES, { n: ticket }, Role.CLIENT_USER);
    expect(t.chargedHours).toBe(1);
    expect(t.timeEntries).toEqual([
      { id: managerEntry, reversed: false },
      { id: agentEntry, reversed: true },
    ]);
    expect(await held(ticket)).toBe(3); // the 1.5 h back in the hold
    const reversals = await world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM hour_ledger_entry WHERE kind = 'REVERSAL' AND ticket_number = $1`,
      [ticket],
    );
    expect(reversals[0].n).toBe(1);
    expect(await hourEmails()).toBe(emails + 1);
  });

  it('once reversed, again is CONFLICT ALREADY_REVERSED and changes nothing', async () => {
    const before = await databaseFingerprint(world.db);
    expect(
      await refused(
        REVERSE,
        { number: ticket, timeEntryId: agentEntry, reason: 'Otra vez' },
        Role.AGENT,
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVERSED' });
    expect(await databaseFingerprint(world.db)).toEqual(before);
  });

  it('on an ended ticket the agent may no longer (TICKET_CLOSED); a manager still may', async () => {
    const ended = await consumedTicket(aurora);
    await world.db.query(`UPDATE ticket SET state = 'CLOSED' WHERE number = $1`, [ended.number]);
    const input = { number: ended.number, timeEntryId: ended.timeEntryId, reason: 'Error' };
    const before = await databaseFingerprint(world.db);
    expect(await refused(REVERSE, input, Role.AGENT)).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'TICKET_CLOSED',
    });
    expect(await databaseFingerprint(world.db)).toEqual(before);
    const done = await ok<{ reverseTicketTimeEntry: { reversed: boolean } }>(
      REVERSE,
      { input },
      Role.MANAGER,
    );
    expect(done.reverseTicketTimeEntry.reversed).toBe(true);
  });

  it('L3-18: an entry of no charge is cancelled too: a reversal of 0 h, no figure moves, the approvers read why', async () => {
    const { number } = await consumedTicket(aurora);
    await ok(
      `mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { noCharge } }`,
      {
        input: { ticketNumber: number, organizationId: aurora, noCharge: true, reason: 'Garantía' },
      },
    );
    const logged = await ok<{ logTicketTime: { id: string } }>(
      LOG,
      { input: { number, date: calendarToday(), hours: 2, description: 'Revisión en garantía' } },
      Role.AGENT,
    );
    const balance = `query ($id: ID!) { hourBalance(organizationId: $id) { balance available } }`;
    const before = await ok<{ hourBalance: unknown }>(balance, { id: aurora });
    const done = await ok<{ reverseTicketTimeEntry: Record<string, unknown> }>(
      REVERSE,
      {
        input: { number, timeEntryId: logged.logTicketTime.id, reason: 'Era de otro ticket' },
      },
      Role.AGENT,
    );
    expect(done.reverseTicketTimeEntry).toMatchObject({
      hours: 2,
      chargedHours: 0,
      reversed: true,
    });
    expect(await ok<{ hourBalance: unknown }>(balance, { id: aurora })).toEqual(before);
    const [reversal] = await world.db.query<{ hours: string }[]>(
      `SELECT r.hours FROM hour_ledger_entry r JOIN time_entry t ON t.ledger_entry_id = r.reverses_entry_id
        WHERE t.id = $1`,
      [logged.logTicketTime.id],
    );
    expect(Number(reversal.hours)).toBe(0);
    const [mail] = await world.db.query<{ subject: string; text: string }[]>(
      `SELECT subject, text FROM email_outbox WHERE event_type = 'HOURS_CHANGED'
        ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    expect(mail.subject).toBe(
      `Corrección de horas: se anuló un registro sin cargo del ticket ${number}`,
    );
    expect(mail.text).toContain('> Era de otro ticket');
  });

  it('the database takes a reversal only as the exact opposite of the entry it reverses', async () => {
    const [entry] = await world.db.query<{ id: string; organization_id: string }[]>(
      `SELECT id, organization_id FROM hour_ledger_entry WHERE kind = 'ADJUSTMENT' LIMIT 1`,
    );
    const [adjusted] = entry
      ? [entry]
      : await world.db.query<{ id: string; organization_id: string }[]>(
          `SELECT id, organization_id FROM hour_ledger_entry WHERE kind = 'PURCHASE' LIMIT 1`,
        );
    await expect(
      world.db.query(
        `INSERT INTO hour_ledger_entry (organization_id, kind, hours, reason, idempotency_key, reverses_entry_id)
         VALUES ($1, 'REVERSAL', 0, 'a mano', 'sql-mirror-test', $2)`,
        [adjusted.organization_id, adjusted.id],
      ),
    ).rejects.toThrow(/opposite of the entry it reverses/);
  });
});
