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
}

/**
 * «Reloj de SLA iniciado: Triage»: a clock event names its clock (a ticket runs several, and
 * «SLA cumplido» three times in a row says nothing); other events their words, or their type.
 * A recomputed deadline (L3-06, BUSINESS-TIME.md) says from which date to which, with `format`
 * (the web app's date format); without its new deadline it keeps its plain words.
 */
export function eventTitle(
  type: string,
  data: Readonly<Record<string, unknown>>,
  words: EventTitleWords,
  format?: (iso: string) => string,
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
  return clock ? `${title}: ${clock}` : title;
}
