import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import { Role } from '../../src/identity/role.enum';
import { type CaughtMail, caughtMails, passwordLinkToken } from '../support/caught-mail';
import { databaseFingerprint, waitForQuiet } from '../support/database-fingerprint';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { someoneWaitsForRowLock } from '../support/lock-waiters';
import { startDispatcher } from '../support/outbox-dispatcher';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { AURORA_ORG } from '../support/demo-contract';
import { emailsQueued } from '../support/emails-queued';

// L3-04: portal users are issued by the provider — and then administered: an admin edits a user,
// a new user is invited by a one-time emailed link (no password handed over), an admin sends a
// reset link, and every user changes their own password. Real API over HTTP, real PostgreSQL,
// the real outbox dispatcher and the SMTP catcher.

const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { id email displayName }
}`;
const UPDATE_USER = `mutation ($input: UpdateUserInput!) {
  updateUser(input: $input) { id displayName roles locale timeZone }
}`;
const SEND_RESET = `mutation ($userId: ID!) {
  sendPasswordResetLink(userId: $userId) { email expiresAt }
}`;
const SET_PASSWORD = `mutation ($token: String!, $password: String!) {
  setPasswordWithToken(token: $token, password: $password) { email }
}`;
const CHANGE_PASSWORD = `mutation ($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    token expiresAt user { id }
  }
}`;
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { id active }
}`;
const ME = `{ me { id roles } }`;
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;

