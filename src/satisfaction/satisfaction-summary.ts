import { SATISFIED_SCORE_MIN } from './satisfaction-rules';

// The managers' satisfaction summary, assembled from SQL aggregates (per organisation and month)
// and each organisation's lowest ratings. Pure: the unit tier tests the numbers directly.

/** Ratings of one organisation in one month (of the first rating, in the ticket's calendar zone), from SQL. */
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

/** One of an organisation's lowest ratings in the period. */
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

export interface SatisfactionStats {
  readonly ratings: number;
  /** Mean score, two decimals; null without ratings. */
  readonly averageScore: number | null;
  /** Share of ratings ≥ 4, in percent with one decimal; null without ratings. */
  readonly satisfiedPercent: number | null;
}

export interface SatisfactionMonthStats extends SatisfactionStats {
  readonly month: string;
}

export interface OrganizationSatisfaction {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly total: SatisfactionStats;
  /** Months with ratings, oldest first. */
  readonly months: readonly SatisfactionMonthStats[];
  /** Lowest score first; among equal scores the most recent first. */
  readonly lowest: readonly RatingItem[];
}

export interface SatisfactionSummary {
  readonly fromMonth: string;
  readonly toMonth: string;
  readonly overall: SatisfactionStats;
  /** Organisations with ratings in the period, by name. */
  readonly organizations: readonly OrganizationSatisfaction[];
}

/** Count, mean and share satisfied of `ratings` scores summing to `scoreSum`. */
export function statsOf(ratings: number, scoreSum: number, satisfied: number): SatisfactionStats {
  if (ratings <= 0) return { ratings: 0, averageScore: null, satisfiedPercent: null };
  return {
    ratings,
    averageScore: Math.round((scoreSum / ratings) * 100) / 100,
    satisfiedPercent: Math.round((satisfied / ratings) * 1000) / 10,
  };
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

/** The summary of a period from its month aggregates and lowest ratings. */
export function summarizeSatisfaction(
  range: { readonly fromMonth: string; readonly toMonth: string },
  months: readonly SatisfactionMonthAggregate[],
  lowest: readonly RatingItem[],
): SatisfactionSummary {
  const byOrganization = new Map<string, SatisfactionMonthAggregate[]>();
  for (const row of months) {
    const rows = byOrganization.get(row.organizationId) ?? [];
    rows.push(row);
    byOrganization.set(row.organizationId, rows);
  }
  const sum = (rows: readonly SatisfactionMonthAggregate[]) =>
    statsOf(
      rows.reduce((n, r) => n + r.ratings, 0),
      rows.reduce((n, r) => n + r.scoreSum, 0),
      rows.reduce((n, r) => n + r.satisfied, 0),
    );
  const organizations = [...byOrganization.values()]
    .map((rows): OrganizationSatisfaction => {
      const { organizationId, organizationName } = rows[0];
      return {
        organizationId,
        organizationName,
        total: sum(rows),
        months: [...rows]
          .sort((a, b) => a.month.localeCompare(b.month))
          .map((r) => ({ month: r.month, ...statsOf(r.ratings, r.scoreSum, r.satisfied) })),
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
    overall: sum(months),
    organizations,
  };
}
