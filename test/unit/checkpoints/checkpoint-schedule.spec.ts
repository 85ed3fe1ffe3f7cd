import {
  BusinessCalendar,
  defaultMexicoCityCalendar,
  isBusinessTime,
} from '../../../src/business-time/engine';
import {
  CHECKPOINT_PERIOD_MS,
  checkpointInterval,
  checkpointTimeIssues,
  firstCheckpointDate,
  intervalFires,
  planCheckpointRun,
  zonedInstant,
} from '../../../src/checkpoints/checkpoint-schedule';

// L3-15: the biweekly checkpoint's timing. The Temporal test server has no Schedules, so the
// spec the real Schedule gets (checkpointInterval) and the run planning the workflow applies
// (planCheckpointRun) are checked here as pure functions; the integration tier checks the real
// Schedule on the dev server.

const MX = new BusinessCalendar(defaultMexicoCityCalendar(2026, 2028));
const TIJUANA = new BusinessCalendar({
  ...defaultMexicoCityCalendar(2026, 2028),
  timeZone: 'America/Tijuana',
});
const HOUR = 3_600_000;

/** Weekday and wall time of `instant` in `timeZone`, e.g. `Tue 10:00`. */
function wall(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace(',', '');
}

describe('L3-15 checkpoint settings validation', () => {
  const calendar = defaultMexicoCityCalendar(2026, 2026);

  it('accepts a business weekday and a time inside its business hours', () => {
    expect(checkpointTimeIssues(calendar, { weekday: 2, localTime: '10:00' })).toEqual([]);
    expect(checkpointTimeIssues(calendar, { weekday: 5, localTime: '09:00' })).toEqual([]);
    expect(checkpointTimeIssues(calendar, { weekday: 1, localTime: '17:59' })).toEqual([]);
  });

  it('refuses weekends, malformed times and times outside business hours (closing is outside)', () => {
    expect(checkpointTimeIssues(calendar, { weekday: 6, localTime: '10:00' })).toEqual([
      {
        field: 'weekday',
        reason: 'INVALID_VALUE',
        message: 'weekday must be 1 (Monday) to 5 (Friday)',
      },
    ]);
    expect(
      checkpointTimeIssues(calendar, { weekday: 0, localTime: '25:00' }).map((i) => i.field),
    ).toEqual(['weekday', 'localTime']);
    expect(checkpointTimeIssues(calendar, { weekday: 2, localTime: '9:00' })[0]?.field).toBe(
      'localTime',
    );
    for (const localTime of ['08:59', '18:00', '23:00']) {
      expect(checkpointTimeIssues(calendar, { weekday: 3, localTime })).toEqual([
        {
          field: 'localTime',
          reason: 'CHECKPOINT_OUTSIDE_BUSINESS_HOURS',
          message: `${localTime} is outside the business hours of that weekday (09:00–18:00)`,
          businessHours: [{ start: '09:00', end: '18:00' }],
        },
      ]);
    }
  });

  it('follows split working hours of the weekday', () => {
    const split = {
      weekly: {
        2: [
          { start: '09:00', end: '14:00' },
          { start: '15:00', end: '18:00' },
        ],
      },
    };
    expect(checkpointTimeIssues(split, { weekday: 2, localTime: '14:30' })).toHaveLength(1);
    expect(checkpointTimeIssues(split, { weekday: 2, localTime: '15:00' })).toEqual([]);
    expect(checkpointTimeIssues(split, { weekday: 3, localTime: '10:00' })[0]?.message).toContain(
      '(none)',
    );
  });
});

