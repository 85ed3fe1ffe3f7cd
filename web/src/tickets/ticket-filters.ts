import {
  TICKET_CATEGORIES,
  TICKET_CLASSIFICATIONS,
  type TicketFilter,
  type TicketListCategory,
  type TicketOrder,
} from '../api/tickets';
import {
  type ChoiceWords,
  isId,
  offeredChoice,
  searchChoice,
  wordedSearchChoice,
} from '../router/search-choice';
import { TERMINAL_STATES } from '../../../workflows/ticket/ticket-states';

// What the ticket list's filter form means for the API's `tickets(filter)`, and how it is kept in
// the page's address (Back from a ticket, a bookmark, a shared link). Pure (unit-tested).

/**
 * «Mostrar»: every ticket, the open ones, those awaiting an approver (L3-09), those waiting on the
 * client's answer (L3-06/L3-07, «Esperan mi respuesta»: clients only), the ended ones.
 */
export type TicketShow = 'ALL' | 'OPEN' | 'AWAITING' | 'ANSWER' | 'CLOSED';
export const SHOWS: readonly TicketShow[] = ['ALL', 'OPEN', 'AWAITING', 'ANSWER', 'CLOSED'];
/** The choices of «Mostrar» a list offers: «Esperan mi respuesta» is the client's. */
export function showsFor(staff: boolean): readonly TicketShow[] {
  return staff ? SHOWS.filter((s) => s !== 'ANSWER') : SHOWS;
}

/** How the address spells «Mostrar» (`?mostrar=por-autorizar`). */
const SHOW_WORDS: ChoiceWords<TicketShow> = {
  ALL: 'todos',
  OPEN: 'abiertos',
  AWAITING: 'por-autorizar',
  ANSWER: 'por-responder',
  CLOSED: 'cerrados',
};

/** «Estado del SLA» (staff): the API's `slaStatus` of a ticket ('' = any). */
export const SLA_STATUSES = ['ok', 'at_risk', 'breached'] as const;
export type SlaStatusChoice = (typeof SLA_STATUSES)[number];
const SLA_WORDS: ChoiceWords<SlaStatusChoice> = {
  ok: 'en-tiempo',
  at_risk: 'en-riesgo',
  breached: 'vencido',
};

/**
 * «Categoría»: what the list names a ticket by (L3-01, L3-06…L3-08). The classifications first, as
 * triage sets them on any category; then the categories, which find the unclassified tickets
 * registered so and the requirements of that kind (under «Desarrollo»: «Requerimiento ·
 * Desarrollo»).
 */
export const LIST_CATEGORIES: readonly TicketListCategory[] = [
  ...TICKET_CLASSIFICATIONS,
  ...TICKET_CATEGORIES,
];

const CATEGORY_WORDS: ChoiceWords<TicketListCategory> = {
  PROBLEM: 'problema',
  REQUIREMENT: 'requerimiento',
  QUESTION: 'consulta',
  INCIDENT: 'incidente',
  CONFIGURATION: 'configuracion',
  DEVELOPMENT: 'desarrollo',
  TRAINING: 'capacitacion',
  ADMIN_ACTION: 'accion-administrativa',
};

/** «Ordenar por» in the address (`?orden=proximo-plazo`). */
const ORDER_WORDS: ChoiceWords<TicketOrder> = {
  NEWEST: 'recientes',
  OLDEST: 'antiguos',
  RECENTLY_UPDATED: 'actividad',
  NEXT_DEADLINE: 'proximo-plazo',
};

export interface TicketListFilters {
  readonly text: string;
  readonly show: TicketShow;
  readonly category: TicketListCategory | '';
  /** Staff only: one client organization ('' = all). */
  readonly client: string;
  /** Staff only: only the tickets assigned to them («Agente» replaces it: see `withChoice`). */
  readonly mine: boolean;
  /** Staff only: one SLA status ('' = any). */
  readonly sla: SlaStatusChoice | '';
  /** Staff only: one agent's tickets ('' = any assignee, or none). */
  readonly agent: string;
  /** The list's order (the API's `orderBy`). */
  readonly order: TicketOrder;
}

/**
 * The list as it first opens. Agents start on their own tickets; managers and administrators,
 * who are assigned none, on everyone's.
 */
export function defaultFilters(mineByDefault: boolean): TicketListFilters {
  return {
    text: '',
    show: 'ALL',
    category: '',
    client: '',
    mine: mineByDefault,
    sla: '',
    agent: '',
    order: 'NEWEST',
  };
}

/**
 * `filters` with `patch` applied. «Agente» and «Solo asignados a mí» both choose the assignee, so
 * the last one chosen replaces the other: an agent unticks the box; ticking it puts «Agente» back
 * on «Todos».
 */
export function withChoice(
  filters: TicketListFilters,
  patch: Partial<TicketListFilters>,
): TicketListFilters {
  const next = { ...filters, ...patch };
  if (patch.agent) return { ...next, mine: false };
  if (patch.mine) return { ...next, agent: '' };
  return next;
}

