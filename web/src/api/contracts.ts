import { operation } from './graphql-client';

// Contracts and prepaid hours (L3-01, L3-03, L3-12, L3-13): a subset of schema.graphql.

export type PolicyStatus = 'ACTIVE' | 'SUSPENDED' | 'ENDED';
/**
 * The statuses a policy may take next, as the API allows them (SupportPoliciesService's
 * TRANSITIONS): ACTIVE ⇄ SUSPENDED, either → ENDED, ENDED → ACTIVE only (a renewal).
 */
export const NEXT_POLICY_STATUSES: Readonly<Record<PolicyStatus, readonly PolicyStatus[]>> = {
  ACTIVE: ['SUSPENDED', 'ENDED'],
  SUSPENDED: ['ACTIVE', 'ENDED'],
  ENDED: ['ACTIVE'],
};

export interface SupportPolicyEvent {
  id: string;
  kind: string;
  at: string;
  reason: string | null;
  fromStatus: PolicyStatus | null;
  toStatus: PolicyStatus | null;
  /** What changed, as JSON (e.g. the Odoo admin user's `{from, to, confirmed}`). */
  changes: string;
}

export interface SupportPolicy {
  id: string;
  organizationId: string;
  status: PolicyStatus;
  monthlyFee: number;
  currency: string;
  startDate: string;
  canRegisterTickets: boolean;
  registrationBlockedReason: string | null;
  statusReason: string | null;
  statusChangedAt: string;
  odooAdminLogin: string | null;
  odooAdminMissing: boolean;
  /** L3-07: business minutes between progress updates on a problem ticket. */
  progressCadenceMinutes: number;
  progressCadenceIsDefault: boolean;
  history: SupportPolicyEvent[];
}

const POLICY_FIELDS = `id organizationId status monthlyFee currency startDate canRegisterTickets
  registrationBlockedReason statusReason statusChangedAt odooAdminLogin odooAdminMissing
  progressCadenceMinutes progressCadenceIsDefault
  history { id kind at reason fromStatus toStatus changes }`;

export const SUPPORT_POLICY = operation<
  { supportPolicy: SupportPolicy | null },
  { organizationId: string }
>(`query SupportPolicy($organizationId: ID!) {
  supportPolicy(organizationId: $organizationId) { ${POLICY_FIELDS} }
}`);

/**
 * L3-16 on an admin-action ticket's page: only whether the client's Odoo admin user for the
 * provider is missing or unconfirmed (provider staff read any client's policy; the API's rule).
 */
export const ODOO_ADMIN_FLAG = operation<
  { supportPolicy: Pick<SupportPolicy, 'id' | 'odooAdminMissing'> | null },
  { organizationId: string }
>(`query OdooAdminFlag($organizationId: ID!) {
  supportPolicy(organizationId: $organizationId) { id odooAdminMissing }
}`);

export const UPSERT_SUPPORT_POLICY = operation<
  { upsertSupportPolicy: SupportPolicy },
  {
    input: {
      organizationId: string;
      monthlyFee: number;
      currency: string;
      startDate: string;
      reason?: string;
    };
  }
>(`mutation UpsertSupportPolicy($input: UpsertSupportPolicyInput!) {
  upsertSupportPolicy(input: $input) { ${POLICY_FIELDS} }
}`);

export const SET_SUPPORT_POLICY_STATUS = operation<
  { setSupportPolicyStatus: SupportPolicy },
  { input: { organizationId: string; status: PolicyStatus; reason: string } }
>(`mutation SetSupportPolicyStatus($input: SetSupportPolicyStatusInput!) {
  setSupportPolicyStatus(input: $input) { ${POLICY_FIELDS} }
}`);

/** L3-07: sets a client's progress-update cadence (null: back to the default 480 minutes). */
export const SET_PROGRESS_CADENCE = operation<
  { setProgressCadence: SupportPolicy },
  { input: { organizationId: string; progressCadenceMinutes: number | null; reason?: string } }
>(`mutation SetProgressCadence($input: SetProgressCadenceInput!) {
  setProgressCadence(input: $input) { ${POLICY_FIELDS} }
}`);

/** L3-16: the client's Odoo admin user for the provider (null login clears it; then flagged). */
export const RECORD_ODOO_ADMIN_USER = operation<
  { recordOdooAdminUser: SupportPolicy },
  { input: { organizationId: string; login: string | null; confirmed: boolean } }
>(`mutation RecordOdooAdminUser($input: RecordOdooAdminUserInput!) {
  recordOdooAdminUser(input: $input) { ${POLICY_FIELDS} }
}`);

export interface HourBalanceDetail {
  purchased: number;
  consumed: number;
  adjustments: number;
  balance: number;
  reserved: number;
  available: number;
  reservations: { ticketNumber: string; reservedHours: number; consumedHours: number }[];
}

/** The parts of a ledger entry's reason, to word it in the UI language. */
export interface LedgerReasonParts {
  code: string;
  hours: number | null;
  estimateVersion: number | null;
  date: string | null;
  packageReference: string | null;
  workCategory: string | null;
  ticketState: string | null;
  noCharge: boolean;
  note: string | null;
}

export interface LedgerEntry {
  id: string;
  kind: string;
  hours: number;
  /** How it changed the available hours (a reservation takes, a release gives back). */
  availableEffect: number;
  reason: string;
  reasonParts: LedgerReasonParts;
  ticketNumber: string | null;
  createdAt: string;
  balanceAfter: number | null;
  availableAfter: number | null;
  /** L3-13: whether reverseHourEntry accepts it (a purchase, adjustment or consumption, once). */
  reversible: boolean;
  /** The REVERSAL that cancelled it. */
  reversedByEntryId: string | null;
  /** A REVERSAL: the entry it cancels (possibly not on the loaded page). */
  reverses: ReversedEntry | null;
  /** Who caused it, by name (null: the system). */
  createdByName: string | null;
}

