// Public surface of the business-time engine: pure, deterministic, host-time-zone independent.
export type {
  CalendarDefinition,
  DayOverride,
  DayRule,
  Holiday,
  IsoWeekday,
  LocalDate,
  LocalTime,
  TimeInterval,
  WorkingDay,
  WorkingInterval,
} from './calendar.types';
export { BusinessCalendar, type CalendarInput } from './business-calendar';
export {
  addBusinessDays,
  addBusinessHours,
  addBusinessMinutes,
  businessMillisecondsBetween,
  businessMinutesBetween,
  isBusinessTime,
  lastBusinessMoment,
  localDateOf,
  nextBusinessMoment,
  workingIntervalsOn,
} from './business-time';
export {
  explainAddBusinessDays,
  explainAddBusinessHours,
  explainAddBusinessMinutes,
  type BusinessDaysExplanation,
  type BusinessMinutesExplanation,
  type ConsumedStep,
  type CountedDateStep,
  type SkipReason,
  type SkippedDateStep,
} from './explain';
export { findCalendarIssues, validateCalendar } from './calendar-validation';
export { isKnownTimeZone } from './zoned-time';
export {
  MX_LFT_74,
  MX_LFT_74_FIRST_YEAR,
  MX_LFT_74_LAST_YEAR,
  mexicoLft74Holidays,
  mexicoLft74HolidaysBetween,
} from './mexico-holidays';
export { MEXICO_CITY_TIME_ZONE, defaultMexicoCityCalendar } from './default-calendar';
export { NO_WORKING_TIME_HORIZON_DAYS } from './business-walk';
export { MAX_BUSINESS_DAYS, MAX_BUSINESS_MINUTES } from './engine-inputs';
export { BusinessTimeError, type BusinessTimeErrorCode } from './business-time.error';
export {
  CalendarValidationError,
  type CalendarIssue,
  type CalendarIssueCode,
} from './calendar-validation.error';
export { BusinessTimeInputError } from './business-time-input.error';
export { NoWorkingTimeError } from './no-working-time.error';
