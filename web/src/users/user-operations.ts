import { operation } from '../api/graphql-client';
import type { Locale, Role, User } from '../api/operations';

// The user administration and password operations (L3-04).

const USER_FIELDS = `id email displayName roles locale timeZone active invitationPending organization { id name kind }`;

/** A new user without a password: the API emails them an invitation link. */
export interface InviteUserInput {
  organizationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
}

export const INVITE_USER = operation<{ createUser: User }, { input: InviteUserInput }>(
  `mutation InviteUser($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`,
);

export interface UpdateUserInput {
  userId: string;
  /** Corrects the address: the user is emailed at the new one; their sessions keep working. */
  email?: string;
  displayName?: string;
  roles?: Role[];
  locale?: Locale;
  timeZone?: string;
}

export const UPDATE_USER = operation<{ updateUser: User }, { input: UpdateUserInput }>(
  `mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { ${USER_FIELDS} } }`,
);

export const SEND_PASSWORD_RESET_LINK = operation<
  { sendPasswordResetLink: { email: string; expiresAt: string } },
  { userId: string }
>(`mutation SendPasswordResetLink($userId: ID!) {
  sendPasswordResetLink(userId: $userId) { email expiresAt }
}`);

/** L3-04: a pending invitation again (a new 72 h link); RATE_LIMITED within a minute. */
export const RESEND_INVITATION = operation<
  { resendInvitation: { email: string; expiresAt: string } },
  { userId: string }
>(`mutation ResendInvitation($userId: ID!) {
  resendInvitation(userId: $userId) { email expiresAt }
}`);

/** «¿Olvidó su contraseña?» (public, L3-04): the same answer whether the account exists. */
export const REQUEST_PASSWORD_RESET = operation<
  { requestPasswordReset: { email: string } },
  { email: string }
>(`mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email) { email }
}`);

export const SET_PASSWORD_WITH_TOKEN = operation<
  { setPasswordWithToken: { email: string } },
  { token: string; password: string }
>(`mutation SetPasswordWithToken($token: String!, $password: String!) {
  setPasswordWithToken(token: $token, password: $password) { email }
}`);

/** Ends every session of the user and answers with a fresh one for this tab (L3-04). */
export const CHANGE_PASSWORD = operation<
  { changePassword: { token: string; expiresAt: string; user: User } },
  { currentPassword: string; newPassword: string }
>(`mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    token expiresAt user { ${USER_FIELDS} }
  }
}`);
