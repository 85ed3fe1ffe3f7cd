import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { Client } from 'pg';
import type { AppConfig } from '../../src/config/app-config';
import { type DemoSeedResult, seedDemoData } from '../../src/identity/demo-seed';
import { Role } from '../../src/identity/role.enum';
import { PgListenerService } from '../../src/live/pg-listener.service';
import { eventually } from '../support/eventually';
import { gql, type RunningApi } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { AURORA_ORG, PROVIDER_ORG, TULUM_ORG } from '../support/demo-contract';

// L3-04: only portal users issued by the provider get in; every rule is enforced by the real API
// over HTTP, on real PostgreSQL. The file runs on a database of its own (same server, committed
// migrations), so the demo seed meets an empty database exactly as on a first `npm start`, and the
// users and organizations made here do not leak into other specs.

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token expiresAt user { id email roles organization { name kind } }
  }
}`;
const ME =
  '{ me { id email displayName roles locale timeZone active organization { id name kind slug } } }';
const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { id email roles locale timeZone active organization { id kind } }
}`;
const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id name kind slug }
}`;
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { id active }
}`;
const UPDATE_USER = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id roles } }`;
const USERS = `query ($organizationId: ID) { users(organizationId: $organizationId) { email roles organization { id } } }`;
const ORGS = '{ organizations { id name kind } }';
const LOGOUT = 'mutation { logout }';

/**
 * Runs `fn` and counts the queries that read `app_user` with `id` among their values, at the
 * driver (pg's `Client#query`), whichever way they were sent: TypeORM's query runner or a
 * prepared statement on the pool.
 */
async function userReadsDuring<T>(id: () => string, fn: () => Promise<T>): Promise<[T, number]> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    const result = await fn();
    const reads = spy.mock.calls.filter((call) => {
      const [first, second] = call as unknown[];
      const query = first as string | { text?: string; values?: unknown[] };
      const text = typeof query === 'string' ? query : (query?.text ?? '');
      const values = typeof query === 'string' ? second : query?.values;
      return /app_user/.test(text) && JSON.stringify(values ?? []).includes(id());
    });
    return [result, reads.length];
  } finally {
    spy.mockRestore();
  }
}

