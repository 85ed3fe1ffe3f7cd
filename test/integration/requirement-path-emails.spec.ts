import { Role } from '../../src/identity/role.enum';
import { type OutboxRow, sentExactly } from '../support/caught-mail';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';

// QA S60 on the real stack (API, worker, Temporal dev server, PostgreSQL, SMTP catcher), through
// GraphQL as the screens do, reading the mail that really arrived (L3-08, L3-09, L3-11):
// #4 the client reports failures on a release: the approver who authorized the work is told (who,
// their words), the reporter gets no copy of their own report, the agent one; the release after it
// says it is the new one, naming the round, once per recipient with Message-IDs of its own.
// #5/#6/#9 a re-estimate request: the agent's email gives the new estimate's deadline as the
// client's does (the same clock, in the agent's language) and names the version; the registrant, who is not an approver, reads whose
// authorization the new estimate goes to.

const REGISTRANT = 'usuario@aurora.example';
const APPROVER = 'aprobador@aurora.example';
const AGENT = 'agente@becken.example';
const SUBJECT = 'Reporte de cobranza';
const FAILURES = 'El total por cliente no cuadra con la cartera.';

describe('QA S60: the requirement path as emailed (L3-08, L3-09, L3-11)', () => {
  const world = useWorldWithWorker('requirement-path-emails');
  const { act, estimatedRequirement, requirementReleasedForTesting } = ticketJourneys(world);

  /** The outbox rows of `number` of `eventType` (the agent's: of `activity`), in queue order. */
  const rowsOf =
    (number: string, eventType: string, activity?: string) => (): Promise<OutboxRow[]> =>
      world.db.query<OutboxRow[]>(
        `SELECT event_key, recipient_address, status, message_id FROM email_outbox
          WHERE ticket_number = $1 AND event_type = $2
            AND ($3::text IS NULL OR payload -> 'event' ->> 'activity' = $3)
          ORDER BY created_at, id`,
        [number, eventType, activity ?? null],
      );
  const to = (mails: { to: string[] }[]) =>
    mails
      .map((m) => m.to)
      .flat()
      .sort();

  it('#4: failures reported reach the approver who authorized the work; the next release says it follows them', async () => {
    const number = await requirementReleasedForTesting(
      { subject: SUBJECT, hours: 6, statement: 'Autorizo las 6 horas.' },
      'Primera entrega en la base de pruebas.',
    );
    const first = await sentExactly(rowsOf(number, 'RELEASED_FOR_TESTING'), 2);
    expect(to(first)).toEqual([APPROVER, REGISTRANT]);
    for (const mail of first) {
      expect(mail.subject).toBe(`[${number}] Listo para sus pruebas: ${SUBJECT}`);
    }

    // The registrant reports the failures («Reportar fallas»): the release is rejected.
    const reported = await act(Role.CLIENT_USER, 'reportFailures', { number, note: FAILURES });
    expect(reported.state).toBe('IN_DEVELOPMENT');
    // The approver who authorized it hears of it, once; the registrant gets no copy of their own.
    const [toApprover] = await sentExactly(rowsOf(number, 'FAILURES_REPORTED'), 1);
    expect(toApprover.to).toEqual([APPROVER]);
    expect(toApprover.subject).toBe(`[${number}] Fallas reportadas en la entrega 1: ${SUBJECT}`);
    expect(toApprover.text).toContain(
      `Úrsula Usuaria reportó fallas en la entrega 1 del ticket ${number}.`,
    );
    expect(toApprover.text).toContain(`Fallas:\n> ${FAILURES}`);
    // The agent's email of the same report, with a key (and Message-ID) of its own.
    const [toAgent] = await sentExactly(
      rowsOf(number, 'PROVIDER_CLIENT_ACTIVITY', 'FAILURES_REPORTED'),
      1,
    );
    expect(toAgent.to).toEqual([AGENT]);
    // The demo agent reads English.
    expect(toAgent.subject).toBe(`[${number}] Failures reported in testing: ${SUBJECT}`);
    expect(toAgent.messageId).not.toBe(toApprover.messageId);

    // The approver reads English; the agent releases the fixes.
    await world.db.query(`UPDATE app_user SET locale = 'en' WHERE email = $1`, [APPROVER]);
    try {
      const released = await act(Role.AGENT, 'releaseForTesting', {
        number,
        note: 'Corregimos el total por cliente.',
      });
      expect(released.state).toBe('RELEASED_FOR_TESTING');
      const all = await sentExactly(rowsOf(number, 'RELEASED_FOR_TESTING'), 4);
      const second = all.slice(2);
      expect(to(second)).toEqual([APPROVER, REGISTRANT]);
      const mailTo = (address: string) => second.find((m) => m.to.includes(address))!;
      expect(mailTo(REGISTRANT).subject).toBe(
        `[${number}] Nueva entrega tras las fallas reportadas (entrega 2): ${SUBJECT}`,
      );
      expect(mailTo(REGISTRANT).text).toContain(
        `Nueva entrega del ticket ${number} tras las fallas reportadas: la entrega 2 está lista para sus pruebas`,
      );
      expect(mailTo(APPROVER).subject).toBe(
        `[${number}] New delivery after the reported failures (release 2): ${SUBJECT}`,
      );
      // Not the first release's email again: its own Message-IDs.
      const firstIds = new Set(first.map((m) => m.messageId));
      expect(second.filter((m) => firstIds.has(m.messageId))).toEqual([]);
    } finally {
      await world.db.query(`UPDATE app_user SET locale = 'es-MX' WHERE email = $1`, [APPROVER]);
    }
  });

  it("#5/#6/#9: a re-estimate request: the agent's email gives the new estimate's deadline and version; the registrant reads who authorizes", async () => {
    const number = await estimatedRequirement({ subject: SUBJECT, hours: 6, projected: true });
    await act(
      Role.CLIENT_APPROVER,
      'requestReestimate',
      { number, estimateVersion: 1, reason: 'Cotícelo sin la exportación a Excel.' },
      'EstimateFeedbackInput',
    );
    const client = await sentExactly(rowsOf(number, 'REESTIMATE_REQUESTED'), 2);
    expect(to(client)).toEqual([APPROVER, REGISTRANT]);
    const mailTo = (address: string) => client.find((m) => m.to.includes(address))!;
    const registrant = mailTo(REGISTRANT);
    expect(registrant.subject).toBe(`[${number}] Reestimación solicitada para la v1: ${SUBJECT}`);
    expect(registrant.text).toContain('Arturo Aprobador pidió una nueva estimación');
    expect(registrant.text).toContain(
      'Enviaremos una nueva estimación, que debe autorizar por escrito un aprobador autorizado de su organización (Arturo Aprobador).',
    );
    expect(registrant.text).not.toContain('para su autorización');
    expect(mailTo(APPROVER).text).toContain(
      'Le enviaremos una nueva estimación para su autorización.',
    );
    const due = /Nueva estimación a más tardar: (.+)/.exec(registrant.text)?.[1];
    expect(due).toMatch(/^\S+, \d+ de \S+ de 20\d\d, /);

    const [agent] = await sentExactly(
      rowsOf(number, 'PROVIDER_CLIENT_ACTIVITY', 'REESTIMATE_REQUESTED'),
      1,
    );
    expect(agent.to).toEqual([AGENT]);
    // QA S60 #9: the agent (the demo agent reads English) reads which version is to be redone.
    expect(agent.subject).toBe(`[${number}] Re-estimate requested for v1: ${SUBJECT}`);
    // QA S60 #5: by when, in the agent's language, from the clock the client's email reads.
    expect(agent.text).toMatch(
      /The requirement is back in diagnosis: send a new estimate no later than \S+, \S+ \d+, 20\d\d(,| at) \d+:\d\d\s[AP]M \([^)]+\); the diagnosis clock \(5 business days\) runs again\./,
    );
    const deadlines = await world.db.query<{ event_type: string; due: string }[]>(
      `SELECT DISTINCT event_type, coalesce(payload -> 'event' ->> 'clockDeadline',
                                            payload -> 'event' ->> 'diagnosisDeadline') AS due
         FROM email_outbox
        WHERE ticket_number = $1
          AND event_type IN ('REESTIMATE_REQUESTED', 'PROVIDER_CLIENT_ACTIVITY')
          AND (event_type = 'REESTIMATE_REQUESTED'
               OR payload -> 'event' ->> 'activity' = 'REESTIMATE_REQUESTED')`,
      [number],
    );
    expect(deadlines).toHaveLength(2);
    expect(deadlines[0].due).toBeTruthy();
    expect(deadlines[1].due).toBe(deadlines[0].due);
  });
});
