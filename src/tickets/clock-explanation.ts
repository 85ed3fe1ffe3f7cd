import {
  addBusinessDays,
  type BusinessCalendar,
  businessMillisecondsBetween,
  explainAddBusinessDays,
  explainAddBusinessMinutes,
} from '../business-time/engine';
import { walkBusinessMs } from '../business-time/engine/business-walk';
import {
  deadlineLine,
  explainDaysText,
  explainMinutesText,
  type ExplanationLocale,
  localFormat,
  startLine,
  wholeMinutesText,
} from '../business-time/calendars/explanation-text';

/** What a stored clock run says about itself (the `ticket_clock` row). */
export interface ClockToExplain {
  readonly startedAt: Date;
  readonly amount: number;
  readonly unit: 'minutes' | 'days';
  readonly pauses: readonly { from: string; to: string | null }[];
}

export interface ClockExplanation {
  readonly clockStart: Date | null;
  readonly deadline: Date | null;
  readonly pausedBusinessMinutes: number;
  readonly lines: string[];
}

const MS_PER_MINUTE = 60_000;

// Spanish says «1 h 9 min de tiempo hábil usado», never «1 min hábiles usados» (QA S62 #12): the
// amount is a length of time, whatever its number.
const WORDS = {
  'es-MX': {
    target: (amount: number, unit: 'minutes' | 'days') =>
      unit === 'days'
        ? `Objetivo: ${amount} ${amount === 1 ? 'día hábil' : 'días hábiles'}`
        : amount % 60 === 0
          ? `Objetivo: ${amount / 60} ${amount === 60 ? 'hora hábil' : 'horas hábiles'}`
          : `Objetivo: ${amount} minutos hábiles`,
    daysBudget: (deadline: string, budget: string) =>
      `Sin pausas vencería ${deadline}: ${budget} de tiempo hábil, que tras una pausa se cuenta en minutos hábiles`,
    ran: (until: string, used: string) => `Corrió hasta ${until}: ${used} de tiempo hábil usado`,
    paused: (from: string, to: string, minutes: string) =>
      `En pausa (esperando al cliente) de ${from} a ${to}: ${minutes} de tiempo hábil que no cuenta`,
    pausedOpen: (from: string, minutes: string) =>
      `En pausa (esperando al cliente) desde ${from}: ${minutes} de tiempo hábil hasta ahora; el vencimiento se fija al reanudar`,
    resumed: (at: string, remaining: string) =>
      `Se reanudó ${at}: resta ${remaining} de tiempo hábil`,
    pausedTotal: (minutes: string) => `Tiempo hábil en pausa (del cliente): ${minutes}`,
    secondsNote: (sum: string) =>
      `Las horas se escriben sin segundos: el tiempo usado y el que resta suman ${sum}; con los segundos suman exactamente el objetivo`,
  },
  en: {
    target: (amount: number, unit: 'minutes' | 'days') =>
      unit === 'days'
        ? `Target: ${amount} business ${amount === 1 ? 'day' : 'days'}`
        : amount % 60 === 0
          ? `Target: ${amount / 60} business ${amount === 60 ? 'hour' : 'hours'}`
          : `Target: ${amount} business minutes`,
    daysBudget: (deadline: string, budget: string) =>
      `Without pauses it would be due ${deadline}: ${budget} of business time, counted in business minutes after a pause`,
    ran: (until: string, used: string) => `Ran until ${until}: ${used} of business time used`,
    paused: (from: string, to: string, minutes: string) =>
      `Paused (waiting on the client) from ${from} to ${to}: ${minutes} of business time not counted`,
    pausedOpen: (from: string, minutes: string) =>
      `Paused (waiting on the client) since ${from}: ${minutes} of business time so far; the deadline is set on resuming`,
    resumed: (at: string, remaining: string) => `Resumed ${at}: ${remaining} of business time left`,
    pausedTotal: (minutes: string) => `Business time paused (the client's): ${minutes}`,
    secondsNote: (sum: string) =>
      `Times are written without seconds: time used and time left add up to ${sum}; with the seconds they make exactly the target`,
  },
} as const;

/**
 * Why a clock run is due when it is (BUSINESS-TIME.md), from what it stores: its start, target
 * and pauses. Never paused: the engine's own walk from the start, span by span. Paused: each
 * running stretch and pause with its business time, then the walk of the remaining time from the
 * last resume (whole minutes; the deadline line gives the exact instant, as the clock computes it).
 */
