import { TICKET_CATEGORIES } from '../../../web/src/api/tickets';
import {
  apiFilterOf,
  defaultFilters,
  filtersFromSearch,
  filtersToSearch,
  isFiltered,
  LIST_CATEGORIES,
  withChoice,
  withKnownChoices,
} from '../../../web/src/tickets/ticket-filters';

// «Mis tickets» / staff «Tickets» filters (L3-05 unlimited tickets need a searchable list): what each choice asks
// the API for, that a client's list never asks for another organization or assignee, and the
// address that keeps them (Back from a ticket, a bookmark).

describe('ticket list filters', () => {
  const client = defaultFilters(false);
  const agent = defaultFilters(true);
  /** IDs as the API gives them (UUIDs). */
  const ORG_2 = 'b0757d87-0590-47ed-8ebb-67249f1ea0b9';
  const AGENT_2 = 'ffc905d7-1279-4639-b344-73e964b9e23d';

  it('asks for everything by default; an agent for theirs', () => {
    expect(apiFilterOf(client, false, 'u1')).toEqual({});
    expect(apiFilterOf(agent, true, 'u1')).toEqual({ assigneeId: 'u1' });
    // A manager (not an agent) starts on every client's tickets.
    expect(apiFilterOf(defaultFilters(false), true, 'u1')).toEqual({});
    expect(isFiltered(agent, agent)).toBe(false);
  });

  it('maps open, closed, category and trimmed text', () => {
    const open = { ...client, show: 'OPEN' as const, text: '  factura ' };
    expect(apiFilterOf(open, false, 'u1')).toEqual({ openOnly: true, text: 'factura' });
    const closed = { ...client, show: 'CLOSED' as const, category: 'INCIDENT' as const };
    expect(apiFilterOf(closed, false, 'u1')).toEqual({
      states: ['CLOSED', 'OUT_OF_SCOPE', 'NOT_FEASIBLE', 'CANCELLED'],
      category: 'INCIDENT',
    });
    expect(isFiltered(open, client)).toBe(true);
    expect(isFiltered({ ...client, text: '   ' }, client)).toBe(false);
  });

  it('sends the client and "assigned to me" choices for staff only', () => {
    const chosen = { ...agent, client: ORG_2, mine: false };
    expect(apiFilterOf(chosen, true, 'u1')).toEqual({ organizationId: ORG_2 });
    expect(apiFilterOf(chosen, false, 'u1')).toEqual({});
    expect(apiFilterOf({ ...agent, client: ORG_2 }, false, 'u1')).toEqual({});
  });

  it('keeps the choices that differ from the defaults in the address, and reads them back', () => {
    expect(filtersToSearch(agent, agent)).toBe('');
    const chosen = {
      text: ' nómina, enero ',
      show: 'CLOSED' as const,
      category: 'INCIDENT' as const,
      client: ORG_2,
      mine: false,
      sla: 'at_risk' as const,
      agent: AGENT_2,
      order: 'NEXT_DEADLINE' as const,
    };
    const search = filtersToSearch(chosen, agent);
    expect(search).toBe(
      `?q=n%C3%B3mina%2C+enero&mostrar=cerrados&categoria=incidente&cliente=${ORG_2}&mios=0&sla=en-riesgo&agente=${AGENT_2}&orden=proximo-plazo`,
    );
    expect(filtersFromSearch(search, agent)).toEqual({ ...chosen, text: 'nómina, enero' });
    // The addresses written before the Spanish words (the API's codes) still read the same.
    expect(
      filtersFromSearch(
        `?q=n%C3%B3mina%2C+enero&mostrar=closed&categoria=INCIDENT&cliente=${ORG_2}&mios=0&sla=at_risk&agente=${AGENT_2}&orden=next_deadline`,
        agent,
      ),
    ).toEqual({ ...chosen, text: 'nómina, enero' });
    // Nothing, or nonsense, keeps the defaults.
    expect(filtersFromSearch('', agent)).toEqual(agent);
    expect(
      filtersFromSearch('?mostrar=todo&categoria=DROP&mios=x&sla=tarde&orden=al_azar', client),
    ).toEqual(client);
  });

  it('asks for the tickets classified as problems or requirements, for clients and staff alike, and keeps them in the address (L3-06…L3-08)', () => {
    // The menu: «Todas», the two classifications, then the six categories.
    expect(LIST_CATEGORIES).toEqual(['PROBLEM', 'REQUIREMENT', ...TICKET_CATEGORIES]);
    for (const [category, word] of [
      ['PROBLEM', 'problema'],
      ['REQUIREMENT', 'requerimiento'],
    ] as const) {
      const chosen = { ...client, category };
      expect(apiFilterOf(chosen, false, 'u1')).toEqual({ category });
      expect(apiFilterOf({ ...agent, category }, true, 'u1')).toEqual({
        category,
        assigneeId: 'u1',
      });
      expect(filtersToSearch(chosen, client)).toBe(`?categoria=${word}`);
      expect(filtersFromSearch(`?categoria=${word}`, client)).toEqual(chosen);
      expect(isFiltered(chosen, client)).toBe(true);
    }
    // A link made before, or by hand in lower case, still reads as its category.
    expect(filtersFromSearch('?categoria=DEVELOPMENT', client)).toEqual({
      ...client,
      category: 'DEVELOPMENT',
    });
    expect(filtersFromSearch('?categoria=problem', client).category).toBe('PROBLEM');
    expect(filtersFromSearch('?categoria=Capacitacion', client).category).toBe('TRAINING');
    // A requirement's kind is not a choice of its own («Requerimiento · Cambio» is a requirement).
    expect(filtersFromSearch('?categoria=CHANGE', client)).toEqual(client);
  });

  it('asks staff for one SLA status (L3-06…L3-09: «En riesgo», «Vencido») and keeps it in the address', () => {
    for (const [sla, word] of [
      ['ok', 'en-tiempo'],
      ['at_risk', 'en-riesgo'],
      ['breached', 'vencido'],
    ] as const) {
      const chosen = { ...agent, mine: false, sla };
      expect(apiFilterOf(chosen, true, 'u1')).toEqual({ slaStatus: sla });
      expect(filtersToSearch(chosen, agent)).toBe(`?mios=0&sla=${word}`);
      expect(filtersFromSearch(filtersToSearch(chosen, agent), agent)).toEqual(chosen);
      expect(isFiltered(chosen, agent)).toBe(true);
    }
    // A client's list has no such choice: nothing is sent, even from a hand-made address.
    const fromAddress = filtersFromSearch('?sla=breached', client);
    expect(apiFilterOf(fromAddress, false, 'u1')).toEqual({});
  });

  it('asks staff for one agent’s tickets (L3-07); «Agente» and «Solo asignados a mí» replace each other', () => {
    const oneAgent = withChoice(agent, { agent: AGENT_2 });
    // Choosing an agent unticks «Solo asignados a mí»: the list is that agent's, not the caller's.
    expect(oneAgent).toEqual({ ...agent, mine: false, agent: AGENT_2 });
    expect(apiFilterOf(oneAgent, true, 'u1')).toEqual({ assigneeId: AGENT_2 });
    expect(apiFilterOf(oneAgent, false, 'u1')).toEqual({});
    expect(filtersToSearch(oneAgent, agent)).toBe(`?mios=0&agente=${AGENT_2}`);
    expect(filtersFromSearch(`?mios=0&agente=${AGENT_2}`, agent)).toEqual(oneAgent);
    // Ticking «Solo asignados a mí» again puts «Agente» back on «Todos».
    expect(withChoice(oneAgent, { mine: true })).toEqual(agent);
    // Other choices leave both alone.
    expect(withChoice(oneAgent, { sla: 'breached' })).toEqual({ ...oneAgent, sla: 'breached' });
    // An address holding both (made by hand) is read as the agent's: never two assignees at once.
    expect(filtersFromSearch(`?mios=1&agente=${AGENT_2}`, agent)).toEqual(oneAgent);
    expect(apiFilterOf({ ...agent, agent: AGENT_2 }, true, 'u1')).toEqual({
      assigneeId: AGENT_2,
    });
  });

  it('ignores a client or agent in the address that is no ID (QA S18: the API refused the list)', () => {
    // «?agente=juan» or a link cut short asked the API for assigneeId "juan": «Los datos no son
    // válidos» over an empty list, while «Agente» showed «Todos». Not understood: the default.
    for (const search of ['?agente=juan', '?cliente=aurora', `?agente=${AGENT_2.slice(0, 20)}`]) {
      expect(filtersFromSearch(search, agent)).toEqual(agent);
    }
    const both = filtersFromSearch(
      `?cliente=%20${ORG_2}%20&agente=${AGENT_2.toUpperCase()}`,
      agent,
    );
    expect(apiFilterOf(both, true, 'u1')).toEqual({
      organizationId: ORG_2,
      assigneeId: AGENT_2.toUpperCase(),
    });
  });

  it('drops a client or agent the screen does not offer, once it knows (QA S18)', () => {
    const GONE = '5b1d0c1e-0000-4000-8000-000000000001';
    const chosen = { ...agent, client: GONE, agent: GONE, mine: false, sla: 'ok' as const };
    // Not read yet: kept (the address may well be right).
    expect(withKnownChoices(chosen, agent, {})).toBe(chosen);
    // Read, and not among them: back to the defaults (an agent's own tickets), the rest kept.
    expect(withKnownChoices(chosen, agent, { clients: [ORG_2], agents: [AGENT_2] })).toEqual({
      ...agent,
      sla: 'ok',
    });
    // Offered: the same filters.
    const offered = { ...chosen, client: ORG_2, agent: AGENT_2 };
    expect(withKnownChoices(offered, agent, { clients: [ORG_2], agents: [AGENT_2] })).toBe(offered);
    // Offered in another case: spelled as the choice is, so «Cliente» shows it (review S19).
    const upper = { ...offered, client: ORG_2.toUpperCase() };
    expect(withKnownChoices(upper, agent, { clients: [ORG_2], agents: [AGENT_2] })).toEqual(
      offered,
    );
    expect(withKnownChoices(agent, agent, { clients: [], agents: [] })).toBe(agent);
  });

  it('«Por autorizar» asks for the tickets awaiting an approver, and is kept in the address (L3-09)', () => {
    const awaiting = { ...client, show: 'AWAITING' as const };
    expect(apiFilterOf(awaiting, false, 'u1')).toEqual({ awaitingAuthorization: true });
    expect(filtersToSearch(awaiting, client)).toBe('?mostrar=por-autorizar');
    expect(filtersFromSearch('?mostrar=por-autorizar', client)).toEqual(awaiting);
    // As the address said it before its Spanish word.
    expect(filtersFromSearch('?mostrar=awaiting', client)).toEqual(awaiting);
    expect(isFiltered(awaiting, client)).toBe(true);
  });

  it('treats the order as a choice of the address, not as a filter', () => {
    const oldest = { ...client, order: 'OLDEST' as const };
    expect(isFiltered(oldest, client)).toBe(false);
    expect(apiFilterOf(oldest, false, 'u1')).toEqual({});
    expect(filtersFromSearch(filtersToSearch(oldest, client), client)).toEqual(oldest);
  });
});
