import type { CalendarChangesMessages } from '../i18n/calendar-changes.es-mx';
import type {
  CalendarChangeWords,
  DeadlineRecomputedMessages,
} from '../i18n/deadline-recomputed.es-mx';
import { startSentence } from '../i18n/sentence';

/** A version of the calendar's change log (`CalendarVersion`): its stored text and its data. */
export interface LoggedVersion {
  readonly change: string;
  /** What it changed, as data; null for versions written before (and the creation). */
  readonly details: readonly CalendarChangeWords[] | null;
}

/**
 * BUSINESS-TIME.md, L3-06, L3-19: what a calendar version changed, in the reader's language, from
 * its `details` and by the same rule that names the change in a ticket's «Plazo recalculado» line
 * (`w.change`, the calendar left unnamed: the page is the calendar's own): «Se quitó el día festivo
 * «Día de la Revolución» (lun, 16 de nov de 2026) · Origen: Cliente». A holiday also says where it
 * came from, as the log did before. Several changes of one version are listed with «; »; an edit
 * that changed nothing says so. Only the first clause opens with a capital. Versions written before `details` keep their stored text, put in
 * words where its shape is known (`describeVersionChange`).
 */
export function versionChangeText(
  v: LoggedVersion,
  c: CalendarChangesMessages,
  w: DeadlineRecomputedMessages,
  sourceName: (source: string) => string,
): string {
  if (!v.details) return describeVersionChange(v.change, c, sourceName);
  if (!v.details.length) return c.nothingChanged;
  const clauses = v.details.map((d) => {
    const text = w.change(d, null);
    const holiday = d.kind === 'HOLIDAY_ADDED' || d.kind === 'HOLIDAY_REMOVED';
    return holiday && d.source ? `${text} · ${c.holidayOrigin(sourceName(d.source))}` : text;
  });
  return startSentence(clauses.join('; '));
}

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
