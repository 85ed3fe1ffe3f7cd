import { HourLedgerService } from '../../src/contracts/hour-ledger.service';
import { Role } from '../../src/identity/role.enum';
import { useLedgerWorld } from '../support/world-with-worker';

// L3-11, L3-13: the manager's mail view (emailOutbox) says what each email is about. The hour
// emails (HOURS_CHANGED) showed no ticket even when their ledger entry belongs to one (QA S15):
// the reversal of a ticket's charged consumption now carries the ticket's number, and an email
// about no ticket (a manual adjustment, a package) names the client organisation instead. Real
// API over HTTP on real PostgreSQL; a task queue no worker polls (the outbox rows are written in
// the entry's transaction, whether or not they are sent).

const OUTBOX = `query ($first: Int!) { emailOutbox(first: $first) {
  nodes { eventType eventKey ticketNumber organizationName recipientAddress subject }
} }`;

interface OutboxNode {
  eventType: string;
  eventKey: string;
  ticketNumber: string | null;
  organizationName: string | null;
  recipientAddress: string;
  subject: string;
}

const today = new Date().toISOString().slice(0, 10);

describe('HOURS_CHANGED rows in the mail view name their ticket, else the client (L3-11, L3-13)', () => {
  const { world, ok } = useLedgerWorld('hour-change-outbox');
  let aurora: string;

  beforeAll(() => {
    aurora = world.orgIds['comercializadora-aurora'];
  });

  const hourRows = async () =>
    (await ok<{ emailOutbox: { nodes: OutboxNode[] } }>(OUTBOX, { first: 100 })).emailOutbox.nodes
      .filter((n) => n.eventType === 'HOURS_CHANGED')
      .reverse();

  it('a reversed consumption names its ticket; an adjustment and a package name the client', async () => {
    await ok(
      `mutation ($input: UpsertSupportPolicyInput!) { upsertSupportPolicy(input: $input) { id } }`,
      { input: { organizationId: aurora, monthlyFee: 15000, startDate: '2026-01-01' } },
    );
    await ok(
      `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) { id } }`,
      {
        input: {
          organizationId: aurora,
          hours: 10,
          purchasedOn: today,
          reference: 'FAC-OUTBOX',
          price: 1,
        },
      },
    );
    const { registerTicket } = await ok<{ registerTicket: { number: string } }>(
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      { input: { category: 'DEVELOPMENT', subject: 'Reporte', description: 'Un reporte nuevo.' } },
      world.bearer(Role.CLIENT_USER),
    );
    const ticket = registerTicket.number;
    await world.api.app.get(HourLedgerService).reserveForEstimate({
      organizationId: aurora,
      ticketNumber: ticket,
      estimateVersion: 1,
      hours: 4,
      category: 'DEVELOPMENT',
      actorId: null,
      idempotencyKey: `${ticket}:estimate-1`,
    });
    const logged = await ok<{ logTime: { id: string } }>(
      `mutation ($input: LogTimeInput!) { logTime(input: $input) { id } }`,
      {
        input: {
          ticketNumber: ticket,
          organizationId: aurora,
          date: today,
          hours: 1.5,
          description: 'Trabajo capturado por error',
        },
      },
      world.bearer(Role.AGENT),
    );
    expect(logged.logTime.id).toBeTruthy();
    const [consumption] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM hour_ledger_entry WHERE ticket_number = $1 AND kind = 'CONSUMPTION'`,
      [ticket],
    );
    await ok(
      `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) { id } }`,
      {
        input: {
          entryId: consumption.id,
          reason: 'Tiempo capturado en el ticket equivocado',
          idempotencyKey: `outbox:reverse-${consumption.id}`,
        },
      },
    );
    await ok(`mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`, {
      input: { organizationId: aurora, hours: 1, reason: 'Cortesía', idempotencyKey: 'outbox:adj' },
    });

    // Oldest first: the package, the reversal of the ticket's hours, the adjustment.
    const rows = await hourRows();
    expect(rows.map((r) => [r.ticketNumber, r.organizationName])).toEqual([
      [null, 'Comercializadora Aurora'],
      [ticket, 'Comercializadora Aurora'],
      [null, 'Comercializadora Aurora'],
    ]);
    expect(rows[1].subject).toMatch(/^Corrección de horas/);
  });
});
