import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import {
  clockStatusText,
  clockTimeText,
  clockTimeWords,
  dueClockKind,
  leftIncludesStartDay,
  overdueClock,
} from '../../../web/src/tickets/clock-texts';

// The ticket page's «Relojes de SLA» and the SLA board (L3-06…L3-09 clocks): a clock reads as the
// ticket's SLA does, a breach says how late it is, and a clock counted in days says days.

const es = clockTimeWords['es-MX'];
const english = clockTimeWords.en;

const running = {
  status: 'RUNNING',
  atRiskRecordedAt: null,
  breachedAt: null,
  endedAt: null,
  remainingMinutes: 95,
  overdueMinutes: null,
  businessDayMinutes: null,
  countsFrom: null as string | null,
};

/** A requirement's release-date clock (2 business days, L3-09) on a 09:00–18:00 calendar. */
const days = { ...running, businessDayMinutes: 540 };

const breached = {
  ...running,
  status: 'BREACHED',
  atRiskRecordedAt: '2026-11-27T17:00:00Z',
  breachedAt: '2026-11-27T18:00:00Z',
  remainingMinutes: 0,
  overdueMinutes: 80,
};

describe('clock texts', () => {
  it('a running clock past its at-risk mark reads «En riesgo», not «Corriendo»', () => {
    expect(clockStatusText(running, esMX.tickets)).toBe('Corriendo');
    const atRisk = { ...running, atRiskRecordedAt: '2026-11-27T17:00:00Z' };
    expect(clockStatusText(atRisk, esMX.tickets)).toBe('En riesgo');
    expect(clockStatusText(atRisk, en.tickets)).toBe('At risk');
    expect(clockTimeText(atRisk, es)).toBe('1 h 35 min hábiles');
  });

  // QA S51 (BUSINESS-TIME.md): a ticket registered on a Saturday read «Corriendo» all weekend.
  it('a running clock outside business time reads «Fuera de horario hábil»; at risk stays so', () => {
    const weekend = { ...running, countsFrom: '2026-11-30T15:00:00Z' };
    expect(clockStatusText(weekend, esMX.tickets)).toBe('Fuera de horario hábil');
    expect(clockStatusText(weekend, en.tickets)).toBe('Outside business hours');
    const atRisk = { ...weekend, atRiskRecordedAt: '2026-11-27T17:00:00Z' };
    expect(clockStatusText(atRisk, esMX.tickets)).toBe('En riesgo');
    // Only a running clock: a paused one waits on the client whatever the hour.
    expect(clockStatusText({ ...weekend, status: 'PAUSED' }, esMX.tickets)).toBe('En pausa');
    expect(clockStatusText({ ...running, countsFrom: null }, esMX.tickets)).toBe('Corriendo');
  });

  it('a clock counted in hours says hours and minutes, one of them in the singular', () => {
    const left = (remainingMinutes: number, words = es) =>
      clockTimeText({ ...running, remainingMinutes }, words);
    expect(left(480)).toBe('8 h hábiles');
    expect(left(60)).toBe('1 h hábil');
    expect(left(1)).toBe('1 min hábil');
    expect(left(0)).toBe('0 min hábiles');
    // 27 h of an hours clock stay hours: only a days clock says days.
    expect(left(27 * 60)).toBe('27 h hábiles');
    expect(left(95, english)).toBe('1 h 35 min (business)');
    expect(left(480, english)).toBe('8 h (business)');
  });

  it('a clock counted in days says days, and hours when under a day (QA S20: «27 h hábiles»)', () => {
    const left = (remainingMinutes: number, words = es) =>
      clockTimeText({ ...days, remainingMinutes }, words);
    expect(left(27 * 60)).toBe('3 días hábiles');
    expect(left(540)).toBe('1 día hábil');
    expect(left(540 + 240)).toBe('1 día hábil y 4 h');
    expect(left(2 * 540 + 270)).toBe('2 días hábiles y 4 h 30 min');
    expect(left(300)).toBe('5 h hábiles');
    expect(left(60)).toBe('1 h hábil');
    expect(left(27 * 60, english)).toBe('3 business days');
    expect(left(540 + 240, english)).toBe('1 business day and 4 h');
    expect(left(300, english)).toBe('5 h (business)');
    // The calendar's own day: 2 h a day makes 5 h two days and one hour.
    expect(clockTimeText({ ...days, businessDayMinutes: 120, remainingMinutes: 300 }, es)).toBe(
      '2 días hábiles y 1 h',
    );
    expect(clockTimeText({ ...days, status: 'PAUSED', remainingMinutes: 1080 }, es)).toBe(
      '2 días hábiles',
    );
  });

  // QA S62 #13 (L3-09): right after an authorization the 2-day release-date clock read «3 días
  // hábiles» (27 h of 9 h days): a running days clock says its business dates, from the server's
  // calendar walk (`daysLeft`), and its deadline's time on its last two dates.
  it('a running days clock says its business dates: «Resta hoy y 2 días hábiles», never 3', () => {
    const release = {
      ...days,
      remainingMinutes: 27 * 60,
      deadline: '2026-12-10T00:00:00.000Z',
      daysLeft: { todayMinutes: 540, days: 2, lastDayMinutes: 0, dueOn: null },
    };
    const time = (iso: string) => `time of ${iso}`;
    expect(clockTimeText(release, es, time)).toBe('Resta hoy y 2 días hábiles');
    expect(clockTimeText(release, english, time)).toBe('Rest of today and 2 business days');
    const tomorrow = { ...release, daysLeft: { ...release.daysLeft, dueOn: 'TOMORROW' as const } };
    expect(clockTimeText(tomorrow, es, time)).toBe(
      'Vence mañana a las time of 2026-12-10T00:00:00.000Z',
    );
    expect(clockTimeText(tomorrow, english, time)).toBe(
      'Due tomorrow at time of 2026-12-10T00:00:00.000Z',
    );
    // Paused, it has no deadline: its minutes by its working day, as before.
    expect(clockTimeText({ ...release, status: 'PAUSED', daysLeft: null }, es)).toBe(
      '3 días hábiles',
    );
    // No «Incluye el resto del día de inicio…» under a running one: its words say it.
    expect(leftIncludesStartDay({ ...release, target: '2 business days' })).toBe(false);
    expect(leftIncludesStartDay({ ...release, target: '2 business days', status: 'PAUSED' })).toBe(
      true,
    );
  });

  it('a breached clock says how late it is instead of «0 min hábiles»', () => {
    expect(clockStatusText(breached, esMX.tickets)).toBe('Vencido');
    expect(clockTimeText(breached, es)).toBe('Vencido hace 1 h 20 min hábiles');
    expect(clockTimeText(breached, english)).toBe('Breached 1 h 20 min of business time ago');
    expect(clockTimeText({ ...breached, overdueMinutes: 12 }, es)).toBe(
      'Vencido hace 12 min hábiles',
    );
    expect(clockTimeText({ ...breached, overdueMinutes: 60 }, es)).toBe('Vencido hace 1 h hábil');
    // Ended: the page shows when it ended instead.
    expect(clockTimeText({ ...breached, endedAt: '2026-11-27T19:20:00Z' }, es)).toBe(null);
  });

  it('a breached days clock says how late in days', () => {
    const late = { ...breached, businessDayMinutes: 540, overdueMinutes: 540 + 180 };
    expect(clockTimeText(late, es)).toBe('Vencido hace 1 día hábil y 3 h');
    expect(clockTimeText(late, english)).toBe('Breached 1 business day and 3 h ago');
    expect(clockTimeText({ ...late, overdueMinutes: 80 }, es)).toBe(
      'Vencido hace 1 h 20 min hábiles',
    );
  });

  // QA F15: «Diagnóstico — 5 días hábiles» started at 1:02 p.m. read «5 días hábiles y 4 h 58 min»
  // left; the start day never counts (L3-08/L3-09), and the cell now says so.
  describe('the time left includes the start day', () => {
    const diagnosis = { ...days, target: '5 business days' };
    const target = 5 * 540;

    it('when a days clock has more left than its target, running or paused', () => {
      const firstDay = { ...diagnosis, remainingMinutes: target + 298 };
      expect(clockTimeText(firstDay, es)).toBe('5 días hábiles y 4 h 58 min');
      expect(leftIncludesStartDay(firstDay)).toBe(true);
      expect(leftIncludesStartDay({ ...firstDay, remainingMinutes: target + 1 })).toBe(true);
      expect(leftIncludesStartDay({ ...firstDay, status: 'PAUSED' })).toBe(true);
    });

    it('not when it has its target or less, nor once it has ended', () => {
      expect(leftIncludesStartDay({ ...diagnosis, remainingMinutes: target })).toBe(false);
      expect(leftIncludesStartDay({ ...diagnosis, remainingMinutes: target - 60 })).toBe(false);
      // Under half a minute over reads «5 días hábiles»: no note for a time left that is not more.
      expect(leftIncludesStartDay({ ...diagnosis, remainingMinutes: target + 0.4 })).toBe(false);
      expect(
        leftIncludesStartDay({ ...diagnosis, status: 'MET', remainingMinutes: target + 298 }),
      ).toBe(false);
    });

    it('not for a clock counted in hours, nor a days clock without its working day', () => {
      // An hours clock's budget is its target: «480 business minutes» never has more left.
      expect(
        leftIncludesStartDay({ ...running, target: '480 business minutes', remainingMinutes: 480 }),
      ).toBe(false);
      expect(
        leftIncludesStartDay({ ...diagnosis, businessDayMinutes: null, remainingMinutes: 3000 }),
      ).toBe(false);
    });
  });
});

