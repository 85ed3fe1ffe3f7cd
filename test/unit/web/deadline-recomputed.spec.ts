import { eventTitle, type RecomputeChange } from '../../../web/src/tickets/event-title';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// BUSINESS-TIME.md, L3-06 (and L3-19: a changed date is published with old and new value): «Plazo
// recalculado … por un cambio en el calendario» did not say WHICH change, so a client reading the
// history could not tell why the deadline moved. The line now names the holiday added or removed,
// the hours or the week changed, and the calendar; several changes recomputed at once are named
// (two) and counted; events of calendar versions kept before changes were data keep today's words.

const format = (iso: string) => `<${iso.slice(5, 16)}>`;
const data = {
  kind: 'triage',
  deadline: '2026-11-18T16:00:00.000Z',
  previousDeadline: '2026-11-17T16:00:00.000Z',
};
const change = (c: Partial<RecomputeChange>): RecomputeChange => ({
  calendarName: 'México CDMX',
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
  kind: 'HOLIDAY_ADDED',
  date: '2026-11-16',
  name: 'Día de la Revolución',
  source: 'CLIENT',
});
const title = (
  changes: RecomputeChange[],
  words = esMX.tickets,
  d: Record<string, unknown> = data,
) => eventTitle('CLOCK_RECOMPUTED', d, words, format, undefined, changes);

describe('ticket history: a recomputed deadline names the calendar change (L3-06, BUSINESS-TIME.md)', () => {
  it('a holiday added: its name, its date, the calendar and both deadlines, es and en', () => {
    expect(title([revolucion])).toBe(
      'Plazo de Atención inicial recalculado: se agregó el día festivo «Día de la Revolución» ' +
        '(lun, 16 de nov de 2026) al calendario «México CDMX». ' +
        'Vencimiento: <11-17T16:00> → <11-18T16:00>.',
    );
    expect(title([revolucion], en.tickets)).toBe(
      'Triage deadline recomputed: the holiday “Día de la Revolución” (Mon, Nov 16, 2026) ' +
        'was added to the calendar “México CDMX”. Due: <11-17T16:00> → <11-18T16:00>.',
    );
  });

  it('a holiday removed, a date with its own hours, a closed date, the week and the zone', () => {
    const removed = change({ ...revolucion, kind: 'HOLIDAY_REMOVED' });
    expect(title([removed])).toContain(
      'se quitó el día festivo «Día de la Revolución» (lun, 16 de nov de 2026) del calendario «México CDMX».',
    );
    expect(title([removed], en.tickets)).toContain(
      'the holiday “Día de la Revolución” (Mon, Nov 16, 2026) was removed from the calendar “México CDMX”.',
    );
    const half = change({
      kind: 'HOURS_SET',
      date: '2026-12-24',
      intervals: [{ start: '09:00', end: '14:00' }],
      reason: 'Nochebuena',
    });
    expect(title([half])).toContain(
      ': el jue, 24 de dic de 2026 se atiende de 09:00 a 14:00 en el calendario «México CDMX» («Nochebuena»).',
    );
    expect(title([half], en.tickets)).toContain(
      ': Thu, Dec 24, 2026 is worked 09:00–14:00 in the calendar “México CDMX” (“Nochebuena”).',
    );
    const closed = change({ ...half, intervals: [], reason: 'Inventario' });
    expect(title([closed])).toContain(
      ': se cerró el jue, 24 de dic de 2026 en el calendario «México CDMX» («Inventario»).',
    );
    expect(title([change({ ...half, kind: 'HOURS_REMOVED' })])).toContain(
      ': el jue, 24 de dic de 2026 vuelve a su horario normal en el calendario «México CDMX».',
    );
    expect(title([change({ kind: 'WEEK_CHANGED' })])).toContain(
      ': cambió el horario semanal del calendario «México CDMX».',
    );
    expect(title([change({ kind: 'WEEK_CHANGED' })], en.tickets)).toContain(
      ': the weekly hours changed in the calendar “México CDMX”.',
    );
    expect(title([change({ kind: 'TIME_ZONE_CHANGED', timeZone: 'America/Cancun' })])).toContain(
      ': la zona horaria del calendario «México CDMX» pasó a hora de Cancún.',
    );
    expect(title([change({ kind: 'HOLIDAY_SOURCE_OFF', source: 'MX_LFT_74' })])).toContain(
      ': se quitaron los días de descanso obligatorio de la LFT art. 74 del calendario «México CDMX».',
    );
  });

  it('several changes recomputed at once: the first two named, the rest counted', () => {
    const second = change({
      ...revolucion,
      date: '2026-11-17',
      name: 'Puente',
      kind: 'HOLIDAY_ADDED',
    });
    expect(title([revolucion, second])).toBe(
      'Plazo de Atención inicial recalculado por cambios en el calendario «México CDMX»: ' +
        'se agregó el día festivo «Día de la Revolución» (lun, 16 de nov de 2026); ' +
        'se agregó el día festivo «Puente» (mar, 17 de nov de 2026). ' +
        'Vencimiento: <11-17T16:00> → <11-18T16:00>.',
    );
    const week = change({ kind: 'WEEK_CHANGED' });
    expect(title([revolucion, second, week, change({})])).toBe(
      'Plazo de Atención inicial recalculado por cambios en el calendario «México CDMX»: ' +
        'se agregó el día festivo «Día de la Revolución» (lun, 16 de nov de 2026); ' +
        'se agregó el día festivo «Puente» (mar, 17 de nov de 2026) y 2 cambios más. ' +
        'Vencimiento: <11-17T16:00> → <11-18T16:00>.',
    );
    expect(title([revolucion, second, week], en.tickets)).toBe(
      'Triage deadline recomputed after changes to the calendar “México CDMX”: ' +
        'the holiday “Día de la Revolución” (Mon, Nov 16, 2026) was added; ' +
        'the holiday “Puente” (Tue, Nov 17, 2026) was added and 1 more change. ' +
        'Due: <11-17T16:00> → <11-18T16:00>.',
    );
  });

  it('a change that left the deadline where it was says so, not «from X to X»', () => {
    const same = { ...data, previousDeadline: data.deadline };
    expect(title([revolucion], esMX.tickets, same)).toMatch(
      /«México CDMX»\. El vencimiento no cambia: <11-18T16:00>\.$/,
    );
  });

  it('events without the change as data keep the general words', () => {
    const general =
      'Plazo de Atención inicial recalculado por un cambio en el calendario: del <11-17T16:00> al <11-18T16:00>';
    expect(title([])).toBe(general);
    expect(title([change({})])).toBe(general);
    expect(eventTitle('CLOCK_RECOMPUTED', data, esMX.tickets, format)).toBe(general);
    expect(eventTitle('CLOCK_RECOMPUTED', data, esMX.tickets, format, undefined, null)).toBe(
      general,
    );
  });
});

