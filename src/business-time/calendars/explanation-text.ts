import { holidayDisplayName } from '../../shared/holiday-names';
import { isUtcZone, zoneName, zoneOffset } from '../../shared/time-zone-names';
import type {
  BusinessDaysExplanation,
  BusinessMinutesExplanation,
  ConsumedStep,
  CountedDateStep,
  DayRule,
  SkippedDateStep,
} from '../engine';
import { dateTimeFormat } from '../../shared/intl-formats';

export type ExplanationLocale = 'es-MX' | 'en';

const WORDS = {
  'es-MX': {
    start: 'Inicio',
    clockStarts: 'El reloj empieza a contar',
    startDateNotCounted: 'no cuenta (el día de inicio nunca cuenta)',
    businessDay: 'día hábil',
    closing: 'cierre',
    deadline: 'Vencimiento',
    total: 'total',
    underAMinute: 'menos de 1 min',
    weekend: 'sin horario laboral (fin de semana)',
    holiday: 'día festivo',
    override: 'cerrado por excepción',
    gap: 'sin horario por cambio de hora',
    rules: { weekly: 'horario semanal', holiday: 'festivo', override: 'excepción' },
    /** A holiday's kind by its source; an unknown source is just «día festivo». */
    holidayKinds: {
      MX_LFT_74: 'descanso obligatorio (LFT)',
      CLIENT: 'festivo del cliente',
      ELECTION: 'jornada electoral',
      BANK: 'festivo bancario',
    } as Record<string, string>,
  },
  en: {
    start: 'Start',
    clockStarts: 'the clock starts counting',
    startDateNotCounted: 'not counted (the start date never counts)',
    businessDay: 'business day',
    closing: 'closing',
    deadline: 'Deadline',
    total: 'total',
    underAMinute: 'less than 1 min',
    weekend: 'no working hours (weekend)',
    holiday: 'holiday',
    override: 'closed by override',
    gap: 'no working time (clock change)',
    rules: { weekly: 'weekly schedule', holiday: 'holiday', override: 'override' },
    holidayKinds: {
      MX_LFT_74: 'mandatory rest day (Federal Labor Law)',
      CLIENT: "client's holiday",
      ELECTION: 'election day',
      BANK: 'bank holiday',
    } as Record<string, string>,
  },
} as const;

// One date format throughout (QA): the web app's («3 feb 2026, 3:30 p.m.»: Intl's medium date and
// short time, as web/src/i18n/format.ts formatInstant writes it) with the short weekday in front,
// for instants and for whole dates alike. QA S16: the times were 24-hour («15:30») while the rest
// of the page reads «3:30 p.m.» / «3:30 PM».
function intlLocale(locale: ExplanationLocale): string {
  return locale === 'en' ? 'en-US' : 'es-MX';
}

/** A date as `weekday, medium date` in `timeZone` («sáb, 31 ene 2026»). */
function dateFormat(locale: ExplanationLocale, timeZone: string): (d: Date) => string {
  const weekday = dateTimeFormat(intlLocale(locale), { timeZone, weekday: 'short' });
  const date = dateTimeFormat(intlLocale(locale), { timeZone, dateStyle: 'medium' });
  return (d) => `${weekday.format(d)}, ${date.format(d)}`;
}

/**
 * The zone in words with its offset at `at` («hora de la Ciudad de México, UTC−6» / «Mexico City
 * time, UTC−6»), never its IANA code (QA: the web app showed «(America/Mexico_City)»). The name
 * is the one the emails and the web app use (src/shared/time-zone-names.ts).
 */
export function zoneText(locale: ExplanationLocale, timeZone: string, at: Date): string {
  if (isUtcZone(timeZone)) return 'UTC';
  return `${zoneName(timeZone, locale)}, ${zoneOffset(timeZone, at)}`;
}

/** A local date and time in `timeZone`, with the weekday, as the explanations write it. */
export function localFormat(locale: ExplanationLocale, timeZone: string): (d: Date) => string {
  const day = dateFormat(locale, timeZone);
  const time = dateTimeFormat(intlLocale(locale), { timeZone, timeStyle: 'short' });
  return (d) => `${day(d)}, ${time.format(d)}`;
}

