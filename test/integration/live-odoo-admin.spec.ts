import { Role } from '../../src/identity/role.enum';
import { LiveUpdatesService } from '../../src/live/live-updates.service';
import { eventuallyHeld } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { liveClients, type LiveSubscription } from '../support/live-client';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { registerTicket } from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// L3-16: an open admin-action ticket's page warns provider staff while the client keeps no
// confirmed Odoo admin user for the provider (the policy's odooAdminMissing). Recording or clearing
// it in a way that flips that flag notifies `ticket_changed` for each open ADMIN_ACTION ticket of
// the organization, in the same transaction, so an open page re-reads the warning. A save that
// changes nothing (f27f112), or that leaves the flag as it was, notifies nothing; no other ticket
// of the organization and no ticket of another organization is notified.
//
// No worker runs here: the tickets are registered but never projected, so the policy changes are
// the only thing that notifies.

const SUBSCRIPTION = `subscription ($number: String) { ticketChanged(number: $number) { number state } }`;
const ODOO_ADMIN = `mutation ($input: RecordOdooAdminUserInput!) {
  recordOdooAdminUser(input: $input) { odooAdminMissing } }`;

type Change = { number: string; state: string };

describe('Recording the Odoo admin user notifies the open admin-action tickets (L3-16)', () => {
  let world: SeededWorld;
  const clients = liveClients(() => world.api);

  beforeAll(async () => {
    world = await createSeededWorld('live_odoo_admin', {
      TEMPORAL_TASK_QUEUE: `live-odoo-admin-${process.pid}-${Date.now()}`,
    });
  });
  afterAll(async () => {
    await clients.disposeAll();
    await world?.close();
  });

  const live = () => world.api.app.get(LiveUpdatesService);
  const numbers = (feed: LiveSubscription<Change>) => feed.values.map((c) => c.number);
  const subscribe = (headers: Record<string, string>, number?: string) =>
    clients.connect(headers).subscribe<Change>(SUBSCRIPTION, number ? { number } : {});

  async function record(
    slug: string,
    login: string | null,
    confirmed = true,
    role = Role.MANAGER,
  ): Promise<boolean> {
    const { body } = await gql<{ recordOdooAdminUser: { odooAdminMissing: boolean } }>(
      world.api,
      ODOO_ADMIN,
      { input: { organizationId: world.orgIds[slug], login, confirmed } },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.recordOdooAdminUser.odooAdminMissing;
  }

  it('a flip of odooAdminMissing reaches the open admin-action tickets of that client only; a save that changes nothing does not', async () => {
    const adminAction = { category: 'ADMIN_ACTION', subject: 'Respaldo de producción' };
    const aurora = await registerTicket(world, adminAction, AURORA_ORG);
    const auroraClosed = await registerTicket(world, adminAction, AURORA_ORG);
    const auroraOther = await registerTicket(world, {}, AURORA_ORG);
    const tulum = await registerTicket(world, adminAction, TULUM_ORG);
    // A closed admin-action ticket (no worker here to close it: the read model says so directly).
    await world.db.query(`UPDATE ticket SET state = 'CLOSED' WHERE number = $1`, [auroraClosed]);
    // Neither client keeps an Odoo admin user, whatever the seed says (before anyone listens).
    expect(await record('comercializadora-aurora', null)).toBe(true);
    expect(await record('grupo-industrial-tulum', null)).toBe(true);

    const before = live().subscriberCount;
    const staff = subscribe(world.bearer(Role.AGENT));
    const page = subscribe(world.bearer(Role.CLIENT_USER, AURORA_ORG), aurora);
    const otherOrg = subscribe(world.bearer(Role.CLIENT_USER, TULUM_ORG));
    await eventuallyHeld(
      () => live().subscriberCount === before + 3 && live().connected,
      (ready) => ready,
    );

    // Recorded but not confirmed: still missing, nothing to tell. Confirmed: the warning goes.
    expect(await record('comercializadora-aurora', 'admin@aurora.example', false)).toBe(true);
    expect(await record('comercializadora-aurora', 'admin@aurora.example')).toBe(false);
    await eventuallyHeld(
      () => numbers(staff),
      (seen) => seen.length === 1,
    );
    // Saved again (a no-op), then another confirmed login (still not missing): nothing. Then
    // cleared by an admin (the warning comes back), then Tulum's confirmed: had the first two
    // notified, they would have arrived before these.
    expect(await record('comercializadora-aurora', ' admin@aurora.example ')).toBe(false);
    expect(await record('comercializadora-aurora', 'odoo@aurora.example')).toBe(false);
    expect(await record('comercializadora-aurora', null, true, Role.ADMIN)).toBe(true);
    expect(await record('grupo-industrial-tulum', 'admin@tulum.example')).toBe(false);
    await eventuallyHeld(
      () => [numbers(staff), numbers(otherOrg)],
      ([all, other]) => all.length >= 3 && other.length >= 1,
    );

    expect(numbers(staff)).toEqual([aurora, aurora, tulum]);
    expect(numbers(page)).toEqual([aurora, aurora]);
    expect(numbers(otherOrg)).toEqual([tulum]);
    // What a listener gets is the ticket's read model as it was: nothing of the policy.
    expect(page.values).toEqual([
      { number: aurora, state: 'REGISTERED' },
      { number: aurora, state: 'REGISTERED' },
    ]);
    expect(numbers(staff)).not.toContain(auroraOther);
    expect(numbers(staff)).not.toContain(auroraClosed);
    for (const feed of [staff, page, otherOrg]) expect(feed.errors).toEqual([]);
  });
});
