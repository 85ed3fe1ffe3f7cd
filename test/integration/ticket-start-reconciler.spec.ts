import { TicketStartReconciler } from '../../src/tickets/ticket-start-reconciler';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract';
import { eventually } from '../support/eventually';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';

// L3-02/L3-05: a registration commits its ticket row before it starts the workflow, so a failed
// start never loses the ticket; the reconciler starts the workflow later, once.

describe('ticket start reconciler (L3-02, L3-05)', () => {
  const world = useWorldWithWorker('reconcile');

  it('starts the workflow of a ticket whose start was missed, once, and it opens with its triage clock', async () => {
    const registered = await registerTicket(world, {
      category: 'INCIDENT',
      subject: 'Factura',
      description: 'No timbra.',
    });
    const [prefix, year, seq] = registered.split('-');
    const missed = `${prefix}-${year}-${String(Number(seq) + 1).padStart(6, '0')}`;
    // A registration whose API died between the commit and the start: the row, no workflow.
    await world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id, calendar_id,
         category, subject, description, state, sla_status, details, registered_at, last_event_seq,
         updated_at, workflow_started_at)
       SELECT $1, year, seq + 1, $2, organization_id, registrant_id, calendar_id, category,
         'Sin flujo', description, 'REGISTERED', 'ok', '{}', now() - interval '5 minutes', 0, now(), NULL
       FROM ticket WHERE number = $3`,
      [missed, ticketWorkflowId(missed), registered],
    );
    const reconciler = world.api.app.get(TicketStartReconciler);
    expect(await reconciler.sweep()).toBe(1);
    expect(await reconciler.sweep()).toBe(0);

    const handle = world.api.app
      .get(TemporalClientService)
      .client.workflow.getHandle(ticketWorkflowId(missed));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const events = await eventually(
      () =>
        world.db.query<{ type: string }[]>(
          'SELECT type FROM ticket_event WHERE ticket_number = $1 ORDER BY seq',
          [missed],
        ),
      (rows) => rows.length >= 2,
    );
    expect(events.map((e) => e.type)).toEqual(['registered', 'CLOCK_STARTED']);
    const [row] = await world.db.query<{ workflow_started_at: Date | null }[]>(
      'SELECT workflow_started_at FROM ticket WHERE number = $1',
      [missed],
    );
    expect(row.workflow_started_at).not.toBeNull();
    await handle.terminate('test done');
  });
});
