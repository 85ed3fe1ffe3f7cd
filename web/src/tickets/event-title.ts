// The title of a workflow event in the ticket's history. Pure (no React), so the unit tier tests it.

import type {
  CalendarChangeWords,
  DeadlineRecomputedMessages,
} from '../i18n/deadline-recomputed.es-mx';
import { endSentence } from '../i18n/sentence';

/** A calendar change a recomputed deadline followed (`TicketEvent.calendarChanges`). */
export interface RecomputeChange extends CalendarChangeWords {
  readonly calendarName: string;
}

/** How many changes one line names; the rest are counted («y 2 cambios más»). */
const NAMED_CHANGES = 2;

/** The words an event title needs (from `t.tickets`). */
export interface EventTitleWords {
  readonly events: Readonly<Record<string, string>>;
  readonly clockKinds: Readonly<Record<string, string>>;
  /**
   * A deadline a calendar change moved: «Plazo de Triage recalculado por un cambio en el
   * calendario: del <old> al <new>»; `from` is null when the event did not record it.
   */
  readonly deadlineRecomputed: (clock: string | null, from: string | null, to: string) => string;
  /** The same, naming the calendar changes that moved it (`recomputedLine`). */
  readonly recomputed: DeadlineRecomputedMessages;
  /**
   * A clock resumed after a pause, its deadline moved by the pause: «Reloj de SLA reanudado:
   * Triage. El plazo pasó del <old> al <new>»; `from` null when no earlier deadline is known.
   */
  readonly deadlineAfterPause: (from: string | null, to: string) => string;
  /** A clock started: «Reloj de SLA iniciado: Triage. Vence el <deadline>». */
  readonly dueOn: (to: string) => string;
}

/** What the deadline lines need of a workflow event (a subset of `TicketEvent`). */
export interface DeadlineEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A workflow event with its instant (`TicketEvent.at`). */
export interface TimedEvent extends DeadlineEvent {
  readonly at: string;
}

/**
 * A clock met and started again at once reads as one line (L3-07: the progress cadence on every
 * update): the CLOCK_MET right before a CLOCK_STARTED of the same kind, at the same instant, is
 * `folded` (not shown), and that CLOCK_STARTED is `restarted` («SLA cumplido y reiniciado»). By seq.
 */
export function clockRestarts(events: readonly TimedEvent[]): {
  folded: Set<number>;
  restarted: Set<number>;
} {
  const folded = new Set<number>();
  const restarted = new Set<number>();
  const bySeq = [...events].sort((a, b) => a.seq - b.seq);
  bySeq.forEach((met, i) => {
    const next = bySeq[i + 1];
    if (
      met.type === 'CLOCK_MET' &&
      next?.type === 'CLOCK_STARTED' &&
      next.seq === met.seq + 1 &&
      next.at === met.at &&
      typeof met.data.kind === 'string' &&
      met.data.kind === next.data.kind
    ) {
      folded.add(met.seq);
      restarted.add(next.seq);
    }
  });
  return { folded, restarted };
}

/**
 * The deadline each CLOCK_RESUMED event's clock had before its pause (by the event's seq): the
 * latest earlier event of the same clock that carried one. A paused clock has no deadline, and the
 * resume records only the new one, so the history reads the old one from the events before it.
 */
export function deadlinesBeforeResume(events: readonly DeadlineEvent[]): Map<number, string> {
  const last = new Map<string, string>();
  const before = new Map<number, string>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const { clockId, deadline } = event.data;
    if (typeof clockId !== 'string') continue;
    if (event.type === 'CLOCK_RESUMED') {
      const known = last.get(clockId);
      if (known !== undefined) before.set(event.seq, known);
    }
    if (typeof deadline === 'string') last.set(clockId, deadline);
  }
  return before;
}

/** The workflow events that add an estimate version (L3-09, L3-12): `submitEstimate`'s handler. */
const ESTIMATE_EVENTS = new Set(['submitEstimate', 'submitChangeOrder']);

/**
 * The estimate version each «Estimación enviada» / «Orden de cambio enviada» event added (by the
 * event's seq), so the history names it (QA S51: the line showed the scope only). The workflow
 * numbers estimates and change orders together, one version per accepted submission in order
 * (`version: estimates.length + 1`); the event records the arguments, not the version.
 */
export function estimateVersions(events: readonly DeadlineEvent[]): Map<number, number> {
  const versions = new Map<number, number>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (ESTIMATE_EVENTS.has(event.type)) versions.set(event.seq, versions.size + 1);
  }
  return versions;
}

/**
 * «Reloj de SLA iniciado: Triage»: a clock event names its clock (a ticket runs several, and
 * «SLA cumplido» three times in a row says nothing); other events their words, or their type.
 * A recomputed deadline (L3-06, BUSINESS-TIME.md) says from which date to which, with `format`
 * (the web app's date format), and so does a clock resumed after a pause; without its new
 * deadline an event keeps its plain words.
 */
