import { Locale } from '../../../src/identity/locale.enum';
import type { ClosedEvent } from '../../../src/notifications/notification-event';
import {
  renderEmail,
  type EmailRecipient,
} from '../../../src/notifications/templates/render-email';
import { RENDER_OPTIONS, SAMPLE_EVENTS, sampleRecipient } from '../fixtures/sample-email';

// L3-09, L3-12/L3-13 (QA S18): «Ticket cerrado» says the hours the ticket charged to the package
// and, when the authorized reservation was larger, the hours that go back; a ticket nobody logged time
// on nor reserved hours for says nothing of hours; a no-charge ticket's work is told (L3-18). The numbers come with the event
// (read from the ledger when it is queued: test/integration/closed-email-hours.spec.ts).

const CLOSED = SAMPLE_EVENTS.CLOSED;
const OPTIONS = RENDER_OPTIONS;
const ES = sampleRecipient(Locale.ES_MX);
const EN = sampleRecipient(Locale.EN);
const text = (event: ClosedEvent, to: EmailRecipient) => renderEmail(event, to, OPTIONS)!.text;

describe('«Ticket cerrado» says the hours (L3-09, L3-12/L3-13)', () => {
  it('an accepted requirement: hours charged and the unused reservation given back, es-MX and en', () => {
    const event: ClosedEvent = {
      ...CLOSED,
      outcome: 'ACCEPTED',
      chargedHours: 9.5,
      returnedHours: 2.5,
    };
    expect(text(event, ES)).toContain('Horas cargadas a su paquete: 9.5 h');
    expect(text(event, ES)).toContain('Se devuelven 2.5 h no usadas a su paquete.');
    expect(text(event, EN)).toContain('Hours charged to your package: 9.5 h');
    expect(text(event, EN)).toContain('2.5 unused hours go back to your package.');
  });

  it('every reserved hour used: the charged hours, nothing given back', () => {
    const es = text({ ...CLOSED, outcome: 'ACCEPTED', chargedHours: 8 }, ES);
    expect(es).toContain('Horas cargadas a su paquete: 8 h');
    expect(es).not.toContain('no usada');
  });

  it('a problem with charged time says it; one without says nothing of hours', () => {
    expect(text({ ...CLOSED, outcome: 'CONFIRMED', chargedHours: 1.25 }, ES)).toContain(
      'Horas cargadas a su paquete: 1.25 h',
    );
    // L3-18: a no-charge problem's work, none of it charged.
    const free = text({ ...CLOSED, outcome: 'CONFIRMED', chargedHours: 0, loggedHours: 2 }, ES);
    expect(free).toContain('Horas cargadas a su paquete: 0 h');
    expect(free).toContain('Horas trabajadas: 2 h');
    expect(
      text({ ...CLOSED, outcome: 'CONFIRMED', chargedHours: 0, loggedHours: 2 }, EN),
    ).toContain('Hours worked: 2 h');
    const none = text({ ...CLOSED, outcome: 'CONFIRMED' }, ES);
    expect(none).not.toMatch(/Horas cargadas|no usada|paquete/);
    expect(text({ ...CLOSED, outcome: 'CONFIRMED' }, EN)).not.toMatch(/charged|package/);
  });
});
