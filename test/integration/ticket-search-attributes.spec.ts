import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { Role } from '../../src/identity/role.enum';
import {
  NEXT_DEADLINE,
  SLA_STATUS,
  TICKET_NUMBER,
  TICKET_STATE,
} from '../../workflows/search-attributes';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract';
import { eventually } from '../support/eventually';
import { ticketJourneys } from '../support/ticket-journeys';
import { ticketWorkflowsSettled } from '../support/ticket-workflows-settled';
import { useWorldWithWorker } from '../support/world-with-worker';

// Issues 5/10: a registration starts the ticket's workflow with the search attributes of the state
// it answered with (number, client, state, SLA status, next deadline), so managers' visibility
// queries find it from its start and its first task upserts none (one visibility write per ticket
// instead of two). Later changes are upserted as before. Real API, worker and Temporal dev server
// (the time-skipping server has no visibility list).

describe('Ticket search attributes from the start (issues 5/10; L3-06)', () => {
  const world = useWorldWithWorker('ticket_search_attributes');
  const { registered, act } = ticketJourneys(world);
  const temporal = () => world.api.app.get(TemporalClientService).client;

  /** The workflows a visibility query lists (the dev server indexes them a moment later). */
  const listed = async (query: string): Promise<string[]> => {
    const ids: string[] = [];
    for await (const w of temporal().workflow.list({ query })) ids.push(w.workflowId);
    return ids;
  };

  it('is listed by number, state, SLA status and deadline from its start; its first task upserts none', async () => {
    const number = await registered();
    await ticketWorkflowsSettled(world.db, temporal());
    const [row] = await world.db.query<{ state: string; next_deadline: Date }[]>(
      `SELECT state, next_deadline FROM ticket WHERE number = $1`,
      [number],
    );
    expect(row.state).toBe('REGISTERED');

    const handle = temporal().workflow.getHandle(ticketWorkflowId(number));
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const started = events[0].workflowExecutionStartedEventAttributes!;
    expect(Object.keys(started.searchAttributes?.indexedFields ?? {}).sort()).toEqual(
      ['SlaClientOrg', 'SlaNextDeadline', 'SlaStatus', 'SlaTicketNumber', 'SlaTicketState'].sort(),
    );
    // The first task ran (the triage timer is armed) and upserted nothing.
    expect(events.some((e) => e.timerStartedEventAttributes)).toBe(true);
    expect(events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes)).toHaveLength(0);

    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(TICKET_NUMBER)).toBe(number);
    expect(attributes.get(TICKET_STATE)).toBe('REGISTERED');
    expect(attributes.get(SLA_STATUS)).toBe('ok');
    // The triage deadline (L3-06) the read model holds, to the millisecond.
    expect(attributes.get(NEXT_DEADLINE)?.toISOString()).toBe(row.next_deadline.toISOString());
    await eventually(
      () => listed(`SlaTicketNumber = '${number}' AND SlaTicketState = 'REGISTERED'`),
      (ids) => ids.length === 1,
    );

    // A transition changes the state: upserted as before, and listed under the new one.
    await act(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'PROBLEM' },
      'ClassifyTicketInput',
    );
    await ticketWorkflowsSettled(world.db, temporal());
    expect((await handle.describe()).typedSearchAttributes.get(TICKET_STATE)).toBe('IN_ANALYSIS');
    const upserts = ((await handle.fetchHistory()).events ?? []).filter(
      (e) => e.upsertWorkflowSearchAttributesEventAttributes,
    );
    expect(upserts).toHaveLength(1);
    await eventually(
      () => listed(`SlaTicketNumber = '${number}' AND SlaTicketState = 'IN_ANALYSIS'`),
      (ids) => ids.length === 1,
    );
  });
});
