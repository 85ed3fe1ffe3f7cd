import { DataSource } from 'typeorm';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { SlaEventsService } from '../../src/sla/sla-events.service';
import { slaTimerWorkflowId } from '../../workflows/sla-timer/sla-timer.contract';
import type { slaTimerWorkflow } from '../../workflows/sla-timer/sla-timer.workflow';
import { integrationConfig, startWorker } from '../support/integration-harness';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';

// SLA clocks fire exactly once at their deadline on the real dev server, and the breach is recorded
// once in real PostgreSQL (SLA-CLAUSES.md clocks table; L3-06).

describe('SLA timer on the real stack', () => {
  let bundle: WorkflowBundleWithSourceMap;
  let connection: Connection;
  let client: Client;
  let db: DataSource;
  const config = integrationConfig();

  beforeAll(async () => {
    installQuietRuntime();
    bundle = await bundleWorkflows();
    connection = await Connection.connect({ address: config.temporal.address });
    client = new Client({ connection });
    db = await new DataSource(typeOrmOptions(config.database.url)).initialize();
  });
  afterAll(async () => {
    await connection?.close();
    await db?.destroy();
  });

  it('records the breach once, right after the deadline', async () => {
    const worker = await startWorker(bundle, config);
    const clockId = `it-${Date.now()}:triage:1`;
    const deadline = new Date(Date.now() + 1_500).toISOString();
    try {
      const result = await worker.run(() =>
        client.workflow.execute<typeof slaTimerWorkflow>('slaTimerWorkflow', {
          taskQueue: worker.taskQueue,
          workflowId: slaTimerWorkflowId(clockId),
          args: [{ clockId, ticketKey: 'L3-2026-000042', kind: 'triage', deadline }],
        }),
      );
      expect(result.status).toBe('breached');
    } finally {
      await worker.close();
    }
    const rows = await db.query<{ event: string; fired_at: Date; deadline: Date }[]>(
      'SELECT event, fired_at, deadline FROM sla_event WHERE clock_id = $1',
      [clockId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].event).toBe('breached');
    expect(rows[0].deadline.toISOString()).toBe(deadline);
    expect(rows[0].fired_at.getTime()).toBeGreaterThanOrEqual(Date.parse(deadline));
  });

  it('ignores a second report of the same event (activity retry)', async () => {
    const events = new SlaEventsService(db);
    const event = {
      clockId: `it-${Date.now()}:diagnosis:1`,
      ticketKey: 'L3-2026-000043',
      kind: 'diagnosis' as const,
      event: 'breached' as const,
      deadline: new Date().toISOString(),
      firedAt: new Date().toISOString(),
    };
    expect(await events.record(event)).toEqual({ firstTime: true });
    expect(await events.record(event)).toEqual({ firstTime: false });
    const [{ count }] = await db.query<{ count: string }[]>(
      'SELECT count(*) FROM sla_event WHERE clock_id = $1',
      [event.clockId],
    );
    expect(Number(count)).toBe(1);
  });
});
