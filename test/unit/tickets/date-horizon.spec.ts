import { BusinessCalendar, defaultMexicoCityCalendar } from '../../../src/business-time/engine';
import type { DomainError } from '../../../src/common/errors/domain-error';
import {
  dateTooFarError,
  holidayRefusal,
  businessDateRefusal,
  sessionEndRefusal,
} from '../../../src/tickets/date-horizon';
import { releaseDateTooFar, remoteSessionTooFar } from '../../../workflows/ticket/date-limits';

// QA finding (L3-06, L3-09): a date too far ahead was refused with "the latest possible date is
// Sunday 8:03", the horizon to the second, which the same form then refused as outside business
// hours. The refusal now names the latest date the ticket's calendar accepts.

const calendar = BusinessCalendar.from(defaultMexicoCityCalendar(2026, 2028));
const mx = (local: string): number => Date.parse(`${local}:00-06:00`);
const YEAR_BEFORE_SUNDAY = mx('2026-12-05T08:03'); // one year later: Sunday 5 Dec 2027, 08:03

const refusal = (error: DomainError) => ({ code: error.code, details: error.details });

describe('a date too far ahead names the latest one the calendar accepts (L3-06, L3-09, L3-19)', () => {
  it('a release date: the closing of the last business day before the horizon', () => {
    const tooFar = releaseDateTooFar('2028-01-10T16:00:00.000Z', YEAR_BEFORE_SUNDAY)!;
    expect(tooFar.refusal.latest).toBe(new Date(mx('2027-12-05T08:03')).toISOString());
    expect(refusal(dateTooFarError(tooFar, calendar, 'BUSINESS_OR_CLOSING'))).toEqual({
      code: 'VALIDATION_FAILED',
      details: {
        reason: 'DATE_TOO_FAR',
        field: 'releaseDate',
        value: '2028-01-10T16:00:00.000Z',
        latest: new Date(mx('2027-12-03T18:00')).toISOString(),
      },
    });
  });

  it('a remote session: the last whole minute that starts inside business hours', () => {
    // 90 days after Thu 3 Sep 2026 20:30 is Wed 2 Dec 2026 20:30, after closing.
    const tooFar = remoteSessionTooFar('2026-12-20T16:00:00.000Z', mx('2026-09-03T20:30'))!;
    const error = dateTooFarError(tooFar, calendar, 'STARTS_INSIDE');
    expect(error.details).toMatchObject({
      field: 'at',
      latest: new Date(mx('2026-12-02T17:59')).toISOString(),
    });
  });

  it('QA S63 #11: a remote session of 90 min: the latest start that still ends by the closing', () => {
    const tooFar = remoteSessionTooFar('2026-12-20T16:00:00.000Z', mx('2026-09-03T20:30'))!;
    expect(dateTooFarError(tooFar, calendar, 'STARTS_INSIDE', 90).details).toMatchObject({
      latest: new Date(mx('2026-12-02T16:30')).toISOString(),
    });
  });

  it('a horizon inside business hours is itself the latest, for either rule', () => {
    const now = mx('2026-12-01T10:03') + 27_412; // one year later: Wed 1 Dec 2027, 10:03:27
    const tooFar = releaseDateTooFar('2028-06-01T16:00:00.000Z', now)!;
    for (const rule of ['BUSINESS_OR_CLOSING', 'STARTS_INSIDE'] as const) {
      expect(dateTooFarError(tooFar, calendar, rule).details).toMatchObject({
        latest: new Date(mx('2027-12-01T10:03') + 27_412).toISOString(),
      });
    }
  });

  it('a calendar without working time keeps the horizon rather than failing', () => {
    const closed = BusinessCalendar.from({
      timeZone: 'America/Mexico_City',
      weekly: {},
      holidays: [],
      overrides: [],
    });
    const tooFar = releaseDateTooFar('2028-01-10T16:00:00.000Z', YEAR_BEFORE_SUNDAY)!;
    expect(dateTooFarError(tooFar, closed, 'BUSINESS_OR_CLOSING').details).toMatchObject({
      latest: tooFar.refusal.latest,
    });
  });
});

describe('a date on a holiday is refused with its name (L3-06, L3-09, BUSINESS-TIME.md; QA S51)', () => {
  it('Christmas at noon: ON_HOLIDAY with the date and the holiday', () => {
    const iso = new Date(mx('2026-12-25T12:00')).toISOString();
    const error = holidayRefusal(calendar, iso, 'releaseDate', 'BUSINESS_OR_CLOSING')!;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toMatchObject({
      reason: 'ON_HOLIDAY',
      field: 'releaseDate',
      value: iso,
      date: '2026-12-25',
      holiday: expect.stringContaining('Navidad') as string,
      // What to pick instead (QA S52): Monday 28 Dec, 09:00 (Saturday and Sunday closed).
      nextBusinessTime: new Date(mx('2026-12-28T09:00')).toISOString(),
    });
  });

  it('a business time, a closing instant, a night or a weekend: no holiday refusal', () => {
    const at = (local: string) => new Date(mx(local)).toISOString();
    expect(holidayRefusal(calendar, at('2026-12-24T12:00'), 'at', 'STARTS_INSIDE')).toBeUndefined();
    // Thursday 24 Dec closes at 18:00: a release date may be that closing instant.
    expect(
      holidayRefusal(calendar, at('2026-12-24T18:00'), 'releaseDate', 'BUSINESS_OR_CLOSING'),
    ).toBeUndefined();
    expect(holidayRefusal(calendar, at('2026-12-23T22:00'), 'at', 'STARTS_INSIDE')).toBeUndefined();
    expect(holidayRefusal(calendar, at('2026-12-26T10:00'), 'at', 'STARTS_INSIDE')).toBeUndefined();
  });
});

