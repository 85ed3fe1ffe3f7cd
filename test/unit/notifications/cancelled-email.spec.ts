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

// QA S62 review (L3-09, RFC 5546): a cancelled ticket's published release date leaves only the
// calendars that hold it (`releaseHeldBy`, read from the outbox when the email is queued), as its
// remote session does; anyone else told reads it without a file.
describe('«Ticket cancelado»: the release date cancelled only where held', () => {
  const event: CancelledEvent = {
    ...CANCELLED,
    releaseDate: '2026-03-10',
    releaseHeldBy: ['u-registrant'],
  };
  const holder = { ...ES, id: 'u-registrant' };
  const later = { ...ES, id: 'u-participant', email: 'pablo@aurora.example' };

  it("the holder's email cancels the entry; a participant added since reads it without a file, es-MX and en", () => {
    const held = renderEmail(event, holder, OPTIONS)!;
    expect(held.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`${TICKET.number}-release.ics`, 'text/calendar; charset=utf-8; method=CANCEL'],
    ]);
    expect(held.text).toContain(
      'La entrega para pruebas que estaba publicada queda cancelada; el archivo adjunto la quita de su calendario.',
    );
    const other = renderEmail(event, later, OPTIONS)!;
    expect(other.attachments).toEqual([]);
    expect(other.text).toContain('La entrega para pruebas que estaba publicada queda cancelada.');
    expect(other.text).not.toContain('archivo adjunto');
    const en = renderEmail(event, { ...later, locale: Locale.EN }, OPTIONS)!;
    expect(en.text).toContain('The published release for testing is cancelled.');
    expect(en.text).not.toContain('attached file');
    // Queued before `releaseHeldBy`: every recipient's email cancels it, as then.
    const { releaseHeldBy: _, ...before } = event;
    expect(renderEmail(before, later, OPTIONS)!.attachments).toHaveLength(1);
  });
});
