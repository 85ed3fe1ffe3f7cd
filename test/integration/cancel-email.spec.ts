import { defaultMexicoCityCalendar, localDateOf } from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import {
  type CaughtMail,
  caughtAtLeast,
  caughtCalendars,
  subjectHas,
} from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// QA (L3-11, L3-12) on the real stack: «Ticket cancelado» tells the registrant who cancelled the
// ticket, the hours its work charged to the package (QA S54) and, once an authorized estimate had
// reserved hours, how many unused ones the ledger gave back. A ticket without an authorization
// or logged time says nothing of hours.

const year = new Date().getUTCFullYear();
const today = localDateOf(defaultMexicoCityCalendar(year - 1, year + 1), new Date());

describe('«Ticket cancelado» says who cancelled and what happens to the hours (L3-11, L3-12)', () => {
  const world = useWorldWithWorker('cancel-email');

  const { act, scheduledRequirement, requirementInDevelopment } = ticketJourneys(world);

  /** The «Ticket cancelado» email the registrant received (the SMTP catcher), once. */
  const receivedCancelledMail = async (number: string): Promise<CaughtMail> => {
    const mails = await caughtAtLeast(
      1,
      (m) => subjectHas(number, 'Ticket cancelado')(m) && m.to.includes('usuario@aurora.example'),
    );
    expect(mails).toHaveLength(1);
    return mails[0];
  };

  /** A requirement estimated at `hours`, authorized (its hours reserved), with `logged` h worked. */
  const authorizedRequirement = async (hours: number, logged: number): Promise<string> => {
    const number = await scheduledRequirement({
      subject: 'Reporte de ventas',
      hours,
      statement: `Autorizo ${hours} horas.`,
      projected: true,
    });
    const { body } = await gql(
      world.api,
      `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { chargedHours } }`,
      { input: { number, date: today, hours: logged, description: 'Análisis del reporte' } },
      world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    return number;
  };

  /** The client's «Ticket cancelado» email text, once queued. */
  const cancelledEmail = async (number: string) => {
    const rows = await eventually(
      () =>
        world.db.query<{ recipient_address: string; text: string }[]>(
          `SELECT recipient_address, text FROM email_outbox
            WHERE ticket_number = $1 AND event_type = 'CANCELLED'
              AND recipient_address = 'usuario@aurora.example'`,
          [number],
        ),
      (r) => r.length > 0,
    );
    expect(rows).toHaveLength(1);
    return rows[0].text;
  };

  it('an authorized requirement cancelled by the client: her name, and how many unused hours go back', async () => {
    // 8 h reserved, 1.5 h worked: 6.5 h go back.
    const number = await authorizedRequirement(8, 1.5);
    await act(Role.CLIENT_USER, 'cancelTicket', { number, note: 'Ya no aplica' });
    const mail = await receivedCancelledMail(number);
    expect(mail.text).toContain('Cancelado por: Úrsula Usuaria');
    expect(mail.text).toContain('Se devuelven 6.5 h no usadas a su paquete.');
    // And what the work done cost (QA S54: only what went back was said).
    expect(mail.text).toContain('Horas cargadas a su paquete: 1.5 h');
    expect(mail.text).not.toContain('vuelven a su saldo');
    // The number is the ledger's: the release entry gave back exactly those hours, once.
    const released = await world.db.query<{ hours: string }[]>(
      `SELECT hours FROM hour_ledger_entry
        WHERE ticket_number = $1 AND kind = 'RESERVATION_RELEASE'`,
      [number],
    );
    expect(released.map((r) => Number(r.hours))).toEqual([-6.5]);
    // The ticket's history keeps it with the cancellation (the read model is a fold of it).
    const [event] = await world.db.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM ticket_event WHERE ticket_number = $1 AND type = 'cancel'`,
      [number],
    );
    expect(event.data).toMatchObject({ note: 'Ya no aplica', releasedHours: 6.5 });
  });

  it('every reserved hour used: who cancelled it, the hours charged, none going back', async () => {
    const number = await authorizedRequirement(2, 2);
    await act(Role.CLIENT_USER, 'cancelTicket', { number, note: 'Listo' });
    const mail = await receivedCancelledMail(number);
    expect(mail.text).toContain('Cancelado por: Úrsula Usuaria');
    expect(mail.text).toContain('Horas cargadas a su paquete: 2 h');
    expect(mail.text).not.toMatch(/no usadas|horas reservadas/);
  });

  it('a ticket without an authorization: who cancelled it, and nothing about hours', async () => {
    const number = await registerProjectedTicket(world, {});
    await act(Role.CLIENT_USER, 'cancelTicket', { number, note: 'Duplicado' });
    const text = await cancelledEmail(number);
    expect(text).toContain('Cancelado por: Úrsula Usuaria');
    expect(text).not.toContain('horas reservadas');
  });

  it("QA S62 review: the published release date's cancellation reaches only the calendars that hold it; a participant added since reads it without a file", async () => {
    const number = await requirementInDevelopment({
      subject: 'Reporte de cobranza',
      hours: 4,
      projected: true,
    });
    const published = await eventually(
      () =>
        world.db.query<{ recipient_address: string; status: string }[]>(
          `SELECT recipient_address, status FROM email_outbox
            WHERE ticket_number = $1 AND event_type = 'RELEASE_DATE_SET'`,
          [number],
        ),
      (r) => r.length > 0 && r.every((x) => x.status === 'SENT'),
    );
    const holders = published.map((r) => r.recipient_address).sort();
    expect(holders).toContain('usuario@aurora.example');
    // A colleague follows the ticket after the date was published.
    const colleague = `cobranza-${Date.now()}@aurora.example`;
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds['comercializadora-aurora'],
          email: colleague,
          displayName: 'Cobranza Colega',
          roles: ['CLIENT_USER'],
          temporaryPassword: 'temporal-password-123',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const added = await gql(
      world.api,
      `mutation ($input: TicketParticipantInput!) { addTicketParticipant(input: $input) { id } }`,
      { input: { number, userId: created.body.data!.createUser.id } },
      world.bearer(Role.AGENT),
    );
    expect(added.body.errors).toBeUndefined();

    await act(Role.CLIENT_USER, 'cancelTicket', { number, note: 'Ya no se necesita' });
    const rows = await eventually(
      () =>
        world.db.query<
          {
            recipient_address: string;
            status: string;
            ics_method: string | null;
            ics_entries: string[] | null;
          }[]
        >(
          `SELECT recipient_address, status, ics_method, ics_entries FROM email_outbox
            WHERE ticket_number = $1 AND event_type = 'CANCELLED' ORDER BY recipient_address`,
          [number],
        ),
      (r) => r.length === holders.length + 1 && r.every((x) => x.status === 'SENT'),
    );
    expect(
      rows.map(({ recipient_address, ics_method, ics_entries }) => [
        recipient_address,
        ics_method,
        ics_entries,
      ]),
    ).toEqual(
      [...holders.map((h) => [h, 'CANCEL', ['release']]), [colleague, null, null]].sort((a, b) =>
        String(a[0]).localeCompare(String(b[0])),
      ),
    );
    // What really arrived: the registrant's email cancels the entry; the colleague's has no file.
    const [registrantMail] = await caughtAtLeast(
      1,
      (m) => subjectHas(number, 'Ticket cancelado')(m) && m.to.includes('usuario@aurora.example'),
    );
    const [entry] = await caughtCalendars(registrantMail);
    expect(entry.props).toMatchObject({ METHOD: 'CANCEL', STATUS: 'CANCELLED' });
    const [colleagueMail, ...more] = await caughtAtLeast(
      1,
      (m) => subjectHas(number, 'Ticket cancelado')(m) && m.to.includes(colleague),
    );
    expect(more).toEqual([]);
    expect(await caughtCalendars(colleagueMail)).toEqual([]);
    expect(colleagueMail.text).toContain(
      'La entrega para pruebas que estaba publicada queda cancelada.',
    );
    expect(colleagueMail.text).not.toContain('archivo adjunto');
  });
});
