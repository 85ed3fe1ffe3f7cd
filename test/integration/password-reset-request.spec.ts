import type { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import { Role } from '../../src/identity/role.enum';
import { type CaughtMail, caughtMails, passwordLinkToken } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { startDispatcher } from '../support/outbox-dispatcher';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-04: «¿Olvidaste tu contraseña?». A user the provider issued asks for a reset link on the
// sign-in page: the answer is the same whoever asks (it reveals no account), an active account
// gets one email through the outbox, and the link ends the old password and sessions like an
// admin's reset. Real API over HTTP, real PostgreSQL, the real outbox dispatcher and SMTP catcher.

const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) { email } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const SET_PASSWORD = `mutation ($token: String!, $password: String!) {
  setPasswordWithToken(token: $token, password: $password) { email }
}`;
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { id active }
}`;
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;
const ME = `{ me { id } }`;

describe('Self-service password reset (L3-04)', () => {
  let world: SeededWorld;
  let dispatcher: EmailDispatcher;
  const unique = `${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    world = await createSeededWorld('reset-request');
    dispatcher = await startDispatcher(world);
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await world?.close();
  });

  const request = (email: string) =>
    gql<{ requestPasswordReset: { email: string } }>(world.api, REQUEST, { email });
  /** The one answer, whoever asks. */
  const answer = (email: string) => ({ data: { requestPasswordReset: { email } } });
  const login = async (email: string, password: string) =>
    (await gql<{ login: { token: string } }>(world.api, LOGIN, { email, password })).body;

  /** A user with a known password (no email sent), and a session of theirs. */
  async function userWithSession(slug: string, locale = 'ES_MX') {
    const email = `${slug}-${unique}@aurora.example`;
    const { body } = await gql<{ createUser: { id: string } }>(
      world.api,
      CREATE_USER,
      {
        input: {
          organizationId: world.orgIds['comercializadora-aurora'],
          email,
          displayName: 'Olvido de prueba',
          roles: ['CLIENT_USER'],
          temporaryPassword: 'clave-inicial-123',
          locale,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    const session = await login(email, 'clave-inicial-123');
    expect(session.errors).toBeUndefined();
    return { id: body.data!.createUser.id, email, token: session.data!.login.token };
  }

  /** The outbox rows of link emails to `address`, once there are `count` of them and all SENT. */
  async function sentLinks(address: string, count: number) {
    return eventually(
      () =>
        world.db.query<{ event_type: string; status: string; message_id: string }[]>(
          `SELECT event_type, status, message_id FROM email_outbox
            WHERE recipient_address = $1 ORDER BY created_at, id`,
          [address],
        ),
      (rows) => rows.length >= count && rows.every((r) => r.status === 'SENT'),
    );
  }

  /** Every caught email to `address` once the outbox rows `rows` all arrived (one copy each). */
  async function caughtOnce(
    address: string,
    rows: { message_id: string }[],
  ): Promise<CaughtMail[]> {
    const mails = await eventually(
      () => caughtMails(address),
      (m) => rows.every((r) => m.some((x) => x.messageId === r.message_id)),
    );
    expect(mails.map((m) => m.messageId).sort()).toEqual(rows.map((r) => r.message_id).sort());
    return [...mails].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  }

  /** As if the last link were sent over a minute ago (the one-email-a-minute cap has passed). */
  const minutePassed = (userId: string) =>
    world.db.query(
      `UPDATE password_link SET created_at = created_at - interval '2 minutes' WHERE user_id = $1`,
      [userId],
    );

  it('a known active user gets one email whose link sets the password, ends the old one and the sessions', async () => {
    const user = await userWithSession('olvido');
    const { body } = await request(user.email.toUpperCase());
    expect(body).toEqual({ data: { requestPasswordReset: { email: user.email } } });

    const rows = await sentLinks(user.email, 1);
    expect(rows.map((r) => r.event_type)).toEqual(['PASSWORD_RESET']);
    const [mail] = await caughtOnce(user.email, rows);
    expect(mail.subject).toBe('Restablezca su contraseña del portal de soporte');
    expect(mail.text).toContain('página de inicio de sesión');
    expect(mail.text).not.toMatch(/administrador/i);

    const set = await gql(world.api, SET_PASSWORD, {
      token: passwordLinkToken(mail),
      password: 'clave-olvidada-456',
    });
    expect(set.body).toEqual({ data: { setPasswordWithToken: { email: user.email } } });
    expect((await login(user.email, 'clave-inicial-123')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const { body: me } = await gql(world.api, ME, {}, { authorization: `Bearer ${user.token}` });
    expect(me.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
      endedBecause: 'PASSWORD_RESET',
    });
    const fresh = await login(user.email, 'clave-olvidada-456');
    expect(fresh.errors).toBeUndefined();
  });

  it('an English-speaking user gets the email in English', async () => {
    const user = await userWithSession('olvido-en', 'EN');
    expect((await request(user.email)).body).toEqual(answer(user.email));
    const [mail] = await caughtOnce(user.email, await sentLinks(user.email, 1));
    expect(mail.subject).toBe('Reset your support portal password');
    expect(mail.text).toContain('sign-in page');
    expect(mail.text).toContain('lang=en');
  });

  it('an unknown address and a deactivated user get the same answer and no email', async () => {
    const unknown = `nadie-${unique}@aurora.example`;
    const inactive = await userWithSession('olvido-baja');
    const off = await gql(
      world.api,
      SET_ACTIVE,
      { userId: inactive.id, active: false },
      world.bearer(Role.ADMIN),
    );
    expect(off.body.errors).toBeUndefined();
    const linksBefore = await world.db.query<{ id: string }[]>('SELECT id FROM password_link');

    for (const address of [unknown, inactive.email]) {
      expect((await request(address)).body).toEqual(answer(address));
    }
    // Nothing queued and no link issued; a known user's request after them is caught first.
    const known = await userWithSession('olvido-testigo');
    await request(known.email);
    await caughtOnce(known.email, await sentLinks(known.email, 1));
    const queued = await world.db.query(
      'SELECT 1 FROM email_outbox WHERE recipient_address = ANY($1)',
      [[unknown, inactive.email]],
    );
    expect(queued).toEqual([]);
    expect(await caughtMails(unknown)).toEqual([]);
    expect(await caughtMails(inactive.email)).toEqual([]);
    const linksAfter = await world.db.query<{ user_id: string }[]>(
      'SELECT user_id FROM password_link WHERE NOT (id = ANY($1))',
      [linksBefore.map((l) => l.id)],
    );
    expect(linksAfter.map((l) => l.user_id)).toEqual([known.id]);
  });

  it('a second request within the minute answers the same and sends nothing; a later one revokes the older link', async () => {
    const user = await userWithSession('olvido-doble');
    expect((await request(user.email)).body).toEqual(answer(user.email));
    expect((await request(user.email)).body).toEqual(answer(user.email));
    const firstRows = await sentLinks(user.email, 1);
    const [first] = await caughtOnce(user.email, firstRows);
    const links = await world.db.query('SELECT id FROM password_link WHERE user_id = $1', [
      user.id,
    ]);
    expect(links).toHaveLength(1);

    await minutePassed(user.id);
    expect((await request(user.email)).body).toEqual(answer(user.email));
    const rows = await sentLinks(user.email, 2);
    expect(rows).toHaveLength(2);
    const [, second] = await caughtOnce(user.email, rows);

    const stale = await gql(world.api, SET_PASSWORD, {
      token: passwordLinkToken(first),
      password: 'clave-vieja-789',
    });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'PASSWORD_LINK_INVALID',
    });
    const set = await gql(world.api, SET_PASSWORD, {
      token: passwordLinkToken(second),
      password: 'clave-nueva-789',
    });
    expect(set.body.errors).toBeUndefined();
    expect((await login(user.email, 'clave-nueva-789')).errors).toBeUndefined();
  });

  it('a user whose invitation is pending gets the invitation again, not a reset', async () => {
    const email = `olvido-invitado-${unique}@aurora.example`;
    const { body } = await gql<{ createUser: { id: string } }>(
      world.api,
      CREATE_USER,
      {
        input: {
          organizationId: world.orgIds['comercializadora-aurora'],
          email,
          displayName: 'Invitado con prisa',
          roles: ['CLIENT_USER'],
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    await caughtOnce(email, await sentLinks(email, 1));
    await minutePassed(body.data!.createUser.id);

    expect((await request(email)).body).toEqual(answer(email));
    const rows = await sentLinks(email, 2);
    expect(rows.map((r) => r.event_type)).toEqual(['USER_INVITATION', 'USER_INVITATION']);
    const [first, second] = await caughtOnce(email, rows);
    expect(second.subject).toBe(first.subject);
  });

  it('a malformed email is VALIDATION_FAILED; repeated requests from one address are RATE_LIMITED like logins', async () => {
    const bad = await request('no-es-un-correo');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const email = `olvido-insistente-${unique}@aurora.example`;
    const codes: string[] = [];
    for (let i = 0; i <= world.config.loginRateLimit.maxFailures; i += 1) {
      const { body } = await request(email);
      codes.push(body.errors ? String(body.errors[0].extensions?.code) : 'OK');
      if (body.errors) {
        expect(body.errors[0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));
      }
    }
    expect(codes).toEqual([
      ...Array(world.config.loginRateLimit.maxFailures).fill('OK'),
      'RATE_LIMITED',
    ]);
    // Another address from the same client is not held back by it.
    expect((await request(`otra-${email}`)).body).toEqual(answer(`otra-${email}`));
  });
});
