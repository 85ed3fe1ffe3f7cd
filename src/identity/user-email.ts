import type { IsEmail } from 'class-validator';

/**
 * How a user's email is checked (create, correct): letters outside ASCII before the @ are refused
 * («josé@aurora.example», QA S55). Such a local part needs SMTPUTF8 end to end, which most relays
 * lack, so the invitation would never arrive; the domain may still be international.
 */
export const USER_EMAIL: Parameters<typeof IsEmail>[0] = { allow_utf8_local_part: false };
