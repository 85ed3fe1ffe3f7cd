import type { CalendarDetail } from '../api/operations';
import { dateTimeFormat } from '../../../src/shared/intl-formats';
import { formatInstantWithDay } from '../i18n/format';
import type { Language } from '../i18n/language';

/** `at`'s local date `YYYY-MM-DD` in `timeZone` (en-CA writes it so), one formatter per zone. */
const localDate = (timeZone: string, at: Date): string =>
  dateTimeFormat('en-CA', { timeZone }).format(at);

/**
 * Why a holiday added on `date` moves no deadline (QA S52: the form said «sus plazos en curso se
 * recalculan» of a date long past, and of a Saturday the calendar already closes): `past`, a day
 * before today in the calendar's zone; `closed`, a day its week (and no exception) opens;
 * `exception`, a day with its own hours, which win over a holiday (BUSINESS-TIME.md: «an override
 * wins»; QA S53: it was confirmed as «ese día deja de contar como hábil»). Null when the day is a
 * working day ahead, the holiday's usual effect. Pure: the unit tier tests it.
 */
export function holidayWithoutEffect(
  date: string,
  calendar: Pick<CalendarDetail, 'timeZone' | 'weekly' | 'overrides'>,
  now = new Date(),
): 'past' | 'closed' | 'exception' | null {
  const today = localDate(calendar.timeZone, now);
  if (date < today) return 'past';
  const exception = calendar.overrides.find((o) => o.date === date);
  if (exception) return exception.intervals.length === 0 ? 'closed' : 'exception';
  const [y, m, d] = date.split('-').map(Number);
  const isoWeekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
  const day = calendar.weekly.find((w) => w.weekday === isoWeekday);
  return day && day.intervals.length > 0 ? null : 'closed';
}

/**
 * L3-19 (QA S53): the release dates published on the calendar that fall on `date` in its zone. A
 * holiday or a closed day there does not move them (a published date is a promise the agent
 * adjusts, which emails the client), so the confirmation names them. Pure: the unit tier tests it.
 */
export function deliveriesOn(
  date: string,
  calendar: Pick<CalendarDetail, 'timeZone' | 'usage'>,
): { ticketNumber: string; releaseDate: string }[] {
  return (calendar.usage?.publishedDeliveries ?? []).filter(
    (d) => localDate(calendar.timeZone, new Date(d.releaseDate)) === date,
  );
}

/**
 * The confirmation's sentence for {@link deliveriesOn} («Ese día cae la entrega publicada de
 * L3-2026-000003 (jue, 10 dic 2026, 12:00 p.m.): …»), or '' when none falls that day.
 */
export function deliveriesNote(
  date: string,
  calendar: Pick<CalendarDetail, 'timeZone' | 'usage'>,
  words: (list: string, n: number) => string,
  format: (iso: string) => string,
): string {
  const on = deliveriesOn(date, calendar);
  if (on.length === 0) return '';
  return words(on.map((d) => `${d.ticketNumber} (${format(d.releaseDate)})`).join(', '), on.length);
}

/**
 * A day-closing confirmation's impact, followed by the deliveries published on `date` (L3-19, QA
 * S53), each with its weekday in the calendar's zone: the holiday and the closed-day exception say
 * it alike.
 */
export function impactWithDeliveries(
  impact: string,
  date: string,
  calendar: Pick<CalendarDetail, 'timeZone' | 'usage'>,
  words: (list: string, n: number) => string,
  language: Language,
): string {
  const note = deliveriesNote(date, calendar, words, (iso) =>
    formatInstantWithDay(iso, language, calendar.timeZone),
  );
  return note ? `${impact} ${note}` : impact;
}
