import { BusinessCalendar, defaultMexicoCityCalendar } from '../../../src/business-time/engine';
import { Locale } from '../../../src/identity/locale.enum';
import { slaBusinessTime } from '../../../src/notifications/sla-business-time';
import { businessDuration } from '../../../src/notifications/templates/format';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { NAMED_OPTIONS, sampleEventsOf, sampleRecipient } from '../fixtures/sample-email';

// L3-06…L3-09, L3-11: an SLA warning tells the staff how much business time is left (or how late
// a breach told late is), measured on the ticket's calendar, never by wall-clock subtraction.

const calendar = new BusinessCalendar(defaultMexicoCityCalendar(2026)); // Mon–Fri 09:00–18:00
const EVENTS = sampleEventsOf({ subject: 'Factura no timbra' });
const OPTIONS = NAMED_OPTIONS;
const AGENT = sampleRecipient(Locale.ES_MX, {
  email: 'agente@becken.example',
  displayName: 'Alex Agent',
});
// The sample deadline: Tue 3 Feb 2026, 16:30 in Mexico City.
const DEADLINE = '2026-02-03T22:30:00.000Z';

describe('SLA business time in emails (L3-06…L3-09, L3-11)', () => {
  it('businessDuration words minutes as the web app does, es-MX and en', () => {
    expect(businessDuration(80, Locale.ES_MX)).toBe('1 h 20 min hábiles');
    expect(businessDuration(45, Locale.ES_MX)).toBe('45 min hábiles');
    expect(businessDuration(79.9996, Locale.EN)).toBe('1 h 20 min of business time');
    expect(businessDuration(-3, Locale.EN)).toBe('0 min of business time');
    // QA S16: as the web app's clocks now word them: a whole hour without «0 min», and one hour
    // or minute is «hábil» (a 60-minute progress cadence, L3-07).
    expect(businessDuration(60, Locale.ES_MX)).toBe('1 h hábil');
    expect(businessDuration(1, Locale.ES_MX)).toBe('1 min hábil');
    expect(businessDuration(120, Locale.ES_MX)).toBe('2 h hábiles');
    expect(businessDuration(120, Locale.EN)).toBe('2 h of business time');
  });

  it('time left counts working hours only: over a night it is not the wall-clock difference', () => {
    // 15:10 → 16:30 the same day: 80 min.
    expect(
      slaBusinessTime(
        calendar,
        { type: 'SLA_AT_RISK', deadline: DEADLINE },
        new Date('2026-02-03T21:10:00Z'),
      ),
    ).toEqual({ businessMinutesLeft: 80 });
    // Tue 17:20 → Wed 09:40: 16 h 20 min on the wall clock, 40 + 40 business minutes.
    expect(
      slaBusinessTime(
        calendar,
        { type: 'SLA_AT_RISK', deadline: '2026-02-04T15:40:00.000Z' },
        new Date('2026-02-03T23:20:00Z'),
      ),
    ).toEqual({ businessMinutesLeft: 80 });
    // A breach told Wed 10:35: 1 h 30 min on Tuesday and 1 h 35 min on Wednesday.
    expect(
      slaBusinessTime(
        calendar,
        { type: 'SLA_BREACHED', deadline: DEADLINE },
        new Date('2026-02-04T16:35:00Z'),
      ),
    ).toEqual({ businessMinutesLate: 185 });
  });

  it('«SLA en riesgo» says the business time left and the deadline, es-MX and en', () => {
    const event = { ...EVENTS.SLA_AT_RISK, businessMinutesLeft: 80 };
    const es = renderEmail(event, AGENT, OPTIONS)!;
    expect(es.text).toContain(
      'Quedan 1 h 20 min hábiles (vence el martes, 3 de febrero de 2026, 4:30 p.m., hora de la Ciudad de México).',
    );
    const en = renderEmail(event, { ...AGENT, locale: Locale.EN }, OPTIONS)!;
    expect(en.text).toContain(
      '1 h 20 min of business time left (due Tuesday, February 3, 2026 at 4:30 PM, Mexico City time).',
    );
    // A payload stored before the minutes were added renders as before, without the sentence.
    expect(renderEmail(EVENTS.SLA_AT_RISK, AGENT, OPTIONS)!.text).not.toContain('Quedan');
  });

  it('«SLA incumplido» says how late a breach told late is, and only when it is late', () => {
    const late = renderEmail({ ...EVENTS.SLA_BREACHED, businessMinutesLate: 185 }, AGENT, OPTIONS)!;
    expect(late.text).toContain(
      'Vencido hace 3 h 5 min hábiles (venció el martes, 3 de febrero de 2026, 4:30 p.m., hora de la Ciudad de México).',
    );
    const lateEn = renderEmail(
      { ...EVENTS.SLA_BREACHED, businessMinutesLate: 185 },
      { ...AGENT, locale: Locale.EN },
      OPTIONS,
    )!;
    expect(lateEn.text).toContain('Breached 3 h 5 min of business time ago (it was due Tuesday');
    // Told at its deadline (half a minute of business time later): when it fell due, no «hace».
    const onTime = renderEmail(
      { ...EVENTS.SLA_BREACHED, businessMinutesLate: 0.5 },
      AGENT,
      OPTIONS,
    )!;
    expect(onTime.text).toContain('Venció el martes, 3 de febrero de 2026, 4:30 p.m.');
    expect(onTime.text).not.toContain('Vencido hace');
  });
});
