import type { CalendarChangesMessages } from './calendar-changes.es-mx';

/** English texts of a calendar's change log and of the LFT art. 74 confirmation. */
export const calendarChangesEn: CalendarChangesMessages = {
  changedBy: 'Who',
  system: 'System',
  created: 'Calendar created',
  fields: {
    name: 'name',
    timeZone: 'time zone',
    weekly: 'weekly hours',
  },
  updated: (fields: string) => `Changed: ${fields}`,
  lft74On: 'Mandatory rest days of LFT art. 74 included',
  lft74Off: 'Mandatory rest days of LFT art. 74 removed',
  lft74Changed: 'Mandatory rest days of LFT art. 74 changed',
  holidayAdded: (date: string, name: string, source: string) =>
    `Holiday added: ${date} ${name} (${source})`,
  holidayRemoved: (date: string) => `Holiday removed: ${date}`,
  overrideSet: (date: string, hours: string, reason: string) =>
    `Exception on ${date}: ${hours} (${reason})`,
  overrideClosed: 'closed',
  overrideRemoved: (date: string) => `Exception removed: ${date}`,
  nothingChanged: 'No changes',
  holidayOrigin: (source: string) => `Source: ${source}`,
  confirmTitle: 'Remove the mandatory rest days?',
  confirmYes: 'Yes, remove the LFT days',
  confirmNo: 'Cancel',
  confirmAddTitle: 'Include the mandatory rest days?',
  confirmAddYes: 'Yes, include the LFT days',
};
