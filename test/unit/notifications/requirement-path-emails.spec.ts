import { Locale } from '../../../src/identity/locale.enum';
import type { NotificationEvent } from '../../../src/notifications/notification-event';
import {
  renderEmail,
  type EmailRecipient,
} from '../../../src/notifications/templates/render-email';
import {
  NAMED_OPTIONS,
  SAMPLE_EVENTS,
  SAMPLE_TICKET,
  sampleParticipant,
  sampleRecipient,
  sampleRegistrant,
} from '../fixtures/sample-email';

// QA S60 on the requirement path (L3-08, L3-09, L3-11): failures reported on a release reach the
// approver who authorized the work, and a release after them says it is the new one (#4); the
// agent's emails of a client's decision give the clock's deadline as the client's do (#5); a
// re-estimate request tells a registrant who is not an approver whose authorization the new
// estimate goes to (#6); the re-estimate's subjects name the version in both languages (#9).

const N = SAMPLE_TICKET.number;
const OPTIONS = {
  ...NAMED_OPTIONS,
  names: new Map([...NAMED_OPTIONS.names, ['u-approver-2', 'Beatriz Borja']]),
};
const REGISTRANT = sampleRegistrant();
const APPROVER: EmailRecipient = sampleRecipient(Locale.ES_MX, {
  id: 'u-approver',
  email: 'aprobador@aurora.example',
  displayName: 'Arturo Aprobador',
});
const AGENT: EmailRecipient = sampleRecipient(Locale.ES_MX, {
  id: 'u-agent',
  email: 'agente@becken.example',
  displayName: 'Alex Agent',
  side: 'STAFF',
});
const EN = (r: EmailRecipient, timeZone = r.timeZone): EmailRecipient => ({
  ...r,
  locale: Locale.EN,
  timeZone,
});
const email = (event: NotificationEvent, to: EmailRecipient) => {
  const rendered = renderEmail(event, to, OPTIONS);
  if (!rendered) throw new Error(`${event.type} rendered no email for ${to.email}`);
  return rendered;
};

