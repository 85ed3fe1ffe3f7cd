import type { DataSource } from 'typeorm';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import type { AgentLoadLookup } from './ticket.activities';
import type { TicketProjectionActivities } from '../../workflows/ticket/ticket-projection';
import type { TicketProjectionService } from './ticket-projection.service';

export function createTicketProjectionActivities(
  projection: TicketProjectionService,
): TicketProjectionActivities {
  return { projectTicket: (batch) => projection.project(batch) };
}

/** Open tickets per agent from the read model, for least-loaded assignment (L3-07). */
export function agentLoadFromReadModel(db: DataSource): AgentLoadLookup {
  return async (agentIds) => {
    const rows = await db.query<{ assignee_id: string; open: string }[]>(
      `SELECT assignee_id, count(*) AS open FROM ticket
       WHERE assignee_id = ANY($1) AND state <> ALL($2) GROUP BY assignee_id`,
      [agentIds, TERMINAL_STATES],
    );
    return new Map(rows.map((r) => [r.assignee_id, Number(r.open)]));
  };
}
