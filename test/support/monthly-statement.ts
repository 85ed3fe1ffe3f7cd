/**
 * L3-03, L3-13: the monthly statement as the specs read it through the API, every field the web
 * page and the CSV show (fee, hours per ticket, balances, movements, the CSV itself). One query
 * for contracts.spec and statement-month-boundary.spec, so a field added to the statement is
 * asked (and checked) in one place.
 */
export const MONTHLY_STATEMENT = `query ($organizationId: ID!, $month: String!) {
  monthlyStatement(organizationId: $organizationId, month: $month) {
    month timeZone monthlyFee currency
    hoursPurchased hoursConsumed hoursWaived hoursAdjusted openingBalance closingBalance
    tickets { ticketNumber hoursLogged hoursCharged hoursWaived }
    movements { entryId date kind reversedKind hours ticketNumber packageReference reason createdByName }
    csv } }`;

/** The answer to {@link MONTHLY_STATEMENT}. */
export interface MonthlyStatementView {
  month: string;
  timeZone: string;
  monthlyFee: number | null;
  currency: string;
  hoursPurchased: number;
  hoursConsumed: number;
  hoursWaived: number;
  hoursAdjusted: number;
  openingBalance: number;
  closingBalance: number;
  tickets: {
    ticketNumber: string;
    hoursLogged: number;
    hoursCharged: number;
    hoursWaived: number;
  }[];
  movements: {
    entryId: string;
    date: string;
    kind: string;
    reversedKind: string | null;
    hours: number;
    ticketNumber: string | null;
    packageReference: string | null;
    reason: string | null;
    createdByName: string | null;
  }[];
  csv: string;
}
