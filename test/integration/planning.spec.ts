import {
  addBusinessDays,
  BusinessCalendar,
  defaultMexicoCityCalendar,
} from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { planDayClosing } from '../../src/planning/capacity-model';
import { calendarToday } from '../support/calendar-month';
import { caughtMails, caughtOnceEach } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import {
  registerProjectedTicket,
  registerTicket,
  useWorldWithWorker,
} from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';

// Issue 8 on the real stack (PostgreSQL, Temporal dev server, the real worker and its email
// dispatcher, the SMTP catcher): L3-10 queues, L3-19 reorder with its impact preview (the
// confirmation applies exactly what the preview showed), published date changes (timeline +
// one email each), provider date adjustments, access rules, L3-14 WhatsApp link.

// The clients use the default calendar (America/Mexico_City, Mon–Fri 09:00–18:00, art. 74).
const YEAR = new Date().getUTCFullYear();
const calendar = new BusinessCalendar(defaultMexicoCityCalendar(YEAR - 1, YEAR + 3));
/** The closing instant `days` business days after the local date of `iso`. */
const businessDaysAfter = (iso: string, days: number) =>
  addBusinessDays(calendar, new Date(iso), days).toISOString();
/** The closing instant of the plan's `n`-th business day, the plan asked now (today counts before opening). */
const planDay = (n: number) => planDayClosing(calendar, new Date(), n).toISOString();
const TULUM = TULUM_ORG;

const ENTRY = `position ticketNumber state rank urgent releaseDate remainingHours plannedReleaseDate`;
const QUEUE = `query ($organizationId: ID) {
  clientQueue(organizationId: $organizationId) { organizationId hoursPerBusinessDay entries { ${ENTRY} } } }`;
const PREVIEW = `query ($input: QueueOrderInput!) {
  previewQueueReorder(input: $input) {
    previewToken changes { ticketNumber subject oldDate newDate }
    queue { entries { ${ENTRY} } } } }`;
const CONFIRM = `mutation ($input: ConfirmQueueReorderInput!) {
  confirmQueueReorder(input: $input) {
    reorderId changes { ticketNumber subject oldDate newDate }
    queue { entries { ${ENTRY} } } } }`;
const TICKET = `query ($number: String!) {
  ticket(number: $number) { number state releaseDate timeline { seq type actorRole data } } }`;
const ADJUST = `mutation ($input: AdjustReleaseDateInput!) {
  adjustReleaseDate(input: $input) { requestId seq ticket { number state releaseDate } } }`;

interface Entry {
  position: number;
  ticketNumber: string;
  state: string;
  rank: number | null;
  urgent: boolean;
  releaseDate: string | null;
  remainingHours: number | null;
  plannedReleaseDate: string | null;
}
interface Change {
  ticketNumber: string;
  subject: string;
  oldDate: string;
  newDate: string;
}
interface TimelineEvent {
  seq: number;
  type: string;
  actorRole: string | null;
  data: string;
}

