import { operation } from './graphql-client';

// Customer satisfaction of closed tickets (a subset of schema.graphql): the client's rating on
// the ticket page and the managers' summary on the SLA dashboard.

/**
 * The id of the rating section on the ticket page: the closure email links to
 * `/tickets/<number>#calificar` (`src/satisfaction/satisfaction-rules.ts` RATING_ANCHOR).
 */
export const RATING_ANCHOR = 'calificar';

/** Scores from 1 (very unsatisfied) to 5 (very satisfied). */
export const SCORES = [1, 2, 3, 4, 5] as const;

/** The comment's limit, as the API checks it. */
export const RATING_COMMENT_MAX_LENGTH = 2000;

export interface TicketSatisfaction {
  score: number;
  comment: string | null;
  ratedAt: string;
  updatedAt: string;
  /** Who gave the current score (the first rater, or the last to change it): «Su calificación» only for them. */
  ratedById: string;
  ratedByName: string | null;
  /** The role that user is shown in (read by the ticket's history only). */
  ratedByRole?: string | null;
  /** The rating may be changed until this instant (14 days after the first rating). */
  changeableUntil: string;
  /** Every score given, oldest first (read by the ticket's history). */
  changes?: SatisfactionChange[];
}

/** One score given: the first rating or a change. */
export interface SatisfactionChange {
  score: number;
  comment: string | null;
  at: string;
  byName: string | null;
  /** The role that user is shown in. */
  byRole?: string | null;
}

const RATING_FIELDS = 'score comment ratedAt updatedAt ratedById ratedByName changeableUntil';

export const TICKET_SATISFACTION = operation<
  { ticket: { number: string; state: string; satisfaction: TicketSatisfaction | null } },
  { number: string }
>(`query TicketSatisfaction($number: String!) {
  ticket(number: $number) { number state satisfaction { ${RATING_FIELDS} } }
}`);

export const RATE_TICKET = operation<
  { rateTicket: TicketSatisfaction },
  { input: { number: string; score: number; comment: string | null } }
>(`mutation RateTicket($input: RateTicketInput!) {
  rateTicket(input: $input) { ${RATING_FIELDS} }
}`);

export interface SatisfactionStats {
  ratings: number;
  averageScore: number | null;
  satisfiedPercent: number | null;
  /** L3-11: of the ratable tickets closed here (month of the closure), how many were rated. */
  responseRate: { ratable: number; rated: number; percent: number | null };
}

export interface SatisfactionRating {
  ticketNumber: string;
  subject: string;
  score: number;
  comment: string | null;
  ratedAt: string;
  ratedByName: string | null;
}

export interface OrganizationSatisfaction {
  organizationId: string;
  organizationName: string;
  total: SatisfactionStats;
  months: (SatisfactionStats & { month: string })[];
  lowest: SatisfactionRating[];
}

export interface SatisfactionSummary {
  fromMonth: string;
  toMonth: string;
  overall: SatisfactionStats;
  organizations: OrganizationSatisfaction[];
}

const STATS = 'ratings averageScore satisfiedPercent responseRate { ratable rated percent }';

/** Per client and month from `from` to `to` (YYYY-MM, UTC), with each client's lowest ratings. */
export const SATISFACTION_SUMMARY = operation<
  { satisfactionSummary: SatisfactionSummary },
  { from: string; to: string; lowest: number }
>(`query SatisfactionSummary($from: String!, $to: String!, $lowest: Int!) {
  satisfactionSummary(from: $from, to: $to, lowest: $lowest) {
    fromMonth toMonth
    overall { ${STATS} }
    organizations {
      organizationId organizationName
      total { ${STATS} }
      months { month ${STATS} }
      lowest { ticketNumber subject score comment ratedAt ratedByName }
    }
  }
}`);
