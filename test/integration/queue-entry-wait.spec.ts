import { Role } from '../../src/identity/role.enum';
import { ClockStatesLoader } from '../../src/tickets/clock-states.loader';
import { UserNamesLoader } from '../../src/tickets/user-names.loader';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';

// QA S21 on the real stack: the planning work list said «Sin plazo en curso» for a ticket whose
// clock is paused on the client (L3-06…L3-08), since its entries did not say so. A queue entry now
// answers `awaitingClient` and `clocks` as the ticket itself does (`Ticket.awaitingClient`,
// `Ticket.clocks`): the same rule for the same caller, the same clock runs. And who each ticket is
// assigned to (L3-07), as `Ticket.assigneeName` names them: the work list did not say.

const CLOCKS = `clocks { kind status remainingMinutes businessDayMinutes }`;
const WORK = `query { workList(first: 200) { ticketNumber nextDeadline awaitingClient ${CLOCKS} } }`;
const QUEUE = `query { clientQueue { entries { ticketNumber awaitingClient ${CLOCKS} } } }`;
const TICKET = `query ($number: String!) { ticket(number: $number) { awaitingClient ${CLOCKS} } }`;

interface Clock {
  kind: string;
  status: string;
  remainingMinutes: number;
  businessDayMinutes: number | null;
}
interface Entry {
  ticketNumber: string;
  nextDeadline?: string | null;
  awaitingClient: boolean;
  clocks: Clock[];
}

describe('a queue entry says whether it waits on the client, with its clocks (QA S21)', () => {
  const world = useWorldWithWorker('queue-entry-wait');
  const journeys = ticketJourneys(world);
  const numbers: Record<string, string> = {};

  async function query<T>(text: string, role: Role, variables: Record<string, unknown> = {}) {
    const { body } = await gql<T>(world.api, text, variables, world.bearer(role));
    expect(body.errors).toBeUndefined();
    return body.data!;
  }
  const workList = async () =>
    new Map(
      (await query<{ workList: Entry[] }>(WORK, Role.AGENT)).workList.map((e) => [
        e.ticketNumber,
        e,
      ]),
    );
  const clientQueue = async (role: Role) =>
    new Map(
      (await query<{ clientQueue: { entries: Entry[] } }>(QUEUE, role)).clientQueue.entries.map(
        (e) => [e.ticketNumber, e],
      ),
    );
  const ticket = async (number: string, role: Role) =>
    (await query<{ ticket: Omit<Entry, 'ticketNumber'> }>(TICKET, role, { number })).ticket;

  beforeAll(async () => {
    numbers.waiting = await journeys.problemWaitingOnClient('¿Nos manda los logs?');
    numbers.running = await journeys.problemInAnalysis();
    numbers.registered = await journeys.registered();
    numbers.estimate = await journeys.estimatedRequirement({
      subject: 'Reporte por zona',
      hours: 4,
      projected: true,
    });
  }, 120_000);

  it('staff: the paused clock and its time left, as the ticket has them (L3-07)', async () => {
    const work = await workList();
    const waiting = work.get(numbers.waiting)!;
    expect(waiting.nextDeadline).toBeNull();
    expect(waiting.awaitingClient).toBe(true);
    const paused = waiting.clocks.find((c) => c.status === 'PAUSED');
    expect(paused).toMatchObject({ kind: 'progress' });
    expect(paused!.remainingMinutes).toBeGreaterThan(0);
    const own = await ticket(numbers.waiting, Role.AGENT);
    expect({ awaitingClient: waiting.awaitingClient, clocks: waiting.clocks }).toEqual(own);

    const running = work.get(numbers.running)!;
    expect(running.awaitingClient).toBe(false);
    expect(running.clocks.map((c) => c.status)).toContain('RUNNING');
    // An estimate waiting for its written authorization waits on the client for staff (L3-09).
    expect(work.get(numbers.estimate)!.awaitingClient).toBe(true);
  });

  it('the client queue: the estimate is the approver’s to authorize, not a portal user’s (L3-09)', async () => {
    const user = await clientQueue(Role.CLIENT_USER);
    expect(user.get(numbers.estimate)!.awaitingClient).toBe(false);
    expect(user.get(numbers.waiting)!.awaitingClient).toBe(true);
    expect(user.get(numbers.running)!.awaitingClient).toBe(false);
    const approver = await clientQueue(Role.CLIENT_APPROVER);
    expect(approver.get(numbers.estimate)!.awaitingClient).toBe(true);
    for (const [role, entries] of [
      [Role.CLIENT_USER, user],
      [Role.CLIENT_APPROVER, approver],
    ] as const) {
      expect(entries.get(numbers.estimate)!.awaitingClient).toBe(
        (await ticket(numbers.estimate, role)).awaitingClient,
      );
    }
  });

  it('one request asking a ticket’s clocks and its work-list entry’s reads its clock runs once', async () => {
    // The ticket fields and the queue entries batch on one loader (PlanningModule imports it):
    // with a loader of each module's own, this ticket's runs were read twice in one request.
    const runsOf = jest.spyOn(
      ClockStatesLoader.prototype as unknown as { runsOf(numbers: string[]): Promise<unknown> },
      'runsOf',
    );
    try {
      const both = await query<{ workList: Entry[]; ticket: Omit<Entry, 'ticketNumber'> }>(
        `query ($number: String!) {
          workList(first: 200) { ticketNumber ${CLOCKS} }
          ticket(number: $number) { ${CLOCKS} }
        }`,
        Role.AGENT,
        { number: numbers.running },
      );
      const entry = both.workList.find((e) => e.ticketNumber === numbers.running)!;
      expect(entry.clocks.length).toBeGreaterThan(0);
      expect(entry.clocks).toEqual(both.ticket.clocks);
      const asked = runsOf.mock.calls.flatMap(([batch]) => batch);
      expect(asked.filter((n) => n === numbers.running)).toEqual([numbers.running]);
    } finally {
      runsOf.mockRestore();
    }
  });

  it('staff: each entry names its assignee as the ticket does, in one names read (L3-07)', async () => {
    const peopleOf = jest.spyOn(
      UserNamesLoader.prototype as unknown as { peopleOf(ids: string[]): Promise<unknown> },
      'peopleOf',
    );
    let work: Map<string, { ticketNumber: string; assigneeName: string | null }>;
    try {
      const { workList } = await query<{
        workList: { ticketNumber: string; assigneeName: string | null }[];
      }>(`query { workList(first: 200) { ticketNumber assigneeName } }`, Role.AGENT);
      work = new Map(workList.map((e) => [e.ticketNumber, e]));
      // Every assignee of the list in one query, not one per ticket.
      expect(peopleOf).toHaveBeenCalledTimes(1);
    } finally {
      peopleOf.mockRestore();
    }
    const NAME = `query ($number: String!) { ticket(number: $number) { assigneeName } }`;
    for (const number of [numbers.running, numbers.waiting]) {
      const { ticket: own } = await query<{ ticket: { assigneeName: string | null } }>(
        NAME,
        Role.AGENT,
        { number },
      );
      expect(own.assigneeName).toEqual(expect.any(String));
      expect(work.get(number)!.assigneeName).toBe(own.assigneeName);
    }
    // Not triaged yet: nobody has it.
    expect(work.get(numbers.registered)!.assigneeName).toBeNull();
  });
});
