import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Custom search attributes every ticket workflow upserts, so managers can list tickets through
// Temporal visibility. The dev server registers them at start (`--search-attribute`).

/** Business key, e.g. `L3-2026-000123`. */
export const TICKET_NUMBER = defineSearchAttributeKey(
  'SlaTicketNumber',
  SearchAttributeType.KEYWORD,
);
/** Client organization ID. */
export const CLIENT_ORG = defineSearchAttributeKey('SlaClientOrg', SearchAttributeType.KEYWORD);
/** Lifecycle state name of the ticket. */
export const TICKET_STATE = defineSearchAttributeKey('SlaTicketState', SearchAttributeType.KEYWORD);
/** Worst SLA status over the running clocks: `ok`, `at_risk`, `breached`. */
export const SLA_STATUS = defineSearchAttributeKey('SlaStatus', SearchAttributeType.KEYWORD);
/** The earliest running clock deadline. */
export const NEXT_DEADLINE = defineSearchAttributeKey(
  'SlaNextDeadline',
  SearchAttributeType.DATETIME,
);

/** Every key, for server registration. */
export const ALL_SEARCH_ATTRIBUTES = [
  TICKET_NUMBER,
  CLIENT_ORG,
  TICKET_STATE,
  SLA_STATUS,
  NEXT_DEADLINE,
];
