import { Role } from '../../src/identity/role.enum';
import { LiveUpdatesService } from '../../src/live/live-updates.service';
import { eventuallyHeld } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { liveClients, type LiveSubscription } from '../support/live-client';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { registerTicket } from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// L3-11 (communication on the ticket) and L3-04 (a client sees its own organization only): a file
// attached to or deleted from a ticket notifies `ticket_changed` in its transaction, so the
// `ticketChanged` subscribers of that ticket's organization (and provider staff) hear of it over
// graphql-ws; another organization's subscriber does not.
//
// No worker runs here: the tickets are registered but never projected, so the attachment routes
// are the only thing that notifies, and every change a subscriber receives comes from them.

const AURORA = AURORA_ORG;
const TULUM = TULUM_ORG;
const SUBSCRIPTION = `subscription ($number: String) {
  ticketChanged(number: $number) { number organizationId state }
}`;
const DELETE = `mutation ($id: ID!) { deleteAttachment(id: $id) { id deletedAt } }`;

interface Change {
  number: string;
  organizationId: string;
  state: string;
}
/** One subscription as a client sees it. */
type Feed = LiveSubscription<Change>;

describe('Attachments notify the live feed of their ticket (L3-11, L3-04)', () => {
  let world: SeededWorld;
  const clients = liveClients(() => world.api);

  beforeAll(async () => {
    // A task queue no worker polls: the registrations' workflows never project anything.
    world = await createSeededWorld('live_attachments', {
      TEMPORAL_TASK_QUEUE: `live-attachments-${process.pid}-${Date.now()}`,
    });
  });
  afterAll(async () => {
    await clients.disposeAll();
    await world?.close();
  });

  const live = () => world.api.app.get(LiveUpdatesService);
  const numbers = (feed: Feed) => feed.values.map((c) => c.number);

  /** Subscribes over a graphql-ws connection of its own, as the web app does. */
  const subscribe = (
    headers: Record<string, string>,
    number?: string,
    query = SUBSCRIPTION,
  ): Feed => clients.connect(headers).subscribe<Change>(query, number ? { number } : {});

  async function upload(
    number: string,
    name: string,
    headers: Record<string, string>,
    internal = false,
  ) {
    const form = new FormData();
    if (internal) form.append('internal', 'true');
    form.append('file', new Blob([`${name}: PAC timeout\n`], { type: 'text/plain' }), name);
    const res = await fetch(`${world.api.url}/api/tickets/${number}/attachments`, {
      method: 'POST',
      headers,
      body: form,
    });
    const body = (await res.json()) as { id: string };
    expect(res.status).toBe(201);
    return body.id;
  }

  async function remove(id: string, headers: Record<string, string>): Promise<void> {
    const { body } = await gql(world.api, DELETE, { id }, headers);
    expect(body.errors).toBeUndefined();
  }

  it("an upload or a deletion reaches the ticket's organization and staff, never another organization", async () => {
    const aurora = await registerTicket(world, {}, AURORA);
    const tulum = await registerTicket(world, {}, TULUM);
    const auroraId = world.orgIds['comercializadora-aurora'];

    const before = live().subscriberCount;
    const ticketFeed = subscribe(world.bearer(Role.CLIENT_USER, AURORA), aurora);
    const ownOrg = subscribe(world.bearer(Role.CLIENT_APPROVER, AURORA));
    const staff = subscribe(world.bearer(Role.MANAGER));
    const otherOrg = subscribe(world.bearer(Role.CLIENT_USER, TULUM));
    await eventuallyHeld(
      () => live().subscriberCount === before + 4 && live().connected,
      (ready) => ready,
    );

    // The agent attaches a file to Aurora's ticket.
    const agentFile = await upload(aurora, 'bitacora.log', world.bearer(Role.AGENT));
    await eventuallyHeld(
      () => [ticketFeed, ownOrg, staff].map(numbers),
      (seen) => seen.every((n) => n.length === 1),
    );
    for (const feed of [ticketFeed, ownOrg, staff]) {
      expect(feed.values).toEqual([
        { number: aurora, organizationId: auroraId, state: 'REGISTERED' },
      ]);
    }

    // Tulum's client attaches one to its own ticket. Aurora's change was delivered before this
    // upload was sent, so had Tulum's subscriber been told of it, it would have arrived first.
    await upload(tulum, 'tulum.log', world.bearer(Role.CLIENT_USER, TULUM));
    await eventuallyHeld(
      () => [numbers(otherOrg), numbers(staff)],
      ([other, all]) => other.length === 1 && all.length === 2,
    );
    expect(numbers(otherOrg)).toEqual([tulum]);
    expect(numbers(staff)).toEqual([aurora, tulum]);

    // The agent deletes the file: one more change of Aurora's ticket; deleting it again changes
    // nothing and notifies nothing (the next upload's change is the third, not the fourth).
    await remove(agentFile, world.bearer(Role.AGENT));
    await eventuallyHeld(
      () => [ticketFeed, ownOrg].map(numbers),
      (seen) => seen.every((n) => n.length === 2),
    );
    await remove(agentFile, world.bearer(Role.AGENT));
    await upload(aurora, 'segunda.log', world.bearer(Role.CLIENT_USER, AURORA));
    await eventuallyHeld(
      () => [ticketFeed, ownOrg].map(numbers),
      (seen) => seen.every((n) => n.length === 3),
    );
    // Tulum's client deletes its file: after that change, still nothing of Aurora's reached it.
    const [{ id: tulumFile }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM ticket_attachment WHERE ticket_number = $1`,
      [tulum],
    );
    await remove(tulumFile, world.bearer(Role.CLIENT_USER, TULUM));
    await eventuallyHeld(
      () => [numbers(otherOrg), numbers(staff)],
      ([other, all]) => other.length === 2 && all.length >= 5,
    );

    expect(numbers(staff)).toEqual([aurora, tulum, aurora, aurora, tulum]);
    expect(numbers(ticketFeed)).toEqual([aurora, aurora, aurora]);
    expect(numbers(ownOrg)).toEqual([aurora, aurora, aurora]);
    expect(numbers(otherOrg)).toEqual([tulum, tulum]);
    for (const feed of [ticketFeed, ownOrg, staff, otherOrg]) expect(feed.errors).toEqual([]);
  });
  it('an internal file tells a client only that its ticket changed: no file data travels (L3-11)', async () => {
    // What a `ticketChanged` event may carry: the ticket's own facts, never a file's. A field
    // added to TicketChange later must be weighed here.
    const { body: schema } = await gql<{ __type: { fields: { name: string }[] } }>(
      world.api,
      '{ __type(name: "TicketChange") { fields { name } } }',
      {},
      world.bearer(Role.CLIENT_USER, AURORA),
    );
    expect(schema.data!.__type.fields.map((f) => f.name).sort()).toEqual([
      'nextDeadline',
      'number',
      'organizationId',
      'slaStatus',
      'state',
      'updatedAt',
    ]);
    const number = await registerTicket(world, {}, AURORA);
    const before = live().subscriberCount;
    const everything = `subscription ($number: String) {
      ticketChanged(number: $number) {
        __typename number organizationId state slaStatus nextDeadline updatedAt } }`;
    const client = subscribe(world.bearer(Role.CLIENT_USER, AURORA), number, everything);
    await eventuallyHeld(
      () => live().subscriberCount === before + 1 && live().connected,
      (ready) => ready,
    );
    const id = await upload(number, 'volcado-interno.log', world.bearer(Role.AGENT), true);
    await eventuallyHeld(
      () => numbers(client),
      (n) => n.length === 1,
    );
    const told = JSON.stringify(client.values);
    expect(told).not.toContain('volcado');
    expect(told).not.toContain(id);
    expect(client.errors).toEqual([]);
  });
});
