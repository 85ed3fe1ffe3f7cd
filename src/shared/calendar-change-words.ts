import { calendarDisplayName } from './calendar-names';
import { zoneName } from './time-zone-names';

// One change of a business calendar in words (BUSINESS-TIME.md, L3-06, L3-19): the ticket
// history's «Plazo recalculado» lines in the web app and the email that tells a client a calendar
// change moved one of their dates say it alike, from this one table per language.

/**
 * A local calendar date "YYYY-MM-DD" in short words: «lun, 16 de nov de 2026» / «Mon, Nov 16,
 * 2026».
 */
export function shortLocalDate(date: string, language: 'es-MX' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** One change of a calendar, as the ticket history names it (`Ticket.timeline.calendarChanges`). */
export interface CalendarChangeWords {
  readonly kind: string;
  readonly date: string | null;
  readonly name: string | null;
  readonly source: string | null;
  readonly reason: string | null;
  readonly timeZone: string | null;
  readonly intervals: readonly { readonly start: string; readonly end: string }[] | null;
}

const hours = (c: CalendarChangeWords): string =>
  (c.intervals ?? []).map((i) => `${i.start}–${i.end}`).join(', ');

/**
 * Spanish (Mexico): one change, «se agregó el día festivo «Día de la Revolución» (lun, 16 nov
 * 2026) al calendario «México CDMX»»; `calendar` names the calendar when the line names it nowhere
 * else (null: it is named once before the list).
 */
export function calendarChangeEsMX(c: CalendarChangeWords, calendar: string | null): string {
  const day = c.date ? shortLocalDate(c.date, 'es-MX') : '';
  const why = c.reason ? ` («${c.reason}»)` : '';
  const lft =
    c.source === 'MX_LFT_74'
      ? 'los días de descanso obligatorio de la LFT art. 74'
      : `los días ${c.source}`;
  const of = (prep: string) => (calendar ? ` ${prep} calendario «${calendar}»` : '');
  switch (c.kind) {
    case 'HOLIDAY_ADDED':
      return `se agregó el día festivo «${c.name}» (${day})${of('al')}`;
    case 'HOLIDAY_REMOVED':
      return `se quitó el día festivo «${c.name}» (${day})${of('del')}`;
    case 'HOURS_SET':
      // «de 09:00 a 14:00 y de 15:00 a 18:00», not «de 09:00–14:00» (QA S53).
      return c.intervals?.length
        ? `el ${day} se atiende ${c.intervals.map((i) => `de ${i.start} a ${i.end}`).join(' y ')}${of('en el')}${why}`
        : `se cerró el ${day}${of('en el')}${why}`;
    case 'HOURS_REMOVED':
      return `el ${day} vuelve a su horario normal${of('en el')}`;
    case 'WEEK_CHANGED':
      return `cambió el horario semanal${of('del')}`;
    case 'TIME_ZONE_CHANGED':
      return `la zona horaria${of('del')} pasó a ${zoneName(c.timeZone ?? 'UTC', 'es-MX')}`;
    case 'HOLIDAY_SOURCE_ON':
      return `se incluyeron ${lft}${of('en el')}`;
    case 'HOLIDAY_SOURCE_OFF':
      return `se quitaron ${lft}${of('del')}`;
    case 'RENAMED':
      return `el calendario cambió de nombre a «${c.name}»`;
    default:
      return `cambió el calendario${calendar ? ` «${calendar}»` : ''}`;
  }
}

/** English: one change (see {@link calendarChangeEsMX}). */
export function calendarChangeEn(c: CalendarChangeWords, named: string | null): string {
  // The seeded default calendar in English; a name an administrator wrote, as written.
  const calendar = named === null ? null : calendarDisplayName(named, 'en');
  const day = c.date ? shortLocalDate(c.date, 'en') : '';
  const why = c.reason ? ` (“${c.reason}”)` : '';
  const lft =
    c.source === 'MX_LFT_74' ? 'the mandatory rest days of LFT art. 74' : `the ${c.source} days`;
  const of = (prep: string) => (calendar ? ` ${prep} the calendar “${calendar}”` : '');
  switch (c.kind) {
    case 'HOLIDAY_ADDED':
      return `the holiday “${c.name}” (${day}) was added${of('to')}`;
    case 'HOLIDAY_REMOVED':
      return `the holiday “${c.name}” (${day}) was removed${of('from')}`;
    case 'HOURS_SET':
      return c.intervals?.length
        ? `${day} is worked ${hours(c)}${of('in')}${why}`
        : `${day} was closed${of('in')}${why}`;
    case 'HOURS_REMOVED':
      return `${day} is back to its usual hours${of('in')}`;
    case 'WEEK_CHANGED':
      return `the weekly hours changed${of('in')}`;
    case 'TIME_ZONE_CHANGED':
      return `the time zone${of('of')} is now ${zoneName(c.timeZone ?? 'UTC', 'en')}`;
    case 'HOLIDAY_SOURCE_ON':
      return `${lft} were included${of('in')}`;
    case 'HOLIDAY_SOURCE_OFF':
      return `${lft} were removed${of('from')}`;
    case 'RENAMED':
      return `the calendar was renamed “${c.name}”`;
    default:
      return calendar ? `the calendar “${calendar}” changed` : 'the calendar changed';
  }
}
