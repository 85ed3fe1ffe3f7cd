/**
 * Whether «Registrar horas» is offered on a ticket (L3-12, L3-18): the same rule the API applies
 * (planConsumption in src/contracts/ledger-rules.ts). Work is charged to the hours the ticket's
 * authorized estimate still holds, so it is accepted only while the ledger holds some for it, or
 * when the ticket is free of charge to the package. QA S14-F: the form was offered on a problem
 * ticket with no estimate and the API refused every entry.
 */
export type LogHoursOffer =
  | 'offer'
  /** No estimate was ever authorized (a problem ticket has none) and it is charged. */
  | 'noEstimate'
  /** Its authorized hours are used up or given back (replaced): a change order is needed. */
  | 'noHoursLeft'
  /**
   * Closed or cancelled and charged: what it held went back to the balance and it takes no
   * estimate nor change order; only «Sin cargo al paquete» allows an entry (QA S16).
   */
  | 'closed';

export function logHoursOffer(ticket: {
  /** L3-18: the ticket is free of charge to the hour package. */
  noCharge: boolean;
  /** Hours the ledger holds for the ticket now (hourBalance.reservations; 0 when none). */
  heldHours: number;
  /** Whether an estimate of the ticket was ever authorized. */
  authorized: boolean;
  /** The ticket is closed or cancelled. */
  closed?: boolean;
}): LogHoursOffer {
  if (ticket.noCharge || ticket.heldHours > 0) return 'offer';
  if (ticket.closed) return 'closed';
  return ticket.authorized ? 'noHoursLeft' : 'noEstimate';
}
