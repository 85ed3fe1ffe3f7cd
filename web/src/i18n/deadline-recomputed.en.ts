import { calendarDisplayName } from './calendar-name';
import { calendarChangeEn } from '../../../src/shared/calendar-change-words';
import type { DeadlineRecomputedMessages } from './deadline-recomputed.es-mx';

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
  change: calendarChangeEn,
  scheduleTitles: {
    autoCloseAt: 'Automatic closure recomputed',
    approvalReminderAt: 'Authorization reminder recomputed',
    changeOrderReminderAt: 'Change order reminder recomputed',
    testingReminderAt: 'Testing reminder recomputed',
  },
  scheduleDue: (field, from, to) =>
    field === 'autoCloseAt' ? `Closes: ${from} → ${to}` : `Next reminder: ${from} → ${to}`,
};
