import type { RecomputedVersions, TicketEventModel } from './ticket.model';

const record = (text: string): Record<string, unknown> => {
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
/** A calendar version as an event's data holds it (a positive integer), else null. */
export const version = (v: unknown): number | null =>
  Number.isInteger(v) && (v as number) > 0 ? (v as number) : null;

/**
 * The version range a recomputed date followed, up to `to`: after `known`, the version it was
 * computed on (never above `to`), else after the version just before `to`. The ticket history
 * and the email that tells the client of the move (`DEADLINE_MOVED`) read it alike.
 */
export function versionRange(
  known: number | null | undefined,
  to: number,
): { from: number; to: number } {
  return { from: known !== null && known !== undefined ? Math.min(known, to) : to - 1, to };
}

/**
 * BUSINESS-TIME.md, L3-06: each CLOCK_RECOMPUTED event of a ticket on `calendarId` with the calendar
 * versions its deadline followed: after the version its clock had (the event's
 * `previousCalendarVersion`; for events recorded before it, the latest earlier event of the same
 * clock that carried one; else the version just before) up to the version it was recomputed on.
 * Several edits the workflow coalesced into one recompute are all in the range. SCHEDULE_RECOMPUTED
 * events (a reminder or the automatic closure moved, L3-07, L3-09, L3-12) likewise, from their
 * `previousCalendarVersion` to their `calendarVersion`; those recorded before they carried a
 * version are left as they are, like every other event.
 */
export function withRecomputedVersions(
  calendarId: string,
  events: readonly TicketEventModel[],
): TicketEventModel[] {
  const last = new Map<string, number>();
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((event) => {
      const data = record(event.data);
      const clockId = typeof data.clockId === 'string' ? data.clockId : null;
      const to = version(data.calendarVersion);
      let annotated = event;
      if (event.type === 'CLOCK_RECOMPUTED' && to !== null) {
        const known =
          version(data.previousCalendarVersion) ?? (clockId ? last.get(clockId) : undefined);
        // The same version (or none known): no change of the calendar to name.
        const recomputedOn: RecomputedVersions = { calendarId, ...versionRange(known, to) };
        annotated = { ...event, recomputedOn };
      }
      if (event.type === 'SCHEDULE_RECOMPUTED' && to !== null) {
        // A reminder or the auto-close moved: after the version they were computed on (unknown
        // in a run continued as new before its first one: the latest change alone).
        const known = version(data.previousCalendarVersion);
        annotated = { ...event, recomputedOn: { calendarId, ...versionRange(known, to) } };
      }
      if (clockId && to !== null) last.set(clockId, to);
      return annotated;
    });
}
