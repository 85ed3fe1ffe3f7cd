import { SATISFIED_SCORE_MIN } from './satisfaction-rules';

// The managers' satisfaction summary, assembled from SQL aggregates (per organization and month)
// and each organization's lowest ratings. Pure: the unit tier tests the numbers directly.

/** Ratings of one organization in one month (of the first rating, in the ticket's calendar zone), from SQL. */
export interface SatisfactionMonthAggregate {
  readonly organizationId: string;
  readonly organizationName: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly ratings: number;
  /** Sum of the scores (the average is computed here, so totals weigh months by their ratings). */
  readonly scoreSum: number;
  /** Ratings with a score ≥ {@link SATISFIED_SCORE_MIN}. */
  readonly satisfied: number;
}

/**
 * Tickets of one organization closed in one month (of the closure, in the ticket's calendar zone)
 * in the state a rating needs ({@link RATABLE_STATE}), and how many of them were rated, from SQL.
 */
export interface ResponseMonthAggregate {
  readonly organizationId: string;
  readonly organizationName: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly ratable: number;
  /** Of those, the tickets with a rating (given whenever). */
  readonly rated: number;
}

/** One of an organization's lowest ratings in the period. */
export interface RatingItem {
  readonly organizationId: string;
  readonly ticketNumber: string;
  readonly subject: string;
  readonly score: number;
  readonly comment: string | null;
  readonly ratedAt: Date;
  readonly updatedAt: Date;
  readonly ratedByName: string | null;
}

/** How many of the tickets that could be rated were rated. */
export interface ResponseRate {
  readonly ratable: number;
  readonly rated: number;
  /** `rated` of `ratable` in percent, one decimal; null when nothing could be rated. */
  readonly percent: number | null;
}

export interface RatingStats {
  readonly ratings: number;
  /** Mean score, two decimals; null without ratings. */
  readonly averageScore: number | null;
  /** Share of ratings ≥ 4, in percent with one decimal; null without ratings. */
  readonly satisfiedPercent: number | null;
}

export interface SatisfactionStats extends RatingStats {
  /** Of the ratable tickets closed in the period (or month), how many were rated. */
  readonly responseRate: ResponseRate;
}

export interface SatisfactionMonthStats extends SatisfactionStats {
  readonly month: string;
}

export interface OrganizationSatisfaction {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly total: SatisfactionStats;
  /** Months with ratings or ratable closures, oldest first. */
  readonly months: readonly SatisfactionMonthStats[];
  /** Lowest score first; among equal scores the most recent first. */
  readonly lowest: readonly RatingItem[];
}

export interface SatisfactionSummary {
  readonly fromMonth: string;
  readonly toMonth: string;
  readonly overall: SatisfactionStats;
  /** Organizations with ratings or ratable closures in the period, by name. */
  readonly organizations: readonly OrganizationSatisfaction[];
}

/** Count, mean and share satisfied of `ratings` scores summing to `scoreSum`. */
export function statsOf(ratings: number, scoreSum: number, satisfied: number): RatingStats {
  if (ratings <= 0) return { ratings: 0, averageScore: null, satisfiedPercent: null };
  return {
    ratings,
    averageScore: Math.round((scoreSum / ratings) * 100) / 100,
    satisfiedPercent: Math.round((satisfied / ratings) * 1000) / 10,
  };
}

/** `rated` of `ratable` tickets: the share in percent (one decimal), none when nothing was ratable. */
export function responseRateOf(ratable: number, rated: number): ResponseRate {
  if (ratable <= 0) return { ratable: 0, rated: 0, percent: null };
  const r = Math.min(Math.max(rated, 0), ratable);
  return { ratable, rated: r, percent: Math.round((r / ratable) * 1000) / 10 };
}

/** Whether `score` counts as satisfied. */
export function isSatisfied(score: number): boolean {
  return score >= SATISFIED_SCORE_MIN;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The instants a month range covers, `[start, end)` in UTC: from the first day of `fromMonth` to
 * the first day after `toMonth`. Null when either is not `YYYY-MM` or `fromMonth` is after `toMonth`.
 */
export function monthRangeBounds(
  fromMonth: string,
  toMonth: string,
): { start: Date; end: Date } | null {
  const from = MONTH.exec(fromMonth);
  const to = MONTH.exec(toMonth);
  if (!from || !to || fromMonth > toMonth) return null;
  return {
    start: new Date(Date.UTC(Number(from[1]), Number(from[2]) - 1, 1)),
    end: new Date(Date.UTC(Number(to[1]), Number(to[2]), 1)),
  };
}

/** Ratings and ratable closures of one organization in one month (either may be absent). */
interface MonthRow {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly month: string;
  readonly ratings?: SatisfactionMonthAggregate;
  readonly responses?: ResponseMonthAggregate;
}

/** The stats of `rows` together: rating figures weighed by ratings, the response rate by tickets. */
function statsOfRows(rows: readonly MonthRow[]): SatisfactionStats {
  const total = (f: (r: MonthRow) => number | undefined) =>
    rows.reduce((n, r) => n + (f(r) ?? 0), 0);
  return {
    ...statsOf(
      total((r) => r.ratings?.ratings),
      total((r) => r.ratings?.scoreSum),
      total((r) => r.ratings?.satisfied),
    ),
    responseRate: responseRateOf(
      total((r) => r.responses?.ratable),
      total((r) => r.responses?.rated),
    ),
  };
}

/**
 * The summary of a period from its month aggregates, its lowest ratings and (L3-11) its ratable
 * closures with how many were rated: the response rate.
 */
export function summarizeSatisfaction(
  range: { readonly fromMonth: string; readonly toMonth: string },
  months: readonly SatisfactionMonthAggregate[],
  lowest: readonly RatingItem[],
  responses: readonly ResponseMonthAggregate[] = [],
): SatisfactionSummary {
  const byMonth = new Map<string, MonthRow>();
  const keyOf = (r: { organizationId: string; month: string }) => `${r.organizationId} ${r.month}`;
  for (const row of months) {
    const key = keyOf(row);
    byMonth.set(key, { ...row, ...byMonth.get(key), ratings: row });
  }
  for (const row of responses) {
    const key = keyOf(row);
    byMonth.set(key, { ...row, ...byMonth.get(key), responses: row });
  }
  const byOrganization = new Map<string, MonthRow[]>();
  for (const row of byMonth.values()) {
    const rows = byOrganization.get(row.organizationId) ?? [];
    rows.push(row);
    byOrganization.set(row.organizationId, rows);
  }
  const organizations = [...byOrganization.values()]
    .map((rows): OrganizationSatisfaction => {
      const { organizationId, organizationName } = rows[0];
      return {
        organizationId,
        organizationName,
        total: statsOfRows(rows),
        months: [...rows]
          .sort((a, b) => a.month.localeCompare(b.month))
          .map((r) => ({ month: r.month, ...statsOfRows([r]) })),
        lowest: lowest
          .filter((r) => r.organizationId === organizationId)
          .sort(
            (a, b) =>
              a.score - b.score ||
              b.ratedAt.getTime() - a.ratedAt.getTime() ||
              a.ticketNumber.localeCompare(b.ticketNumber),
          ),
      };
    })
    .sort(
      (a, b) =>
        a.organizationName.localeCompare(b.organizationName, 'es') ||
        a.organizationId.localeCompare(b.organizationId),
    );
  return {
    fromMonth: range.fromMonth,
    toMonth: range.toMonth,
    overall: statsOfRows([...byMonth.values()]),
    organizations,
  };
}
