/** Business minutes split for reading: whole working days, then hours and minutes. */
export interface BusinessSpan {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/**
 * `minutes` of business time as whole working days of `dayMinutes` (a clock counted in days,
 * L3-08/L3-09: the API's `businessDayMinutes`) and the rest in hours and minutes; no days when
 * `dayMinutes` is null (a clock counted in hours) or the time is under a day.
 */
export function businessSpan(minutes: number, dayMinutes: number | null): BusinessSpan {
  const total = Math.max(0, Math.round(minutes));
  const days = dayMinutes && dayMinutes > 0 ? Math.floor(total / dayMinutes) : 0;
  const rest = total - days * (dayMinutes ?? 0);
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/** The hours and minutes of a span, «4 h», «4 h 30 min», «30 min» (the same in both languages). */
export function hoursText({ hours, minutes }: BusinessSpan): string {
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}
