import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Role } from '../../src/identity/role.enum';
import { LiveUpdatesService } from '../../src/live/live-updates.service';
import { gql, startWorker, type RunningWorker } from '../support/integration-harness';
import { liveClients, type LiveSubscription, until } from '../support/live-client';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';
import { TULUM_ORG } from '../support/demo-contract';

// Issue 5 item 8: `ticketChanged` over graphql-ws, fed by PostgreSQL LISTEN on `ticket_changed`
// (which the real worker's projection notifies), authenticated by the connection_init payload,
// and limited to the subscriber's organization.

interface Change {
  number: string;
  organizationId: string;
  state: string;
  slaStatus: string;
  nextDeadline: string | null;
}
type Received = LiveSubscription<Change>;

const SUBSCRIPTION = `subscription ($number: String) {
  ticketChanged(number: $number) { number organizationId state slaStatus nextDeadline }
}`;

describe('Live ticket updates over graphql-ws', () => {
  let world: SeededWorld;
  let worker: RunningWorker;
  let bundle: WorkflowBundleWithSourceMap;
  let running: Promise<void>;
  const live = liveClients(() => world.api);
  const taskQueue = `live-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    installQuietRuntime();
    bundle = await bundleWorkflows();
    world = await createSeededWorld('live', { TEMPORAL_TASK_QUEUE: taskQueue });
    worker = await startWorker(bundle, world.config);
    running = worker.worker.run();
  });
  afterAll(async () => {
    await live.disposeAll();
    if (worker) {
      worker.worker.shutdown();
      await running;
      await worker.close();
    }
    await world?.close();
  });

  const feed = () => world.api.app.get(LiveUpdatesService);
  const subscribe = (auth?: Record<string, string>, number?: string): Received =>
    live.connect(auth).subscribe(SUBSCRIPTION, number ? { number } : {});

  /** A ticket of the client user's organization (Aurora's unless `organization` is given). */
  async function registerTicket(organization?: string): Promise<string> {
    const { body } = await gql<{ registerTicket: { number: string } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: {
          category: 'DEVELOPMENT',
          subject: 'Facturas sin timbrar',
          description: 'Las facturas de hoy no se timbran.',
        },
      },
      world.bearer(Role.CLIENT_USER, organization),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.registerTicket.number;
  }

  it("delivers a transition to the ticket's organization and to staff, never to another organization", async () => {
    const number = await registerTicket();
    const before = feed().subscriberCount;
    const own = subscribe(world.bearer(Role.CLIENT_USER), number);
    const ownAll = subscribe(world.bearer(Role.CLIENT_APPROVER));
    const staff = subscribe(world.bearer(Role.MANAGER));
    const other = subscribe(world.bearer(Role.CLIENT_USER, TULUM_ORG));
    // A subscription counts from its first line; it is live once the LISTEN connection is up.
    await until(
      () => feed().subscriberCount === before + 4 && feed().connected,
      'four subscriptions, listening',
    );

    const classified = await gql(
      world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { ticket { state } } }`,
      { input: { number, classification: 'PROBLEM' } },
      world.bearer(Role.AGENT),
    );
    expect(classified.body.errors).toBeUndefined();

    const inAnalysis = (r: Received) =>
      r.values.find((c) => c.number === number && c.state === 'IN_ANALYSIS');
    await until(() => !!inAnalysis(own) && !!inAnalysis(ownAll) && !!inAnalysis(staff), 'events');
    expect(inAnalysis(own)).toMatchObject({
      number,
      organizationId: world.orgIds['comercializadora-aurora'],
      state: 'IN_ANALYSIS',
      slaStatus: expect.any(String) as string,
    });
    expect(Date.parse(inAnalysis(own)!.nextDeadline!)).toBeGreaterThan(Date.now() - 60_000);
    expect(own.values.every((c) => c.number === number)).toBe(true);

    // A change of Tulum's made after it: once Tulum's client heard that, it holds whatever it
    // would (wrongly) have got of Aurora's «En análisis». The feed reads the ticket's row once per
    // notification, on the pool's connections, so two notifications' deliveries may swap; but
    // this one was delivered before the mark is written (staff heard it, and one `deliver` pushes
    // to every subscriber at once), and one subscriber's queue and socket keep their order. Any
    // other change of Aurora's ticket still in flight goes through the same organization filter.
    const mark = await registerTicket(TULUM_ORG);
    await until(() => other.values.some((c) => c.number === mark), "Tulum's own change");
    expect(new Set(other.values.map((c) => c.organizationId))).toEqual(
      new Set([world.orgIds['grupo-industrial-tulum']]),
    );
    expect(other.errors).toEqual([]);
    for (const r of [own, ownAll, staff, other]) expect(r.errors).toEqual([]);

    // Unsubscribing removes the subscriber.
    for (const r of [own, ownAll, staff, other]) r.close();
    await until(() => feed().subscriberCount === before, 'unsubscribe');
  });

  it("refuses another organization's ticket (NOT_FOUND) and an anonymous subscriber (UNAUTHENTICATED)", async () => {
    const number = await registerTicket();
    const foreign = subscribe(world.bearer(Role.CLIENT_USER, TULUM_ORG), number);
    const anonymous = subscribe();
    await Promise.all([foreign.done, anonymous.done]);
    expect(foreign.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(anonymous.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(foreign.values).toEqual([]);
  });

  it('applies the query limits to subscriptions too (VALIDATION_FAILED)', async () => {
    const bad = live
      .connect(world.bearer(Role.MANAGER))
      .subscribe('subscription { ticketChanged { nope } }');
    await bad.done;
    expect(bad.errors.map((e) => e.extensions?.code)).toEqual(['VALIDATION_FAILED']);
  });
});
