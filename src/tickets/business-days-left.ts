import type { BusinessCalendar } from '../business-time/engine';
import type { BusinessDaysLeft } from '../shared/business-time-text';

const MS_PER_MINUTE = 60_000;
/** Past this many dates the answer is not worth a walk (a days target is a few days). */
const MAX_DATES = 400;

/**
 * What a running clock counted in days (L3-08, L3-09) has left at `now`, in its own unit
 * (BUSINESS-TIME.md: business dates, the start date never counting): the business time left
 * today, the business dates after today it still has whole, and the part of its last date when
 * it falls due inside one (after a pause its time left is kept in minutes). QA S62 #13: right
 * after an authorization a 2-day clock read «3 días hábiles», its minutes divided by a working day
 * and the rest of today counted as one. Null when the deadline has passed or is too far to say.
 */
export function businessDaysLeft(
  calendar: BusinessCalendar,
  now: Date,
  deadline: Date,
): BusinessDaysLeft | null {
  const nowMs = now.getTime();
  const dueMs = deadline.getTime();
  if (!(dueMs > nowMs)) return null;
  const today = calendar.localDayOf(nowMs);
  // A deadline at a midnight closing (24:00) belongs to the date it closes.
  const dueDay = calendar.localDayOf(dueMs - 1);
  if (dueDay - today > MAX_DATES) return null;
  const dueOn = dueDay === today ? 'TODAY' : dueDay === today + 1 ? 'TOMORROW' : null;
  let todayMs = 0;
  let days = 0;
  let lastDayMs = 0;
  for (let day = today; day <= dueDay; day += 1) {
    const spans = calendar.dayPlan(day).spans;
    if (spans.length === 0) continue;
    let ms = 0;
    for (const span of spans) {
      const from = Math.max(span.start, nowMs);
      const to = Math.min(span.end, dueMs);
      if (to > from) ms += to - from;
    }
    if (day === today) todayMs = ms;
    else if (day < dueDay || dueMs >= spans[spans.length - 1].end) days += 1;
    else lastDayMs = ms;
  }
  return {
    todayMinutes: todayMs / MS_PER_MINUTE,
    days,
    lastDayMinutes: lastDayMs / MS_PER_MINUTE,
    dueOn,
  };
}
