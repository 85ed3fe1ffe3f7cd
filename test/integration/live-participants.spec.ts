import { Role } from '../../src/identity/role.enum';
import { LiveUpdatesService } from '../../src/live/live-updates.service';
import { eventuallyHeld } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { liveClients, type LiveSubscription } from '../support/live-client';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { registerTicket } from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// L3-11 (S19 participants; S20): adding or removing a ticket's participant notifies
// `ticket_changed` in its transaction, so a page open on the ticket (its «Participantes» list and
// history) refreshes when someone else changes them. An add or removal that changes nothing
// notifies nothing; another organization's subscriber hears nothing.
//
// No worker runs here: the tickets are registered but never projected, so the participant
// mutations are the only thing that notifies.

const AURORA = AURORA_ORG;
const TULUM = TULUM_ORG;
const SUBSCRIPTION = `subscription ($number: String) { ticketChanged(number: $number) { number } }`;
const ADD = `mutation ($input: TicketParticipantInput!) { addTicketParticipant(input: $input) { id } }`;
const REMOVE = `mutation ($input: TicketParticipantInput!) { removeTicketParticipant(input: $input) { id } }`;

describe('Participant changes notify the live feed of their ticket (L3-11)', () => {
  let world: SeededWorld;
  const clients = liveClients(() => world.api);

  beforeAll(async () => {
    world = await createSeededWorld('live_participants', {
      TEMPORAL_TASK_QUEUE: `live-participants-${process.pid}-${Date.now()}`,
    });
  });
  afterAll(async () => {
    await clients.disposeAll();
    await world?.close();
  });

  const live = () => world.api.app.get(LiveUpdatesService);
  const numbers = (feed: LiveSubscription<{ number: string }>) => feed.values.map((c) => c.number);
  const subscribe = (headers: Record<string, string>, number?: string) =>
    clients.connect(headers).subscribe<{ number: string }>(SUBSCRIPTION, number ? { number } : {});

  async function change(mutation: string, number: string, userId: string): Promise<void> {
    const { body } = await gql(
      world.api,
      mutation,
      { input: { number, userId } },
      world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
  }

  it("an add and a removal reach the ticket's page and staff; one that changes nothing does not", async () => {
    const aurora = await registerTicket(world, {}, AURORA);
    const tulum = await registerTicket(world, {}, TULUM);
    const [{ id: approverId }] = await world.db.query<{ id: string }[]>(
      `SELECT u.id FROM app_user u JOIN organization o ON o.id = u.organization_id
        WHERE o.name = $1 AND 'CLIENT_APPROVER' = ANY(u.roles) ORDER BY u.email LIMIT 1`,
      [AURORA],
    );
    const [{ id: tulumUserId }] = await world.db.query<{ id: string }[]>(
      `SELECT u.id FROM app_user u JOIN organization o ON o.id = u.organization_id
        WHERE o.name = $1 AND 'CLIENT_USER' = ANY(u.roles) ORDER BY u.email LIMIT 1`,
      [TULUM],
    );

    const before = live().subscriberCount;
    const page = subscribe(world.bearer(Role.CLIENT_USER, AURORA), aurora);
    const staff = subscribe(world.bearer(Role.MANAGER));
    const otherOrg = subscribe(world.bearer(Role.CLIENT_USER, TULUM));
    await eventuallyHeld(
      () => live().subscriberCount === before + 3 && live().connected,
      (ready) => ready,
    );

    await change(ADD, aurora, approverId);
    await eventuallyHeld(
      () => [page, staff].map(numbers),
      (seen) => seen.every((n) => n.length === 1),
    );
    // Added again: nothing changed. Then removed, then removed again (nothing), then Tulum's
    // ticket gains its own participant: had the repeats notified, they would have arrived before.
    await change(ADD, aurora, approverId);
    await change(REMOVE, aurora, approverId);
    await change(REMOVE, aurora, approverId);
    await change(ADD, tulum, tulumUserId);
    await eventuallyHeld(
      () => [numbers(staff), numbers(otherOrg)],
      ([all, other]) => all.length >= 3 && other.length >= 1,
    );

    expect(numbers(page)).toEqual([aurora, aurora]);
    expect(numbers(staff)).toEqual([aurora, aurora, tulum]);
    expect(numbers(otherOrg)).toEqual([tulum]);
    for (const feed of [page, staff, otherOrg]) expect(feed.errors).toEqual([]);
  });
});
