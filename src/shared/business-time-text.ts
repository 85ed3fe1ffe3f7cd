// An SLA clock's business time in words, the one rule for the web app (web/src/i18n/clock-time.*)
// and the SLA emails (src/notifications/templates/sla.templates.ts), so a manager reads the same
// «1 día hábil y 4 h» on the ticket and in the warning (QA S21: the emails said «27 h hábiles»
// for a 5-day clock). Pure (no Node, DOM or Nest): Vite bundles it into the web app by a relative
// path and tsc builds it into dist/src/shared for the server.

/** Business minutes split for reading: whole working days, then hours and minutes. */
export interface BusinessSpan {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/**
 * `minutes` of business time as whole working days of `dayMinutes` (a clock counted in days,
 * L3-08/L3-09: its calendar's usual working day) and the rest in hours and minutes; no days when
 * `dayMinutes` is null (a clock counted in hours) or the time is under a day.
 */
export function businessSpan(minutes: number, dayMinutes: number | null): BusinessSpan {
  const total = Math.max(0, Math.round(minutes));
  const days = dayMinutes && dayMinutes > 0 ? Math.floor(total / dayMinutes) : 0;
  const rest = total - days * (dayMinutes ?? 0);
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/**
 * Whether the span reads as one unit alone, «1 día hábil», «1 h hábil», «1 min hábil»: Spanish
 * then takes the singular (QA S16), «hábil», «Queda …».
 */
export function isOneUnit(minutes: number, dayMinutes: number | null): boolean {
  const { days, hours, minutes: min } = businessSpan(minutes, dayMinutes);
  return days + hours + min === 1;
}

/** Whole business days in words, «1 día hábil», «5 días hábiles» / «1 business day». */
export function businessDaysText(days: number): { readonly es: string; readonly en: string } {
  return days === 1
    ? { es: '1 día hábil', en: '1 business day' }
    : { es: `${days} días hábiles`, en: `${days} business days` };
}

/** The hours and minutes of a span, «4 h», «4 h 30 min», «30 min» (the same in both languages). */
export function hoursText({ hours, minutes }: BusinessSpan): string {
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/**
 * Spanish: «3 días hábiles», «1 día hábil y 4 h» for a clock counted in days, «5 h hábiles»,
 * «1 h hábil» under a day or for a clock counted in hours.
 */
export function businessTimeEs(minutes: number, dayMinutes: number | null): string {
  const span = businessSpan(minutes, dayMinutes);
  const rest = hoursText(span);
  if (span.days === 0) return `${rest} ${isOneUnit(minutes, dayMinutes) ? 'hábil' : 'hábiles'}`;
  const days = businessDaysText(span.days).es;
  return span.hours === 0 && span.minutes === 0 ? days : `${days} y ${rest}`;
}

/** English, days only: «3 business days», «1 business day and 4 h»; null under a day. */
export function businessDaysEn(minutes: number, dayMinutes: number | null): string | null {
  const span = businessSpan(minutes, dayMinutes);
  if (span.days === 0) return null;
  const days = businessDaysText(span.days).en;
  return span.hours === 0 && span.minutes === 0 ? days : `${days} and ${hoursText(span)}`;
}

/** English inside a sentence: days as {@link businessDaysEn}, else «4 h of business time». */
export function businessTimeEn(minutes: number, dayMinutes: number | null): string {
  return (
    businessDaysEn(minutes, dayMinutes) ??
    `${hoursText(businessSpan(minutes, null))} of business time`
  );
}

/**
 * What a running clock counted in days has left, in its own unit (QA S62 #13; computed on the
 * ticket's calendar by src/tickets/business-days-left.ts): business dates, not its minutes
 * divided by a working day, which read «3 días hábiles» for a 2-day clock just started.
 */
export interface BusinessDaysLeft {
  /** Business minutes left today (0 at night, on a weekend or a holiday). */
  readonly todayMinutes: number;
  /** Business dates after today the clock still has whole. */
  readonly days: number;
  /** Business minutes of its last date when it falls due inside it (after a pause); else 0. */
  readonly lastDayMinutes: number;
  /** It falls due today or tomorrow (the calendar's dates); null when later. */
  readonly dueOn: 'TODAY' | 'TOMORROW' | null;
}

/**
 * Spanish (Mexico), a days clock's time left (L3-08, L3-09): «Vence hoy a las 6:00 p.m.», «Vence
 * mañana a las 6:00 p.m.» (`at`, the deadline's time as the page writes it; without it «Vence
 * hoy»), else «Resta hoy y 2 días hábiles», «2 días hábiles» when nothing is left today, «Resta
 * hoy, 1 día hábil y 3 h» when it falls due inside its last date. Never more days than it has.
 */
export function businessDaysLeftEs(left: BusinessDaysLeft, at?: string): string {
  if (left.dueOn) {
    const day = left.dueOn === 'TODAY' ? 'hoy' : 'mañana';
    // «a la 1:30 p.m.», «a las 6:00 p.m.».
    return at ? `Vence ${day} ${/^1:/.test(at) ? 'a la' : 'a las'} ${at}` : `Vence ${day}`;
  }
  const parts = daysLeftParts(left, businessDaysText(left.days).es);
  if (roundedMinutes(left.todayMinutes) === 0) {
    return left.days === 0 ? businessTimeEs(left.lastDayMinutes, null) : joined(parts, 'y');
  }
  return `Resta hoy${parts.length === 2 ? ',' : ' y'} ${joined(parts, 'y')}`;
}

/** English, as {@link businessDaysLeftEs}: «Due today at 6:00 PM», «Rest of today and 2 business days». */
export function businessDaysLeftEn(left: BusinessDaysLeft, at?: string): string {
  if (left.dueOn) {
    const day = left.dueOn === 'TODAY' ? 'today' : 'tomorrow';
    return at ? `Due ${day} at ${at}` : `Due ${day}`;
  }
  const parts = daysLeftParts(left, businessDaysText(left.days).en);
  if (roundedMinutes(left.todayMinutes) === 0) {
    return left.days === 0 ? businessTimeEn(left.lastDayMinutes, null) : joined(parts, 'and');
  }
  return `Rest of today${parts.length === 2 ? ',' : ' and'} ${joined(parts, 'and')}`;
}

function roundedMinutes(minutes: number): number {
  return Math.max(0, Math.round(minutes));
}

/** The whole dates left after today, then the hours of a last date it falls due inside. */
function daysLeftParts(left: BusinessDaysLeft, days: string): string[] {
  const parts = left.days > 0 ? [days] : [];
  const last = roundedMinutes(left.lastDayMinutes);
  if (last > 0) parts.push(hoursText(businessSpan(last, null)));
  return parts.length > 0 ? parts : [days];
}

function joined(parts: readonly string[], and: string): string {
  return parts.length === 2 ? `${parts[0]} ${and} ${parts[1]}` : parts[0];
}

/** Spanish (Mexico): what an SLA clock has left, or how late it is (L3-06…L3-09). */
export const clockTimeEsMX = {
  /** A running or paused clock's business time left. */
  left: businessTimeEs,
  /** A running clock counted in days: its time left in business dates ({@link BusinessDaysLeft}). */
  daysLeft: businessDaysLeftEs,
  /** How late a breached clock is, in the same business time as its target. */
  overdue: (minutes: number, dayMinutes: number | null) =>
    `Vencido hace ${businessTimeEs(minutes, dayMinutes)}`,
};

export type ClockTimeMessages = typeof clockTimeEsMX;

/** English: what an SLA clock has left, or how late it is (L3-06…L3-09). */
export const clockTimeEn: ClockTimeMessages = {
  left: (minutes, dayMinutes) =>
    businessDaysEn(minutes, dayMinutes) ?? `${hoursText(businessSpan(minutes, null))} (business)`,
  daysLeft: businessDaysLeftEn,
  overdue: (minutes, dayMinutes) => `Breached ${businessTimeEn(minutes, dayMinutes)} ago`,
};
