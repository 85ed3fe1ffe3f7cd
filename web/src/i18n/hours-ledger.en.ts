import type { HoursLedgerMessages } from './hours-ledger.es-mx';

/** English mirror of `hours-ledger.es-mx.ts`. */
export const hoursLedgerEn: HoursLedgerMessages = {
  availableChange: 'Change in available',
  concept: 'Description',
  reasons: {
    PACKAGE_PURCHASED: (reference, date) => `Package ${reference} purchased on ${date}`,
    ESTIMATE_AUTHORIZED: (version, hours, category) =>
      `Estimate v${version} authorized: ${hours} h reserved (${category})`,
    ESTIMATE_REPLACED: (version) =>
      `Estimate v${version} authorized: the previous version's reservation is released`,
    TIME_LOGGED: (hours, date) =>
      `${hours} h worked on ${date}, taken from the ticket's reservation`,
    TIME_LOGGED_NO_CHARGE: (hours, date) =>
      `${hours} h worked on ${date}, not charged to the package (L3-18)`,
    TICKET_ENDED: (state) => `Ticket ${state}: the unused reserved hours are released`,
    TICKET_NO_CHARGE: 'Ticket not charged to the package (L3-18): its reservation is released',
    TICKET_CHARGED_AGAIN: (version) =>
      `Ticket charged to the package again (L3-18): estimate v${version} is reserved again`,
  },
};
