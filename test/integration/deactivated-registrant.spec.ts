import { Role } from '../../src/identity/role.enum';
import { sentExactly } from '../support/caught-mail';
import { gql } from '../support/integration-harness';
import { useWorldWithWorker } from '../support/world-with-worker';

// QA S62 #1, L3-11: a client user deactivated while registrant of an open ticket got every email
// of it no more, and nobody at the client was told. While the registrant is inactive the client's
// active approvers get the ticket's client-facing emails instead: the email that really reached
// the SMTP catcher, once per address (the approver is a participant too), none to the registrant.

const PASSWORD = 'registrante-largo-1';
const COMMENT = `mutation ($number: String!, $body: String!) { addComment(number: $number, body: $body) { seq } }`;
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) { setUserActive(userId: $userId, active: $active) { id active } }`;
const APPROVER = 'aprobador@aurora.example';

describe('a deactivated registrant (QA S62 #1, L3-11)', () => {
  const world = useWorldWithWorker('deactivated-registrant');
  const unique = `${process.pid}-${Date.now()}`;

  it("the client's approvers get the ticket's emails once each while the registrant is inactive", async () => {
    // A client user of Aurora who registers a ticket, then leaves.
    const email = `saliente-${unique}@aurora.example`;
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds['comercializadora-aurora'],
          email,
          displayName: 'Sara Saliente',
          roles: [Role.CLIENT_USER],
          temporaryPassword: PASSWORD,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const leaverId = created.body.data!.createUser.id;
    const login = await gql<{ login: { token: string } }>(
      world.api,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      { email, password: PASSWORD },
    );
    expect(login.body.errors).toBeUndefined();
    const registered = await gql<{ registerTicket: { number: string } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: {
          category: 'DEVELOPMENT',
          subject: 'Reporte de ventas',
          description: 'Un reporte de ventas por zona.',
        },
      },
      { authorization: `Bearer ${login.body.data!.login.token}` },
    );
    expect(registered.body.errors).toBeUndefined();
    const number = registered.body.data!.registerTicket.number;
    // The approver also follows the ticket: a stand-in and a participant still gets one copy.
    const [{ id: approverId }] = await world.db.query<{ id: string }[]>(
      'SELECT id FROM app_user WHERE email = $1',
      [APPROVER],
    );
    const added = await gql(
      world.api,
      `mutation ($input: TicketParticipantInput!) { addTicketParticipant(input: $input) { id } }`,
      { input: { number, userId: approverId } },
      world.bearer(Role.AGENT),
    );
    expect(added.body.errors).toBeUndefined();

    const rows = (seen: readonly string[]) => () =>
      world.db.query<{ event_key: string; status: string; message_id: string }[]>(
        `SELECT event_key, status, message_id FROM email_outbox
          WHERE event_type = 'COMMENT_ADDED' AND ticket_number = $1
            AND NOT (event_key = ANY($2::text[]))
          ORDER BY recipient_address`,
        [number, seen],
      );
    const comment = async (text: string) => {
      const { body } = await gql(
        world.api,
        COMMENT,
        { number, body: text },
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
    };

    // Active: the registrant and the participant, one each.
    await comment('Revisamos el reporte.');
    const before = await sentExactly(rows([]), 2);
    expect(before.map((m) => m.to).sort()).toEqual([[APPROVER], [email]].sort());
    const seen = [...new Set((await rows([])()).map((r) => r.event_key))];

    const off = await gql<{ setUserActive: { active: boolean } }>(
      world.api,
      SET_ACTIVE,
      { userId: leaverId, active: false },
      world.bearer(Role.ADMIN),
    );
    expect(off.body.errors).toBeUndefined();
    expect(off.body.data!.setUserActive.active).toBe(false);

    // Inactive: the approver, once; nothing to the registrant (every copy of the comment counted).
    await comment('El reporte ya está listo.');
    const after = await sentExactly(rows(seen), 1);
    expect(after.map((m) => m.to)).toEqual([[APPROVER]]);
    expect(after[0].text).toContain(`comentó en el ticket ${number}.`);
    expect(after[0].text).toContain('El reporte ya está listo.');
  });
});
