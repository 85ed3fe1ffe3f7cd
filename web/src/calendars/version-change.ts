import type { CalendarChangesMessages } from '../i18n/calendar-changes.es-mx';

/**
 * A calendar version's `change` (written by the API: "created", "updated: weekly,
 * mexicoLft74Holidays=off", "holiday added: 2026-06-07 Elección (ELECTION)", …) in the reader's
 * language. Text in an unknown shape is shown as stored.
 */
export function describeVersionChange(
  change: string,
  c: CalendarChangesMessages,
  sourceName: (source: string) => string,
): string {
  if (change === 'created' || change === 'created by migration') return c.created;
  let m = /^updated: (.*)$/.exec(change);
  if (m) {
    const parts = m[1].split(', ').filter((p) => p && p !== 'nothing');
    const lft = parts.find((p) => p.startsWith('mexicoLft74Holidays'));
    const others = parts
      .filter((p) => p !== lft)
      .map((p) => c.fields[p] ?? p)
      .join(', ');
    const lftText =
      lft === 'mexicoLft74Holidays=on'
        ? c.lft74On
        : lft === 'mexicoLft74Holidays=off'
          ? c.lft74Off
          : lft
            ? c.lft74Changed
            : '';
    return [others ? c.updated(others) : '', lftText].filter(Boolean).join('; ') || change;
  }
  m = /^holiday added: (\d{4}-\d{2}-\d{2}) (.*) \(([A-Z0-9_]+)\)$/.exec(change);
  if (m) return c.holidayAdded(m[1], m[2], sourceName(m[3]));
  m = /^holiday removed: (\d{4}-\d{2}-\d{2})$/.exec(change);
  if (m) return c.holidayRemoved(m[1]);
  m = /^override removed: (\d{4}-\d{2}-\d{2})$/.exec(change);
  if (m) return c.overrideRemoved(m[1]);
  m = /^override (\d{4}-\d{2}-\d{2}): (.*?) \((.*)\)$/.exec(change);
  if (m) return c.overrideSet(m[1], m[2] === 'closed' ? c.overrideClosed : m[2], m[3]);
  return change;
}
