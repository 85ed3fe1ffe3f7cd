import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract';
import { eventually } from './eventually';

/**
 * Waits until nothing can still change the read model on its own: every ticket's workflow is
 * idle (no workflow task, activity or child pending; or closed, or never started: a ticket a
 * spec wrote itself) and every ticket's `last_event_seq` is its log's last seq. "Unchanged for a
 * while" is not that: a workflow whose projection activity is queued or slow (a signal fan-out
 * on a loaded machine) writes nothing until it lands. Timers are not in flight: they fire at
 * their deadlines. Throws with the busy tickets when `timeoutMs` passes.
 */
export async function ticketWorkflowsSettled(
  db: DataSource,
  temporal: Client,
  timeoutMs = 60_000,
): Promise<void> {
  const busy = async (number: string): Promise<boolean> => {
    try {
      const { status, raw } = await temporal.workflow
        .getHandle(ticketWorkflowId(number))
        .describe();
      if (status.name !== 'RUNNING') return false;
      return (
        !!raw.pendingWorkflowTask ||
        (raw.pendingActivities ?? []).length > 0 ||
        (raw.pendingChildren ?? []).length > 0
      );
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  };
  await eventually(
    async () => {
      const tickets = await db.query<{ number: string; lagging: boolean }[]>(
        `SELECT t.number, t.last_event_seq <>
           (SELECT coalesce(max(seq), 0) FROM ticket_event e WHERE e.ticket_number = t.number)
           AS lagging
         FROM ticket t ORDER BY t.number`,
      );
      const working: string[] = [];
      for (const t of tickets) if (await busy(t.number)) working.push(t.number);
      return { working, lagging: tickets.filter((t) => t.lagging).map((t) => t.number) };
    },
    ({ working, lagging }) => working.length === 0 && lagging.length === 0,
    timeoutMs,
    200,
  );
}
