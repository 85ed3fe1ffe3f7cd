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
  several: (calendar) => `after changes to the calendar “${calendar}”`,
  more: (n) => `and ${n} more ${n === 1 ? 'change' : 'changes'}`,
  due: (from, to) =>
    from === null
      ? `Due: ${to}`
      : from === to
        ? `The deadline stays: ${to}`
        : `Due: ${from} → ${to}`,
  change: (c, calendar) => {
    const cal = calendar ? ` calendar “${calendar}”` : ' calendar';
    switch (c.kind) {
      case 'HOLIDAY_ADDED':
        return `the holiday “${c.name}” (${day(c)}) was added to the${cal}`;
      case 'HOLIDAY_REMOVED':
        return `the holiday “${c.name}” (${day(c)}) was removed from the${cal}`;
      case 'HOURS_SET':
        return c.intervals?.length
          ? `${day(c)} is worked ${hours(c)} in the${cal}${why(c)}`
          : `${day(c)} was closed in the${cal}${why(c)}`;
      case 'HOURS_REMOVED':
        return `${day(c)} is back to its usual hours in the${cal}`;
      case 'WEEK_CHANGED':
        return `the weekly hours of the${cal} changed`;
      case 'TIME_ZONE_CHANGED':
        return `the time zone of the${cal} is now ${zoneName(c.timeZone ?? 'UTC', 'en')}`;
      case 'HOLIDAY_SOURCE_ON':
        return `${lft(c.source)} were included in the${cal}`;
      case 'HOLIDAY_SOURCE_OFF':
        return `${lft(c.source)} were removed from the${cal}`;
      case 'RENAMED':
        return `the calendar was renamed “${c.name}”`;
      default:
        return `the${cal} changed`;
    }
  },
};
