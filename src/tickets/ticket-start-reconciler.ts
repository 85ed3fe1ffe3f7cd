import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '../common/errors/domain-error';
import { PeriodicSweep } from '../common/periodic-sweep';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { ticketInputOf } from './ticket.mapper';
import { TicketWorkflowClient } from './ticket-workflow.client';
import { TicketEntity } from './ticket.entity';

/**
 * A registration whose workflow start is this old and still unconfirmed is started again. A start
 * answers within about a second even when Temporal is down (4 gRPC attempts), so 10 s leaves an
 * in-flight registration alone; were it not, its start is adopted, not duplicated.
 */
const GRACE_MS = 10_000;
/** A ticket registered while Temporal was away opens within about 20 s of its return. */
const SWEEP_EVERY_MS = 10_000;
const BATCH = 100;

/**
 * `registerTicket` commits the ticket row before it starts the workflow, so a number is never
 * lost; should the start fail (Temporal down, API killed in between), the row stays without
 * `workflow_started_at`. This sweep starts those workflows (a start is idempotent: an existing
 * run of the same registration is adopted, never duplicated), at boot and every 10 s.
 */
@Injectable()
export class TicketStartReconciler extends PeriodicSweep {
  protected readonly logger = new Logger(TicketStartReconciler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: TicketWorkflowClient,
  ) {
    super(SWEEP_EVERY_MS, 'ticket start');
  }

  /** Starts every overdue unstarted ticket workflow; returns how many were started. */
  async sweep(now = new Date()): Promise<number> {
    const repo = this.db.getRepository(TicketEntity);
    const pending = await repo.find({
      where: {
        workflowStartedAt: IsNull(),
        registeredAt: LessThan(new Date(now.getTime() - GRACE_MS)),
      },
      order: { registeredAt: 'ASC' },
      take: BATCH,
    });
    let started = 0;
    for (const t of pending) {
      try {
        await this.workflows.start(ticketInputOf(t));
      } catch (err) {
        // A refusal of this ticket (CONFLICT: its number's workflow belongs to another
        // registration) holds none of the others back; an outage (not a domain error) ends the
        // pass, the rest would fail alike.
        if (!(err instanceof DomainError)) throw err;
        this.logger.warn(`ticket ${t.number} not started: ${err.message}`);
        continue;
      }
      await repo.update({ number: t.number }, { workflowStartedAt: new Date() });
      started += 1;
    }
    if (started) this.logger.warn(`started ${started} ticket workflow(s) a registration missed`);
    return started;
  }
}
