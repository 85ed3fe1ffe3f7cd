import { type WorkItem, workOrder } from '../../../src/planning/queue-order';

// L3-10 "agents work from the queue": the agents' work list across clients, as a pure function.

const at = (minute: number) => new Date(Date.UTC(2026, 2, 9, 15, minute));
const ticket = (
  ticketNumber: string,
  organizationId: string,
  arrival: number,
  more: Partial<WorkItem> = {},
): WorkItem => ({
  ticketNumber,
  organizationId,
  registeredAt: at(arrival),
  rank: null,
  urgent: false,
  slaStatus: 'ok',
  nextDeadline: null,
  ...more,
});
const order = (items: WorkItem[]) => workOrder(items).map((t) => t.ticketNumber);

describe('L3-10 work list order (workOrder)', () => {
  it('puts tickets that wait on the client after the agents’ own work, in the same order among them', () => {
    const items = [
      ticket('W1', 'a', 1, { state: 'RESOLVED', urgent: true }),
      ticket('W2', 'a', 2, { state: 'ESTIMATE_SUBMITTED' }),
      ticket('A3', 'a', 3, { state: 'IN_ANALYSIS' }),
      ticket('B1', 'b', 4, { state: 'REGISTERED', nextDeadline: at(90) }),
      // At stake, it stays on top even while the client holds it.
      ticket('X', 'b', 5, { state: 'WAITING_ON_CLIENT', slaStatus: 'breached' }),
    ];
    expect(order(items)).toEqual(['X', 'A3', 'B1', 'W1', 'W2']);
  });

  it('is each client’s queue order: urgent, then rank, then arrival; a running deadline alone moves nothing', () => {
    const items = [
      ticket('A1', 'a', 1, { nextDeadline: at(30) }),
      ticket('A2', 'a', 2, { rank: 2 }),
      ticket('A3', 'a', 3, { rank: 1 }),
      ticket('A4', 'a', 4, { rank: 3, urgent: true }),
    ];
    expect(order(items)).toEqual(['A4', 'A3', 'A2', 'A1']);
  });

  it('puts every client’s urgent tickets first, then interleaves the clients by queue place, ties by arrival', () => {
    const items = [
      ticket('A1', 'a', 1),
      ticket('A2', 'a', 2),
      ticket('A3', 'a', 3, { rank: 1, urgent: true }),
      ticket('A5', 'a', 5, { rank: 2, urgent: true }),
      ticket('B1', 'b', 4),
      ticket('B2', 'b', 6),
    ];
    // Queues: a = A3, A5 (both urgent: its places 1 and 2), A1, A2; b = B1, B2.
    expect(order(items)).toEqual(['A3', 'A5', 'B1', 'B2', 'A1', 'A2']);
  });

  it('puts the SLA at stake first: breached, then at risk with a running clock, by the soonest deadline', () => {
    const items = [
      ticket('U', 'a', 1, { urgent: true, rank: 1 }),
      ticket('R1', 'a', 2, { slaStatus: 'at_risk', nextDeadline: at(50) }),
      ticket('R2', 'b', 3, { slaStatus: 'at_risk', nextDeadline: at(40) }),
      ticket('X', 'b', 4, { slaStatus: 'breached' }),
      // At risk but paused (waiting on the client): no running deadline, so it keeps its place.
      ticket('P', 'b', 5, { slaStatus: 'at_risk' }),
      ticket('O', 'a', 6, { nextDeadline: at(10) }),
    ];
    expect(order(items)).toEqual(['X', 'R2', 'R1', 'U', 'P', 'O']);
  });

  it('leaves the input untouched and is the same for any input order', () => {
    const items = [
      ticket('A1', 'a', 1),
      ticket('B1', 'b', 1, { urgent: true, rank: 1 }),
      ticket('A2', 'a', 1, { slaStatus: 'breached' }),
      ticket('B2', 'b', 2),
    ];
    const copy = [...items];
    const expected = order(items);
    expect(items).toEqual(copy);
    expect(order([...items].reverse())).toEqual(expected);
    expect(expected).toEqual(['A2', 'B1', 'A1', 'B2']);
  });

  it('L3-19: deliveries at risk come right after the SLA at stake, before client urgency, soonest published date first', () => {
    const items = [
      ticket('U', 'a', 1, { urgent: true, rank: 1 }),
      ticket('D1', 'a', 2, { deliveryAtRisk: true, releaseDate: at(300) }),
      ticket('D2', 'b', 3, { deliveryAtRisk: true, releaseDate: at(200) }),
      ticket('R', 'b', 4, { slaStatus: 'at_risk', nextDeadline: at(40) }),
      ticket('X', 'b', 5, { slaStatus: 'breached', deliveryAtRisk: true, releaseDate: at(100) }),
      // A published date the plan still meets keeps the ticket's queue place.
      ticket('K', 'a', 6, { deliveryAtRisk: false, releaseDate: at(10) }),
    ];
    expect(order(items)).toEqual(['X', 'R', 'D2', 'D1', 'U', 'K']);
  });

  it('L3-19 (QA S53): a delivery published on a day since closed is at stake like one at risk', () => {
    const items = [
      ticket('U', 'a', 1, { urgent: true, rank: 1 }),
      ticket('C', 'a', 2, { deliveryOnClosedDay: true, releaseDate: at(300) }),
      ticket('D', 'b', 3, { deliveryAtRisk: true, releaseDate: at(200) }),
      ticket('K', 'a', 4, { releaseDate: at(10) }),
    ];
    expect(order(items)).toEqual(['D', 'C', 'U', 'K']);
  });
});