describe('L3-15 biweekly Schedule spec', () => {
  it('starts on the next occurrence of the weekday and time in the client zone', () => {
    const tuesday10 = { weekday: 2, localTime: '10:00' };
    // Tue 2026-01-06 10:00 in Mexico City is 16:00Z.
    expect(firstCheckpointDate(MX.timeZone, tuesday10, new Date('2026-01-06T16:00:00Z'))).toBe(
      '2026-01-06',
    );
    expect(firstCheckpointDate(MX.timeZone, tuesday10, new Date('2026-01-06T16:01:00Z'))).toBe(
      '2026-01-13',
    );
    expect(firstCheckpointDate(MX.timeZone, tuesday10, new Date('2026-01-03T05:00:00Z'))).toBe(
      '2026-01-06',
    );
  });

  it('fires every 14 days exactly at the local time in America/Mexico_City (no DST)', () => {
    const interval = checkpointInterval(MX.timeZone, '2026-01-13', '10:00');
    expect(interval.every).toBe(CHECKPOINT_PERIOD_MS);
    const fires = intervalFires(interval, new Date('2026-01-01T00:00:00Z'), 52);
    expect(fires[0].toISOString()).toBe('2026-01-13T16:00:00.000Z');
    for (const [i, fire] of fires.entries()) {
      expect(wall(MX.timeZone, fire)).toBe('Tue 10:00');
      if (i > 0) expect(fire.getTime() - fires[i - 1].getTime()).toBe(14 * 24 * HOUR);
    }
  });

  it('in a DST zone fires at most the shift early and the run waits for the local time', () => {
    const time = { weekday: 2, localTime: '10:00' };
    const interval = checkpointInterval(TIJUANA.timeZone, '2026-01-13', '10:00');
    const fires = intervalFires(interval, new Date('2026-01-01T00:00:00Z'), 52);
    const early = new Set<number>();
    for (const fire of fires) {
      const plan = planCheckpointRun(TIJUANA, time, fire);
      expect(plan.kind).not.toBe('MANUAL');
      expect(wall(TIJUANA.timeZone, plan.scheduledFor!)).toBe('Tue 10:00');
      const lead = plan.scheduledFor!.getTime() - fire.getTime();
      expect([0, HOUR]).toContain(lead);
      early.add(lead);
    }
    // Both seasons were crossed: exact in summer time, one hour early in winter.
    expect([...early].sort()).toEqual([0, HOUR]);
  });
});

describe('L3-15 run planning: business days only', () => {
  const monday10 = { weekday: 1, localTime: '10:00' };

  it('builds at the checkpoint time on a business day', () => {
    const at = zonedInstant(MX.timeZone, '2026-01-19', '10:00');
    expect(planCheckpointRun(MX, monday10, at)).toEqual({
      kind: 'SCHEDULED',
      scheduledFor: at,
      buildAt: at,
    });
  });

  it('moves a checkpoint that falls on a holiday to the next business moment', () => {
    // Mon 2026-02-02 is an art. 74 holiday (first Monday of February): Tue 09:00 opening.
    const at = zonedInstant(MX.timeZone, '2026-02-02', '10:00');
    expect(planCheckpointRun(MX, monday10, at)).toEqual({
      kind: 'MOVED_TO_NEXT_BUSINESS_MOMENT',
      scheduledFor: at,
      buildAt: new Date('2026-02-03T15:00:00Z'),
    });
  });

  it('still recognises a start a few minutes late as the scheduled checkpoint', () => {
    const at = zonedInstant(MX.timeZone, '2026-01-19', '10:00');
    const plan = planCheckpointRun(MX, monday10, new Date(at.getTime() + 5 * 60_000));
    expect(plan).toEqual({ kind: 'SCHEDULED', scheduledFor: at, buildAt: at });
  });

  it('treats any other start (a manual trigger) as a run at once', () => {
    const wednesday = new Date('2026-01-21T20:00:00Z');
    expect(planCheckpointRun(MX, monday10, wednesday)).toEqual({
      kind: 'MANUAL',
      scheduledFor: null,
      buildAt: wednesday,
    });
  });

  it('over two years every agenda is built on business time, 14 days after the previous checkpoint', () => {
    const interval = checkpointInterval(MX.timeZone, '2026-01-19', '10:00');
    const fires = intervalFires(interval, new Date('2026-01-19T00:00:00Z'), 52);
    const plans = fires.map((fire) => planCheckpointRun(MX, monday10, fire));
    const moved = plans.filter((p) => p.kind === 'MOVED_TO_NEXT_BUSINESS_MOMENT');
    for (const [i, plan] of plans.entries()) {
      expect(isBusinessTime(MX, plan.buildAt)).toBe(true);
      expect(plan.buildAt.getTime()).toBeGreaterThanOrEqual(plan.scheduledFor!.getTime());
      if (i > 0) {
        expect(plan.scheduledFor!.getTime() - plans[i - 1].scheduledFor!.getTime()).toBe(
          CHECKPOINT_PERIOD_MS,
        );
      }
    }
    // 2026-02-02 and 2026-03-16 (art. 74 Mondays) fall on this cadence; 2027-02-01 and 2027-03-15 too.
    expect(moved.map((p) => p.scheduledFor!.toISOString().slice(0, 10))).toEqual([
      '2026-02-02',
      '2026-03-16',
      '2027-02-01',
      '2027-03-15',
    ]);
  });
});
