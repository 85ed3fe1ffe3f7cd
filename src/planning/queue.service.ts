import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Estimate } from '../../workflows/ticket/ticket.contract';
import { RELEASE_DATE_STATES, TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import type { BusinessCalendar } from '../business-time/engine';
import { REMOTE_SESSION_ACCEPTED_SQL } from '../tickets/awaiting-client';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { planReleaseDates, remainingHours } from './capacity-model';
import { deliveryOnClosedDay, deliveryRisk, NO_DELIVERY_RISK } from './delivery-risk';
import { PlanningSettingsService } from './planning-settings.service';
import { compareQueued, workOrder } from './queue-order';

/** Authorized requirements with work left: the tickets the capacity model plans (L3-19). */
export const PLANNED_STATES: readonly string[] = ['SCHEDULING', ...RELEASE_DATE_STATES];

/** One open ticket in its client's queue. */
export interface QueueEntry {
  /** 1-based place in the queue. */
  readonly position: number;
  readonly ticketNumber: string;
  readonly organizationId: string;
  readonly subject: string;
  readonly category: string;
  readonly classification: string | null;
  readonly requirementKind: string | null;
  readonly state: string;
  readonly registeredAt: Date;
  readonly rank: number | null;
  readonly urgent: boolean;
  readonly slaStatus: string;
  readonly nextDeadline: Date | null;
  /** The published release-for-testing date, if any. */
  readonly releaseDate: Date | null;
  /** Authorized requirements only: approved estimate hours minus hours logged. */
  readonly remainingHours: number | null;
  /** Authorized requirements only: the capacity model's date in this queue order. */
  readonly plannedReleaseDate: Date | null;
  /** L3-19: the plan finishes after the published release date (see `deliveryRisk`). */
  readonly deliveryAtRisk: boolean;
  /** Business days the plan is late by when `deliveryAtRisk`; `null` otherwise. */
  readonly deliverySlipBusinessDays: number | null;
  /** L3-19: the published date fell on a day a calendar change closed (`deliveryOnClosedDay`). */
  readonly deliveryOnClosedDay: boolean;
  /** The ticket's calendar: its clocks' live business time. */
  readonly calendarId: string;
  /** The assigned agent (L3-07), if any: `QueueEntry.assigneeName` reads their name. */
  readonly assigneeId: string | null;
  /** What `awaitsClient` reads besides the state (L3-06, L3-09). */
  readonly clientWait: ClientWaitFacts;
}

/**
 * A ticket's newest estimate status, whether the client confirmed a proposed remote session and
 * that session's time (L3-06).
 */
export interface ClientWaitFacts {
  readonly newestEstimateStatus: string | null;
  readonly remoteSessionAccepted: boolean;
  readonly remoteSessionAt: Date | null;
}

export interface ClientQueue {
  readonly organizationId: string;
  readonly hoursPerBusinessDay: number;
  /** When the plan was computed (dates count business days after this instant's local date). */
  readonly plannedAt: Date;
  readonly entries: readonly QueueEntry[];
}

/** What the queue is built from, read in one go (inside the reorder's transaction when given). */
export interface QueueSnapshot {
  readonly organizationId: string;
  readonly hoursPerBusinessDay: number;
  readonly rows: readonly QueueRow[];
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
}

export interface QueueRow {
  readonly ticketNumber: string;
  readonly subject: string;
  readonly category: string;
  readonly classification: string | null;
  readonly requirementKind: string | null;
  readonly state: string;
  readonly registeredAt: Date;
  readonly calendarId: string;
  readonly assigneeId: string | null;
  readonly releaseDate: Date | null;
  /** L3-19: the release date provider staff committed to (see `ReplanFacts.committed`). */
  readonly committedReleaseDate: Date | null;
  readonly slaStatus: string;
  readonly nextDeadline: Date | null;
  readonly rank: number | null;
  readonly urgent: boolean;
  readonly approvedHours: number | null;
  readonly loggedHours: number;
  readonly clientWait: ClientWaitFacts;
}

interface RawRow {
  number: string;
  subject: string;
  category: string;
  classification: string | null;
  requirement_kind: string | null;
  state: string;
  registered_at: Date;
  calendar_id: string;
  assignee_id: string | null;
  release_date: Date | null;
  committed_release_date: Date | null;
  sla_status: string;
  next_deadline: Date | null;
  estimates: Estimate[] | null;
  rank: number | null;
  urgent: boolean | null;
  logged: string | null;
  newest_estimate_status: string | null;
  remote_session_accepted: boolean;
  remote_session_at: Date | null;
}

/** The columns of `ClientWaitFacts`, over the read model's `ticket` row `t`. */
const CLIENT_WAIT_COLUMNS = `t.details -> 'estimates' -> -1 ->> 'status' AS newest_estimate_status,
  ${REMOTE_SESSION_ACCEPTED_SQL} AS remote_session_accepted,
  (t.details -> 'remoteSession' ->> 'at')::timestamptz AS remote_session_at`;

/** Ranks that replace the stored ones (a reorder being previewed). */
export type RankOverride = ReadonlyMap<string, { rank: number; urgent: boolean }>;

const MAX_WORK_LIST = 200;

/**
 * L3-10 queues: per client organization its open tickets in arrival order unless the client ranked
 * them (urgent first, then rank, then arrival), each authorized requirement with its planned
 * release date (L3-19 capacity model); and the agents' work list across clients.
 */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
    private readonly settings: PlanningSettingsService,
  ) {}

  /** The queue of `organizationId` now (no access check: callers check). */
  async queueOf(organizationId: string, now = new Date()): Promise<ClientQueue> {
    return this.arrange(await this.snapshot(organizationId), now);
  }

  /** Reads what the queue is built from; `tx` keeps it inside a caller's transaction. */
  async snapshot(organizationId: string, tx: EntityManager = this.db.manager) {
    const raw = await tx.query<RawRow[]>(
      `SELECT t.number, t.subject, t.category, t.classification, t.requirement_kind, t.state,
              t.registered_at, t.calendar_id,
              t.assignee_id, t.release_date, t.sla_status, t.next_deadline, t.details -> 'estimates' AS estimates,
              r.rank, r.urgent, ${CLIENT_WAIT_COLUMNS},
              (SELECT sum(te.hours) FROM time_entry te WHERE te.ticket_number = t.number) AS logged,
              -- L3-19: the newest release date provider staff set (published, or moved by hand);
              -- a client's reorder (DATE_ADJUSTED with a reorderId) is not a commitment.
              (SELECT (COALESCE(e.data ->> 'newDate', e.data ->> 'releaseDate'))::timestamptz
                 FROM ticket_event e
                WHERE e.ticket_number = t.number
                  AND (e.type = 'setReleaseDate'
                       OR (e.type = 'DATE_ADJUSTED' AND e.data ->> 'reorderId' IS NULL
                           AND COALESCE(e.data ->> 'subjectDate', 'RELEASE_DATE') = 'RELEASE_DATE'))
                ORDER BY e.seq DESC LIMIT 1) AS committed_release_date
         FROM ticket t
         LEFT JOIN queue_rank r ON r.ticket_number = t.number
        WHERE t.organization_id = $1 AND t.state <> ALL ($2::text[])`,
      [organizationId, TERMINAL_STATES],
    );
    const rows = raw.map(toQueueRow);
    const calendars = await this.calendarsOf(rows);
    const { hoursPerBusinessDay } = await this.settings.settingsOf(organizationId, tx);
    return { organizationId, hoursPerBusinessDay, rows, calendars } satisfies QueueSnapshot;
  }

  /**
   * The queue in order with planned dates: the stored ranks, or `override` in their place (tickets
   * it leaves out lose their rank). Pure over the snapshot and `now`.
   */
  arrange(snapshot: QueueSnapshot, now: Date, override?: RankOverride): ClientQueue {
    const ranked = snapshot.rows.map((row) => {
      if (!override) return row;
      const mine = override.get(row.ticketNumber);
      return { ...row, rank: mine?.rank ?? null, urgent: mine?.urgent ?? false };
    });
    ranked.sort(compareQueued);
    const planned = ranked.filter(
      (r) => PLANNED_STATES.includes(r.state) && r.approvedHours !== null,
    );
    const plan = new Map(
      planReleaseDates(
        planned.map((r) => ({
          ticketNumber: r.ticketNumber,
          remainingHours: remainingHours(r.approvedHours!, r.loggedHours),
          calendar: snapshot.calendars.get(r.calendarId)!,
        })),
        snapshot.hoursPerBusinessDay,
        now,
      ).map((p) => [p.ticketNumber, p]),
    );
    return {
      organizationId: snapshot.organizationId,
      hoursPerBusinessDay: snapshot.hoursPerBusinessDay,
      plannedAt: now,
      entries: ranked.map((r, i) => {
        const planned = plan.get(r.ticketNumber)?.plannedDate ?? null;
        const risk = planned
          ? deliveryRisk(snapshot.calendars.get(r.calendarId)!, r.state, r.releaseDate, planned)
          : NO_DELIVERY_RISK;
        return {
          position: i + 1,
          ticketNumber: r.ticketNumber,
          organizationId: snapshot.organizationId,
          subject: r.subject,
          category: r.category,
          classification: r.classification,
          requirementKind: r.requirementKind,
          state: r.state,
          registeredAt: r.registeredAt,
          rank: r.rank,
          urgent: r.urgent,
          slaStatus: r.slaStatus,
          nextDeadline: r.nextDeadline,
          releaseDate: r.releaseDate,
          remainingHours: plan.get(r.ticketNumber)?.remainingHours ?? null,
          plannedReleaseDate: planned,
          deliveryAtRisk: risk.atRisk,
          deliverySlipBusinessDays: risk.slipBusinessDays,
          deliveryOnClosedDay: deliveryOnClosedDay(
            snapshot.calendars.get(r.calendarId)!,
            r.state,
            r.releaseDate,
          ),
          calendarId: r.calendarId,
          assigneeId: r.assigneeId,
          clientWait: r.clientWait,
        };
      }),
    };
  }

  /**
   * The agents' work list across clients (L3-10), in `workOrder`: tickets whose SLA is at stake
   * (breached, then at risk with a running clock, soonest deadline first), then deliveries at risk
   * (a published release date the plan can no longer meet, soonest published date first), then
   * client-flagged urgent tickets, then each ticket's position in its client's queue (rank, then
   * arrival), and the tickets waiting on the client last. `organizationId` narrows it to one client. Every open ticket is read (a few columns;
   * estimates and logged hours only for the planned states), since a ticket's place and planned
   * date depend on its whole client queue: each client's queue is arranged as `queueOf` does, so
   * the work list shows the same planned dates and delivery risk. The first `first` are answered.
   */
  async workList(first: number, organizationId?: string, now = new Date()): Promise<QueueEntry[]> {
    const limit = Math.min(Math.max(first, 1), MAX_WORK_LIST);
    const raw = await this.db.query<(RawRow & { organization_id: string })[]>(
      `SELECT t.number, t.organization_id, t.subject, t.category, t.classification,
              t.requirement_kind, t.state, t.registered_at,
              t.calendar_id, t.assignee_id, t.release_date, t.sla_status, t.next_deadline,
              CASE WHEN t.state = ANY ($3::text[]) THEN t.details -> 'estimates' END AS estimates,
              r.rank, r.urgent, ${CLIENT_WAIT_COLUMNS},
              CASE WHEN t.state = ANY ($3::text[]) THEN
                (SELECT sum(te.hours) FROM time_entry te WHERE te.ticket_number = t.number)
              END AS logged,
              NULL::timestamptz AS committed_release_date
         FROM ticket t
         LEFT JOIN queue_rank r ON r.ticket_number = t.number
        WHERE t.state <> ALL ($1::text[]) AND ($2::uuid IS NULL OR t.organization_id = $2)`,
      [TERMINAL_STATES, organizationId ?? null, PLANNED_STATES],
    );
    const byClient = new Map<string, QueueRow[]>();
    for (const r of raw) {
      const rows = byClient.get(r.organization_id) ?? [];
      rows.push(toQueueRow(r));
      byClient.set(r.organization_id, rows);
    }
    const calendars = await this.calendarsOf([...byClient.values()].flat());
    const capacities = await this.settings.capacitiesOf([...byClient.keys()]);
    const entries = [...byClient].flatMap(
      ([org, rows]) =>
        this.arrange(
          { organizationId: org, hoursPerBusinessDay: capacities.get(org)!, rows, calendars },
          now,
        ).entries,
    );
    return workOrder(entries)
      .slice(0, limit)
      .map((entry, i) => ({ ...entry, position: i + 1 }));
  }

  /** The current calendar version of each calendar the rows use. */
  private async calendarsOf(rows: readonly QueueRow[]): Promise<Map<string, BusinessCalendar>> {
    const calendars = new Map<string, BusinessCalendar>();
    for (const id of new Set(rows.map((r) => r.calendarId))) {
      calendars.set(id, (await this.calendars.current(id)).engine);
    }
    return calendars;
  }
}

function toQueueRow(r: RawRow): QueueRow {
  const authorized = (r.estimates ?? []).filter((e) => e.status === 'AUTHORIZED');
  const approved = authorized[authorized.length - 1];
  return {
    ticketNumber: r.number,
    subject: r.subject,
    category: r.category,
    classification: r.classification,
    requirementKind: r.requirement_kind,
    state: r.state,
    registeredAt: r.registered_at,
    calendarId: r.calendar_id,
    assigneeId: r.assignee_id,
    releaseDate: r.release_date,
    committedReleaseDate: r.committed_release_date,
    slaStatus: r.sla_status,
    nextDeadline: r.next_deadline,
    rank: r.rank,
    urgent: r.urgent ?? false,
    approvedHours: approved ? Number(approved.hours) : null,
    loggedHours: r.logged === null ? 0 : Number(r.logged),
    clientWait: {
      newestEstimateStatus: r.newest_estimate_status,
      remoteSessionAccepted: r.remote_session_accepted,
      remoteSessionAt: r.remote_session_at,
    },
  };
}