export function eventTitle(
  type: string,
  data: Readonly<Record<string, unknown>>,
  words: EventTitleWords,
  format?: (iso: string) => string,
  /** CLOCK_RESUMED: the clock's deadline before the pause (`deadlinesBeforeResume`). */
  before?: string,
  /** CLOCK_/SCHEDULE_RECOMPUTED: the calendar changes it followed (`TicketEvent.calendarChanges`). */
  changes?: readonly RecomputeChange[] | null,
): string {
  // QA S65 #4 (L3-07): a reassignment that recorded no previous agent gave the ticket its first
  // one: «Ticket asignado», not «Ticket reasignado». Events without the key keep their words.
  if (type === 'reassign' && 'previousAgentId' in data && data.previousAgentId === null)
    return words.events.reassignFirst ?? words.events[type] ?? type;
  const title = words.events[type] ?? type;
  const clock =
    (type.startsWith('CLOCK_') || type === 'SLA_RESTARTED') && typeof data.kind === 'string'
      ? words.clockKinds[data.kind]
      : undefined;
  // Only a calendar change records CLOCK_RECOMPUTED (`recomputeRunning`), so that is its cause.
  if (type === 'CLOCK_RECOMPUTED' && format && typeof data.deadline === 'string') {
    const from = typeof data.previousDeadline === 'string' ? format(data.previousDeadline) : null;
    const to = format(data.deadline);
    return (
      recomputedLine(clock ?? null, from, to, changes ?? [], words.recomputed) ??
      words.deadlineRecomputed(clock ?? null, from, to)
    );
  }
  // Only a calendar change records SCHEDULE_RECOMPUTED too (a reminder or the automatic closure
  // moved): it names the change like a recomputed deadline, or keeps its words when none is known;
  // and, when one thing moved, which one and from when to when (QA S53).
  if (type === 'SCHEDULE_RECOMPUTED')
    return scheduleLine(title, data, words.recomputed, format, changes);
  const named = clock ? `${title}: ${clock}` : title;
  // A pause moves the deadline by the business time it lasted (BUSINESS-TIME.md): say where to.
  if (type === 'CLOCK_RESUMED' && format && typeof data.deadline === 'string') {
    const to = format(data.deadline);
    // A pause outside business hours moves nothing: then only the deadline, not «del X al X».
    const from = before !== undefined && format(before) !== to ? format(before) : null;
    return `${named}. ${words.deadlineAfterPause(from, to)}`;
  }
  // The deadline a clock started with: the history says when it falls due (L3-06…L3-09).
  if (
    (type === 'CLOCK_STARTED' || type === 'SLA_RESTARTED') &&
    format &&
    typeof data.deadline === 'string'
  ) {
    return `${named}. ${words.dueOn(format(data.deadline))}`;
  }
  return named;
}

/** The instants SCHEDULE_RECOMPUTED can carry, each `{ from, to }`. */
const SCHEDULE_FIELDS = [
  'autoCloseAt',
  'approvalReminderAt',
  'changeOrderReminderAt',
  'testingReminderAt',
] as const;

/**
 * A moved reminder or automatic closure (L3-07, L3-09, L3-12): «Cierre automático recalculado: se
 * agregó el día festivo «…» (…) al calendario «…». Se cerrará: <old> → <new>.» Several moved at once
 * (rare) keep the general title and no dates.
 */
function scheduleLine(
  title: string,
  data: Readonly<Record<string, unknown>>,
  w: DeadlineRecomputedMessages,
  format: ((iso: string) => string) | undefined,
  changes: readonly RecomputeChange[] | null | undefined,
): string {
  const moved = SCHEDULE_FIELDS.flatMap((field) => {
    const m = data[field] as { from?: unknown; to?: unknown } | undefined;
    return typeof m?.from === 'string' && typeof m.to === 'string'
      ? [{ field, from: m.from, to: m.to }]
      : [];
  });
  const only = moved.length === 1 ? moved[0] : undefined;
  const named = (only && w.scheduleTitles[only.field]) ?? title;
  const cause = changeCause(named, changes ?? [], w);
  if (!only || !format) return cause ?? named;
  const due = endSentence(w.scheduleDue(only.field, format(only.from), format(only.to)));
  return `${cause ?? endSentence(named)} ${due}`;
}

/**
 * BUSINESS-TIME.md, L3-06: a recomputed deadline naming the calendar change that moved it, for a
 * client who must see why: «Plazo de Triage recalculado: se agregó el día festivo «…» (lun, 16 nov
 * 2026) al calendario «México CDMX». Vencimiento: <old> → <new>.» Several changes recomputed at
 * once name the first two and count the rest («y 2 cambios más»). Null when no change is known as
 * data (events of calendar versions written before): the general wording stays.
 */
export function recomputedLine(
  clock: string | null,
  from: string | null,
  to: string,
  changes: readonly RecomputeChange[],
  w: DeadlineRecomputedMessages,
): string | null {
  const cause = changeCause(w.title(clock), changes, w);
  return cause === null ? null : `${cause} ${endSentence(w.due(from, to))}`;
}

/**
 * `title` and the calendar changes that caused it, as one sentence: «<title>: se agregó el día
 * festivo «…» (lun, 16 nov 2026) al calendario «México CDMX».», or for several «<title> por cambios
 * en el calendario «México CDMX»: <a>; <b> y 2 cambios más.» Null when no change is known as data.
 */
function changeCause(
  title: string,
  changes: readonly RecomputeChange[],
  w: DeadlineRecomputedMessages,
): string | null {
  const known = changes.filter((c) => c.kind !== 'OTHER');
  if (known.length === 0) return null;
  if (changes.length === 1) {
    return `${title}: ${endSentence(w.change(known[0], known[0].calendarName))}`;
  }
  const named = known.slice(0, NAMED_CHANGES).map((c) => w.change(c, null));
  const rest = changes.length - named.length;
  const list = rest > 0 ? `${named.join('; ')} ${w.more(rest)}` : named.join('; ');
  const calendar = known[known.length - 1].calendarName;
  return `${title} ${w.several(calendar)}: ${endSentence(list)}`;
}
