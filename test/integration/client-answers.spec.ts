import { Role } from '../../src/identity/role.enum';
import { APPROVAL_REMINDER_LIMIT } from '../../workflows/ticket/ticket.contract';
import { caughtAtLeast, subjectHas } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { projectTimerEvent, ticketJourneys } from '../support/ticket-journeys';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// On the real stack (API, worker, Temporal dev server, PostgreSQL, SMTP catcher):
// - L3-06 / L3-11: a client's comment on a ticket in INFO_REQUESTED is the requested information:
//   the ticket is back in REGISTERED with a new, running 8-business-hour triage clock;
// - L3-09: the approval-wait reminder reaches the organization's approvers (and the registrant)
//   once, Spanish first. The workflow's durable timer fires 2 business days after submission (its
//   instants are checked on the time-skipping server in test/workflow/ticket.approval-reminders),
//   so here the real projection receives the batch the workflow hands it when that timer fires.

const TICKET = `number state timeline { seq type actorRole }
  clocks { kind status budgetMinutes deadline endedAt }`;

interface Ticket {
  number: string;
  state: string;
  timeline: { seq: number; type: string; actorRole: string | null }[];
  clocks: {
    kind: string;
    status: string;
    budgetMinutes: number;
    deadline: string | null;
    endedAt: string | null;
  }[];
}

