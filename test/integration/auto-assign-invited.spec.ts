import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-07 (QA S50): «Asignar a: Automático (el agente con menos carga)» handed a ticket to an agent
// invited minutes before, who had not chosen a password and could not sign in. The automatic
// assignment now takes only the agents who can sign in; an invited one joins once their
// invitation is used. Real API, PostgreSQL, Temporal and worker.

const CLASSIFY = `mutation ($input: ClassifyTicketInput!) {
  classifyTicket(input: $input) { ticket { state assigneeId } } }`;

describe('Automatic assignment leaves out an agent who cannot sign in yet (L3-07)', () => {
  const world = useWorldWithWorker('auto_assign_invited');

  it('an invited agent without a password gets no ticket; once the invitation is used, the least-loaded does', async () => {
    const [provider] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE kind = 'PROVIDER' LIMIT 1`,
    );
    // Invited: no temporary password, so a link to choose one is emailed.
    const invited = await gql<{ createUser: { id: string; invitationPending: boolean } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id invitationPending } }`,
      {
        input: {
          organizationId: provider.id,
          email: `invitada-${Date.now()}@becken.example`,
          displayName: 'Ángela Invitada',
          roles: ['AGENT'],
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(invited.body.errors).toBeUndefined();
    const newcomer = invited.body.data!.createUser;
    expect(newcomer.invitationPending).toBe(true);

    const classify = async () => {
      const number = await registerProjectedTicket(world);
      const { body } = await gql<{ classifyTicket: { ticket: { assigneeId: string } } }>(
        world.api,
        CLASSIFY,
        { input: { number, classification: 'PROBLEM' } },
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.classifyTicket.ticket.assigneeId;
    };
    // Two problems: the newcomer has the least load (none) both times, yet neither is theirs.
    const first = await classify();
    const second = await classify();
    expect(first).not.toBe(newcomer.id);
    expect(second).toBe(first);

    // The invitation used (the password chosen): the newcomer, with no ticket, gets the next one.
    await world.db.query(`UPDATE password_link SET used_at = now() WHERE user_id = $1`, [
      newcomer.id,
    ]);
    expect(await classify()).toBe(newcomer.id);
  });
});
