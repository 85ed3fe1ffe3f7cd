import { calendarDisplayName } from './calendar-name';
import {
  type CalendarChangeWords,
  type DeadlineRecomputedMessages,
  shortLocalDate,
} from './deadline-recomputed.es-mx';
import { zoneName } from './zone-name';

const hours = (c: CalendarChangeWords): string =>
  (c.intervals ?? []).map((i) => `${i.start}–${i.end}`).join(', ');
const day = (c: CalendarChangeWords): string => (c.date ? shortLocalDate(c.date, 'en') : '');
const why = (c: CalendarChangeWords): string => (c.reason ? ` (“${c.reason}”)` : '');
const lft = (source: string | null): string =>
  source === 'MX_LFT_74' ? 'the mandatory rest days of LFT art. 74' : `the ${source} days`;

/** English: a deadline a calendar change moved, naming the change (see the Spanish). */
export const deadlineRecomputedEn: DeadlineRecomputedMessages = {
  title: (clock) => (clock ? `${clock} deadline recomputed` : 'Deadline recomputed'),
  several: (calendar) => `after changes to the calendar “${calendarDisplayName(calendar, 'en')}”`,
  more: (n) => `and ${n} more ${n === 1 ? 'change' : 'changes'}`,
  due: (from, to) =>
    from === null
      ? `Due: ${to}`
      : from === to
        ? `The deadline stays: ${to}`
        : `Due: ${from} → ${to}`,
  change: (c, named) => {
    // `named` null: the line names it once before the list («after changes to the calendar …»).
    // The seeded default calendar in English; a name an administrator wrote, as written.
    const calendar = named === null ? null : calendarDisplayName(named, 'en');
    const of = (prep: string) => (calendar ? ` ${prep} the calendar “${calendar}”` : '');
    switch (c.kind) {
      case 'HOLIDAY_ADDED':
        return `the holiday “${c.name}” (${day(c)}) was added${of('to')}`;
      case 'HOLIDAY_REMOVED':
        return `the holiday “${c.name}” (${day(c)}) was removed${of('from')}`;
      case 'HOURS_SET':
        return c.intervals?.length
          ? `${day(c)} is worked ${hours(c)}${of('in')}${why(c)}`
          : `${day(c)} was closed${of('in')}${why(c)}`;
      case 'HOURS_REMOVED':
        return `${day(c)} is back to its usual hours${of('in')}`;
      case 'WEEK_CHANGED':
        return `the weekly hours changed${of('in')}`;
      case 'TIME_ZONE_CHANGED':
        return `the time zone${of('of')} is now ${zoneName(c.timeZone ?? 'UTC', 'en')}`;
      case 'HOLIDAY_SOURCE_ON':
        return `${lft(c.source)} were included${of('in')}`;
      case 'HOLIDAY_SOURCE_OFF':
        return `${lft(c.source)} were removed${of('from')}`;
      case 'RENAMED':
        return `the calendar was renamed “${c.name}”`;
      default:
        return calendar ? `the calendar “${calendar}” changed` : 'the calendar changed';
    }
  },
};
