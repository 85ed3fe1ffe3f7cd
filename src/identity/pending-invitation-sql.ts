/**
 * L3-04: the users whose invitation is pending: invited, and no link of theirs used yet (they have
 * not chosen a password, so they cannot sign in). One `user_id` column.
 */
export const PENDING_INVITATION_USERS_SQL = `SELECT user_id FROM password_link GROUP BY user_id
  HAVING bool_or(purpose = 'INVITATION') AND NOT bool_or(used_at IS NOT NULL)`;
