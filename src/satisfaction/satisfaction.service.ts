import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { type AuthenticatedUser, isProviderStaff, OrganizationKind, Role } from '../identity';
import { NotificationsService } from '../notifications/notifications.service';
import { notifyTicketChanged } from '../tickets/ticket-projection.service';
import { actingRole } from '../tickets/user-names.loader';
import { renderLowRatingEmail } from './low-rating-email';
import { lockTicketForRating } from './rating-lock';
import {
  changeableUntil,
  isLowScore,
  LOW_RATING_EMAIL_TYPE,
  lowRatingEventKey,
  normalizeComment,
  RATABLE_STATE,
  RATING_CHANGE_WINDOW_DAYS,
  SATISFIED_SCORE_MIN,
} from './satisfaction-rules';
import {
  monthRangeBounds,
  type RatingItem,
  type ResponseMonthAggregate,
  type SatisfactionMonthAggregate,
  type SatisfactionSummary,
  summarizeSatisfaction,
} from './satisfaction-summary';
import type { RateTicketInput, SatisfactionSummaryArgs } from './satisfaction.inputs';
import type { TicketSatisfactionModel } from './satisfaction.model';
import { CLOSED_AT_SQL, CLOSED_AT_TEXT_SQL, RATABLE_SQL } from './closed-at-sql';
import { renderOptionsOf } from '../notifications/render-options';

/** Client roles that rate tickets: the users of the ticket's organization. */
const RATING_ROLES: readonly Role[] = [Role.CLIENT_USER, Role.CLIENT_APPROVER];

interface TicketFacts {
  number: string;
  subject: string;
  state: string;
  organization_id: string;
  organization_name: string;
  assignee_name: string | null;
}

interface RatingRow {
  ticket_number: string;
  score: number;
  comment: string | null;
  rated_by: string;
  rated_by_name: string | null;
  /** The role the current score was given in; null only where nothing recorded it. */
  rated_by_role: Role | null;
  /** The rater's current roles: the fallback ({@link actingRole}) for a null `rated_by_role`. */
  rated_by_roles: string[] | null;
  rated_at: Date;
  updated_at: Date;
  changes: {
    score: number;
    comment: string | null;
    at: string;
    by_id: string;
    by_name: string | null;
    by_role: Role | null;
    by_roles: string[] | null;
  }[];
}

/** A rating as it stands (`s`, its rater `u`). */
const SCORE_COLUMNS = `s.ticket_number, s.score, s.comment, s.rated_by, u.display_name AS rated_by_name,
  s.rated_by_role, u.roles AS rated_by_roles, s.rated_at, s.updated_at`;

/** A rating and every score given to it (oldest first), one row per ticket. */
const RATING_COLUMNS = `${SCORE_COLUMNS},
  (SELECT coalesce(json_agg(json_build_object('score', c.score, 'comment', c.comment, 'at', c.at,
            'by_id', c.rated_by, 'by_name', cu.display_name, 'by_role', c.rated_by_role,
            'by_roles', cu.roles)
            ORDER BY c.at, c.id), '[]'::json)
     FROM ticket_satisfaction_change c LEFT JOIN app_user cu ON cu.id = c.rated_by
    WHERE c.ticket_number = s.ticket_number) AS changes`;

/**
 * Customer satisfaction of closed tickets (L3-07/L3-09 closure, L3-11): client users rate a
 * CLOSED ticket of their organization 1–5 with an optional comment and may change it for 14 days;
 * a low rating (≤ 2) emails the provider's managers once, through the outbox, in the rating's
 * transaction; managers read a summary per organization and month. The ticket's workflow has
 * ended, so the rating lives beside the read model, never in the workflow.
 */

/**
 * The month (YYYY-MM) of a rating `s` of ticket `t`, in the time zone of the ticket's calendar
 * (its current version): a rating at 20:00 on 31 March in Mexico City is a March rating, as the
 * compliance rollup counts clocks (migration 1764319610000).
 */
const localMonthSql = (instant: string) => `to_char(${instant} AT TIME ZONE COALESCE(
    (SELECT v.definition ->> 'timeZone' FROM business_calendar k
       JOIN business_calendar_version v ON v.calendar_id = k.id AND v.version = k.current_version
      WHERE k.id = t.calendar_id), 'UTC'), 'YYYY-MM')`;
