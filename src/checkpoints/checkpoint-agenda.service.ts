import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type {
  CheckpointRunPlan,
  PlanCheckpointArgs,
  RecordAgendaArgs,
  RecordedAgenda,
} from '../../workflows/checkpoint/checkpoint.contract';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { foldTotals } from '../contracts/ledger-rules';
import { ledgerTotalsAsOf } from '../contracts/ledger-totals';
import { OrganizationEntity } from '../identity/organization.entity';
import { NotificationsService } from '../notifications';
import { clientQueueOrder, inQueueOrder } from '../planning/client-queue-order';
import {
  type CheckpointAgendaEvent,
  checkpointEventKey,
} from '../notifications/notification-event';
import { TicketClockEntity } from '../tickets/ticket-clock.entity';
import { TicketEventEntity } from '../tickets/ticket-event.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { type AgendaSources, composeAgenda } from './checkpoint-agenda';
import { CHECKPOINT_PERIOD_MS, planCheckpointRun } from './checkpoint-schedule';
import { CheckpointSettingsEntity } from './checkpoint-settings.entity';
import { CheckpointEntity } from './checkpoint.entity';

/** Advisory lock namespace of one client's checkpoints (with `hashtext(organization id)`). */
const CHECKPOINT_LOCK = 0x43_48_4b_50; // "CHKP"

/**
 * The worker's side of the checkpoint (L3-15): plans a run from the client's settings and
 * calendar, and builds, stores and emails its agenda in one transaction, once per run.
 */
@Injectable()
export class CheckpointAgendaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
    private readonly notifications: NotificationsService,
  ) {}

  async plan(args: PlanCheckpointArgs): Promise<CheckpointRunPlan> {
    const settings = await this.db
      .getRepository(CheckpointSettingsEntity)
      .findOneBy({ organizationId: args.organizationId });
    // Asked for now by a manager: off schedule, built at once, with or without a schedule set.
    if (args.onDemand) return { kind: 'MANUAL', scheduledFor: null, buildAt: args.startedAt };
    // A Schedule left behind by a database that no longer has the client: nothing to review.
    if (!settings) {
      return { kind: 'SKIP', reason: `no checkpoint settings for ${args.organizationId}` };
    }
    const calendar = await this.calendars.forOrganization(args.organizationId);
    const plan = planCheckpointRun(calendar.engine, settings, new Date(args.startedAt));
    return {
      kind: plan.kind,
      scheduledFor: plan.scheduledFor?.toISOString() ?? null,
      buildAt: plan.buildAt.toISOString(),
    };
  }

  /**
   * Stores the agenda of run `runKey` and queues its emails, in one transaction: the agenda exists
   * if and only if its emails do. A retry of the same run finds the agenda and queues nothing new.
   * The period runs from the previous agenda's end (the first one: 14 days back) to `builtAt`.
   */
  async record(args: RecordAgendaArgs): Promise<RecordedAgenda> {
    return this.underClientLock(args.organizationId, async (runner) => {
      const stored = await runner.manager
        .getRepository(CheckpointEntity)
        .findOneBy({ runKey: args.runKey });
      // A new agenda is read and stored in one REPEATABLE READ transaction (guarantee 9): its
      // open tickets, SLA alerts, date changes and hours from one snapshot, so a breach committed
      // between two of its reads cannot list a ticket as on time beside its breach. That
      // transaction writes only rows nobody else can see yet (the agenda, its emails), so it
      // raises no serialization failure. A retry of a stored run reads nothing for its agenda:
      // READ COMMITTED, as its outbox rows may be updated meanwhile by a dispatcher.
      return runner.manager.transaction(
        stored ? 'READ COMMITTED' : 'REPEATABLE READ',
        async (tx) => {
          const row = stored ?? (await this.store(tx, args));
          const org = await tx
            .getRepository(OrganizationEntity)
            .findOneByOrFail({ id: args.organizationId });
          const { inserted } = await this.notifications.enqueueCheckpointAgenda(
            tx,
            agendaEvent(row, org.name),
          );
          return { checkpointId: row.id, emailsQueued: inserted };
        },
      );
    });
  }

  /** Composes the agenda of a run not stored yet, from the client's rows, and stores it. */
  private async store(tx: EntityManager, args: RecordAgendaArgs): Promise<CheckpointEntity> {
    const checkpoints = tx.getRepository(CheckpointEntity);
    const periodEnd = new Date(args.builtAt);
    const previous = await checkpoints
      .createQueryBuilder('c')
      .where('c.organization_id = :org', { org: args.organizationId })
      .andWhere('c.period_end <= :end', { end: periodEnd })
      .orderBy('c.period_end', 'DESC')
      .getOne();
    const periodStart = previous?.periodEnd ?? new Date(periodEnd.getTime() - CHECKPOINT_PERIOD_MS);
    const agenda = composeAgenda(
      await readSources(tx, args.organizationId, periodStart, periodEnd),
    );
    return checkpoints.save(
      checkpoints.create({
        organizationId: args.organizationId,
        runKey: args.runKey,
        kind: args.kind,
        scheduledFor: args.scheduledFor ? new Date(args.scheduledFor) : null,
        periodStart,
        periodEnd,
        agenda,
      }),
    );
  }

  /**
   * Runs `work` on one connection that holds the client's checkpoint lock for its whole run, so
   * the client's agendas are built one at a time (a retried run finds the one stored, the next run
   * starts its period where the previous ended). A session lock, taken before `work` begins a
   * transaction: a REPEATABLE READ transaction's snapshot is taken at its first statement, so one
   * that began by waiting for a transaction lock would read from before the agenda the previous
   * holder stored. The unlock follows the transaction's commit or rollback; should it fail, the
   * connection is broken and its session, lock included, ends with it.
   */
  private async underClientLock<T>(
    organizationId: string,
    work: (runner: QueryRunner) => Promise<T>,
  ): Promise<T> {
    const runner = this.db.createQueryRunner();
    const lock = [CHECKPOINT_LOCK, organizationId];
    try {
      await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', lock);
      try {
        return await work(runner);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', lock);
      }
    } finally {
      await runner.release();
    }
  }
}

