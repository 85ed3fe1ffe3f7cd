import type {
  BusinessDaysExplanation,
  BusinessMinutesExplanation,
  ConsumedStep,
  CountedDateStep,
  DayRule,
  SkippedDateStep,
} from '../engine';

export type ExplanationLocale = 'es-MX' | 'en';

const WORDS = {
  'es-MX': {
    start: 'Inicio',
    clockStarts: 'el reloj empieza a contar',
    startDateNotCounted: 'no cuenta (el día de inicio nunca cuenta)',
    businessDay: 'día hábil',
    closing: 'cierre',
    deadline: 'Vencimiento',
    total: 'total',
    weekend: 'sin horario laboral (fin de semana)',
    holiday: 'día feriado',
    override: 'cerrado por excepción',
    gap: 'sin horario por cambio de hora',
    rules: { weekly: 'horario semanal', holiday: 'feriado', override: 'excepción' },
  },
  en: {
    start: 'Start',
    clockStarts: 'the clock starts counting',
    startDateNotCounted: 'not counted (the start date never counts)',
    businessDay: 'business day',
    closing: 'closing',
    deadline: 'Deadline',
    total: 'total',
    weekend: 'no working hours (weekend)',
    holiday: 'holiday',
    override: 'closed by override',
    gap: 'no working time (clock change)',
    rules: { weekly: 'weekly schedule', holiday: 'holiday', override: 'override' },
  },
} as const;

/** A local date and time in `timeZone`, with the weekday, as the explanations write it. */
export function localFormat(locale: ExplanationLocale, timeZone: string): (d: Date) => string {
  const fmt = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-MX', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (d) => fmt.format(d);
}

function weekdayName(locale: ExplanationLocale, date: string): string {
  // Noon UTC of a civil date has that same civil date in UTC; only the name is wanted here.
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-MX', {
    timeZone: 'UTC',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}

function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round((minutes - h * 60) * 100) / 100;
  return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}

function skippedText(locale: ExplanationLocale, step: SkippedDateStep): string {
  const w = WORDS[locale];
  const day = `${weekdayName(locale, step.date)} ${step.date}`;
  switch (step.reason) {
    case 'holiday':
      return `${day}: ${w.holiday} — ${step.holiday?.name ?? ''} (${step.holiday?.source ?? ''})`;
    case 'override':
      return `${day}: ${w.override}${step.overrideReason ? ` — ${step.overrideReason}` : ''}`;
    case 'clock-change-gap':
      return `${day}: ${w.gap}`;
    default:
      return `${day}: ${w.weekend}`;
  }
}

function ruleText(locale: ExplanationLocale, rule: DayRule, reason?: string): string {
  const text = WORDS[locale].rules[rule];
  return reason ? `${text}: ${reason}` : text;
}

/**
 * Human-readable lines for a minutes/hours deadline: spans counted, dates skipped and why. The
 * deadline line adds the UTC instant unless `utc` is false (text for clients, e.g. a ticket's
 * «¿Por qué esta fecha?»).
 */
export function explainMinutesText(
  locale: ExplanationLocale,
  e: BusinessMinutesExplanation,
  utc = true,
): string[] {
  const w = WORDS[locale];
  const at = localFormat(locale, e.timeZone);
  const lines = [`${w.start}: ${at(e.from)} (${e.timeZone})`];
  if (e.clockStart.getTime() !== e.from.getTime()) {
    lines.push(`${w.clockStarts}: ${at(e.clockStart)}`);
  }
  for (const step of e.steps) {
    if (step.type === 'skipped') lines.push(skippedText(locale, step));
    else lines.push(consumedText(locale, step));
  }
  lines.push(
    `${w.deadline}: ${at(e.deadline)} (${e.timeZone})${utc ? ` = ${e.deadline.toISOString()}` : ''} — ${w.total} ${minutesText(e.minutes)}`,
  );
  return lines;
}

function consumedText(locale: ExplanationLocale, step: ConsumedStep): string {
  return (
    `${weekdayName(locale, step.date)} ${step.date} ${step.localStart}–${step.localEnd}: ` +
    `${minutesText(step.minutes)} (${ruleText(locale, step.rule, step.overrideReason)})`
  );
}

/** Human-readable lines for a days deadline, as {@link explainMinutesText}. */
export function explainDaysText(
  locale: ExplanationLocale,
  e: BusinessDaysExplanation,
  utc = true,
): string[] {
  const w = WORDS[locale];
  const at = localFormat(locale, e.timeZone);
  const lines = [`${w.start}: ${at(e.from)} (${e.timeZone})`];
  if (e.days > 0) {
    lines.push(`${weekdayName(locale, e.startDate)} ${e.startDate}: ${w.startDateNotCounted}`);
  }
  for (const step of e.steps) {
    if (step.type === 'skipped') lines.push(skippedText(locale, step));
    else lines.push(countedText(locale, step));
  }
  lines.push(
    `${w.deadline}: ${at(e.deadline)} (${e.timeZone})${utc ? ` = ${e.deadline.toISOString()}` : ''}`,
  );
  return lines;
}

function countedText(locale: ExplanationLocale, step: CountedDateStep): string {
  const w = WORDS[locale];
  return (
    `${weekdayName(locale, step.date)} ${step.date}: ${w.businessDay} ${step.ordinal}, ` +
    `${w.closing} ${step.localClosing} (${ruleText(locale, step.rule, step.overrideReason)})`
  );
}
