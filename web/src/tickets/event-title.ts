// The title of a workflow event in the ticket's history. Pure (no React), so the unit tier tests it.

/** The words an event title needs (from `t.tickets`). */
export interface EventTitleWords {
  readonly events: Readonly<Record<string, string>>;
  readonly clockKinds: Readonly<Record<string, string>>;
}

/**
 * «Reloj de SLA iniciado: Triage»: a clock event names its clock (a ticket runs several, and
 * «SLA cumplido» three times in a row says nothing); other events their words, or their type.
 */
export function eventTitle(
  type: string,
  data: Readonly<Record<string, unknown>>,
  words: EventTitleWords,
): string {
  const title = words.events[type] ?? type;
  const clock =
    type.startsWith('CLOCK_') && typeof data.kind === 'string'
      ? words.clockKinds[data.kind]
      : undefined;
  return clock ? `${title}: ${clock}` : title;
}
