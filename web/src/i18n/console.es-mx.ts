import { numberFormat } from '../../../src/shared/intl-formats';

/**
 * How a ticket that is no longer open ended, in the console's sentence about it (QA S60b #8), with
 * the day when known: «se canceló el 3 dic» (QA S62 #11: once, not «está cancelado (Cancelado el
 * 3 dic)»).
 */
const ENDED: Record<string, (day: string | null) => string> = {
  CLOSED: (day) => (day ? `se cerró el ${day}` : 'está cerrado'),
  CANCELLED: (day) => (day ? `se canceló el ${day}` : 'está cancelado'),
  OUT_OF_SCOPE: (day) => `se cerró${day ? ` el ${day}` : ''} por estar fuera de alcance`,
  NOT_FEASIBLE: (day) => `se cerró${day ? ` el ${day}` : ''} por no ser factible`,
};

/** Texts of the agents' console (its work list's are `planning.workList`). */
export const consoleEsMX = {
  title: 'Consola',
  intro: 'Tickets abiertos de todos los clientes, el plazo más próximo primero.',
  search: 'Buscar',
  searchHint: 'Busca entre los tickets abiertos: número, asunto, descripción o conversación.',
  refresh: 'Actualizar',
  find: 'Buscar',
  showWorkList: 'Ver la lista de trabajo',
  /** QA S60: a search that finds no open ticket points to the closed ones in «Tickets». */
  noOpenMatch: (text: string) => `Ningún ticket abierto coincide con «${text}».`,
  searchAllTickets: 'Buscarlo también entre los cerrados y cancelados, en Tickets',
  /** QA S60b #8: nothing matches, in any state (nothing to look for in «Tickets»). */
  noMatchAtAll: (text: string) => `Ningún ticket, abierto ni cerrado, coincide con «${text}».`,
  /**
   * QA S60b #8: the number searched is a ticket that is no longer open; `day` when it ended
   * («3 dic»; null for a ticket ended before the read model kept it).
   */
  endedTicket: (number: string, state: string, day: string | null) => {
    const ended = ENDED[state] ?? ENDED.CLOSED;
    return `El ticket ${number} ${ended(day)}.`;
  },
  openTicket: (number: string) => `Abrir el ticket ${number}`,
  /** QA S60b #8: no open ticket matches the words, `count` closed or cancelled ones do. */
  endedMatches: (text: string, count: number | { moreThan: number }) => {
    const some =
      typeof count === 'object'
        ? `más de ${numberFormat('es-MX', {}).format(count.moreThan)} tickets cerrados o cancelados sí`
        : count === 1
          ? 'uno cerrado o cancelado sí'
          : `${numberFormat('es-MX', {}).format(count)} tickets cerrados o cancelados sí`;
    return `Ningún ticket abierto coincide con «${text}», pero ${some}.`;
  },
  showEndedMatches: (count: number | { moreThan: number }): string =>
    count === 1 ? 'Verlo en Tickets' : 'Verlos en Tickets',
};

export type ConsoleMessages = typeof consoleEsMX;
