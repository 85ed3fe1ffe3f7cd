// Plain enums of the contracts domain. Entities import these; their GraphQL registration lives in
// `graphql-enums.ts` so entity files never load @nestjs/graphql (see src/identity/graphql-enums.ts).

/** L3-01: a client may register tickets only while its policy is ACTIVE. */
export enum PolicyStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  ENDED = 'ENDED',
}

/**
 * Kinds of prepaid-hours ledger entries. Sign of `hours` per kind (also a CHECK in the database):
 * PURCHASE > 0, RESERVATION > 0, RESERVATION_RELEASE < 0, CONSUMPTION ≤ 0 (0 on a no-charge
 * ticket), ADJUSTMENT ≠ 0, REVERSAL = −(the reversed entry's hours). See `ledger-rules.ts`.
 */
export enum LedgerEntryKind {
  PURCHASE = 'PURCHASE',
  RESERVATION = 'RESERVATION',
  RESERVATION_RELEASE = 'RESERVATION_RELEASE',
  CONSUMPTION = 'CONSUMPTION',
  ADJUSTMENT = 'ADJUSTMENT',
  REVERSAL = 'REVERSAL',
}

/** What happened to a support policy (append-only history, `support_policy_event`). */
export enum PolicyEventKind {
  CREATED = 'CREATED',
  TERMS_CHANGED = 'TERMS_CHANGED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  ODOO_ADMIN_RECORDED = 'ODOO_ADMIN_RECORDED',
}

/** L3-01 ticket categories (same names as `workflows/ticket/ticket.contract.ts`). */
export type WorkCategory =
  'QUESTION' | 'INCIDENT' | 'CONFIGURATION' | 'DEVELOPMENT' | 'TRAINING' | 'ADMIN_ACTION';

/** L3-12: advanced configuration and development need an active prepaid package. */
export const PACKAGE_CATEGORIES: readonly WorkCategory[] = ['CONFIGURATION', 'DEVELOPMENT'];
