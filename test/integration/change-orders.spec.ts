import { defaultMexicoCityCalendar, localDateOf } from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import {
  APPROVAL_REMINDER_LIMIT,
  ticketStateQuery,
  ticketWorkflowId,
} from '../../workflows/ticket/ticket.contract';
import { caughtAtLeast, subjectHas } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { projectTimerEvent, ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';

// L3-12 change orders on the real stack (API, worker, Temporal dev server, PostgreSQL, SMTP
// catcher): an agent asks for more hours on a requirement in development, the approver authorizes
// it in writing and the additional hours are reserved in the prepaid ledger, so time may be logged
// up to the new total; a change order the balance cannot cover is refused with the shortfall and
// changes nothing; each step emails once. While a change order waits, its approvers are reminded
// (the workflow's durable timer fires 2 business days after the submission, checked on the
// time-skipping server in test/workflow/ticket.change-order-reminders; here the real run's schedule
// is read and the real projection receives the batch the workflow hands it when that timer fires).

interface Estimate {
  version: number;
  hours: number;
  status: string;
  changeOrder: boolean;
  additionalHours: number | null;
}
interface Ticket {
  state: string;
  allowedActions: string[];
  estimates: Estimate[];
  authorizations: { estimateVersion: number; statement: string }[];
  timeline: { type: string }[];
}
interface Balance {
  reserved: number;
  available: number;
  reservations: { ticketNumber: string; reservedHours: number }[];
}

const year = new Date().getUTCFullYear();
const today = localDateOf(defaultMexicoCityCalendar(year - 1, year + 1), new Date());

describe('change orders through GraphQL (L3-12, L3-09, L3-11)', () => {
  const world = useWorldWithWorker('change-orders');
  const org = () => world.orgIds['comercializadora-aurora'];

  async function call(role: Role, mutation: string, input: object, type: string) {
    const { body } = await gql<Record<string, { ticket: { state: string } }>>(
      world.api,
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { ticket { state } } }`,
      { input },
      world.bearer(role),
    );
    return body;
  }
  const { act, requirementInDevelopment } = ticketJourneys(world);
  async function read(role: Role, number: string): Promise<Ticket> {
    const { body } = await gql<{ ticket: Ticket }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { state allowedActions
        estimates { version hours status changeOrder additionalHours }
        authorizations { estimateVersion statement } timeline { type } } }`,
      { number },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket;
  }
  async function balance(): Promise<Balance> {
    const { body } = await gql<{ hourBalance: Balance }>(
      world.api,
      `query ($id: ID!) { hourBalance(organizationId: $id) {
        reserved available reservations { ticketNumber reservedHours } } }`,
      { id: org() },
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.hourBalance;
  }
  async function logTime(number: string, hours: number) {
    const { body } = await gql<{ logTicketTime: { chargedHours: number } }>(
      world.api,
      `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { chargedHours } }`,
      { input: { number, date: today, hours, description: 'Filtro por sucursal' } },
      world.bearer(Role.AGENT),
    );
    return body;
  }
  const outbox = (number: string) =>
    world.db.query<{ event_type: string; recipient_address: string; status: string }[]>(
      `SELECT event_type, recipient_address, status FROM email_outbox
        WHERE ticket_number = $1 ORDER BY created_at, recipient_address`,
      [number],
    );

  /** A DEVELOPMENT requirement estimated at 8 h, authorized and in development (L3-08, L3-09). */
  const inDevelopment = () =>
    requirementInDevelopment({
      subject: 'Reporte de ventas',
      description: 'Por sucursal.',
      hours: 8,
      scope: 'Reporte',
      statement: 'Autorizo las 8 horas del reporte.',
    });

  it('submit → authorize reserves the additional hours; time may be logged up to the new total; emails once', async () => {
    const number = await inDevelopment();
    expect((await logTime(number, 7)).errors).toBeUndefined();
    // 1 h of the 8 is left: 3 h more are refused, with the way out in the message.
    const refused = await logTime(number, 3);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'EXCEEDS_AUTHORIZED_ESTIMATE',
      remainingHours: 1,
    });
    expect(refused.errors?.[0]?.message).toMatch(/submit a change order/);

    expect((await read(Role.AGENT, number)).allowedActions).toContain('submitChangeOrder');
    expect((await read(Role.CLIENT_APPROVER, number)).allowedActions).not.toContain(
      'authorizeChangeOrder',
    );
    const submitted = await act(
      Role.AGENT,
      'submitChangeOrder',
      { number, additionalHours: 4, scope: 'Falta el filtro por sucursal' },
      'SubmitChangeOrderInput',
    );
    expect(submitted.state).toBe('IN_DEVELOPMENT');
    const pending = await read(Role.CLIENT_APPROVER, number);
    expect(pending.estimates.at(-1)).toEqual({
      version: 2,
      hours: 12,
      status: 'SUBMITTED',
      changeOrder: true,
      additionalHours: 4,
    });
    expect(pending.estimates[0]).toMatchObject({ changeOrder: false, additionalHours: null });
    expect(pending.allowedActions).toEqual(
      expect.arrayContaining(['authorizeChangeOrder', 'rejectChangeOrder']),
    );
    expect((await read(Role.AGENT, number)).allowedActions).not.toContain('submitChangeOrder');
    const before = await balance();
    expect(before.reservations.find((r) => r.ticketNumber === number)?.reservedHours).toBe(1);

    const statement = 'Autorizo las 4 horas adicionales del filtro por sucursal.';
    await act(
      Role.CLIENT_APPROVER,
      'authorizeChangeOrder',
      { number, estimateVersion: 2, statement },
      'AuthorizeEstimateInput',
    );
    const after = await balance();
    // The additional hours are held for the ticket: 1 h left + 4 h.
    expect(after.reservations.find((r) => r.ticketNumber === number)?.reservedHours).toBe(5);
    expect(after.available).toBeCloseTo(before.available - 4, 2);
    const ticket = await read(Role.AGENT, number);
    expect(ticket.state).toBe('IN_DEVELOPMENT');
    expect(ticket.estimates.map((e) => e.status)).toEqual(['AUTHORIZED', 'AUTHORIZED']);
    expect(ticket.authorizations.at(-1)).toEqual({ estimateVersion: 2, statement });
    expect(ticket.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['submitChangeOrder', 'authorizeChangeOrder']),
    );
    expect((await logTime(number, 3)).errors).toBeUndefined();

    // Emails: the change order to the registrant and the approvers, the authorization likewise,
    // and the agent hears of the approver's decision; each once.
    const rows = await eventually(
      async () =>
        (await outbox(number)).filter((r) =>
          ['ESTIMATE_SUBMITTED', 'AUTHORIZATION_RECORDED', 'PROVIDER_CLIENT_ACTIVITY'].includes(
            r.event_type,
          ),
        ),
      (r) => r.length >= 10 && r.every((x) => x.status === 'SENT'),
    );
    const lines = rows.map((r) => `${r.event_type} → ${r.recipient_address}`);
    expect(lines.filter((l) => l.startsWith('ESTIMATE_SUBMITTED')).sort()).toEqual([
      'ESTIMATE_SUBMITTED → aprobador@aurora.example',
      'ESTIMATE_SUBMITTED → aprobador@aurora.example',
      'ESTIMATE_SUBMITTED → usuario@aurora.example',
      'ESTIMATE_SUBMITTED → usuario@aurora.example',
    ]);
    const mails = await caughtAtLeast(
      5,
      (m) => subjectHas(number, 'Orden de cambio')(m) || subjectHas(number, 'Change order')(m),
    );
    const subjects = mails.map((m) => m.subject);
    expect(subjects.filter((s) => s.includes('Orden de cambio por autorizar: +4 h'))).toHaveLength(
      2,
    );
    expect(subjects.filter((s) => s.includes('Orden de cambio v2 autorizada: +4 h'))).toHaveLength(
      2,
    );
    // The agent (English, per the demo seed) hears of the approver's decision.
    expect(subjects.filter((s) => s.includes('Change order authorized'))).toHaveLength(1);
    const request = mails.find((m) => m.subject.includes('por autorizar'))!;
    expect(request.text).toContain('Falta el filtro por sucursal');
  });

  it("L3-12/L3-09: a pending change order's reminder reaches the approver's mailbox (and the registrant's) once, with its hours and reason", async () => {
    const number = await inDevelopment();
    const scope = 'Falta exportar el reporte a Excel';
    await act(
      Role.AGENT,
      'submitChangeOrder',
      { number, additionalHours: 3, scope },
      'SubmitChangeOrderInput',
    );
    // The real run scheduled the change order's first reminder (L3-09 cadence, L3-12).
    const handle = world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(number));
    const view = await handle.query(ticketStateQuery);
    const submittedAt = view.estimates.at(-1)!.submittedAt;
    expect(view.changeOrderReminder).toMatchObject({
      estimateVersion: 2,
      sent: 0,
      from: submittedAt,
    });
    expect(Date.parse(view.changeOrderReminder!.nextAt!)).toBeGreaterThan(
      Date.parse(submittedAt) + 86_400_000,
    );

    // The batch the workflow projects when that timer fires, projected twice: a retried batch
    // (worker crash, activity retry) sends nothing twice.
    await projectTimerEvent(world, number, {
      type: 'CHANGE_ORDER_REMINDER',
      at: view.changeOrderReminder!.nextAt!,
      data: {
        estimateVersion: 2,
        reminder: 1,
        limit: APPROVAL_REMINDER_LIMIT,
        nextReminderAt: null,
      },
    });

    const rows = await eventually(
      async () => (await outbox(number)).filter((r) => r.event_type === 'CHANGE_ORDER_REMINDER'),
      (r) => r.length >= 2 && r.every((x) => x.status === 'SENT'),
    );
    expect(rows.map((r) => r.recipient_address).sort()).toEqual([
      'aprobador@aurora.example',
      'usuario@aurora.example',
    ]);
    const mails = await caughtAtLeast(2, subjectHas(number, 'Recordatorio'));
    const approverMails = mails.filter((m) => m.to.includes('aprobador@aurora.example'));
    expect(approverMails).toHaveLength(1);
    expect(mails).toHaveLength(2);
    const [mail] = approverMails;
    expect(mail.subject).toContain('Recordatorio: orden de cambio por autorizar, +3 h (v2)');
    expect(mail.text).toContain('3 h adicionales a las ya autorizadas');
    expect(mail.text).toContain(scope);
    expect(mail.text).toContain(`/tickets/${number}/estimaciones/2`);
    // On the ticket's timeline, by the system.
    const ticket = await read(Role.CLIENT_APPROVER, number);
    expect(ticket.timeline.at(-1)).toEqual({ type: 'CHANGE_ORDER_REMINDER' });
    await handle.terminate('test done');
  });

  it('refused when the balance is short (the shortfall), and a rejection reserves nothing', async () => {
    const number = await inDevelopment();
    const before = await balance();
    const additionalHours = Math.ceil(before.available) + 10;
    await act(
      Role.AGENT,
      'submitChangeOrder',
      { number, additionalHours, scope: 'Rediseño completo' },
      'SubmitChangeOrderInput',
    );
    const short = await call(
      Role.CLIENT_APPROVER,
      'authorizeChangeOrder',
      { number, estimateVersion: 2, statement: 'Autorizo el rediseño completo.' },
      'AuthorizeEstimateInput',
    );
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'INSUFFICIENT_HOURS',
    });
    expect(Number(short.errors?.[0]?.extensions?.shortfallHours)).toBeCloseTo(
      additionalHours - before.available,
      2,
    );
    let ticket = await read(Role.CLIENT_APPROVER, number);
    expect(ticket.estimates.map((e) => e.status)).toEqual(['AUTHORIZED', 'SUBMITTED']);
    expect(ticket.authorizations).toHaveLength(1);
    expect(await balance()).toEqual(before);

    await act(
      Role.CLIENT_APPROVER,
      'rejectChangeOrder',
      { number, estimateVersion: 2, reason: 'El rediseño no estaba en el alcance.' },
      'EstimateFeedbackInput',
    );
    ticket = await read(Role.AGENT, number);
    expect(ticket.state).toBe('IN_DEVELOPMENT');
    expect(ticket.estimates.map((e) => e.status)).toEqual(['AUTHORIZED', 'REJECTED']);
    expect(ticket.allowedActions).toContain('submitChangeOrder');
    expect(await balance()).toEqual(before);
    // The agent is told of the rejection, once.
    const told = await eventually(
      async () =>
        (await outbox(number)).filter(
          (r) => r.event_type === 'PROVIDER_CLIENT_ACTIVITY' && r.status === 'SENT',
        ),
      (r) => r.length >= 2,
    );
    expect(told.map((r) => r.recipient_address)).toEqual([
      'agente@becken.example',
      'agente@becken.example',
    ]);
    const mails = await caughtAtLeast(1, subjectHas(number, 'Change order rejected'));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('El rediseño no estaba en el alcance.');
  });
});
