// L3-12: configuration and development hours are reserved from an active prepaid package. The
// authorize form asks the ledger's own rule before offering the authorization, so an approver
// whose hours come only from adjustments is told what to do instead of a refusal (QA). Pure
// (unit-tested); mirrors `planReservation` in src/contracts/ledger-rules.ts.

/** The ledger's work categories that need an active package (`PACKAGE_CATEGORIES`). */
const PACKAGE_WORK: readonly string[] = ['CONFIGURATION', 'DEVELOPMENT'];

/** What the rule needs of the ticket (a subset of `TicketDetail`). */
export interface PackageTicket {
  readonly number: string;
  readonly category: string;
  readonly requirementKind: string | null;
  readonly billing?: { readonly noCharge: boolean } | null;
}

/** What the rule needs of the client's hours (`HourBalance`). */
export interface PackageBalance {
  readonly purchased: number;
  readonly available: number;
  readonly reservations: readonly {
    readonly ticketNumber: string;
    readonly reservedHours: number;
  }[];
}

/** The ledger's work category of a ticket, as `workCategory` (workflows/ticket/ticket-ledger.ts). */
export function ledgerWorkCategory(ticket: Pick<PackageTicket, 'category' | 'requirementKind'>) {
  switch (ticket.requirementKind) {
    case 'CHANGE':
    case 'DEVELOPMENT':
      return 'DEVELOPMENT';
    case 'CONFIGURATION':
      return 'CONFIGURATION';
    case 'TRAINING':
      return 'TRAINING';
    default:
      return ticket.category;
  }
}

/**
 * Whether the ledger refuses this ticket's authorization with NO_ACTIVE_PACKAGE: charged
 * configuration or development work, and no purchased hours or none left (the available hours
 * plus what the ticket already holds, which a newer version replaces). A no-charge ticket
 * (L3-18) reserves nothing and needs no package.
 */
export function lacksActivePackage(ticket: PackageTicket, balance: PackageBalance): boolean {
  if (ticket.billing?.noCharge) return false;
  if (!PACKAGE_WORK.includes(ledgerWorkCategory(ticket))) return false;
  const held =
    balance.reservations.find((r) => r.ticketNumber === ticket.number)?.reservedHours ?? 0;
  // In hundredths, as the ledger counts.
  const room = Math.round(balance.available * 100) + Math.round(held * 100);
  return Math.round(balance.purchased * 100) <= 0 || room <= 0;
}
