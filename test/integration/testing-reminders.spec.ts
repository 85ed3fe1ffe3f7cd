import { Role } from '../../src/identity/role.enum';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import {
  TESTING_REMINDER_LIMIT,
  ticketStateQuery,
  ticketWorkflowId,
} from '../../workflows/ticket/ticket.contract';
import { caughtAtLeast, subjectHas } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { projectTimerEvent, ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';

// L3-09 client testing on the real stack (API, worker, Temporal dev server, PostgreSQL, SMTP
// catcher): a requirement released for testing waits for the client's decision with no deadline,
// and the registrant and the approver who authorized it are reminded. The workflow's durable timer
// fires 2 business days after the release (checked on the time-skipping server in
// test/workflow/ticket.testing-reminders); here the real run's schedule is read and the real
// projection receives the batch the workflow hands it when that timer fires: each mailbox gets the
// reminder once, even when the batch is retried.

const SUBJECT = 'Recordatorio: entrega en pruebas esperando su revisión';

describe('testing reminders through the real stack (L3-09, L3-11)', () => {
  const world = useWorldWithWorker('testing-reminders');

  const { requirementReleasedForTesting } = ticketJourneys(world);
  const outbox = (number: string) =>
    world.db.query<{ event_type: string; recipient_address: string; status: string }[]>(
      `SELECT event_type, recipient_address, status FROM email_outbox
        WHERE ticket_number = $1 AND event_type = 'TESTING_REMINDER' ORDER BY recipient_address`,
      [number],
    );

  /** A DEVELOPMENT requirement estimated, authorized, developed and released for testing. */
  const releasedForTesting = (note: string) =>
    requirementReleasedForTesting(
      {
        subject: 'Reporte de cobranza',
        description: 'Por cliente y antigüedad.',
        hours: 6,
        scope: 'Reporte de cobranza por antigüedad de saldos',
        statement: 'Autorizo las 6 horas.',
      },
      note,
    );

  it("L3-09: a release waiting for the client's tests is reminded to the registrant's mailbox (and the authorizer's) once, with what, since when and how to decide", async () => {
    const note = 'Ya puede probar el reporte en la base de pruebas';
    const number = await releasedForTesting(note);
    // The real run scheduled the release's first reminder, 2 business days after it.
    const handle = world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(number));
    const view = await handle.query(ticketStateQuery);
    const releasedAt = view.timeline.find((e) => e.type === 'releaseForTesting')!.at;
    expect(view.testingReminder).toMatchObject({ releasedAt, release: 1, note, sent: 0 });
    const nextAt = view.testingReminder!.nextAt!;
    expect(Date.parse(nextAt)).toBeGreaterThan(Date.parse(releasedAt) + 86_400_000);

    // The batch the workflow projects when that timer fires, projected twice: a retried batch
    // (worker crash, activity retry) sends nothing twice.
    await projectTimerEvent(world, number, {
      type: 'TESTING_REMINDER',
      at: nextAt,
      data: {
        releasedAt,
        release: 1,
        note,
        reminder: 1,
        limit: TESTING_REMINDER_LIMIT,
        nextReminderAt: null,
      },
    });

    const rows = await eventually(
      () => outbox(number),
      (r) => r.length >= 2 && r.every((x) => x.status === 'SENT'),
    );
    // The registrant, and the approver who authorized the work (AUTHORIZERS).
    expect(rows.map((r) => r.recipient_address)).toEqual([
      'aprobador@aurora.example',
      'usuario@aurora.example',
    ]);
    const mails = await caughtAtLeast(2, subjectHas(number, SUBJECT));
    expect(mails).toHaveLength(2);
    const registrantMails = mails.filter((m) => m.to.includes('usuario@aurora.example'));
    expect(registrantMails).toHaveLength(1);
    const [mail] = registrantMails;
    expect(mail.subject).toBe(`[${number}] ${SUBJECT} — Reporte de cobranza`);
    expect(mail.text).toContain('Reporte de cobranza por antigüedad de saldos');
    expect(mail.text).toContain(note);
    expect(mail.text).toContain('En pruebas desde');
    expect(mail.text).toContain('acéptela si funciona como se acordó o reporte las fallas');
    expect(mail.text).toContain(`1 de ${TESTING_REMINDER_LIMIT}`);
    expect(mail.text).toContain(`/tickets/${number}`);

    // On the ticket's timeline, by the system; the ticket still waits for the client.
    const { body } = await gql<{
      ticket: { state: string; timeline: { type: string; actorRole: string | null }[] };
    }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { state timeline { type actorRole } } }`,
      { number },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.ticket.state).toBe('RELEASED_FOR_TESTING');
    expect(body.data!.ticket.timeline.at(-1)).toEqual({
      type: 'TESTING_REMINDER',
      actorRole: null,
    });
    await handle.terminate('test done');
  });
});