const RATED_MONTH_SQL = localMonthSql('s.rated_at');
@Injectable()
export class SatisfactionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Rates (or re-rates) a closed ticket. Provider staff: FORBIDDEN; another organization's
   * ticket: NOT_FOUND; not CLOSED: INVALID_TRANSITION (`WRONG_STATE`); a change after the
   * window: INVALID_TRANSITION (`RATING_WINDOW_CLOSED`). Nothing is written when refused.
   */
  async rate(user: AuthenticatedUser, input: RateTicketInput): Promise<TicketSatisfactionModel> {
    // L3-11 history: each score keeps the role it was given in, whatever the rater holds later.
    const role = user.roles.find((r) => RATING_ROLES.includes(r));
    if (!role) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Only client users of the ticket organization rate a ticket',
        { reason: 'ROLE_NOT_ALLOWED', action: 'rateTicket', allowedRoles: RATING_ROLES },
      );
    }
    const ticket = await this.ticketFacts(this.db.manager, user, input.number);
    if (ticket.state !== RATABLE_STATE) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `Ticket ${ticket.number} is ${ticket.state}: only a CLOSED ticket is rated`,
        { reason: 'WRONG_STATE', action: 'rateTicket', state: ticket.state },
      );
    }
    const comment = normalizeComment(input.comment);
    return this.db.transaction(async (tx) => {
      // Locked first, decided after: a rating and its reminder never cross (L3-11).
      await lockTicketForRating(tx, ticket.number);
      // One statement decides: the first rating inserts; a change updates only inside the window
      // counted from the first rating (the database's clock), so two clients racing cannot both
      // "first" rate, and an expired rating is left as it was.
      const [saved] = await tx.query<{ rated_at: Date }[]>(
        `INSERT INTO ticket_satisfaction AS s (ticket_number, score, comment, rated_by, rated_by_role)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (ticket_number) DO UPDATE
            SET score = EXCLUDED.score, comment = EXCLUDED.comment,
                rated_by = EXCLUDED.rated_by, rated_by_role = EXCLUDED.rated_by_role,
                updated_at = now()
          WHERE s.rated_at > now() - make_interval(days => $6::int)
        RETURNING s.rated_at`,
        [ticket.number, input.score, comment, user.id, role, RATING_CHANGE_WINDOW_DAYS],
      );
      if (saved) {
        // The history of scores: a rating given again unchanged (a retry) adds nothing.
        await tx.query(
          `INSERT INTO ticket_satisfaction_change (ticket_number, score, comment, rated_by, rated_by_role)
           SELECT $1, $2, $3, $4, $5
            WHERE NOT EXISTS (
              SELECT 1 FROM (SELECT score, comment FROM ticket_satisfaction_change
                              WHERE ticket_number = $1 ORDER BY at DESC, id DESC LIMIT 1) last
               WHERE last.score = $2 AND last.comment IS NOT DISTINCT FROM $3)`,
          [ticket.number, input.score, comment, user.id, role],
        );
      }
      const row = await this.ratingOf(tx, ticket.number);
      if (!saved || !row) {
        const until = row ? changeableUntil(row.rated_at) : null;
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          `The rating of ticket ${ticket.number} can no longer be changed (${RATING_CHANGE_WINDOW_DAYS} days after it was given)`,
          {
            reason: 'RATING_WINDOW_CLOSED',
            windowDays: RATING_CHANGE_WINDOW_DAYS,
            ...(row && until
              ? { ratedAt: row.rated_at.toISOString(), changeableUntil: until.toISOString() }
              : {}),
          },
        );
      }
      if (isLowScore(row.score)) await this.queueLowRatingEmail(tx, ticket, row);
      // The ticket page and the managers' «Satisfacción» card follow it live.
      await notifyTicketChanged(tx, ticket.number);
      return toModel(row);
    });
  }

  /** The ratings of `numbers` (tickets the caller already sees), by ticket number. */
  async ratingsOf(numbers: readonly string[]): Promise<Map<string, TicketSatisfactionModel>> {
    if (numbers.length === 0) return new Map();
    const rows = await this.db.query<RatingRow[]>(
      `SELECT ${RATING_COLUMNS}
         FROM ticket_satisfaction s LEFT JOIN app_user u ON u.id = s.rated_by
        WHERE s.ticket_number = ANY($1::text[])`,
      [numbers],
    );
    return new Map(rows.map((r) => [r.ticket_number, toModel(r)]));
  }

  /**
   * Per organization and month (of the first rating, in the ticket's calendar zone): ratings, average, % satisfied
   * (≥ 4), the response rate (of the month's ratable closures, how many were rated), and each
   * organization's `lowest` lowest ratings. Client users read only their own
   * organization (another one is NOT_FOUND); provider managers and admins any or all.
   */
  async summary(
    user: AuthenticatedUser,
    args: SatisfactionSummaryArgs,
  ): Promise<SatisfactionSummary> {
    const bounds = monthRangeBounds(args.from, args.to);
    if (!bounds) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'from is after to', {
        reason: 'INVALID_VALUE',
        field: 'from',
        value: args.from,
      });
    }
    let organizationId = args.organizationId ?? null;
    if (!isProviderStaff(user)) {
      if (organizationId && organizationId !== user.organizationId) {
        throw notFound('organization', organizationId, `No organization ${organizationId}`);
      }
      organizationId = user.organizationId;
    }
    // A month is the month of the ticket's calendar zone, as compliance counts it: the instants
    // are widened by a day each side for the index, and each rating kept by its own month.
    const day = 24 * 3_600_000;
    const widened = {
      start: new Date(bounds.start.getTime() - day),
      end: new Date(bounds.end.getTime() + day),
    };
    const params = [widened.start, widened.end, organizationId, args.from, args.to];
    const scope = `s.rated_at >= $1 AND s.rated_at < $2
      AND ($3::uuid IS NULL OR t.organization_id = $3::uuid)
      AND ${RATED_MONTH_SQL} BETWEEN $4 AND $5`;
    // One snapshot (REPEATABLE READ): read apart, a rating committed between the reads was among
    // the month's rated closures but not its ratings.
    const { months, responses, lowest } = await this.db.transaction(
      'REPEATABLE READ',
      async (tx) => {
        const months = await tx.query<
          {
            organization_id: string;
            organization_name: string;
            month: string;
            ratings: number;
            score_sum: number;
            satisfied: number;
          }[]
        >(
          `SELECT t.organization_id, o.name AS organization_name,
                  ${RATED_MONTH_SQL} AS month,
                  count(*)::int AS ratings, sum(s.score)::int AS score_sum,
                  (count(*) FILTER (WHERE s.score >= ${SATISFIED_SCORE_MIN}))::int AS satisfied
             FROM ticket_satisfaction s
             JOIN ticket t ON t.number = s.ticket_number
             JOIN organization o ON o.id = t.organization_id
            WHERE ${scope}
            GROUP BY 1, 2, 3`,
          params,
        );
        // L3-11 response rate: the tickets closed in the period (month of the closure, in the
        // calendar's zone) that a rating accepts (RATABLE_STATE, as rate() checks), and how many of
        // them were rated, whenever.
        const responses = await tx.query<
          {
            organization_id: string;
            organization_name: string;
            month: string;
            ratable: number;
            rated: number;
          }[]
        >(
          `SELECT t.organization_id, o.name AS organization_name,
                  ${localMonthSql(CLOSED_AT_SQL)} AS month,
                  count(*)::int AS ratable, count(s.ticket_number)::int AS rated
             FROM ticket t
             JOIN organization o ON o.id = t.organization_id
             LEFT JOIN ticket_satisfaction s ON s.ticket_number = t.number
            WHERE ${RATABLE_SQL}
              AND ${CLOSED_AT_TEXT_SQL} >= $1 AND ${CLOSED_AT_TEXT_SQL} < $2
              AND ($3::uuid IS NULL OR t.organization_id = $3::uuid)
              AND ${localMonthSql(CLOSED_AT_SQL)} BETWEEN $4 AND $5
            GROUP BY 1, 2, 3`,
          [
            widened.start.toISOString(),
            widened.end.toISOString(),
            organizationId,
            args.from,
            args.to,
          ],
        );
        const lowest =
          args.lowest > 0
            ? await tx.query<
                (Omit<RatingRow, 'changes'> & { organization_id: string; subject: string })[]
              >(
                `SELECT * FROM (
                   SELECT ${SCORE_COLUMNS}, t.organization_id, t.subject,
                          row_number() OVER (PARTITION BY t.organization_id
                                             ORDER BY s.score, s.rated_at DESC, s.ticket_number) AS place
                     FROM ticket_satisfaction s
                     JOIN ticket t ON t.number = s.ticket_number
                     LEFT JOIN app_user u ON u.id = s.rated_by
                    WHERE ${scope}) ranked
                  WHERE place <= $6`,
                [...params, args.lowest],
              )
            : [];
        return { months, responses, lowest };
      },
    );
    return summarizeSatisfaction(
      { fromMonth: args.from, toMonth: args.to },
      months.map((m): SatisfactionMonthAggregate => ({
        organizationId: m.organization_id,
        organizationName: m.organization_name,
        month: m.month,
        ratings: m.ratings,
        scoreSum: m.score_sum,
        satisfied: m.satisfied,
      })),
      lowest.map((r): RatingItem => ({
        organizationId: r.organization_id,
        ticketNumber: r.ticket_number,
        subject: r.subject,
        score: r.score,
        comment: r.comment,
        ratedAt: r.rated_at,
        updatedAt: r.updated_at,
        ratedByName: r.rated_by_name,
      })),
      responses.map((r): ResponseMonthAggregate => ({
        organizationId: r.organization_id,
        organizationName: r.organization_name,
        month: r.month,
        ratable: r.ratable,
        rated: r.rated,
      })),
    );
  }

  /** The ticket as the caller may see it: another organization's is NOT_FOUND. */
  private async ticketFacts(
    manager: EntityManager,
    user: AuthenticatedUser,
    number: string,
  ): Promise<TicketFacts> {
    const [ticket] = await manager.query<TicketFacts[]>(
      `SELECT t.number, t.subject, t.state, t.organization_id, o.name AS organization_name,
              a.display_name AS assignee_name
         FROM ticket t
         JOIN organization o ON o.id = t.organization_id
         LEFT JOIN app_user a ON a.id = t.assignee_id
        WHERE t.number = $1`,
      [number],
    );
    if (!ticket || (!isProviderStaff(user) && ticket.organization_id !== user.organizationId)) {
      throw notFound('ticket', number, `Ticket ${number} not found`);
    }
    return ticket;
  }

  private async ratingOf(manager: EntityManager, number: string): Promise<RatingRow | undefined> {
    const [row] = await manager.query<RatingRow[]>(
      `SELECT ${RATING_COLUMNS}
         FROM ticket_satisfaction s LEFT JOIN app_user u ON u.id = s.rated_by
        WHERE s.ticket_number = $1`,
      [number],
    );
    return row;
  }

  /**
   * L3-11, provider side: a low rating emails every active provider manager, in the rating's
   * transaction, through the outbox. Keyed on the ticket and its first rating (UNIQUE per event
   * key and recipient): the managers hear of a ticket's low rating once, however often it changes.
   */
  private async queueLowRatingEmail(
    tx: EntityManager,
    ticket: TicketFacts,
    rating: RatingRow,
  ): Promise<void> {
    const managers = await tx.query<
      { id: string; email: string; display_name: string; locale: string; time_zone: string }[]
    >(
      `SELECT id, email, display_name, locale, time_zone FROM app_user
        WHERE organization_kind = $1 AND $2 = ANY(roles) AND active
        ORDER BY email`,
      [OrganizationKind.PROVIDER, Role.MANAGER],
    );
    const event = {
      type: LOW_RATING_EMAIL_TYPE,
      eventKey: lowRatingEventKey(ticket.number, rating.rated_at),
      occurredAt: rating.updated_at.toISOString(),
      detail: {
        ticketNumber: ticket.number,
        score: rating.score,
        comment: rating.comment,
        ratedBy: rating.rated_by,
      },
    };
    const options = renderOptionsOf(this.config);
    await this.notifications.enqueueRendered(
      tx,
      managers.map((manager) => ({
        event,
        ticketNumber: ticket.number,
        recipient: manager,
        names: rating.rated_by_name ? { [rating.rated_by]: rating.rated_by_name } : {},
        email: renderLowRatingEmail(
          {
            ticket,
            organizationName: ticket.organization_name,
            score: rating.score,
            comment: rating.comment,
            ratedAt: rating.updated_at,
            ratedByName: rating.rated_by_name ?? '—',
            assigneeName: ticket.assignee_name,
          },
          {
            email: manager.email,
            displayName: manager.display_name,
            locale: manager.locale,
            timeZone: manager.time_zone,
          },
          options,
        ),
      })),
    );
  }
}

function toModel(row: RatingRow): TicketSatisfactionModel {
  return {
    ticketNumber: row.ticket_number,
    score: row.score,
    comment: row.comment,
    ratedAt: row.rated_at,
    updatedAt: row.updated_at,
    ratedById: row.rated_by,
    ratedByName: row.rated_by_name,
    ratedByRole: row.rated_by_role ?? actingRole(row.rated_by_roles),
    changeableUntil: changeableUntil(row.rated_at),
    changes: row.changes.map((c) => ({
      score: c.score,
      comment: c.comment,
      at: new Date(c.at),
      byId: c.by_id,
      byName: c.by_name,
      byRole: c.by_role ?? actingRole(c.by_roles),
    })),
  };
}