/**
 * A wall time the engine writes as `HH:MM[:SS]` (`24:00` is the day's end) in the same clock as
 * {@link localFormat}: «9:00 a.m.», «6:00 PM», and the day's end as midnight («12:00 a.m.»).
 * Minutes only, seconds dropped as {@link localFormat} drops them (QA F4: a clock started at
 * 12:22:37 read «Inicio: … 12:22 p.m.» but «12:22:37 p.m.–1:22:37 p.m.» on the next line).
 */
export function wallTimeText(locale: ExplanationLocale, wallTime: string): string {
  const [h, m] = wallTime.split(':').map(Number);
  const format = dateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    timeStyle: 'short',
  });
  return format.format(new Date(Date.UTC(2000, 0, 1, h % 24, m)));
}

/** A civil date (`YYYY-MM-DD`) in the same format, without a time. */
function dateText(locale: ExplanationLocale, date: string): string {
  // Noon UTC of a civil date has that same civil date in UTC.
  return dateFormat(locale, 'UTC')(new Date(`${date}T12:00:00Z`));
}

/** Every line reads as a sentence: its first letter upper case («Lun, 2 feb 2026: …»). */
function sentence(line: string): string {
  return line.charAt(0).toLocaleUpperCase() + line.slice(1);
}

const MS_PER_MINUTE = 60_000;

/**
 * Business time in whole hours and minutes, as every explanation line writes it («2 h 30 min»),
 * rounded to the nearest minute (QA S60b #11: «1 h 8.4 min»). Some time that rounds to nothing is
 * «menos de 1 min» / «less than 1 min», not «0 min»; none at all is «0 min».
 */
export function minutesText(locale: ExplanationLocale, minutes: number): string {
  return wholeMinutesText(locale, Math.round(minutes), minutes > 0);
}

/**
 * Durations that add up to a total, in whole minutes that still add up (QA S60b #11): the running
 * total is cut to whole minutes and each part is the difference, so the parts sum to the total as
 * written. `anchorMs` is where the running total starts within its first minute: half a minute
 * rounds each running total to the nearest minute; the sub-minute of the instant a walk starts
 * makes each part the minutes between the times its line prints (which drop the seconds).
 */
export function partsText(
  locale: ExplanationLocale,
  minutes: readonly number[],
  anchorMs = MS_PER_MINUTE / 2,
): string[] {
  let runningMs = anchorMs;
  let shown = Math.floor(runningMs / MS_PER_MINUTE);
  return minutes.map((part) => {
    runningMs += Math.round(part * MS_PER_MINUTE);
    const before = shown;
    shown = Math.floor(runningMs / MS_PER_MINUTE);
    return wholeMinutesText(locale, shown - before, part > 0);
  });
}

/** The sum of {@link partsText}'s parts as written, as {@link minutesText} writes it. */
export function partsTotalText(
  locale: ExplanationLocale,
  minutes: readonly number[],
  anchorMs = MS_PER_MINUTE / 2,
): string {
  return wholeMinutesText(
    locale,
    wholeMinutesSum(minutes, anchorMs),
    minutes.some((part) => part > 0),
  );
}

/** The whole minutes {@link partsText}'s parts add up to: the running total at its end. */
export function wholeMinutesSum(minutes: readonly number[], anchorMs = MS_PER_MINUTE / 2): number {
  const totalMs = minutes.reduce((sum, part) => sum + Math.round(part * MS_PER_MINUTE), 0);
  return Math.floor((anchorMs + totalMs) / MS_PER_MINUTE) - Math.floor(anchorMs / MS_PER_MINUTE);
}

/**
 * Whole minutes as every line writes them («2 h 30 min»); `someTime` says there was business time
 * in them however short, so none written is «menos de 1 min» / «less than 1 min», not «0 min».
 */
export function wholeMinutesText(
  locale: ExplanationLocale,
  whole: number,
  someTime: boolean,
): string {
  if (whole === 0 && someTime) return WORDS[locale].underAMinute;
  const h = Math.floor(whole / 60);
  const m = whole - h * 60;
  return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}

