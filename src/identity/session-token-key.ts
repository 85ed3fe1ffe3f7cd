import { createHash } from 'node:crypto';

/**
 * The key a session token is known by once logged out (`logged_out_session.token_sha256`): its
 * SHA-256 in hex, so neither the database nor the instances' memory hold a usable token.
 */
export function sessionTokenKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
