import { Locale } from '../../../src/identity/locale.enum';
import type { ClosedEvent } from '../../../src/notifications/notification-event';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { renderLowRatingEmail } from '../../../src/satisfaction/low-rating-email';
import { renderRatingReminderEmail } from '../../../src/satisfaction/rating-reminder-email';
import {
  RATING_REMINDER_BUSINESS_DAYS,
  ratingReminderDue,
  ratingReminderEventKey,
} from '../../../src/satisfaction/satisfaction-rules';
import {
  RENDER_OPTIONS,
  SAMPLE_EVENTS,
  SAMPLE_TICKET,
  sampleRecipient,
} from '../fixtures/sample-email';

// L3-11 and customer satisfaction: the closure email of a ticket that ends CLOSED invites the
// client to rate it, with a link to the rating on the ticket page; a low rating is told to the
// provider's managers in their language, with the client's words escaped.

const OPTIONS = RENDER_OPTIONS;
const ES = sampleRecipient(Locale.ES_MX);
const EN = sampleRecipient(Locale.EN, { timeZone: 'Asia/Tokyo' });
const RATING_LINK = 'https://soporte.example/tickets/L3-2026-000123#calificar';

function closed(outcome: ClosedEvent['outcome']): ClosedEvent {
  return { ...SAMPLE_EVENTS.CLOSED, outcome };
}

describe('closure email: the invitation to rate', () => {
  it.each(['CONFIRMED', 'ACCEPTED', 'ADMIN_ACTION_DONE'] as const)(
    'a ticket closed as %s invites the rating in Spanish and English, with the link',
    (outcome) => {
      const es = renderEmail(closed(outcome), ES, OPTIONS)!;
      const en = renderEmail(closed(outcome), EN, OPTIONS)!;
      expect(es.text).toContain('¿Cómo calificaría la atención?');
      expect(es.text).toContain(`Calificar la atención: ${RATING_LINK}`);
      expect(es.text).toContain('durante 14 días');
      expect(en.text).toContain('How would you rate the support?');
      expect(en.text).toContain(`Rate the support: ${RATING_LINK}`);
      expect(es.html).toContain(`href="${RATING_LINK}"`);
    },
  );

  it.each(['OUT_OF_SCOPE', 'NOT_FEASIBLE'] as const)(
    'a ticket ended as %s (not CLOSED) is not rated, so its email does not ask',
    (outcome) => {
      const es = renderEmail(closed(outcome), ES, OPTIONS)!;
      expect(es.text).not.toContain('calificaría');
      expect(es.text).not.toContain('#calificar');
    },
  );
});

describe('low-rating email to the managers', () => {
  const input = {
    ticket: { number: SAMPLE_TICKET.number, subject: 'Factura <no> timbra' },
    organizationName: 'Comercializadora Aurora',
    score: 2,
    comment: 'Nadie respondió <b>a tiempo</b>.',
    ratedAt: new Date('2026-11-20T18:30:00.000Z'),
    ratedByName: 'Úrsula Usuaria',
    assigneeName: 'Alex Agent',
  };

  it('says who rated what, in Spanish first, with the ticket link and the comment quoted', () => {
    const es = renderLowRatingEmail(input, ES, OPTIONS);
    expect(es.locale).toBe(Locale.ES_MX);
    expect(es.subject).toBe(
      '[L3-2026-000123] Calificación baja (2 de 5) de Comercializadora Aurora: Factura <no> timbra',
    );
    expect(es.text).toContain('Calificó: Úrsula Usuaria');
    expect(es.text).toContain('Agente asignado: Alex Agent');
    expect(es.text).toContain('> Nadie respondió <b>a tiempo</b>.');
    // The date in the manager's zone, with the zone named.
    expect(es.text).toContain('(hora de la Ciudad de México)');
    expect(es.text).toContain('https://soporte.example/tickets/L3-2026-000123');
    // User text is escaped in HTML; the closed ticket asks for no reply on it.
    expect(es.html).toContain('Nadie respondió &lt;b&gt;a tiempo&lt;/b&gt;.');
    expect(es.html).not.toContain('<b>a tiempo');
    expect(es.text).not.toContain('comente en el ticket');
  });

  it('in English for a manager who reads English, without a comment when there is none', () => {
    const en = renderLowRatingEmail({ ...input, comment: null, assigneeName: null }, EN, OPTIONS);
    expect(en.locale).toBe(Locale.EN);
    expect(en.subject).toBe(
      '[L3-2026-000123] Low rating (2 of 5) from Comercializadora Aurora: Factura <no> timbra',
    );
    expect(en.text).toContain('The client left no comment.');
    expect(en.text).toContain('Assigned agent: None');
    expect(en.text).toContain('(Japan Standard Time)');
  });
});

describe('rating reminder to the client (L3-11)', () => {
  const input = {
    ticket: { number: SAMPLE_TICKET.number, subject: 'Factura <no> timbra' },
    closedAt: new Date('2026-11-20T18:00:00.000Z'),
  };

  it('asks once more, in Spanish with «usted», with the rating link and the closure date', () => {
    const es = renderRatingReminderEmail(input, ES, OPTIONS);
    expect(es.locale).toBe(Locale.ES_MX);
    expect(es.subject).toBe(
      '[L3-2026-000123] Recordatorio: ¿cómo calificaría la atención? — Factura <no> timbra',
    );
    expect(es.text).toContain('¿Cómo calificaría la atención?');
    expect(es.text).toContain(`Calificar la atención: ${RATING_LINK}`);
    expect(es.html).toContain(`href="${RATING_LINK}"`);
    // The closure in the client's zone, with the zone named.
    expect(es.text).toContain('(hora de la Ciudad de México)');
    expect(es.text).toContain('Este es el único recordatorio');
    expect(es.html).toContain('Factura &lt;no&gt; timbra');
    expect(es.text).not.toContain('comente en el ticket');
  });

  it('in English for a client who reads English', () => {
    const en = renderRatingReminderEmail(input, EN, OPTIONS);
    expect(en.locale).toBe(Locale.EN);
    expect(en.subject).toBe(
      '[L3-2026-000123] Reminder: how would you rate the support? — Factura <no> timbra',
    );
    expect(en.text).toContain(`Rate the support: ${RATING_LINK}`);
    expect(en.text).toContain('This is the only reminder');
    expect(en.text).toContain('(Japan Standard Time)');
  });
});

describe('rating reminder rules (L3-11)', () => {
  const closedAt = new Date('2026-11-02T18:00:00.000Z');
  const dueAt = new Date('2026-11-05T23:00:00.000Z');
  const at = (iso: string) => new Date(iso);

  it('is due once its business instant has come, until 14 days after the closure', () => {
    expect(RATING_REMINDER_BUSINESS_DAYS).toBe(3);
    expect(ratingReminderDue(closedAt, dueAt, at('2026-11-05T22:59:59.999Z'))).toBe(false);
    expect(ratingReminderDue(closedAt, dueAt, dueAt)).toBe(true);
    expect(ratingReminderDue(closedAt, dueAt, at('2026-11-16T17:59:59.999Z'))).toBe(true);
    // 14 days after the closure: too late, the reminder never goes.
    expect(ratingReminderDue(closedAt, dueAt, at('2026-11-16T18:00:00.000Z'))).toBe(false);
  });

  it('is keyed on the ticket alone: one reminder per ticket, ever', () => {
    expect(ratingReminderEventKey('L3-2026-000123')).toBe(
      'ticket-L3-2026-000123:satisfaction-reminder',
    );
  });
});