/**
 * `filters` without a client or agent the screen does not offer (once it knows what it offers): an
 * address can name an agent since deactivated or an organization that is gone, and the list would
 * be filtered by a choice «Agente» or «Cliente» shows as «Todos» (QA S18). Such a choice goes back
 * to its default (an agent's own tickets for an agent); an offered one takes the choice's spelling
 * (the address's case aside), so the picker shows it. `undefined` = not known yet: kept. The same
 * object when nothing changes.
 */
export function withKnownChoices(
  filters: TicketListFilters,
  defaults: TicketListFilters,
  known: { readonly clients?: readonly string[]; readonly agents?: readonly string[] },
): TicketListFilters {
  const client = known.clients
    ? offeredChoice(filters.client, known.clients, defaults.client)
    : filters.client;
  const agent = known.agents
    ? offeredChoice(filters.agent, known.agents, defaults.agent)
    : filters.agent;
  if (client === filters.client && agent === filters.agent) return filters;
  // An agent dropped: back to the default assignee choice too (an agent's own tickets).
  const mine = agent === '' && filters.agent !== '' ? defaults.mine : filters.mine;
  return { ...filters, client, agent, mine };
}

/**
 * The API filter of the form's choices. A client's list is always their organization's (the API
 * enforces it); the client and "assigned to me" choices are provider staff's only.
 */
export function apiFilterOf(
  filters: TicketListFilters,
  staff: boolean,
  userId: string | undefined,
): TicketFilter {
  const text = filters.text.trim();
  return {
    ...(text ? { text } : {}),
    ...(filters.show === 'OPEN' ? { openOnly: true } : {}),
    ...(filters.show === 'AWAITING' ? { awaitingAuthorization: true } : {}),
    ...(filters.show === 'ANSWER' ? { awaitingClient: true } : {}),
    ...(filters.show === 'CLOSED' ? { states: [...TERMINAL_STATES] } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(staff && filters.client ? { organizationId: filters.client } : {}),
    ...(staff && filters.sla ? { slaStatus: filters.sla } : {}),
    // One assignee at most: a chosen agent wins over «Solo asignados a mí».
    ...(staff && filters.agent
      ? { assigneeId: filters.agent }
      : staff && filters.mine && userId
        ? { assigneeId: userId }
        : {}),
  };
}

/**
 * Whether the form selects fewer tickets than `defaults` («Quitar filtros» is offered then, and an
 * empty list says nothing matches). The order selects none: it is not a filter.
 */
export function isFiltered(filters: TicketListFilters, defaults: TicketListFilters): boolean {
  return (Object.keys(defaults) as (keyof TicketListFilters)[]).some((k) =>
    k === 'text' ? filters.text.trim() !== '' : k !== 'order' && filters[k] !== defaults[k],
  );
}

/** The choices that differ from `defaults`, as a query string ('' when none; else `?…`). */
export function filtersToSearch(filters: TicketListFilters, defaults: TicketListFilters): string {
  const params = new URLSearchParams();
  if (filters.text.trim()) params.set('q', filters.text.trim());
  if (filters.show !== defaults.show) params.set('mostrar', SHOW_WORDS[filters.show]);
  if (filters.category) params.set('categoria', CATEGORY_WORDS[filters.category]);
  if (filters.client) params.set('cliente', filters.client);
  if (filters.mine !== defaults.mine) params.set('mios', filters.mine ? '1' : '0');
  if (filters.sla) params.set('sla', SLA_WORDS[filters.sla]);
  if (filters.agent) params.set('agente', filters.agent);
  if (filters.order !== defaults.order) params.set('orden', ORDER_WORDS[filters.order]);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/**
 * The choices a query string holds (the address's reader, `searchChoice`); what is missing or not
 * offered keeps its default. A client or agent is offered while the screen has not read them if it
 * is an ID (`withKnownChoices` drops it later if it is not among them).
 */
export function filtersFromSearch(search: string, defaults: TicketListFilters): TicketListFilters {
  const choice = <T extends string, F>(param: string, words: ChoiceWords<T>, fallback: F) =>
    wordedSearchChoice(search, param, words, fallback);
  const agent = searchChoice(search, 'agente', isId, defaults.agent);
  const mine = searchChoice(search, 'mios', ['1', '0'], undefined);
  return {
    text: (new URLSearchParams(search).get('q') ?? '').slice(0, 200),
    show: choice('mostrar', SHOW_WORDS, defaults.show),
    category: choice('categoria', CATEGORY_WORDS, defaults.category),
    client: searchChoice(search, 'cliente', isId, defaults.client),
    // A hand-made address with both: the agent's tickets (as `withChoice` would leave them).
    mine: agent ? false : mine ? mine === '1' : defaults.mine,
    sla: choice('sla', SLA_WORDS, defaults.sla),
    agent,
    order: choice('orden', ORDER_WORDS, defaults.order),
  };
}
