import { Locale } from '../../../src/identity/locale.enum';
import type { CancelledEvent } from '../../../src/notifications/notification-event';
import {
  renderEmail,
  type EmailRecipient,
} from '../../../src/notifications/templates/render-email';
import type { TimelineEvent } from '../../../workflows/ticket/ticket.contract';
import type { ReadModelSlice } from '../../../workflows/ticket/ticket-projection';
import { notificationFor } from '../../../src/tickets/ticket-notifications';
import { NAMED_OPTIONS, sampleEventsOf, sampleRecipient } from '../fixtures/sample-email';

// QA (L3-11, L3-12): «Ticket cancelado» says who cancelled the ticket and, when an authorized
// estimate had reserved hours, how many unused ones go back to the package (the cancel event
// carries the ledger's answer), nothing of hours when none do. Events recorded before the
// cancellation released the hours itself lack the number: their email says so without one.

const { CANCELLED } = sampleEventsOf({ subject: 'Factura no timbra' });
const TICKET = CANCELLED.ticket;
const OPTIONS = NAMED_OPTIONS;
const ES = sampleRecipient(Locale.ES_MX);
const EN = sampleRecipient(Locale.EN);
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

  it('names how many unused hours go back when the cancel event carries them, es-MX and en', () => {
    const event = { ...CANCELLED, releasedHours: 6.5 };
    expect(text(event, ES)).toContain('Se devuelven 6.5 h no usadas a su paquete.');
    expect(text(event, ES)).not.toContain('vuelven a su saldo');
    expect(text(event, EN)).toContain('6.5 unused hours go back to your package.');
    expect(text({ ...CANCELLED, releasedHours: 1 }, ES)).toContain(
      'Se devuelve 1 h no usada a su paquete.',
    );
    expect(text({ ...CANCELLED, releasedHours: 1 }, EN)).toContain(
      '1 unused hour goes back to your package.',
    );
  });

  it('the released hours come from the cancel event: a number when some went back, nothing when none did, the old words for older events', () => {
    const authorized = slice([{ estimateVersion: 1, approverId: 'u-ap', statement: 'Sí', at: '' }]);
    const released = { ...cancel, data: { note: 'Ya no aplica', releasedHours: 6.5 } };
    const email = notificationFor(TICKET, released, authorized);
    expect(email).toMatchObject({ type: 'CANCELLED', releasedHours: 6.5 });
    expect(email).not.toHaveProperty('releasesReservedHours');
    // Every reserved hour was used: nothing about hours.
    const none = notificationFor(
      TICKET,
      { ...cancel, data: { note: 'Ya no aplica', releasedHours: 0 } },
      authorized,
    )!;
    expect(none).not.toHaveProperty('releasedHours');
    expect(none).not.toHaveProperty('releasesReservedHours');
    expect(text(none as CancelledEvent, ES)).not.toMatch(/horas|\bh\b/);
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
