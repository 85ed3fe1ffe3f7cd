import {
  calendarDisplayName,
  SEEDED_DEFAULT_CALENDAR_NAME,
} from '../../../src/shared/calendar-names';
import {
  Calendars1764317000000,
  DEFAULT_CALENDAR_ID,
} from '../../../src/database/migrations/1764317000000-calendars';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { eventTitle, type RecomputeChange } from '../../../web/src/tickets/event-title';

// The default calendar the migration seeds has a Spanish name, which English screens showed
// verbatim (QA S15). Its seeded name is shown in the reader's language; a name an administrator
// wrote (another calendar, or the default one renamed) is shown as written (BUSINESS-TIME.md,
// L3-06 «Plazo recalculado» lines).

const RENAMED = 'Horario Becken (CDMX)';

describe('calendarDisplayName', () => {
  it('is the migration seed’s name (the name the rows hold)', async () => {
    const seeded: string[] = [];
    await new Calendars1764317000000().up({
      query: (sql: string, params?: unknown[]) => {
        if (sql.includes('INSERT INTO business_calendar (')) {
          expect(params?.[0]).toBe(DEFAULT_CALENDAR_ID);
          seeded.push(String(params?.[1]));
        }
        return Promise.resolve();
      },
    } as never);
    expect(seeded).toEqual([SEEDED_DEFAULT_CALENDAR_NAME]);
  });

  it('words the seeded default calendar in the reader’s language', () => {
    expect(calendarDisplayName(SEEDED_DEFAULT_CALENDAR_NAME, 'es-MX')).toBe(
      'México (CDMX), lunes a viernes 09:00–18:00, LFT art. 74',
    );
    expect(calendarDisplayName(SEEDED_DEFAULT_CALENDAR_NAME, 'en')).toBe(
      'Mexico (Mexico City), Monday to Friday 09:00–18:00, LFT art. 74',
    );
  });

  it('shows a name an administrator wrote as written, in both languages', () => {
    for (const language of ['es-MX', 'en'] as const) {
      expect(calendarDisplayName(RENAMED, language)).toBe(RENAMED);
      expect(calendarDisplayName('Comercializadora Aurora', language)).toBe(
        'Comercializadora Aurora',
      );
    }
  });
});

describe('«Plazo recalculado» lines name the default calendar in the reader’s language', () => {
  const data = {
    kind: 'triage',
    deadline: '2026-11-18T16:00:00.000Z',
    previousDeadline: '2026-11-17T16:00:00.000Z',
  };
  const format = (iso: string) => `<${iso.slice(5, 16)}>`;
  const holiday = (calendarName: string, name: string): RecomputeChange => ({
    calendarName,
    kind: 'HOLIDAY_ADDED',
    date: '2026-11-16',
    name,
    source: 'CLIENT',
    reason: null,
    timeZone: null,
    intervals: null,
  });
  const line = (changes: RecomputeChange[], words = en.tickets) =>
    eventTitle('CLOCK_RECOMPUTED', data, words, format, undefined, changes);

  it('one change and several changes, in English and in Spanish', () => {
    const one = [holiday(SEEDED_DEFAULT_CALENDAR_NAME, 'Día de la Revolución')];
    expect(line(one)).toContain(
      'to the calendar “Mexico (Mexico City), Monday to Friday 09:00–18:00, LFT art. 74”',
    );
    expect(line(one)).not.toContain('lunes a viernes');
    expect(line(one, esMX.tickets)).toContain(
      'al calendario «México (CDMX), lunes a viernes 09:00–18:00, LFT art. 74»',
    );
    const two = [...one, holiday(SEEDED_DEFAULT_CALENDAR_NAME, 'Aniversario')];
    expect(line(two)).toContain(
      'after changes to the calendar “Mexico (Mexico City), Monday to Friday 09:00–18:00, LFT art. 74”',
    );
  });

  it('a calendar an administrator named keeps its name in English', () => {
    expect(line([holiday(RENAMED, 'Día de la Revolución')])).toContain(
      `to the calendar “${RENAMED}”`,
    );
  });
});
