import type { CalendarDefinition, TimeInterval } from '../engine';

/**
 * What one calendar version changed, as data (BUSINESS-TIME.md): the ticket history names the
 * change that moved a deadline (L3-06, L3-19 «published with old and new value») in the reader's
 * language, which the version's English `change` log line cannot do. Stored with the version
 * (`business_calendar_version.details`, one version may hold several, e.g. a week and a zone
 * changed together); versions written before it have none.
 */
export type CalendarChangeDetail =
  | {
      readonly kind: 'HOLIDAY_ADDED';
      readonly date: string;
      readonly name: string;
      readonly source: string;
    }
  | {
      readonly kind: 'HOLIDAY_REMOVED';
      readonly date: string;
      readonly name: string;
      readonly source: string;
    }
  | {
      /** A date's own hours (empty: closed), and why. */
      readonly kind: 'HOURS_SET';
      readonly date: string;
      readonly intervals: readonly TimeInterval[];
      readonly reason: string;
    }
  | {
      /** A date's own hours removed: it works its weekday's hours again. */
      readonly kind: 'HOURS_REMOVED';
      readonly date: string;
      readonly intervals: readonly TimeInterval[];
      readonly reason: string;
    }
  | { readonly kind: 'WEEK_CHANGED' }
  | { readonly kind: 'TIME_ZONE_CHANGED'; readonly timeZone: string }
  | { readonly kind: 'HOLIDAY_SOURCE_ON' | 'HOLIDAY_SOURCE_OFF'; readonly source: string }
  | { readonly kind: 'RENAMED'; readonly name: string };

export type CalendarChangeKind = CalendarChangeDetail['kind'];

/**
 * The changes an `updateCalendar` makes to `before` (name, zone, week, generated holiday sources),
 * each only when its value really differs: a week sent again unchanged changes nothing.
 */
export function updateChanges(
  before: {
    readonly name: string;
    readonly definition: CalendarDefinition;
    readonly holidaySources: readonly string[];
  },
  after: {
    readonly name?: string;
    readonly definition: CalendarDefinition;
    readonly holidaySources: readonly string[];
  },
): CalendarChangeDetail[] {
  const changes: CalendarChangeDetail[] = [];
  const name = after.name?.trim();
  if (name && name !== before.name) changes.push({ kind: 'RENAMED', name });
  if (after.definition.timeZone !== before.definition.timeZone) {
    changes.push({ kind: 'TIME_ZONE_CHANGED', timeZone: after.definition.timeZone });
  }
  if (weekKey(after.definition.weekly) !== weekKey(before.definition.weekly)) {
    changes.push({ kind: 'WEEK_CHANGED' });
  }
  for (const source of after.holidaySources) {
    if (!before.holidaySources.includes(source))
      changes.push({ kind: 'HOLIDAY_SOURCE_ON', source });
  }
  for (const source of before.holidaySources) {
    if (!after.holidaySources.includes(source))
      changes.push({ kind: 'HOLIDAY_SOURCE_OFF', source });
  }
  return changes;
}

/** The week as comparable text: weekdays in order, each with its intervals. */
function weekKey(weekly: CalendarDefinition['weekly']): string {
  return [1, 2, 3, 4, 5, 6, 7]
    .map((d) =>
      (weekly[d as keyof typeof weekly] ?? []).map((i) => `${i.start}-${i.end}`).join(','),
    )
    .join('|');
}
