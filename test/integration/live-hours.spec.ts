import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../../src/identity/role.enum';
import { HoursChangesService } from '../../src/live/hours-changes.service';
import { gql } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-13, L3-12: a client sees its hours left live. `hoursChanged` over graphql-ws, fed by the
// ledger's `hours_changed` NOTIFY (sent in the write's transaction, heard on commit), limited to the
// subscriber's organisation as the hours queries are.

interface Received {
  changes: { organizationId: string }[];
  errors: { message: string; extensions?: { code?: string } }[];
  done: Promise<void>;
  dispose(): void;
}

const SUBSCRIPTION = `subscription ($organizationId: ID) {
  hoursChanged(organizationId: $organizationId) { organizationId }
}`;
const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) { id } }`;
const ADJUST = `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`;
const today = new Date().toISOString().slice(0, 10);

describe('Live hours updates over graphql-ws (L3-13, L3-12)', () => {
  let world: SeededWorld;
  let aurora: string;
  let tulum: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    world = await createSeededWorld('livehours');
    aurora = world.orgIds['comercializadora-aurora'];
    tulum = world.orgIds['grupo-industrial-tulum'];
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await world?.close();
  });

  const hours = () => world.api.app.get(HoursChangesService);

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

  function subscribe(client: Client, organizationId?: string): Received {
    const received: Received = {
      changes: [],
      errors: [],
      done: Promise.resolve(),
      dispose: () => undefined,
    };
    received.done = new Promise<void>((resolve) => {
      received.dispose = client.subscribe<{ hoursChanged: { organizationId: string } }>(
        { query: SUBSCRIPTION, variables: organizationId ? { organizationId } : {} },
        {
          next: (result) => {
            if (result.data?.hoursChanged) received.changes.push(result.data.hoursChanged);
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

  it("delivers one event per ledger write to the client's organisation and to staff, none to another client", async () => {
    const before = hours().subscriberCount;
    const own = subscribe(connect(world.bearer(Role.CLIENT_USER)));
    const ownOne = subscribe(connect(world.bearer(Role.CLIENT_APPROVER)), aurora);
    const staff = subscribe(connect(world.bearer(Role.MANAGER)));
    const staffTulum = subscribe(connect(world.bearer(Role.MANAGER)), tulum);
    const other = subscribe(connect(world.bearer(Role.CLIENT_USER, 'Grupo Industrial Tulum')));
    await until(
      () => hours().subscriberCount === before + 5 && hours().connected,
      'five subscriptions, listening',
    );

    const bought = await gql(
      world.api,
      PURCHASE,
      {
        input: {
          organizationId: aurora,
          hours: 10,
          purchasedOn: today,
          reference: 'FAC-LIVE-1',
          price: 5000,
        },
      },
      world.bearer(Role.MANAGER),
    );
    expect(bought.body.errors).toBeUndefined();
    await until(() => own.changes.length === 1 && ownOne.changes.length === 1, 'the purchase');

    const adjusted = await gql(
      world.api,
      ADJUST,
      { input: { organizationId: aurora, hours: -1.5, reason: 'Horas de cortesía mal cargadas' } },
      world.bearer(Role.MANAGER),
    );
    expect(adjusted.body.errors).toBeUndefined();
    await until(
      () => own.changes.length === 2 && ownOne.changes.length === 2 && staff.changes.length === 2,
      'the adjustment',
    );
    for (const r of [own, ownOne, staff]) {
      expect(r.changes).toEqual([{ organizationId: aurora }, { organizationId: aurora }]);
    }

    // A refused write (no reason) writes nothing and notifies nothing.
    const refused = await gql(
      world.api,
      ADJUST,
      { input: { organizationId: aurora, hours: 1, reason: '' } },
      world.bearer(Role.MANAGER),
    );
    expect(refused.body.errors).toBeDefined();

    // Give the other organisation's client every chance to (wrongly) receive them.
    await new Promise((r) => setTimeout(r, 500));
    expect(other.changes).toEqual([]);
    expect(staffTulum.changes).toEqual([]);
    expect(own.changes).toHaveLength(2);
    for (const r of [own, ownOne, staff, staffTulum, other]) expect(r.errors).toEqual([]);

    for (const r of [own, ownOne, staff, staffTulum, other]) r.dispose();
    await until(() => hours().subscriberCount === before, 'unsubscribe');
  });

  it("refuses another client's organisation (NOT_FOUND) and an anonymous subscriber (UNAUTHENTICATED)", async () => {
    const foreign = subscribe(
      connect(world.bearer(Role.CLIENT_USER, 'Grupo Industrial Tulum')),
      aurora,
    );
    const anonymous = subscribe(connect());
    await Promise.all([foreign.done, anonymous.done]);
    expect(foreign.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(anonymous.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(foreign.changes).toEqual([]);
  });
});