describe('Queue, re-planning and published date changes (issue 8: L3-10, L3-14, L3-19)', () => {
  const world = useWorldWithWorker('planning');
  let auroraId: string;
  let tulumId: string;

  beforeAll(() => {
    auroraId = world.orgIds['comercializadora-aurora'];
    tulumId = world.orgIds['grupo-industrial-tulum'];
  });

  const as = (role: Role, org?: string) => world.bearer(role, org);
  async function call<T>(
    query: string,
    variables: Record<string, unknown>,
    auth: Record<string, string>,
  ) {
    const { body } = await gql<T>(world.api, query, variables, auth);
    const extensions = body.errors?.[0]?.extensions;
    return { data: body.data, code: extensions?.code, reason: extensions?.reason };
  }
  const { act, scheduledRequirement } = ticketJourneys(world);
  /** A requirement of `hours` authorized by Aurora's approver: SCHEDULING. */
  const authorizedRequirement = (subject: string, hours: number) =>
    scheduledRequirement({ subject, description: 'Para la planeación.', hours });

  const queue = async (auth: Record<string, string>, organizationId?: string) =>
    (await call<{ clientQueue: { entries: Entry[] } }>(QUEUE, { organizationId }, auth)).data!
      .clientQueue.entries;
  const ticket = async (number: string) =>
    (
      await call<{ ticket: { releaseDate: string; timeline: TimelineEvent[] } }>(
        TICKET,
        { number },
        as(Role.AGENT),
      )
    ).data!.ticket;
  const dateAdjusted = async (number: string) =>
    (await ticket(number)).timeline
      .filter((e) => e.type === 'DATE_ADJUSTED')
      .map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
  const countRows = async (table: string) =>
    Number(
      (
        await world.db.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM ${table} WHERE organization_id = $1`,
          [auroraId],
        )
      )[0].n,
    );

  /** The DATE_ADJUSTED emails of a ticket, once SENT, and what arrived at the SMTP catcher. */
  /** The DATE_ADJUSTED emails of `number` to `recipient` (the registrant unless said). */
  async function dateEmails(number: string, count: number, recipient = 'usuario@aurora.example') {
    type Row = { recipient_address: string; status: string; message_id: string; subject: string };
    const rows = await eventually(
      () =>
        world.db.query<Row[]>(
          `SELECT recipient_address, status, message_id, subject FROM email_outbox
            WHERE ticket_number = $1 AND event_type = 'DATE_ADJUSTED' AND recipient_address = $2
            ORDER BY created_at`,
          [number, recipient],
        ),
      (all) => all.length >= count && all.every((r) => r.status === 'SENT'),
    );
    const arrived = await caughtMails();
    return rows.map((r) => ({
      ...r,
      arrived: arrived.filter((m) => m.messageId === r.message_id).length,
    }));
  }

  let first: string;
  let second: string;

  it('L3-10/L3-19: reorder → the preview is exactly what the confirmation applies; moved dates are published once (timeline + email)', async () => {
    first = await authorizedRequirement('Reporte de ventas por zona', 8);
    second = await authorizedRequirement('Ajuste a la factura global', 4);

    // Arrival order, each authorized requirement with its planned date (4 h per business day).
    const initial = await queue(as(Role.CLIENT_APPROVER));
    expect(initial.map((e) => [e.ticketNumber, e.rank, e.remainingHours])).toEqual([
      [first, null, 8],
      [second, null, 4],
    ]);
    const planned = Object.fromEntries(initial.map((e) => [e.ticketNumber, e.plannedReleaseDate!]));
    expect(Date.parse(planned[first])).toBeLessThan(Date.parse(planned[second]));
    // The provider publishes the planned dates (L3-09).
    for (const number of [first, second]) {
      await act(
        Role.AGENT,
        'setReleaseDate',
        { number, releaseDate: planned[number] },
        'SetReleaseDateInput',
      );
    }

    // The client puts the second first. The impact preview shows the one date that moves: the
    // first, now behind 12 h of work, needs a later date. The second could be done sooner, but
    // a re-plan never publishes a date before the one the agent committed (L3-19).
    const input = { order: [second, first], urgent: [] };
    const preview = (
      await call<{
        previewQueueReorder: {
          previewToken: string;
          changes: Change[];
          queue: { entries: Entry[] };
        };
      }>(PREVIEW, { input }, as(Role.CLIENT_APPROVER))
    ).data!.previewQueueReorder;
    expect(preview.queue.entries.map((e) => [e.ticketNumber, e.rank])).toEqual([
      [second, 1],
      [first, 2],
    ]);
    expect(Date.parse(preview.queue.entries[0].plannedReleaseDate!)).toBeLessThan(
      Date.parse(planned[second]),
    );
    expect(preview.changes).toEqual([
      {
        ticketNumber: first,
        subject: 'Reporte de ventas por zona',
        oldDate: planned[first],
        newDate: preview.queue.entries[1].plannedReleaseDate,
      },
    ]);
    expect(Date.parse(preview.changes[0].newDate)).toBeGreaterThan(Date.parse(planned[first]));
    // A preview writes nothing.
    expect((await queue(as(Role.CLIENT_APPROVER))).map((e) => e.rank)).toEqual([null, null]);

    const reason = 'Priorizamos la factura global por cierre de mes';
    const confirm = { ...input, previewToken: preview.previewToken, reason };
    const confirmed = await call<{
      confirmQueueReorder: { reorderId: string; changes: Change[]; queue: { entries: Entry[] } };
    }>(CONFIRM, { input: confirm }, as(Role.CLIENT_APPROVER));
    expect(confirmed.code).toBeUndefined();
    const result = confirmed.data!.confirmQueueReorder;
    // Exactly what the preview showed, applied: the queue and the published dates.
    expect(result.changes).toEqual(preview.changes);
    expect(result.queue.entries).toEqual(
      preview.queue.entries.map((e) => ({
        ...e,
        releaseDate: e.ticketNumber === first ? preview.changes[0].newDate : planned[second],
      })),
    );
    expect((await ticket(second)).releaseDate).toBe(planned[second]);
    expect(await dateAdjusted(second)).toEqual([]);
    for (const change of preview.changes) {
      expect((await ticket(change.ticketNumber)).releaseDate).toBe(change.newDate);
      const events = await dateAdjusted(change.ticketNumber);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorRole: 'CLIENT_APPROVER',
        data: {
          subjectDate: 'RELEASE_DATE',
          oldDate: change.oldDate,
          newDate: change.newDate,
          reason,
          reorderId: result.reorderId,
        },
      });
    }

    // A retried confirmation (same token) is the same reorder; nothing is published twice.
    const retried = await call<{ confirmQueueReorder: { reorderId: string; changes: Change[] } }>(
      CONFIRM,
      { input: confirm },
      as(Role.CLIENT_APPROVER),
    );
    expect(retried.data!.confirmQueueReorder).toMatchObject({
      reorderId: result.reorderId,
      changes: result.changes,
    });
    expect(await countRows('queue_reorder')).toBe(1);

    // One email per changed date, to the registrant, that really arrived once.
    for (const change of preview.changes) {
      expect(await dateEmails(change.ticketNumber, 1)).toEqual([
        expect.objectContaining({
          recipient_address: 'usuario@aurora.example',
          status: 'SENT',
          arrived: 1,
        }),
      ]);
      expect((await dateEmails(change.ticketNumber, 1))[0].subject).toContain(
        `[${change.ticketNumber}] Fecha ajustada`,
      );
    }
    for (const change of preview.changes)
      expect(await dateAdjusted(change.ticketNumber)).toHaveLength(1);
    // The unchanged date is neither published again nor emailed.
    expect(await dateEmails(second, 0)).toEqual([]);
  });

  it('L3-19: a confirmation whose preview no longer describes the state is a CONFLICT and changes nothing', async () => {
    const input = { order: [first, second], urgent: [first] };
    const preview = (
      await call<{ previewQueueReorder: { previewToken: string; changes: Change[] } }>(
        PREVIEW,
        { input },
        as(Role.CLIENT_APPROVER),
      )
    ).data!.previewQueueReorder;
    // The first comes back to its committed date; the second, back behind it, needs exactly the
    // date the agent committed for it, which it still has.
    expect(preview.changes.map((c) => c.ticketNumber)).toEqual([first]);

    // Meanwhile the provider moves one of the dates the preview would move.
    const moved = preview.changes.find((c) => c.ticketNumber === first)!;
    const agentDate = businessDaysAfter(moved.oldDate, 5);
    const byAgent = await call(
      ADJUST,
      { input: { number: first, newDate: agentDate, reason: 'Carga del equipo' } },
      as(Role.AGENT),
    );
    expect(byAgent.code).toBeUndefined();

    const before = await queue(as(Role.CLIENT_APPROVER));
    const stale = await call(
      CONFIRM,
      { input: { ...input, previewToken: preview.previewToken, reason: 'Urgente' } },
      as(Role.CLIENT_APPROVER),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(await queue(as(Role.CLIENT_APPROVER))).toEqual(before);
    expect(await countRows('queue_reorder')).toBe(1);
    expect(await dateAdjusted(second)).toHaveLength(0);
  });

  it('L3-10 access: only the organization’s own approvers reorder; other clients see nothing; nothing changes', async () => {
    const before = await queue(as(Role.CLIENT_APPROVER));
    const ranksBefore = await countRows('queue_rank');
    const input = { order: [first, second], urgent: [] };

    // A client user who is not an approver: may see the queue, never reorder it.
    expect((await queue(as(Role.CLIENT_USER))).map((e) => e.ticketNumber)).toEqual(
      before.map((e) => e.ticketNumber),
    );
    expect((await call(PREVIEW, { input }, as(Role.CLIENT_USER))).code).toBe('FORBIDDEN');
    const forged = { ...input, previewToken: 'x'.repeat(43), reason: 'Quiero' };
    expect((await call(CONFIRM, { input: forged }, as(Role.CLIENT_USER))).code).toBe('FORBIDDEN');
    // Provider staff see queues and previews but do not decide the client's priorities.
    expect((await call(CONFIRM, { input: forged }, as(Role.MANAGER))).code).toBe('FORBIDDEN');

    // Another organization's approver: Aurora's tickets and queue do not exist for them.
    const tulum = as(Role.CLIENT_APPROVER, TULUM);
    expect((await call(PREVIEW, { input }, tulum)).code).toBe('NOT_FOUND');
    expect((await call(CONFIRM, { input: forged }, tulum)).code).toBe('NOT_FOUND');
    expect(
      (await call(PREVIEW, { input: { ...input, organizationId: auroraId } }, tulum)).code,
    ).toBe('NOT_FOUND');
    expect((await call(QUEUE, { organizationId: auroraId }, tulum)).code).toBe('NOT_FOUND');
    expect(await queue(tulum)).toEqual([]);

    expect(await queue(as(Role.CLIENT_APPROVER))).toEqual(before);
    expect(await countRows('queue_rank')).toBe(ranksBefore);
    expect(await countRows('queue_reorder')).toBe(1);

    // Staff: a named client's queue, and the work list across clients.
    expect((await call(QUEUE, {}, as(Role.AGENT))).code).toBe('VALIDATION_FAILED');
    expect((await queue(as(Role.AGENT), auroraId)).map((e) => e.ticketNumber)).toEqual(
      before.map((e) => e.ticketNumber),
    );
    const work = await call<{ workList: { ticketNumber: string; organizationId: string }[] }>(
      `query { workList(first: 50) { ticketNumber organizationId position } }`,
      {},
      as(Role.AGENT),
    );
    // Aurora's queue order (the client ranked `second` first); no SLA is at stake.
    expect(work.data!.workList.map((e) => e.ticketNumber)).toEqual([second, first]);
    expect(
      (await call(`query { workList { ticketNumber } }`, {}, as(Role.CLIENT_APPROVER))).code,
    ).toBe('FORBIDDEN');
  });

  it('L3-19: provider staff move a published date with a reason: timeline, one email, dateChanges', async () => {
    const since = new Date().toISOString();
    const current = (await ticket(second)).releaseDate;
    const newDate = businessDaysAfter(current, 5);
    const input = {
      number: second,
      newDate,
      reason: 'Dependencia de un tercero',
      requestId: `adjust-${Date.now()}`,
    };

    expect((await call(ADJUST, { input }, as(Role.CLIENT_APPROVER))).code).toBe('FORBIDDEN');
    const adjusted = await call<{
      adjustReleaseDate: { requestId: string; seq: number; ticket: { releaseDate: string } };
    }>(ADJUST, { input }, as(Role.AGENT));
    expect(adjusted.code).toBeUndefined();
    expect(adjusted.data!.adjustReleaseDate.ticket.releaseDate).toBe(newDate);
    // The same request again (a retry): the same event, applied once.
    const retried = await call<{ adjustReleaseDate: { seq: number } }>(
      ADJUST,
      { input },
      as(Role.AGENT),
    );
    expect(retried.data!.adjustReleaseDate.seq).toBe(adjusted.data!.adjustReleaseDate.seq);

    const events = await dateAdjusted(second);
    expect(events.at(-1)).toMatchObject({
      seq: adjusted.data!.adjustReleaseDate.seq,
      actorRole: 'AGENT',
      data: { oldDate: current, newDate, reason: 'Dependencia de un tercero' },
    });
    // The first change of this date: the reorder kept the agent's commitment (first test).
    expect(events).toHaveLength(1);
    const emails = await dateEmails(second, 1);
    expect(emails).toHaveLength(1);
    expect(emails.every((e) => e.arrived === 1)).toBe(true);
    // L3-09: the approver who authorized the work is told too, once (AUTHORIZERS).
    const approver = await dateEmails(second, 1, 'aprobador@aurora.example');
    expect(approver.map((e) => [e.subject, e.arrived])).toEqual([[emails[0].subject, 1]]);

    // Bad input: a date outside business time is refused with nothing recorded.
    const evening = new Date(Date.parse(newDate) + 2 * 3_600_000).toISOString();
    expect(
      (
        await call(
          ADJUST,
          { input: { number: second, newDate: evening, reason: 'x' } },
          as(Role.AGENT),
        )
      ).code,
    ).toBe('VALIDATION_FAILED');
    expect(await dateAdjusted(second)).toHaveLength(1);

    // The client reads its date changes (the checkpoint uses the same service).
    const changes = await call<{
      dateChanges: { ticketNumber: string; newDate: string; reason: string }[];
    }>(
      `query ($since: DateTime!) { dateChanges(since: $since) { ticketNumber newDate reason } }`,
      { since },
      as(Role.CLIENT_USER),
    );
    expect(changes.data!.dateChanges).toEqual([
      { ticketNumber: second, newDate, reason: 'Dependencia de un tercero' },
    ]);
    expect(
      (
        await call(
          `query ($since: DateTime!, $org: ID) { dateChanges(since: $since, organizationId: $org) { seq } }`,
          { since, org: auroraId },
          as(Role.CLIENT_USER, TULUM),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('L3-14: managers set the WhatsApp group link; the client’s own users and staff see it, nobody else', async () => {
    const SET = `mutation ($input: SetQuickChannelInput!) { setQuickChannel(input: $input) { organizationId whatsappGroupUrl } }`;
    const GET = `query ($org: ID) { quickChannel(organizationId: $org) { organizationId whatsappGroupUrl } }`;
    const link = 'https://chat.whatsapp.com/AbCdEfGhIj1234567890Kl';

    const bad = await call(
      SET,
      { input: { organizationId: auroraId, whatsappGroupUrl: 'https://example.com/grupo' } },
      as(Role.MANAGER),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    // A reason for the web app to word it (QA S52: the English sentence reached the screen).
    expect(bad.reason).toBe('NOT_WHATSAPP_GROUP_LINK');
    expect(
      (
        await call(
          SET,
          { input: { organizationId: auroraId, whatsappGroupUrl: link } },
          as(Role.CLIENT_APPROVER),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const set = await call<{ setQuickChannel: { whatsappGroupUrl: string } }>(
      SET,
      { input: { organizationId: auroraId, whatsappGroupUrl: link } },
      as(Role.MANAGER),
    );
    expect(set.data!.setQuickChannel.whatsappGroupUrl).toBe(link);

    for (const auth of [as(Role.CLIENT_USER), as(Role.CLIENT_APPROVER)]) {
      const own = await call<{
        quickChannel: { organizationId: string; whatsappGroupUrl: string };
      }>(GET, {}, auth);
      expect(own.data!.quickChannel).toEqual({ organizationId: auroraId, whatsappGroupUrl: link });
    }
    const staff = await call<{ quickChannel: { whatsappGroupUrl: string } }>(
      GET,
      { org: auroraId },
      as(Role.AGENT),
    );
    expect(staff.data!.quickChannel.whatsappGroupUrl).toBe(link);
    expect((await call(GET, { org: auroraId }, as(Role.CLIENT_USER, TULUM))).code).toBe(
      'NOT_FOUND',
    );
    const tulumOwn = await call<{
      quickChannel: { organizationId: string; whatsappGroupUrl: string | null };
    }>(GET, {}, as(Role.CLIENT_USER, TULUM));
    expect(tulumOwn.data!.quickChannel).toEqual({
      organizationId: tulumId,
      whatsappGroupUrl: null,
    });
  });

  it('L3-19: the capacity per client moves the planned dates; only managers set it', async () => {
    const SET = `mutation ($input: SetPlanningCapacityInput!) { setPlanningCapacity(input: $input) { hoursPerBusinessDay defaultCapacity } }`;
    const before = await queue(as(Role.CLIENT_APPROVER));
    expect(
      (
        await call(
          SET,
          { input: { organizationId: auroraId, hoursPerBusinessDay: 12 } },
          as(Role.AGENT),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await call(
          SET,
          { input: { organizationId: auroraId, hoursPerBusinessDay: 30 } },
          as(Role.MANAGER),
        )
      ).code,
    ).toBe('VALIDATION_FAILED');
    const set = await call<{
      setPlanningCapacity: { hoursPerBusinessDay: number; defaultCapacity: boolean };
    }>(SET, { input: { organizationId: auroraId, hoursPerBusinessDay: 12 } }, as(Role.MANAGER));
    expect(set.data!.setPlanningCapacity).toEqual({
      hoursPerBusinessDay: 12,
      defaultCapacity: false,
    });
    const after = await queue(as(Role.CLIENT_APPROVER));
    // 12 h of work now fit in one business day: both tickets are planned for the first one.
    expect(new Set(after.map((e) => e.plannedReleaseDate)).size).toBe(1);

    // Hours logged on a ticket come off its remaining work (approved estimate − logged).
    const logged = await call(
      `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { id } }`,
      {
        input: {
          number: first,
          date: calendarToday(),
          hours: 2.5,
          description: 'Avance del reporte',
        },
      },
      as(Role.AGENT),
    );
    expect(logged.code).toBeUndefined();
    const remaining = (await queue(as(Role.CLIENT_APPROVER))).find((e) => e.ticketNumber === first);
    expect(remaining!.remainingHours).toBe(5.5);
    expect(Date.parse(after[1].plannedReleaseDate!)).toBeLessThan(
      Date.parse(before[1].plannedReleaseDate!),
    );
  });
  it('L3-19: a capacity with two decimals is kept as given (2.3, 1.1, 4.35); a third decimal is refused', async () => {
    // 2.3 * 100 is 229.99999999999997 in floating point: an exact check refused it. Tulum's
    // queue has nothing planned yet, and its default capacity comes back at the end.
    const SET = `mutation ($input: SetPlanningCapacityInput!) { setPlanningCapacity(input: $input) { hoursPerBusinessDay defaultCapacity } }`;
    const setCapacity = (hoursPerBusinessDay: number | null) =>
      call<{ setPlanningCapacity: { hoursPerBusinessDay: number; defaultCapacity: boolean } }>(
        SET,
        { input: { organizationId: tulumId, hoursPerBusinessDay } },
        as(Role.MANAGER),
      );
    const readBack = async () =>
      (
        await call<{ clientQueue: { hoursPerBusinessDay: number } }>(
          QUEUE,
          { organizationId: tulumId },
          as(Role.MANAGER),
        )
      ).data!.clientQueue.hoursPerBusinessDay;
    for (const hours of [2.3, 1.1, 4.35]) {
      const set = await setCapacity(hours);
      expect({ hours, code: set.code }).toEqual({ hours, code: undefined });
      expect(set.data!.setPlanningCapacity).toEqual({
        hoursPerBusinessDay: hours,
        defaultCapacity: false,
      });
      expect(await readBack()).toBe(hours);
    }
    expect((await setCapacity(2.345)).code).toBe('VALIDATION_FAILED');
    expect(await readBack()).toBe(4.35);
    expect((await setCapacity(null)).data!.setPlanningCapacity.defaultCapacity).toBe(true);
  });

  it('L3-10: agents work from the queue: client urgency, then each ticket’s place in its client’s queue (exact order)', async () => {
    const tulumAs = (role: Role) => as(role, TULUM);
    // Tulum, in order of arrival: an unranked question whose triage clock runs, two tickets the
    // client will rank, and a development it will flag urgent once it is in development.
    const waiting = await registerTicket(world, { category: 'QUESTION', subject: 'Duda' }, TULUM);
    const rankedLow = await registerTicket(world, { subject: 'Reporte de almacén' }, TULUM);
    const rankedHigh = await registerTicket(world, { subject: 'Póliza contable' }, TULUM);
    const urgent = await scheduledRequirement({
      subject: 'Interfaz con el banco',
      hours: 2,
      scope: 'Interfaz',
      statement: 'Autorizo 2 h.',
      organization: TULUM,
    });
    const planned = (await queue(as(Role.AGENT), tulumId)).find((e) => e.ticketNumber === urgent)!;
    await act(
      Role.AGENT,
      'setReleaseDate',
      { number: urgent, releaseDate: planned.plannedReleaseDate },
      'SetReleaseDateInput',
    );
    expect((await act(Role.AGENT, 'startDevelopment', { number: urgent })).state).toBe(
      'IN_DEVELOPMENT',
    );

    const input = { order: [urgent, rankedHigh, rankedLow], urgent: [urgent] };
    const preview = await call<{ previewQueueReorder: { previewToken: string } }>(
      PREVIEW,
      { input },
      tulumAs(Role.CLIENT_APPROVER),
    );
    const confirm = {
      ...input,
      previewToken: preview.data!.previewQueueReorder.previewToken,
      reason: 'La interfaz bloquea la conciliación',
    };
    expect((await call(CONFIRM, { input: confirm }, tulumAs(Role.CLIENT_APPROVER))).code).toBe(
      undefined,
    );

    type WorkEntry = {
      position: number;
      ticketNumber: string;
      state: string;
      rank: number | null;
      urgent: boolean;
      nextDeadline: string | null;
    };
    const WORK = `query ($organizationId: ID) { workList(first: 50, organizationId: $organizationId) {
      position ticketNumber state rank urgent nextDeadline } }`;
    const workList = async (organizationId?: string) => {
      const r = await call<{ workList: WorkEntry[] }>(WORK, { organizationId }, as(Role.AGENT));
      expect(r.code).toBeUndefined();
      return r.data!.workList;
    };
    // The urgent development has no running clock; the unranked question's triage clock runs.
    const tulumWork = await workList(tulumId);
    expect(tulumWork).toEqual([
      expect.objectContaining({ position: 1, ticketNumber: urgent, state: 'IN_DEVELOPMENT' }),
      expect.objectContaining({ position: 2, ticketNumber: rankedHigh, rank: 2, urgent: false }),
      expect.objectContaining({ position: 3, ticketNumber: rankedLow, rank: 3, urgent: false }),
      expect.objectContaining({ position: 4, ticketNumber: waiting, rank: null, urgent: false }),
    ]);
    expect(tulumWork[0]).toMatchObject({ rank: 1, urgent: true, nextDeadline: null });
    expect(tulumWork[3].nextDeadline).not.toBeNull();
    // Narrowed to one client, the work list is that client's own queue order.
    expect(tulumWork.map((e) => e.ticketNumber)).toEqual(
      (await queue(as(Role.AGENT), tulumId)).map((e) => e.ticketNumber),
    );
    // Across clients: urgent first, then every client's first ticket before any second one (Aurora
    // ranked `second` 1 and `first` 2), equal places by arrival (Aurora's came earlier).
    expect((await workList()).map((e) => e.ticketNumber)).toEqual([
      urgent,
      second,
      first,
      rankedHigh,
      rankedLow,
      waiting,
    ]);
  });

  it('L3-19: a re-plan never pulls a published date earlier than the agent committed; a ticket moved down never gets an earlier date; only changed dates are emailed', async () => {
    // QA (issue 34-36): moving 000005 to the top moved 000003 (1st → 2nd) from its committed
    // 8 Dec to the capacity model's 7 Dec, and emailed "Fecha ajustada".
    const tulum = (role: Role) => as(role, TULUM);
    const requirement = (subject: string, hours: number) =>
      scheduledRequirement({ subject, description: 'Planeación.', hours, organization: TULUM });
    const day = (n: number) => planDay(n);
    const plannedOf = async () =>
      Object.fromEntries(
        (await queue(as(Role.AGENT), tulumId))
          .filter((e) => e.plannedReleaseDate !== null)
          .map((e) => [e.ticketNumber, e.plannedReleaseDate]),
      );
    const published = async (numbers: string[]) =>
      Object.fromEntries(
        await Promise.all(numbers.map(async (n) => [n, (await ticket(n)).releaseDate] as const)),
      );
    async function reorder(order: string[]) {
      const input = { order: [urgentDev, ...order], urgent: [urgentDev] };
      const preview = (
        await call<{ previewQueueReorder: { previewToken: string; changes: Change[] } }>(
          PREVIEW,
          { input },
          tulum(Role.CLIENT_APPROVER),
        )
      ).data!.previewQueueReorder;
      const confirmed = await call<{ confirmQueueReorder: { changes: Change[] } }>(
        CONFIRM,
        { input: { ...input, previewToken: preview.previewToken, reason: 'Prioridades' } },
        tulum(Role.CLIENT_APPROVER),
      );
      expect(confirmed.code).toBeUndefined();
      expect(confirmed.data!.confirmQueueReorder.changes).toEqual(preview.changes);
      return preview.changes.map(({ ticketNumber, oldDate, newDate }) => ({
        ticketNumber,
        oldDate,
        newDate,
      }));
    }
    const adjustedEmails = async (number: string) =>
      Number(
        (
          await world.db.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM email_outbox o WHERE o.ticket_number = $1
               AND o.event_type = 'DATE_ADJUSTED' AND o.recipient_address = (SELECT u.email
                 FROM app_user u JOIN ticket t ON t.registrant_id = u.id WHERE t.number = $1)`,
            [number],
          )
        )[0].n,
      );

    // Tulum's queue already holds its urgent development (2 h left, first). Its package has 8 h
    // left; at 1 h of provider work per business day a ticket's day is the hours up to it.
    const urgentDev = (await queue(as(Role.AGENT), tulumId)).find((e) => e.urgent)!.ticketNumber;
    const capacity = await call(
      `mutation ($input: SetPlanningCapacityInput!) { setPlanningCapacity(input: $input) { hoursPerBusinessDay } }`,
      { input: { organizationId: tulumId, hoursPerBusinessDay: 1 } },
      as(Role.MANAGER),
    );
    expect(capacity.code).toBeUndefined();
    const a = await requirement('Tablero de cobranza', 3);
    const b = await requirement('Ajuste de timbrado', 2);
    const c = await requirement('Conector de nómina', 3);
    // Arrival order: a = 2+3 h → day 5, b = 7 h → day 7, c = 10 h → day 10.
    expect(await plannedOf()).toEqual({
      [urgentDev]: day(2),
      [a]: day(5),
      [b]: day(7),
      [c]: day(10),
    });
    // The agent commits a with slack (day 8), b and c on the model's dates.
    const committed = { [a]: day(8), [b]: day(7), [c]: day(10) };
    for (const number of [a, b, c]) {
      await act(
        Role.AGENT,
        'setReleaseDate',
        { number, releaseDate: committed[number] },
        'SetReleaseDateInput',
      );
    }

    // 1. b to the top (a: 1st → 2nd, as 000003 in the QA report). The plan gives a day 7 and b
    // day 4; neither is published: a moved down and day 7 is before its committed day 8 (the
    // bug published day 7); b may not go before the agent's day 7.
    expect(await reorder([b, a, c])).toEqual([]);
    expect(await plannedOf()).toMatchObject({ [b]: day(4), [a]: day(7), [c]: day(10) });
    expect(await published([a, b, c])).toEqual(committed);

    // 2. c to the top: a needs day 10, later than its day 8 → published later. b (day 7 again)
    // and c (day 5, before its committed day 10) keep their dates.
    expect(await reorder([c, b, a])).toEqual([
      { ticketNumber: a, oldDate: day(8), newDate: day(10) },
    ]);
    expect(await published([a, b, c])).toEqual({ ...committed, [a]: day(10) });

    // 3. a back to the top: the model says day 5, but a returns only to its committed day 8.
    expect(await reorder([a, b, c])).toEqual([
      { ticketNumber: a, oldDate: day(10), newDate: day(8) },
    ]);
    expect(await published([a, b, c])).toEqual(committed);

    // Only the changed dates were emailed (to the registrant), each once.
    await eventually(
      async () => [await adjustedEmails(a), await adjustedEmails(b), await adjustedEmails(c)],
      (counts) => counts[0] >= 2,
    );
    expect([await adjustedEmails(a), await adjustedEmails(b), await adjustedEmails(c)]).toEqual([
      2, 0, 0,
    ]);
  });

  it('L3-19/L3-10: a capacity cut the published date cannot absorb flags the delivery at risk (+N business days) and tells the provider once; a reorder tells a new slip once; raising the capacity clears the flag', async () => {
    // QA: capacity lowered from 4 to 2 h/day, 000003 planned for 16 Dec against a published 7 Dec,
    // and nobody was warned.
    type RiskEntry = Entry & {
      deliveryAtRisk: boolean;
      deliverySlipBusinessDays: number | null;
      slaStatus: string;
      organizationId: string;
    };
    const RISK_FIELDS = `${ENTRY} organizationId deliveryAtRisk deliverySlipBusinessDays slaStatus`;
    const riskQueue = async (auth: Record<string, string>, organizationId?: string) =>
      (
        await call<{ clientQueue: { entries: RiskEntry[] } }>(
          `query ($organizationId: ID) { clientQueue(organizationId: $organizationId) { entries { ${RISK_FIELDS} } } }`,
          { organizationId },
          auth,
        )
      ).data!.clientQueue.entries;
    const setCapacity = async (hoursPerBusinessDay: number) => {
      const r = await call(
        `mutation ($input: SetPlanningCapacityInput!) { setPlanningCapacity(input: $input) { hoursPerBusinessDay } }`,
        { input: { organizationId: auroraId, hoursPerBusinessDay } },
        as(Role.MANAGER),
      );
      expect(r.code).toBeUndefined();
    };
    const day = (n: number) => planDay(n);
    /** The capacity model's business day for `number` at `capacity`, from the queue's hours. */
    const dayOf = (entries: RiskEntry[], number: string, capacity: number) => {
      const upTo = entries.slice(0, entries.findIndex((e) => e.ticketNumber === number) + 1);
      const hundredths = upTo.reduce(
        (sum, e) => sum + Math.round((e.remainingHours ?? 0) * 100),
        0,
      );
      return Math.max(1, Math.ceil(hundredths / (capacity * 100)));
    };
    type Row = { recipient_address: string; subject: string; status: string; message_id: string };
    const warnings = (number: string) =>
      world.db.query<Row[]>(
        `SELECT recipient_address, subject, status, message_id FROM email_outbox
          WHERE ticket_number = $1 AND event_type = 'PROVIDER_DELIVERY_AT_RISK'
          ORDER BY created_at, recipient_address`,
        [number],
      );
    /** The rows, once all are SENT, each of which arrived exactly once at the SMTP catcher. */
    async function deliveredOnce(number: string, count: number) {
      const rows = await eventually(
        () => warnings(number),
        (all) => all.length >= count && all.every((r) => r.status === 'SENT'),
      );
      await caughtOnceEach(rows);
      return rows;
    }

    await setCapacity(4);
    const mine = await authorizedRequirement('Conector de nómina', 6);
    const at4 = await riskQueue(as(Role.CLIENT_APPROVER));
    const published = day(dayOf(at4, mine, 4));
    expect(at4.find((e) => e.ticketNumber === mine)!.plannedReleaseDate).toBe(published);
    await act(
      Role.AGENT,
      'setReleaseDate',
      { number: mine, releaseDate: published },
      'SetReleaseDateInput',
    );
    const onPlan = (await riskQueue(as(Role.CLIENT_APPROVER))).find((e) => e.ticketNumber === mine);
    expect(onPlan).toMatchObject({ deliveryAtRisk: false, deliverySlipBusinessDays: null });
    expect(await warnings(mine)).toEqual([]);

    // The manager halves the capacity: the plan now ends after the published date.
    await setCapacity(2);
    const at2 = await riskQueue(as(Role.CLIENT_APPROVER));
    const slip = dayOf(at2, mine, 2) - dayOf(at4, mine, 4);
    expect(slip).toBeGreaterThan(0);
    expect(at2.filter((e) => e.deliveryAtRisk)).toEqual([
      expect.objectContaining({
        ticketNumber: mine,
        releaseDate: published,
        plannedReleaseDate: day(dayOf(at2, mine, 2)),
        deliveryAtRisk: true,
        deliverySlipBusinessDays: slip,
      }),
    ]);
    // Provider staff see the same on the client's queue and on the work list, where the delivery
    // at risk comes right after the SLA at stake and before the clients' urgent tickets.
    expect(
      (await riskQueue(as(Role.AGENT), auroraId)).find((e) => e.ticketNumber === mine),
    ).toEqual(at2.find((e) => e.ticketNumber === mine));
    const work = (
      await call<{ workList: RiskEntry[] }>(
        `query { workList(first: 50) { ${RISK_FIELDS} } }`,
        {},
        as(Role.AGENT),
      )
    ).data!.workList;
    const place = work.findIndex((e) => e.ticketNumber === mine);
    expect(work[place]).toMatchObject({ deliveryAtRisk: true, deliverySlipBusinessDays: slip });
    expect(
      work
        .filter((e) => e.deliveryAtRisk && e.organizationId === auroraId)
        .map((e) => e.ticketNumber),
    ).toEqual([mine]);
    // Before it only tickets at stake (SLA, or an earlier published date at risk); every ticket
    // not at stake, urgent or not, after it.
    const plain = (e: RiskEntry) => e.slaStatus === 'ok' && !e.deliveryAtRisk;
    expect(work.slice(0, place).filter(plain)).toEqual([]);
    expect(work.slice(place + 1).filter(plain).length).toBeGreaterThan(0);

    // One email to the (unassigned ticket's) agents and one to the managers, Spanish first,
    // English for the agent who chose it; nothing to the client.
    const es = (n: number) => (n === 1 ? '+1 día hábil' : `+${n} días hábiles`);
    const en = (n: number) => (n === 1 ? '+1 business day' : `+${n} business days`);
    const told = await deliveredOnce(mine, 2);
    expect(told.map((r) => [r.recipient_address, r.subject])).toEqual([
      ['agente@becken.example', `[${mine}] Delivery at risk (${en(slip)}): Conector de nómina`],
      ['gerente@becken.example', `[${mine}] Entrega en riesgo (${es(slip)}): Conector de nómina`],
    ]);
    // The same re-plan again queues nothing (the mutation writes its emails before answering).
    await setCapacity(2);
    expect(await warnings(mine)).toHaveLength(2);
    // Reading the queue never emails.
    await riskQueue(as(Role.CLIENT_APPROVER));
    expect(await warnings(mine)).toHaveLength(2);

    // The client moves it up one place: still after its date, by less — told once more, with
    // the new slip. The ticket it passed gets a later plan, which the reorder publishes (L3-19).
    const order = at2.filter((e) => e.rank !== null).map((e) => e.ticketNumber);
    const input = { order: [order[0], mine, ...order.slice(1)], urgent: [] };
    const preview = (
      await call<{ previewQueueReorder: { previewToken: string } }>(
        PREVIEW,
        { input },
        as(Role.CLIENT_APPROVER),
      )
    ).data!.previewQueueReorder;
    const confirmed = await call(
      CONFIRM,
      { input: { ...input, previewToken: preview.previewToken, reason: 'La nómina cierra antes' } },
      as(Role.CLIENT_APPROVER),
    );
    expect(confirmed.code).toBeUndefined();
    const moved = await riskQueue(as(Role.CLIENT_APPROVER));
    const smaller = dayOf(moved, mine, 2) - dayOf(at4, mine, 4);
    expect(smaller).toBeGreaterThan(0);
    expect(smaller).toBeLessThan(slip);
    expect(moved.filter((e) => e.deliveryAtRisk)).toEqual([
      expect.objectContaining({ ticketNumber: mine, deliverySlipBusinessDays: smaller }),
    ]);
    const all = await deliveredOnce(mine, 4);
    expect(all.slice(2).map((r) => r.subject)).toEqual([
      `[${mine}] Delivery at risk (${en(smaller)}): Conector de nómina`,
      `[${mine}] Entrega en riesgo (${es(smaller)}): Conector de nómina`,
    ]);

    // Capacity back up: the plan meets the date again, the flag clears, nobody is emailed.
    await setCapacity(4);
    const cleared = await riskQueue(as(Role.CLIENT_APPROVER));
    expect(cleared.find((e) => e.ticketNumber === mine)).toMatchObject({
      deliveryAtRisk: false,
      deliverySlipBusinessDays: null,
    });
    expect(cleared.some((e) => e.deliveryAtRisk)).toBe(false);
    expect(await warnings(mine)).toHaveLength(4);
    const clientMail = await world.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM email_outbox
        WHERE event_type = 'PROVIDER_DELIVERY_AT_RISK' AND recipient_address LIKE '%@aurora.example'`,
    );
    expect(clientMail[0].n).toBe(0);
  });

  it('L3-10/L3-19: a client toggling two tickets back and forth confirms every order, repeated ones included', async () => {
    // QA: [b,a] then [a,b] then [b,a] again left the ranks as the first [a,b] was previewed
    // from, so previewing [a,b] again gave that reorder's token; confirming it found the old
    // reorder and answered CONFLICT REORDER_SUPERSEDED, every time.
    const a = await registerProjectedTicket(world, { category: 'QUESTION', subject: 'Vaivén A' });
    const b = await registerProjectedTicket(world, { category: 'QUESTION', subject: 'Vaivén B' });
    // The rest of the queue keeps its order and urgency: only a and b move.
    const ranked = (await queue(as(Role.CLIENT_APPROVER))).filter(
      (e) => e.rank !== null && e.ticketNumber !== a && e.ticketNumber !== b,
    );
    const rest = ranked.map((e) => e.ticketNumber);
    const urgent = ranked.filter((e) => e.urgent).map((e) => e.ticketNumber);
    const reorders = await countRows('queue_reorder');
    for (const [n, pair] of [
      [b, a],
      [a, b],
      [b, a],
      [a, b],
    ].entries()) {
      const input = { order: [...pair, ...rest], urgent };
      const preview = (
        await call<{ previewQueueReorder: { previewToken: string } }>(
          PREVIEW,
          { input },
          as(Role.CLIENT_APPROVER),
        )
      ).data!.previewQueueReorder;
      const confirmed = await call<{ confirmQueueReorder: { reorderId: string } }>(
        CONFIRM,
        { input: { ...input, previewToken: preview.previewToken, reason: `Vaivén ${n + 1}` } },
        as(Role.CLIENT_APPROVER),
      );
      expect({ n, code: confirmed.code }).toEqual({ n, code: undefined });
      const ranks = (await queue(as(Role.CLIENT_APPROVER)))
        .filter((e) => e.ticketNumber === a || e.ticketNumber === b)
        .sort((x, y) => x.rank! - y.rank!)
        .map((e) => [e.ticketNumber, e.rank]);
      expect(ranks).toEqual([
        [pair[0], 1],
        [pair[1], 2],
      ]);
    }
    expect(await countRows('queue_reorder')).toBe(reorders + 4);
  });
});