describe('QA S60 #4: failures reported on a release (L3-09, L3-11)', () => {
  const reported = {
    ...SAMPLE_EVENTS.FAILURES_REPORTED,
    text: 'El total por canal no cuadra con el de ventas.',
  };

  it('the approver who authorized the work reads who reported them, on which release, and their words', () => {
    const es = email(reported, APPROVER);
    expect(es.subject).toBe(`[${N}] Fallas reportadas en la entrega 1: Reporte de ventas`);
    expect(es.text).toContain(`Úrsula Usuaria reportó fallas en la entrega 1 del ticket ${N}`);
    expect(es.text).toContain('Reportó: Úrsula Usuaria');
    expect(es.text).toContain('Fallas:\n> El total por canal no cuadra con el de ventas.');
    expect(es.text).toContain(
      'El ticket volvió a desarrollo: corregiremos las fallas y le avisaremos cuando la entrega 2 esté lista para sus pruebas.',
    );
    const en = email(reported, EN(APPROVER));
    expect(en.subject).toBe(`[${N}] Failures reported on release 1: Reporte de ventas`);
    expect(en.text).toContain(`Úrsula Usuaria reported failures on release 1 of ticket ${N}`);
    expect(en.text).toContain('Failures:\n> El total por canal no cuadra con el de ventas.');
    expect(en.text).toContain('we will fix the failures and let you know when release 2 is ready');
  });

  it('the one who reported them gets no copy of their own report; a participant is told who registered the ticket', () => {
    expect(renderEmail(reported, REGISTRANT, OPTIONS)).toBeNull();
    const byApprover = { ...reported, reporterId: 'u-approver' };
    expect(renderEmail(byApprover, APPROVER, OPTIONS)).toBeNull();
    expect(email(byApprover, REGISTRANT).text).toContain(
      `Arturo Aprobador reportó fallas en la entrega 1 del ticket ${N}.`,
    );
    expect(email(byApprover, sampleParticipant()).text).toContain(
      `Arturo Aprobador reportó fallas en la entrega 1 del ticket ${N} (registrado por Úrsula Usuaria).`,
    );
    // The registrant who reported them is named once, not again as who registered it.
    expect(email(reported, sampleParticipant()).text).toContain(
      `Úrsula Usuaria reportó fallas en la entrega 1 del ticket ${N}.`,
    );
  });

  it('a release after reported failures says so in subject and heading, naming the round; the first stays «Listo para sus pruebas»', () => {
    const second = { ...SAMPLE_EVENTS.RELEASED_FOR_TESTING, release: 2 };
    const es = email(second, APPROVER);
    expect(es.subject).toBe(
      `[${N}] Nueva entrega tras las fallas reportadas (entrega 2): Reporte de ventas`,
    );
    expect(es.text).toContain(
      `Nueva entrega del ticket ${N} tras las fallas reportadas: la entrega 2 está lista para sus pruebas: Reporte de ventas`,
    );
    expect(es.text).toContain(
      'Entrega: 2, con las correcciones de las fallas reportadas en la entrega 1',
    );
    expect(es.text).not.toContain('Listo para sus pruebas');
    const en = email(second, EN(APPROVER));
    expect(en.subject).toBe(
      `[${N}] New delivery after the reported failures (release 2): Reporte de ventas`,
    );
    expect(en.text).toContain(
      `New delivery of ticket ${N} after the reported failures: release 2 is ready for your testing`,
    );
    const first = { ...SAMPLE_EVENTS.RELEASED_FOR_TESTING, release: 1 };
    expect(email(first, APPROVER).subject).toBe(`[${N}] Listo para sus pruebas: Reporte de ventas`);
    expect(email(first, EN(APPROVER)).subject).toBe(
      `[${N}] Ready for your testing: Reporte de ventas`,
    );
    // A payload queued before releases were counted reads as the first.
    expect(email(SAMPLE_EVENTS.RELEASED_FOR_TESTING, APPROVER).subject).toBe(
      email(first, APPROVER).subject,
    );
  });
});

describe("QA S60 #5: the agent's decision emails give the clock's deadline (L3-08, L3-09)", () => {
  // Thursday 10 December 2026, 5:00 p.m. in Mexico City; Friday 8:00 a.m. in Tokyo.
  const deadline = '2026-12-10T23:00:00.000Z';
  const decision = (
    activity: 'ESTIMATE_AUTHORIZED' | 'ESTIMATE_REJECTED' | 'REESTIMATE_REQUESTED',
  ) => ({
    ...SAMPLE_EVENTS.PROVIDER_CLIENT_ACTIVITY,
    activity,
    actorId: 'u-approver',
    estimateVersion: 1,
    clockDeadline: deadline,
  });

  it('«Estimación autorizada»: by when the release date is due, as the client reads it', () => {
    const es = email(decision('ESTIMATE_AUTHORIZED'), AGENT).text;
    expect(es).toContain(
      'Publique la fecha de entrega para pruebas a más tardar el jueves, 10 de diciembre de 2026, 5:00 p.m.',
    );
    expect(es).toContain('el plazo de programación (2 días hábiles) corre desde la autorización');
    // The same words the client's email of the same authorization gives for the same deadline.
    const client = email(
      { ...SAMPLE_EVENTS.AUTHORIZATION_RECORDED, schedulingDeadline: deadline },
      REGISTRANT,
    ).text;
    const due = /a más tardar el ([^,]+, [^,]+, [^,]+\)),/.exec(client)?.[1];
    expect(due).toMatch(/^jueves, 10 de diciembre de 2026, 5:00 p\.m\. \(/);
    expect(es).toContain(`a más tardar el ${due}:`);
    // In the agent's zone and language.
    const en = email(decision('ESTIMATE_AUTHORIZED'), EN(AGENT, 'Asia/Tokyo')).text;
    expect(en).toMatch(
      /Publish the release date for testing no later than Friday, December 11, 2026(,| at) 8:00\sAM \([^)]+\): the scheduling clock \(2 business days\) runs from the authorization/,
    );
  });

  it.each(['ESTIMATE_REJECTED', 'REESTIMATE_REQUESTED'] as const)(
    '%s: by when the new estimate is due, and that the diagnosis clock runs again',
    (activity) => {
      expect(email(decision(activity), AGENT).text).toContain(
        'El requerimiento volvió a diagnóstico: envíe una nueva estimación a más tardar el jueves, 10 de diciembre de 2026, 5:00 p.m.',
      );
      expect(email(decision(activity), EN(AGENT)).text).toMatch(
        /send a new estimate no later than Thursday, December 10, 2026(,| at) 5:00\sPM \([^)]+\); the diagnosis clock \(5 business days\) runs again\./,
      );
    },
  );

  it('without a running clock (an older payload) the next step is told without a date', () => {
    const { clockDeadline: _none, ...older } = decision('ESTIMATE_AUTHORIZED');
    expect(email(older, AGENT).text).toContain(
      'Publique la fecha de entrega para pruebas: el plazo de programación',
    );
  });
});