describe('ticket history: a moved reminder or automatic closure names the calendar change (L3-06, L3-07, L3-09, BUSINESS-TIME.md)', () => {
  const moved = (changes: RecomputeChange[] | null, words = esMX.tickets) =>
    eventTitle(
      'SCHEDULE_RECOMPUTED',
      { autoCloseAt: { from: data.previousDeadline, to: data.deadline }, calendarVersion: 5 },
      words,
      format,
      undefined,
      changes,
    );

  it('one change: named with its calendar, what moved and when, es and en (QA S53)', () => {
    const closed = change({
      kind: 'HOURS_SET',
      date: '2026-11-20',
      intervals: [],
      reason: 'Inventario',
    });
    expect(moved([closed])).toBe(
      'Cierre automático recalculado: se cerró el vie, 20 de nov de 2026 ' +
        'en el calendario «México CDMX» («Inventario»). Se cerrará: <11-17T16:00> → <11-18T16:00>.',
    );
    expect(moved([revolucion], en.tickets)).toBe(
      'Automatic closure recomputed: the holiday “Día de la Revolución” ' +
        '(Mon, Nov 16, 2026) was added to the calendar “México CDMX”. Closes: <11-17T16:00> → <11-18T16:00>.',
    );
  });

  it('a reminder names which one moved; several moved at once keep the general words', () => {
    const reminder = (d: Record<string, unknown>) =>
      eventTitle('SCHEDULE_RECOMPUTED', d, esMX.tickets, format, undefined, [revolucion]);
    const span = { from: data.previousDeadline, to: data.deadline };
    expect(reminder({ approvalReminderAt: span })).toBe(
      'Recordatorio de autorización recalculado: se agregó el día festivo «Día de la Revolución» ' +
        '(lun, 16 de nov de 2026) al calendario «México CDMX». ' +
        'Próximo recordatorio: <11-17T16:00> → <11-18T16:00>.',
    );
    expect(reminder({ approvalReminderAt: span, testingReminderAt: span })).toBe(
      'Recordatorio o cierre automático recalculado: se agregó el día festivo «Día de la Revolución» ' +
        '(lun, 16 de nov de 2026) al calendario «México CDMX».',
    );
  });

  it('several changes: named and counted like a recomputed deadline', () => {
    const week = change({ kind: 'WEEK_CHANGED' });
    expect(moved([revolucion, week, change({ kind: 'RENAMED', name: 'CDMX' })])).toBe(
      'Cierre automático recalculado por cambios en el calendario «México CDMX»: ' +
        'se agregó el día festivo «Día de la Revolución» (lun, 16 de nov de 2026); ' +
        'cambió el horario semanal y 1 cambio más. Se cerrará: <11-17T16:00> → <11-18T16:00>.',
    );
  });

  it('events recorded before they kept a version name no change, but what moved and when', () => {
    const line = 'Cierre automático recalculado. Se cerrará: <11-17T16:00> → <11-18T16:00>.';
    expect(moved(null)).toBe(line);
    expect(moved([change({})])).toBe(line);
  });
});
