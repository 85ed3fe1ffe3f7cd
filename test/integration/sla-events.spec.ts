import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { SlaEventsService } from '../../src/sla/sla-events.service';
import { integrationConfig } from '../support/integration-harness';

// A clock's at-risk mark or breach is recorded once in real PostgreSQL, however often the firing
// reports it (an activity retry). The clocks firing on the real dev server, each once, are covered
// with real tickets by the fault tier (worker kill, Temporal restart, PostgreSQL outage) and timed
// by `npm run bench timer`. SLA-CLAUSES.md clocks table; L3-06.

describe('SLA events on the real database', () => {
  let db: DataSource;
  const config = integrationConfig();

  beforeAll(async () => {
    db = await new DataSource(typeOrmOptions(config.database.url)).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
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
    // The at-risk mark of the same clock is its own event.
    expect(await events.record({ ...event, event: 'at_risk' })).toEqual({ firstTime: true });
  });
});
