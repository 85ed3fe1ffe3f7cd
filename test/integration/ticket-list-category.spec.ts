import { Role } from '../../src/identity/role.enum';
import { LIST_CATEGORY_SQL } from '../../src/tickets/tickets.service';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';

// The lists' category filter (L3-01, L3-06…L3-08), over GraphQL on the real stack: it matches
// what the lists show, the classification once triage set it (a requirement also by its kind,
// «Requerimiento · Capacitación»), else the category the ticket was registered with. A ticket
// registered as a development and classified as a problem is a problem, no longer a development.

const LIST = `query ($filter: TicketFilter) {
  tickets(filter: $filter, first: 100) { totalCount items { number } } }`;

describe('the ticket list filters by what it shows (L3-01, L3-06…L3-08)', () => {
  const world = useWorldWithWorker('ticket-list-category');
  const { act, registered, problemInAnalysis } = ticketJourneys(world);
  const numbers: Record<'problem' | 'requirement' | 'unclassified', string> = {
    problem: '',
    requirement: '',
    unclassified: '',
  };

  beforeAll(async () => {
    const registration = (category: string, subject: string) => ({
      registration: { category, subject, description: 'Detalle del caso.' },
    });
    numbers.problem = await problemInAnalysis(
      registration('DEVELOPMENT', 'Pedido como desarrollo, es una falla'),
    );
    numbers.requirement = await registered(
      registration('INCIDENT', 'Reportado como incidente, es una capacitación'),
    );
    await act(
      Role.AGENT,
      'classifyTicket',
      { number: numbers.requirement, classification: 'REQUIREMENT', requirementKind: 'TRAINING' },
      'ClassifyTicketInput',
    );
    numbers.unclassified = await registered(registration('DEVELOPMENT', 'Aún sin clasificar'));
  });

  /** The tickets a manager's list holds under `filter`, sorted; their count agrees. */
  async function listedBy(filter: Record<string, string>): Promise<string[]> {
    const { body } = await gql<{ tickets: { totalCount: number; items: { number: string }[] } }>(
      world.api,
      LIST,
      { filter },
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    const { totalCount, items } = body.data!.tickets;
    expect(totalCount).toBe(items.length);
    return items.map((i) => i.number).sort();
  }
  const listed = (category: string) => listedBy({ category });

  it('a ticket registered as a development and classified as a problem is found as a problem only', async () => {
    expect(await listed('PROBLEM')).toEqual([numbers.problem]);
    expect(await listed('REQUIREMENT')).toEqual([numbers.requirement]);
    expect(await listed('DEVELOPMENT')).toEqual([numbers.unclassified]);
  });

  it('a requirement is found by its kind, no longer by the category it was registered with', async () => {
    expect(await listed('TRAINING')).toEqual([numbers.requirement]);
    expect(await listed('INCIDENT')).toEqual([]);
  });

  it('reads a category from its index, not by walking every ticket (migration 1764320200000)', async () => {
    const plan = await world.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT t.number FROM ticket t WHERE ${LIST_CATEGORY_SQL} = 'ADMIN_ACTION'`,
      );
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('ix_ticket_list_category');
  });

  it('refuses a value that is neither a category nor a classification', async () => {
    const { body } = await gql(
      world.api,
      LIST,
      { filter: { category: 'CHANGE' } },
      world.bearer(Role.MANAGER),
    );
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/TicketListCategory/);
  });

  it('filters by SLA state among open tickets only: an ended ticket has an outcome, not a state (QA S59)', async () => {
    const ended = await registered({
      registration: { category: 'INCIDENT', subject: 'Se canceló', description: 'Ya no aplica.' },
    });
    const listedBySla = (slaStatus: string) => listedBy({ slaStatus });
    expect(await listedBySla('ok')).toContain(ended);
    await act(Role.CLIENT_USER, 'cancelTicket', { number: ended, note: 'Ya no aplica' });
    const [row] = await world.db.query<{ state: string; sla_status: string }[]>(
      'SELECT state, sla_status FROM ticket WHERE number = $1',
      [ended],
    );
    // Its stored SLA state is still «ok»: the filter, not the row, leaves it out.
    expect(row).toEqual({ state: 'CANCELLED', sla_status: 'ok' });
    const ok = await listedBySla('ok');
    expect(ok).not.toContain(ended);
    expect(ok).toEqual(expect.arrayContaining(Object.values(numbers)));
  });
});
