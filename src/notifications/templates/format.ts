import { Locale } from '../../identity/locale.enum';

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
 * Formats dates for one recipient: instants in their time zone with the zone's name, calendar
 * dates as they are. Never reads the host's time zone.
 */
export class RecipientDates {
  constructor(
    readonly locale: Locale,
    readonly timeZone: string,
  ) {}

  /** `martes, 3 de febrero de 2026, 4:30 p.m. (America/Mexico_City)`. */
  instant(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const text = new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(d);
    return `${text} (${this.timeZone})`;
  }

  /**
   * The same instant for inside a sentence (no nested parentheses):
   * `martes, 3 de febrero de 2026, 4:30 p.m., America/Mexico_City`.
   */
  instantInline(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const text = new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(d);
    return `${text}, ${this.timeZone}`;
  }

  /** `3 feb 2026, 4:30 p.m.` — for subjects; the body carries the zone. */
  shortInstant(iso: string): string {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(d);
  }

  /** A calendar date `YYYY-MM-DD`, e.g. `martes, 10 de febrero de 2026`. */
  day(date: string, style: 'full' | 'medium' = 'full'): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: style, timeZone: 'UTC' }).format(
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
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(n);
  }
}

/**
 * A span of business time in words: `1 h 20 min hábiles` / `1 h 20 min of business time`
 * (rounded to the minute; as the web app's clocks show it).
 */
export function businessDuration(minutes: number, locale: Locale): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const span = h > 0 ? `${h} h ${m % 60} min` : `${m} min`;
  return locale === Locale.EN ? `${span} of business time` : `${span} hábiles`;
}
