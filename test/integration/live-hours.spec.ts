import { Role } from '../../src/identity/role.enum';
import { HoursChangesService } from '../../src/live/hours-changes.service';
import { calendarToday } from '../support/calendar-month';
import { gql } from '../support/integration-harness';
import { liveClients, type LiveSubscription, until } from '../support/live-client';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';

// L3-13, L3-12: a client sees its hours left live. `hoursChanged` over graphql-ws, fed by the
// ledger's `hours_changed` NOTIFY (sent in the write's transaction, heard on commit), limited to the
// subscriber's organization as the hours queries are. Every kind of ledger write notifies: a
// package bought, an adjustment, an estimate's authorization (its hours reserved, by the real
// worker's activity), time logged on the ticket, a reversal, and the release of what a cancelled
// ticket still held.

const SUBSCRIPTION = `subscription ($organizationId: ID) {
  hoursChanged(organizationId: $organizationId) { organizationId }
}`;
const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) { id } }`;
const ADJUST = `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`;
const LOG_TIME = `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { ledgerEntryId } }`;
const REVERSE = `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) { id kind } }`;
const today = calendarToday();

describe('Live hours updates over graphql-ws (L3-13, L3-12)', () => {
  const live = liveClients(() => world.api);
  // Declared before the world's hooks, so the sockets close before the API does.
  afterAll(() => live.disposeAll());
  const world = useWorldWithWorker('livehours');
  const { estimatedRequirement, act } = ticketJourneys(world);
  let aurora: string;
  let tulum: string;

  beforeAll(() => {
    aurora = world.orgIds['comercializadora-aurora'];
    tulum = world.orgIds['grupo-industrial-tulum'];
  });

  const hours = () => world.api.app.get(HoursChangesService);

  type Received = LiveSubscription<{ organizationId: string }>;
  const subscribe = (auth?: Record<string, string>, organizationId?: string): Received =>
    live.connect(auth).subscribe(SUBSCRIPTION, organizationId ? { organizationId } : {});

  it("delivers one event per ledger write to the client's organization and to staff, none to another client", async () => {
    const before = hours().subscriberCount;
    const own = subscribe(world.bearer(Role.CLIENT_USER));
    const ownOne = subscribe(world.bearer(Role.CLIENT_APPROVER), aurora);
    const staff = subscribe(world.bearer(Role.MANAGER));
    const staffTulum = subscribe(world.bearer(Role.MANAGER), tulum);
    const other = subscribe(world.bearer(Role.CLIENT_USER, TULUM_ORG));
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

    // A write of Tulum's made after them: once its subscribers heard it, every event of the writes
    // above reached every subscriber (one LISTEN connection, delivered in commit order), so what
    // they hold now is all they will ever get of them.
    const mark = await gql(
      world.api,
      ADJUST,
      { input: { organizationId: tulum, hours: 0.25, reason: 'Marca' } },
      world.bearer(Role.MANAGER),
    );
    expect(mark.body.errors).toBeUndefined();
    await Promise.all([other, staffTulum].map((r) => r.received(1)));
    expect(other.values).toEqual([{ organizationId: tulum }]);
    expect(staffTulum.values).toEqual([{ organizationId: tulum }]);
    expect(own.values).toHaveLength(2);
    expect(ownOne.values).toHaveLength(2);
    for (const r of [own, ownOne, staff, staffTulum, other]) expect(r.errors).toEqual([]);

    for (const r of [own, ownOne, staff, staffTulum, other]) r.close();
    await until(() => hours().subscriberCount === before, 'unsubscribe');
  });

  it("refuses another client's organization (NOT_FOUND) and an anonymous subscriber (UNAUTHENTICATED)", async () => {
    const foreign = subscribe(world.bearer(Role.CLIENT_USER, TULUM_ORG), aurora);
    const anonymous = subscribe();
    await Promise.all([foreign.done, anonymous.done]);
    expect(foreign.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(anonymous.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(foreign.values).toEqual([]);
  });

  it('an estimate authorized, time logged on the ticket, a reversal and the cancellation that releases the rest each give exactly one event, to the client only', async () => {
    const before = hours().subscriberCount;
    const own = subscribe(world.bearer(Role.CLIENT_USER));
    const other = subscribe(world.bearer(Role.CLIENT_USER, TULUM_ORG));
    await until(
      () => hours().subscriberCount === before + 2 && hours().connected,
      'two subscriptions, listening',
    );
    /**
     * After a write of Aurora's: once Tulum's client heard a write of Tulum's made after it, every
     * event of Aurora's write reached the subscribers (one LISTEN connection, delivered in commit
     * order), so `own` has exactly what it will ever get of it.
     */
    let marks = 0;
    const settled = async (): Promise<void> => {
      const { body } = await gql(
        world.api,
        ADJUST,
        { input: { organizationId: tulum, hours: 0.25, reason: `Marca ${++marks}` } },
        world.bearer(Role.MANAGER),
      );
      expect(body.errors).toBeUndefined();
      await other.received(marks);
    };

    // Registration, triage and the estimate's submission write nothing to the ledger.
    const number = await estimatedRequirement({ subject: 'Reporte de cobranza', hours: 4 });
    await settled();
    expect(own.values).toHaveLength(0);

    // L3-12: the approver's authorization reserves the estimate's 4 h (the worker's activity).
    await act(
      Role.CLIENT_APPROVER,
      'authorizeEstimate',
      { number, estimateVersion: 1, statement: 'Autorizo 4 h.' },
      'AuthorizeEstimateInput',
    );
    await own.received(1);
    await settled();
    expect(own.values).toHaveLength(1);

    // Time logged on the ticket consumes 1.5 h of the reservation.
    const { body: logged } = await gql<{ logTicketTime: { ledgerEntryId: string } }>(
      world.api,
      LOG_TIME,
      { input: { number, date: today, hours: 1.5, description: 'Consulta de cartera vencida' } },
      world.bearer(Role.AGENT),
    );
    expect(logged.errors).toBeUndefined();
    await own.received(2);
    await settled();
    expect(own.values).toHaveLength(2);

    // A manager reverses that consumption (logged on the wrong ticket).
    const { body: reversed } = await gql<{ reverseHourEntry: { kind: string } }>(
      world.api,
      REVERSE,
      {
        input: {
          entryId: logged.data!.logTicketTime.ledgerEntryId,
          reason: 'Tiempo capturado en el ticket equivocado',
        },
      },
      world.bearer(Role.MANAGER),
    );
    expect(reversed.errors).toBeUndefined();
    expect(reversed.data!.reverseHourEntry.kind).toBe('REVERSAL');
    await own.received(3);
    await settled();
    expect(own.values).toHaveLength(3);

    // The client cancels the ticket: its unused reservation is given back (the worker's activity).
    const cancelled = await act(Role.CLIENT_USER, 'cancelTicket', {
      number,
      note: 'Ya no necesitamos el reporte',
    });
    expect(cancelled.state).toBe('CANCELLED');
    await own.received(4);
    await settled();

    expect(own.values).toEqual(Array.from({ length: 4 }, () => ({ organizationId: aurora })));
    // Tulum's client heard its own marks and nothing of Aurora's.
    expect(other.values).toEqual(Array.from({ length: marks }, () => ({ organizationId: tulum })));
    for (const r of [own, other]) expect(r.errors).toEqual([]);
  });
});
