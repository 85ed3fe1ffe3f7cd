import { Client, Connection } from '@temporalio/client';
import {
  addBusinessDays,
  BusinessCalendar,
  defaultMexicoCityCalendar,
  localDateOf,
  workingIntervalsOn,
} from '../../src/business-time/engine';
import { CheckpointAgendaService } from '../../src/checkpoints/checkpoint-agenda.service';
import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import { CheckpointSchedulesService } from '../../src/checkpoints/checkpoint-schedules.service';
import { DomainError, ErrorCode } from '../../src/common/errors/domain-error';
import type { AppConfig } from '../../src/config/app-config';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { Role } from '../../src/identity/role.enum';
import {
  checkpointOnDemandWorkflowId,
  checkpointRequestWorkflowId,
  checkpointScheduleId,
} from '../../workflows/checkpoint/checkpoint.contract';
import { gql } from '../support/integration-harness';
import { sentExactly } from '../support/caught-mail';
import { demoCheckpoint, demoContract, TULUM_ORG } from '../support/demo-contract';
import { eventually } from '../support/eventually';
import { ticketJourneys } from '../support/ticket-journeys';
import {
  registerProjectedTicket,
  registerTicket,
  useWorldWithWorker,
} from '../support/world-with-worker';
import { mexicoCityWall } from '../support/calendar-month';

// L3-15 on the real stack (PostgreSQL, the Temporal dev server with real Schedules, the real worker
// and its email dispatcher, the SMTP catcher): managers set each client's checkpoint, its real
// Schedule fires every 14 days at that weekday and time (the server's own next action times), a
// triggered run builds the agenda from the client's state (tickets put in known states through
// GraphQL), stores it and emails it once to the client's approvers and the provider managers;
// decisions are recorded against it and feed the queue (L3-10); access rules throughout.

const YEAR = new Date().getUTCFullYear();
const calendar = new BusinessCalendar(defaultMexicoCityCalendar(YEAR - 1, YEAR + 3));
const ZONE = 'America/Mexico_City';
const DAY = 86_400_000;
const TULUM = TULUM_ORG;
/** The hours of the package the demo world seeds for Aurora. */
const BOUGHT = demoContract('comercializadora-aurora').hours;

const SETTINGS = `organizationId weekday localTime timeZone firstDate nextRuns`;
const SET_SETTINGS = `mutation ($input: CheckpointSettingsInput!) {
  setCheckpointSettings(input: $input) { ${SETTINGS} } }`;
const GET_SETTINGS = `query ($organizationId: ID!) { checkpointSettings(organizationId: $organizationId) { ${SETTINGS} } }`;
const AGENDA = `id organizationId kind scheduledFor periodStart periodEnd
  openByState { state count }
  openTickets { queuePosition number subject state nextDeadline nextDeadlineClock confirmedRemoteSessionAt }
  slaAlerts { ticketNumber clock status }
  estimatesAwaitingAuthorization { ticketNumber version hours scope }
  dateChanges { ticketNumber oldDate newDate reason }
  hours { consumedInPeriod purchased consumed balance reserved available }
  decisions { notes newPriorities prioritiesStatus reorderId recordedByRole recordedByName }`;
const LIST = `query ($organizationId: ID!) { checkpoints(organizationId: $organizationId) { ${AGENDA} } }`;
const GET = `query ($id: ID!) { checkpoint(id: $id) { ${AGENDA} } }`;
const DECIDE = `mutation ($id: ID!, $input: CheckpointDecisionsInput!) {
  recordCheckpointDecisions(checkpointId: $id, input: $input) { ${AGENDA} } }`;

interface Agenda {
  id: string;
  organizationId: string;
  kind: string;
  scheduledFor: string | null;
  periodStart: string;
  periodEnd: string;
  openByState: { state: string; count: number }[];
  openTickets: {
    queuePosition: number | null;
    number: string;
    subject: string;
    state: string;
    nextDeadline: string | null;
    nextDeadlineClock: string | null;
    confirmedRemoteSessionAt: string | null;
  }[];
  slaAlerts: { ticketNumber: string; clock: string; status: string }[];
  estimatesAwaitingAuthorization: {
    ticketNumber: string;
    version: number;
    hours: number;
    scope: string;
  }[];
  dateChanges: { ticketNumber: string; oldDate: string; newDate: string; reason: string }[];
  hours: Record<string, number>;
  decisions: {
    notes: string;
    newPriorities: string[] | null;
    prioritiesStatus: string;
    reorderId: string | null;
    recordedByRole: string;
    recordedByName: string | null;
  }[];
}

/**
 * A business weekday other than today's in Mexico City: a trigger now is then surely off
 * schedule (a manual run that builds at once), whatever the hour the suite runs.
 */
function otherWeekday(): number {
  const today = workingIntervalsOn(calendar, localDateOf(calendar, new Date())).weekday;
  return today === 3 ? 4 : 3;
}

