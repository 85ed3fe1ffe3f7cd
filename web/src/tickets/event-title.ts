// The title of a workflow event in the ticket's history. Pure (no React), so the unit tier tests it.

/** The words an event title needs (from `t.tickets`). */
export interface EventTitleWords {
  readonly events: Readonly<Record<string, string>>;
  readonly clockKinds: Readonly<Record<string, string>>;
  /**
   * A deadline a calendar change moved: «Plazo de Triage recalculado por un cambio en el
   * calendario: del <old> al <new>»; `from` is null when the event did not record it.
   */
  readonly deadlineRecomputed: (clock: string | null, from: string | null, to: string) => string;
  /**
   * A clock resumed after a pause, its deadline moved by the pause: «Reloj de SLA reanudado:
   * Triage. El plazo pasó del <old> al <new>»; `from` null when no earlier deadline is known.
   */
  readonly deadlineAfterPause: (from: string | null, to: string) => string;
}

/** What the deadline lines need of a workflow event (a subset of `TicketEvent`). */
export interface DeadlineEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
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
): string {
  const title = words.events[type] ?? type;
  const clock =
    type.startsWith('CLOCK_') && typeof data.kind === 'string'
      ? words.clockKinds[data.kind]
      : undefined;
  // Only a calendar change records CLOCK_RECOMPUTED (`recomputeRunning`), so that is its cause.
  if (type === 'CLOCK_RECOMPUTED' && format && typeof data.deadline === 'string') {
    const from = typeof data.previousDeadline === 'string' ? format(data.previousDeadline) : null;
    return words.deadlineRecomputed(clock ?? null, from, format(data.deadline));
  }
  const named = clock ? `${title}: ${clock}` : title;
  // A pause moves the deadline by the business time it lasted (BUSINESS-TIME.md): say where to.
  if (type === 'CLOCK_RESUMED' && format && typeof data.deadline === 'string') {
    const to = format(data.deadline);
    // A pause outside business hours moves nothing: then only the deadline, not «del X al X».
    const from = before !== undefined && format(before) !== to ? format(before) : null;
    return `${named}. ${words.deadlineAfterPause(from, to)}`;
  }
  return named;
}
