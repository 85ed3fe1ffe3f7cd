import { businessSpan, hoursText } from './business-span';

/**
 * Business time in Spanish: «3 días hábiles», «1 día hábil y 4 h» for a clock counted in days
 * (one day is the calendar's working day, `dayMinutes`), «5 h hábiles», «1 h hábil» under a day
 * or for a clock counted in hours.
 */
function businessTimeText(minutes: number, dayMinutes: number | null): string {
  const span = businessSpan(minutes, dayMinutes);
  const rest = hoursText(span);
  if (span.days === 0) {
    // «1 h hábil», «1 min hábil»: one hour or minute takes the singular (QA S16).
    const one = rest === '1 h' || rest === '1 min';
    return `${rest} ${one ? 'hábil' : 'hábiles'}`;
  }
  const days = span.days === 1 ? '1 día hábil' : `${span.days} días hábiles`;
  return span.hours === 0 && span.minutes === 0 ? days : `${days} y ${rest}`;
}

/** Spanish (Mexico): what an SLA clock has left, or how late it is (L3-06…L3-09). */
export const clockTimeEsMX = {
  /** A running or paused clock's business time left. */
  left: businessTimeText,
  /** How late a breached clock is, in the same business time as its target. */
  overdue: (minutes: number, dayMinutes: number | null) =>
    `Vencido hace ${businessTimeText(minutes, dayMinutes)}`,
};

export type ClockTimeMessages = typeof clockTimeEsMX;
