import { numberFormat } from '../../../src/shared/intl-formats';
/** Texts of the ticket list's filters and pages (Mis tickets; staff: Tickets) and of the CSV exports. */
export const ticketBrowserEsMX = {
  staffAllIntro: 'Los tickets de los clientes, con su estado y el próximo plazo del SLA.',
  filters: 'Filtrar tickets',
  search: 'Buscar',
  searchHint: 'Número, asunto, descripción o conversación.',
  show: 'Mostrar',
  shows: {
    ALL: 'Todos',
    OPEN: 'Abiertos',
    AWAITING: 'Por autorizar',
    ANSWER: 'Esperan mi respuesta',
    CLOSED: 'Cerrados',
  } as Record<string, string>,
  /** L3-09: an approver's notice of the estimates waiting for them. */
  awaitingNotice: (n: number) =>
    n === 1
      ? 'Una estimación u orden de cambio espera su autorización por escrito.'
      : `${n} estimaciones u órdenes de cambio esperan su autorización por escrito.`,
  showAwaiting: 'Ver las que esperan',
  category: 'Categoría',
  anyCategory: 'Todas',
  client: 'Cliente',
  anyClient: 'Todos',
  mineOnly: 'Solo asignados a mí',
  /** Staff: the ticket's SLA status (the API's slaStatus; L3-06…L3-09). */
  sla: 'Estado del SLA',
  anySla: 'Todos',
  /** Staff: one agent's tickets (L3-07). */
  agent: 'Agente',
  anyAgent: 'Todos',
  assigneeHint: 'Elegir un agente quita «Solo asignados a mí»; marcarlo deja «Agente» en «Todos».',
  apply: 'Aplicar',
  clear: 'Quitar filtros',
  order: 'Ordenar por',
  orders: {
    NEWEST: 'Más recientes',
    OLDEST: 'Más antiguos',
    RECENTLY_UPDATED: 'Actividad reciente',
    NEXT_DEADLINE: 'Próximo plazo (SLA o entrega)',
  } as Record<string, string>,
  /** What a column header's button does (its accessible description). */
  sortBy: (column: string) => `Ordenar por ${column.toLowerCase()}`,
  /** Under the list: the zone its dates and times are in (QA S59), the reader's own. */
  timesIn: (zone: string) => `Fechas y horas en su zona: ${zone}.`,
  /**
   * `total` undefined: more pages follow and their count is still on its way; `moreThan`: the
   * count stopped past that many (a search matching most tickets).
   */
  showing: (n: number, total: number | { moreThan: number } | undefined, order = 'NEWEST') => {
    if (total === undefined)
      return order === 'NEWEST'
        ? `Mostrando los ${n} más recientes…`
        : `Mostrando los primeros ${n}…`;
    const of =
      typeof total === 'number'
        ? `${total}`
        : `más de ${numberFormat('es-MX', {}).format(total.moreThan)}`;
    if (typeof total === 'object' || n < total)
      return order === 'NEWEST'
        ? `Mostrando los ${n} más recientes de ${of}.`
        : `Mostrando los primeros ${n} de ${of}.`;
    return n === 1 ? 'Un ticket.' : `${n} tickets.`;
  },
  loadMore: 'Cargar más',
  loadingMore: 'Cargando…',
  noMatch: 'Ningún ticket coincide con los filtros.',
  /** Staff with «Solo asignados a mí»: a new ticket has no agent yet, so it is not theirs. */
  noMatchMine:
    'Ningún ticket asignado a usted coincide con los filtros. Los que aún no tienen agente están en la Consola.',
  showEveryones: 'Ver los de todos',
  exportCsv: 'Exportar CSV',
  exporting: 'Exportando…',
  exported: (n: number) =>
    n === 1 ? 'Se descargó 1 ticket en CSV.' : `Se descargaron ${n} tickets en CSV.`,
  exportCapped: (n: number, order = 'NEWEST') =>
    order === 'NEWEST'
      ? `Se descargaron los ${n} tickets más recientes; filtre para exportar los demás.`
      : `Se descargaron los primeros ${n} tickets de la lista; filtre para exportar los demás.`,
  exportedRows: (n: number) =>
    n === 1 ? 'Se descargó 1 fila en CSV.' : `Se descargaron ${n} filas en CSV.`,
  /** «Próximo plazo» when nothing is due: why (QA S21; L3-06…L3-08). */
  due: {
    /** A client's list: the provider waits on them. */
    yourAnswer: 'Esperando su respuesta',
    /** An approver's list: an estimate waits for their written authorization (L3-09). */
    yourAuthorization: 'Esperando su autorización',
    /** Any other client user's: only an approver authorizes it (L3-09). */
    approverAuthorization: 'Esperando autorización de su aprobador',
    /** Staff: the clock is paused until the client answers. */
    pausedOnClient: 'En pausa: esperando al cliente',
    /** Staff: the next step is the client's and no clock runs. */
    onClient: 'Esperando al cliente',
    /** L3-06: the remote session the client confirmed, followed by its time (QA S60b #9). */
    remoteSession: 'Sesión remota',
    /** Just registered: the triage deadline is a moment away. */
    calculating: 'Calculando plazo…',
    /** The business time a paused clock keeps («5 h hábiles»). */
    left: (time: string) => `Restante: ${time}`,
  },
  columns: {
    number: 'Número',
    client: 'Cliente',
    subject: 'Asunto',
    category: 'Categoría',
    state: 'Estado',
    sla: 'SLA',
    nextDeadline: 'Próximo plazo',
    releaseDate: 'Fecha de entrega',
    registeredAt: 'Registrado',
    updatedAt: 'Última actividad',
    assignee: 'Asignado a',
  },
};

export type TicketBrowserMessages = typeof ticketBrowserEsMX;
