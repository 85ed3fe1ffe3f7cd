import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Role } from '../../src/identity/role.enum';
import { EMAILS_BEHIND } from '../../src/tickets/ticket-email-relay';
import { gql } from '../support/integration-harness';
import { ROOT } from '../support/paths';
import { buildWorker, removeWorkerBuild } from '../support/worker-process';
import { useWorldWithWorker } from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// `npm run read-model:rebuild` (issue 4): the compiled script, as an operator runs it, builds its
// services by hand (no Nest context): the projection and the notifications with their calendar
// lookup. It rebuilds a broken read model from the event log and emails nobody again (L3-11).

const REGISTER = `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`;

describe('read-model:rebuild, the compiled script (issue 4, L3-11)', () => {
  // The real worker runs the tickets' workflows, which write the read model the script rebuilds.
  const world = useWorldWithWorker('rebuildscript');
  let buildDir: string | undefined;

  beforeAll(async () => {
    buildDir = await buildWorker();
  }, 180_000);
  afterAll(() => {
    if (buildDir) removeWorkerBuild(buildDir);
  });

  const snapshot = async () => ({
    tickets: await world.db.query<Record<string, unknown>[]>(
      `SELECT number, state, classification, requirement_kind, assignee_id, release_date,
              closure_outcome, sla_status, next_deadline, details, last_event_seq
         FROM ticket ORDER BY number`,
    ),
    clocks: (
      await world.db.query<Record<string, unknown>[]>(
        `SELECT * FROM ticket_clock ORDER BY clock_id`,
      )
    ).map(({ updated_at: _u, ...clock }) => clock),
    emails: (
      await world.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM email_outbox')
    )[0].n,
  });

  /**
   * Until each ticket's workflow has started its triage clock (L3-06), the read model holds every
   * logged event, their emails are queued (TicketEmailRelay, L3-11) and nothing new came for a
   * while.
   */
  async function settled(tickets: number): Promise<void> {
    const state = async () =>
      JSON.stringify(
        await world.db.query(
          `SELECT (SELECT count(*) FROM ticket_event)::int AS events,
                  (SELECT count(DISTINCT ticket_number) FROM ticket_clock
                    WHERE kind = 'triage')::int AS triage,
                  (SELECT count(*) FROM ticket t WHERE (${EMAILS_BEHIND})
                     OR t.last_event_seq <> (SELECT coalesce(max(seq), 0) FROM ticket_event e
                       WHERE e.ticket_number = t.number))::int AS lagging`,
        ),
      );
    const until = Date.now() + 30_000;
    for (let seen = ''; ;) {
      const now = await state();
      if (now === seen && now.includes(`"triage":${tickets},"lagging":0`)) return;
      if (Date.now() > until) throw new Error(`read model not settled: ${now}`);
      seen = now;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  it('restores a corrupted read model equal to the live one and queues no email', async () => {
    for (const [org, subject] of [
      [AURORA_ORG, 'Reporte de cobranza'],
      [TULUM_ORG, 'Reporte de embarques'],
    ]) {
      const { body } = await gql<{ registerTicket: { number: string } }>(
        world.api,
        REGISTER,
        { input: { category: 'DEVELOPMENT', subject, description: `${subject} por zona.` } },
        world.bearer(Role.CLIENT_USER, org),
      );
      expect(body.errors).toBeUndefined();
    }
    await settled(2);
    const live = await snapshot();
    expect(live.tickets).toHaveLength(2);

    await world.db.query(`UPDATE ticket SET state = 'CORRUPTED', details = '{}'`);
    await world.db.query(`DELETE FROM ticket_clock`);
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(buildDir!, 'src', 'tickets', 'rebuild-read-model.js')],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: world.config.database.url } },
    );
    expect(`${stdout}${stderr}`).toContain('rebuilt 2 ticket(s) from the event log');
    expect(await snapshot()).toEqual(live);
  });
});
