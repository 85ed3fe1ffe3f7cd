import { Locale } from '../../../src/identity/locale.enum';
import type { CancelledEvent } from '../../../src/notifications/notification-event';
import {
  renderEmail,
  type EmailRecipient,
} from '../../../src/notifications/templates/render-email';
import { sampleEvents } from '../../../src/notifications/testing/sample-events';
import type { TimelineEvent } from '../../../workflows/ticket/ticket.contract';
import type { ReadModelSlice } from '../../../workflows/ticket/ticket-projection';
import { notificationFor } from '../../../src/tickets/ticket-notifications';

// QA (L3-11, L3-12): «Ticket cancelado» says who cancelled the ticket and, when an authorized
// estimate had reserved hours, that the unused ones go back to the balance (no number: the ledger
// releases them after the ticket ends, less the time logged, so the amount is not known here).

const TICKET = {
  number: 'L3-2026-000123',
  subject: 'Factura no timbra',
  registrantId: 'u-registrant',
  clientOrgId: 'org-aurora',
};
const CANCELLED = sampleEvents(TICKET, { agentId: 'u-agent', approverId: 'u-approver' }).CANCELLED;
const OPTIONS = {
  publicUrl: 'https://soporte.example/',
  from: 'Soporte L3 <soporte@becken.example>',
  domain: 'becken.example',
  names: new Map([['u-registrant', 'Úrsula Usuaria']]),
};
const ES: EmailRecipient = {
  email: 'usuario@aurora.example',
  displayName: 'Úrsula Usuaria',
  locale: Locale.ES_MX,
  timeZone: 'America/Mexico_City',
};
const EN: EmailRecipient = { ...ES, locale: Locale.EN };
const text = (event: CancelledEvent, to: EmailRecipient) => renderEmail(event, to, OPTIONS)!.text;

const slice = (authorizations: readonly object[]) =>
  ({
    releaseDate: null,
    details: { estimates: [], authorizations },
  }) as unknown as ReadModelSlice;
const cancel: TimelineEvent = {
  seq: 9,
  type: 'cancel',
  at: '2026-03-02T16:00:00.000Z',
  actor: { userId: 'u-registrant', role: 'CLIENT_USER' } as never,
  data: { note: 'Ya no aplica' },
};

describe('«Ticket cancelado» (QA, L3-11/L3-12)', () => {
  it('names who cancelled and says the unused reserved hours go back, es-MX and en', () => {
    const event = { ...CANCELLED, cancelledById: 'u-registrant', releasesReservedHours: true };
    expect(text(event, ES)).toContain('Cancelado por: Úrsula Usuaria');
    expect(text(event, ES)).toContain('Las horas reservadas que no se usaron vuelven a su saldo.');
    expect(text(event, EN)).toContain('Cancelled by: Úrsula Usuaria');
    expect(text(event, EN)).toContain(
      'The reserved hours that were not used go back to your balance.',
    );
  });

  it('says nothing of hours without an authorized estimate, nor a name nobody is recorded for', () => {
    const es = text(CANCELLED, ES);
    expect(es).not.toContain('Cancelado por');
    expect(es).not.toContain('horas reservadas');
    expect(text({ ...CANCELLED, cancelledById: 'u-unknown' }, ES)).not.toContain('Cancelado por');
  });

  it('the cancel event carries who cancelled and whether an authorization reserved hours', () => {
    expect(notificationFor(TICKET, cancel, slice([]))).toEqual(
      expect.objectContaining({ type: 'CANCELLED', cancelledById: 'u-registrant' }),
    );
    expect(notificationFor(TICKET, cancel, slice([]))).not.toHaveProperty('releasesReservedHours');
    const authorized = slice([{ estimateVersion: 1, approverId: 'u-ap', statement: 'Sí', at: '' }]);
    expect(notificationFor(TICKET, cancel, authorized)).toMatchObject({
      releasesReservedHours: true,
      reason: 'Ya no aplica',
    });
  });
});
