import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Role } from '../../src/identity/role.enum';
import { QueueReorderService } from '../../src/planning/queue-reorder.service';
import { ReorderPublicationReconciler } from '../../src/planning/reorder-publication-reconciler';
import { TicketWorkflowClient } from '../../src/tickets/ticket-workflow.client';
import { caughtMails, sentExactly } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql, type RunningWorker, startWorker } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { ticketJourneys } from '../support/ticket-journeys';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';

// L3-10/L3-19: one reorder whose moved dates fail in both ways at once. It was committed and the
// API died before publishing; the client cancelled one of its tickets meanwhile (that workflow
// ended: a refusal for good), and when the reconciliation sweep comes by the worker is away for a
// moment (a restart), so the other tickets' Updates wait on the server with no one to run them:
// each is given up after a bound, a transient failure. That sweep records the refusal once and
// leaves the reorder unpublished; with the worker back, the next one publishes the other dates,
// once each, one email to each recipient, and does not ask the cancelled ticket again, which
// keeps its date. Real Temporal, PostgreSQL and SMTP throughout.

const PREVIEW = `query ($input: QueueOrderInput!) {
  previewQueueReorder(input: $input) { previewToken changes { ticketNumber oldDate newDate } } }`;
const QUEUE = `query { clientQueue { entries { ticketNumber releaseDate plannedReleaseDate } } }`;
const TICKET = `query ($number: String!) {
  ticket(number: $number) { state releaseDate timeline { type data } } }`;

interface Change {
  ticketNumber: string;
  oldDate: string;
  newDate: string;
}
interface ReorderRow {
  published_at: Date | null;
  refused: { ticketNumber: string; code: string; at: string }[];
}

