import {
  type CalendarDefinition,
  type Holiday,
  MX_LFT_74,
  mexicoLft74HolidaysBetween,
} from '../engine';

/** Years for which generated holidays are materialised when a calendar is compiled. */
export const GENERATED_HOLIDAY_YEARS = { from: 2006, to: 2099 } as const;

/** Holiday sources generated from rules rather than entered as data. */
export const GENERATED_HOLIDAY_SOURCES: Record<string, () => Holiday[]> = {
  [MX_LFT_74]: () =>
    mexicoLft74HolidaysBetween(GENERATED_HOLIDAY_YEARS.from, GENERATED_HOLIDAY_YEARS.to),
};

/** The definition the engine runs on: stored data plus the holidays of every generated source. */
export function compileDefinition(
  stored: CalendarDefinition,
  holidaySources: readonly string[],
): CalendarDefinition {
  const generated = holidaySources.flatMap((source) => {
    const generate = GENERATED_HOLIDAY_SOURCES[source];
    if (!generate) throw new Error(`unknown holiday source ${source}`);
    return generate();
  });
  return { ...stored, holidays: [...generated, ...stored.holidays] };
}
