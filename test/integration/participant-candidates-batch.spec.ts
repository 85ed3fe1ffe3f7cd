import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Role } from '../../src/identity/role.enum';
import { emailsQueued } from '../support/emails-queued';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// L3-11 (S19, review): `Ticket.participantCandidates` (the active client users of the ticket's
// organization, the participant picker's choices) is read per GraphQL request, not per ticket: a
// list of tickets of two organizations asking it sends one statement on app_user for the
// candidates, and each ticket gets its own organization's users. Counted as the statements the
// real API sends while the list is answered. Only whoever may add others (staff, the registrant)
// reads that list; another client user of the organization reads only themselves, the one person
// they may add, not the organization's users and addresses.

const LIST = `query { tickets(first: 100) { items { number participantCandidates { email } } } }`;

interface Answer {
  tickets: { items: { number: string; participantCandidates: { email: string }[] }[] };
}

describe('participantCandidates: one read per request (L3-11)', () => {
  const world = useWorldWithWorker('participant-candidates-batch');

  it("a list of two organizations' tickets: each its organization's users, from one statement", async () => {
    const a = await registerProjectedTicket(world, {});
    const b = await registerProjectedTicket(world, {});
    const c = await registerProjectedTicket(world, {}, TULUM_ORG);
    const activeClientUsers = async (ticket: string) =>
      (
        await world.db.query<{ email: string }[]>(
          `SELECT u.email FROM app_user u JOIN ticket t ON t.organization_id = u.organization_id
            WHERE t.number = $1 AND u.organization_kind = 'CLIENT' AND u.active
            ORDER BY u.email`,
          [ticket],
        )
      ).map((r) => r.email);

    // The worker's email relay is idle: its reads are not the request's.
    await emailsQueued(world.db);
    const query = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    let answer: Answer;
    let candidateReads: number;
    try {
      const { body } = await gql<Answer>(world.api, LIST, {}, world.bearer(Role.AGENT));
      expect(body.errors).toBeUndefined();
      answer = body.data!;
      // The candidates' statement, whether it names one organization or a list of them.
      candidateReads = query.mock.calls.filter(([sql]) =>
        /FROM app_user\s+WHERE organization_id = .*AND organization_kind = \$2 AND active\b/s.test(
          sql,
        ),
      ).length;
    } finally {
      query.mockRestore();
    }

    const emails = (number: string) =>
      answer.tickets.items
        .find((t) => t.number === number)!
        .participantCandidates.map((u) => u.email)
        .sort();
    expect(emails(a)).toEqual(await activeClientUsers(a));
    expect(emails(b)).toEqual(emails(a));
    expect(emails(c)).toEqual(await activeClientUsers(c));
    expect(emails(c)).not.toEqual(emails(a));
    expect(emails(a).length).toBeGreaterThan(0);
    expect(candidateReads).toBe(1);
  });

  it('the registrant reads every active client user; another client user only themselves', async () => {
    const number = await registerProjectedTicket(world, {});
    const candidatesAs = async (role: Role) => {
      const { body } = await gql<{ ticket: { participantCandidates: { email: string }[] } }>(
        world.api,
        `query ($number: String!) { ticket(number: $number) { participantCandidates { email } } }`,
        { number },
        world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.ticket.participantCandidates.map((u) => u.email).sort();
    };
    const approver = world.seed.credentials.find(
      (c) => c.roles.includes(Role.CLIENT_APPROVER) && c.organization === AURORA_ORG,
    )!;
    const everyone = await candidatesAs(Role.CLIENT_USER);
    expect(everyone).toContain(approver.email);
    expect(everyone.length).toBeGreaterThan(1);
    expect(await candidatesAs(Role.CLIENT_APPROVER)).toEqual([approver.email]);
  });
});
