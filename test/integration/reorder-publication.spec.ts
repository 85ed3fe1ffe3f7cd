import {
  addBusinessDays,
  BusinessCalendar,
  defaultMexicoCityCalendar,
} from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { QueueReorderService } from '../../src/planning/queue-reorder.service';
import { ReorderPublicationReconciler } from '../../src/planning/reorder-publication-reconciler';
import { TicketWorkflowClient } from '../../src/tickets/ticket-workflow.client';
import { caughtMails, sentExactly } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { someoneWaitsForAdvisoryLock } from '../support/lock-waiters';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-10/L3-19 (and L3-15, whose checkpoint decisions reorder the same way): a confirmed reorder
// commits first and publishes its moved dates afterwards. A reorder committed whose publication
// never happened (the API died after the commit) is published by the reconciliation sweep, once:
// a second sweep publishes nothing and emails nobody. A later reorder supersedes an unpublished
// one: its stale dates are never published over the later plan, by the sweep or by a retried
// confirmation (CONFLICT REORDER_SUPERSEDED). A ticket that refuses its moved date for good (it
// was cancelled meanwhile) is recorded on the reorder and never asked again: the others are
// published and the reorder is settled, not retried every tick for two days.

const ENTRY = `ticketNumber rank releaseDate plannedReleaseDate`;
const QUEUE = `query ($organizationId: ID) {
  clientQueue(organizationId: $organizationId) { entries { ${ENTRY} } } }`;
const PREVIEW = `query ($input: QueueOrderInput!) {
  previewQueueReorder(input: $input) { previewToken changes { ticketNumber oldDate newDate } } }`;
const CONFIRM = `mutation ($input: ConfirmQueueReorderInput!) {
  confirmQueueReorder(input: $input) { reorderId changes { ticketNumber oldDate newDate } } }`;
const TICKET = `query ($number: String!) {
  ticket(number: $number) { releaseDate timeline { type data } } }`;

// The demo clients use the default calendar (America/Mexico_City, Mon–Fri 09:00–18:00).
const YEAR = new Date().getUTCFullYear();
const calendar = new BusinessCalendar(defaultMexicoCityCalendar(YEAR - 1, YEAR + 3));

interface Entry {
  ticketNumber: string;
  rank: number | null;
  releaseDate: string | null;
  plannedReleaseDate: string | null;
}
interface Change {
  ticketNumber: string;
  oldDate: string;
  newDate: string;
}

