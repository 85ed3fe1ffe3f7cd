import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../../src/identity/role.enum';
import { LiveUpdatesService } from '../../src/live/live-updates.service';
import { gql, startWorker, type RunningWorker } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';

// Issue 5 item 8: `ticketChanged` over graphql-ws, fed by PostgreSQL LISTEN on `ticket_changed`
// (which the real worker's projection notifies), authenticated by the connection_init payload,
// and limited to the subscriber's organisation.

interface Change {
  number: string;
  organizationId: string;
  state: string;
  slaStatus: string;
  nextDeadline: string | null;
}
interface Received {
  changes: Change[];
  errors: { message: string; extensions?: { code?: string } }[];
  done: Promise<void>;
  dispose(): void;
}

const SUBSCRIPTION = `subscription ($number: String) {
  ticketChanged(number: $number) { number organizationId state slaStatus nextDeadline }
}`;

describe('Live ticket updates over graphql-ws', () => {
  let world: SeededWorld;
  let worker: RunningWorker;
  let bundle: WorkflowBundleWithSourceMap;
  let running: Promise<void>;
  const clients: Client[] = [];
  const taskQueue = `live-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    installQuietRuntime();
    bundle = await bundleWorkflows();
    world = await createSeededWorld('live', { TEMPORAL_TASK_QUEUE: taskQueue });
    worker = await startWorker(bundle, world.config);
    running = worker.worker.run();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    if (worker) {
      worker.worker.shutdown();
      await running;
      await worker.close();
    }
    await world?.close();
  });

  const live = () => world.api.app.get(LiveUpdatesService);

  function connect(headers?: Record<string, string>): Client {
    const client = createClient({
      url: `${world.api.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: headers ? { authorization: headers.authorization } : {},
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    return client;
  }

  function subscribe(client: Client, number?: string): Received {
    const received: Received = {
      changes: [],
      errors: [],
      done: Promise.resolve(),
      dispose: () => undefined,
    };
    received.done = new Promise<void>((resolve) => {
      received.dispose = client.subscribe<{ ticketChanged: Change }>(
        { query: SUBSCRIPTION, variables: number ? { number } : {} },
        {
          next: (result) => {
            if (result.data?.ticketChanged) received.changes.push(result.data.ticketChanged);
            for (const e of result.errors ?? []) received.errors.push(e);
          },
          error: (err) => {
            const list = Array.isArray(err) ? err : [err];
            for (const e of list) received.errors.push(e as Received['errors'][0]);
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
    return received;
  }

  async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function registerTicket(): Promise<string> {
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
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.registerTicket.number;
  }

  it("delivers a transition to the ticket's organisation and to staff, never to another organisation", async () => {
    const number = await registerTicket();
    const before = live().subscriberCount;
    const own = subscribe(connect(world.bearer(Role.CLIENT_USER)), number);
    const ownAll = subscribe(connect(world.bearer(Role.CLIENT_APPROVER)));
    const staff = subscribe(connect(world.bearer(Role.MANAGER)));
    const other = subscribe(connect(world.bearer(Role.CLIENT_USER, 'Grupo Industrial Tulum')));
    // A subscription counts from its first line; it is live once the LISTEN connection is up.
    await until(
      () => live().subscriberCount === before + 4 && live().connected,
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
      r.changes.find((c) => c.number === number && c.state === 'IN_ANALYSIS');
    await until(() => !!inAnalysis(own) && !!inAnalysis(ownAll) && !!inAnalysis(staff), 'events');
    expect(inAnalysis(own)).toMatchObject({
      number,
      organizationId: world.orgIds['comercializadora-aurora'],
      state: 'IN_ANALYSIS',
      slaStatus: expect.any(String) as string,
    });
    expect(Date.parse(inAnalysis(own)!.nextDeadline!)).toBeGreaterThan(Date.now() - 60_000);
    expect(own.changes.every((c) => c.number === number)).toBe(true);

    // Give the other organisation's client every chance to (wrongly) receive it.
    await new Promise((r) => setTimeout(r, 500));
    expect(other.changes).toEqual([]);
    expect(other.errors).toEqual([]);
    for (const r of [own, ownAll, staff, other]) expect(r.errors).toEqual([]);

    // Unsubscribing removes the subscriber.
    for (const r of [own, ownAll, staff, other]) r.dispose();
    await until(() => live().subscriberCount === before, 'unsubscribe');
  });

  it("refuses another organisation's ticket (NOT_FOUND) and an anonymous subscriber (UNAUTHENTICATED)", async () => {
    const number = await registerTicket();
    const foreign = subscribe(
      connect(world.bearer(Role.CLIENT_USER, 'Grupo Industrial Tulum')),
      number,
    );
    const anonymous = subscribe(connect());
    await Promise.all([foreign.done, anonymous.done]);
    expect(foreign.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(anonymous.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(foreign.changes).toEqual([]);
  });

  it('applies the query limits to subscriptions too (VALIDATION_FAILED)', async () => {
    const client = connect(world.bearer(Role.MANAGER));
    const bad = await new Promise<unknown[]>((resolve) => {
      client.subscribe(
        { query: 'subscription { ticketChanged { nope } }' },
        {
          next: () => undefined,
          error: (err) => resolve(Array.isArray(err) ? err : [err]),
          complete: () => resolve([]),
        },
      );
    });
    expect((bad as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code)).toEqual([
      'VALIDATION_FAILED',
    ]);
  });
});
