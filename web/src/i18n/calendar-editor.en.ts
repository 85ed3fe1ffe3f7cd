import {
  countedClients,
  type CalendarEditorMessages,
  type CalendarReach,
} from './calendar-editor.es-mx';

function clientsEn(reach: CalendarReach): string {
  return countedClients(
    reach,
    'en',
    (n) => `${n} ${n === 1 ? 'client' : 'clients'}`,
    (n) => `${n} more`,
  );
}

/** «This calendar governs 2 clients (…) and 4 open tickets». */
function governsEn(reach: CalendarReach): string {
  const t = reach.openTickets;
  return `This calendar governs ${clientsEn(reach)} and ${t} ${t === 1 ? 'open ticket' : 'open tickets'}`;
}

/** Whom a change of a calendar's days reaches, and what `day` then does. */
function reachEn(day: string, usage: CalendarReach | null, isDefault: boolean): string {
  const who = usage
    ? `${governsEn(usage)}: their running deadlines are recomputed and ${day}.`
    : `The running deadlines of every client using this calendar are recomputed and ${day}.`;
  const base = isDefault
    ? `${who} This is the default calendar: it applies to every client without its own.`
    : who;
  return `${base} ${EMAILED_EN}`;
}

/** L3-19: each moved date is emailed to its ticket's registrant (DEADLINE_MOVED). */
const EMAILED_EN = 'Whoever registered each ticket whose date moves is emailed the new one.';

/** English texts of the calendar editor: a client's new calendar and its weekly hours. */
export const calendarEditorEn: CalendarEditorMessages = {
  newCalendar: 'New calendar',
  newCalendarIntro:
    "A client's own calendar: its time zone, its weekly hours and, if it applies, the mandatory rest days of Mexico's LFT (art. 74). It governs the tickets the client registers from now on; those already open keep the calendar they were registered with.",
  organization: 'Client',
  chooseOrganization: 'Choose a client',
  noFreeOrganization: 'Every client already has its own calendar.',
  name: 'Calendar name',
  timeZone: 'Time zone',
  weekly: 'Weekly hours',
  closed: 'Closed',
  open: 'Open',
  addInterval: 'Add interval',
  removeInterval: (day, n) => `Remove interval ${n} of ${day}`,
  intervalStart: (day, n) => `${day}: start of interval ${n}`,
  intervalEnd: (day, n) => `${day}: end of interval ${n}`,
  copyMonday: 'Copy Monday to Tuesday–Friday',
  lft74: "Include the mandatory rest days of Mexico's LFT (art. 74)",
  create: 'Create calendar',
  created: (name) => `Calendar “${name}” created.`,
  edit: 'Edit weekly hours',
  editTitle: 'Edit name, time zone and weekly hours',
  save: 'Save hours',
  cancel: 'Cancel',
  saved: 'Hours saved: a new calendar version.',
  confirmTitle: "Change this calendar's hours?",
  confirmImpact: (reach) =>
    `${governsEn(reach)}: running deadlines are recomputed with the new hours. ${EMAILED_EN}`,
  confirmYes: 'Yes, save and recompute',
  holidayAddTitle: (date, name) => `Add ${date} (“${name}”) as a holiday?`,
  holidayRemoveTitle: (date, name) => `Remove the holiday on ${date} (“${name}”)?`,
  holidayImpact: (adding, usage, isDefault) =>
    reachEn(
      adding
        ? 'that day stops counting as a business day'
        : 'that day counts as a business day again',
      usage,
      isDefault,
    ),
  lft74Impact: (including, usage, isDefault) =>
    reachEn(
      `the legal holidays (January 1, September 16, December 25…) ${including ? 'no longer count as business days' : 'count as business days'}`,
      usage,
      isDefault,
    ),
  holidayAddYes: 'Yes, add and recompute',
  holidayWithoutEffect: {
    past: 'That date has passed: no running deadline changes. The day is recorded in the calendar.',
    closed:
      'That day is already closed in this calendar: no deadline changes. It is recorded as a holiday.',
    exception:
      'That day has an hours exception, which still applies over the holiday: no deadline changes. It is recorded as a holiday.',
  },
  holidayAddOnlyYes: 'Yes, add',
  deliveriesOnDay: (list, n) =>
    n === 1
      ? `The published delivery of ${list} falls on that day: it does not move by itself; adjust it on the ticket to tell the client.`
      : `The published deliveries of ${list} fall on that day: they do not move by themselves; adjust each on its ticket to tell the client.`,
  holidayRemoveYes: 'Yes, remove and recompute',
  overrideSetTitle: (date) => `Save the exception on ${date}?`,
  overrideRemoveTitle: (date) => `Remove the exception on ${date}?`,
  overrideImpact: (removing, usage, isDefault) =>
    reachEn(
      removing ? 'that day returns to its usual hours' : "that day takes the exception's hours",
      usage,
      isDefault,
    ),
  overrideSetYes: 'Yes, save and recompute',
  overrideRemoveYes: 'Yes, remove and recompute',
  issues: {
    weekdayInterval: (day, n) => `${day}, interval ${n}`,
    weekday: (day) => day,
    overrideInterval: (n) => `Override, interval ${n}`,
    endNotAfterStart: (where, start, end) =>
      `${where}: the end (${end}) must be after the start (${start}).`,
    overlapping: (where) => `${where}: overlaps another interval of the same day.`,
    malformedTime: (where) => `${where}: the time must read HH:MM.`,
    unknownTimeZone: (zone) =>
      `“${zone}” is not an IANA time zone known to the zone database (e.g. America/Mexico_City).`,
  },
};