describe('reorder publication reconciler (L3-10, L3-19, L3-15)', () => {
  const world = useWorldWithWorker('reorder-publication');
  let auroraId: string;
  let approverId: string;
  let first: string;
  let second: string;

  const as = (role: Role) => world.bearer(role);
  async function call<T>(query: string, variables: Record<string, unknown>, role: Role) {
    const { body } = await gql<T>(world.api, query, variables, as(role));
    expect(body.errors).toBeUndefined();
    return body.data!;
  }
  async function act(role: Role, mutation: string, input: object, type: string) {
    const data = await call<Record<string, { ticket: { state: string } }>>(
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { ticket { state } } }`,
      { input },
      role,
    );
    return data[mutation].ticket.state;
  }
  /** A requirement of `hours` authorized by Aurora's approver: SCHEDULING. */
  async function authorizedRequirement(subject: string, hours: number): Promise<string> {
    const number = await registerTicket(world, { subject, description: 'Para la planeación.' });
    await act(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
      'ClassifyTicketInput',
    );
    await act(
      Role.AGENT,
      'submitEstimate',
      { number, hours, scope: subject },
      'SubmitEstimateInput',
    );
    expect(
      await act(
        Role.CLIENT_APPROVER,
        'authorizeEstimate',
        { number, estimateVersion: 1, statement: `Autorizo ${hours} h.` },
        'AuthorizeEstimateInput',
      ),
    ).toBe('SCHEDULING');
    return number;
  }
  const queue = async () =>
    (await call<{ clientQueue: { entries: Entry[] } }>(QUEUE, {}, Role.CLIENT_APPROVER)).clientQueue
      .entries;
  const ticket = async (number: string) =>
    (
      await call<{ ticket: { releaseDate: string; timeline: { type: string; data: string }[] } }>(
        TICKET,
        { number },
        Role.AGENT,
      )
    ).ticket;
  const dateAdjusted = async (number: string) =>
    (await ticket(number)).timeline
      .filter((e) => e.type === 'DATE_ADJUSTED')
      .map((e) => JSON.parse(e.data) as Record<string, unknown>);
  /** Every email row of the two tickets and the provider's delivery-risk warnings. */
  const emailRows = () =>
    world.db.query<{ event_key: string; recipient_address: string; status: string }[]>(
      `SELECT event_key, recipient_address, status FROM email_outbox
        WHERE ticket_number = ANY($1) OR event_type = 'PROVIDER_DELIVERY_AT_RISK'
        ORDER BY event_key, recipient_address`,
      [[first, second]],
    );
  const reorderRow = async (id: string) =>
    (
      await world.db.query<
        { published_at: Date | null; refused: { ticketNumber: string; code: string }[] }[]
      >('SELECT published_at, refused FROM queue_reorder WHERE id = $1', [id])
    )[0];

  /** An agent moves `number`'s release date by hand (L3-19), as the web app does. */
  const adjustByHand = async (number: string, newDate: string) => {
    const { body } = await gql(
      world.api,
      `mutation ($input: AdjustReleaseDateInput!) { adjustReleaseDate(input: $input) { seq } }`,
      { input: { number, newDate, reason: 'Acordado con el cliente por teléfono' } },
      as(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
  };
  /**
   * The reorder left `number` at `byHand`: refused DATE_MOVED_SINCE and settled (published), so a
   * later sweep sends nothing; its date never reached the timeline.
   */
  const expectSettledOverHandDate = async (reorderId: string, number: string, byHand: string) => {
    expect((await ticket(number)).releaseDate).toBe(byHand);
    expect((await dateAdjusted(number)).filter((e) => e.reorderId === reorderId)).toEqual([]);
    const row = await reorderRow(reorderId);
    expect(row.published_at).not.toBeNull();
    expect(row.refused).toContainEqual(
      expect.objectContaining({
        ticketNumber: number,
        code: 'CONFLICT',
        reason: 'DATE_MOVED_SINCE',
      }),
    );
    const reconciler = world.api.app.get(ReorderPublicationReconciler);
    expect(await reconciler.sweep(new Date(Date.now() + 120_000))).toBe(0);
    expect((await ticket(number)).releaseDate).toBe(byHand);
  };

  /** A reorder of Aurora's queue committed through the service whose publication never ran. */
  async function committedUnpublished(order: string[], reason: string) {
    const request = { organizationId: auroraId, order, urgent: [] };
    const { previewToken, changes } = (
      await call<{ previewQueueReorder: { previewToken: string; changes: Change[] } }>(
        PREVIEW,
        { input: { order, urgent: [] } },
        Role.CLIENT_APPROVER,
      )
    ).previewQueueReorder;
    const service = world.api.app.get(QueueReorderService);
    const reorder = await world.db.transaction((tx) =>
      service.apply(tx, request, previewToken, reason, {
        userId: approverId,
        role: 'CLIENT_APPROVER',
      }),
    );
    return { reorder, changes };
  }

  beforeAll(async () => {
    auroraId = world.orgIds['comercializadora-aurora'];
    [{ id: approverId }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE organization_id = $1 AND 'CLIENT_APPROVER' = ANY (roles)
        ORDER BY email LIMIT 1`,
      [auroraId],
    );
  });

  it('publishes the moved dates of a reorder committed without publication, once: a second sweep changes nothing and emails nobody', async () => {
    first = await authorizedRequirement('Reporte de ventas por zona', 8);
    second = await authorizedRequirement('Ajuste a la factura global', 4);
    const planned = Object.fromEntries(
      (await queue()).map((e) => [e.ticketNumber, e.plannedReleaseDate!]),
    );
    for (const number of [first, second]) {
      await act(
        Role.AGENT,
        'setReleaseDate',
        { number, releaseDate: planned[number] },
        'SetReleaseDateInput',
      );
    }

    // The second first: the first's published date must move later (L3-19). Committed, and the
    // API died before publishing: the queue is reordered, the date still the old one.
    const reason = 'Priorizamos la factura global por cierre de mes';
    const { reorder, changes } = await committedUnpublished([second, first], reason);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ ticketNumber: first, oldDate: planned[first] });
    expect((await queue()).map((e) => [e.ticketNumber, e.rank])).toEqual([
      [second, 1],
      [first, 2],
    ]);
    expect((await ticket(first)).releaseDate).toBe(planned[first]);
    expect(await dateAdjusted(first)).toEqual([]);
    expect((await reorderRow(reorder.id)).published_at).toBeNull();

    const reconciler = world.api.app.get(ReorderPublicationReconciler);
    // A reorder this fresh is left to its own confirmation.
    expect(await reconciler.sweep()).toBe(0);
    expect((await ticket(first)).releaseDate).toBe(planned[first]);
    // A minute later it is overdue: the sweep publishes it.
    expect(await reconciler.sweep(new Date(Date.now() + 60_000))).toBe(1);
    expect((await ticket(first)).releaseDate).toBe(changes[0].newDate);
    expect(await dateAdjusted(first)).toEqual([
      expect.objectContaining({
        subjectDate: 'RELEASE_DATE',
        oldDate: planned[first],
        newDate: changes[0].newDate,
        reason,
        reorderId: reorder.id,
      }),
    ]);
    expect((await ticket(second)).releaseDate).toBe(planned[second]);
    expect(await dateAdjusted(second)).toEqual([]);
    expect((await reorderRow(reorder.id)).published_at).not.toBeNull();
    // The registrant is emailed the new date once, and it really arrived once.
    const dateRows = () =>
      world.db.query<{ status: string; message_id: string }[]>(
        `SELECT status, message_id FROM email_outbox
          WHERE ticket_number = $1 AND event_type = 'DATE_ADJUSTED'
            AND recipient_address = 'usuario@aurora.example'`,
        [first],
      );
    const [mail] = await sentExactly(dateRows, 1);
    expect(mail.subject).toContain(`[${first}] Fecha ajustada`);
    const emailed = await eventually(emailRows, (rows) => rows.every((r) => r.status === 'SENT'));
    const dateMails = async () =>
      (await caughtMails())
        .filter((m) => m.subject.includes(`[${first}] Fecha ajustada`))
        .map((m) => ({ to: m.to, messageId: m.messageId }))
        .sort((a, b) => (a.to[0] < b.to[0] ? -1 : 1));
    const caught = await dateMails();
    // The registrant and the approver, each once.
    expect(caught.map((m) => m.to)).toEqual([
      ['aprobador@aurora.example'],
      ['usuario@aurora.example'],
    ]);

    // A second sweep, later still: nothing left to publish, no event, no email.
    expect(await reconciler.sweep(new Date(Date.now() + 120_000))).toBe(0);
    expect(await dateAdjusted(first)).toHaveLength(1);
    expect((await ticket(first)).releaseDate).toBe(changes[0].newDate);
    expect(await emailRows()).toEqual(emailed);
    expect(await dateMails()).toEqual(caught);
  });

  it('never publishes the stale dates of an unpublished reorder a later confirmed one superseded', async () => {
    const published = Object.fromEntries(
      (await queue()).map((e) => [e.ticketNumber, e.releaseDate]),
    );
    // The first back on top, a date moves, but the API died again before publishing it.
    const stale = await committedUnpublished([first, second], 'El reporte vuelve primero');
    expect(stale.changes.length).toBeGreaterThan(0);
    // The client reorders again, back to the second first, and this one is confirmed and
    // published: planned from the dates actually published, nothing of it moves.
    const input = { order: [second, first], urgent: [] };
    const { previewToken } = (
      await call<{ previewQueueReorder: { previewToken: string } }>(
        PREVIEW,
        { input },
        Role.CLIENT_APPROVER,
      )
    ).previewQueueReorder;
    const confirmed = (
      await call<{ confirmQueueReorder: { reorderId: string; changes: Change[] } }>(
        CONFIRM,
        { input: { ...input, previewToken, reason: 'Mejor la factura primero' } },
        Role.CLIENT_APPROVER,
      )
    ).confirmQueueReorder;
    expect(confirmed.changes).toEqual([]);
    expect((await reorderRow(confirmed.reorderId)).published_at).not.toBeNull();

    const reconciler = world.api.app.get(ReorderPublicationReconciler);
    expect(await reconciler.sweep(new Date(Date.now() + 60_000))).toBe(0);
    for (const number of [first, second]) {
      expect((await ticket(number)).releaseDate).toBe(published[number]);
    }
    expect(await dateAdjusted(second)).toEqual([]);
    expect(await dateAdjusted(first)).toHaveLength(1);
    expect((await reorderRow(stale.reorder.id)).published_at).toBeNull();

    // The client retries the stale confirmation (same preview token): refused as replaced, and
    // still nothing of it is published.
    const { body } = await gql(
      world.api,
      CONFIRM,
      {
        input: {
          order: [first, second],
          urgent: [],
          previewToken: stale.reorder.previewToken,
          reason: 'El reporte vuelve primero',
        },
      },
      as(Role.CLIENT_APPROVER),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'REORDER_SUPERSEDED',
    });
    for (const number of [first, second]) {
      expect((await ticket(number)).releaseDate).toBe(published[number]);
    }
    expect(await dateAdjusted(second)).toEqual([]);
    expect(await dateAdjusted(first)).toHaveLength(1);
    expect((await queue()).map((e) => e.ticketNumber)).toEqual([second, first]);
    expect((await reorderRow(stale.reorder.id)).published_at).toBeNull();
  });

  it('records a date a cancelled ticket refuses for good and publishes the rest: the reorder is settled, a second sweep asks nothing', async () => {
    // Queue now [second (4 h), first (8 h)] at 4 h a day, both published for the 3rd business
    // day; a third of 12 h joins at the end with its date (the 6th).
    const third = await authorizedRequirement('Catálogo de sucursales', 12);
    const planned = (await queue()).find((e) => e.ticketNumber === third)!.plannedReleaseDate;
    await act(
      Role.AGENT,
      'setReleaseDate',
      { number: third, releaseDate: planned },
      'SetReleaseDateInput',
    );
    const before = Object.fromEntries((await queue()).map((e) => [e.ticketNumber, e.releaseDate]));
    // The third first: the second (16 h ahead, 4th day) and the first (24 h, 6th day) both need
    // later dates. Committed, not published.
    const reason = 'El catálogo primero por la apertura';
    const { reorder, changes } = await committedUnpublished([third, second, first], reason);
    expect(changes.map((c) => c.ticketNumber).sort()).toEqual([first, second].sort());
    const moved = Object.fromEntries(changes.map((c) => [c.ticketNumber, c.newDate]));

    // Meanwhile the client cancels the second: its workflow will refuse any date from now on.
    const { body } = await gql(
      world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { seq } }`,
      { input: { number: second, note: 'Ya no se necesita' } },
      as(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    await eventually(
      () =>
        world.db.query<{ state: string }[]>('SELECT state FROM ticket WHERE number = $1', [second]),
      ([t]) => t.state === 'CANCELLED',
    );

    const reconciler = world.api.app.get(ReorderPublicationReconciler);
    expect(await reconciler.sweep(new Date(Date.now() + 60_000))).toBe(1);
    // The open ticket got its date, once, and its registrant the email, once more than before.
    expect((await ticket(first)).releaseDate).toBe(moved[first]);
    expect(await dateAdjusted(first)).toEqual([
      expect.objectContaining({ reorderId: expect.any(String) }),
      expect.objectContaining({
        oldDate: before[first],
        newDate: moved[first],
        reorderId: reorder.id,
      }),
    ]);
    const firstDateRows = () =>
      world.db.query<{ status: string; message_id: string }[]>(
        `SELECT status, message_id FROM email_outbox
          WHERE ticket_number = $1 AND event_type = 'DATE_ADJUSTED'
            AND recipient_address = 'usuario@aurora.example'
          ORDER BY created_at`,
        [first],
      );
    const mails = await sentExactly(firstDateRows, 2);
    expect(mails[1].subject).toContain(`[${first}] Fecha ajustada`);
    // The cancelled one kept its date and has no adjustment; its refusal is recorded, and with
    // only that left the reorder is published.
    expect((await ticket(second)).releaseDate).toBe(before[second]);
    expect(await dateAdjusted(second)).toEqual([]);
    const row = await reorderRow(reorder.id);
    expect(row.published_at).not.toBeNull();
    expect(row.refused).toEqual([
      expect.objectContaining({ ticketNumber: second, code: expect.any(String) }),
    ]);
    expect(['INVALID_TRANSITION', 'NOT_FOUND']).toContain(row.refused[0].code);

    // A second sweep: nothing left to ask the tickets, nothing new anywhere.
    const emailed = await eventually(emailRows, (rows) => rows.every((r) => r.status === 'SENT'));
    expect(await reconciler.sweep(new Date(Date.now() + 120_000))).toBe(0);
    expect(await reorderRow(reorder.id)).toEqual(row);
    expect(await dateAdjusted(first)).toHaveLength(2);
    expect(await dateAdjusted(second)).toEqual([]);
    expect(await emailRows()).toEqual(emailed);
  });

  it('publishes a reorder under its queue lock: a later reorder recorded while it waits for the lock stands, and none of its stale dates go out', async () => {
    const order = (await queue()).map((e) => e.ticketNumber);
    const published = Object.fromEntries(
      (await queue()).map((e) => [e.ticketNumber, e.releaseDate]),
    );
    const adjusted = Object.fromEntries(
      await Promise.all(order.map(async (n) => [n, (await dateAdjusted(n)).length] as const)),
    );
    // Reversed, so a date moves; committed, not yet published.
    const stale = await committedUnpublished([...order].reverse(), 'Invertimos la fila');
    expect(stale.changes.length).toBeGreaterThan(0);

    // Another confirmation of the same queue holds its lock (recording a later reorder) when the
    // first one's publication starts: the publication waits for it.
    const service = world.api.app.get(QueueReorderService);
    const later = world.db.createQueryRunner();
    await later.startTransaction();
    let announced: Promise<unknown> | undefined;
    try {
      const { previewToken } = (
        await call<{ previewQueueReorder: { previewToken: string } }>(
          PREVIEW,
          { input: { order, urgent: [] } },
          Role.CLIENT_APPROVER,
        )
      ).previewQueueReorder;
      await service.apply(
        later.manager,
        { organizationId: auroraId, order, urgent: [] },
        previewToken,
        'Mejor como estaba',
        { userId: approverId, role: 'CLIENT_APPROVER' },
      );
      announced = service.announce(stale.reorder).then(
        () => null,
        (err: unknown) => err,
      );
      await someoneWaitsForAdvisoryLock(world.db);
      await later.commitTransaction();
    } finally {
      if (later.isTransactionActive) await later.rollbackTransaction();
      await later.release();
    }
    // Once the lock is free, the publication finds the later reorder: refused as replaced.
    expect(await announced).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'REORDER_SUPERSEDED', reorderId: stale.reorder.id },
    });
    for (const number of order) {
      expect((await ticket(number)).releaseDate).toBe(published[number]);
      expect(await dateAdjusted(number)).toHaveLength(adjusted[number]);
    }
    expect((await reorderRow(stale.reorder.id)).published_at).toBeNull();
  });

  it("never sends a pending reorder's date over one staff moved by hand since: the ticket keeps the hand-set date, the reorder settles (L3-19)", async () => {
    const order = (await queue()).map((e) => e.ticketNumber);
    // Reversed, so a date moves; committed, and its publication failed (a Temporal blip).
    const pending = await committedUnpublished([...order].reverse(), 'De nuevo al revés');
    expect(pending.changes.length).toBeGreaterThan(0);
    const [change] = pending.changes;
    const number = change.ticketNumber;
    // Meanwhile an agent moves that ticket's date by hand, to a third business date.
    const byHand = addBusinessDays(calendar, new Date(change.newDate), 3).toISOString();
    expect([change.oldDate, change.newDate]).not.toContain(byHand);
    await adjustByHand(number, byHand);
    await eventually(
      () =>
        world.db.query<{ release_date: Date }[]>(
          'SELECT release_date FROM ticket WHERE number = $1',
          [number],
        ),
      ([t]) => t.release_date.toISOString() === byHand,
    );

    const reconciler = world.api.app.get(ReorderPublicationReconciler);
    expect(await reconciler.sweep(new Date(Date.now() + 60_000))).toBe(1);
    // Recorded as not sent, so the reorder is settled and no later sweep tries again.
    await expectSettledOverHandDate(pending.reorder.id, number, byHand);
  });

  it("L3-19: a staff move landing between the reorder's read of the date and its Update stands: refused DATE_MOVED_SINCE by the ticket, no email of the reorder's date", async () => {
    // A ticket of 16 h joins with its date and goes first: those behind it need later dates.
    const fourth = await authorizedRequirement('Integración con la paquetería', 16);
    const planned = (await queue()).find((e) => e.ticketNumber === fourth)!.plannedReleaseDate;
    await act(
      Role.AGENT,
      'setReleaseDate',
      { number: fourth, releaseDate: planned },
      'SetReleaseDateInput',
    );
    const rest = (await queue()).map((e) => e.ticketNumber).filter((n) => n !== fourth);
    const pending = await committedUnpublished([fourth, ...rest], 'La paquetería primero');
    expect(pending.changes.length).toBeGreaterThan(0);
    const [change] = pending.changes;
    const number = change.ticketNumber;
    const byHand = addBusinessDays(calendar, new Date(change.newDate), 3).toISOString();
    expect([change.oldDate, change.newDate]).not.toContain(byHand);
    expect((await ticket(number)).releaseDate).toBe(change.oldDate);
    const dateRows = () =>
      world.db.query<{ status: string; message_id: string }[]>(
        `SELECT status, message_id FROM email_outbox
          WHERE ticket_number = $1 AND event_type = 'DATE_ADJUSTED'
            AND recipient_address = 'usuario@aurora.example'
          ORDER BY created_at`,
        [number],
      );
    const emailedBefore = (await dateRows()).length;

    // The agent's adjustment lands once the publication has read the date (still the old one)
    // and right before the reorder's Update for that ticket goes out.
    const workflows = world.api.app.get(TicketWorkflowClient);
    const update = workflows.update.bind(workflows);
    let raced = false;
    const spy = jest.spyOn(workflows, 'update').mockImplementation(async (n, def, args, opts) => {
      if (!raced && args.requestId === `reorder:${pending.reorder.id}:${number}`) {
        raced = true;
        await adjustByHand(number, byHand);
      }
      return update(n, def, args, opts);
    });
    const reconciler = world.api.app.get(ReorderPublicationReconciler);
    try {
      expect(await reconciler.sweep(new Date(Date.now() + 60_000))).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(raced).toBe(true);

    // The agent's date stands, recorded as the read would have recorded it, and settled.
    await expectSettledOverHandDate(pending.reorder.id, number, byHand);
    expect((await dateAdjusted(number)).at(-1)).toMatchObject({
      oldDate: change.oldDate,
      newDate: byHand,
    });
    // The registrant hears of the agent's date only: one email more, no "moved" to the reorder's.
    const mails = await sentExactly(dateRows, emailedBefore + 1);
    expect(mails.at(-1)!.subject).toContain(`[${number}] Fecha ajustada`);
    expect((await ticket(number)).releaseDate).toBe(byHand);
  });
});