describe("dueClockKind: which clock a list's deadline is (L3-06…L3-09)", () => {
  const progress = { kind: 'progress', status: 'RUNNING', deadline: '2026-12-03T16:00:00.000Z' };
  const scheduling = { kind: 'scheduling', status: 'RUNNING', deadline: '2026-12-07T00:00:00Z' };
  const triage = { kind: 'triage', status: 'MET', deadline: '2026-12-01T16:00:00.000Z' };

  it("the running clock whose deadline it is, whatever the instant's spelling", () => {
    const clocks = [triage, progress, scheduling];
    expect(dueClockKind(clocks, '2026-12-03T16:00:00.000Z')).toBe('progress');
    expect(dueClockKind(clocks, '2026-12-07T00:00:00.000Z')).toBe('scheduling');
  });

  it('none for an ended clock, a deadline no running clock has, or no deadline', () => {
    // The triage clock met its deadline: a list's next deadline is never an ended clock's.
    expect(dueClockKind([triage, progress], triage.deadline)).toBeNull();
    expect(dueClockKind([progress], '2026-12-04T16:00:00.000Z')).toBeNull();
    expect(dueClockKind([{ ...progress, status: 'PAUSED' }], progress.deadline)).toBeNull();
    expect(dueClockKind([progress], null)).toBeNull();
    expect(dueClockKind([], progress.deadline)).toBeNull();
  });

  it("reads in both languages as the clock's name before «vence» / «due»", () => {
    expect(esMX.tickets.clockDue(esMX.tickets.clockKinds.progress)).toBe(
      'Avance periódico · vence',
    );
    expect(en.tickets.clockDue(en.tickets.clockKinds.progress)).toBe('Progress cadence · due');
  });
});