describe('Identity and access (L3-04: portal users are issued by the provider)', () => {
  let world: SeededWorld;
  let api: RunningApi;
  let db: DataSource;
  let seed: DemoSeedResult;
  let orgIds: Record<string, string>;
  let config: AppConfig;

  const bearer = (role: Role) => world.bearer(role);
  const credentialOf = (
    role: Role,
    organization = role.startsWith('CLIENT') ? AURORA_ORG : PROVIDER_ORG,
  ) => {
    const found = seed.credentials.find(
      (c) => c.roles.includes(role) && c.organization === organization,
    );
    if (!found) throw new Error(`no demo user with ${role} in ${organization}`);
    return found;
  };
  const count = async (table: 'app_user' | 'organization') =>
    Number((await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    world = await createSeededWorld('identity');
    ({ api, db, seed, orgIds, config } = world);
  });
  afterAll(async () => {
    await world?.close();
  });

  describe('demo seed', () => {
    it('creates the provider, two clients and a user for every role on an empty database', async () => {
      expect(seed.created).toBe(true);
      const orgs = await db.query<{ name: string; kind: string }[]>(
        'SELECT name, kind FROM organization ORDER BY name',
      );
      expect(orgs).toEqual([
        { name: PROVIDER_ORG, kind: 'PROVIDER' },
        { name: AURORA_ORG, kind: 'CLIENT' },
        { name: TULUM_ORG, kind: 'CLIENT' },
      ]);
      const roles = seed.credentials.flatMap((c) => c.roles);
      expect(new Set(roles)).toEqual(new Set(Object.values(Role)));
      expect(
        seed.credentials.filter((c) => c.organization === TULUM_ORG).flatMap((c) => c.roles),
      ).toContain(Role.CLIENT_USER);
      for (const c of seed.credentials) expect(c.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      const hashes = await db.query<{ password_hash: string }[]>(
        'SELECT password_hash FROM app_user',
      );
      expect(hashes).toHaveLength(seed.credentials.length);
      for (const { password_hash } of hashes) expect(password_hash).toMatch(/^\$argon2id\$/);
    });

    it('creates nothing the second time', async () => {
      const before = [await count('organization'), await count('app_user')];
      const again = await seedDemoData(db);
      expect(again).toEqual({ created: false, credentials: [] });
      expect([await count('organization'), await count('app_user')]).toEqual(before);
    });
  });

  describe('login', () => {
    it('returns a signed session token, its expiry and the user', async () => {
      const { email, password } = credentialOf(Role.CLIENT_USER);
      const before = Date.now();
      const { body } = await gql<{
        login: {
          token: string;
          expiresAt: string;
          user: { email: string; roles: string[]; organization: { name: string; kind: string } };
        };
      }>(api, LOGIN, { email: email.toUpperCase(), password });
      expect(body.errors).toBeUndefined();
      const { token, expiresAt, user } = body.data!.login;
      expect(user).toMatchObject({
        email,
        roles: ['CLIENT_USER'],
        organization: { name: AURORA_ORG, kind: 'CLIENT' },
      });
      const ttlMs = config.auth.tokenTtlSeconds * 1000;
      expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(before + ttlMs - 2_000);
      expect(Date.parse(expiresAt)).toBeLessThanOrEqual(Date.now() + ttlMs + 1_000);
      const claims = await new JwtService({ secret: config.auth.tokenSecret }).verifyAsync<
        Record<string, unknown>
      >(token);
      expect(claims).toMatchObject({
        roles: ['CLIENT_USER'],
        sub: expect.any(String),
        org: expect.any(String),
      });
    });

    it('answers a wrong password and an unknown email with the same UNAUTHENTICATED error', async () => {
      const { email } = credentialOf(Role.ADMIN);
      const wrong = await gql(api, LOGIN, { email, password: 'not-the-password-at-all' });
      const unknown = await gql(api, LOGIN, {
        email: 'nobody@nowhere.example',
        password: 'not-the-password-at-all',
      });
      expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
      expect(wrong.body.data ?? null).toBeNull();
    });

    it('logs in while the request still carries a refused token (a public operation checks no session)', async () => {
      const { email, password } = credentialOf(Role.AGENT);
      const stale = { authorization: 'Bearer not.a.token' };
      const { body } = await gql<{ login: { token: string } }>(
        api,
        LOGIN,
        { email, password },
        stale,
      );
      expect(body.errors).toBeUndefined();
      // The new session works; the stale token is still refused where a session is needed.
      const fresh = { authorization: `Bearer ${body.data!.login.token}` };
      const me = await gql<{ me: { email: string } }>(api, ME, {}, fresh);
      expect(me.body.data?.me.email).toBe(email);
      const refused = await gql(api, ME, {}, stale);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('sessions', () => {
    it('me: returns the caller with their organization', async () => {
      const { body } = await gql<{ me: Record<string, unknown> }>(
        api,
        ME,
        {},
        bearer(Role.CLIENT_APPROVER),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.me).toMatchObject({
        email: credentialOf(Role.CLIENT_APPROVER).email,
        roles: ['CLIENT_APPROVER'],
        locale: 'ES_MX',
        timeZone: 'America/Mexico_City',
        active: true,
        organization: {
          name: AURORA_ORG,
          kind: 'CLIENT',
          slug: 'comercializadora-aurora',
        },
      });
    });

    it('me asked many times in one document reads the caller once (500 aliases were 500 reads)', async () => {
      let first = '';
      const [{ body }, reads] = await userReadsDuring(
        () => first,
        async () => {
          const answer = await gql<Record<'a' | 'b' | 'c', { id: string }>>(
            api,
            '{ a: me { id } b: me { id } c: me { id } }',
            {},
            bearer(Role.CLIENT_APPROVER),
          );
          first = answer.body.data?.a.id ?? '';
          return answer;
        },
      );
      expect(body.errors).toBeUndefined();
      const { a, b, c } = body.data!;
      expect([b.id, c.id]).toEqual([a.id, a.id]);
      // The session check's read (none when it kept the caller), and me answers from it: not one
      // per alias.
      expect(reads).toBeLessThanOrEqual(1);
    });

    it.each([
      ['no Authorization header', {}],
      ['a malformed token', { authorization: 'Bearer not.a.token' }],
      ['a non-Bearer scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ])('me with %s is UNAUTHENTICATED', async (_label, headers: Record<string, string>) => {
      const { body } = await gql(api, ME, {}, headers);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    });

    it('refuses an expired token signed with the real key (UNAUTHENTICATED)', async () => {
      const { body: login } = await gql<{ login: { user: { id: string } } }>(api, LOGIN, {
        email: credentialOf(Role.ADMIN).email,
        password: credentialOf(Role.ADMIN).password,
      });
      const now = Math.floor(Date.now() / 1000);
      const expired = new JwtService({ secret: config.auth.tokenSecret }).sign(
        {
          sub: login.data!.login.user.id,
          org: orgIds.becken,
          roles: ['ADMIN'],
          iat: now - 7200,
          exp: now - 60,
        },
        { algorithm: 'HS256' },
      );
      const { body } = await gql(api, ME, {}, { authorization: `Bearer ${expired}` });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.errors?.[0]?.message).toMatch(/expired/);
    });

    it('keeps systemInfo public', async () => {
      const { body } = await gql<{ systemInfo: { name: string } }>(api, '{ systemInfo { name } }');
      expect(body.errors).toBeUndefined();
      expect(body.data?.systemInfo.name).toBe('sla-engine');
    });
  });

  describe('user administration', () => {
    const newUser = (overrides: Record<string, unknown> = {}) => ({
      organizationId: orgIds['grupo-industrial-tulum'],
      email: `nuevo-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@tulum.example`,
      displayName: 'Nuevo Usuario',
      roles: ['CLIENT_USER'],
      temporaryPassword: 'temporal-password-123',
      ...overrides,
    });

    /** A client user the admin just issued, logged in: the input, their id and session header. */
    const loggedInNewUser = async () => {
      const input = newUser();
      const created = await gql<{ createUser: { id: string } }>(
        api,
        CREATE_USER,
        { input },
        bearer(Role.ADMIN),
      );
      const login = await gql<{ login: { token: string } }>(api, LOGIN, {
        email: input.email,
        password: input.temporaryPassword,
      });
      const session = { authorization: `Bearer ${login.body.data!.login.token}` };
      return { input, id: created.body.data!.createUser.id, session };
    };

    it('an admin issues a client user who can then log in with the temporary password', async () => {
      const input = newUser({
        email: 'Mixed.Case@Tulum.Example',
        locale: 'EN',
        timeZone: 'America/Cancun',
      });
      const { body } = await gql<{ createUser: Record<string, unknown> }>(
        api,
        CREATE_USER,
        { input },
        bearer(Role.ADMIN),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.createUser).toMatchObject({
        email: 'mixed.case@tulum.example',
        roles: ['CLIENT_USER'],
        locale: 'EN',
        timeZone: 'America/Cancun',
        active: true,
        organization: { id: orgIds['grupo-industrial-tulum'], kind: 'CLIENT' },
      });
      const login = await gql(api, LOGIN, {
        email: 'mixed.case@tulum.example',
        password: 'temporal-password-123',
      });
      expect(login.body.errors).toBeUndefined();
    });

    it.each([Role.CLIENT_USER, Role.CLIENT_APPROVER, Role.AGENT, Role.MANAGER])(
      'a %s calling createUser is FORBIDDEN and nothing is written',
      async (role) => {
        const before = await count('app_user');
        const { body } = await gql(api, CREATE_USER, { input: newUser() }, bearer(role));
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(await count('app_user')).toBe(before);
      },
    );

    it('createUser without a session is UNAUTHENTICATED', async () => {
      const { body } = await gql(api, CREATE_USER, { input: newUser() });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('a duplicate email, in any case, is a CONFLICT', async () => {
      const taken = credentialOf(Role.CLIENT_USER).email.toUpperCase();
      const before = await count('app_user');
      const { body } = await gql(
        api,
        CREATE_USER,
        { input: newUser({ email: taken }) },
        bearer(Role.ADMIN),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await count('app_user')).toBe(before);
    });

    it.each([
      ['a short temporary password', { temporaryPassword: 'short-pw-11' }],
      ['a malformed email', { email: 'not-an-email' }],
      // QA S55: letters outside ASCII before the @ need SMTPUTF8, which most relays lack.
      ['an accent before the @', { email: 'josé@aurora.example' }],
      ['no roles', { roles: [] }],
      ['a provider role in a client organization', { roles: ['ADMIN'] }],
      ['a client role in the provider', { roles: ['CLIENT_USER'], organizationId: 'PROVIDER' }],
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
    ])('%s is VALIDATION_FAILED and writes nothing', async (_label, overrides) => {
      const input = newUser(overrides);
      if (input.organizationId === 'PROVIDER') input.organizationId = orgIds.becken;
      const before = await count('app_user');
      const { body } = await gql(api, CREATE_USER, { input }, bearer(Role.ADMIN));
      expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(await count('app_user')).toBe(before);
    });

    it('an unknown organization is NOT_FOUND', async () => {
      const input = newUser({ organizationId: '00000000-0000-4000-8000-000000000000' });
      const { body } = await gql(api, CREATE_USER, { input }, bearer(Role.ADMIN));
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('the database itself refuses a provider role for a client user', async () => {
      await expect(
        db.query(
          `INSERT INTO app_user (organization_id, organization_kind, email, display_name, roles, password_hash)
           VALUES ($1, 'CLIENT', 'sneaky@aurora.example', 'Sneaky', ARRAY['ADMIN'], 'x')`,
          [orgIds['comercializadora-aurora']],
        ),
      ).rejects.toThrow(/ck_app_user_roles_fit_organization/);
      // ...and a kind that does not match the organization's.
      await expect(
        db.query(
          `INSERT INTO app_user (organization_id, organization_kind, email, display_name, roles, password_hash)
           VALUES ($1, 'PROVIDER', 'sneaky@aurora.example', 'Sneaky', ARRAY['ADMIN'], 'x')`,
          [orgIds['comercializadora-aurora']],
        ),
      ).rejects.toThrow(/fk_app_user_organization/);
    });

    it('a deactivated user can neither log in nor use a live session; reactivated, they log in again', async () => {
      const { input, id, session } = await loggedInNewUser();

      const off = await gql<{ setUserActive: { active: boolean } }>(
        api,
        SET_ACTIVE,
        { userId: id, active: false },
        bearer(Role.ADMIN),
      );
      expect(off.body.data?.setUserActive.active).toBe(false);
      expect((await gql(api, ME, {}, session)).body.errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const refused = await gql(api, LOGIN, {
        email: input.email,
        password: input.temporaryPassword,
      });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      await gql(api, SET_ACTIVE, { userId: id, active: true }, bearer(Role.ADMIN));
      // L3-04 (security): the deactivation ended the old session for good; a new login works.
      expect((await gql(api, ME, {}, session)).body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_ENDED',
      });
      const again = await gql<{ login: { token: string } }>(api, LOGIN, {
        email: input.email,
        password: input.temporaryPassword,
      });
      const fresh = { authorization: `Bearer ${again.body.data!.login.token}` };
      expect((await gql(api, ME, {}, fresh)).body.errors).toBeUndefined();
    });

    it("me answers from the session check's read: the caller read once per request, still refused once deactivated", async () => {
      const { input, id, session } = await loggedInNewUser();
      const readsOfCaller = async () => {
        const [{ body }, reads] = await userReadsDuring(
          () => id,
          () => gql<{ me: { id: string; active: boolean } }>(api, ME, {}, session),
        );
        return { body, reads };
      };

      const first = await readsOfCaller();
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data!.me).toMatchObject({ id, email: input.email, active: true });
      expect(first.reads).toBe(1);

      await gql(api, SET_ACTIVE, { userId: id, active: false }, bearer(Role.ADMIN));
      const refused = await readsOfCaller();
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.body.data ?? null).toBeNull();
    });

    it('the session check keeps the caller while it hears every change to them: a change here or on another instance applies to the next request (L3-04)', async () => {
      const listener = api.app.get(PgListenerService);
      await listener.ensureListening();
      const { id, session } = await loggedInNewUser();
      const meOf = async () => {
        const [{ body }, reads] = await userReadsDuring(
          () => id,
          () =>
            gql<{ me: { displayName: string; roles: string[]; organization: { name: string } } }>(
              api,
              ME,
              {},
              session,
            ),
        );
        expect(body.errors).toBeUndefined();
        return { me: body.data!.me, reads };
      };
      expect((await meOf()).reads).toBe(1);
      expect(await meOf()).toMatchObject({ reads: 0, me: { roles: ['CLIENT_USER'] } });

      // An admin adds a role on this instance: the caller's next request has it.
      const added = await gql(
        api,
        UPDATE_USER,
        { input: { userId: id, roles: ['CLIENT_USER', 'CLIENT_APPROVER'] } },
        bearer(Role.ADMIN),
      );
      expect(added.body.errors).toBeUndefined();
      expect(await meOf()).toMatchObject({
        reads: 1,
        me: { roles: ['CLIENT_USER', 'CLIENT_APPROVER'] },
      });
      expect((await meOf()).reads).toBe(0);

      // Written by another instance (here: straight to the database): heard through
      // `app_user_changed`, well within the 30 s a kept user may answer without a change heard.
      await db.query(`UPDATE app_user SET display_name = 'Desde otra instancia' WHERE id = $1`, [
        id,
      ]);
      await eventually(meOf, ({ me }) => me.displayName === 'Desde otra instancia', 5_000, 20);
      // The organization renamed: its name is part of what is kept.
      const [{ name }] = await db.query<{ name: string }[]>(
        `SELECT name FROM organization WHERE id = $1`,
        [orgIds['grupo-industrial-tulum']],
      );
      await db.query(`UPDATE organization SET name = $2 WHERE id = $1`, [
        orgIds['grupo-industrial-tulum'],
        `${name} (renombrada)`,
      ]);
      try {
        await eventually(
          meOf,
          ({ me }) => me.organization.name === `${name} (renombrada)`,
          5_000,
          20,
        );
      } finally {
        await db.query(`UPDATE organization SET name = $2 WHERE id = $1`, [
          orgIds['grupo-industrial-tulum'],
          name,
        ]);
      }

      // The LISTEN connection lost (a restart, a failover, a network cut): changes sent meanwhile
      // are never heard, so until it is back every request reads the caller.
      const opened = listener.connection!;
      const terminated = await db.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'LISTEN %'
            AND query <> 'LISTEN email_outbox' AND pg_terminate_backend(pid)`,
      );
      expect(terminated).toHaveLength(1);
      await eventually(
        () => Promise.resolve(listener.connection),
        (connection) => connection !== opened,
        5_000,
        10,
      );
      // Reconnected 0.5 s after the loss at the soonest (pg-listener.service).
      expect(listener.connection).toBeNull();
      expect((await meOf()).reads).toBe(1);
      expect((await meOf()).reads).toBe(1);
      await eventually(
        () => Promise.resolve(listener.connection),
        (connection) => connection === opened + 1,
        10_000,
        20,
      );
      expect((await meOf()).reads).toBe(1);
      expect((await meOf()).reads).toBe(0);
    });

    it('setUserActive: a manager is FORBIDDEN, an unknown user NOT_FOUND, an admin cannot lock themselves out', async () => {
      const me = await gql<{ me: { id: string } }>(api, ME, {}, bearer(Role.ADMIN));
      const adminId = me.body.data!.me.id;
      const asManager = await gql(
        api,
        SET_ACTIVE,
        { userId: adminId, active: false },
        bearer(Role.MANAGER),
      );
      expect(asManager.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const unknown = await gql(
        api,
        SET_ACTIVE,
        { userId: '00000000-0000-4000-8000-000000000000', active: false },
        bearer(Role.ADMIN),
      );
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const self = await gql(
        api,
        SET_ACTIVE,
        { userId: adminId, active: false },
        bearer(Role.ADMIN),
      );
      expect(self.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      // A typed reason, so the web app says why in the user's language (L3-04).
      expect(self.body.errors?.[0]?.extensions?.reason).toBe('OWN_ACCOUNT_DEACTIVATION');
      const still = await db.query<{ active: boolean }[]>(
        'SELECT active FROM app_user WHERE id = $1',
        [adminId],
      );
      expect(still[0].active).toBe(true);
    });

    it('users: managers and admins list them, optionally per organization; clients are FORBIDDEN', async () => {
      const all = await gql<{ users: { email: string }[] }>(api, USERS, {}, bearer(Role.MANAGER));
      expect(all.body.errors).toBeUndefined();
      expect(all.body.data!.users.length).toBe(await count('app_user'));
      const aurora = await gql<{ users: { organization: { id: string } }[] }>(
        api,
        USERS,
        { organizationId: orgIds['comercializadora-aurora'] },
        bearer(Role.ADMIN),
      );
      expect(aurora.body.data!.users.length).toBe(2);
      expect(
        aurora.body.data!.users.every(
          (u) => u.organization.id === orgIds['comercializadora-aurora'],
        ),
      ).toBe(true);
      for (const role of [Role.CLIENT_USER, Role.AGENT]) {
        const { body } = await gql(api, USERS, {}, bearer(role));
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const unknown = await gql(
        api,
        USERS,
        { organizationId: '00000000-0000-4000-8000-000000000000' },
        bearer(Role.ADMIN),
      );
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const malformed = await gql(api, USERS, { organizationId: 'aurora' }, bearer(Role.ADMIN));
      expect(malformed.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    });

    // QA S60 #2: «Cerrar sesión» on a shared office PC left the token answering `me`.
    it("logout ends that session on the server for queries, mutations and file downloads; the same user's other session carries on; logging out twice is fine (QA S60 #2, L3-04)", async () => {
      const { input, session } = await loggedInNewUser();
      // A second session of the same user (another browser), logged in within the same second.
      const other = await gql<{ login: { token: string } }>(api, LOGIN, {
        email: input.email,
        password: input.temporaryPassword,
      });
      const otherSession = { authorization: `Bearer ${other.body.data!.login.token}` };
      expect(otherSession).not.toEqual(session);
      const PREFERENCES = `mutation ($input: UpdateMyPreferencesInput!) {
        updateMyPreferences(input: $input) { timeZone } }`;
      const download = (headers: Record<string, string>) =>
        fetch(`${api.url}/api/attachments/00000000-0000-4000-8000-000000000000`, { headers });
      expect((await gql(api, ME, {}, session)).body.errors).toBeUndefined();
      expect((await download(session)).status).toBe(404);

      const out = await gql<{ logout: boolean }>(api, LOGOUT, {}, session);
      expect(out.body).toEqual({ data: { logout: true } });

      const ended = {
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_ENDED',
        endedBecause: 'LOGGED_OUT',
      };
      const query = await gql(api, ME, {}, session);
      expect(query.body.errors?.[0]?.extensions).toMatchObject(ended);
      expect(query.body.data ?? null).toBeNull();
      const mutation = await gql(
        api,
        PREFERENCES,
        { input: { timeZone: 'America/Cancun' } },
        session,
      );
      expect(mutation.body.errors?.[0]?.extensions).toMatchObject(ended);
      const refusedDownload = await download(session);
      expect(refusedDownload.status).toBe(401);
      expect(((await refusedDownload.json()) as { code: string }).code).toBe('UNAUTHENTICATED');

      // The other session of the same user is not ended by this one's logout.
      const stillIn = await gql<{ updateMyPreferences: { timeZone: string } }>(
        api,
        PREFERENCES,
        { input: { timeZone: 'America/Cancun' } },
        otherSession,
      );
      expect(stillIn.body.data?.updateMyPreferences.timeZone).toBe('America/Cancun');
      expect((await gql(api, ME, {}, otherSession)).body.errors).toBeUndefined();

      // Twice, or with no token or a refused one: nothing left to end, the same answer.
      for (const headers of [session, {}, { authorization: 'Bearer nope' }]) {
        expect((await gql(api, LOGOUT, {}, headers)).body).toEqual({ data: { logout: true } });
      }
      expect((await gql(api, ME, {}, session)).body.errors?.[0]?.extensions).toMatchObject(ended);
      // Recorded by its SHA-256 only: the database holds no usable token.
      const [{ n }] = await db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM logged_out_session WHERE token_sha256 = encode(sha256($1::bytea), 'hex')`,
        [session.authorization.slice('Bearer '.length)],
      );
      expect(Number(n)).toBe(1);
    });
  });

  describe('organizations', () => {
    it('provider staff see every organization; a client user only their own', async () => {
      const agent = await gql<{ organizations: { name: string }[] }>(
        api,
        ORGS,
        {},
        bearer(Role.AGENT),
      );
      expect(agent.body.data!.organizations.map((o) => o.name)).toEqual(
        expect.arrayContaining([PROVIDER_ORG, AURORA_ORG, TULUM_ORG]),
      );
      expect(agent.body.data!.organizations[0].name).toBe(PROVIDER_ORG);
      const client = await gql<{ organizations: { id: string; name: string }[] }>(
        api,
        ORGS,
        {},
        bearer(Role.CLIENT_USER),
      );
      expect(client.body.data!.organizations).toEqual([
        expect.objectContaining({
          id: orgIds['comercializadora-aurora'],
          name: AURORA_ORG,
        }),
      ]);
      expect((await gql(api, ORGS)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('an admin creates a client organization, the slug derived from its name', async () => {
      const { body } = await gql<{ createOrganization: Record<string, unknown> }>(
        api,
        CREATE_ORG,
        { input: { name: 'Minera Ñuñoa, S.A.' } },
        bearer(Role.ADMIN),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.createOrganization).toMatchObject({
        name: 'Minera Ñuñoa, S.A.',
        kind: 'CLIENT',
        slug: 'minera-nunoa-s-a',
      });
    });

    it.each([
      ['a taken slug', { name: 'Otra Aurora', slug: 'comercializadora-aurora' }, 'CONFLICT'],
      ['a second provider', { name: 'Otro Proveedor', kind: 'PROVIDER' }, 'CONFLICT'],
      ['a blank name', { name: '   ' }, 'VALIDATION_FAILED'],
      ['a bad slug', { name: 'Bien', slug: 'Not A Slug' }, 'VALIDATION_FAILED'],
    ])('createOrganization with %s is %s and writes nothing', async (_label, input, code) => {
      const before = await count('organization');
      const { body } = await gql(api, CREATE_ORG, { input }, bearer(Role.ADMIN));
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
      expect(await count('organization')).toBe(before);
    });

    it('createOrganization by a manager is FORBIDDEN', async () => {
      const { body } = await gql(
        api,
        CREATE_ORG,
        { input: { name: 'Por Gerente' } },
        bearer(Role.MANAGER),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
