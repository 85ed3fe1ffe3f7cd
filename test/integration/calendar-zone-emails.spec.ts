import { Locale } from '../../src/identity/locale.enum';
import { RecipientDates } from '../../src/notifications/templates/format';
import { type CaughtMail, caughtOnceEach } from '../support/caught-mail';
import { TULUM_ORG } from '../support/demo-contract';
import { emailsQueued } from '../support/emails-queued';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';
import { createWeekdayCalendar } from '../support/weekday-calendar';
import { Role } from '../../src/identity/role.enum';

// QA S60b #3 (BUSINESS-TIME.md, L3-06, L3-11) on the real stack (API, PostgreSQL, Temporal worker,
// outbox, dispatcher, SMTP catcher): Comercializadora Aurora's calendar counts in Tokyo; Becken's
// staff and Aurora's user read in Mexico City. The emails of a new ticket give its triage deadline
// in both zones: «Hora del cliente» for the agents and managers, «Hora de su empresa» for the
// registrant. They wait in a batch for the files announced and are rendered again when the file
// arrives: the calendar's time is still there, once each. A client on the default Mexico City
// calendar reads no second time.

const TOKYO = 'Asia/Tokyo';
const MEXICO = 'America/Mexico_City';
const REGISTRANT = 'usuario@aurora.example';

interface Row {
  event_type: string;
  recipient_address: string;
  status: string;
  message_id: string;
  payload: { calendarTimeZone?: string };
}

describe('a new ticket’s emails give its deadline in the client calendar’s zone (QA S60b #3)', () => {
  const world = useWorldWithWorker('calendar-zone-emails', { MAIL_BATCH_WINDOW_MS: '60000' });

  beforeAll(async () => {
    await createWeekdayCalendar(world, 'Horario de Tokio', '09:00', '18:00', {
      timeZone: TOKYO,
      organizationId: world.orgIds['comercializadora-aurora'],
    });
  });

  /** The ticket's registration emails, once all `count` are SENT, each caught once. */
  async function registrationMails(number: string, count: number) {
    const rows = await eventually(
      () =>
        world.db.query<Row[]>(
          `SELECT event_type, recipient_address, status, message_id, payload FROM email_outbox
            WHERE ticket_number = $1 AND event_type IN ('TICKET_REGISTERED', 'PROVIDER_NEW_TICKET')
            ORDER BY recipient_address`,
          [number],
        ),
      (r) => r.length >= count && r.every((x) => x.status === 'SENT'),
    );
    expect(rows).toHaveLength(count);
    const mails = await caughtOnceEach(rows);
    const to = (address: string): CaughtMail => mails.find((m) => m.to.includes(address))!;
    return { rows, to };
  }

  async function triageDeadline(number: string): Promise<string> {
    const { body } = await gql<{
      ticket: { calendarTimeZone: string; clocks: { kind: string; deadline: string | null }[] };
    }>(
      world.api,
      `query ($n: String!) { ticket(number: $n) { calendarTimeZone clocks { kind deadline } } }`,
      { n: number },
      world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket.clocks.find((c) => c.kind === 'triage')!.deadline!;
  }

  it('staff read «Hora del cliente», the registrant «Hora de su empresa», after the announced file joined the batch', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No timbra desde Tokio',
      description: 'Adjunto la bitácora.',
      attachmentsToFollow: 1,
    });
    // They wait for the file (L3-11): rendered again when it comes.
    await emailsQueued(world.db, number);
    const form = new FormData();
    form.append('file', new Blob(['ERROR timbrado\n'], { type: 'text/plain' }), 'bitacora.log');
    const res = await fetch(
      `${world.api.url}/api/tickets/${encodeURIComponent(number)}/attachments`,
      { method: 'POST', headers: world.bearer(Role.CLIENT_USER), body: form },
    );
    expect(res.status).toBe(201);
    const deadline = await triageDeadline(number);
    const { rows, to } = await registrationMails(number, 3);
    // The calendar's zone read once for the event, kept for the render the file caused.
    expect(rows.map((r) => r.payload.calendarTimeZone)).toEqual([TOKYO, TOKYO, TOKYO]);

    const here = (locale: Locale) => new RecipientDates(locale, MEXICO).instant(deadline);
    const there = (locale: Locale) => new RecipientDates(locale, TOKYO).instant(deadline);
    const manager = to('gerente@becken.example');
    expect(manager.text).toContain('bitacora.log');
    expect(manager.text).toContain(
      `Atender a más tardar: ${here(Locale.ES_MX)}\nHora del cliente: ${there(Locale.ES_MX)}`,
    );
    expect(manager.html).toContain('Hora del cliente');
    // The agent reads English.
    expect(to('agente@becken.example').text).toContain(
      `Triage by: ${here(Locale.EN)}\nClient’s time: ${there(Locale.EN)}`,
    );
    const registrant = to(REGISTRANT);
    expect(registrant.text).toContain(
      `Atención a más tardar: ${here(Locale.ES_MX)}\nHora de su empresa: ${there(Locale.ES_MX)}`,
    );
    expect(registrant.text).not.toContain('Hora del cliente');
  });

  it('a client on the default Mexico City calendar: no second time', async () => {
    const number = await registerProjectedTicket(
      world,
      { category: 'INCIDENT', subject: 'Plazo en la Ciudad de México' },
      TULUM_ORG,
    );
    const { rows, to } = await registrationMails(number, 3);
    expect(rows.map((r) => r.payload.calendarTimeZone)).toEqual([MEXICO, MEXICO, MEXICO]);
    for (const address of [
      'gerente@becken.example',
      'agente@becken.example',
      'usuario@tulum.example',
    ]) {
      expect(to(address).text).not.toMatch(/Hora del cliente|Client’s time|Hora de su empresa/);
    }
  });
});
