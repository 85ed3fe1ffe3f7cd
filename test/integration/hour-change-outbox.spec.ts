import { useLedgerWorld } from '../support/world-with-worker';
import { AURORA_ORG } from '../support/demo-contract';

// L3-11, L3-13: the manager's mail view (emailOutbox) says what each email is about. The hour
// emails (HOURS_CHANGED) showed no ticket even when their ledger entry belongs to one (QA S15):
// the reversal of a ticket's charged consumption now carries the ticket's number, and an email
// about no ticket (a manual adjustment, a package) names the client organization instead. Real
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

describe('HOURS_CHANGED rows in the mail view name their ticket, else the client (L3-11, L3-13)', () => {
  const { world, ok, boughtHours, consumedTicket } = useLedgerWorld('hour-change-outbox');
  let aurora: string;

  beforeAll(() => {
    aurora = world.orgIds['comercializadora-aurora'];
  });

  const hourRows = async () =>
    (await ok<{ emailOutbox: { nodes: OutboxNode[] } }>(OUTBOX, { first: 100 })).emailOutbox.nodes
      .filter((n) => n.eventType === 'HOURS_CHANGED')
      .reverse();

  it('a reversed consumption names its ticket; an adjustment and a package name the client', async () => {
    await boughtHours(aurora, 10, 'FAC-OUTBOX');
    const { number: ticket, timeEntryId } = await consumedTicket(aurora);
    expect(timeEntryId).toBeTruthy();
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
      [null, AURORA_ORG],
      [ticket, AURORA_ORG],
      [null, AURORA_ORG],
    ]);
    // L3-12: the ticket is still at work, so the hours went back to its estimate's hold and the
    // approver reads that their available hours did not change (10 bought, 4 held).
    expect(rows[1].subject).toBe(
      `Corrección de horas: 1.5 h vuelven a la reserva del ticket ${ticket}`,
    );
    const [mail] = await world.db.query<{ text: string }[]>(
      `SELECT text FROM email_outbox WHERE event_type = 'HOURS_CHANGED' AND subject = $1`,
      [rows[1].subject],
    );
    expect(mail.text).toMatch(
      new RegExp(
        `Se revirtieron las horas registradas en el ticket ${ticket} \\(.+\\): las 1\\.5 h vuelven a la reserva de su estimación autorizada, para el trabajo que sigue en el ticket; su saldo disponible no cambia\\. Saldo disponible: 6 h\\.`,
      ),
    );
    expect(mail.text).toContain(`+1.5 h a la reserva del ticket ${ticket}`);
  });
});
