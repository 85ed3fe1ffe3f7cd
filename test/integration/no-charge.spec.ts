import { Role } from '../../src/identity/role.enum';
import { caughtOnceEach } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';

// L3-18 on the ticket, over real GraphQL on the real stack (PostgreSQL, Temporal dev server, the
// real worker and its email dispatcher, the SMTP catcher): provider staff decide a ticket is free
// of charge to the hour package (`setTicketNoCharge`, with a reason); `Ticket.billing` shows the
// decision and every earlier one to staff and to the ticket's own organization, never to another
// (NOT_FOUND); each decision emails the registrant once (L3-11).

const AURORA = 'comercializadora-aurora';
const TULUM = TULUM_ORG;
const TULUM_SLUG = 'grupo-industrial-tulum';
const EMAIL_TYPE = 'TICKET_NO_CHARGE';

const SET = `mutation ($input: SetTicketNoChargeInput!) {
  setTicketNoCharge(input: $input) { noCharge reason releasedHours reservedHours }
}`;
const BILLING = `query ($number: String!) {
  ticket(number: $number) {
    number
    billing {
      noCharge reason decidedAt decidedByName decidedByRole
      decisions { noCharge reason decidedAt decidedByName decidedByRole }
    }
  }
}`;
const LIST = `query ($filter: TicketFilter) {
  tickets(filter: $filter, first: 50) { items { number billing { noCharge reason } } }
}`;

interface Decision {
  noCharge: boolean;
  reason: string;
  decidedAt: string;
  decidedByName: string | null;
  decidedByRole: string | null;
}
interface Billing extends Decision {
  decisions: Decision[];
}
interface GqlError {
  message: string;
  extensions?: Record<string, unknown>;
}
interface OutboxRow {
  recipient_address: string;
  status: string;
  message_id: string;
  subject: string;
  text: string;
}

