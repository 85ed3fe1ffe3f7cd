import { Role } from '../../src/identity/role.enum';
import { caughtAtLeast, subjectHas } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { ticketJourneys } from '../support/ticket-journeys';
import {
  registerProjectedTicket,
  useWorldWithWorker,
  worldCalls,
} from '../support/world-with-worker';

// L3-08/L3-09 (QA S18) on the real stack: the estimate's email invites the organization's approver
// to «Revisar y autorizar»; the registrant, who is not an approver, gets it without that action and
// is told that an authorized approver of the organization (named) must authorize it. One email
// each.

const REGISTRANT = 'usuario@aurora.example';
const APPROVER = 'aprobador@aurora.example';

describe('the estimate email invites only approvers to authorize (L3-08, L3-09)', () => {
  const world = useWorldWithWorker('estimate-email-approvers');

  const { act } = ticketJourneys(world);
  /** The emails of `number` whose subject holds `subject`, to `to` (once at least one came). */
  const mailsTo = (number: string, subject: string, to: string) =>
    caughtAtLeast(1, (m) => subjectHas(number, subject)(m) && m.to.includes(to));
  /** An agent triages `number` as a development requirement (L3-06, L3-08). */
  /** Runs `steps` with the user of `email` reading English, then gives them Spanish back. */
  const inEnglish = async (email: string, steps: () => Promise<void>) => {
    await world.db.query(`UPDATE app_user SET locale = 'en' WHERE email = $1`, [email]);
    try {
      await steps();
    } finally {
      await world.db.query(`UPDATE app_user SET locale = 'es-MX' WHERE email = $1`, [email]);
    }
  };
  const classifyAsDevelopment = (number: string) =>
    act(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
      'ClassifyTicketInput',
    );

  it('registrant: who must authorize, no action; approver: «Revisar y autorizar»', async () => {
    const number = await registerProjectedTicket(world, {});
    await classifyAsDevelopment(number);
    // QA S18 (L3-08): the classification's email carries the diagnosis clock's own target (the
    // ticket's clock run), and says it; no text writes it by heart.
    const [classified] = await eventually(
      () =>
        world.db.query<{ text: string; payload: { event: { clockTargetDays?: number } } }[]>(
          `SELECT text, payload FROM email_outbox
            WHERE ticket_number = $1 AND event_type = 'CLASSIFIED'
              AND recipient_address = 'usuario@aurora.example'`,
          [number],
        ),
      (rows) => rows.length === 1,
    );
    expect(classified.payload.event.clockTargetDays).toBe(5);
    expect(classified.text).toContain(
      'En un máximo de 5 días hábiles le enviaremos un diagnóstico',
    );
    await act(
      Role.AGENT,
      'submitEstimate',
      { number, hours: 12, scope: 'Reporte de cobranza' },
      'SubmitEstimateInput',
    );
    const estimateMail = (to: string) => mailsTo(number, 'Estimación por autorizar', to);

    const [registrant, ...moreToRegistrant] = await estimateMail('usuario@aurora.example');
    expect(moreToRegistrant).toHaveLength(0);
    expect(registrant.text).not.toContain('Revisar y autorizar');
    expect(registrant.html).not.toContain('Revisar y autorizar');
    expect(registrant.text).toContain(
      'debe autorizarla por escrito un aprobador autorizado de su organización (Arturo Aprobador)',
    );
    expect(registrant.text).toContain(`Ver el ticket: `);

    const [approver, ...moreToApprover] = await estimateMail('aprobador@aurora.example');
    expect(moreToApprover).toHaveLength(0);
    expect(approver.text).toContain(`Revisar y autorizar: `);
    expect(approver.text).toContain(`/tickets/${number}/estimaciones/1`);
    expect(approver.text).not.toContain('aprobador autorizado de su organización (');
    // L3-12: the 12 h fit in the package: no word of a shortfall.
    expect(approver.text).not.toContain('no alcanza');
  });

  it('L3-12: an estimate beyond the available hours tells how many are available, needed and missing', async () => {
    const { hourBalance } = await worldCalls(world).ok<{ hourBalance: { available: number } }>(
      `query ($id: ID!) { hourBalance(organizationId: $id) { available } }`,
      { id: world.orgIds['comercializadora-aurora'] },
    );
    const available = hourBalance.available;
    const number = await registerProjectedTicket(world, {});
    await classifyAsDevelopment(number);
    // The approver reads English; the registrant Spanish.
    await inEnglish(APPROVER, async () => {
      await act(
        Role.AGENT,
        'submitEstimate',
        { number, hours: available + 2.5, scope: 'Portal de clientes' },
        'SubmitEstimateInput',
      );
      const [approver, ...moreToApprover] = await mailsTo(
        number,
        'Estimate to authorize',
        APPROVER,
      );
      expect(moreToApprover).toHaveLength(0);
      expect(approver.text).toContain(
        `Your prepaid hour balance does not cover this estimate: ${available} h available, and the estimate needs ${available + 2.5} h; 2.5 h short.`,
      );
      expect(approver.html).toContain('2.5 h short');
      const [registrant] = await mailsTo(number, 'Estimación por autorizar', REGISTRANT);
      expect(registrant.text).toContain(
        `Su saldo de horas prepagadas no alcanza para autorizar esta estimación: hay ${available} h disponibles y la estimación requiere ${available + 2.5} h; faltan 2.5 h.`,
      );
    });
  });

  it('L3-18: the estimate of a ticket marked «Sin cargo al paquete» does not say its hours are charged', async () => {
    const number = await registerProjectedTicket(world, {});
    await classifyAsDevelopment(number);
    await ticketJourneys(world).markNoCharge(number);
    await act(
      Role.AGENT,
      'submitEstimate',
      { number, hours: 3, scope: 'Corrección del reporte' },
      'SubmitEstimateInput',
    );
    const [approver] = await mailsTo(
      number,
      'Estimación por autorizar',
      'aprobador@aurora.example',
    );
    expect(approver.text).toContain(
      'Este ticket está marcado «Sin cargo al paquete»: estas horas no se cargarán a su paquete prepagado. Para autorizar,',
    );
    expect(approver.text).not.toContain('Las horas se cargarán a su paquete prepagado.');
  });

  it("L3-09, L3-11: the approver's note beside the written authorization reaches the registrant and the approver, in each one's language", async () => {
    const number = await ticketJourneys(world).estimatedRequirement({
      subject: 'Reporte de cobranza por cliente',
      hours: 6,
      projected: true,
    });
    const statement = 'Autorizo por escrito la estimación v1 de 6 horas.';
    const note = 'Avísenme <antes> de publicarlo en producción.';
    await inEnglish(APPROVER, async () => {
      await act(
        Role.CLIENT_APPROVER,
        'authorizeEstimate',
        { number, estimateVersion: 1, statement, note },
        'AuthorizeEstimateInput',
      );
      const [registrant, ...moreToRegistrant] = await mailsTo(
        number,
        'Estimación v1 autorizada',
        REGISTRANT,
      );
      expect(moreToRegistrant).toHaveLength(0);
      expect(registrant.text).toContain(`Autorización escrita:\n> ${statement}`);
      expect(registrant.text).toContain(`Nota:\n> ${note}`);
      expect(registrant.html).toContain('Avísenme &lt;antes&gt; de publicarlo en producción.');
      // L3-09 (QA S54): by when the release date is published, the scheduling clock's deadline.
      expect(registrant.text).toMatch(
        /En un máximo de 2 días hábiles, a más tardar el \S+, \d+ de \S+ de 20\d\d.*, publicaremos la fecha estimada de entrega/,
      );

      const [approver, ...moreToApprover] = await mailsTo(
        number,
        'Estimate v1 authorized',
        APPROVER,
      );
      expect(moreToApprover).toHaveLength(0);
      expect(approver.text).toContain(`Written authorization:\n> ${statement}`);
      expect(approver.text).toContain(`Note:\n> ${note}`);
      expect(approver.text).toMatch(
        /Within 2 business days, no later than \S+, \S+ \d+, 20\d\d.*, we will publish the estimated release date/,
      );
    });
  });

  it("L3-18: a no-charge ticket's authorized change order does not say its hours are reserved", async () => {
    const number = await ticketJourneys(world).requirementInDevelopment({
      subject: 'Ajuste de la factura electrónica',
      hours: 2,
    });
    await ticketJourneys(world).markNoCharge(number);
    await act(
      Role.AGENT,
      'submitChangeOrder',
      { number, additionalHours: 4, scope: 'Un segundo formato de factura' },
      'SubmitChangeOrderInput',
    );
    await act(
      Role.CLIENT_APPROVER,
      'authorizeChangeOrder',
      {
        number,
        estimateVersion: 2,
        statement: 'Autorizo por escrito las 4 horas adicionales, sin cargo.',
      },
      'AuthorizeEstimateInput',
    );
    const [approver] = await mailsTo(
      number,
      'Orden de cambio v2 autorizada: +4 h',
      'aprobador@aurora.example',
    );
    expect(approver.text).toContain(
      'Este ticket está marcado «Sin cargo al paquete»: las 4 h adicionales no se reservan ni se cobran de su paquete prepagado.',
    );
    expect(approver.text).not.toContain('quedan reservadas de su paquete prepagado');
  });
});
