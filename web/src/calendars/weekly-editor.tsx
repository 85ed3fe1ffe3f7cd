import type { TimeInterval, WeeklyInput } from '../api/operations';
import { weekdayName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { editorTexts } from './editor-texts';

/** The week being edited: ISO weekday (1 = Monday … 7 = Sunday) → its intervals; none = closed. */
export type Week = Record<number, TimeInterval[]>;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** BUSINESS-TIME.md's default: Monday–Friday 09:00–18:00. */
export function defaultWeek(): Week {
  return Object.fromEntries(
    WEEKDAYS.map((d) => [d, d <= 5 ? [{ start: '09:00', end: '18:00' }] : []]),
  );
}

export function weekFrom(weekly: WeeklyInput): Week {
  return Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      (weekly.find((w) => w.weekday === d)?.intervals ?? []).map(({ start, end }) => ({
        start,
        end,
      })),
    ]),
  );
}

/** The whole week as the API takes it (every weekday listed, closed ones empty). */
export function weeklyInput(week: Week): WeeklyInput {
  return WEEKDAYS.map((weekday) => ({ weekday, intervals: week[weekday] ?? [] }));
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/**
 * Per weekday: closed, or one or more HH:MM–HH:MM intervals. No checks of its own: the server
 * judges the week and its refusal is shown in words (an end before its start, an overlap).
 */
export function WeeklyEditor({
  idPrefix,
  week,
  onChange,
}: {
  idPrefix: string;
  week: Week;
  onChange: (week: Week) => void;
}) {
  const { language } = useI18n();
  const m = editorTexts(language);
  const set = (day: number, intervals: TimeInterval[]) => onChange({ ...week, [day]: intervals });
  const patch = (day: number, index: number, part: Partial<TimeInterval>) =>
    set(
      day,
      week[day].map((i, n) => (n === index ? { ...i, ...part } : i)),
    );

  return (
    <fieldset className="span-all weekly-editor" data-testid={`${idPrefix}-weekly-editor`}>
      <legend>{m.weekly}</legend>
      {WEEKDAYS.map((day) => {
        const name = capitalize(weekdayName(day, language));
        const intervals = week[day] ?? [];
        const open = intervals.length > 0;
        return (
          <div
            className="weekday-row"
            key={day}
            role="group"
            aria-labelledby={`${idPrefix}-day-${day}`}
          >
            <span className="weekday-name" id={`${idPrefix}-day-${day}`}>
              {name}
            </span>
            <label className="check">
              <input
                type="checkbox"
                checked={open}
                onChange={(e) =>
                  set(day, e.target.checked ? [{ start: '09:00', end: '18:00' }] : [])
                }
              />
              {open ? m.open : m.closed}
            </label>
            {open && (
              <div className="intervals">
                {intervals.map((interval, index) => (
                  <div className="interval-row" key={index}>
                    <label
                      className="visually-hidden"
                      htmlFor={`${idPrefix}-${day}-start-${index}`}
                    >
                      {m.intervalStart(name, index + 1)}
                    </label>
                    <input
                      id={`${idPrefix}-${day}-start-${index}`}
                      type="time"
                      required
                      value={interval.start}
                      onChange={(e) => patch(day, index, { start: e.target.value })}
                    />
                    <span aria-hidden="true">–</span>
                    <label className="visually-hidden" htmlFor={`${idPrefix}-${day}-end-${index}`}>
                      {m.intervalEnd(name, index + 1)}
                    </label>
                    <input
                      id={`${idPrefix}-${day}-end-${index}`}
                      type="time"
                      required
                      value={interval.end}
                      onChange={(e) => patch(day, index, { end: e.target.value })}
                    />
                    {intervals.length > 1 && (
                      <button
                        type="button"
                        className="button small ghost"
                        aria-label={m.removeInterval(name, index + 1)}
                        onClick={() =>
                          set(
                            day,
                            intervals.filter((_, n) => n !== index),
                          )
                        }
                      >
                        ×
                      </button>
                    )}
                  </div>
                ))}
                <button
                  type="button"
                  className="button small"
                  aria-label={`${m.addInterval} (${name})`}
                  onClick={() => set(day, [...intervals, { start: '15:00', end: '18:00' }])}
                >
                  {m.addInterval}
                </button>
              </div>
            )}
            {day === 1 && (
              <button
                type="button"
                className="button small"
                onClick={() =>
                  onChange({
                    ...week,
                    ...Object.fromEntries(
                      [2, 3, 4, 5].map((d) => [d, week[1].map((i) => ({ ...i }))]),
                    ),
                  })
                }
              >
                {m.copyMonday}
              </button>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
