import { BusinessCalendar, defaultMexicoCityCalendar } from '../../../src/business-time/engine';
import { Locale } from '../../../src/identity/locale.enum';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { planReleaseDates } from '../../../src/planning/capacity-model';
import { closedBy } from '../../../src/planning/release-closed-day.service';
import {
  businessDaysLate,
  deliveryOnClosedDay,
  deliveryRisk,
} from '../../../src/planning/delivery-risk';
import { RENDER_OPTIONS, sampleEventsOf, sampleRecipient } from '../fixtures/sample-email';

// L3-19/L3-10: a published release date the capacity plan can no longer meet is a delivery at
// risk, by N business days. Default calendar: America/Mexico_City (UTC−6, no DST), Mon–Fri
// 09:00–18:00, LFT art. 74 (2026-03-16 is the third Monday of March, a rest day).

const calendar = new BusinessCalendar(defaultMexicoCityCalendar(2025, 2027));
/** 18:00 local (the closing) of a local date. */
const closing = (date: string) => new Date(`${date}T18:00:00-06:00`);

describe('L3-19 delivery at risk: business days late', () => {
  it('counts the business dates after the published date up to the planned one', () => {
    // QA: published Mon 7 Dec, planned Wed 16 Dec → 8, 9, 10, 11, 14, 15, 16.
    expect(businessDaysLate(calendar, closing('2026-12-07'), closing('2026-12-16'))).toBe(7);
    expect(businessDaysLate(calendar, closing('2026-03-09'), closing('2026-03-10'))).toBe(1);
  });

  it('skips weekends and art. 74 holidays', () => {
    // Fri 13 Mar → (Sat, Sun, Mon 16 holiday) Tue 17 Mar: one business day.
    expect(businessDaysLate(calendar, closing('2026-03-13'), closing('2026-03-17'))).toBe(1);
    // Thu 24 Dec → (25 holiday, weekend) Mon 28, Tue 29.
    expect(businessDaysLate(calendar, closing('2026-12-24'), closing('2026-12-29'))).toBe(2);
  });

  it('a published date on a closed day: the next business date is the first day late', () => {
    const saturday = new Date('2026-03-07T12:00:00-06:00');
    expect(businessDaysLate(calendar, saturday, closing('2026-03-09'))).toBe(1);
  });

  it('is 0 on the same local date or before it, whatever the instants', () => {
    const noon = new Date('2026-03-10T12:00:00-06:00');
    expect(businessDaysLate(calendar, noon, closing('2026-03-10'))).toBe(0);
    expect(businessDaysLate(calendar, closing('2026-03-10'), closing('2026-03-09'))).toBe(0);
  });

  it('agrees with the capacity model over long plans (the search is exact, not one walk per day)', () => {
    const published = closing('2026-03-09');
    for (const days of [1, 2, 5, 17, 64, 65, 250, 600]) {
      const [planned] = planReleaseDates(
        [{ ticketNumber: 'A', remainingHours: days * 2, calendar }],
        2,
        published,
      );
      expect(businessDaysLate(calendar, published, planned.plannedDate)).toBe(days);
    }
  });
});

describe('L3-19 delivery at risk: the verdict', () => {
  const published = closing('2026-12-07');
  const planned = closing('2026-12-16');

  it('is at risk when the plan lands on a later business date, with the slip', () => {
    for (const state of ['RELEASE_DATE_SET', 'IN_DEVELOPMENT']) {
      expect(deliveryRisk(calendar, state, published, planned)).toEqual({
        atRisk: true,
        slipBusinessDays: 7,
      });
    }
  });

  it('is not at risk when the plan meets the date, on the same day, or there is nothing to compare', () => {
    const none = { atRisk: false, slipBusinessDays: null };
    expect(deliveryRisk(calendar, 'IN_DEVELOPMENT', planned, published)).toEqual(none);
    expect(deliveryRisk(calendar, 'IN_DEVELOPMENT', published, published)).toEqual(none);
    // Published at noon, planned for that day's closing: within the plan's precision (whole days).
    const noon = new Date('2026-12-07T12:00:00-06:00');
    expect(deliveryRisk(calendar, 'IN_DEVELOPMENT', noon, published)).toEqual(none);
    expect(deliveryRisk(calendar, 'IN_DEVELOPMENT', null, planned)).toEqual(none);
    expect(deliveryRisk(calendar, 'IN_DEVELOPMENT', published, null)).toEqual(none);
  });

  it('only a published date still to keep counts (not before publication, not once released)', () => {
    const none = { atRisk: false, slipBusinessDays: null };
    for (const state of ['SCHEDULING', 'RELEASED_FOR_TESTING', 'IN_TESTING']) {
      expect(deliveryRisk(calendar, state, published, planned)).toEqual(none);
    }
  });
});