/** The rows an agenda is composed from (see {@link composeAgenda}). */
async function readSources(
  tx: EntityManager,
  organizationId: string,
  periodStart: Date,
  periodEnd: Date,
): Promise<AgendaSources> {
  const arrived = await tx
    .getRepository(TicketEntity)
    .createQueryBuilder('t')
    .where('t.organization_id = :organizationId', { organizationId })
    .andWhere('t.state NOT IN (:...terminal)', { terminal: TERMINAL_STATES })
    .orderBy('t.registered_at', 'ASC')
    .addOrderBy('t.number', 'ASC')
    .getMany();
  // L3-10: the agenda reviews the open tickets in the client's queue order, as the portal shows it.
  const order = await clientQueueOrder(tx, organizationId);
  const tickets = inQueueOrder(arrived, order);
  const position = new Map(order.map((number, i) => [number, i + 1]));
  // Which running clock each ticket's next deadline is (the portal's «Triage · vence …»).
  const due = await tx.query<{ number: string; kind: string }[]>(
    `SELECT c.ticket_number AS number, c.kind FROM ticket_clock c
       JOIN ticket t ON t.number = c.ticket_number AND c.deadline = t.next_deadline
      WHERE c.ticket_number = ANY($1) AND c.status = 'RUNNING'`,
    [tickets.map((t) => t.number)],
  );
  const dueClock = new Map(due.map((c) => [c.number, c.kind]));
  const clocks = await tx
    .getRepository(TicketClockEntity)
    .createQueryBuilder('c')
    .innerJoin(TicketEntity, 't', 't.number = c.ticket_number')
    .select([
      'c.ticket_number AS "ticketNumber"',
      't.subject AS subject',
      'c.kind AS kind',
      'c.deadline AS deadline',
      'c.at_risk_recorded_at AS "atRiskRecordedAt"',
      'c.breached_at AS "breachedAt"',
    ])
    .where('t.organization_id = :organizationId', { organizationId })
    .andWhere('(c.at_risk_recorded_at > :from OR c.breached_at > :from)', { from: periodStart })
    .orderBy('c.clock_id')
    .getRawMany<AgendaSources['clocks'][number]>();
  const dateEvents = await tx
    .getRepository(TicketEventEntity)
    .createQueryBuilder('e')
    .innerJoin(TicketEntity, 't', 't.number = e.ticket_number')
    .select([
      'e.ticket_number AS "ticketNumber"',
      't.subject AS subject',
      'e.at AS at',
      'e.data AS data',
    ])
    .where('t.organization_id = :organizationId', { organizationId })
    .andWhere(`e.type = 'DATE_ADJUSTED'`)
    .andWhere('e.at > :from AND e.at <= :to', { from: periodStart, to: periodEnd })
    .orderBy('e.at', 'ASC')
    .addOrderBy('e.ticket_number', 'ASC')
    .addOrderBy('e.seq', 'ASC')
    .getRawMany<AgendaSources['dateEvents'][number]>();
  // L3-13: the ledger summed in SQL as of each end of the period (tens of groups), not read whole.
  const [atStart, atEnd] = await ledgerTotalsAsOf(tx, organizationId, [periodStart, periodEnd]);
  return {
    periodStart,
    periodEnd,
    openTickets: tickets.map((t) => ({
      number: t.number,
      subject: t.subject,
      category: t.category,
      state: t.state,
      slaStatus: t.slaStatus,
      nextDeadline: t.nextDeadline?.toISOString() ?? null,
      releaseDate: t.releaseDate?.toISOString() ?? null,
      registeredAt: t.registeredAt.toISOString(),
      ...(position.has(t.number) ? { queuePosition: position.get(t.number) } : {}),
      ...(dueClock.has(t.number) ? { nextDeadlineClock: dueClock.get(t.number) } : {}),
      estimates: t.details.estimates,
      // Read with the tickets (their `details`): no statement per ticket.
      remoteSession: t.details.remoteSession ?? null,
    })),
    clocks,
    dateEvents,
    hoursAtStart: foldTotals(atStart),
    hoursAtEnd: foldTotals(atEnd),
  };
}

/** The email event of a stored agenda. */
function agendaEvent(row: CheckpointEntity, organizationName: string): CheckpointAgendaEvent {
  return {
    type: 'CHECKPOINT_AGENDA',
    eventKey: checkpointEventKey(row.id),
    occurredAt: row.periodEnd.toISOString(),
    checkpoint: {
      id: row.id,
      organizationId: row.organizationId,
      organizationName,
      scheduledFor: row.scheduledFor?.toISOString() ?? null,
      periodStart: row.periodStart.toISOString(),
      periodEnd: row.periodEnd.toISOString(),
    },
    agenda: row.agenda,
  };
}
