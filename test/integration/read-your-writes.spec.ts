import { Role } from '../../src/identity/role.enum';
import { ticketEventKey } from '../../src/notifications/notification-event';
import { emailsQueued } from '../support/emails-queued';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// Read-your-writes (docs/RELIABILITY.md, guarantee 8): a transition is answered only once its
// events and the read model are committed in PostgreSQL. So whatever reads right after the
// answer, with no wait and on any connection, sees it: the ticket, the lists and the event log.
// Reads here are never retried: a design that answered before the projection landed (measured
// in docs/PERFORMANCE.md, session 10) fails this test. The event's email is queued from the log
// right after the answer (TicketEmailRelay, L3-11): the spec waits for that one.

const PROGRESS = `mutation ($input: TicketActionInput!) {
  addProgressUpdate(input: $input) { seq ticket { number state } } }`;
const CLASSIFY = `mutation ($input: ClassifyTicketInput!) {
  classifyTicket(input: $input) { seq ticket { state } } }`;

describe('Read-your-writes after a transition (L3-07, L3-11)', () => {
  const world = useWorldWithWorker('read-your-writes');

  it('shows a progress update to the next read at once: ticket, list, event log and email', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'La factura no se timbra',
    });
    const classified = await gql<{ classifyTicket: { ticket: { state: string } } }>(
      world.api,
      CLASSIFY,
      { input: { number, classification: 'PROBLEM' } },
      world.bearer(Role.AGENT),
    );
    expect(classified.body.errors).toBeUndefined();
    // The classification's answer already carries the state the read model holds.
    const [{ state: stored }] = await world.db.query<{ state: string }[]>(
      'SELECT state FROM ticket WHERE number = $1',
      [number],
    );
    expect(stored).toBe(classified.body.data!.classifyTicket.ticket.state);
    expect(stored).toBe('IN_ANALYSIS');

    for (let round = 1; round <= 3; round++) {
      const note = `Avance ${round}: reproducimos el error en pruebas.`;
      const { body } = await gql<{ addProgressUpdate: { seq: number } }>(
        world.api,
        PROGRESS,
        { input: { number, note } },
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
      const seq = body.data!.addProgressUpdate.seq;

      // The event log and the read model, on another connection than the API's.
      const [event] = await world.db.query<{ type: string; last: number }[]>(
        `SELECT e.type, t.last_event_seq AS last FROM ticket_event e
           JOIN ticket t ON t.number = e.ticket_number
          WHERE e.ticket_number = $1 AND e.seq = $2`,
        [number, seq],
      );
      expect(event).toBeDefined();
      expect(event.last).toBeGreaterThanOrEqual(seq);

      // The client's next read, through the API: the note is in the timeline.
      const read = await gql<{ ticket: { timeline: { seq: number; data: string }[] } }>(
        world.api,
        `query ($number: String!) { ticket(number: $number) { timeline { seq data } } }`,
        { number },
        world.bearer(Role.CLIENT_USER),
      );
      expect(read.body.errors).toBeUndefined();
      const written = read.body.data!.ticket.timeline.find((e) => e.seq === seq);
      expect(written?.data).toContain(note);

      // The agent's list: the ticket's running progress clock is the run this update started
      // (L3-07: each progress update restarts the cadence; run 1 started with the assignment).
      const list = await gql<{
        tickets: {
          items: { number: string; clocks: { kind: string; run: number; status: string }[] }[];
        };
      }>(
        world.api,
        `query ($filter: TicketFilter) { tickets(filter: $filter) { items { number clocks { kind run status } } } }`,
        { filter: { text: number } },
        world.bearer(Role.AGENT),
      );
      expect(list.body.errors).toBeUndefined();
      const listed = list.body.data!.tickets.items.find((t) => t.number === number);
      const running = listed?.clocks.filter((c) => c.kind === 'progress' && c.status !== 'MET');
      expect(running?.map((c) => c.run)).toEqual([round + 1]);

      // The registrant's email of that event, queued from the log right after (L3-11), once.
      await emailsQueued(world.db, number);
      const [{ n }] = await world.db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM email_outbox WHERE event_key = $1',
        [ticketEventKey(number, seq)],
      );
      expect(n).toBe(1);
    }
  });
});
