import { Client, Connection } from '@temporalio/client';
import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import { CheckpointSchedulesService } from '../../src/checkpoints/checkpoint-schedules.service';
import { Role } from '../../src/identity/role.enum';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { checkpointScheduleId } from '../../workflows/checkpoint/checkpoint.contract';
import { caughtOnceEach } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import {
  settledOrWaitsForAnyLock,
  someoneWaitsForAdvisoryLock,
  someoneWaitsForAnyLock,
  someoneWaitsForRowLock,
} from '../support/lock-waiters';
import { useWorldWithWorker } from '../support/world-with-worker';
import { AURORA_ORG, demoCheckpoint, literally } from '../support/demo-contract';
import { mexicoCityWall } from '../support/calendar-month';
import { createWeekdayCalendar } from '../support/weekday-calendar';

// L3-15 with L3-11, on the real stack (API, PostgreSQL, Temporal Schedules, the worker's email
// dispatcher, the SMTP catcher): staff moving a client's checkpoint emails the people its agenda
// goes to (the client's approvers and the provider managers, not who moved it), «Punto de control
// movido: del … al …», once per move, each side with its own footer. The same move again changes
// nothing and emails nobody; setting a checkpoint for the first time is no move. Two first
// settings at once take turns: the later is a move from the earlier, not an INTERNAL error. A sync
// of every Schedule (an API booting, a calendar edit) during a save syncs what the save commits.

const SET = `mutation ($input: CheckpointSettingsInput!) {
  setCheckpointSettings(input: $input) { organizationId weekday localTime firstDate } }`;
const GET = `query ($organizationId: ID!) {
  checkpointSettings(organizationId: $organizationId) { weekday localTime firstDate } }`;
const SECOND_MANAGER = 'gerente2@becken.example';

const SET_FULL = `mutation ($input: CheckpointSettingsInput!) {
  setCheckpointSettings(input: $input) { weekday localTime firstDate nextRuns } }`;
const ZONE = 'America/Mexico_City';

interface Row {
  event_key: string;
  recipient_address: string;
  status: string;
  message_id: string;
  payload: { event: { from: string; to: string } };
}

interface Saved {
  weekday: number;
  localTime: string;
  firstDate: string;
  nextRuns: string[];
}

