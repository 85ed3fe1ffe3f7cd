import type { MonthlyStatement } from '../../web/src/api/contracts';

/**
 * L3-03, L3-13: the monthly statement as the specs read it through the API, every field the web
 * page and the CSV show (fee, hours per ticket, balances, movements, the CSV itself), i.e. every
 * field of the web's `MonthlyStatement` (web/src/api/contracts.ts). One query for contracts.spec
 * and statement-month-boundary.spec, so a field added to the statement is asked (and checked) in
 * one place.
 */
export const MONTHLY_STATEMENT = `query ($organizationId: ID!, $month: String!) {
  monthlyStatement(organizationId: $organizationId, month: $month) {
    month organizationName timeZone monthlyFee currency policyStatus firstMonth
    hoursPurchased hoursConsumed hoursWaived hoursAdjusted openingBalance closingBalance
    tickets { ticketNumber hoursLogged hoursCharged hoursWaived }
    movements { entryId date kind reversedKind hours ticketNumber packageReference amount amountCurrency reason createdByName }
    csv } }`;

/**
 * The answer to {@link MONTHLY_STATEMENT}: the web app's own statement type (what the page and the
 * CSV read), imported rather than copied, so the two cannot drift apart.
 */
export type MonthlyStatementView = MonthlyStatement;