describe('a reorder refused by one ticket and transiently failed by others (L3-10, L3-19)', () => {
  let world: SeededWorld;
  let bundle: WorkflowBundleWithSourceMap;
  let worker: { running: RunningWorker; done: Promise<void> } | undefined;

  /** The real worker on the world's task queue, until `stopWorker`. */
  async function startTicketWorker(): Promise<void> {
    const running = await startWorker(bundle, world.config);
    worker = { running, done: running.worker.run() };
  }
  async function stopWorker(): Promise<void> {
    if (!worker) return;
    const { running, done } = worker;
    worker = undefined;
    running.worker.shutdown();
    await done;
    await running.close();
  }

  beforeAll(async () => {
    installQuietRuntime();
    world = await createSeededWorld('reorder-mixed', {
      TEMPORAL_TASK_QUEUE: `reorder-mixed-${process.pid}-${Date.now()}`,
      // A date's Update waits this long for a worker (30 s by default) before it is retried later.
      REORDER_UPDATE_TIMEOUT_MS: '5000',
    });
    bundle = await bundleWorkflows();
    await startTicketWorker();
  }, 180_000);
  afterAll(async () => {
    await stopWorker();
    await world?.close();
  });

  async function call<T>(query: string, variables: Record<string, unknown>, role: Role) {
    const { body } = await gql<T>(world.api, query, variables, world.bearer(role));
    expect(body.errors).toBeUndefined();
    return body.data!;
  }
  const ticket = async (number: string) =>
    (
      await call<{
        ticket: { state: string; releaseDate: string; timeline: { type: string; data: string }[] };
      }>(TICKET, { number }, Role.AGENT)
    ).ticket;
  const dateAdjusted = async (number: string) =>
    (await ticket(number)).timeline
      .filter((e) => e.type === 'DATE_ADJUSTED')
      .map((e) => JSON.parse(e.data) as Record<string, unknown>);
  const reorderRow = async (id: string) =>
    (
      await world.db.query<ReorderRow[]>(
        'SELECT published_at, refused FROM queue_reorder WHERE id = $1',
        [id],
      )
    )[0];
  /** The registrant's DATE_ADJUSTED outbox rows of `number`. */
  const registrantDateRows = (number: string) => () =>
    world.db.query<{ status: string; message_id: string }[]>(
      `SELECT status, message_id FROM email_outbox
        WHERE ticket_number = $1 AND event_type = 'DATE_ADJUSTED'
          AND recipient_address = 'usuario@aurora.example'`,
      [number],
    );
  const allEmailRows = (numbers: string[]) =>
    world.db.query<{ event_key: string; recipient_address: string; status: string }[]>(
      `SELECT event_key, recipient_address, status FROM email_outbox
        WHERE ticket_number = ANY($1) OR event_type = 'PROVIDER_DELIVERY_AT_RISK'
        ORDER BY event_key, recipient_address`,
      [numbers],
    );

  it('records the refusal once, leaves the timed-out dates to the sweep, which publishes each once when the worker is back', async () => {
    const journeys = ticketJourneys(world);
    const auroraId = world.orgIds['comercializadora-aurora'];
    // Three requirements in Aurora's queue, each with its planned date published; a fourth of
    // 12 h joins at the end with its own.
    const cancelled = await journeys.scheduledRequirement({
      subject: 'Tablero de cobranza',
      hours: 4,
    });
    const second = await journeys.scheduledRequirement({ subject: 'Alta de sucursales', hours: 4 });
    const third = await journeys.scheduledRequirement({ subject: 'Póliza de garantía', hours: 8 });
    const top = await journeys.scheduledRequirement({ subject: 'Cierre anual', hours: 12 });
    const numbers = [cancelled, second, third, top];
    const planned = Object.fromEntries(
      (
        await call<{
          clientQueue: { entries: { ticketNumber: string; plannedReleaseDate: string }[] };
        }>(QUEUE, {}, Role.CLIENT_APPROVER)
      ).clientQueue.entries.map((e) => [e.ticketNumber, e.plannedReleaseDate]),
    );
    for (const number of numbers) {
      await journeys.act(
        Role.AGENT,
        'setReleaseDate',
        { number, releaseDate: planned[number] },
        'SetReleaseDateInput',
      );
    }

    // The annual close first: the three others need later dates.
    const reason = 'Cierre anual primero';
    const input = { order: [top, cancelled, second, third], urgent: [] };
    const { previewToken, changes } = (
      await call<{ previewQueueReorder: { previewToken: string; changes: Change[] } }>(
        PREVIEW,
        { input },
        Role.CLIENT_APPROVER,
      )
    ).previewQueueReorder;
    expect(changes.map((c) => c.ticketNumber).sort()).toEqual([cancelled, second, third].sort());
    const moved = Object.fromEntries(changes.map((c) => [c.ticketNumber, c.newDate]));

    // Confirmed and committed, and the API died before publishing (as in
    // reorder-publication.spec.ts): the sweep will publish it.
    const [{ id: approverId }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE organization_id = $1 AND 'CLIENT_APPROVER' = ANY (roles)
        ORDER BY email LIMIT 1`,
      [auroraId],
    );
    const reorder = await world.db.transaction((tx) =>
      world.api.app
        .get(QueueReorderService)
        .apply(tx, { organizationId: auroraId, ...input }, previewToken, reason, {
          userId: approverId,
          role: 'CLIENT_APPROVER',
        }),
    );
    const reorderId = reorder.id;

    // Meanwhile the client cancels one of them, and its workflow ends.
    const { body: cancel } = await gql(
      world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { seq } }`,
      { input: { number: cancelled, note: 'Ya no se necesita' } },
      world.bearer(Role.CLIENT_USER),
    );
    expect(cancel.errors).toBeUndefined();
    const workflows = world.api.app.get(TicketWorkflowClient);
    await eventually(
      () => workflows.hasEnded(cancelled),
      (ended) => ended,
    );

    // The worker goes away for a moment, and the sweep comes by then: the ended workflow refuses
    // its date for good (the server answers, no worker needed); the others' Updates find no
    // worker and are given up, for the next tick. Not published.
    await stopWorker();
    const reconciler = world.api.app.get(ReorderPublicationReconciler);
    expect(await reconciler.sweep(new Date(Date.now() + 60_000))).toBe(0);

    const refusedOnce = await reorderRow(reorderId);
    expect(refusedOnce.published_at).toBeNull();
    expect(refusedOnce.refused).toEqual([
      expect.objectContaining({ ticketNumber: cancelled, code: 'NOT_FOUND' }),
    ]);
    // Nothing published yet: every date is the old one, no adjustment anywhere.
    for (const number of numbers) {
      expect((await ticket(number)).releaseDate).toBe(planned[number]);
      expect(await dateAdjusted(number)).toEqual([]);
    }

    // The worker is back. The sweep (the reorder is past its grace) retries the transient dates
    // only; the app's own timer may get there first: either way, until the reorder is settled.
    await startTicketWorker();
    const settled = await eventually(
      async () => {
        await reconciler.sweep(new Date(Date.now() + 60_000));
        return reorderRow(reorderId);
      },
      (row) => row.published_at !== null,
      120_000,
    );
    // The refusal was recorded once and the ended ticket not asked again.
    expect(settled.refused).toEqual(refusedOnce.refused);

    for (const number of [second, third]) {
      expect((await ticket(number)).releaseDate).toBe(moved[number]);
      expect(await dateAdjusted(number)).toEqual([
        expect.objectContaining({
          subjectDate: 'RELEASE_DATE',
          oldDate: planned[number],
          newDate: moved[number],
          reason,
          reorderId,
        }),
      ]);
      // The registrant's email, queued once and caught once.
      const [mail] = await sentExactly(registrantDateRows(number), 1);
      expect(mail.subject).toContain(`[${number}] Fecha ajustada`);
    }
    // The cancelled ticket kept its date; nothing was queued or sent about a date for it.
    const gone = await ticket(cancelled);
    expect(gone.state).toBe('CANCELLED');
    expect(gone.releaseDate).toBe(planned[cancelled]);
    expect(await dateAdjusted(cancelled)).toEqual([]);
    expect(await registrantDateRows(cancelled)()).toEqual([]);
    expect(await dateAdjusted(top)).toEqual([]);

    // Each moved date reached the registrant and the approver once over SMTP.
    const emailed = await eventually(
      () => allEmailRows(numbers),
      (rows) => rows.every((r) => r.status === 'SENT'),
    );
    const dateMails = async () =>
      (await caughtMails())
        .filter((m) => numbers.some((n) => m.subject.includes(`[${n}] Fecha ajustada`)))
        .map((m) => `${numbers.find((n) => m.subject.includes(`[${n}]`))} ${m.to.join(',')}`)
        .sort();
    const caught = await dateMails();
    expect(caught).toEqual(
      [second, third]
        .flatMap((n) => [`${n} aprobador@aurora.example`, `${n} usuario@aurora.example`])
        .sort(),
    );

    // A later sweep finds nothing to do: no event, no email, the row as it was.
    expect(await reconciler.sweep(new Date(Date.now() + 120_000))).toBe(0);
    expect(await reorderRow(reorderId)).toEqual(settled);
    for (const number of [second, third]) expect(await dateAdjusted(number)).toHaveLength(1);
    expect(await allEmailRows(numbers)).toEqual(emailed);
    expect(await dateMails()).toEqual(caught);
  }, 300_000);
});
