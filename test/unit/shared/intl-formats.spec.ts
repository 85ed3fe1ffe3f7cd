import { Locale } from '../../../src/identity/locale.enum';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import {
  dateTimeFormat,
  formatMoney,
  INTL_FORMAT_LIMIT,
  numberFormat,
} from '../../../src/shared/intl-formats';
import { NAMED_OPTIONS, SAMPLE_EVENTS, sampleRecipient } from '../fixtures/sample-email';

// L3-11: emails are rendered inside the transaction that records their event; their dates are
// formatted by Intl formatters made once per locale and options, not once per date.

describe('Intl formatters made once (src/shared/intl-formats)', () => {
  const FULL = { dateStyle: 'full', timeStyle: 'short', timeZone: 'America/Mexico_City' } as const;

  it('gives the same formatter for the same locale and options, another for others', () => {
    const a = dateTimeFormat('es-MX', FULL);
    expect(dateTimeFormat('es-MX', { ...FULL })).toBe(a);
    expect(dateTimeFormat('en', FULL)).not.toBe(a);
    expect(dateTimeFormat('es-MX', { ...FULL, timeZone: 'America/Tijuana' })).not.toBe(a);
    expect(numberFormat('es-MX', { maximumFractionDigits: 2 })).toBe(
      numberFormat('es-MX', { maximumFractionDigits: 2 }),
    );
    expect(numberFormat('es-MX', { maximumFractionDigits: 1 }).format(2.25)).toBe('2.3');
  });

  it('formats as a new formatter does', () => {
    const at = new Date('2026-02-03T22:30:00Z');
    expect(dateTimeFormat('es-MX', FULL).format(at)).toBe(
      new Intl.DateTimeFormat('es-MX', FULL).format(at),
    );
  });

  it('refuses an unknown zone every time, keeping nothing', () => {
    const bad = { timeZone: 'Mars/Olympus_Mons' };
    expect(() => dateTimeFormat('es-MX', bad)).toThrow(RangeError);
    expect(() => dateTimeFormat('es-MX', bad)).toThrow(RangeError);
  });

  it('keeps at most INTL_FORMAT_LIMIT formatters: the oldest is made again', () => {
    const first = numberFormat('es-MX', { minimumIntegerDigits: 21 });
    expect(numberFormat('es-MX', { minimumIntegerDigits: 21 })).toBe(first);
    for (let i = 0; i < INTL_FORMAT_LIMIT; i++) {
      numberFormat('es-MX', {
        minimumIntegerDigits: 1 + (i % 20),
        maximumFractionDigits: Math.floor(i / 20),
      });
    }
    expect(numberFormat('es-MX', { minimumIntegerDigits: 21 })).not.toBe(first);
  });

  it('an email with dates, rendered again, builds no formatter (SLA breach, date change)', () => {
    const Real = Intl.DateTimeFormat;
    let built = 0;
    const counting = function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built += 1;
      return new Real(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    const to = sampleRecipient(Locale.ES_MX);
    const events = [SAMPLE_EVENTS.SLA_BREACHED, SAMPLE_EVENTS.DATE_ADJUSTED];
    const first = events.map((e) => renderEmail(e, to, NAMED_OPTIONS)!.text);
    Object.assign(Intl, { DateTimeFormat: counting });
    try {
      const again = events.map((e) => renderEmail(e, to, NAMED_OPTIONS)!.text);
      expect(again).toEqual(first);
      expect(first[1]).toMatch(/\d{4}/);
    } finally {
      Object.assign(Intl, { DateTimeFormat: Real });
    }
    expect(built).toBe(0);
  });

  it('writes an amount in its currency for the reader (L3-03: a package’s price)', () => {
    // A bare «$» is pesos to a Mexican reader and dollars to others: the code follows it.
    expect(formatMoney('es-MX', 19000, 'MXN')).toBe('$19,000.00 MXN');
    expect(formatMoney('es-MX', 1250.5, 'USD')).toBe('USD\u00a01,250.50');
    expect(formatMoney('en', 1250.5, 'USD')).toBe('$1,250.50 USD');
    // A true minus sign, as signed hours (QA S57).
    expect(formatMoney('en', -19000, 'MXN')).toBe('−MX$19,000.00');
    expect(formatMoney('es-MX', -9500, 'MXN')).toBe('−$9,500.00 MXN');
  });
});
