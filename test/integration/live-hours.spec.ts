import { Role } from '../../src/identity/role.enum';
import { HoursChangesService } from '../../src/live/hours-changes.service';
import { gql } from '../support/integration-harness';
import { liveClients, type LiveSubscription, until } from '../support/live-client';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-13, L3-12: a client sees its hours left live. `hoursChanged` over graphql-ws, fed by the
// ledger's `hours_changed` NOTIFY (sent in the write's transaction, heard on commit), limited to the
// subscriber's organisation as the hours queries are.

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
  const live = liveClients(() => world.api);

  beforeAll(async () => {
    world = await createSeededWorld('livehours');
    aurora = world.orgIds['comercializadora-aurora'];
    tulum = world.orgIds['grupo-industrial-tulum'];
  });
  afterAll(async () => {
    await live.disposeAll();
    await world?.close();
  });

  const hours = () => world.api.app.get(HoursChangesService);

  type Received = LiveSubscription<{ organizationId: string }>;
  const subscribe = (auth?: Record<string, string>, organizationId?: string): Received =>
    live.connect(auth).subscribe(SUBSCRIPTION, organizationId ? { organizationId } : {});

  it("delivers one event per ledger write to the client's organisation and to staff, none to another client", async () => {
    const before = hours().subscriberCount;
    const own = subscribe(world.bearer(Role.CLIENT_USER));
    const ownOne = subscribe(world.bearer(Role.CLIENT_APPROVER), aurora);
    const staff = subscribe(world.bearer(Role.MANAGER));
    const staffTulum = subscribe(world.bearer(Role.MANAGER), tulum);
    const other = subscribe(world.bearer(Role.CLIENT_USER, 'Grupo Industrial Tulum'));
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
    await Promise.all([own.received(1), ownOne.received(1)]);

    const adjusted = await gql(
      world.api,
      ADJUST,
      { input: { organizationId: aurora, hours: -1.5, reason: 'Horas de cortesía mal cargadas' } },
      world.bearer(Role.MANAGER),
    );
    expect(adjusted.body.errors).toBeUndefined();
    await Promise.all([own, ownOne, staff].map((r) => r.received(2)));
    for (const r of [own, ownOne, staff]) {
      expect(r.values).toEqual([{ organizationId: aurora }, { organizationId: aurora }]);
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
    expect(other.values).toEqual([]);
    expect(staffTulum.values).toEqual([]);
    expect(own.values).toHaveLength(2);
    for (const r of [own, ownOne, staff, staffTulum, other]) expect(r.errors).toEqual([]);

    for (const r of [own, ownOne, staff, staffTulum, other]) r.close();
    await until(() => hours().subscriberCount === before, 'unsubscribe');
  });

  it("refuses another client's organisation (NOT_FOUND) and an anonymous subscriber (UNAUTHENTICATED)", async () => {
    const foreign = subscribe(world.bearer(Role.CLIENT_USER, 'Grupo Industrial Tulum'), aurora);
    const anonymous = subscribe();
    await Promise.all([foreign.done, anonymous.done]);
    expect(foreign.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(anonymous.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(foreign.values).toEqual([]);
  });
});