describe('No-charge tickets on the ticket (L3-18, L3-11)', () => {
  const world = useWorldWithWorker('no-charge');

  async function decide(
    number: string,
    noCharge: boolean,
    reason: string,
    role: Role = Role.AGENT,
  ): Promise<{ data?: { setTicketNoCharge: Record<string, unknown> }; errors?: GqlError[] }> {
    const { body } = await gql<{ setTicketNoCharge: Record<string, unknown> }>(
      world.api,
      SET,
      { input: { organizationId: world.orgIds[AURORA], ticketNumber: number, noCharge, reason } },
      world.bearer(role),
    );
    return body;
  }

  async function decideFor(
    organization: string,
    number: string,
    noCharge: boolean,
    reason: string,
  ): Promise<{ data?: { setTicketNoCharge: Record<string, unknown> }; errors?: GqlError[] }> {
    const { body } = await gql<{ setTicketNoCharge: Record<string, unknown> }>(
      world.api,
      SET,
      {
        input: {
          organizationId: world.orgIds[organization],
          ticketNumber: number,
          noCharge,
          reason,
        },
      },
      world.bearer(Role.MANAGER),
    );
    return body;
  }

  async function billing(
    number: string,
    role: Role,
    organization?: string,
  ): Promise<{ billing?: Billing | null; errors?: GqlError[] }> {
    const { body } = await gql<{ ticket: { billing: Billing | null } }>(
      world.api,
      BILLING,
      { number },
      world.bearer(role, organization),
    );
    return { billing: body.data?.ticket?.billing, errors: body.errors };
  }

  /** The ticket's no-charge emails, once `count` of them are SENT. */
  const sent = (number: string, count: number) =>
    eventually(
      () =>
        world.db.query<OutboxRow[]>(
          `SELECT recipient_address, status, message_id, subject, text
             FROM email_outbox WHERE ticket_number = $1 AND event_type = $2
            ORDER BY created_at, id`,
          [number, EMAIL_TYPE],
        ),
      (rows) => rows.length >= count && rows.every((r) => r.status === 'SENT'),
    );

  it('Ticket.billing is null until staff decide; then staff and the own client see the flag, reason, who and when; another client gets NOT_FOUND', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'QUESTION',
      subject: 'Sin cargo: duda básica',
    });
    for (const role of [Role.CLIENT_USER, Role.AGENT]) {
      const before = await billing(number, role);
      expect(before.errors).toBeUndefined();
      expect(before.billing).toBeNull();
    }

    const set = await decide(number, true, 'Duda de primer nivel: beneficio de la cuota.');
    expect(set.errors).toBeUndefined();
    expect(set.data!.setTicketNoCharge).toMatchObject({ noCharge: true, releasedHours: 0 });

    for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER, Role.AGENT, Role.MANAGER]) {
      const seen = await billing(number, role);
      expect(seen.errors).toBeUndefined();
      expect(seen.billing).toMatchObject({
        noCharge: true,
        reason: 'Duda de primer nivel: beneficio de la cuota.',
        decidedByName: 'Alex Agent',
        decidedByRole: 'AGENT',
      });
      expect(seen.billing!.decisions).toHaveLength(1);
      expect(Date.parse(seen.billing!.decidedAt)).not.toBeNaN();
    }

    const other = await billing(number, Role.CLIENT_USER, TULUM);
    expect(other.billing ?? null).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // In a list the field is read for every ticket at once; another client's list never has it.
    const { body: list } = await gql<{
      tickets: { items: { number: string; billing: { noCharge: boolean } | null }[] };
    }>(world.api, LIST, { filter: {} }, world.bearer(Role.MANAGER));
    expect(list.errors).toBeUndefined();
    expect(list.data!.tickets.items.find((t) => t.number === number)?.billing).toEqual({
      noCharge: true,
      reason: 'Duda de primer nivel: beneficio de la cuota.',
    });
    const { body: tulumList } = await gql<{ tickets: { items: { number: string }[] } }>(
      world.api,
      LIST,
      { filter: {} },
      world.bearer(Role.CLIENT_USER, TULUM),
    );
    expect(tulumList.data!.tickets.items.map((t) => t.number)).not.toContain(number);
  });

  it('each decision emails the registrant once, really delivered; a refused one changes and sends nothing (L3-11)', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'QUESTION',
      subject: 'Sin cargo: correo',
    });
    expect(
      (await decide(number, true, 'Consulta <básica> de primer nivel.')).errors,
    ).toBeUndefined();
    const [first] = await sent(number, 1);
    expect(first.recipient_address).toBe('usuario@aurora.example');
    expect(first.subject).toBe(
      `[${number}] Ticket sin cargo al paquete de horas: Sin cargo: correo`,
    );
    expect(first.text).toContain('Consulta <básica> de primer nivel.');
    expect(first.text).toContain('Alex Agent');
    expect(first.text).toContain(`/tickets/${number}`);

    // The same decision again (a retry after a lost answer): nothing recorded, no second email.
    expect(
      (await decide(number, true, 'Consulta <básica> de primer nivel.')).errors,
    ).toBeUndefined();
    // Refused (empty reason, and a client user): no decision, no email.
    const empty = await decide(number, false, '   ');
    expect(empty.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const client = await decide(number, false, 'yo decido', Role.CLIENT_USER);
    expect(client.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await billing(number, Role.AGENT)).billing!.decisions).toHaveLength(1);

    // Charged again by a manager: a second decision, a second email.
    expect(
      (await decide(number, false, 'Resultó ser una configuración.', Role.MANAGER)).errors,
    ).toBeUndefined();
    const rows = await sent(number, 2);
    expect(rows).toHaveLength(2);
    expect(rows[1].subject).toBe(
      `[${number}] El ticket vuelve a cobrarse al paquete de horas: Sin cargo: correo`,
    );
    expect(rows[1].text).toContain('Resultó ser una configuración.');
    const after = await billing(number, Role.CLIENT_USER);
    expect(after.billing).toMatchObject({
      noCharge: false,
      reason: 'Resultó ser una configuración.',
      decidedByName: 'Gerardo Gerente',
      decidedByRole: 'MANAGER',
    });
    expect(after.billing!.decisions.map((d) => d.noCharge)).toEqual([true, false]);

    // Each row arrived exactly once at the SMTP catcher, its subject naming the ticket.
    const mails = await caughtOnceEach(rows);
    for (const mail of mails) expect(mail.subject).toContain(`[${number}]`);
    expect(mails.map((m) => m.to)).toEqual([
      ['usuario@aurora.example'],
      ['usuario@aurora.example'],
    ]);
    expect(mails[0].text).toContain('Consulta <básica> de primer nivel.');
    // Nothing is queued twice: exactly one row per decision.
    const [{ n }] = await world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM email_outbox WHERE ticket_number = $1 AND event_type = $2`,
      [number, EMAIL_TYPE],
    );
    expect(n).toBe(2);
  });

  it("a waiver naming another organization than the ticket's own is refused and writes nothing; the own one still works (L3-12, L3-13, L3-18)", async () => {
    const number = await registerProjectedTicket(world, {
      category: 'QUESTION',
      subject: 'Sin cargo: organización equivocada',
    });
    const wrong = await decideFor(TULUM_SLUG, number, true, 'Cliente equivocado.');
    expect(wrong.data?.setTicketNoCharge ?? null).toBeNull();
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'TICKET_OF_ANOTHER_ORGANIZATION',
    });
    const counts = await world.db.query<{ billing: number; events: number; emails: number }[]>(
      `SELECT (SELECT count(*)::int FROM ticket_billing WHERE ticket_number = $1) AS billing,
              (SELECT count(*)::int FROM ticket_billing_event WHERE ticket_number = $1) AS events,
              (SELECT count(*)::int FROM email_outbox
                WHERE ticket_number = $1 AND event_type = $2) AS emails`,
      [number, EMAIL_TYPE],
    );
    expect(counts).toEqual([{ billing: 0, events: 0, emails: 0 }]);

    // The ticket's own organization is not locked out by the refused attempt.
    const right = await decideFor(AURORA, number, true, 'Duda de primer nivel.');
    expect(right.errors).toBeUndefined();
    expect(right.data!.setTicketNoCharge).toMatchObject({ noCharge: true });
    expect((await billing(number, Role.CLIENT_USER)).billing).toMatchObject({
      noCharge: true,
      reason: 'Duda de primer nivel.',
    });
  });
});
