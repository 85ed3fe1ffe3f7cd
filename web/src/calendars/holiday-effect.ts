import type { CalendarDetail } from '../api/operations';

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
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: calendar.timeZone }).format(now);
  if (date < today) return 'past';
  const exception = calendar.overrides.find((o) => o.date === date);
  if (exception) return exception.intervals.length === 0 ? 'closed' : 'exception';
  const [y, m, d] = date.split('-').map(Number);
  const isoWeekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
  const day = calendar.weekly.find((w) => w.weekday === isoWeekday);
  return day && day.intervals.length > 0 ? null : 'closed';
}
