import { Locale } from '../../identity/locale.enum';
import { businessDaysText, businessTimeEn, businessTimeEs } from '../../shared/business-time-text';
import { zoneName } from '../../shared/time-zone-names';
import { clockTarget } from '../../../workflows/ticket/ticket-opening';
import { dateTimeFormat, formatMoney, numberFormat } from '../../shared/intl-formats';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A header-safe one-line version of user text (no CR/LF, collapsed spaces, bounded length). */
export function oneLine(s: string, max = 120): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a calendar date `YYYY-MM-DD` (an all-day value), false for an instant. */
export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/**
 * A time zone in words for emails, never its IANA code (QA: «AMERICA/MEXICO_CITY»): the one rule
 * the web app and the API's explanations use too (src/shared/time-zone-names.ts).
 */
export { zoneName };

/**
 * Formats dates for one recipient: instants in their time zone with the zone's name, calendar
 * dates as they are. Never reads the host's time zone.
 */
export class RecipientDates {
  constructor(
    readonly locale: Locale,
    readonly timeZone: string,
  ) {}

  /** `martes, 3 de febrero de 2026, 4:30 p.m. (hora de la Ciudad de México)`. */
  instant(iso: string): string {
    const text = this.dateTime(iso);
    return text === null ? iso : `${text} (${zoneName(this.timeZone, this.locale)})`;
  }

  /**
   * `martes, 3 de febrero de 2026, 4:30 p.m.` in the reader's zone (`instant` without the zone's
   * name: two zones that read an instant the same compare so); null for no instant.
   */
  dateTime(iso: string): string | null {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return null;
    return dateTimeFormat(this.locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(d);
  }

  /**
   * A time range from `iso` lasting `minutes`, e.g. `jueves, 3 de diciembre de 2026, 10:00–11:00
   * a.m. (hora de la Ciudad de México)` / `Thursday, December 3, 2026, 10:00 – 11:00 AM (Mexico
   * City time)`. With its year, as every other date of the emails (QA S50: a session 90 days
   * ahead, in the next year, read as this year's).
   */
  range(iso: string, minutes: number): string {
    const start = new Date(iso);
    if (Number.isNaN(start.getTime())) return iso;
    const end = new Date(start.getTime() + minutes * 60_000);
    const text = dateTimeFormat(this.locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: this.timeZone,
    }).formatRange(start, end);
    return `${text} (${zoneName(this.timeZone, this.locale)})`;
  }

  /** `3 feb 2026, 4:30 p.m.` — for subjects; the body carries the zone. */
  shortInstant(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return dateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(d);
  }

  /** A calendar date `YYYY-MM-DD`, e.g. `martes, 10 de febrero de 2026`. */
  day(date: string, style: 'full' | 'medium' = 'full'): string {
    return dateTimeFormat(this.locale, { dateStyle: style, timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );
  }

  /** A date or an instant, whichever `value` is. */
  when(value: string): string {
    return isDateOnly(value) ? this.day(value) : this.instant(value);
  }

  shortWhen(value: string): string {
    return isDateOnly(value) ? this.day(value, 'medium') : this.shortInstant(value);
  }

  number(n: number): string {
    return numberFormat(this.locale, { maximumFractionDigits: 2 }).format(n);
  }

  /** An amount in its currency, in the reader's locale: `$19,000.00 MXN`, `MX$19,000.00`. */
  money(amount: number, currency: string): string {
    return formatMoney(this.locale, amount, currency);
  }

  /** Hours always with their unit (QA S18): `12 h`, `6.5 h`; es and en alike. */
  hours(n: number): string {
    return `${this.number(n)} h`;
  }
}

/**
 * A span of business time in words, as the web app's clocks show it (src/shared/business-time-text):
 * `1 h 20 min hábiles` / `1 h 20 min of business time`, rounded to the minute; a clock counted in
 * days, given its calendar's working day (`dayMinutes`), `1 día hábil y 4 h` / `1 business day and
 * 4 h` (QA S21).
 */
export function businessDuration(
  minutes: number,
  locale: Locale,
  dayMinutes: number | null = null,
): string {
  return locale === Locale.EN
    ? businessTimeEn(minutes, dayMinutes)
    : businessTimeEs(minutes, dayMinutes);
}

/** A span of business days in both languages: `1 día hábil` / `5 business days`. */
export type BusinessDays = ReturnType<typeof businessDaysText>;

/**
 * QA S18 (L3-08, L3-09): the target of a requirement's diagnosis or scheduling clock in words, as
 * the ticket's clock run holds it (`clockTargetDays`, set on the event), else the contract's
 * `clockTarget` (events recorded before); never a written «5 días hábiles».
 */
export function requirementClockDays(
  e: { readonly clockTargetDays?: number },
  kind: 'diagnosis' | 'scheduling',
): BusinessDays {
  return businessDaysText(e.clockTargetDays ?? clockTarget(kind, 0).amount);
}