describe('L3-19 delivery at risk: the provider email', () => {
  const events = sampleEventsOf({ number: 'L3-2026-000003', subject: 'Conector de nómina' });
  const options = {
    ...RENDER_OPTIONS,
    names: new Map([['org-aurora', 'Comercializadora Aurora']]),
  };
  const manager = sampleRecipient(Locale.ES_MX, {
    email: 'gerente@becken.example',
    displayName: 'Gerardo Gerente',
  });

  it('Spanish first: the slip, both dates, the cause and the decision left to the agent', () => {
    const es = renderEmail(events.PROVIDER_DELIVERY_AT_RISK, manager, options)!;
    expect(es.subject).toBe(
      '[L3-2026-000003] Entrega en riesgo (+3 días hábiles): Conector de nómina',
    );
    expect(es.text).toContain('Cliente: Comercializadora Aurora');
    expect(es.text).toContain('Entrega publicada: lunes, 9 de febrero de 2026, 6:00');
    expect(es.text).toContain('Entrega planeada: jueves, 12 de febrero de 2026, 6:00');
    expect(es.text).toContain('ahora 2 h por día hábil');
    expect(es.text).toContain('El cliente no recibió ningún aviso');
    expect(es.text).toContain('https://soporte.example/tickets/L3-2026-000003');
  });

  it('in English for who chose it; one day is singular; a reorder says so', () => {
    const event = {
      ...events.PROVIDER_DELIVERY_AT_RISK,
      slipBusinessDays: 1,
      cause: 'QUEUE_REORDERED' as const,
    };
    const en = renderEmail(event, { ...manager, locale: Locale.EN }, options)!;
    expect(en.subject).toBe(
      '[L3-2026-000003] Delivery at risk (+1 business day): Conector de nómina',
    );
    expect(en.text).toContain('The client reordered its queue.');
    expect(en.text).toContain('The client has not been told.');
  });
});

describe('L3-19 a published delivery on a day a calendar change closed (QA S53)', () => {
  const withHoliday = new BusinessCalendar({
    ...defaultMexicoCityCalendar(2025, 2027),
    holidays: [
      ...defaultMexicoCityCalendar(2025, 2027).holidays,
      { date: '2026-12-10', name: 'Inventario anual', source: 'CLIENT' },
    ],
  });
  const noon = new Date('2026-12-10T12:00:00-06:00');

  it('flags a promised date that is no longer business time, nor a closing instant', () => {
    expect(deliveryOnClosedDay(withHoliday, 'RELEASE_DATE_SET', noon)).toBe(true);
    expect(deliveryOnClosedDay(withHoliday, 'IN_DEVELOPMENT', noon)).toBe(true);
    // The same date on the calendar without the holiday, and a closing instant, are kept.
    expect(deliveryOnClosedDay(calendar, 'RELEASE_DATE_SET', noon)).toBe(false);
    expect(deliveryOnClosedDay(withHoliday, 'RELEASE_DATE_SET', closing('2026-12-11'))).toBe(false);
  });

  it('says nothing once the date is no longer a promise, or when there is none', () => {
    expect(deliveryOnClosedDay(withHoliday, 'RELEASED_FOR_TESTING', noon)).toBe(false);
    expect(deliveryOnClosedDay(withHoliday, 'RELEASE_DATE_SET', null)).toBe(false);
  });
});

describe('L3-19 the agent is told what closed a published date’s day (QA S59)', () => {
  const base = defaultMexicoCityCalendar(2025, 2027);
  const closed = new BusinessCalendar({
    ...base,
    holidays: [
      ...base.holidays,
      { date: '2026-12-10', name: 'Inventario anual', source: 'CLIENT' },
    ],
    overrides: [{ date: '2026-12-11', intervals: [], reason: ' Mudanza de oficinas ' }],
  });
  const at = (date: string) => new Date(`${date}T12:00:00-06:00`);

  it('names the holiday, or the exception’s reason, or nothing for a plain closed weekday', () => {
    expect(closedBy(closed, at('2026-12-10'))).toBe('Inventario anual');
    expect(closedBy(closed, at('2026-12-11'))).toBe('Mudanza de oficinas');
    expect(closedBy(closed, at('2026-12-12'))).toBeNull(); // a Saturday
    expect(closedBy(closed, at('2026-12-14'))).toBeNull(); // open
  });

  it('emails the agent in Spanish and English: the date, the calendar, what closed it, what to do', () => {
    const event = sampleEventsOf({ subject: 'Conector de nómina' }).PROVIDER_RELEASE_ON_CLOSED_DAY;
    const agent = sampleRecipient(Locale.ES_MX, { email: 'agente@becken.example' });
    const es = renderEmail(event, agent, RENDER_OPTIONS)!;
    expect(es.subject).toBe('[L3-2026-000123] Entrega en día inhábil: Conector de nómina');
    expect(es.text).toContain('cae ahora en un día inhábil');
    expect(es.text).toContain('Calendario de Aurora');
    expect(es.text).toContain('Inventario anual');
    expect(es.text).toContain('Ajústela en el ticket (Ajustar fecha)');
    const en = renderEmail(event, { ...agent, locale: Locale.EN }, RENDER_OPTIONS)!;
    expect(en.subject).toBe('[L3-2026-000123] Delivery on a closed day: Conector de nómina');
    expect(en.text).toContain('Adjust it on the ticket (Adjust date)');
  });
});
