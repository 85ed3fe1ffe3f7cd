import { versionChangeText, type LoggedVersion } from '../../../web/src/calendars/version-change';
import { calendarChangesEn } from '../../../web/src/i18n/calendar-changes.en';
import { calendarChangesEsMX } from '../../../web/src/i18n/calendar-changes.es-mx';
import type { CalendarChangeWords } from '../../../web/src/i18n/deadline-recomputed.es-mx';
import { eventTitle } from '../../../web/src/tickets/event-title';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// BUSINESS-TIME.md, L3-06, L3-19 (a change is published with what it changed): the calendar's own
// change log showed the stored English text or, for a removed holiday, only its date. Each version
// now reads in words from its `details`, by the same rule as the ticket history's «Plazo
// recalculado» line; versions written before `details` existed keep their stored text.

const change = (c: Partial<CalendarChangeWords>): CalendarChangeWords => ({
  kind: 'OTHER',
  date: null,
  name: null,
  source: null,
  reason: null,
  timeZone: null,
  intervals: null,
  ...c,
});
const revolucion = change({
  kind: 'HOLIDAY_REMOVED',
  date: '2026-11-16',
  name: 'Día de la Revolución',
  source: 'CLIENT',
});
const es = (v: LoggedVersion) =>
  versionChangeText(
    v,
    calendarChangesEsMX,
    esMX.tickets.recomputed,
    (s) => esMX.calendars.sourceNames[s] ?? s,
  );
const english = (v: LoggedVersion) =>
  versionChangeText(
    v,
    calendarChangesEn,
    en.tickets.recomputed,
    (s) => en.calendars.sourceNames[s] ?? s,
  );

describe("calendar change log in words from the version's details (L3-06, L3-19, BUSINESS-TIME.md)", () => {
  it('names a removed holiday, its date and where it came from, in Spanish and in English', () => {
    const v = { change: 'holiday removed: 2026-11-16', details: [revolucion] };
    expect(es(v)).toBe(
      'Se quitó el día festivo «Día de la Revolución» (lun, 16 de nov de 2026) · Origen: Cliente',
    );
    expect(english(v)).toBe(
      'The holiday “Día de la Revolución” (Mon, Nov 16, 2026) was removed · Source: Client',
    );
  });

  it("uses the ticket history's rule: the same clause as «Plazo recalculado», capitalised", () => {
    const line = eventTitle(
      'CLOCK_RECOMPUTED',
      { kind: 'triage', deadline: '2026-11-18T16:00:00.000Z' },
      esMX.tickets,
      (iso) => iso,
      undefined,
      [{ ...revolucion, calendarName: 'México CDMX' }],
    );
    expect(line).toContain(
      'se quitó el día festivo «Día de la Revolución» (lun, 16 de nov de 2026)',
    );
    expect(es({ change: '', details: [revolucion] })).toContain(
      'Se quitó el día festivo «Día de la Revolución» (lun, 16 de nov de 2026)',
    );
  });

  it('says a removed exception, a closed day, the week, the zone, LFT art. 74 and a rename', () => {
    const hours = [{ start: '09:00', end: '14:00' }];
    expect(
      es({
        change: 'override removed: 2026-12-24',
        details: [change({ kind: 'HOURS_REMOVED', date: '2026-12-24', intervals: hours })],
      }),
    ).toBe('El jue, 24 de dic de 2026 vuelve a su horario normal');
    expect(
      es({
        change: 'override 2026-12-31: closed (Inventario)',
        details: [
          change({ kind: 'HOURS_SET', date: '2026-12-31', intervals: [], reason: 'Inventario' }),
        ],
      }),
    ).toBe('Se cerró el jue, 31 de dic de 2026 («Inventario»)');
    expect(
      es({
        change: 'updated: name, timeZone, weekly, mexicoLft74Holidays=off',
        details: [
          change({ kind: 'RENAMED', name: 'Cancún' }),
          change({ kind: 'TIME_ZONE_CHANGED', timeZone: 'America/Cancun' }),
          change({ kind: 'WEEK_CHANGED' }),
          change({ kind: 'HOLIDAY_SOURCE_OFF', source: 'MX_LFT_74' }),
        ],
      }),
    ).toMatch(
      /^El calendario cambió de nombre a «Cancún»; la zona horaria pasó a .+; cambió el horario semanal; se quitaron los días de descanso obligatorio de la LFT art\. 74$/,
    );
    expect(
      english({
        change: 'updated: weekly',
        details: [change({ kind: 'WEEK_CHANGED' })],
      }),
    ).toBe('The weekly hours changed');
  });

  it('says an edit that changed nothing, not an empty cell', () => {
    expect(es({ change: 'updated: weekly', details: [] })).toBe('Sin cambios');
    expect(english({ change: 'updated: weekly', details: [] })).toBe('No changes');
  });

  it('keeps the stored text of versions written before details, in words where its shape is known', () => {
    expect(es({ change: 'holiday removed: 2026-11-16', details: null })).toBe(
      'Día festivo quitado: 2026-11-16',
    );
    expect(es({ change: 'created', details: null })).toBe('Calendario creado');
    expect(english({ change: 'created', details: null })).toBe('Calendar created');
    expect(es({ change: 'something else', details: null })).toBe('something else');
  });
});