// QA S55: after its progress cadence breached (L3-07), a ticket read «Vencido · Sin plazo en
// curso» in the lists: nothing ran, yet the update was still owed.
describe('overdueClock: the owed clock a list names when nothing runs (L3-06, L3-07)', () => {
  const owed = (kind: string, deadline: string) => ({
    kind,
    status: 'BREACHED',
    deadline,
    endedAt: null as string | null,
  });

  it('the open breached clock, the soonest deadline of several', () => {
    const progress = owed('progress', '2026-12-03T16:00:00.000Z');
    const triage = owed('triage', '2026-12-02T16:00:00.000Z');
    expect(overdueClock([progress])).toEqual({ kind: 'progress', deadline: progress.deadline });
    expect(overdueClock([progress, triage])).toEqual({
      kind: 'triage',
      deadline: triage.deadline,
    });
  });

  it('none once the breached clock ended, nor for running, met or paused clocks', () => {
    const ended = { ...owed('progress', '2026-12-03T16:00:00.000Z'), endedAt: '2026-12-04T10:00Z' };
    expect(overdueClock([ended])).toBeNull();
    for (const status of ['RUNNING', 'PAUSED', 'MET', 'STOPPED']) {
      expect(overdueClock([{ ...owed('triage', '2026-12-02T16:00:00Z'), status }])).toBeNull();
    }
    expect(overdueClock([])).toBeNull();
  });

  it('reads «venció» / «was due» after the clock the reader knows', () => {
    expect(esMX.tickets.clockOverdue(esMX.tickets.clockKinds.progress)).toBe(
      'Avance periódico · venció',
    );
    expect(en.tickets.clockOverdue(en.tickets.clockKinds.triage)).toBe('Triage · was due');
  });
});