function skippedText(locale: ExplanationLocale, step: SkippedDateStep): string {
  const w = WORDS[locale];
  const day = dateText(locale, step.date);
  switch (step.reason) {
    case 'holiday': {
      // The holiday's name and its kind in words, never the source's code («MX_LFT_74»).
      const kind = w.holidayKinds[step.holiday?.source ?? ''] ?? w.holiday;
      if (!step.holiday?.name) return `${day}: ${kind}`;
      return `${day}: ${holidayDisplayName(step.holiday.name, step.holiday.source, locale)}, ${kind}`;
    }
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
 * Human-readable lines for a minutes/hours deadline: spans counted, dates skipped and why, down
 * to the deadline ({@link deadlineText}).
 */
export function explainMinutesText(
  locale: ExplanationLocale,
  e: BusinessMinutesExplanation,
): string[] {
  const w = WORDS[locale];
  const lines = [startLine(locale, e.timeZone, e.from)];
  if (e.clockStart.getTime() !== e.from.getTime()) {
    lines.push(`${w.clockStarts}: ${localFormat(locale, e.timeZone)(e.clockStart)}`);
  }
  // Each span's minutes are the minutes between the times it prints, so they add up to the total
  // (QA S60b #11: a walk from 12:22:37 read «37.38 min» for «12:22 p.m.–1:00 p.m.»).
  const consumed = e.steps.filter((step) => step.type === 'consumed');
  const anchorMs = consumed.length ? mod(consumed[0].start.getTime(), MS_PER_MINUTE) : 0;
  const spans = partsText(
    locale,
    consumed.map((step) => step.minutes),
    anchorMs,
  );
  let next = 0;
  for (const step of e.steps) {
    if (step.type === 'skipped') lines.push(skippedText(locale, step));
    else lines.push(consumedText(locale, step, spans[next++]));
  }
  lines.push(
    `${deadlineLine(locale, e.timeZone, e.deadline)} — ${w.total} ${minutesText(locale, e.minutes)}`,
  );
  return lines.map(sentence);
}

/** The first line: where the count starts, in the explanation's zone and language. */
export function startLine(locale: ExplanationLocale, timeZone: string, from: Date): string {
  return `${WORDS[locale].start}: ${localFormat(locale, timeZone)(from)} (${zoneText(locale, timeZone, from)})`;
}

/**
 * The last line: the deadline in the explanation's zone and language, like every line before it.
 * QA S20: the calculator's also said «= 2026-12-14T21:30:00.000Z», a raw UTC instant the zone's
 * offset already gives (the query answers the instant itself in `deadline`).
 */
export function deadlineLine(locale: ExplanationLocale, timeZone: string, deadline: Date): string {
  return `${WORDS[locale].deadline}: ${localFormat(locale, timeZone)(deadline)} (${zoneText(locale, timeZone, deadline)})`;
}

function consumedText(locale: ExplanationLocale, step: ConsumedStep, minutes: string): string {
  return (
    `${dateText(locale, step.date)}, ${wallTimeText(locale, step.localStart)}–${wallTimeText(locale, step.localEnd)}: ` +
    `${minutes} (${ruleText(locale, step.rule, step.overrideReason)})`
  );
}

function mod(n: number, d: number): number {
  return ((n % d) + d) % d;
}

/** Human-readable lines for a days deadline, as {@link explainMinutesText}. */
export function explainDaysText(locale: ExplanationLocale, e: BusinessDaysExplanation): string[] {
  const w = WORDS[locale];
  const lines = [startLine(locale, e.timeZone, e.from)];
  if (e.days > 0) {
    lines.push(`${dateText(locale, e.startDate)}: ${w.startDateNotCounted}`);
  }
  for (const step of e.steps) {
    if (step.type === 'skipped') lines.push(skippedText(locale, step));
    else lines.push(countedText(locale, step));
  }
  lines.push(deadlineLine(locale, e.timeZone, e.deadline));
  return lines.map(sentence);
}

function countedText(locale: ExplanationLocale, step: CountedDateStep): string {
  const w = WORDS[locale];
  return (
    `${dateText(locale, step.date)}: ${w.businessDay} ${step.ordinal}, ` +
    `${w.closing} ${wallTimeText(locale, step.localClosing)} (${ruleText(locale, step.rule, step.overrideReason)})`
  );
}
