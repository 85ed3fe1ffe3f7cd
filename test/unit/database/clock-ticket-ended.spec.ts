import { ENDED_TICKET_STATES } from '../../../src/database/migrations/1764319760000-clock-ticket-ended';
import { TERMINAL_STATES } from '../../../workflows/ticket/ticket.contract';

// L3-08: «Vencidos» counts the breaches on tickets not ended. The totals read `ticket_clock.
// ticket_ended`, which the migration's triggers keep from these states; the list joins the ticket
// for TERMINAL_STATES. Both must name the same states, or the total and its list disagree.
describe('the ended states the clocks carry (migration 1764319760000)', () => {
  it('are the workflow contract’s terminal states', () => {
    expect([...ENDED_TICKET_STATES].sort()).toEqual([...TERMINAL_STATES].sort());
  });
});