describe('Biweekly checkpoint on the real stack (L3-15)', () => {
  const world = useWorldWithWorker('checkpoints');
  let temporal: Client;
  let auroraId: string;
  let tulumId: string;
  const weekday = otherWeekday();

  beforeAll(async () => {
    temporal = new Client({
      connection: await Connection.connect({ address: world.config.temporal.address }),
      namespace: world.config.temporal.namespace,
    });
    auroraId = world.orgIds['comercializadora-aurora'];
    tulumId = world.orgIds['grupo-industrial-tulum'];
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

  const as = (role: Role, org?: string) => world.bearer(role, org);
  async function call<T>(
    query: string,
    variables: Record<string, unknown>,
    auth: Record<string, string>,
  ) {
    const { body } = await gql<T>(world.api, query, variables, auth);
    return { data: body.data, code: body.errors?.[0]?.extensions?.code, errors: body.errors };
  }
  const { act, estimatedRequirement } = ticketJourneys(world);
  const description = 'Para el checkpoint.';
  const register = (subject: string, org?: string) =>
    registerTicket(world, { subject, description }, org);
  const estimated = (subject: string, hours: number) =>
    estimatedRequirement({ subject, description, hours });
  async function logTime(number: string, hours: number) {
    const r = await call(
      `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { id } }`,
      {
        input: {
          number,
          date: localDateOf(calendar, new Date()),
          hours,
          description: 'Avance',
        },
      },
      as(Role.AGENT),
    );
    expect(r.errors).toBeUndefined();
  }
  const agendas = async (auth = as(Role.MANAGER)) =>
    (await call<{ checkpoints: Agenda[] }>(LIST, { organizationId: auroraId }, auth)).data!
      .checkpoints;
  /** Fires Aurora's real Schedule now and waits for the agenda that run stores. */
  async function triggerCheckpoint(): Promise<Agenda> {
    const before = (await agendas()).length;
    await temporal.schedule.getHandle(checkpointScheduleId(auroraId)).trigger();
    const after = await eventually(agendas, (list) => list.length > before);
    return after[0];
  }

  it('managers set the checkpoint: typed errors change nothing; the real Schedule fires every 14 days at that weekday and time', async () => {
    const seeded = (
      await call<{ checkpointSettings: Record<string, unknown> }>(
        GET_SETTINGS,
        { organizationId: auroraId },
        as(Role.CLIENT_USER),
      )
    ).data!.checkpointSettings;
    // The demo seed gave Aurora a checkpoint (Tuesday 10:00) and the API its Schedule at boot.
    expect(seeded).toMatchObject({
      ...demoCheckpoint('comercializadora-aurora'),
      timeZone: ZONE,
    });

    const set = (input: object, role = Role.MANAGER) =>
      call<{ setCheckpointSettings: { weekday: number; nextRuns: string[] } }>(
        SET_SETTINGS,
        { input: { organizationId: auroraId, ...input } },
        as(role),
      );
    expect((await set({ weekday: 6, localTime: '10:00' })).code).toBe('VALIDATION_FAILED');
    const closed = await set({ weekday, localTime: '18:00' });
    expect(closed.code).toBe('VALIDATION_FAILED');
    // A typed reason with the weekday's hours, so the web app words it (QA).
    expect(closed.errors![0].extensions).toMatchObject({
      field: 'localTime',
      reason: 'CHECKPOINT_OUTSIDE_BUSINESS_HOURS',
      weekday,
      localTime: '18:00',
      businessHours: [{ start: '09:00', end: '18:00' }],
    });
    expect((await set({ weekday, localTime: '7:30' })).code).toBe('VALIDATION_FAILED');
    expect((await set({ weekday, localTime: '11:30' }, Role.CLIENT_APPROVER)).code).toBe(
      'FORBIDDEN',
    );
    expect((await set({ weekday, localTime: '11:30' }, Role.AGENT)).code).toBe('FORBIDDEN');
    const unchanged = await call<{ checkpointSettings: unknown }>(
      GET_SETTINGS,
      { organizationId: auroraId },
      as(Role.MANAGER),
    );
    expect(unchanged.data!.checkpointSettings).toEqual(seeded);
    // Another client's checkpoint does not exist for Tulum's users.
    expect(
      (await call(GET_SETTINGS, { organizationId: auroraId }, as(Role.CLIENT_USER, TULUM))).code,
    ).toBe('NOT_FOUND');

    const saved = await set({ weekday, localTime: '11:30' });
    expect(saved.errors).toBeUndefined();
    // What the Temporal server itself will do: every 14 days, that weekday at 11:30 local.
    const runs = saved.data!.setCheckpointSettings.nextRuns;
    expect(runs.length).toBeGreaterThanOrEqual(3);
    const day = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'][weekday];
    for (const [i, run] of runs.entries()) {
      expect(mexicoCityWall(run)).toBe(`${day} 11:30`);
      if (i > 0) expect(Date.parse(run) - Date.parse(runs[i - 1])).toBe(14 * DAY);
    }
    expect(Date.parse(runs[0])).toBeGreaterThan(Date.now());
    const described = await temporal.schedule.getHandle(checkpointScheduleId(auroraId)).describe();
    expect(described.action).toMatchObject({
      workflowType: 'checkpointWorkflow',
      taskQueue: world.config.temporal.taskQueue,
      args: [{ organizationId: auroraId }],
    });
  });

  it('a new client calendar, and then its edits, move the Schedule with the client’s time zone', async () => {
    const set = await call<{ setCheckpointSettings: { nextRuns: string[]; timeZone: string } }>(
      SET_SETTINGS,
      { input: { organizationId: tulumId, weekday, localTime: '10:00' } },
      as(Role.ADMIN),
    );
    expect(set.errors).toBeUndefined();
    const day = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'][weekday];
    expect(mexicoCityWall(set.data!.setCheckpointSettings.nextRuns[0])).toBe(`${day} 10:00`);

    // Tulum gets its own calendar in Cancún (UTC−5, no DST): its creation alone moves the
    // Schedule (the calendar replaces the default for Tulum); a later edit keeps it there.
    const weekly = [1, 2, 3, 4, 5].map((d) => ({
      weekday: d,
      intervals: [{ start: '09:00', end: '18:00' }],
    }));
    const settingsOfTulum = async () =>
      (
        await call<{ checkpointSettings: { nextRuns: string[]; timeZone: string } }>(
          GET_SETTINGS,
          { organizationId: tulumId },
          as(Role.CLIENT_USER, TULUM),
        )
      ).data!.checkpointSettings;
    const created = await call<{ createCalendar: { id: string } }>(
      `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`,
      {
        input: { name: 'Tulum', organizationId: tulumId, timeZone: 'America/Cancun', weekly },
      },
      as(Role.ADMIN),
    );
    expect(created.errors).toBeUndefined();
    const afterCreate = await settingsOfTulum();
    expect(afterCreate.timeZone).toBe('America/Cancun');
    // The server's own next fire times already follow Cancún (one hour earlier in UTC).
    expect(
      Date.parse(set.data!.setCheckpointSettings.nextRuns[0]) - Date.parse(afterCreate.nextRuns[0]),
    ).toBe(3_600_000);

    const edited = await call(
      `mutation ($id: ID!, $input: UpdateCalendarInput!) { updateCalendar(id: $id, input: $input) { id } }`,
      { id: created.data!.createCalendar.id, input: { name: 'Tulum (Cancún)' } },
      as(Role.ADMIN),
    );
    expect(edited.errors).toBeUndefined();

    const after = await settingsOfTulum();
    expect(after).toEqual(afterCreate);
    const cancun = (iso: string) =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Cancun',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(new Date(iso))
        .replace(',', '');
    for (const run of after.nextRuns) expect(cancun(run)).toBe(`${day} 10:00`);
    // Same wall time, one hour earlier in UTC than in Mexico City.
    expect(
      Date.parse(set.data!.setCheckpointSettings.nextRuns[0]) - Date.parse(after.nextRuns[0]),
    ).toBe(3_600_000);
  });

  let registered: string;
  let awaiting: string;
  let scheduled: string;
  let first: Agenda;

  it('a triggered run builds the agenda from the client state and emails it once to approvers and managers', async () => {
    registered = await register('Alta de usuarios');
    awaiting = await estimated('Reporte de cobranza', 6);
    scheduled = await estimated('Integración con paquetería', 8);
    await act(
      Role.CLIENT_APPROVER,
      'authorizeEstimate',
      { number: scheduled, estimateVersion: 1, statement: 'Autorizo 8 h.' },
      'AuthorizeEstimateInput',
    );
    const releaseDate = addBusinessDays(calendar, new Date(), 3).toISOString();
    await act(
      Role.AGENT,
      'setReleaseDate',
      { number: scheduled, releaseDate },
      'SetReleaseDateInput',
    );
    await logTime(scheduled, 2);
    const newDate = addBusinessDays(calendar, new Date(releaseDate), 2).toISOString();
    await act(
      Role.AGENT,
      'adjustReleaseDate',
      { number: scheduled, newDate, reason: 'Dependencia del proveedor de paquetería' },
      'AdjustReleaseDateInput',
    );
    // Another client's ticket never reaches Aurora's agenda.
    const tulumTicket = await register('Ticket de Tulum', TULUM);
    // L3-06: a triage clock that reached its warning. Eight business hours cannot pass in a test,
    // so the at-risk mark the projection would write then is written into the read model here.
    await eventually(
      () =>
        world.db.query<unknown[]>(
          `SELECT 1 FROM ticket_clock WHERE ticket_number = $1 AND kind = 'triage'`,
          [registered],
        ),
      (rows) => rows.length === 1,
    );
    await world.db.query(
      `UPDATE ticket_clock SET at_risk_recorded_at = now() WHERE ticket_number = $1 AND kind = 'triage'`,
      [registered],
    );

    first = await triggerCheckpoint();

    expect(first).toMatchObject({ organizationId: auroraId, kind: 'MANUAL', scheduledFor: null });
    expect(Date.parse(first.periodEnd) - Date.parse(first.periodStart)).toBe(14 * DAY);
    expect(first.openTickets.map((t) => [t.number, t.state])).toEqual([
      [registered, 'REGISTERED'],
      [awaiting, 'ESTIMATE_SUBMITTED'],
      [scheduled, 'RELEASE_DATE_SET'],
    ]);
    expect(first.openTickets.map((t) => t.number)).not.toContain(tulumTicket);
    // Each next deadline says which running clock it is (L3-06…L3-09): the triage's, here.
    const running = await world.db.query<{ number: string; kind: string; deadline: Date }[]>(
      `SELECT ticket_number AS number, kind, deadline FROM ticket_clock
        WHERE ticket_number = ANY($1) AND status = 'RUNNING'`,
      [[registered, awaiting, scheduled]],
    );
    expect(first.openTickets[0]).toMatchObject({
      nextDeadline: running
        .find((c) => c.number === registered && c.kind === 'triage')!
        .deadline.toISOString(),
      nextDeadlineClock: 'triage',
    });
    for (const t of first.openTickets) {
      const due = running.find(
        (c) => c.number === t.number && c.deadline.toISOString() === t.nextDeadline,
      );
      expect(t.nextDeadlineClock).toBe(due?.kind ?? null);
    }
    expect(first.openByState).toEqual([
      { state: 'ESTIMATE_SUBMITTED', count: 1 },
      { state: 'REGISTERED', count: 1 },
      { state: 'RELEASE_DATE_SET', count: 1 },
    ]);
    expect(first.slaAlerts).toEqual([
      { ticketNumber: registered, clock: 'triage', status: 'AT_RISK' },
    ]);
    expect(first.estimatesAwaitingAuthorization).toEqual([
      { ticketNumber: awaiting, version: 1, hours: 6, scope: 'Reporte de cobranza' },
    ]);
    expect(first.dateChanges).toEqual([
      {
        ticketNumber: scheduled,
        oldDate: releaseDate,
        newDate,
        reason: 'Dependencia del proveedor de paquetería',
      },
    ]);
    // The demo package bought; 8 h reserved by the authorization, 2 h of them consumed (L3-12,
    // L3-13).
    expect(first.hours).toEqual({
      consumedInPeriod: 2,
      purchased: BOUGHT,
      consumed: 2,
      balance: BOUGHT - 2,
      reserved: 6,
      available: BOUGHT - 8,
    });
    // Both sides read it; another client cannot.
    expect((await call(GET, { id: first.id }, as(Role.CLIENT_USER))).code).toBeUndefined();
    expect((await call(GET, { id: first.id }, as(Role.CLIENT_USER, TULUM))).code).toBe('NOT_FOUND');
    expect(
      (await call(LIST, { organizationId: auroraId }, as(Role.CLIENT_APPROVER, TULUM))).code,
    ).toBe('NOT_FOUND');
    expect((await call(GET, { id: 'not-a-checkpoint' }, as(Role.AGENT))).code).toBe('NOT_FOUND');

    // One email per recipient: Aurora's approvers and the provider managers, nobody else.
    type Row = { recipient_address: string; status: string; message_id: string; subject: string };
    const agendaRows = () =>
      world.db.query<Row[]>(
        `SELECT recipient_address, status, message_id, subject FROM email_outbox
          WHERE event_key = $1 ORDER BY recipient_address`,
        [`checkpoint-${first.id}`],
      );
    // Both SENT, and each caught exactly once by the SMTP catcher (by its Message-ID).
    const mails = await sentExactly(agendaRows, 2);
    const rows = await agendaRows();
    expect(rows.map((r) => r.recipient_address)).toEqual([
      'aprobador@aurora.example',
      'gerente@becken.example',
    ]);
    expect(rows.find((r) => r.recipient_address.endsWith('aurora.example'))!.subject).toContain(
      'Agenda del punto de control a solicitud: Comercializadora Aurora',
    );
    expect(mails.map((m) => m.to)).toEqual(rows.map((r) => [r.recipient_address]));
    for (const mail of mails) expect(mail.text).toContain(awaiting);

    // The activity retried for the same run: the same agenda, no second email.
    const runKey = (
      await world.db.query<{ run_key: string }[]>(`SELECT run_key FROM checkpoint WHERE id = $1`, [
        first.id,
      ])
    )[0].run_key;
    const again = await world.worker.context.get(CheckpointAgendaService).record({
      organizationId: auroraId,
      runKey,
      kind: 'MANUAL',
      scheduledFor: null,
      builtAt: new Date().toISOString(),
    });
    expect(again).toEqual({ checkpointId: first.id, emailsQueued: 0 });
    const count = await world.db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM email_outbox WHERE event_type = 'CHECKPOINT_AGENDA'`,
    );
    expect(Number(count[0].n)).toBe(2);
  });

  it('the next checkpoint reviews only what happened since the previous one', async () => {
    await logTime(scheduled, 1.5);
    const second = await triggerCheckpoint();
    expect(second.id).not.toBe(first.id);
    expect(second.periodStart).toBe(first.periodEnd);
    expect(second.hours).toMatchObject({
      consumedInPeriod: 1.5,
      consumed: 3.5,
      balance: BOUGHT - 3.5,
    });
    expect(second.dateChanges).toEqual([]);
    expect(second.slaAlerts).toEqual([]);
    expect(second.openTickets).toHaveLength(3);
  });

  it('decisions: approvers and staff record them against the agenda; new priorities reorder the queue', async () => {
    const decide = (input: object, role: Role, org?: string, id = first.id) =>
      call<{ recordCheckpointDecisions: Agenda }>(DECIDE, { id, input }, as(role, org));

    expect((await decide({ notes: 'Sin cambios' }, Role.CLIENT_USER)).code).toBe('FORBIDDEN');
    expect((await decide({ notes: 'Sin cambios' }, Role.CLIENT_APPROVER, TULUM)).code).toBe(
      'NOT_FOUND',
    );
    expect((await decide({ notes: '   ' }, Role.CLIENT_APPROVER)).code).toBe('VALIDATION_FAILED');
    expect(
      (await decide({ notes: 'x', newPriorities: ['L3-1999-000001'] }, Role.CLIENT_APPROVER)).code,
    ).toBe('NOT_FOUND');
    expect(
      (await call<{ checkpoint: Agenda }>(GET, { id: first.id }, as(Role.MANAGER))).data!
        .checkpoint,
    ).toMatchObject({
      decisions: [],
    });
    // Refused calls record nothing and email nobody.
    const decisionMails = () =>
      world.db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM email_outbox WHERE event_type = 'CHECKPOINT_DECISIONS'`,
      );
    expect(await decisionMails()).toEqual([{ n: '0' }]);

    const byApprover = await decide(
      { notes: 'Priorizar la integración con paquetería.', newPriorities: [scheduled, awaiting] },
      Role.CLIENT_APPROVER,
    );
    expect(byApprover.errors).toBeUndefined();
    const byManager = await decide({ notes: 'Revisar capacidad en enero.' }, Role.MANAGER);
    expect(byManager.errors).toBeUndefined();
    const decisions = byManager.data!.recordCheckpointDecisions.decisions;
    expect(decisions).toMatchObject([
      {
        notes: 'Priorizar la integración con paquetería.',
        newPriorities: [scheduled, awaiting],
        prioritiesStatus: 'APPLIED',
        recordedByRole: 'CLIENT_APPROVER',
        // Who, by name (QA S14-F: the agenda said only «Aprobador de estimaciones»).
        recordedByName: 'Arturo Aprobador',
      },
      {
        notes: 'Revisar capacidad en enero.',
        newPriorities: null,
        prioritiesStatus: 'NONE',
        recordedByName: 'Gerardo Gerente',
      },
    ]);
    // The new priorities are the client's queue order now (L3-10).
    const queue = await call<{
      clientQueue: { entries: { ticketNumber: string; rank: number | null }[] };
    }>(
      `query ($organizationId: ID) { clientQueue(organizationId: $organizationId) { entries { ticketNumber rank } } }`,
      { organizationId: auroraId },
      as(Role.AGENT),
    );
    expect(queue.data!.clientQueue.entries.slice(0, 2)).toEqual([
      { ticketNumber: scheduled, rank: 1 },
      { ticketNumber: awaiting, rank: 2 },
    ]);
    const reorder = await world.db.query<{ id: string }[]>(
      `SELECT id FROM queue_reorder WHERE organization_id = $1`,
      [auroraId],
    );
    expect(reorder.map((r) => r.id)).toEqual([decisions[0].reorderId]);

    // Each recording emails the agenda's audience (Aurora's approvers, the provider managers)
    // except who recorded it, once, in their language, with the agenda's link (L3-15, L3-11).
    const recordings = await world.db.query<{ id: string }[]>(
      `SELECT id FROM checkpoint_decision WHERE checkpoint_id = $1 ORDER BY recorded_at`,
      [first.id],
    );
    expect(recordings).toHaveLength(2);
    type Row = { recipient_address: string; status: string; message_id: string };
    const mailsOf = (decisionId: string) => () =>
      world.db.query<Row[]>(
        `SELECT recipient_address, status, message_id FROM email_outbox
          WHERE event_key = $1 ORDER BY recipient_address`,
        [`checkpoint-decision-${decisionId}`],
      );
    const [toManager] = await sentExactly(mailsOf(recordings[0].id), 1);
    expect(toManager.to).toEqual(['gerente@becken.example']);
    expect(toManager.subject).toMatch(
      /^Decisiones del punto de control del .+ \(Comercializadora Aurora\)$/,
    );
    expect(toManager.text).toContain(
      'Arturo Aprobador registró las decisiones de la sesión de seguimiento de Comercializadora Aurora.',
    );
    expect(toManager.text).toContain('Registradas por: Arturo Aprobador (aprobador del cliente)');
    expect(toManager.text).toContain('> Priorizar la integración con paquetería.');
    expect(toManager.text).toContain(`1. ${scheduled}: Integración con paquetería (antes: 3)`);
    expect(toManager.text).toContain(`2. ${awaiting}: Reporte de cobranza`);
    expect(toManager.text).toContain(`/checkpoints/${first.id}`);
    const [toApprover] = await sentExactly(mailsOf(recordings[1].id), 1);
    expect(toApprover.to).toEqual(['aprobador@aurora.example']);
    expect(toApprover.text).toContain('Registradas por: Gerardo Gerente (gerente de soporte)');
    expect(toApprover.text).toContain('> Revisar capacidad en enero.');
    expect(toApprover.text).toContain('No se cambió el orden de la cola del cliente.');
    expect(toApprover.text).toContain('Si algo no refleja lo acordado, indíquelo en la plataforma');
    expect(await decisionMails()).toEqual([{ n: '2' }]);
  });

  it('a recording that fails after its reorder would apply changes nothing: no new order, reorder, decision or email (L3-15, L3-10)', async () => {
    type Counts = { reorders: string; decisions: string; mails: string };
    const state = async () => ({
      ranks: await world.db.query<{ ticket_number: string; rank: number }[]>(
        `SELECT ticket_number, rank FROM queue_rank WHERE organization_id = $1 ORDER BY rank`,
        [auroraId],
      ),
      counts: (
        await world.db.query<Counts[]>(
          `SELECT (SELECT count(*) FROM queue_reorder WHERE organization_id = $1) AS reorders,
                  (SELECT count(*) FROM checkpoint_decision) AS decisions,
                  (SELECT count(*) FROM email_outbox
                    WHERE event_type IN ('CHECKPOINT_DECISIONS', 'PROVIDER_DELIVERY_AT_RISK')) AS mails`,
          [auroraId],
        )
      )[0],
    });
    const before = await state();
    expect(before.ranks).toEqual([
      { ticket_number: scheduled, rank: 1 },
      { ticket_number: awaiting, rank: 2 },
    ]);
    // The decision's row is refused by the database, as a constraint or an outage would refuse
    // it, after the reorder has been written in the same transaction (a trigger of this test).
    const marker = 'FALLA FORZADA';
    await world.db.query(`
      CREATE FUNCTION checkpoints_spec_refuse_decision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by checkpoints.spec'; END $$`);
    await world.db.query(`
      CREATE TRIGGER checkpoints_spec_refuse_decision BEFORE INSERT ON checkpoint_decision
      FOR EACH ROW WHEN (NEW.notes LIKE '%${marker}%')
      EXECUTE FUNCTION checkpoints_spec_refuse_decision()`);
    let refused: Awaited<ReturnType<typeof call>>;
    try {
      refused = await call(
        DECIDE,
        {
          id: first.id,
          input: {
            notes: `${marker}: otro orden`,
            newPriorities: [registered, awaiting, scheduled],
          },
        },
        as(Role.CLIENT_APPROVER),
      );
    } finally {
      await world.db.query(
        `DROP TRIGGER checkpoints_spec_refuse_decision ON checkpoint_decision;
         DROP FUNCTION checkpoints_spec_refuse_decision()`,
      );
    }
    expect(refused.code).toBe('INTERNAL');
    // The queue keeps the meeting's order; no reorder, decision or email was left behind.
    expect(await state()).toEqual(before);
    const agenda = (await call<{ checkpoint: Agenda }>(GET, { id: first.id }, as(Role.MANAGER)))
      .data!.checkpoint;
    expect(agenda.decisions.map((d) => d.notes)).toEqual([
      'Priorizar la integración con paquetería.',
      'Revisar capacidad en enero.',
    ]);
  });

  it('the next agenda lists the open tickets in the client’s queue order, not by arrival (L3-10, L3-15)', async () => {
    // The decisions above ranked `scheduled` then `awaiting`; `registered` is unranked (arrival).
    // Built by the worker's own agenda service (no Temporal client there), as a run would; a run
    // key of its own, since a Schedule's manual runs within one second share their workflow ID.
    const { checkpointId } = await world.worker.context.get(CheckpointAgendaService).record({
      organizationId: auroraId,
      runKey: `queue-order-${process.pid}-${Date.now()}`,
      kind: 'MANUAL',
      scheduledFor: null,
      builtAt: new Date().toISOString(),
    });
    const next = (await call<{ checkpoint: Agenda }>(GET, { id: checkpointId }, as(Role.MANAGER)))
      .data!.checkpoint;
    expect(next.openTickets.map((t) => t.number)).toEqual([scheduled, awaiting, registered]);
    // With each ticket's position in that queue, as the meeting set it (L3-10).
    expect(next.openTickets.map((t) => t.queuePosition)).toEqual([1, 2, 3]);
    const queue = await call<{ clientQueue: { entries: { ticketNumber: string }[] } }>(
      `query ($organizationId: ID) { clientQueue(organizationId: $organizationId) { entries { ticketNumber } } }`,
      { organizationId: auroraId },
      as(Role.CLIENT_USER),
    );
    expect(next.openTickets.map((t) => t.number)).toEqual(
      queue.data!.clientQueue.entries.map((e) => e.ticketNumber),
    );
  });

  it('a ticket waiting for a remote session the client confirmed has the session’s time in the agenda, not nothing due (QA S60b #9, L3-06, L3-15)', async () => {
    const number = await registerProjectedTicket(world, {
      subject: 'Revisar el timbrado en sesión',
      description,
    });
    // Three hours before the close of the second business day ahead: inside business time.
    const at = new Date(
      addBusinessDays(calendar, new Date(), 2).getTime() - 3 * 3_600_000,
    ).toISOString();
    await act(
      Role.AGENT,
      'proposeRemoteSession',
      { number, at, link: 'https://meet.example.com/abc-defg-hij' },
      'ProposeRemoteSessionInput',
    );
    await act(
      Role.CLIENT_USER,
      'acceptRemoteSession',
      { number, proposal: 1 },
      'AcceptRemoteSessionInput',
    );
    // The confirmation is in the read model the agenda is built from.
    await eventually(
      () =>
        world.db.query<{ accepted: unknown }[]>(
          `SELECT details -> 'remoteSession' -> 'accepted' AS accepted FROM ticket WHERE number = $1`,
          [number],
        ),
      (rows) => rows[0]?.accepted != null,
    );
    const { checkpointId } = await world.worker.context.get(CheckpointAgendaService).record({
      organizationId: auroraId,
      runKey: `remote-session-${process.pid}-${Date.now()}`,
      kind: 'MANUAL',
      scheduledFor: null,
      builtAt: new Date().toISOString(),
    });
    for (const role of [Role.MANAGER, Role.CLIENT_APPROVER]) {
      const agenda = (await call<{ checkpoint: Agenda }>(GET, { id: checkpointId }, as(role))).data!
        .checkpoint;
      // No clock runs (the triage clock stays stopped): the session is what comes next, at its
      // time, as the ticket and its work-list entry answer it.
      expect(agenda.openTickets.find((t) => t.number === number)).toMatchObject({
        state: 'REMOTE_SESSION_PROPOSED',
        nextDeadline: null,
        confirmedRemoteSessionAt: at,
      });
      // The other open tickets wait for no session.
      for (const t of agenda.openTickets.filter((o) => o.number !== number)) {
        expect(t.confirmedRemoteSessionAt).toBeNull();
      }
    }
    const { body } = await gql<{ ticket: { confirmedRemoteSessionAt: string } }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { confirmedRemoteSessionAt } }`,
      { number },
      as(Role.AGENT),
    );
    expect(body.data!.ticket.confirmedRemoteSessionAt).toBe(at);
  });

  it('«Generar agenda ahora»: managers get an off-schedule agenda now, built by the workflow and emailed once; a double request makes one (L3-15)', async () => {
    const GENERATE = `mutation ($organizationId: ID!) {
      generateCheckpointAgenda(organizationId: $organizationId) { ${AGENDA} } }`;
    const before = (await agendas()).length;
    // Typed refusals, and nothing built.
    for (const role of [Role.AGENT, Role.CLIENT_APPROVER, Role.CLIENT_USER]) {
      expect((await call(GENERATE, { organizationId: auroraId }, as(role))).code).toBe('FORBIDDEN');
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call(GENERATE, { organizationId: unknown }, as(Role.MANAGER))).code).toBe(
      'NOT_FOUND',
    );
    expect(await agendas()).toHaveLength(before);

    // A double click: two requests at once, one agenda.
    const [a, b] = await Promise.all([
      call<{ generateCheckpointAgenda: Agenda }>(
        GENERATE,
        { organizationId: auroraId },
        as(Role.MANAGER),
      ),
      call<{ generateCheckpointAgenda: Agenda }>(
        GENERATE,
        { organizationId: auroraId },
        as(Role.ADMIN),
      ),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const made = a.data!.generateCheckpointAgenda;
    expect(b.data!.generateCheckpointAgenda.id).toBe(made.id);
    expect(made).toMatchObject({ organizationId: auroraId, kind: 'MANUAL', scheduledFor: null });
    expect(made.openTickets.length).toBeGreaterThan(0);
    const list = await agendas();
    expect(list).toHaveLength(before + 1);
    expect(list[0].id).toBe(made.id);
    // Built by the checkpoint workflow, under the business key of "the agenda after the last one".
    const [{ run_key }] = await world.db.query<{ run_key: string }[]>(
      `SELECT run_key FROM checkpoint WHERE id = $1`,
      [made.id],
    );
    expect(run_key).toBe(`${checkpointScheduleId(auroraId)}-on-demand-after-${list[1].id}`);

    // Emailed like a scheduled agenda: once to each of Aurora's approvers and provider managers.
    type Row = { recipient_address: string; status: string; message_id: string };
    const agendaRows = () =>
      world.db.query<Row[]>(
        `SELECT recipient_address, status, message_id FROM email_outbox
          WHERE event_key = $1 ORDER BY recipient_address`,
        [`checkpoint-${made.id}`],
      );
    // Both SENT, and each caught exactly once by the SMTP catcher (by its Message-ID).
    const mails = await sentExactly(agendaRows, 2);
    const rows = await agendaRows();
    expect(rows.map((r) => r.recipient_address)).toEqual([
      'aprobador@aurora.example',
      'gerente@becken.example',
    ]);
    expect(mails.map((m) => m.to)).toEqual(rows.map((r) => [r.recipient_address]));

    // A later request is a new agenda, covering the time since this one.
    const later = await call<{ generateCheckpointAgenda: Agenda }>(
      GENERATE,
      { organizationId: auroraId },
      as(Role.MANAGER),
    );
    expect(later.errors).toBeUndefined();
    expect(later.data!.generateCheckpointAgenda.id).not.toBe(made.id);
    expect(later.data!.generateCheckpointAgenda.periodStart).toBe(made.periodEnd);
    expect(await agendas()).toHaveLength(before + 2);
  });

  it('«Generar agenda ahora» with an idempotency key: the same key after the run ended returns the same agenda, emailed once; a new key makes a new one (L3-15)', async () => {
    const GENERATE = `mutation ($organizationId: ID!, $idempotencyKey: String) {
      generateCheckpointAgenda(organizationId: $organizationId, idempotencyKey: $idempotencyKey) { ${AGENDA} } }`;
    const generate = (idempotencyKey: string, role = Role.MANAGER) =>
      call<{ generateCheckpointAgenda: Agenda }>(
        GENERATE,
        { organizationId: auroraId, idempotencyKey },
        as(role),
      );
    const before = (await agendas()).length;
    // A malformed key is refused with a typed code, and nothing is built.
    for (const bad of ['', 'dos palabras', 'x'.repeat(201)]) {
      expect((await generate(bad)).code).toBe('VALIDATION_FAILED');
    }
    expect(await agendas()).toHaveLength(before);

    const key = `click-${process.pid}-${Date.now()}`;
    const first = await generate(key);
    expect(first.errors).toBeUndefined();
    const made = first.data!.generateCheckpointAgenda;
    expect(made).toMatchObject({ organizationId: auroraId, kind: 'MANUAL' });
    const [{ run_key }] = await world.db.query<{ run_key: string }[]>(
      `SELECT run_key FROM checkpoint WHERE id = $1`,
      [made.id],
    );
    expect(run_key).toBe(checkpointRequestWorkflowId(auroraId, key));
    type Row = { recipient_address: string; status: string; message_id: string };
    const mailsOf = (id: string) => () =>
      world.db.query<Row[]>(
        `SELECT recipient_address, status, message_id FROM email_outbox
          WHERE event_key = $1 ORDER BY recipient_address`,
        [`checkpoint-${id}`],
      );
    const sent = await sentExactly(mailsOf(made.id), 2);
    expect(sent.map((m) => m.to)).toEqual([
      ['aprobador@aurora.example'],
      ['gerente@becken.example'],
    ]);

    // The run has ended: a retry (or a late second click) with the same key is that agenda, by
    // another manager too, and nothing new is built or emailed.
    const retry = await generate(key, Role.ADMIN);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.generateCheckpointAgenda.id).toBe(made.id);
    // The workflow itself answers the same for that key once its run ended (what the API falls
    // back on when the stored agenda is not found by its run key): no second run, no new agenda.
    const client = new TemporalClientService(world.config);
    try {
      const schedules = new CheckpointSchedulesService(
        world.db,
        client,
        new CalendarsService(world.db),
        world.config,
      );
      const again = await schedules.runNow(auroraId, checkpointRequestWorkflowId(auroraId, key));
      expect(again).toMatchObject({ phase: 'BUILT', checkpointId: made.id });
    } finally {
      await client.onApplicationShutdown();
    }
    expect(await agendas()).toHaveLength(before + 1);
    expect(await mailsOf(made.id)()).toHaveLength(2);

    // A deliberate new request (a new key) is a new agenda, covering the time since.
    const next = await generate(`${key}-2`);
    expect(next.errors).toBeUndefined();
    expect(next.data!.generateCheckpointAgenda.id).not.toBe(made.id);
    expect(next.data!.generateCheckpointAgenda.periodStart).toBe(made.periodEnd);
    expect(await agendas()).toHaveLength(before + 2);
    await sentExactly(mailsOf(next.data!.generateCheckpointAgenda.id), 2);
  });

  it('answers UNAVAILABLE, not a hung request, when no worker builds the on-demand agenda (L3-15, issue 10)', async () => {
    // The same service on a task queue no worker polls, waiting one second instead of thirty.
    const config = {
      ...world.config,
      temporal: { ...world.config.temporal, taskQueue: `nobody-${Date.now()}` },
    } as AppConfig;
    const temporal = new TemporalClientService(config);
    const schedules = new CheckpointSchedulesService(
      world.db,
      temporal,
      new CalendarsService(world.db),
      config,
    );
    try {
      const asked = Date.now();
      const refused = (): Promise<DomainError> =>
        schedules
          .runNow(tulumId, checkpointOnDemandWorkflowId(tulumId, `no-worker-${asked}`), 1_000)
          .then(
            () => Promise.reject(new Error('answered without a worker')),
            (e: DomainError) => e,
          );
      const refusal = await refused();
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({
        code: ErrorCode.UNAVAILABLE,
        details: { reason: 'AGENDA_STILL_BUILDING' },
      });
      // The run is left to build when a worker comes: asking again joins it, and still waits.
      expect(await refused()).toMatchObject({ code: ErrorCode.UNAVAILABLE });
      const handle = temporal.client.workflow.getHandle(String(refusal.details?.workflowId));
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.terminate('test over');
    } finally {
      await temporal.onApplicationShutdown();
    }
  });
});
