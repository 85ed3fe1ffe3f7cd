import {
  BusinessCalendar,
  defaultMexicoCityCalendar,
  isBusinessTime,
} from '../../../src/business-time/engine';

/**
 * What the ticket page calls a running clock of a demo ticket (the default calendar: Mexico City,
 * Monday to Friday 09:00–18:00, LFT holidays) at this moment: «Corriendo» in business time,
 * «Fuera de horario hábil» outside it (QA S51). Worked out from the calendar here, not read
 * from the page, so a test run at night or on a weekend checks the other word.
 */
export function runningClockWord(now = new Date()): 'Corriendo' | 'Fuera de horario hábil' {
  const year = now.getUTCFullYear();
  const calendar = new BusinessCalendar(defaultMexicoCityCalendar(year - 1, year + 1));
  return isBusinessTime(calendar, now) ? 'Corriendo' : 'Fuera de horario hábil';
}