/** What a reversal says about the entry it cancels. */
export interface ReversedEntry {
  id: string;
  kind: string;
  hours: number;
  ticketNumber: string | null;
  createdAt: string;
  /** A purchase's package reference and purchase date name it (QA S56, S57). */
  reasonParts: Pick<LedgerReasonParts, 'packageReference' | 'date'> | null;
}

const REVERSED_FIELDS =
  'id kind hours ticketNumber createdAt reasonParts { packageReference date }';

export const HOURS_OVERVIEW = operation<
  {
    hourBalance: HourBalanceDetail;
    hourStatement: {
      totalCount: number;
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
      edges: { node: LedgerEntry }[];
    };
  },
  { organizationId: string; first: number }
>(`query HoursOverview($organizationId: ID!, $first: Int!) {
  hourBalance(organizationId: $organizationId) {
    purchased consumed adjustments balance reserved available
    reservations { ticketNumber reservedHours consumedHours }
  }
  hourStatement(organizationId: $organizationId, first: $first) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id kind hours availableEffect reason ticketNumber createdAt balanceAfter availableAfter
      reversible reversedByEntryId reverses { ${REVERSED_FIELDS} } createdByName
      reasonParts { code hours estimateVersion date packageReference workCategory ticketState noCharge note } } }
  }
}`);

const LEDGER_ENTRY_FIELDS = `id kind hours availableEffect reason ticketNumber createdAt balanceAfter
  availableAfter reversible reversedByEntryId reverses { ${REVERSED_FIELDS} } createdByName
  reasonParts { code hours estimateVersion date packageReference workCategory ticketState noCharge note }`;

/** L3-13: older movements of the ledger, after the cursor of the ones already shown. */
export const HOUR_STATEMENT_PAGE = operation<
  {
    hourStatement: {
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
      edges: { node: LedgerEntry }[];
    };
  },
  { organizationId: string; first: number; after: string }
>(`query HourStatementPage($organizationId: ID!, $first: Int!, $after: String) {
  hourStatement(organizationId: $organizationId, first: $first, after: $after) {
    pageInfo { endCursor hasNextPage }
    edges { node { ${LEDGER_ENTRY_FIELDS} } }
  }
}`);

/** L3-13: a manager's correction of a client's hours (either sign), with its reason. */
export const ADJUST_HOURS = operation<
  { adjustHours: { id: string; hours: number } },
  { input: { organizationId: string; hours: number; reason: string; idempotencyKey: string } }
>(`mutation AdjustHours($input: AdjustHoursInput!) {
  adjustHours(input: $input) { id hours }
}`);

/** L3-13: cancels a purchase, adjustment or consumption with a REVERSAL entry. */
export const REVERSE_HOUR_ENTRY = operation<
  { reverseHourEntry: { id: string; hours: number; reverses: ReversedEntry | null } },
  { input: { entryId: string; reason: string; idempotencyKey: string } }
>(`mutation ReverseHourEntry($input: ReverseHourEntryInput!) {
  reverseHourEntry(input: $input) { id hours reverses { ${REVERSED_FIELDS} } }
}`);

export interface MonthlyStatement {
  month: string;
  organizationName: string;
  currency: string;
  monthlyFee: number | null;
  policyStatus: PolicyStatus | null;
  /** YYYY-MM: the first month with anything to state; null when there is nothing yet. */
  firstMonth: string | null;
  hoursPurchased: number;
  hoursConsumed: number;
  hoursWaived: number;
  tickets: {
    ticketNumber: string;
    hoursLogged: number;
    hoursCharged: number;
    hoursWaived: number;
  }[];
  /** L3-13: the balance at the month's start and end, and what moved it besides tickets. */
  timeZone: string;
  openingBalance: number;
  hoursAdjusted: number;
  closingBalance: number;
  movements: MonthlyStatementMovement[];
  csv: string;
}

/** A purchase, adjustment or reversal of the month. */
export interface MonthlyStatementMovement {
  entryId: string;
  date: string;
  kind: string;
  reversedKind: string | null;
  hours: number;
  ticketNumber: string | null;
  packageReference: string | null;
  /** L3-03: a purchase's price (its reversal's negated), in amountCurrency; else null. */
  amount: number | null;
  amountCurrency: string | null;
  reason: string | null;
  createdByName: string | null;
}

export const MONTHLY_STATEMENT = operation<
  { monthlyStatement: MonthlyStatement },
  { organizationId: string; month: string }
>(`query MonthlyStatement($organizationId: ID!, $month: String!) {
  monthlyStatement(organizationId: $organizationId, month: $month) {
    month organizationName currency monthlyFee policyStatus firstMonth hoursPurchased hoursConsumed
    hoursWaived
    tickets { ticketNumber hoursLogged hoursCharged hoursWaived }
    timeZone openingBalance hoursAdjusted closingBalance
    movements { entryId date kind reversedKind hours ticketNumber packageReference amount amountCurrency reason createdByName }
    csv
  }
}`);

export const PURCHASE_HOUR_PACKAGE = operation<
  { purchaseHourPackage: { id: string; hours: number; reference: string } },
  {
    input: {
      organizationId: string;
      hours: number;
      price: number;
      currency: string;
      purchasedOn: string;
      reference: string;
      idempotencyKey: string;
    };
  }
>(`mutation PurchaseHourPackage($input: PurchaseHourPackageInput!) {
  purchaseHourPackage(input: $input) { id hours reference }
}`);
