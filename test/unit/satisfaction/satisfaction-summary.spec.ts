import {
  changeableUntil,
  isLowScore,
  lowRatingEventKey,
  normalizeComment,
} from '../../../src/satisfaction/satisfaction-rules';
import {
  monthRangeBounds,
  type RatingItem,
  responseRateOf,
  statsOf,
  summarizeSatisfaction,
} from '../../../src/satisfaction/satisfaction-summary';

// Customer satisfaction of closed tickets (L3-07 closure): the managers' numbers — count, mean,
// share satisfied (4–5) per organization and month and over the period — and the rating rules.

const month = (organizationId: string, organizationName: string, m: string, scores: number[]) => ({
  organizationId,
  organizationName,
  month: m,
  ratings: scores.length,
  scoreSum: scores.reduce((a, b) => a + b, 0),
  satisfied: scores.filter((s) => s >= 4).length,
});

const rating = (
  organizationId: string,
  ticketNumber: string,
  score: number,
  ratedAt: string,
): RatingItem => ({
  organizationId,
  ticketNumber,
  subject: ticketNumber,
  score,
  comment: null,
  ratedAt: new Date(ratedAt),
  updatedAt: new Date(ratedAt),
  ratedByName: null,
});

/** No ratable closures: the response rate says nothing. */
const NO_RESPONSES = { responseRate: { ratable: 0, rated: 0, percent: null } };

const closures = (
  organizationId: string,
  organizationName: string,
  m: string,
  ratable: number,
  rated: number,
) => ({ organizationId, organizationName, month: m, ratable, rated });

