import { Locale } from '../../../src/identity/locale.enum';
import type { NotificationEvent } from '../../../src/notifications/notification-event';
import {
  renderEmail,
  type EmailRecipient,
} from '../../../src/notifications/templates/render-email';
import {
  RENDER_OPTIONS,
  SAMPLE_EVENTS,
  SAMPLE_TICKET,
  sampleRegistrant,
} from '../fixtures/sample-email';

// L3-08/L3-09 (QA S18): an estimate's email (and its reminders, L3-12 change orders too) invites
// only the organization's approvers to «Revisar y autorizar». A registrant who is not an approver
// gets «Ver ticket» and is told that an authorized approver must authorize it, by name when the
// email knows them.

const EVENTS = SAMPLE_EVENTS;
const OPTIONS = {
  ...RENDER_OPTIONS,
  names: new Map([
    ['u-approver', 'Arturo Aprobador'],
    ['u-approver-2', 'Beatriz Borja'],
  ]),
};
const REGISTRANT = sampleRegistrant();
const APPROVER: EmailRecipient = {
  ...REGISTRANT,
  id: 'u-approver',
  email: 'aprobador@aurora.example',
  displayName: 'Arturo Aprobador',
};
const EN = (r: EmailRecipient): EmailRecipient => ({ ...r, locale: Locale.EN });
const approvers = ['u-approver', 'u-approver-2'];

const TYPES = ['ESTIMATE_SUBMITTED', 'ESTIMATE_REMINDER', 'CHANGE_ORDER_REMINDER'] as const;
const withApprovers = (
  type: (typeof TYPES)[number],
  ids: readonly string[],
): NotificationEvent => ({
  ...EVENTS[type],
  approverIds: ids,
});
const email = (event: NotificationEvent, to: EmailRecipient) => renderEmail(event, to, OPTIONS)!;

describe('estimate emails invite only approvers to authorize (L3-08, L3-09, L3-12)', () => {
  it.each(TYPES)(
    '%s: the registrant who is not an approver is told who authorizes, not invited to',
    (type) => {
      const es = email(withApprovers(type, approvers), REGISTRANT);
      expect(es.text).not.toContain('Revisar y autorizar');
      expect(es.html).not.toContain('Revisar y autorizar');
      expect(es.text).not.toContain('su autorización');
      expect(es.text).toContain('de su organización');
      expect(es.text).toContain(
        'un aprobador autorizado de su organización (Arturo Aprobador o Beatriz Borja)',
      );
      // Their one link opens the ticket, where the estimate waits.
      expect(es.text).toContain(
        `Ver el ticket: https://soporte.example/tickets/${SAMPLE_TICKET.number}`,
      );
      expect(es.html).not.toContain('/estimaciones/');
      const en = email(withApprovers(type, approvers), EN(REGISTRANT));
      expect(en.text).not.toContain('Review and authorize');
      expect(en.text).not.toContain('your authorization');
      expect(en.text).toMatch(
        /an authorized approver of your organization \(Arturo Aprobador or Beatriz Borja\)/i,
      );
    },
  );

  it.each(TYPES)('%s: an approver keeps «Revisar y autorizar»', (type) => {
    const es = email(withApprovers(type, approvers), APPROVER);
    expect(es.text).toContain('Revisar y autorizar');
    expect(es.text).not.toContain('aprobador autorizado de su organización (');
    expect(email(withApprovers(type, approvers), EN(APPROVER)).text).toContain(
      'Review and authorize',
    );
  });

  it('a registrant who is also an approver keeps the action', () => {
    const event = withApprovers('ESTIMATE_SUBMITTED', ['u-registrant', 'u-approver']);
    expect(email(event, REGISTRANT).text).toContain('Revisar y autorizar');
  });

  it('no approver known by name: the line says so in general', () => {
    const es = email(withApprovers('ESTIMATE_SUBMITTED', []), REGISTRANT).text;
    expect(es).toContain(
      'debe autorizarla por escrito un aprobador autorizado de su organización.',
    );
    expect(es).not.toContain('Revisar y autorizar');
  });

  it('a reminder waits for the reader’s written authorization, or for their organization’s', () => {
    for (const type of ['ESTIMATE_REMINDER', 'CHANGE_ORDER_REMINDER'] as const) {
      const event = withApprovers(type, approvers);
      expect(email(event, APPROVER).text).toContain('sigue esperando su autorización por escrito.');
      expect(email(event, EN(APPROVER)).text).toContain(
        'is still waiting for your written authorization.',
      );
      expect(email(event, REGISTRANT).text).toContain(
        'sigue esperando la autorización por escrito de su organización.',
      );
      expect(email(event, EN(REGISTRANT)).text).toContain(
        "is still waiting for your organization's written authorization.",
      );
    }
  });

  it('L3-12: a change order the balance does not cover says what it needs and what is missing', () => {
    const event = {
      ...EVENTS.ESTIMATE_SUBMITTED,
      approverIds: approvers,
      estimateVersion: 2,
      hours: 16,
      additionalHours: 4.5,
      shortfall: { availableHours: 1.25, requestedHours: 4.5, shortfallHours: 3.25 },
    };
    expect(email(event, APPROVER).text).toContain(
      'Su saldo de horas prepagadas no alcanza para autorizar esta orden de cambio: hay 1.25 h disponibles y la orden requiere 4.5 h adicionales; faltan 3.25 h.',
    );
    expect(email(event, EN(APPROVER)).text).toContain(
      'Your prepaid hour balance does not cover this change order: 1.25 h available, and it needs 4.5 h more; 3.25 h short.',
    );
    const { shortfall: _lacking, ...covered } = event;
    expect(email(covered, APPROVER).text).not.toContain('no alcanza');
  });

  it('L3-12, L3-09: its reminders say again what the balance lacks, as of the reminder', () => {
    const shortfall = { availableHours: 2, requestedHours: 6.5, shortfallHours: 4.5 };
    const estimate = { ...EVENTS.ESTIMATE_REMINDER, approverIds: approvers, hours: 6.5, shortfall };
    expect(email(estimate, APPROVER).text).toContain(
      'Su saldo de horas prepagadas no alcanza para autorizar esta estimación: hay 2 h disponibles y la estimación requiere 6.5 h; faltan 4.5 h.',
    );
    expect(email(estimate, EN(REGISTRANT)).text).toContain(
      'Your prepaid hour balance does not cover this estimate: 2 h available, and the estimate needs 6.5 h; 4.5 h short.',
    );
    const order = { ...EVENTS.CHANGE_ORDER_REMINDER, approverIds: approvers, shortfall };
    expect(email(order, APPROVER).text).toContain(
      'no alcanza para autorizar esta orden de cambio: hay 2 h disponibles y la orden requiere 6.5 h adicionales; faltan 4.5 h.',
    );
    for (const covered of [EVENTS.ESTIMATE_REMINDER, EVENTS.CHANGE_ORDER_REMINDER]) {
      expect(email({ ...covered, approverIds: approvers }, APPROVER).text).not.toContain(
        'no alcanza',
      );
    }
  });
});