describe('client answers on the ticket and approver reminders (L3-06, L3-09, L3-11)', () => {
  const world = useWorldWithWorker('client-answers');

  const { act, estimatedRequirement } = ticketJourneys(world);

  async function read(role: Role, number: string): Promise<Ticket> {
    const { body } = await gql<{ ticket: Ticket }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { ${TICKET} } }`,
      { number },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket;
  }

  const outbox = (number: string) =>
    world.db.query<{ event_type: string; recipient_address: string; status: string }[]>(
      `SELECT event_type, recipient_address, status FROM email_outbox
        WHERE ticket_number = $1 ORDER BY created_at, recipient_address`,
      [number],
    );

  /** «Monday, December 7, 2026»: an instant's date in Mexico City, as the agent's email says it. */
  const longDate = (iso: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Mexico_City',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(iso));

  /** The batch the workflow projects when v1's first approval reminder fires (L3-09). */
  const firstReminder = (number: string) =>
    projectTimerEvent(world, number, {
      type: 'ESTIMATE_REMINDER',
      at: new Date().toISOString(),
      data: {
        estimateVersion: 1,
        reminder: 1,
        limit: APPROVAL_REMINDER_LIMIT,
        nextReminderAt: null,
      },
    });

  it('L3-06: a client comment on INFO_REQUESTED puts the ticket back in REGISTERED with a running triage clock', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No timbra la factura',
      description: 'Error al timbrar.',
    });
    await act(
      Role.AGENT,
      'requestInformation',
      { number, note: '¿Qué versión de Odoo usan?' },
      'TicketActionInput',
    );
    const asked = await read(Role.CLIENT_USER, number);
    expect(asked.state).toBe('INFO_REQUESTED');
    expect(asked.clocks.filter((c) => c.status === 'RUNNING')).toEqual([]);

    const { body } = await gql<{ addComment: { ticket: Ticket } }>(
      world.api,
      `mutation ($number: String!, $body: String!) {
        addComment(number: $number, body: $body) { ticket { ${TICKET} } } }`,
      { number, body: 'Usamos Odoo 17 Enterprise.' },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.addComment.ticket.state).toBe('REGISTERED');

    // The read model, as anyone reads it afterwards.
    const ticket = await read(Role.AGENT, number);
    expect(ticket.state).toBe('REGISTERED');
    const triage = ticket.clocks.filter((c) => c.kind === 'triage');
    expect(triage.map((c) => c.status)).toEqual(['MET', 'RUNNING']);
    expect(triage[1]).toMatchObject({ budgetMinutes: 480, endedAt: null });
    expect(Date.parse(triage[1].deadline!)).toBeGreaterThan(Date.now());
    const types = ticket.timeline.map((e) => e.type);
    expect(types.slice(types.lastIndexOf('comment'))).toEqual(['comment', 'CLOCK_STARTED']);

    // The client's own answer is not emailed back to the client (L3-11): registration and the
    // request only; the provider is told of the new ticket and of the answer (the agents, as
    // nobody is assigned yet), once each.
    const sent = await eventually(
      () => outbox(number),
      (rows) => rows.length >= 5 && rows.every((r) => r.status === 'SENT'),
    );
    expect(sent.map((r) => `${r.event_type} → ${r.recipient_address}`)).toEqual([
      'PROVIDER_NEW_TICKET → agente@becken.example',
      'PROVIDER_NEW_TICKET → gerente@becken.example',
      'TICKET_REGISTERED → usuario@aurora.example',
      'INFO_REQUESTED → usuario@aurora.example',
      'PROVIDER_CLIENT_ACTIVITY → agente@becken.example',
    ]);
    // The agent (who reads English) reads the answer as the information, and that triage starts
    // over (QA S57).
    const [toAgent] = await caughtAtLeast(1, subjectHas(number, 'Client sent the information'));
    expect(toAgent.to).toContain('agente@becken.example');
    expect(toAgent.text).toContain('> Usamos Odoo 17 Enterprise.');
    expect(toAgent.text).toContain(
      `The triage clock (8 business hours) starts over with the reply, during business hours: due ${longDate(triage[1].deadline!)} at `,
    );
  });

  // QA S57: the agent's email after the client answered did not say the paused clock resumed.
  it('L3-07: a client comment on a problem waiting on the client tells the agent the progress clock resumed, and its deadline', async () => {
    const number = await ticketJourneys(world).problemWaitingOnClient('¿Qué versión de Odoo usan?');
    const { body } = await gql(
      world.api,
      `mutation ($number: String!, $body: String!) {
        addComment(number: $number, body: $body) { ticket { state } } }`,
      { number, body: 'Odoo 17 Enterprise.' },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    const ticket = await read(Role.AGENT, number);
    expect(ticket.state).toBe('IN_ANALYSIS');
    const progress = ticket.clocks.find((c) => c.kind === 'progress' && c.status === 'RUNNING');
    expect(progress?.deadline).toBeTruthy();

    // The agent reads English.
    const [toAgent] = await caughtAtLeast(1, subjectHas(number, 'Client replied'));
    expect(toAgent.to).toContain('agente@becken.example');
    expect(toAgent.text).toContain(`replied on ticket ${number}.`);
    expect(toAgent.text).toContain('> Odoo 17 Enterprise.');
    expect(toAgent.text).toContain(
      `The progress-update clock resumed with the time it had left: due ${longDate(progress!.deadline!)} at `,
    );
    // Once: the comment is the reply, not a comment and a reply.
    expect(
      (await outbox(number)).filter((r) => r.event_type === 'PROVIDER_CLIENT_ACTIVITY'),
    ).toHaveLength(1);
  });

  it('L3-09: an approval-wait reminder emails the approvers and the registrant once, in Spanish', async () => {
    const number = await estimatedRequirement({
      subject: 'Reporte de ventas por canal',
      description: 'Un reporte nuevo.',
      hours: 6,
      scope: 'Reporte con filtros por canal y fecha.',
      projected: true,
    });

    // The batch the workflow projects when that timer fires, projected twice: a retried batch
    // (worker crash, activity retry) sends nothing twice.
    await firstReminder(number);

    const rows = await eventually(
      async () => (await outbox(number)).filter((r) => r.event_type === 'ESTIMATE_REMINDER'),
      (r) => r.length >= 2 && r.every((x) => x.status === 'SENT'),
    );
    expect(rows.map((r) => r.recipient_address).sort()).toEqual([
      'aprobador@aurora.example',
      'usuario@aurora.example',
    ]);
    const mails = await caughtAtLeast(2, subjectHas(number, 'Recordatorio'));
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.subject).toContain('Recordatorio 1 de 5: estimación v1 por autorizar');
      // QA S18 (L3-08): the approver is asked for their authorization; the registrant, who is
      // not an approver, is told it waits for their organization's.
      expect(mail.text).toContain(
        mail.to.includes('aprobador@aurora.example')
          ? 'sigue esperando su autorización por escrito'
          : 'sigue esperando la autorización por escrito de su organización',
      );
    }
    // The reminder is on the ticket's timeline, and it changed no SLA status.
    const ticket = await read(Role.CLIENT_APPROVER, number);
    expect(ticket.timeline.at(-1)).toMatchObject({ type: 'ESTIMATE_REMINDER', actorRole: null });
  });

  it('L3-12, L3-09: a reminder of an estimate the prepaid hours do not cover says what is missing, as of the reminder', async () => {
    const hours = 900;
    const number = await estimatedRequirement({
      subject: 'Migración completa del ERP',
      description: 'Más horas de las que quedan en el paquete.',
      hours,
      scope: 'Migración de todos los módulos.',
      projected: true,
    });
    await firstReminder(number);

    const mails = await caughtAtLeast(2, subjectHas(number, 'Recordatorio'));
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      const told =
        /hay ([\d.]+) h disponibles y la estimación requiere ([\d,.]+) h; faltan ([\d.]+) h\./.exec(
          mail.text,
        );
      expect(told).not.toBeNull();
      const [available, requested, missing] = told!
        .slice(1)
        .map((n) => Number(n.replace(/,/g, '')));
      expect(requested).toBe(hours);
      expect(available + missing).toBeCloseTo(hours, 2);
      expect(available).toBeLessThan(hours);
    }
  });
});