export function explainClock(
  calendar: BusinessCalendar,
  locale: ExplanationLocale,
  clock: ClockToExplain,
  now: Date,
): ClockExplanation {
  const w = WORDS[locale];
  const target = w.target(clock.amount, clock.unit);
  const start = clock.startedAt;
  if (clock.pauses.length === 0) {
    if (clock.unit === 'days') {
      const e = explainAddBusinessDays(calendar, start, clock.amount);
      return {
        clockStart: null,
        deadline: e.deadline,
        pausedBusinessMinutes: 0,
        lines: [target, ...explainDaysText(locale, e)],
      };
    }
    const e = explainAddBusinessMinutes(calendar, start, clock.amount);
    return {
      clockStart: e.clockStart,
      deadline: e.deadline,
      pausedBusinessMinutes: 0,
      lines: [target, ...explainMinutesText(locale, e)],
    };
  }

  const at = localFormat(locale, calendar.timeZone);
  const lines: string[] = [target, startLine(locale, calendar.timeZone, start)];
  // One rule for every line (QA S62 #12): each instant is written cut to its minute (seconds
  // dropped, as everywhere in the app), and each duration is the business time between the
  // instants its line writes. So the start, each stretch run, each pause and the time left add up
  // to the deadline line exactly, and a pause never reads a minute more than its own times say.
  const shown = (a: Date, b: Date): number =>
    Math.round(
      businessMillisecondsBetween(calendar, wholeMinute(a), wholeMinute(b)) / MS_PER_MINUTE,
    );
  const text = (minutes: number, exactMs: number): string =>
    wholeMinutesText(locale, minutes, exactMs > 0);
  let budgetMs = clock.amount * MS_PER_MINUTE;
  const plain = clock.unit === 'days' ? addBusinessDays(calendar, start, clock.amount) : null;
  // A days clock's budget in business minutes: from the start as written to that closing.
  const budgetShown = plain ? shown(start, plain) : clock.amount;
  if (plain) {
    budgetMs = businessMillisecondsBetween(calendar, start, plain);
    lines.push(w.daysBudget(at(plain), text(budgetShown, budgetMs)));
  }

  let usedMs = 0;
  let usedShown = 0;
  let pausedMs = 0;
  let pausedShown = 0;
  let segmentStart: Date | null = start;
  for (const pause of clock.pauses) {
    const from = new Date(pause.from);
    if (segmentStart) {
      const used = businessMillisecondsBetween(calendar, segmentStart, from);
      const minutes = shown(segmentStart, from);
      usedMs += used;
      usedShown += minutes;
      lines.push(w.ran(at(from), text(minutes, used)));
    }
    const to = pause.to === null ? null : new Date(pause.to);
    const until = to ?? maxDate(from, now);
    const paused = businessMillisecondsBetween(calendar, from, until);
    const minutes = shown(from, until);
    pausedMs += paused;
    pausedShown += minutes;
    lines.push(
      to
        ? w.paused(at(from), at(to), text(minutes, paused))
        : w.pausedOpen(at(from), text(minutes, paused)),
    );
    segmentStart = to;
  }
  const pausedBusinessMinutes = pausedMs / MS_PER_MINUTE;
  lines.push(w.pausedTotal(text(pausedShown, pausedMs)));
  if (segmentStart === null) {
    return { clockStart: null, deadline: null, pausedBusinessMinutes, lines };
  }

  // The clock itself stays exact: the time left, to the millisecond, walked from the resume.
  const remainingMs = Math.max(0, budgetMs - usedMs);
  const walked = walkBusinessMs(calendar, segmentStart.getTime(), remainingMs);
  const deadline = new Date(walked.deadline);
  const remaining = shown(segmentStart, deadline);
  lines.push(w.resumed(at(segmentStart), text(remaining, remainingMs)));
  // The seconds the times leave out can make up a minute: say so rather than bend a line.
  if (usedMs <= budgetMs && usedShown + remaining !== budgetShown) {
    lines.push(w.secondsNote(wholeMinutesText(locale, usedShown + remaining, true)));
  }
  // The spans walk the minutes left from the resume's minute, as its line prints it.
  const steps = explainMinutesText(
    locale,
    explainAddBusinessMinutes(calendar, wholeMinute(segmentStart), remaining),
  );
  // The engine's own first (start) and last (deadline) lines give way to the exact ones.
  lines.push(...steps.slice(1, -1));
  lines.push(deadlineLine(locale, calendar.timeZone, deadline));
  return { clockStart: new Date(walked.clockStart), deadline, pausedBusinessMinutes, lines };
}

/** The instant at the start of `d`'s minute, as the lines print `d` (seconds dropped). */
function wholeMinute(d: Date): Date {
  return new Date(d.getTime() - modulo(d.getTime(), MS_PER_MINUTE));
}

function modulo(n: number, d: number): number {
  return ((n % d) + d) % d;
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() > b.getTime() ? a : b;
}