describe('User administration (L3-04): edit, invitation and reset links, own password', () => {
  let world: SeededWorld;
  let dispatcher: EmailDispatcher;
  const admin = () => world.bearer(Role.ADMIN);
  const unique = `${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    world = await createSeededWorld('user-admin');
    dispatcher = await startDispatcher(world);
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await world?.close();
  });

  /** Waits for the `count`-th email to `address` and returns the token of its link. */
  async function linkToken(
    address: string,
    count: number,
  ): Promise<{ mail: CaughtMail; token: string }> {
    const mails = await eventually(
      () => caughtMails(address),
      (m) => m.length >= count,
    );
    const mail = [...mails].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))[count - 1];
    return { mail, token: passwordLinkToken(mail) };
  }
  async function login(email: string, password: string) {
    const { body } = await gql<{ login: { token: string } }>(world.api, LOGIN, { email, password });
    return body;
  }
  async function createInvited(email: string, roles = ['CLIENT_USER']) {
    const { body } = await gql<{ createUser: { id: string } }>(
      world.api,
      CREATE_USER,
      {
        input: {
          organizationId: world.orgIds['comercializadora-aurora'],
          email,
          displayName: 'Pedro Invitado',
          roles,
        },
      },
      admin(),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.createUser.id;
  }

  /**
   * Runs `first` then `second` while the spec holds the rows of `userIds` (`FOR UPDATE`): each
   * is sent once the one before waits for a row, so once they are let go `first` commits, then
   * `second` goes on with the rows as `first` left them. Their answers.
   */
  async function queuedOnUserRows<A, B>(
    userIds: string[],
    first: () => Promise<A>,
    second: () => Promise<B>,
  ): Promise<[A, B]> {
    const holder = world.db.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query('SELECT 1 FROM app_user WHERE id = ANY($1::uuid[]) FOR UPDATE', [userIds]);
      const firstDone = first();
      await someoneWaitsForRowLock(world.db, 'app_user', 1);
      // A password change reaches its UPDATE only after argon2's verify and hash.
      const secondDone = second();
      await someoneWaitsForRowLock(world.db, 'app_user', 2);
      await holder.commitTransaction();
      return await Promise.all([firstDone, secondDone]);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  }

  describe('editing a user', () => {
    it('changes name, roles, language and time zone of a client user', async () => {
      const id = await createInvited(`editado-${unique}@aurora.example`);
      const { body } = await gql(
        world.api,
        UPDATE_USER,
        {
          input: {
            userId: id,
            displayName: '  Pedro Editado ',
            roles: ['CLIENT_APPROVER', 'CLIENT_USER'],
            locale: 'EN',
            timeZone: 'America/Cancun',
          },
        },
        admin(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        updateUser: {
          id,
          displayName: 'Pedro Editado',
          roles: ['CLIENT_USER', 'CLIENT_APPROVER'],
          locale: 'EN',
          timeZone: 'America/Cancun',
        },
      });
    });

    it('refuses provider roles for a client user, unknown users, non-admins and removing one’s own ADMIN, changing nothing', async () => {
      const id = await createInvited(`rechazos-${unique}@aurora.example`);
      const [{ id: adminId }] = await world.db.query<{ id: string }[]>(
        `SELECT id FROM app_user WHERE 'ADMIN' = ANY(roles) ORDER BY email LIMIT 1`,
      );
      const cases: [Record<string, unknown>, Record<string, string>, string][] = [
        [{ userId: id, roles: ['AGENT'] }, admin(), 'VALIDATION_FAILED'],
        [{ userId: id, displayName: '   ' }, admin(), 'VALIDATION_FAILED'],
        [{ userId: id, timeZone: 'Mars/Olympus' }, admin(), 'VALIDATION_FAILED'],
        [
          { userId: '00000000-0000-4000-8000-000000000000', displayName: 'X' },
          admin(),
          'NOT_FOUND',
        ],
        [{ userId: id, displayName: 'X' }, world.bearer(Role.MANAGER), 'FORBIDDEN'],
        [{ userId: id, displayName: 'X' }, world.bearer(Role.CLIENT_USER), 'FORBIDDEN'],
        [{ userId: adminId, roles: ['MANAGER'], displayName: 'Sin admin' }, admin(), 'CONFLICT'],
      ];
      await waitForQuiet(world.db);
      for (const [input, headers, code] of cases) {
        await emailsQueued(world.db);
        const before = await databaseFingerprint(world.db);
        const { body } = await gql(world.api, UPDATE_USER, { input }, headers);
        expect({ input, code: body.errors?.[0]?.extensions?.code }).toEqual({ input, code });
        expect(await databaseFingerprint(world.db)).toEqual(before);
      }
      // The admin may still edit their own name and keep ADMIN.
      const { body } = await gql<{ updateUser: { roles: string[] } }>(
        world.api,
        UPDATE_USER,
        { input: { userId: adminId, roles: ['ADMIN', 'MANAGER'] } },
        admin(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.updateUser.roles).toEqual(['MANAGER', 'ADMIN']);
    });
  });

  describe('invitation link', () => {
    it('emails a new user a Spanish link that sets the password once; then login works', async () => {
      const email = `pedro-${unique}@aurora.example`;
      await createInvited(email);
      const { mail, token } = await linkToken(email, 1);
      expect(mail.subject).toBe('Le damos la bienvenida al portal de soporte L3');
      expect(mail.text).toContain(AURORA_ORG);
      expect(mail.text).toContain(
        `${world.config.api.publicUrl.replace(/\/+$/, '')}/contrasena?token=`,
      );
      // Only the hash is stored.
      const stored = await world.db.query<{ token_hash: string; purpose: string }[]>(
        `SELECT token_hash, purpose FROM password_link l JOIN app_user u ON u.id = l.user_id
          WHERE u.email = $1`,
        [email],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].purpose).toBe('INVITATION');
      expect(stored[0].token_hash).not.toContain(token);

      // No password works before the link is used.
      expect((await login(email, 'una-clave-larga-1')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const short = await gql(world.api, SET_PASSWORD, { token, password: 'corta' });
      expect(short.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

      const first = await gql(world.api, SET_PASSWORD, { token, password: 'mi-clave-nueva-123' });
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data).toEqual({ setPasswordWithToken: { email } });
      expect((await login(email, 'mi-clave-nueva-123')).data?.login.token).toEqual(
        expect.any(String),
      );

      await waitForQuiet(world.db);
      await emailsQueued(world.db);
      const before = await databaseFingerprint(world.db);
      const second = await gql(world.api, SET_PASSWORD, { token, password: 'otra-clave-456789' });
      expect(second.body.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason: 'PASSWORD_LINK_INVALID',
      });
      expect(await databaseFingerprint(world.db)).toEqual(before);
      expect((await login(email, 'otra-clave-456789')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('answers an unknown token exactly like a used one', async () => {
      const { body } = await gql(world.api, SET_PASSWORD, {
        token: 'no-existe-este-token-de-ninguna-forma',
        password: 'mi-clave-nueva-123',
      });
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason: 'PASSWORD_LINK_INVALID',
      });
      expect(body.errors?.[0]?.message).toMatch(/invalid, already used or expired/);
    });

    it('keeps a temporary password working for API callers that give one (no invitation)', async () => {
      const email = `temporal-${unique}@aurora.example`;
      const { body } = await gql(
        world.api,
        CREATE_USER,
        {
          input: {
            organizationId: world.orgIds['comercializadora-aurora'],
            email,
            displayName: 'Con clave',
            roles: ['CLIENT_USER'],
            temporaryPassword: 'una-clave-larga-1',
          },
        },
        admin(),
      );
      expect(body.errors).toBeUndefined();
      expect((await login(email, 'una-clave-larga-1')).data?.login.token).toEqual(
        expect.any(String),
      );
      const queued = await world.db.query(
        `SELECT 1 FROM email_outbox WHERE recipient_address = $1`,
        [email],
      );
      expect(queued).toHaveLength(0);
    });
  });

  describe('reset link', () => {
    it('a newer link revokes the older one; an expired link is refused', async () => {
      const email = `reset-${unique}@aurora.example`;
      const id = await createInvited(email);
      const invitation = await linkToken(email, 1);
      const sent = await gql<{ sendPasswordResetLink: { email: string; expiresAt: string } }>(
        world.api,
        SEND_RESET,
        { userId: id },
        admin(),
      );
      expect(sent.body.errors).toBeUndefined();
      expect(sent.body.data!.sendPasswordResetLink.email).toBe(email);
      const hours =
        (Date.parse(sent.body.data!.sendPasswordResetLink.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(1.9);
      expect(hours).toBeLessThanOrEqual(2);
      const reset = await linkToken(email, 2);
      expect(reset.mail.subject).toBe('Restablezca su contraseña del portal de soporte');
      expect(reset.token).not.toBe(invitation.token);

      const old = await gql(world.api, SET_PASSWORD, {
        token: invitation.token,
        password: 'mi-clave-nueva-123',
      });
      expect(old.body.errors?.[0]?.extensions?.reason).toBe('PASSWORD_LINK_INVALID');

      // A third link, then made expired: refused as well.
      await gql(world.api, SEND_RESET, { userId: id }, admin());
      const third = await linkToken(email, 3);
      await world.db.query(
        `UPDATE password_link SET created_at = now() - interval '3 hours',
                expires_at = now() - interval '1 hour'
          WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
        [id],
      );
      const expired = await gql(world.api, SET_PASSWORD, {
        token: third.token,
        password: 'mi-clave-nueva-123',
      });
      expect(expired.body.errors?.[0]?.extensions?.reason).toBe('PASSWORD_LINK_INVALID');
      // The reset link itself was revoked by the third one.
      const revoked = await gql(world.api, SET_PASSWORD, {
        token: reset.token,
        password: 'mi-clave-nueva-123',
      });
      expect(revoked.body.errors?.[0]?.extensions?.reason).toBe('PASSWORD_LINK_INVALID');
    });

    it('is for admins only, and never for an unknown user', async () => {
      const [{ id }] = await world.db.query<{ id: string }[]>(
        `SELECT id FROM app_user WHERE email = 'usuario@aurora.example'`,
      );
      for (const role of [Role.MANAGER, Role.AGENT, Role.CLIENT_APPROVER]) {
        const { body } = await gql(world.api, SEND_RESET, { userId: id }, world.bearer(role));
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const { body } = await gql(
        world.api,
        SEND_RESET,
        { userId: '00000000-0000-4000-8000-000000000000' },
        admin(),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('changing one’s own password', () => {
    it('needs the current password; the new one then logs in', async () => {
      const email = `cambio-${unique}@aurora.example`;
      await createInvited(email);
      const { token } = await linkToken(email, 1);
      await gql(world.api, SET_PASSWORD, { token, password: 'primera-clave-123' });
      const session = await login(email, 'primera-clave-123');
      const headers = { authorization: `Bearer ${session.data!.login.token}` };

      const wrong = await gql(
        world.api,
        CHANGE_PASSWORD,
        { currentPassword: 'no-es-la-clave-1', newPassword: 'segunda-clave-456' },
        headers,
      );
      expect(wrong.body.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason: 'WRONG_CURRENT_PASSWORD',
      });
      const short = await gql(
        world.api,
        CHANGE_PASSWORD,
        { currentPassword: 'primera-clave-123', newPassword: 'corta' },
        headers,
      );
      expect(short.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      const anonymous = await gql(world.api, CHANGE_PASSWORD, {
        currentPassword: 'primera-clave-123',
        newPassword: 'segunda-clave-456',
      });
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      const ok = await gql(
        world.api,
        CHANGE_PASSWORD,
        { currentPassword: 'primera-clave-123', newPassword: 'segunda-clave-456' },
        headers,
      );
      expect(ok.body.errors).toBeUndefined();
      expect((await login(email, 'primera-clave-123')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await login(email, 'segunda-clave-456')).data?.login.token).toEqual(
        expect.any(String),
      );
    });

    it('is rate limited after repeated wrong current passwords, like logins', async () => {
      const email = `limite-${unique}@aurora.example`;
      await createInvited(email);
      const { token } = await linkToken(email, 1);
      await gql(world.api, SET_PASSWORD, { token, password: 'primera-clave-123' });
      const session = await login(email, 'primera-clave-123');
      const headers = { authorization: `Bearer ${session.data!.login.token}` };
      const codes: string[] = [];
      for (let i = 0; i <= world.config.loginRateLimit.maxFailures; i += 1) {
        const { body } = await gql(
          world.api,
          CHANGE_PASSWORD,
          { currentPassword: `equivocada-${i}-xx`, newPassword: 'segunda-clave-456' },
          headers,
        );
        codes.push(String(body.errors?.[0]?.extensions?.code));
      }
      expect(codes.at(-1)).toBe('RATE_LIMITED');
      expect(codes.slice(0, -1).every((c) => c === 'VALIDATION_FAILED')).toBe(true);
    });
  });
  describe('one’s own language and time zone (L3-04, L3-11)', () => {
    const MY_PREFERENCES = `mutation ($input: UpdateMyPreferencesInput!) {
      updateMyPreferences(input: $input) { id locale timeZone }
    }`;
    const MY_LOCALE = `{ me { id locale timeZone } }`;

    it('a client user switches to English and their next email is in English; nobody else changes', async () => {
      const email = `idioma-${unique}@aurora.example`;
      const id = await createInvited(email);
      const { token } = await linkToken(email, 1);
      await gql(world.api, SET_PASSWORD, { token, password: 'primera-clave-123' });
      const session = await login(email, 'primera-clave-123');
      const headers = { authorization: `Bearer ${session.data!.login.token}` };
      const other = await createInvited(`otro-idioma-${unique}@aurora.example`);
      const othersBefore = await world.db.query(
        'SELECT locale, time_zone FROM app_user WHERE id <> $1 ORDER BY id',
        [id],
      );

      // Bad input: typed VALIDATION_FAILED and nothing changes.
      await waitForQuiet(world.db);
      for (const input of [{ timeZone: 'Mars/Olympus' }, { locale: 'fr' }]) {
        await emailsQueued(world.db);
        const before = await databaseFingerprint(world.db);
        const { body } = await gql(world.api, MY_PREFERENCES, { input }, headers);
        expect({ input, code: body.errors?.[0]?.extensions?.code }).toEqual({
          input,
          code: 'VALIDATION_FAILED',
        });
        expect(await databaseFingerprint(world.db)).toEqual(before);
      }
      const anonymous = await gql(world.api, MY_PREFERENCES, { input: { locale: 'EN' } });
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      const { body } = await gql(
        world.api,
        MY_PREFERENCES,
        { input: { locale: 'EN', timeZone: 'America/Cancun' } },
        headers,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        updateMyPreferences: { id, locale: 'EN', timeZone: 'America/Cancun' },
      });
      const me = await gql(world.api, MY_LOCALE, {}, headers);
      expect(me.body.data).toEqual({ me: { id, locale: 'EN', timeZone: 'America/Cancun' } });
      // Only their own account: the other users keep their language and zone.
      expect(
        await world.db.query('SELECT locale, time_zone FROM app_user WHERE id <> $1 ORDER BY id', [
          id,
        ]),
      ).toEqual(othersBefore);
      expect(other).not.toBe(id);

      // L3-11: the next email to them (an admin's reset link) is in English, read from the catcher.
      const sent = await gql(world.api, SEND_RESET, { userId: id }, admin());
      expect(sent.body.errors).toBeUndefined();
      const reset = await linkToken(email, 2);
      expect(reset.mail.subject).toBe('Reset your support portal password');
    });
  });

  describe('ending sessions (L3-04, security): password change, reset, deactivation, removed role', () => {
    interface Refusal {
      message: string;
      extensions?: { code?: string; reason?: string; endedBecause?: string };
    }
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    async function me(token: string): Promise<{ id?: string; error?: Refusal }> {
      const { body } = await gql<{ me: { id: string } }>(world.api, ME, {}, bearer(token));
      return { id: body.data?.me.id, error: body.errors?.[0] };
    }
    /**
     * `user`'s old session is refused as ended for `because`, and a new login with `password`
     * works; returns the refusal for further checks.
     */
    async function expectSessionEnded(
      user: { id: string; email: string; token: string },
      because: string,
      password: string,
    ): Promise<Refusal | undefined> {
      const { error } = await me(user.token);
      expect(error?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_ENDED',
        endedBecause: because,
      });
      const fresh = await login(user.email, password);
      expect((await me(fresh.data!.login.token)).id).toBe(user.id);
      return error;
    }
    /** A user with a known password (no invitation mail), and a session of theirs. */
    async function userWithSession(
      slug: string,
      roles = ['CLIENT_USER'],
    ): Promise<{ id: string; email: string; token: string }> {
      const email = `${slug}-${unique}@aurora.example`;
      const { body } = await gql<{ createUser: { id: string } }>(
        world.api,
        CREATE_USER,
        {
          input: {
            organizationId: world.orgIds['comercializadora-aurora'],
            email,
            displayName: 'Sesión de prueba',
            roles,
            temporaryPassword: 'clave-inicial-123',
          },
        },
        admin(),
      );
      expect(body.errors).toBeUndefined();
      const session = await login(email, 'clave-inicial-123');
      expect(session.errors).toBeUndefined();
      return { id: body.data!.createUser.id, email, token: session.data!.login.token };
    }

    it('a password change ends the sessions from before, answers with a fresh one, and the new password logs in', async () => {
      const user = await userWithSession('fin-cambio');
      // The same user on another device.
      const other = (await login(user.email, 'clave-inicial-123')).data!.login.token;
      expect((await me(other)).id).toBe(user.id);

      const { body } = await gql<{
        changePassword: { token: string; expiresAt: string; user: { id: string } };
      }>(
        world.api,
        CHANGE_PASSWORD,
        { currentPassword: 'clave-inicial-123', newPassword: 'clave-cambiada-456' },
        bearer(user.token),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.changePassword.user.id).toBe(user.id);
      expect(Date.parse(body.data!.changePassword.expiresAt)).toBeGreaterThan(Date.now());

      for (const old of [user.token, other]) {
        const { id, error } = await me(old);
        expect(id).toBeUndefined();
        expect(error?.extensions).toMatchObject({
          code: 'UNAUTHENTICATED',
          reason: 'SESSION_ENDED',
          endedBecause: 'PASSWORD_CHANGED',
        });
        expect(error?.message).toBe('The session ended because the password changed; log in again');
      }
      // The answer's session works at once, and so does a new login.
      expect((await me(body.data!.changePassword.token)).id).toBe(user.id);
      const fresh = await login(user.email, 'clave-cambiada-456');
      expect((await me(fresh.data!.login.token)).id).toBe(user.id);

      // L3-04 (QA S43): the user is told, once, with the way back if it was not them; a refused
      // change (wrong current password) tells nothing.
      const refused = await gql(
        world.api,
        CHANGE_PASSWORD,
        { currentPassword: 'no-es-la-clave', newPassword: 'otra-clave-789' },
        bearer(fresh.data!.login.token),
      );
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      const subject = 'Su contraseña del portal de soporte cambió';
      const told = await eventually(
        async () => (await caughtMails(user.email)).filter((m) => m.subject === subject),
        (m) => m.length >= 1,
      );
      expect(told).toHaveLength(1);
      expect(told[0].text).toContain('Sus otras sesiones abiertas se cerraron.');
      expect(told[0].text).toContain('/olvide-contrasena');
      expect(told[0].text).not.toContain('clave-cambiada-456');
      const [{ n }] = await world.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM email_outbox
          WHERE recipient_address = $1 AND event_type = 'USER_PASSWORD_CHANGED'`,
        [user.email],
      );
      expect(n).toBe(1);
    });

    it('a password set from a reset link ends the sessions from before', async () => {
      const user = await userWithSession('fin-reset');
      const sent = await gql(world.api, SEND_RESET, { userId: user.id }, admin());
      expect(sent.body.errors).toBeUndefined();
      // Sending the link alone ends nothing: the user may never use it.
      expect((await me(user.token)).id).toBe(user.id);
      const { token } = await linkToken(user.email, 1);
      const set = await gql(world.api, SET_PASSWORD, { token, password: 'clave-restablecida-7' });
      expect(set.body.errors).toBeUndefined();

      const error = await expectSessionEnded(user, 'PASSWORD_RESET', 'clave-restablecida-7');
      expect(error?.message).toMatch(/password was reset/);
    });

    it('a deactivation ends the sessions for good: reactivating does not revive them', async () => {
      const user = await userWithSession('fin-baja');
      const off = await gql(world.api, SET_ACTIVE, { userId: user.id, active: false }, admin());
      expect(off.body.errors).toBeUndefined();
      expect((await me(user.token)).error?.extensions?.code).toBe('UNAUTHENTICATED');

      const on = await gql(world.api, SET_ACTIVE, { userId: user.id, active: true }, admin());
      expect(on.body.errors).toBeUndefined();
      await expectSessionEnded(user, 'DEACTIVATED', 'clave-inicial-123');
    });

    it('a removed role ends the sessions; an added role does not', async () => {
      const user = await userWithSession('fin-rol');
      const added = await gql(
        world.api,
        UPDATE_USER,
        { input: { userId: user.id, roles: ['CLIENT_USER', 'CLIENT_APPROVER'] } },
        admin(),
      );
      expect(added.body.errors).toBeUndefined();
      expect((await me(user.token)).id).toBe(user.id);
      // Editing the name alone ends nothing either.
      await gql(
        world.api,
        UPDATE_USER,
        { input: { userId: user.id, displayName: 'Otro' } },
        admin(),
      );
      expect((await me(user.token)).id).toBe(user.id);

      const removed = await gql(
        world.api,
        UPDATE_USER,
        { input: { userId: user.id, roles: ['CLIENT_USER'] } },
        admin(),
      );
      expect(removed.body.errors).toBeUndefined();
      await expectSessionEnded(user, 'ROLES_REMOVED', 'clave-inicial-123');
    });

    const changeFrom = (token: string) =>
      gql<{ changePassword: { token: string } }>(
        world.api,
        CHANGE_PASSWORD,
        { currentPassword: 'clave-inicial-123', newPassword: 'clave-robada-999' },
        bearer(token),
      );

    it('L3-04: a password change under way when a deactivation commits is refused as an ended session and changes nothing, not even after reactivation', async () => {
      const user = await userWithSession('carrera-baja');
      const [off, change] = await queuedOnUserRows(
        [user.id],
        () => gql(world.api, SET_ACTIVE, { userId: user.id, active: false }, admin()),
        () => changeFrom(user.token),
      );
      expect(off.body.errors).toBeUndefined();
      expect(change.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_ENDED',
        endedBecause: 'DEACTIVATED',
      });
      expect(change.body.data?.changePassword).toBeUndefined();
      expect(
        await world.db.query('SELECT active, sessions_ended_because FROM app_user WHERE id = $1', [
          user.id,
        ]),
      ).toEqual([{ active: false, sessions_ended_because: 'DEACTIVATED' }]);

      // Reactivated: the old session stays ended and only the password from before logs in.
      const on = await gql(world.api, SET_ACTIVE, { userId: user.id, active: true }, admin());
      expect(on.body.errors).toBeUndefined();
      await expectSessionEnded(user, 'DEACTIVATED', 'clave-inicial-123');
      expect((await login(user.email, 'clave-robada-999')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('L3-04: a password change under way when a reset link is used is refused as an ended session; the reset password stays', async () => {
      const user = await userWithSession('carrera-reset');
      const sent = await gql(world.api, SEND_RESET, { userId: user.id }, admin());
      expect(sent.body.errors).toBeUndefined();
      const { token } = await linkToken(user.email, 1);
      const [reset, change] = await queuedOnUserRows(
        [user.id],
        () => gql(world.api, SET_PASSWORD, { token, password: 'clave-restablecida-7' }),
        () => changeFrom(user.token),
      );
      expect(reset.body.errors).toBeUndefined();
      expect(change.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_ENDED',
        endedBecause: 'PASSWORD_RESET',
      });
      expect(change.body.data?.changePassword).toBeUndefined();
      await expectSessionEnded(user, 'PASSWORD_RESET', 'clave-restablecida-7');
      expect((await login(user.email, 'clave-robada-999')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('refuses an ended session at WebSocket connect (graphql-ws), and lets the fresh one in', async () => {
      const user = await userWithSession('fin-ws');
      const { body } = await gql<{ changePassword: { token: string } }>(
        world.api,
        CHANGE_PASSWORD,
        { currentPassword: 'clave-inicial-123', newPassword: 'clave-cambiada-456' },
        bearer(user.token),
      );
      expect(body.errors).toBeUndefined();

      const refused = await connectWith(user.token);
      expect(refused).toEqual({
        connected: false,
        code: 4401,
        reason: 'UNAUTHENTICATED: The session ended because the password changed; log in again',
      });
      expect(await connectWith('no-es-un-token')).toMatchObject({
        connected: false,
        code: 4401,
        reason: 'UNAUTHENTICATED: The session token is not valid',
      });
      expect(await connectWith(body.data!.changePassword.token)).toEqual({ connected: true });
    });

    /** Opens a graphql-ws connection with `token`; whether it was acknowledged or closed, and how. */
    function connectWith(
      token: string,
    ): Promise<{ connected: boolean; code?: number; reason?: string }> {
      return new Promise((resolve) => {
        const client = createClient({
          url: `${world.api.url.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          retryAttempts: 0,
          lazy: false,
          onNonLazyError: () => undefined,
          on: {
            connected: () => {
              resolve({ connected: true });
              void client.dispose();
            },
            closed: (event) => {
              const { code, reason } = event as { code: number; reason: string };
              resolve({ connected: false, code, reason });
            },
          },
        });
      });
    }
  });

  describe('the last active administrator (L3-04)', () => {
    const demote = (userId: string) => ({
      query: UPDATE_USER,
      variables: { input: { userId, roles: ['MANAGER'] } },
    });
    const deactivate = (userId: string) => ({
      query: SET_ACTIVE,
      variables: { userId, active: false },
    });
    const adminRow = (id: string) =>
      world.db.query(
        `SELECT roles, active, session_epoch, sessions_ended_because FROM app_user WHERE id = $1`,
        [id],
      );

    it.each([
      ['demote', demote, demote],
      ['deactivate', deactivate, deactivate],
      ['deactivate and demote', deactivate, demote],
    ])(
      'two admins who %s each other at once: the first goes through, the second is CONFLICT (LAST_ACTIVE_ADMIN) and changes nothing',
      async (slug, first, second) => {
        const seeded = await gql<{ me: { id: string } }>(world.api, ME, {}, admin());
        const seededId = seeded.body.data!.me.id;
        const email = `otro-admin-${slug.replace(/ /g, '-')}-${unique}@becken.example`;
        const created = await gql<{ createUser: { id: string } }>(
          world.api,
          CREATE_USER,
          {
            input: {
              organizationId: world.orgIds.becken,
              email,
              displayName: 'Otra administradora',
              roles: ['ADMIN'],
              temporaryPassword: 'clave-admin-123',
            },
          },
          admin(),
        );
        expect(created.body.errors).toBeUndefined();
        const otherId = created.body.data!.createUser.id;
        const otherSession = await login(email, 'clave-admin-123');
        const seededBefore = await adminRow(seededId);

        // Each is the other's last fellow admin: the seeded admin removes the new one while the
        // new one removes the seeded admin.
        const [byFirst, bySecond] = await queuedOnUserRows(
          [seededId, otherId],
          () => gql(world.api, first(otherId).query, first(otherId).variables, admin()),
          () =>
            gql(world.api, second(seededId).query, second(seededId).variables, {
              authorization: `Bearer ${otherSession.data!.login.token}`,
            }),
        );
        expect(byFirst.body.errors).toBeUndefined();
        expect(bySecond.body.errors?.[0]?.extensions).toMatchObject({
          code: 'CONFLICT',
          reason: 'LAST_ACTIVE_ADMIN',
        });
        expect(bySecond.body.errors?.[0]?.message).toMatch(/last active administrator/);
        expect(await adminRow(seededId)).toEqual(seededBefore);
        expect(
          await world.db.query(
            `SELECT id FROM app_user WHERE 'ADMIN' = ANY(roles) AND active AND id = ANY($1::uuid[])`,
            [[seededId, otherId]],
          ),
        ).toEqual([{ id: seededId }]);
      },
    );
  });

  // QA (S13, L3-04): the users screen shows an invitation still pending and sends it again, and an
  // admin corrects a mistyped email address.
  describe('pending invitations and corrected email addresses', () => {
    const USERS = `query ($organizationId: ID) {
      users(organizationId: $organizationId) { id email invitationPending } }`;
    const RESEND = `mutation ($userId: ID!) { resendInvitation(userId: $userId) { email expiresAt } }`;
    const pendingOf = async (id: string) => {
      const { body } = await gql<{ users: { id: string; invitationPending: boolean }[] }>(
        world.api,
        USERS,
        { organizationId: world.orgIds['comercializadora-aurora'] },
        admin(),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.users.find((u) => u.id === id)!.invitationPending;
    };
    const setEmail = (userId: string, email: string) =>
      gql<{ updateUser: { id: string; email: string } }>(
        world.api,
        `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id email invitationPending } }`,
        { input: { userId, email } },
        admin(),
      );

    it('an invited user is pending until they choose a password; a resend emails a new link once, then waits a minute', async () => {
      const email = `pendiente-${unique}@aurora.example`;
      const id = await createInvited(email);
      const invitation = await linkToken(email, 1);
      expect(await pendingOf(id)).toBe(true);

      // Right after the invitation: RATE_LIMITED, nothing written, no email.
      await waitForQuiet(world.db);
      await emailsQueued(world.db);
      const before = await databaseFingerprint(world.db);
      const early = await gql(world.api, RESEND, { userId: id }, admin());
      expect(early.body.errors?.[0]?.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        reason: 'INVITATION_JUST_SENT',
      });
      expect(early.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(await databaseFingerprint(world.db)).toEqual(before);

      // A minute later (the link made older): a new invitation, the old link revoked.
      await world.db.query(
        `UPDATE password_link SET created_at = now() - interval '2 minutes' WHERE user_id = $1`,
        [id],
      );
      const sent = await gql<{ resendInvitation: { email: string; expiresAt: string } }>(
        world.api,
        RESEND,
        { userId: id },
        admin(),
      );
      expect(sent.body.errors).toBeUndefined();
      expect(sent.body.data!.resendInvitation.email).toBe(email);
      const hours =
        (Date.parse(sent.body.data!.resendInvitation.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(71.9);
      const again = await linkToken(email, 2);
      expect(again.mail.subject).toBe('Le damos la bienvenida al portal de soporte L3');
      const old = await gql(world.api, SET_PASSWORD, {
        token: invitation.token,
        password: 'mi-clave-nueva-123',
      });
      expect(old.body.errors?.[0]?.extensions?.reason).toBe('PASSWORD_LINK_INVALID');
      // Exactly two emails: the resend sent one.
      expect(await caughtMails(email)).toHaveLength(2);

      const used = await gql(world.api, SET_PASSWORD, {
        token: again.token,
        password: 'mi-clave-nueva-123',
      });
      expect(used.body.errors).toBeUndefined();
      expect(await pendingOf(id)).toBe(false);
      await world.db.query(
        `UPDATE password_link SET created_at = now() - interval '2 minutes' WHERE user_id = $1`,
        [id],
      );
      const done = await gql(world.api, RESEND, { userId: id }, admin());
      expect(done.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVITATION_NOT_PENDING',
      });
      const forbidden = await gql(world.api, RESEND, { userId: id }, world.bearer(Role.MANAGER));
      expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('a mistyped address of a pending user is corrected: the invitation goes again to the new one', async () => {
      const wrong = `typo-${unique}@aurora.exmaple`;
      const right = `corregido-${unique}@aurora.example`;
      const id = await createInvited(wrong);
      const first = await linkToken(wrong, 1);
      const { body } = await setEmail(id, right.toUpperCase());
      expect(body.errors).toBeUndefined();
      expect(body.data!.updateUser).toMatchObject({ email: right, invitationPending: true });
      const invitation = await linkToken(right, 1);
      expect(invitation.mail.subject).toBe('Le damos la bienvenida al portal de soporte L3');
      // The link at the wrong address no longer works; the new one does.
      const old = await gql(world.api, SET_PASSWORD, {
        token: first.token,
        password: 'mi-clave-nueva-123',
      });
      expect(old.body.errors?.[0]?.extensions?.reason).toBe('PASSWORD_LINK_INVALID');
      const set = await gql(world.api, SET_PASSWORD, {
        token: invitation.token,
        password: 'mi-clave-nueva-123',
      });
      expect(set.body.data).toEqual({ setPasswordWithToken: { email: right } });
    });

    it('an active user is told at the new address; their session keeps working; a taken or invalid address changes nothing', async () => {
      const email = `activo-${unique}@aurora.example`;
      const id = await createInvited(email);
      const { token } = await linkToken(email, 1);
      await gql(world.api, SET_PASSWORD, { token, password: 'mi-clave-nueva-123' });
      const session = (await login(email, 'mi-clave-nueva-123')).data!.login.token;

      const next = `activo-nuevo-${unique}@aurora.example`;
      const { body } = await setEmail(id, next);
      expect(body.errors).toBeUndefined();
      expect(body.data!.updateUser).toMatchObject({ email: next, invitationPending: false });
      const mails = await eventually(
        () => caughtMails(next),
        (m) => m.length >= 1,
      );
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('Su correo del portal de soporte cambió');
      expect(mails[0].text).toContain(email);
      // The open session keeps working; the new address logs in, the old one no longer.
      const me = await gql<{ me: { id: string } }>(
        world.api,
        ME,
        {},
        {
          authorization: `Bearer ${session}`,
        },
      );
      expect(me.body.data?.me.id).toBe(id);
      expect((await login(next, 'mi-clave-nueva-123')).data?.login.token).toEqual(
        expect.any(String),
      );
      expect((await login(email, 'mi-clave-nueva-123')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );

      await waitForQuiet(world.db);
      await emailsQueued(world.db);
      const before = await databaseFingerprint(world.db);
      const taken = await setEmail(id, 'USUARIO@aurora.example');
      expect(taken.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'EMAIL_TAKEN',
        field: 'email',
      });
      const invalid = await setEmail(id, 'no-es-un-correo');
      expect(invalid.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      // The same address again changes nothing and emails nobody.
      const same = await setEmail(id, next);
      expect(same.body.errors).toBeUndefined();
      expect(await databaseFingerprint(world.db)).toEqual(before);
      expect(await caughtMails(next)).toHaveLength(1);
    });
  });
});
