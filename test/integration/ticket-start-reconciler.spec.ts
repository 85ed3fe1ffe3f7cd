import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Role } from '../../src/identity/role.enum';
import { TicketStartReconciler } from '../../src/tickets/ticket-start-reconciler';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract';
import { gql, startWorker, type RunningWorker } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';

// L3-02/L3-05: a registration commits its ticket row before it starts the workflow, so a failed
// start never loses the ticket; the reconciler starts the workflow later, once.

const REGISTER = `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`;

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('ticket start reconciler (L3-02, L3-05)', () => {
  let world: SeededWorld;
  let worker: RunningWorker;
  let bundle: WorkflowBundleWithSourceMap;
  let running: Promise<void>;
  const taskQueue = `reconcile-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    installQuietRuntime();
    bundle = await bundleWorkflows();
    world = await createSeededWorld('reconcile', { TEMPORAL_TASK_QUEUE: taskQueue });
    worker = await startWorker(bundle, world.config);
    running = worker.worker.run();
  });
  afterAll(async () => {
    if (worker) {
      worker.worker.shutdown();
      await running;
      await worker.close();
    }
    await world?.close();
  });

  it('starts the workflow of a ticket whose start was missed, once, and it opens with its triage clock', async () => {
    const { body } = await gql<{ registerTicket: { number: string } }>(
      world.api,
      REGISTER,
      { input: { category: 'INCIDENT', subject: 'Factura', description: 'No timbra.' } },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    const registered = body.data!.registerTicket.number;
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
