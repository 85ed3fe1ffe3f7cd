import { Locale } from '../../../src/identity/locale.enum';
import {
  participantAddedEventKey,
  renderParticipantAddedEmail,
} from '../../../src/notifications/templates/participant-added';
import { RENDER_OPTIONS, SAMPLE_TICKET, sampleRecipient } from '../fixtures/sample-email';

// L3-11 (S19): a client user someone else made a participant of a ticket is told so: the ticket
// number in the subject, who added them, the ticket link, that its updates will reach them and
// «Dejar de seguir» stops them; es-MX with «usted», English with English quotes, their zone.

const INPUT = {
  ticketNumber: SAMPLE_TICKET.number,
  ticketSubject: SAMPLE_TICKET.subject,
  byName: 'Úrsula Usuaria',
  at: new Date('2026-03-10T18:30:00Z'),
};
const colleague = (locale: Locale, timeZone = 'America/Mexico_City') => ({
  ...sampleRecipient(locale),
  email: 'carla@aurora.example',
  displayName: 'Carla Colega',
  timeZone,
});

describe('participant added email (L3-11)', () => {
  it('es-MX: subject with the ticket number, who added them, the link, how to stop (usted)', () => {
    const email = renderParticipantAddedEmail(INPUT, colleague(Locale.ES_MX), RENDER_OPTIONS);
    expect(email.locale).toBe(Locale.ES_MX);
    expect(email.template).toBe('tickets/participant-added.v1');
    expect(email.subject).toBe(
      '[L3-2026-000123] Se le agregó como participante: Reporte de ventas',
    );
    expect(email.text).toContain('Hola, Carla Colega:');
    expect(email.text).toContain(
      'Úrsula Usuaria le agregó como participante del ticket L3-2026-000123.',
    );
    expect(email.text).toContain('recibirá por correo las actualizaciones de este ticket');
    expect(email.text).toContain('elija «Dejar de seguir»');
    expect(email.text).toContain('https://soporte.example/tickets/L3-2026-000123');
    expect(email.html).toContain('href="https://soporte.example/tickets/L3-2026-000123"');
    // 18:30 UTC is 12:30 in Mexico City.
    expect(email.text).toMatch(/12:30/);
    expect(email.text).not.toMatch(/\b(tú|te|puedes|recibirás)\b/);
  });

  it('en: English words and quotes, in the recipient’s zone', () => {
    const email = renderParticipantAddedEmail(
      INPUT,
      colleague(Locale.EN, 'America/New_York'),
      RENDER_OPTIONS,
    );
    expect(email.locale).toBe(Locale.EN);
    expect(email.subject).toBe(
      '[L3-2026-000123] You were added as a participant: Reporte de ventas',
    );
    expect(email.text).toContain(
      'Úrsula Usuaria added you as a participant of ticket L3-2026-000123.',
    );
    expect(email.text).toContain('choose “Unfollow”');
    expect(email.text).not.toMatch(/[«»]/);
    // 18:30 UTC is 14:30 in New York (EDT on 10 March 2026).
    expect(email.text).toMatch(/2:30|14:30/);
  });

  it('no clause ids; one key per recorded add', () => {
    for (const locale of [Locale.ES_MX, Locale.EN]) {
      const email = renderParticipantAddedEmail(INPUT, colleague(locale), RENDER_OPTIONS);
      expect(`${email.subject}\n${email.text}\n${email.html}`).not.toMatch(/L3-\d\d(?!\d)/);
    }
    expect(participantAddedEventKey('L3-2026-000123', '7')).not.toBe(
      participantAddedEventKey('L3-2026-000123', '8'),
    );
  });
});
