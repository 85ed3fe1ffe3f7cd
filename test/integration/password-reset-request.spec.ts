import { request as httpRequest } from 'node:http';
import { RESET_REQUESTS_PER_IP_FACTOR } from '../../src/identity/auth.service';
import type { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import { PasswordLinksService } from '../../src/identity/password-links.service';
import {
  PasswordResetRequestsService,
  RESET_REQUEST_EXPIRY_MS,
} from '../../src/identity/password-reset-requests.service';
import { Role } from '../../src/identity/role.enum';
import { type CaughtMail, caughtMails, passwordLinkToken } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import {
  gql,
  type GraphQLResponse,
  type RunningApi,
  startApi,
} from '../support/integration-harness';
import { startDispatcher } from '../support/outbox-dispatcher';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-04: «¿Olvidó su contraseña?». A user the provider issued asks for a reset link on the
// sign-in page: the answer is the same whoever asks (it reveals no account), an active account
// gets one email through the outbox, and the link ends the old password and sessions like an
// admin's reset. Real API over HTTP, real PostgreSQL, the real outbox dispatcher and SMTP catcher.
// The request is recorded before the answer (S20): one left unprocessed by a crash is carried out
// by the sweep, once, and given up unsent after 30 min.

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

  // From 127.0.0.1, like every other call: this file asks fewer resets from it than the per-IP
  // limit allows; the throttle tests ask from loopback addresses of their own (`requestFrom`).
  const request = (email: string) =>
    gql<{ requestPasswordReset: { email: string } }>(world.api, REQUEST, { email });
  /** requestPasswordReset from the client address `ip` (any of 127.0.0.0/8 reaches the API). */
  function requestFrom(
    ip: string,
    email: string,
    api: RunningApi = world.api,
  ): Promise<GraphQLResponse<{ requestPasswordReset: { email: string } }>> {
    const payload = JSON.stringify({ query: REQUEST, variables: { email } });
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${api.url}/graphql`,
        {
          method: 'POST',
          localAddress: ip,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            try {
              resolve(
                JSON.parse(text) as GraphQLResponse<{ requestPasswordReset: { email: string } }>,
              );
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
  /** The one answer, whoever asks. */
  const answer = (email: string) => ({ data: { requestPasswordReset: { email } } });
  const login = async (email: string, password: string) =>
    (await gql<{ login: { token: string } }>(world.api, LOGIN, { email, password })).body;

  /** An active user with a known password (no email sent). */
  async function activeUser(slug: string, locale = 'ES_MX') {
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
    return { id: body.data!.createUser.id, email };
  }

  /** {@link activeUser}, and a session of theirs. */
  async function userWithSession(slug: string, locale = 'ES_MX') {
    const user = await activeUser(slug, locale);
    const session = await login(user.email, 'clave-inicial-123');
    expect(session.errors).toBeUndefined();
    return { ...user, token: session.data!.login.token };
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
    const from = '127.0.0.4';
    const codes: string[] = [];
    for (let i = 0; i <= world.config.loginRateLimit.maxFailures; i += 1) {
      const body = await requestFrom(from, email);
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
    expect(await requestFrom(from, `otra-${email}`)).toEqual(answer(`otra-${email}`));
  });

  it('one client asking for many addresses is RATE_LIMITED past the per-IP figure, recording and sending nothing; another client still is not', async () => {
    const perIp = RESET_REQUESTS_PER_IP_FACTOR * world.config.loginRateLimit.maxFailures;
    const users: { id: string; email: string }[] = [];
    for (let i = 0; i <= perIp; i += 1) users.push(await activeUser(`olvido-lista-${i}`));
    const [asked, refused] = [users.slice(0, perIp), users[perIp]];
    const from = '127.0.0.2';
    for (const user of asked) {
      expect(await requestFrom(from, user.email)).toEqual(answer(user.email));
    }
    const throttled = () =>
      world.db.query<{ throttle_key: string; failed_at: Date }[]>(
        `SELECT throttle_key, failed_at FROM login_failure WHERE throttle_key LIKE '%' || $1
          ORDER BY failed_at, throttle_key`,
        [from],
      );
    const counted = await throttled();
    expect(counted).toHaveLength(2 * perIp);

    const limited = await requestFrom(from, refused.email);
    expect(limited.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(await throttled()).toEqual(counted);
    // Every address asked within the figure gets its one email, though the answer came first.
    for (const user of asked) await caughtOnce(user.email, await sentLinks(user.email, 1));
    // The refused one got no link and nothing queued.
    expect(
      await world.db.query('SELECT 1 FROM password_link WHERE user_id = $1', [refused.id]),
    ).toEqual([]);
    expect(
      await world.db.query('SELECT 1 FROM email_outbox WHERE recipient_address = $1', [
        refused.email,
      ]),
    ).toEqual([]);
    // Another client is not held back by the first one's requests.
    expect(await requestFrom('127.0.0.3', refused.email)).toEqual(answer(refused.email));
    await caughtOnce(refused.email, await sentLinks(refused.email, 1));
  });

  it('a request answered just before the API stops still queues its email', async () => {
    const user = await activeUser('olvido-cierre');
    const api = await startApi(world.config);
    try {
      expect(await requestFrom('127.0.0.5', user.email, api)).toEqual(answer(user.email));
    } finally {
      await api.close();
    }
    // Read at once: the link and the outbox row are there once the API has closed. (Closing
    // takes longer than that transaction here, so this passes even without the shutdown wait;
    // the unit reset-after-answer.spec checks the wait itself.)
    expect(
      await world.db.query<{ event_type: string }[]>(
        'SELECT event_type FROM email_outbox WHERE recipient_address = $1',
        [user.email],
      ),
    ).toEqual([{ event_type: 'PASSWORD_RESET' }]);
    await caughtOnce(user.email, await sentLinks(user.email, 1));
  });
  /** The recorded requests of `addresses`, oldest first. */
  const recorded = (addresses: string[]) =>
    world.db.query<Record<string, unknown>[]>(
      'SELECT * FROM password_reset_request WHERE email = ANY($1) ORDER BY id',
      [addresses],
    );
  /** As if the requests of `addresses` were asked `age` ago (a crash left them behind). */
  const askedAgo = (addresses: string[], age: string) =>
    world.db.query(
      `UPDATE password_reset_request SET requested_at = now() - $2::interval WHERE email = ANY($1)`,
      [addresses, age],
    );

  it('a request whose work never ran after the answer is recorded as an unknown one is; the sweep carries it out once', async () => {
    const user = await activeUser('olvido-caida');
    const unknown = `nadie-caida-${unique}@aurora.example`;
    const requests = world.api.app.get(PasswordResetRequestsService);
    // The process dies right after its answers: the work after them never runs.
    const crashed = jest.spyOn(requests, 'process').mockResolvedValue(false);
    try {
      expect(await requestFrom('127.0.0.6', unknown.toUpperCase())).toEqual(answer(unknown));
      expect(await requestFrom('127.0.0.6', user.email)).toEqual(answer(user.email));
      await eventually(
        () => Promise.resolve(crashed.mock.calls.length),
        (n) => n === 2,
      );
    } finally {
      crashed.mockRestore();
    }
    const rows = await recorded([unknown, user.email]);
    expect(rows.map((r) => r.email)).toEqual([unknown, user.email]);
    expect(rows.map((r) => Object.keys(r).sort())).toEqual([
      ['email', 'id', 'requested_at'],
      ['email', 'id', 'requested_at'],
    ]);

    await askedAgo([unknown, user.email], '1 minute');
    await requests.sweep();
    await requests.sweep();
    expect(await recorded([unknown, user.email])).toEqual([]);
    const sent = await sentLinks(user.email, 1);
    expect(sent.map((r) => r.event_type)).toEqual(['PASSWORD_RESET']);
    await caughtOnce(user.email, sent);
    expect(
      await world.db.query('SELECT 1 FROM email_outbox WHERE recipient_address = $1', [unknown]),
    ).toEqual([]);
  });

  it('a request left over 30 min is removed unsent; a young one is left to the work after its answer', async () => {
    expect(RESET_REQUEST_EXPIRY_MS).toBe(30 * 60_000);
    const old = await activeUser('olvido-viejo');
    const young = await activeUser('olvido-joven');
    const requests = world.api.app.get(PasswordResetRequestsService);
    await requests.record(old.email);
    await requests.record(young.email);
    await askedAgo([old.email], '31 minutes');

    await requests.sweep();
    expect((await recorded([old.email, young.email])).map((r) => r.email)).toEqual([young.email]);
    expect(await requests.process((await recorded([young.email]))[0].id as string)).toBe(true);
    await caughtOnce(young.email, await sentLinks(young.email, 1));
    expect(
      await world.db.query('SELECT 1 FROM email_outbox WHERE recipient_address = $1', [old.email]),
    ).toEqual([]);
    expect(
      await world.db.query('SELECT 1 FROM password_link WHERE user_id = $1', [old.id]),
    ).toEqual([]);
  });

  it('a left-over request a later link already answered sends nothing when the sweep carries it out', async () => {
    const answered = await activeUser('olvido-respondido');
    const unanswered = await activeUser('olvido-sin-respuesta');
    const requests = world.api.app.get(PasswordResetRequestsService);
    // Both asked, and their work after the answer failed (the rows stay).
    await requests.record(answered.email);
    await requests.record(unanswered.email);
    // Each asks again; for `answered` that request is carried out at once, and its link sent.
    const again = await requests.record(answered.email);
    expect(await requests.process(again)).toBe(true);
    const first = await sentLinks(answered.email, 1);
    // The first requests were asked 5 min ago and the link 3 min ago (past the cooldown); for
    // `unanswered` the same link was issued before its request.
    await askedAgo([answered.email], '5 minutes');
    await world.db.query(
      `UPDATE password_link SET created_at = now() - interval '3 minutes' WHERE user_id = $1`,
      [answered.id],
    );
    await requests.process(await requests.record(unanswered.email));
    // The link first: a periodic sweep between the two would otherwise find it within the cooldown.
    await world.db.query(
      `UPDATE password_link SET created_at = now() - interval '3 minutes' WHERE user_id = $1`,
      [unanswered.id],
    );
    await askedAgo([unanswered.email], '2 minutes');

    await requests.sweep();
    expect(await recorded([answered.email, unanswered.email])).toEqual([]);
    // The link sent stays the one live link, and its email the only one.
    expect(
      await world.db.query('SELECT revoked_at FROM password_link WHERE user_id = $1', [
        answered.id,
      ]),
    ).toEqual([{ revoked_at: null }]);
    expect(
      await world.db.query('SELECT 1 FROM email_outbox WHERE recipient_address = $1', [
        answered.email,
      ]),
    ).toHaveLength(1);
    await caughtOnce(answered.email, first);
    // Asked after its last link and past the cooldown: the sweep sends a new one.
    await caughtOnce(unanswered.email, await sentLinks(unanswered.email, 2));
  });

  it("the sweep deletes the throttles' failures past their window, which name the addresses asked for", async () => {
    const windowSeconds = world.config.loginRateLimit.windowSeconds;
    const gone = `nadie-viejo-${unique}@aurora.example`;
    const kept = `nadie-reciente-${unique}@aurora.example`;
    expect(await requestFrom('127.0.0.7', gone)).toEqual(answer(gone));
    expect(await requestFrom('127.0.0.7', kept)).toEqual(answer(kept));
    const throttled = () =>
      world.db.query<{ throttle_key: string }[]>(
        `SELECT throttle_key FROM login_failure WHERE throttle_key LIKE 'reset-request:%'
            AND (throttle_key LIKE $1 OR throttle_key LIKE $2) ORDER BY throttle_key`,
        [`%${gone}%`, `%${kept}%`],
      );
    expect((await throttled()).map((r) => r.throttle_key)).toEqual([
      `reset-request:${kept}|127.0.0.7`,
      `reset-request:${gone}|127.0.0.7`,
    ]);
    // No other failure comes after them; the one of `gone` left the window a minute ago.
    await world.db.query(
      `UPDATE login_failure SET failed_at = now() - ($2 + 60) * interval '1 second'
        WHERE throttle_key LIKE $1`,
      [`%${gone}%`, windowSeconds],
    );

    await world.api.app.get(PasswordResetRequestsService).sweep();
    expect((await throttled()).map((r) => r.throttle_key)).toEqual([
      `reset-request:${kept}|127.0.0.7`,
    ]);
  });

  it('two API instances sweeping at once carry each request out once', async () => {
    const users = [
      await activeUser('olvido-par-1'),
      await activeUser('olvido-par-2'),
      await activeUser('olvido-par-3'),
    ];
    const emails = users.map((u) => u.email);
    const other = await startApi(world.config);
    try {
      const instances = [world.api, other].map((api) => ({
        requests: api.app.get(PasswordResetRequestsService),
        issued: jest.spyOn(api.app.get(PasswordLinksService), 'requestReset'),
      }));
      for (const email of emails) await instances[0].requests.record(email);
      await askedAgo(emails, '1 minute');

      const counts = await Promise.all(instances.map((i) => i.requests.sweep()));
      // Each request was carried out by one of them, or by an instance's own boot or periodic
      // sweep: a request that one holds, both skip (SKIP LOCKED) and may return before it commits.
      const carriedOut = () => instances.flatMap((i) => i.issued.mock.calls.map((c) => c[1]));
      await eventually(
        () => recorded(emails),
        (rows) => rows.length === 0,
      );
      expect(await recorded(emails)).toEqual([]);
      expect(counts[0] + counts[1]).toBeLessThanOrEqual(emails.length);
      expect(carriedOut().sort()).toEqual([...emails].sort());
      for (const i of instances) i.issued.mockRestore();
    } finally {
      await other.close();
    }
    for (const email of emails) await caughtOnce(email, await sentLinks(email, 1));
  });
});
