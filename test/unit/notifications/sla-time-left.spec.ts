import { BusinessCalendar, defaultMexicoCityCalendar } from '../../../src/business-time/engine';
import { Locale } from '../../../src/identity/locale.enum';
import { slaBusinessTime } from '../../../src/notifications/sla-business-time';
import { businessDuration } from '../../../src/notifications/templates/format';
import { clockTimeEn } from '../../../web/src/i18n/clock-time.en';
import { clockTimeEsMX } from '../../../web/src/i18n/clock-time.es-mx';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { NAMED_OPTIONS, sampleEventsOf, sampleRecipient } from '../fixtures/sample-email';

// L3-06…L3-09, L3-11: an SLA warning tells the staff how much business time is left (or how late
// a breach told late is), measured on the ticket's calendar, never by wall-clock subtraction.

const definition = defaultMexicoCityCalendar(2026); // Mon–Fri 09:00–18:00
const calendar = { engine: new BusinessCalendar(definition), stored: definition };
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
        { type: 'SLA_AT_RISK', clock: 'triage', deadline: DEADLINE },
        new Date('2026-02-03T21:10:00Z'),
      ),
    ).toEqual({ businessMinutesLeft: 80, calendarTimeZone: 'America/Mexico_City' });
    // Tue 17:20 → Wed 09:40: 16 h 20 min on the wall clock, 40 + 40 business minutes.
    expect(
      slaBusinessTime(
        calendar,
        { type: 'SLA_AT_RISK', clock: 'progress', deadline: '2026-02-04T15:40:00.000Z' },
        new Date('2026-02-03T23:20:00Z'),
      ),
    ).toEqual({ businessMinutesLeft: 80, calendarTimeZone: 'America/Mexico_City' });
    // A breach told Wed 10:35: 1 h 30 min on Tuesday and 1 h 35 min on Wednesday.
    expect(
      slaBusinessTime(
        calendar,
        { type: 'SLA_BREACHED', clock: 'triage', deadline: DEADLINE },
        new Date('2026-02-04T16:35:00Z'),
      ),
    ).toEqual({ businessMinutesLate: 185, calendarTimeZone: 'America/Mexico_City' });
  });

  it('«SLA en riesgo» says the business time left and the deadline once, es-MX and en', () => {
    const event = { ...EVENTS.SLA_AT_RISK, businessMinutesLeft: 80 };
    const es = renderEmail(event, AGENT, OPTIONS)!;
    expect(es.text).toContain('Quedan 1 h 20 min hábiles.');
    expect(es.text).toContain(
      'Vence: martes, 3 de febrero de 2026, 4:30 p.m. (hora de la Ciudad de México)',
    );
    // Once, in its row: the sentence said it again (QA).
    expect(timesIn(es.text, '3 de febrero de 2026')).toBe(1);
    const en = renderEmail(event, { ...AGENT, locale: Locale.EN }, OPTIONS)!;
    expect(en.text).toContain('1 h 20 min of business time left.');
    expect(en.text).toContain('Due: Tuesday, February 3, 2026 at 4:30 PM (Mexico City time)');
    expect(timesIn(en.text, 'February 3, 2026')).toBe(1);
    expect(timesIn(es.html, '3 de febrero de 2026')).toBe(1);
    expect(timesIn(en.html, 'February 3, 2026')).toBe(1);
    // A payload stored before the minutes were added renders as before, without the sentence.
    expect(renderEmail(EVENTS.SLA_AT_RISK, AGENT, OPTIONS)!.text).not.toContain('Quedan');
  });

  it('QA S60: a warning read in another zone also gives the deadline in the client calendar’s zone', () => {
    const tokyo = {
      ...EVENTS.SLA_AT_RISK,
      businessMinutesLeft: 80,
      calendarTimeZone: 'Asia/Tokyo',
    };
    const es = renderEmail(tokyo, AGENT, OPTIONS)!;
    expect(es.text).toContain(
      'Vence: martes, 3 de febrero de 2026, 4:30 p.m. (hora de la Ciudad de México)',
    );
    expect(es.text).toContain(
      'Hora del cliente: miércoles, 4 de febrero de 2026, 7:30 a.m. (hora estándar de Japón)',
    );
    const en = renderEmail(
      { ...EVENTS.SLA_BREACHED, calendarTimeZone: 'Asia/Tokyo' },
      { ...AGENT, locale: Locale.EN },
      OPTIONS,
    )!;
    expect(en.text).toContain(
      'Client’s time: Wednesday, February 4, 2026 at 7:30 AM (Japan Standard Time)',
    );
    // The reader's own zone, or one that reads the instant the same: no second row.
    const home = { ...tokyo, calendarTimeZone: 'America/Mexico_City' };
    expect(renderEmail(home, AGENT, OPTIONS)!.text).not.toContain('Hora del cliente');
    const same = { ...tokyo, calendarTimeZone: 'America/Monterrey' };
    expect(renderEmail(same, AGENT, OPTIONS)!.text).not.toContain('Hora del cliente');
    // A payload stored before the zone was carried: as before.
    expect(renderEmail(EVENTS.SLA_AT_RISK, AGENT, OPTIONS)!.text).not.toContain('Hora del cliente');
  });

  it('«SLA incumplido» says how late a breach told late is, and only when it is late', () => {
    const late = renderEmail({ ...EVENTS.SLA_BREACHED, businessMinutesLate: 185 }, AGENT, OPTIONS)!;
    expect(late.text).toContain('Vencido hace 3 h 5 min hábiles.');
    expect(late.text).toContain(
      'Venció: martes, 3 de febrero de 2026, 4:30 p.m. (hora de la Ciudad de México)',
    );
    expect(timesIn(late.text, '3 de febrero de 2026')).toBe(1);
    const lateEn = renderEmail(
      { ...EVENTS.SLA_BREACHED, businessMinutesLate: 185 },
      { ...AGENT, locale: Locale.EN },
      OPTIONS,
    )!;
    expect(lateEn.text).toContain('Breached 3 h 5 min of business time ago.');
    expect(lateEn.text).toContain('Was due: Tuesday, February 3, 2026 at 4:30 PM');
    // Told at its deadline (half a minute of business time later): when it fell due, no «hace».
    const onTime = renderEmail(
      { ...EVENTS.SLA_BREACHED, businessMinutesLate: 0.5 },
      AGENT,
      OPTIONS,
    )!;
    expect(onTime.text).toContain('Venció: martes, 3 de febrero de 2026, 4:30 p.m.');
    expect(timesIn(onTime.text, '3 de febrero de 2026')).toBe(1);
    expect(onTime.text).not.toContain('Vencido hace');
  });

  it('a clock counted in days says days and hours, by the same rule as the web app (QA S21)', () => {
    const cases: [number, number | null, string, string][] = [
      [2400, 480, '5 días hábiles', '5 business days'],
      [540, 480, '1 día hábil y 1 h', '1 business day and 1 h'],
      [27 * 60, 540, '3 días hábiles', '3 business days'],
      [2 * 540 + 270, 540, '2 días hábiles y 4 h 30 min', '2 business days and 4 h 30 min'],
      // Under a day, and a clock counted in hours (triage, L3-06), stay in hours.
      [300, 540, '5 h hábiles', '5 h of business time'],
      [27 * 60, null, '27 h hábiles', '27 h of business time'],
    ];
    for (const [minutes, day, es, en] of cases) {
      expect(businessDuration(minutes, Locale.ES_MX, day)).toBe(es);
      expect(businessDuration(minutes, Locale.EN, day)).toBe(en);
      // The web app's words for the same clock (web/src/i18n/clock-time.*).
      expect(clockTimeEsMX.left(minutes, day)).toBe(es);
      expect(clockTimeEn.overdue(minutes, day)).toBe(`Breached ${en} ago`);
    }
  });

  it("an SLA event of a clock counted in days carries its calendar's working day", () => {
    const now = new Date('2026-01-30T15:00:00Z'); // Fri 09:00; Mon 2 Feb is a holiday
    for (const clock of ['diagnosis', 'scheduling'] as const) {
      expect(
        slaBusinessTime(calendar, { type: 'SLA_AT_RISK', clock, deadline: DEADLINE }, now),
      ).toEqual({
        businessMinutesLeft: 540 + 450,
        businessDayMinutes: 540,
        // QA S62 #13: in business dates: all of today, and Tuesday to 4:30 p.m.
        businessDaysLeft: { todayMinutes: 540, days: 0, lastDayMinutes: 450, dueOn: null },
        calendarTimeZone: 'America/Mexico_City',
      });
    }
    // A 12-hour day, every day (a client working from Tokyo): its day, not the default's.
    const long = defaultMexicoCityCalendar(2026);
    const weekly = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '08:00', end: '20:00' }]]),
    );
    expect(
      slaBusinessTime(
        { engine: new BusinessCalendar({ ...long, weekly }), stored: { weekly } },
        { type: 'SLA_BREACHED', clock: 'diagnosis', deadline: DEADLINE },
        new Date('2026-02-04T16:35:00Z'),
      ).businessDayMinutes,
    ).toBe(720);
  });

  it('«SLA en riesgo» and «SLA incumplido» of a days clock say days, es-MX and en', () => {
    const atRisk = {
      ...EVENTS.SLA_AT_RISK,
      clock: 'diagnosis' as const,
      businessMinutesLeft: 540 + 240,
      businessDayMinutes: 540,
    };
    expect(renderEmail(atRisk, AGENT, OPTIONS)!.text).toContain('Quedan 1 día hábil y 4 h.');
    expect(renderEmail(atRisk, { ...AGENT, locale: Locale.EN }, OPTIONS)!.text).toContain(
      '1 business day and 4 h left.',
    );
    // One unit alone takes the singular verb; anything more, the plural (QA S16).
    for (const [left, text] of [
      [540, 'Queda 1 día hábil.'],
      [60, 'Queda 1 h hábil.'],
      [1, 'Queda 1 min hábil.'],
      [61, 'Quedan 1 h 1 min hábiles.'],
      [120, 'Quedan 2 h hábiles.'],
      [541, 'Quedan 1 día hábil y 1 min.'],
    ] as const) {
      expect(renderEmail({ ...atRisk, businessMinutesLeft: left }, AGENT, OPTIONS)!.text).toContain(
        text,
      );
    }
    const breached = {
      ...EVENTS.SLA_BREACHED,
      clock: 'scheduling' as const,
      businessMinutesLate: 2 * 540 + 185,
      businessDayMinutes: 540,
    };
    expect(renderEmail(breached, AGENT, OPTIONS)!.text).toContain(
      'Vencido hace 2 días hábiles y 3 h 5 min.',
    );
    expect(renderEmail(breached, { ...AGENT, locale: Locale.EN }, OPTIONS)!.text).toContain(
      'Breached 2 business days and 3 h 5 min ago.',
    );
  });

  // QA S62 #13 (L3-09): the release-date clock («2 días hábiles») at risk said «Quedan 3 días
  // hábiles.» the way the web app did; both now say business dates.
  it('«SLA en riesgo» of a days clock says its business dates, as the web app does', () => {
    const atRisk = {
      ...EVENTS.SLA_AT_RISK,
      clock: 'scheduling' as const,
      businessMinutesLeft: 27 * 60,
      businessDayMinutes: 540,
      businessDaysLeft: { todayMinutes: 540, days: 2, lastDayMinutes: 0, dueOn: null },
    };
    const es = renderEmail(atRisk, AGENT, OPTIONS)!.text;
    expect(es).toContain('Resta hoy y 2 días hábiles.');
    expect(es).not.toContain('3 días hábiles');
    expect(renderEmail(atRisk, { ...AGENT, locale: Locale.EN }, OPTIONS)!.text).toContain(
      'Left: rest of today and 2 business days.',
    );
    const tomorrow = {
      ...atRisk,
      businessDaysLeft: { ...atRisk.businessDaysLeft, dueOn: 'TOMORROW' as const },
    };
    expect(renderEmail(tomorrow, AGENT, OPTIONS)!.text).toContain('Vence mañana.');
    expect(renderEmail(tomorrow, { ...AGENT, locale: Locale.EN }, OPTIONS)!.text).toContain(
      'Due tomorrow.',
    );
    // Queued at Mon 8:10 a.m. for Wed 6:00 p.m. on the ticket's calendar.
    expect(
      slaBusinessTime(
        calendar,
        { type: 'SLA_AT_RISK', clock: 'scheduling', deadline: '2026-12-10T00:00:00.000Z' },
        new Date('2026-12-07T14:10:00Z'),
      ).businessDaysLeft,
    ).toEqual(atRisk.businessDaysLeft);
  });

  it('a days clock queued before its working day was carried still renders, in hours', () => {
    const { businessDayMinutes: _none, ...old } = {
      ...EVENTS.SLA_AT_RISK,
      clock: 'diagnosis' as const,
      businessMinutesLeft: 27 * 60,
      businessDayMinutes: 540,
    };
    expect(renderEmail(old, AGENT, OPTIONS)!.text).toContain('Quedan 27 h hábiles.');
  });
});

function timesIn(text: string, part: string): number {
  return text.split(part).length - 1;
}
