// Calendar names as the reader sees them: the server's rule (src/shared/calendar-names.ts), so
// the web app and the API's texts name the seeded default calendar alike in each language.
export {
  calendarDisplayName,
  SEEDED_DEFAULT_CALENDAR_NAME,
} from '../../../src/shared/calendar-names';