describe('QA S60 #6: a re-estimate request, worded for who reads it (L3-08, L3-09)', () => {
  const asked = {
    ...SAMPLE_EVENTS.REESTIMATE_REQUESTED,
    requesterId: 'u-registrant',
    approverIds: ['u-approver', 'u-approver-2'],
  };

  it('an approver reads that the new estimate comes for their authorization', () => {
    expect(email(asked, APPROVER).text).toContain(
      'Le enviaremos una nueva estimación para su autorización.',
    );
    expect(email(asked, EN(APPROVER)).text).toContain(
      'We will send you a new estimate for your authorization.',
    );
  });

  it('a registrant who is not an approver reads whose authorization it goes to, by name', () => {
    const es = email({ ...asked, requesterId: 'u-approver' }, REGISTRANT).text;
    expect(es).toContain('Arturo Aprobador pidió una nueva estimación');
    expect(es).not.toContain('su autorización');
    expect(es).toContain(
      'Enviaremos una nueva estimación, que debe autorizar por escrito un aprobador autorizado de su organización (Arturo Aprobador o Beatriz Borja).',
    );
    const en = email(asked, EN(REGISTRANT)).text;
    expect(en).not.toContain('your authorization');
    expect(en).toContain(
      'We will send a new estimate, which an authorized approver of your organization (Arturo Aprobador or Beatriz Borja) must authorize in writing.',
    );
  });

  it('no approver known: said in general; a payload queued before approvers were listed keeps the old words', () => {
    expect(email({ ...asked, approverIds: [] }, REGISTRANT).text).toContain(
      'que debe autorizar por escrito un aprobador autorizado de su organización.',
    );
    expect(email(SAMPLE_EVENTS.REESTIMATE_REQUESTED, REGISTRANT).text).toContain(
      'para su autorización.',
    );
  });
});

describe('QA S60 #9: the re-estimate subjects name the version in both languages', () => {
  it("the client's and the agent's", () => {
    const client = { ...SAMPLE_EVENTS.REESTIMATE_REQUESTED, estimateVersion: 1 };
    expect(email(client, REGISTRANT).subject).toBe(
      `[${N}] Reestimación solicitada para la v1: Reporte de ventas`,
    );
    expect(email(client, EN(REGISTRANT)).subject).toBe(
      `[${N}] Re-estimate requested for v1: Reporte de ventas`,
    );
    const agent = {
      ...SAMPLE_EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'REESTIMATE_REQUESTED' as const,
      estimateVersion: 1,
    };
    expect(email(agent, AGENT).subject).toBe(
      `[${N}] Reestimación solicitada para la v1: Reporte de ventas`,
    );
    expect(email(agent, EN(AGENT)).subject).toBe(
      `[${N}] Re-estimate requested for v1: Reporte de ventas`,
    );
  });
});