describe('A moved checkpoint is told to its agenda’s audience (L3-15, L3-11)', () => {
  const world = useWorldWithWorker('checkpoint-moved');
  let temporal: Client;
  let auroraId: string;
  let tulumId: string;

  beforeAll(async () => {
    temporal = new Client({
      connection: await Connection.connect({ address: world.config.temporal.address }),
      namespace: world.config.temporal.namespace,
    });
    auroraId = world.orgIds['comercializadora-aurora'];
    tulumId = world.orgIds['grupo-industrial-tulum'];
    // A second manager who reads English: managers other than the mover are told.
    const { body } = await gql(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds.becken,
          email: SECOND_MANAGER,
          displayName: 'Mara Manager',
          roles: ['MANAGER'],
          locale: 'EN',
          temporaryPassword: 'temporal-password-123',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
  });
  afterAll(async () => {
    for (const org of [auroraId, tulumId]) {
      // The tier's Temporal server is shared by every spec: leave no Schedule behind.
      await temporal?.schedule
        .getHandle(checkpointScheduleId(org))
        .delete()
        .catch(() => undefined);
    }
    await temporal?.connection.close();
  });

  const set = async (organizationId: string, weekday: number, localTime: string) => {
    const { body } = await gql(
      world.api,
      SET,
      { input: { organizationId, weekday, localTime } },
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
  };
  const moves = (organizationId: string) =>
    world.db.query<Row[]>(
      `SELECT event_key, recipient_address, status, message_id, payload FROM email_outbox
        WHERE event_type = 'CHECKPOINT_MOVED' AND starts_with(event_key, $1)
        ORDER BY created_at, recipient_address`,
      [`checkpoint-moved-${organizationId}:`],
    );

  it('a move emails the approvers and the other managers once each; the same move again nobody', async () => {
    // The demo seed gave Aurora Tuesday 10:00; it moves to Thursday 11:30.
    const before = (
      await gql<{ checkpointSettings: { weekday: number; localTime: string } }>(
        world.api,
        GET,
        { organizationId: auroraId },
        world.bearer(Role.MANAGER),
      )
    ).body.data!.checkpointSettings;
    expect(before).toMatchObject(demoCheckpoint('comercializadora-aurora'));
    await set(auroraId, 4, '11:30');

    const rows = await eventually(
      () => moves(auroraId),
      (all) => all.length === 2 && all.every((r) => r.status === 'SENT'),
    );
    // The agenda's audience, minus the manager who moved it (gerente@becken.example).
    expect(rows.map((r) => r.recipient_address)).toEqual([
      'aprobador@aurora.example',
      SECOND_MANAGER,
    ]);
    expect(new Set(rows.map((r) => r.event_key)).size).toBe(1);
    const mails = await caughtOnceEach(rows);
    // Exactly one message per recipient.
    expect(mails.map((m) => m.to).sort()).toEqual([['aprobador@aurora.example'], [SECOND_MANAGER]]);
    const approver = mails.find((m) => m.to.includes('aprobador@aurora.example'))!;
    expect(approver.subject).toMatch(
      new RegExp(`^Punto de control movido: del mar .+ al jue .+ \\(${literally(AURORA_ORG)}\\)$`),
    );
    expect(approver.text).toContain(
      `Gerardo Gerente movió la sesión de seguimiento quincenal de ${AURORA_ORG}.`,
    );
    expect(approver.text).toMatch(/Antes: martes, .+ \(hora de la Ciudad de México\)/);
    expect(approver.text).toMatch(/Ahora: jueves, .+ 11:30.+ \(hora de la Ciudad de México\)/);
    expect(approver.text).toContain('/checkpoints');
    // Each side its own footer.
    expect(approver.text).toContain('Si la nueva fecha no le conviene, indíquelo en la plataforma');
    const manager = mails.find((m) => m.to.includes(SECOND_MANAGER))!;
    expect(manager.subject).toMatch(/^Checkpoint moved: from Tue, .+ to Thu, /);
    expect(manager.text).toContain('This email is automatic: replies by email are not read.');
    expect(manager.text).not.toContain('If the new date does not suit you');

    // The same move again (a double click, a retried request): nothing changes, nobody is told.
    const saved = await world.db.query<{ updated_at: Date; anchor_date: string }[]>(
      `SELECT updated_at, anchor_date::text FROM checkpoint_settings WHERE organization_id = $1`,
      [auroraId],
    );
    await set(auroraId, 4, '11:30');
    expect(
      await world.db.query(
        `SELECT updated_at, anchor_date::text FROM checkpoint_settings WHERE organization_id = $1`,
        [auroraId],
      ),
    ).toEqual(saved);
    expect(await moves(auroraId)).toHaveLength(2);

    // Another move is another email to each.
    await set(auroraId, 4, '12:00');
    const again = await eventually(
      () => moves(auroraId),
      (all) => all.length === 4 && all.every((r) => r.status === 'SENT'),
    );
    expect(new Set(again.map((r) => r.event_key)).size).toBe(2);
    const second = await caughtOnceEach(again.slice(2));
    expect(second.find((m) => m.to.includes('aprobador@aurora.example'))!.text).toMatch(
      /Antes: jueves, .+ 11:30.+\nAhora: jueves, .+ 12:00/,
    );
  });

  it('setting a checkpoint for the first time is no move and emails nobody', async () => {
    await world.db.query(`DELETE FROM checkpoint_settings WHERE organization_id = $1`, [tulumId]);
    await set(tulumId, 3, '10:00');
    expect(await moves(tulumId)).toEqual([]);
  });

  it('two first settings at once take turns: the later is a move from the earlier, each caller gets its own, the Schedule the later (L3-15)', async () => {
    await world.db.query(`DELETE FROM checkpoint_settings WHERE organization_id = $1`, [tulumId]);
    const save = (weekday: number, localTime: string) =>
      gql<{ setCheckpointSettings: Saved }>(
        world.api,
        SET_FULL,
        { input: { organizationId: tulumId, weekday, localTime } },
        world.bearer(Role.MANAGER),
      );
    // A third first save holds its row uncommitted (its Schedule being created) and then rolls
    // back (Temporal refused it): both saves get past their read of no settings before either
    // has written, the first of them waiting on that row before the second is sent.
    const holder = world.db.createQueryRunner();
    const answers = await (async () => {
      try {
        await holder.startTransaction();
        await holder.query(
          `INSERT INTO checkpoint_settings (organization_id, weekday, local_time, anchor_date, time_zone)
           VALUES ($1, 5, '09:00', current_date + 7, $2)`,
          [tulumId, ZONE],
        );
        const earlier = save(3, '10:00');
        await someoneWaitsForRowLock(world.db, 'checkpoint_settings', 1);
        const later = save(4, '12:00');
        // On that row too, or on whatever lets it wait for the earlier save.
        await someoneWaitsForAnyLock(world.db, 2);
        await holder.rollbackTransaction();
        return await Promise.all([earlier, later]);
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    })();
    const [first, second] = answers.map(({ body }) => body);
    // Typed outcomes both (no unique violation as INTERNAL): each save applied, in turn.
    expect([first.errors?.[0]?.extensions?.code, second.errors?.[0]?.extensions?.code]).toEqual([
      undefined,
      undefined,
    ]);
    const a = first.data!.setCheckpointSettings;
    const b = second.data!.setCheckpointSettings;
    // Each caller gets what its own save committed, fire times included.
    expect(a).toMatchObject({ weekday: 3, localTime: '10:00' });
    expect(b).toMatchObject({ weekday: 4, localTime: '12:00' });
    expect(a.nextRuns.map(mexicoCityWall)).toEqual(a.nextRuns.map(() => 'Wed 10:00'));
    expect(b.nextRuns.map(mexicoCityWall)).toEqual(b.nextRuns.map(() => 'Thu 12:00'));
    expect(b.nextRuns.length).toBeGreaterThan(0);

    // One row, the later save's; the Schedule fires as it says.
    expect(
      await world.db.query(
        `SELECT weekday, local_time, anchor_date::text AS first_date FROM checkpoint_settings
          WHERE organization_id = $1`,
        [tulumId],
      ),
    ).toEqual([{ weekday: 4, local_time: '12:00', first_date: b.firstDate }]);
    const schedule = await temporal.schedule.getHandle(checkpointScheduleId(tulumId)).describe();
    expect(schedule.info.nextActionTimes.map((t) => t.toISOString())).toEqual(b.nextRuns);

    // The first save is no move; the second is one move, from the first's session to its own.
    const rows = await eventually(
      () => moves(tulumId),
      (all) => all.length > 0 && all.every((r) => r.status === 'SENT'),
    );
    expect(new Set(rows.map((r) => r.event_key)).size).toBe(1);
    expect(rows[0].payload.event).toMatchObject({ from: a.nextRuns[0], to: b.nextRuns[0] });
  });

  it('a sync of every Schedule (another API booting) during a save waits for it and syncs what it committed, not the settings before it (L3-15)', async () => {
    await set(auroraId, 3, '10:00');
    // The save of Thursday 12:00 is held at its commit, after it synced its Schedule: a deferred
    // trigger of this spec waits there for an advisory lock the spec holds.
    const hold = 'checkpoint-moved.spec hold';
    const holder = world.db.createQueryRunner();
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock(hashtext($1))', [hold]);
    await world.db.query(`
      CREATE FUNCTION checkpoint_moved_spec_hold() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock(hashtext('${hold}')); RETURN NULL; END $$`);
    await world.db.query(`
      CREATE CONSTRAINT TRIGGER checkpoint_moved_spec_hold AFTER INSERT OR UPDATE
      ON checkpoint_settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.weekday = 4 AND NEW.local_time = '12:00')
      EXECUTE FUNCTION checkpoint_moved_spec_hold()`);
    // Another API instance (a rolling deploy) whose boot syncs every client's Schedule.
    const client = new TemporalClientService(world.config);
    const booting = new CheckpointSchedulesService(
      world.db,
      client,
      new CalendarsService(world.db),
      world.config,
    );
    let saved: Saved;
    try {
      const saving = gql<{ setCheckpointSettings: Saved }>(
        world.api,
        SET_FULL,
        { input: { organizationId: auroraId, weekday: 4, localTime: '12:00' } },
        world.bearer(Role.MANAGER),
      );
      await someoneWaitsForAdvisoryLock(world.db);
      booting.onApplicationBootstrap();
      // Shutting the instance down waits for its boot pass to end.
      const booted = booting.beforeApplicationShutdown();
      // The pass waits for the save (the client's settings lock), or (unlocked) runs through.
      await settledOrWaitsForAnyLock(world.db, booted, 2);
      await holder.query('SELECT pg_advisory_unlock(hashtext($1))', [hold]);
      const { body } = await saving;
      expect(body.errors).toBeUndefined();
      saved = body.data!.setCheckpointSettings;
      await booted;
    } finally {
      await holder.release();
      await world.db.query(
        `DROP TRIGGER checkpoint_moved_spec_hold ON checkpoint_settings;
         DROP FUNCTION checkpoint_moved_spec_hold()`,
      );
      await client.onApplicationShutdown();
    }

    expect(saved).toMatchObject({ weekday: 4, localTime: '12:00' });
    expect(saved.nextRuns.length).toBeGreaterThan(0);
    expect(saved.nextRuns.map(mexicoCityWall)).toEqual(saved.nextRuns.map(() => 'Thu 12:00'));
    expect(
      await world.db.query(
        `SELECT weekday, local_time FROM checkpoint_settings WHERE organization_id = $1`,
        [auroraId],
      ),
    ).toEqual([{ weekday: 4, local_time: '12:00' }]);
    // The Schedule fires as the stored settings say, not at the Wednesday 10:00 the pass read
    // before the save committed.
    const schedule = await temporal.schedule.getHandle(checkpointScheduleId(auroraId)).describe();
    const fires = schedule.info.nextActionTimes.map((t) => t.toISOString());
    expect(fires.map(mexicoCityWall)).toEqual(fires.map(() => 'Thu 12:00'));
    expect(fires).toEqual(saved.nextRuns);
  });

  it('a move of a client whose calendar is in another zone gives the session in the client’s time too (QA S60b #3, L3-15)', async () => {
    // Tulum's own calendar in Bogotá (UTC−5 all year): its checkpoint is at Bogotá's wall time,
    // one hour later than Mexico City's (UTC−6), where its approver and the managers read.
    await createWeekdayCalendar(world, 'Tulum (Bogotá)', '09:00', '18:00', {
      organizationId: tulumId,
      timeZone: 'America/Bogota',
    });
    await set(tulumId, 2, '10:00');
    const before = (await moves(tulumId)).length;
    await set(tulumId, 4, '11:30');
    const rows = await eventually(
      () => moves(tulumId),
      (all) => all.length > before && all.slice(before).every((r) => r.status === 'SENT'),
    );
    const mails = await caughtOnceEach(rows.slice(before));
    const approver = mails.find((m) => m.to.includes('aprobador@tulum.example'))!;
    expect(approver.text).toMatch(
      /Antes: martes, .+ 9:00\s?a\.\s?m\. \(hora de la Ciudad de México\)\nHora de su empresa: martes, .+ 10:00\s?a\.\s?m\. \(hora de Colombia\)\n/,
    );
    expect(approver.text).toMatch(
      /Ahora: jueves, .+ 10:30\s?a\.\s?m\. \(hora de la Ciudad de México\)\nHora de su empresa: jueves, .+ 11:30\s?a\.\s?m\. \(hora de Colombia\)/,
    );
    const manager = mails.find((m) => m.to.includes(SECOND_MANAGER))!;
    expect(manager.text).toMatch(/\nClient’s time: Thursday, .+ 11:30\sAM \(Colombia/);
  });
});
