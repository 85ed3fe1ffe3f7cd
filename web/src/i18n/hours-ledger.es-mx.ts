/**
 * The prepaid-hours ledger in words (L3-03, L3-13): each entry's reason from its parts
 * (`HourLedgerEntry.reasonParts`); figures and dates arrive already formatted. `en` mirrors it.
 */
export const hoursLedgerEsMX = {
  /** Header of the amount column: the entry's effect on the available hours. */
  availableChange: 'Cambio en disponibles',
  concept: 'Concepto',
  reasons: {
    PACKAGE_PURCHASED: (reference: string, date: string) =>
      `Compra del paquete ${reference}, del ${date}`,
    ESTIMATE_AUTHORIZED: (version: number, hours: string, category: string) =>
      `Estimación v${version} autorizada: se reservan ${hours} h (${category})`,
    ESTIMATE_REPLACED: (version: number) =>
      `Estimación v${version} autorizada: se libera la reserva de la versión anterior`,
    TIME_LOGGED: (hours: string, date: string) =>
      `${hours} h trabajadas el ${date}, tomadas de la reserva del ticket`,
    TIME_LOGGED_NO_CHARGE: (hours: string, date: string) =>
      `${hours} h trabajadas el ${date}, sin cargo al paquete (L3-18)`,
    TICKET_ENDED: (state: string) =>
      `Ticket ${state}: se liberan las horas reservadas que no se usaron`,
    TICKET_NO_CHARGE: 'Ticket sin cargo al paquete (L3-18): se libera su reserva',
    TICKET_CHARGED_AGAIN: (version: number) =>
      `Ticket con cargo al paquete de nuevo (L3-18): se reserva otra vez la estimación v${version}`,
  },
};

export type HoursLedgerMessages = typeof hoursLedgerEsMX;
