import type { CalendarChangesMessages } from './calendar-changes.es-mx';

/** «This calendar governs 2 clients and 3 open tickets». */
const governsEn = (clients: number, tickets: number) =>
  `This calendar governs ${clients} ${clients === 1 ? 'client' : 'clients'} and ${tickets} open ${tickets === 1 ? 'ticket' : 'tickets'}`;
const LEGAL_DAYS_EN = 'the legal holidays (January 1, September 16, December 25…)';

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
  confirmImpact: (clients: number, tickets: number) =>
    `${governsEn(clients, tickets)}: their deadlines are recomputed and ${LEGAL_DAYS_EN} count as business days.`,
  confirmImpactUnknown: `Deadlines of open tickets on this calendar are recomputed and ${LEGAL_DAYS_EN} count as business days.`,
  confirmDefault: 'This is the default calendar: it applies to every client without its own.',
  confirmYes: 'Yes, remove the LFT days',
  confirmNo: 'Cancel',
  confirmAddTitle: 'Include the mandatory rest days?',
  confirmAddImpact: (clients: number, tickets: number) =>
    `${governsEn(clients, tickets)}: their deadlines are recomputed and ${LEGAL_DAYS_EN} no longer count as business days.`,
  confirmAddImpactUnknown: `Deadlines of open tickets on this calendar are recomputed and ${LEGAL_DAYS_EN} no longer count as business days.`,
  confirmAddYes: 'Yes, include the LFT days',
  confirmEmailed: 'Whoever registered each ticket whose date changes is emailed the new one.',
};
