import { zoneName } from './zone-name';

/**
 * A local calendar date "YYYY-MM-DD" in short words: «lun, 16 de nov de 2026» / «Mon, Nov 16,
 * 2026». Here, not in format.ts, so the unit tier reads it without JSX.
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
const day = (c: CalendarChangeWords): string => (c.date ? shortLocalDate(c.date, 'es-MX') : '');
const why = (c: CalendarChangeWords): string => (c.reason ? ` («${c.reason}»)` : '');
const lft = (source: string | null): string =>
  source === 'MX_LFT_74'
    ? 'los días de descanso obligatorio de la LFT art. 74'
    : `los días ${source}`;

/**
 * Spanish (Mexico): a deadline a calendar change moved (BUSINESS-TIME.md, L3-06), naming the
 * change: «Plazo de Triage recalculado: se agregó el día festivo «Día de la Revolución» (lun, 16 nov
 * 2026) al calendario «México CDMX». Vencimiento: 17 nov 2026, 10:00 → 18 nov 2026, 10:00.»
 */
export const deadlineRecomputedEsMX = {
  /** «Plazo de Triage recalculado»; `clock` null when the event names no known clock. */
  title: (clock: string | null) => (clock ? `Plazo de ${clock} recalculado` : 'Plazo recalculado'),
  /** Several changes were recomputed at once: «por cambios en el calendario «México CDMX»». */
  several: (calendar: string) => `por cambios en el calendario «${calendar}»`,
  /** The changes not named: «y 2 cambios más». */
  more: (n: number) => `y ${n} ${n === 1 ? 'cambio más' : 'cambios más'}`,
  /** The deadline before and after; `from` null when the event did not record it. */
  due: (from: string | null, to: string) =>
    from === null
      ? `Vence: ${to}`
      : from === to
        ? `El vencimiento no cambia: ${to}`
        : `Vencimiento: ${from} → ${to}`,
  /** One change; `calendar` names the calendar when the line names it nowhere else. */
  change: (c: CalendarChangeWords, calendar: string | null): string => {
    const of = (prep: string) => (calendar ? ` ${prep} calendario «${calendar}»` : '');
    switch (c.kind) {
      case 'HOLIDAY_ADDED':
        return `se agregó el día festivo «${c.name}» (${day(c)})${of('al')}`;
      case 'HOLIDAY_REMOVED':
        return `se quitó el día festivo «${c.name}» (${day(c)})${of('del')}`;
      case 'HOURS_SET':
        return c.intervals?.length
          ? `el ${day(c)} se atiende de ${hours(c)}${of('en el')}${why(c)}`
          : `se cerró el ${day(c)}${of('en el')}${why(c)}`;
      case 'HOURS_REMOVED':
        return `el ${day(c)} vuelve a su horario normal${of('en el')}`;
      case 'WEEK_CHANGED':
        return `cambió el horario semanal${of('del')}`;
      case 'TIME_ZONE_CHANGED':
        return `la zona horaria${of('del')} pasó a ${zoneName(c.timeZone ?? 'UTC', 'es-MX')}`;
      case 'HOLIDAY_SOURCE_ON':
        return `se incluyeron ${lft(c.source)}${of('en el')}`;
      case 'HOLIDAY_SOURCE_OFF':
        return `se quitaron ${lft(c.source)}${of('del')}`;
      case 'RENAMED':
        return `el calendario cambió de nombre a «${c.name}»`;
      default:
        return `cambió el calendario${calendar ? ` «${calendar}»` : ''}`;
    }
  },
};

export type DeadlineRecomputedMessages = typeof deadlineRecomputedEsMX;
