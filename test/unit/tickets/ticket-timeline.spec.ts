import type { AuthenticatedUser } from '../../../src/identity';
import { OrganizationKind } from '../../../src/identity/organization-kind.enum';
import type { TicketEventModel } from '../../../src/tickets/ticket.model';
import { visibleTimeline, withoutHandOverNote } from '../../../src/tickets/ticket-timeline';

// QA (L3-07): a reassignment's note is a hand-over note for the team. A client sees that the
// ticket changed hands, never the note; staff see everything.

const user = (organizationKind: OrganizationKind) =>
  ({ id: 'u', organizationKind }) as unknown as AuthenticatedUser;
const ev = (seq: number, type: string, data: string): TicketEventModel => ({
  seq,
  type,
  at: new Date('2026-03-02T16:00:00.000Z'),
  actorId: 'u-staff',
  actorRole: 'AGENT',
  data,
});
const handOver = ev(3, 'reassign', '{"agentId":"a2","previousAgentId":"a1","note":"difícil"}');
const EVENTS = [
  ev(1, 'registered', '{}'),
  ev(2, 'comment', '{"body":"interna"}'),
  handOver,
  ev(4, 'addProgress', '{"note":"Avance"}'),
];

describe('visibleTimeline (issue 5, L3-07)', () => {
  it('a client gets the reassignment without its note, and no internal note', () => {
    const seen = visibleTimeline(user(OrganizationKind.CLIENT), EVENTS);
    expect(seen.map((e) => e.seq)).toEqual([1, 3, 4]);
    expect(JSON.parse(seen[1].data)).toEqual({ agentId: 'a2', previousAgentId: 'a1' });
    // Other events keep their words.
    expect(seen[2].data).toBe('{"note":"Avance"}');
  });

  it('staff get every event as recorded', () => {
    expect(visibleTimeline(user(OrganizationKind.PROVIDER), EVENTS)).toEqual(EVENTS);
  });

  it('unreadable reassignment data is not shown to a client; one without a note is unchanged', () => {
    expect(withoutHandOverNote(ev(5, 'reassign', '{"note":')).data).toBe('{}');
    const plain = ev(6, 'reassign', '{"agentId":"a2"}');
    expect(withoutHandOverNote(plain)).toBe(plain);
  });
});
