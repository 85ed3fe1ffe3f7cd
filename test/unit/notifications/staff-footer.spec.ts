import { Locale } from '../../../src/identity/locale.enum';
import type { NotificationEvent } from '../../../src/notifications/notification-event';
import {
  audienceSide,
  eventSide,
  RECIPIENT_RULES,
  selectRecipients,
  type RecipientCandidate,
} from '../../../src/notifications/recipient-rules';
import {
  renderEmail,
  type EmailRecipient,
} from '../../../src/notifications/templates/render-email';
import { NAMED_OPTIONS, sampleEventsOf, sampleRecipient } from '../fixtures/sample-email';

// L3-11: emails to provider staff end with the staff footer (the ticket link and «Este correo es
// automático…»), never the client's «comente en el ticket»; an event told to both sides gives
// each its own footer and each address one email.

const EVENTS = sampleEventsOf({ subject: 'Factura no timbra' });
const OPTIONS = NAMED_OPTIONS;
const STAFF_ES = sampleRecipient(Locale.ES_MX, {
  email: 'gerente@becken.example',
  displayName: 'Gerardo Gerente',
});
const STAFF_FOOTER_ES = 'Este correo es automático: las respuestas por correo no se leen.';
const CLIENT_FOOTER_ES =
  'Para responder, entre a la plataforma de soporte y comente en el ticket. ' + STAFF_FOOTER_ES;
const STAFF_FOOTER_EN = 'This email is automatic: replies by email are not read.';

function render(event: NotificationEvent, recipient: EmailRecipient) {
  const email = renderEmail(event, recipient, OPTIONS);
  if (!email) throw new Error(`${event.type} rendered no email`);
  return email;
}

describe('Staff footer (L3-11)', () => {
  const staffOnly = Object.values(EVENTS).filter(
    (e) => e.type !== 'INTERNAL_NOTE' && eventSide(e.type) === 'STAFF',
  );

  it('every staff-only event is a provider notice or an SLA warning', () => {
    expect(staffOnly.map((e) => e.type).sort()).toEqual([
      'PROVIDER_ASSIGNED',
      'PROVIDER_CLIENT_ACTIVITY',
      'PROVIDER_DELIVERY_AT_RISK',
      'PROVIDER_NEW_TICKET',
      'PROVIDER_RELEASE_ON_CLOSED_DAY',
      'SLA_AT_RISK',
      'SLA_BREACHED',
    ]);
  });

  it.each(staffOnly.map((e) => [e.type, e] as const))(
    '%s ends with the staff footer in es-MX and en, never «comente en el ticket»',
    (_type, event) => {
      const es = render(event, STAFF_ES);
      expect(es.text).toContain(
        `Ver el ticket: https://soporte.example/tickets/L3-2026-000123\n\n${STAFF_FOOTER_ES}\n`,
      );
      expect(es.text).not.toContain('comente en el ticket');
      expect(es.html).not.toContain('comente en el ticket');
      const en = render(event, { ...STAFF_ES, locale: Locale.EN });
      expect(en.text).toContain(STAFF_FOOTER_EN);
      expect(en.text).not.toContain('comment on the ticket');
    },
  );

  it('one event told to both sides: each reader gets their own footer', () => {
    const event = EVENTS.PROGRESS_UPDATE;
    const client = render(event, { ...STAFF_ES, email: 'usuario@aurora.example', side: 'CLIENT' });
    const staff = render(event, { ...STAFF_ES, side: 'STAFF' });
    expect(client.text).toContain(CLIENT_FOOTER_ES);
    expect(staff.text).toContain(STAFF_FOOTER_ES);
    expect(staff.text).not.toContain('comente en el ticket');
    // Same event, same words otherwise.
    expect(staff.subject).toBe(client.subject);
  });

  it('selectRecipients keeps the side of the audience that chose each address, once', () => {
    const user = (email: string): RecipientCandidate => ({
      id: email,
      email,
      displayName: email,
      locale: Locale.ES_MX,
      timeZone: 'America/Mexico_City',
      active: true,
    });
    const chosen = selectRecipients(
      {
        REGISTRANT: [user('usuario@aurora.example')],
        CLIENT_APPROVERS: [user('usuario@aurora.example'), user('aprobador@aurora.example')],
        ASSIGNEE_OR_AGENTS: [user('agente@becken.example')],
        MANAGERS: [user('gerente@becken.example'), user('agente@becken.example')],
      },
      ['REGISTRANT', 'CLIENT_APPROVERS', 'ASSIGNEE_OR_AGENTS', 'MANAGERS'],
    );
    expect(chosen.map((r) => [r.email, r.side])).toEqual([
      ['usuario@aurora.example', 'CLIENT'],
      ['aprobador@aurora.example', 'CLIENT'],
      ['agente@becken.example', 'STAFF'],
      ['gerente@becken.example', 'STAFF'],
    ]);
    expect(audienceSide('PROVIDER_STAFF')).toBe('STAFF');
    expect(audienceSide('AUTHORIZERS')).toBe('CLIENT');
    expect(eventSide('TICKET_REGISTERED')).toBe('CLIENT');
    expect(RECIPIENT_RULES.PROVIDER_NEW_TICKET.every((a) => audienceSide(a) === 'STAFF')).toBe(
      true,
    );
  });
});
