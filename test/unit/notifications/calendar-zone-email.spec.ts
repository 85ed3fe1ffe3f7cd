import { Locale } from '../../../src/identity/locale.enum';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { NAMED_OPTIONS, SAMPLE_EVENTS, sampleRecipient } from '../fixtures/sample-email';

// QA S60b #3 (BUSINESS-TIME.md, L3-06…L3-09, L3-19): a ticket's clocks count business hours in its
// calendar's zone. An email that gives a deadline or a committed date to someone whose zone reads
// it otherwise also gives it there: «Hora del cliente» for staff, «Hora de su empresa» for a client
// user whose own zone is not the calendar's. Not when both read it the same.

const TOKYO = { ...NAMED_OPTIONS, calendarTimeZone: 'Asia/Tokyo' };
const MEXICO = { ...NAMED_OPTIONS, calendarTimeZone: 'America/Mexico_City' };
const AGENT = sampleRecipient(Locale.ES_MX, {
  id: 'u-agent',
  email: 'agente@becken.example',
  displayName: 'Alex Agent',
});
const CLIENT = sampleRecipient(Locale.ES_MX);
const TOKYO_CLIENT = sampleRecipient(Locale.ES_MX, { timeZone: 'Asia/Tokyo' });
// The samples' triage deadline: Tue 3 Feb 2026, 4:30 p.m. in Mexico City, Wed 7:30 a.m. in Tokyo.
const TOKYO_TIME = 'miércoles, 4 de febrero de 2026, 7:30 a.m. (hora estándar de Japón)';
const MEXICO_TIME = 'martes, 3 de febrero de 2026, 4:30 p.m. (hora de la Ciudad de México)';

describe('QA S60b #3: deadlines in the ticket calendar’s zone in emails', () => {
  it('a Mexico City agent told of a Tokyo client’s new ticket reads its triage deadline in both zones', () => {
    const es = renderEmail(SAMPLE_EVENTS.PROVIDER_NEW_TICKET, AGENT, TOKYO)!;
    expect(es.text).toContain(
      `Atender a más tardar: ${MEXICO_TIME}\nHora del cliente: ${TOKYO_TIME}`,
    );
    expect(es.html).toContain('Hora del cliente');
    const en = renderEmail(
      SAMPLE_EVENTS.PROVIDER_NEW_TICKET,
      { ...AGENT, locale: Locale.EN },
      TOKYO,
    )!;
    expect(en.text).toContain(
      'Client’s time: Wednesday, February 4, 2026 at 7:30 AM (Japan Standard Time)',
    );
  });

  it('a Tokyo agent reads a Mexico City client’s delivery at risk in the client’s time too', () => {
    const tokyoAgent = { ...AGENT, timeZone: 'Asia/Tokyo' };
    const { text } = renderEmail(SAMPLE_EVENTS.PROVIDER_DELIVERY_AT_RISK, tokyoAgent, MEXICO)!;
    // Published Mon 9 Feb 6 p.m. in Mexico City (Tue 10 Feb 9 a.m. in Tokyo); planned Thu 12 Feb.
    expect(text).toContain(
      'Entrega publicada: martes, 10 de febrero de 2026, 9:00 a.m. (hora estándar de Japón)\n' +
        'Hora del cliente: lunes, 9 de febrero de 2026, 6:00 p.m. (hora de la Ciudad de México)',
    );
    expect(text).toContain(
      'Hora del cliente: jueves, 12 de febrero de 2026, 6:00 p.m. (hora de la Ciudad de México)',
    );
  });

  it('a staff sentence with a deadline adds the client’s time as a clause (answered clock)', () => {
    const event = {
      ...SAMPLE_EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'INFO_PROVIDED' as const,
      answerClock: { kind: 'triage' as const, deadline: '2026-02-03T22:30:00.000Z' },
    };
    const { text } = renderEmail(event, AGENT, TOKYO)!;
    expect(text).toContain(`vence el ${MEXICO_TIME}, que para el cliente es el ${TOKYO_TIME}.`);
  });

  it('a client user in Tokyo reads a Mexico City calendar’s deadline «Hora de su empresa»', () => {
    const es = renderEmail(SAMPLE_EVENTS.TICKET_REGISTERED, TOKYO_CLIENT, MEXICO)!;
    expect(es.text).toContain(
      `Atención a más tardar: ${TOKYO_TIME}\nHora de su empresa: ${MEXICO_TIME}`,
    );
    expect(es.text).not.toContain('Hora del cliente');
    const en = renderEmail(
      SAMPLE_EVENTS.TICKET_REGISTERED,
      { ...TOKYO_CLIENT, locale: Locale.EN },
      MEXICO,
    )!;
    expect(en.text).toContain(
      'Your company’s time: Tuesday, February 3, 2026 at 4:30 PM (Mexico City time)',
    );
    // A moved deadline: the new one, in its calendar too.
    const moved = renderEmail(SAMPLE_EVENTS.DEADLINE_MOVED, TOKYO_CLIENT, MEXICO)!;
    expect(moved.text).toContain(
      'Hora de su empresa: miércoles, 4 de febrero de 2026, 4:30 p.m. (hora de la Ciudad de México)',
    );
    // A session: its time range there, in the sentence that gives it.
    const session = renderEmail(SAMPLE_EVENTS.REMOTE_SESSION_PROPOSED, TOKYO_CLIENT, MEXICO)!;
    // (Intl separates a range with narrow spaces: compared as plain ones.)
    expect(session.text.replace(/\s/g, ' ')).toContain(
      'Sesión remota propuesta: jueves, 5 de febrero de 2026, 2:00–2:45 a.m. (hora estándar de Japón), que para su empresa es el miércoles, 4 de febrero de 2026, 11:00–11:45 a.m. (hora de la Ciudad de México)',
    );
  });

  it('no row when the reader’s zone is the calendar’s, reads it the same, or is unknown', () => {
    for (const [recipient, options] of [
      [AGENT, MEXICO],
      [CLIENT, MEXICO],
      [TOKYO_CLIENT, TOKYO],
      // Monterrey reads Mexico City's wall time.
      [{ ...AGENT, timeZone: 'America/Monterrey' }, MEXICO],
      // No calendar zone (a payload queued before it was kept).
      [AGENT, NAMED_OPTIONS],
    ] as const) {
      for (const event of [
        SAMPLE_EVENTS.PROVIDER_NEW_TICKET,
        SAMPLE_EVENTS.TICKET_REGISTERED,
        SAMPLE_EVENTS.DEADLINE_MOVED,
      ]) {
        const { text } = renderEmail(event, recipient, options)!;
        expect(text).not.toMatch(/Hora del cliente|Hora de su empresa|que para el cliente/);
      }
    }
  });
});