describe('a date outside business time is refused with the next business time (L3-06, L3-09; QA S52)', () => {
  const at = (local: string) => new Date(mx(local)).toISOString();

  it('a Saturday: OUTSIDE_BUSINESS_TIME with Monday 09:00', () => {
    const error = businessDateRefusal(
      calendar,
      at('2026-12-12T10:00'),
      'releaseDate',
      'BUSINESS_OR_CLOSING',
    )!;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({
      reason: 'OUTSIDE_BUSINESS_TIME',
      field: 'releaseDate',
      value: at('2026-12-12T10:00'),
      nextBusinessTime: at('2026-12-14T09:00'),
    });
  });

  it('a night: the next morning; a closing instant is a release date, not a session start', () => {
    expect(
      businessDateRefusal(calendar, at('2026-12-09T21:30'), 'at', 'STARTS_INSIDE')?.details,
    ).toMatchObject({ nextBusinessTime: at('2026-12-10T09:00') });
    expect(
      businessDateRefusal(calendar, at('2026-12-09T18:00'), 'releaseDate', 'BUSINESS_OR_CLOSING'),
    ).toBeUndefined();
    expect(
      businessDateRefusal(calendar, at('2026-12-09T18:00'), 'at', 'STARTS_INSIDE')?.details,
    ).toMatchObject({ reason: 'OUTSIDE_BUSINESS_TIME', nextBusinessTime: at('2026-12-10T09:00') });
    expect(
      businessDateRefusal(calendar, at('2026-12-09T12:00'), 'at', 'STARTS_INSIDE'),
    ).toBeUndefined();
  });
});

describe('a remote session must end by the closing of business hours (L3-06; QA S63 #11)', () => {
  const at = (local: string) => new Date(mx(local)).toISOString();

  it('17:30 for 90 min on a day that closes at 18:00: ENDS_AFTER_CLOSING, with what fits', () => {
    const error = sessionEndRefusal(calendar, at('2026-12-09T17:30'), 90)!;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({
      reason: 'ENDS_AFTER_CLOSING',
      field: 'durationMinutes',
      value: at('2026-12-09T17:30'),
      durationMinutes: 90,
      closesAt: at('2026-12-09T18:00'),
      maxDurationMinutes: 30,
      latestStart: at('2026-12-09T16:30'),
    });
  });

  it('ending exactly at the closing fits; so does a session inside the day', () => {
    expect(sessionEndRefusal(calendar, at('2026-12-09T16:30'), 90)).toBeUndefined();
    expect(sessionEndRefusal(calendar, at('2026-12-09T09:00'), 240)).toBeUndefined();
  });

  it('a start outside business time is left to its own refusal', () => {
    expect(sessionEndRefusal(calendar, at('2026-12-12T10:00'), 60)).toBeUndefined();
    expect(sessionEndRefusal(calendar, at('2026-12-09T18:00'), 60)).toBeUndefined();
  });

  it('intervals that follow each other without a break are one stretch; a lunch break ends it', () => {
    const split = (second: string, first = '09:00') =>
      BusinessCalendar.from({
        timeZone: 'America/Mexico_City',
        weekly: {
          3: [
            { start: first, end: '13:00' },
            { start: second, end: '18:00' },
          ],
        },
        holidays: [],
        overrides: [],
      });
    expect(sessionEndRefusal(split('13:00'), at('2026-12-09T12:30'), 90)).toBeUndefined();
    const refused = sessionEndRefusal(split('14:00'), at('2026-12-09T12:30'), 90)!;
    expect(refused.details).toMatchObject({
      closesAt: at('2026-12-09T13:00'),
      maxDurationMinutes: 30,
      latestStart: at('2026-12-09T11:30'),
    });
    // 4 h from 10:00 fits only from the opening; in a stretch of 3 h no start fits, so none is offered.
    expect(sessionEndRefusal(split('14:00'), at('2026-12-09T10:00'), 240)!.details).toMatchObject({
      maxDurationMinutes: 180,
      latestStart: at('2026-12-09T09:00'),
    });
    const long = sessionEndRefusal(split('14:00', '10:00'), at('2026-12-09T10:00'), 240)!;
    expect(long.details).toMatchObject({ maxDurationMinutes: 180 });
    expect(long.details).not.toHaveProperty('latestStart');
  });
});
