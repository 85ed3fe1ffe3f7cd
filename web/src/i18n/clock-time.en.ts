import { businessSpan, hoursText } from './business-span';
import type { ClockTimeMessages } from './clock-time.es-mx';

/** «3 business days», «1 business day and 4 h» for a clock counted in days; else «4 h». */
function daysText(minutes: number, dayMinutes: number | null): string | null {
  const span = businessSpan(minutes, dayMinutes);
  if (span.days === 0) return null;
  const days = span.days === 1 ? '1 business day' : `${span.days} business days`;
  return span.hours === 0 && span.minutes === 0 ? days : `${days} and ${hoursText(span)}`;
}

/** English: what an SLA clock has left, or how late it is (L3-06…L3-09). */
export const clockTimeEn: ClockTimeMessages = {
  left: (minutes, dayMinutes) =>
    daysText(minutes, dayMinutes) ?? `${hoursText(businessSpan(minutes, null))} (business)`,
  overdue: (minutes, dayMinutes) =>
    `Breached ${daysText(minutes, dayMinutes) ?? `${hoursText(businessSpan(minutes, null))} of business time`} ago`,
};
