/**
 * L3-12: the ledger's work category of a ticket (change requests are development work). Pure and
 * free of the workflow SDK: the workflow names it when it reserves an estimate's hours, and the web
 * app's authorize form asks the same rule before offering an authorization the ledger would refuse.
 */
export function ledgerWorkCategory<C extends string>(ticket: {
  readonly category: C;
  readonly requirementKind?: string | null;
}): C | 'DEVELOPMENT' | 'CONFIGURATION' | 'TRAINING' {
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
