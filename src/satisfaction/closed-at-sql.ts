import { RATABLE_STATE } from './satisfaction-rules';

// SQL pieces about ticket `t`'s closure that the summary and the reminder sweep share, written as
// the partial index ix_ticket_closed_at (migration 1764319690000) has them, so both read a range.

/**
 * When ticket `t` was closed, as the read model keeps it (`details.closure.at`): ISO-8601 UTC
 * text, whose text order is its time order. Compare it with `Date#toISOString()` values.
 */
export const CLOSED_AT_TEXT_SQL = `(t.details -> 'closure' ->> 'at')`;

/** The same, as an instant (for the month in the calendar's zone, for the rows read). */
export const CLOSED_AT_SQL = `${CLOSED_AT_TEXT_SQL}::timestamptz`;

/** `t` is in the state a rating accepts: a literal, so the partial index applies. */
export const RATABLE_SQL = `t.state = '${RATABLE_STATE}'`;