describe('satisfaction summary', () => {
  it('counts, averages and shares satisfied; totals weigh each month by its ratings', () => {
    const summary = summarizeSatisfaction(
      { fromMonth: '2026-01', toMonth: '2026-03' },
      [
        month('t', 'Tulum', '2026-02', [2, 3]),
        month('a', 'Aurora', '2026-03', [1]),
        month('a', 'Aurora', '2026-01', [5, 5, 4]),
      ],
      [],
    );
    expect(summary.overall).toEqual({
      ratings: 6,
      averageScore: 3.33,
      satisfiedPercent: 50,
      ...NO_RESPONSES,
    });
    expect(summary.organizations.map((o) => o.organizationName)).toEqual(['Aurora', 'Tulum']);
    const [aurora, tulum] = summary.organizations;
    // (5 + 5 + 4 + 1) / 4, not the mean of the monthly means (4.67 and 1).
    expect(aurora.total).toEqual({
      ratings: 4,
      averageScore: 3.75,
      satisfiedPercent: 75,
      ...NO_RESPONSES,
    });
    expect(aurora.months).toEqual([
      { month: '2026-01', ratings: 3, averageScore: 4.67, satisfiedPercent: 100, ...NO_RESPONSES },
      { month: '2026-03', ratings: 1, averageScore: 1, satisfiedPercent: 0, ...NO_RESPONSES },
    ]);
    expect(tulum.total).toEqual({
      ratings: 2,
      averageScore: 2.5,
      satisfiedPercent: 0,
      ...NO_RESPONSES,
    });
  });

  it('lists each organization its own lowest ratings: lowest score first, then the most recent', () => {
    const summary = summarizeSatisfaction(
      { fromMonth: '2026-01', toMonth: '2026-01' },
      [month('a', 'Aurora', '2026-01', [2, 1, 2]), month('t', 'Tulum', '2026-01', [3])],
      [
        rating('a', 'A-old', 2, '2026-01-03T10:00:00Z'),
        rating('t', 'T-1', 3, '2026-01-04T10:00:00Z'),
        rating('a', 'A-new', 2, '2026-01-20T10:00:00Z'),
        rating('a', 'A-worst', 1, '2026-01-02T10:00:00Z'),
      ],
    );
    expect(summary.organizations[0].lowest.map((r) => r.ticketNumber)).toEqual([
      'A-worst',
      'A-new',
      'A-old',
    ]);
    expect(summary.organizations[1].lowest.map((r) => r.ticketNumber)).toEqual(['T-1']);
  });

  it('says nothing rather than 0 when there are no ratings', () => {
    expect(statsOf(0, 0, 0)).toEqual({ ratings: 0, averageScore: null, satisfiedPercent: null });
    const empty = summarizeSatisfaction({ fromMonth: '2026-01', toMonth: '2026-02' }, [], []);
    expect(empty).toEqual({
      fromMonth: '2026-01',
      toMonth: '2026-02',
      overall: { ratings: 0, averageScore: null, satisfiedPercent: null, ...NO_RESPONSES },
      organizations: [],
    });
    // One decimal for the share: 2 of 3 satisfied is 66.7 %.
    expect(statsOf(3, 13, 2)).toEqual({ ratings: 3, averageScore: 4.33, satisfiedPercent: 66.7 });
  });

  it('L3-11 response rate: rated of ratable in percent, one decimal; nothing ratable says nothing', () => {
    expect(responseRateOf(40, 12)).toEqual({ ratable: 40, rated: 12, percent: 30 });
    expect(responseRateOf(3, 2)).toEqual({ ratable: 3, rated: 2, percent: 66.7 });
    expect(responseRateOf(7, 0)).toEqual({ ratable: 7, rated: 0, percent: 0 });
    expect(responseRateOf(5, 5)).toEqual({ ratable: 5, rated: 5, percent: 100 });
    // Zero ratable: no share (not 0 %, not a division by zero).
    expect(responseRateOf(0, 0)).toEqual({ ratable: 0, rated: 0, percent: null });
  });

  it('L3-11 response rate per month (of the closure), per organization and overall, weighed by tickets', () => {
    const summary = summarizeSatisfaction(
      { fromMonth: '2026-01', toMonth: '2026-02' },
      [month('a', 'Aurora', '2026-01', [5, 3])],
      [],
      [
        closures('a', 'Aurora', '2026-01', 4, 2),
        closures('a', 'Aurora', '2026-02', 6, 1),
        // An organization with closures and no rating yet is listed: 0 of 3 answered.
        closures('t', 'Tulum', '2026-02', 3, 0),
      ],
    );
    expect(summary.organizations.map((o) => o.organizationName)).toEqual(['Aurora', 'Tulum']);
    const [aurora, tulum] = summary.organizations;
    expect(aurora.months).toEqual([
      {
        month: '2026-01',
        ratings: 2,
        averageScore: 4,
        satisfiedPercent: 50,
        responseRate: { ratable: 4, rated: 2, percent: 50 },
      },
      // A month with closures but no rating: the ratings say nothing, the response rate does.
      {
        month: '2026-02',
        ratings: 0,
        averageScore: null,
        satisfiedPercent: null,
        responseRate: { ratable: 6, rated: 1, percent: 16.7 },
      },
    ]);
    // (2 + 1) of (4 + 6), not the mean of 50 % and 16.7 %.
    expect(aurora.total.responseRate).toEqual({ ratable: 10, rated: 3, percent: 30 });
    expect(tulum.total).toEqual({
      ratings: 0,
      averageScore: null,
      satisfiedPercent: null,
      responseRate: { ratable: 3, rated: 0, percent: 0 },
    });
    expect(tulum.lowest).toEqual([]);
    expect(summary.overall.responseRate).toEqual({ ratable: 13, rated: 3, percent: 23.1 });
    expect(summary.overall.ratings).toBe(2);
  });

  it('turns a month range into UTC instants [first day, first day after the last month)', () => {
    expect(monthRangeBounds('2025-12', '2026-02')).toEqual({
      start: new Date('2025-12-01T00:00:00Z'),
      end: new Date('2026-03-01T00:00:00Z'),
    });
    expect(monthRangeBounds('2026-12', '2026-12')?.end).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(monthRangeBounds('2026-03', '2026-02')).toBeNull();
    expect(monthRangeBounds('2026-13', '2026-13')).toBeNull();
  });
});

describe('rating rules', () => {
  it('a rating may change for 14 days after it was first given', () => {
    expect(changeableUntil(new Date('2026-11-01T12:00:00Z'))).toEqual(
      new Date('2026-11-15T12:00:00Z'),
    );
  });

  it('2 or less is low; the low-rating email is keyed on the ticket and its first rating', () => {
    expect([1, 2, 3, 4, 5].map(isLowScore)).toEqual([true, true, false, false, false]);
    expect(lowRatingEventKey('L3-2026-000123', new Date('2026-11-01T12:00:00Z'))).toBe(
      'ticket-L3-2026-000123:satisfaction:2026-11-01T12:00:00.000Z',
    );
  });

  it('a comment is trimmed, and a blank one is none', () => {
    expect(normalizeComment('  Muy bien \n')).toBe('Muy bien');
    expect(normalizeComment('   ')).toBeNull();
    expect(normalizeComment(undefined)).toBeNull();
    expect(normalizeComment(null)).toBeNull();
  });
});
