import { getIntrospectionQuery } from 'graphql';
import { Role } from '../../src/identity/role.enum';
import { gql, type RunningApi, startApi } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Issue 5 items 5 and 7 over real HTTP: static query limits (depth, cost) rejected before
// execution with VALIDATION_FAILED, and login rate limiting per email + IP (RATE_LIMITED).

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;
/** Depth 4 (login → user → organization → id): over the spec's limit of 3. */
const DEEP_LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { user { organization { id } } }
}`;

describe('API hardening', () => {
  let world: SeededWorld;
  beforeAll(async () => {
    world = await createSeededWorld(
      'hardening',
      {
        GRAPHQL_MAX_DEPTH: '3',
        GRAPHQL_MAX_COST: '200',
        LOGIN_MAX_FAILURES: '3',
        LOGIN_WINDOW_SECONDS: '60',
      },
      false,
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  const credentialOf = (role: Role) => world.seed.credentials.find((c) => c.roles.includes(role))!;

  describe('query limits', () => {
    it('answers normal queries within the limits', async () => {
      const { body } = await gql<{ me: { organization: { name: string } } }>(
        world.api,
        '{ me { id organization { name } } }',
        {},
        world.bearer(Role.ADMIN),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.me.organization.name).toBeTruthy();
      const page = await gql(
        world.api,
        '{ tickets(first: 10) { items { number state } nextCursor } }',
        {},
        world.bearer(Role.MANAGER),
      );
      expect(page.body.errors).toBeUndefined();
    });

    it('rejects a document nested deeper than the limit with VALIDATION_FAILED', async () => {
      const { body } = await gql(
        world.api,
        '{ tickets { items { clocks { id } } } }',
        {},
        world.bearer(Role.MANAGER),
      );
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(body.errors?.[0]?.message).toBe('The operation nests 4 levels deep; the limit is 3');
    });

    it('rejects a document over the cost budget with VALIDATION_FAILED', async () => {
      const { body } = await gql(
        world.api,
        'query Big { tickets(first: 100) { items { number state } } }',
        {},
        world.bearer(Role.MANAGER),
      );
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(body.errors?.[0]?.message).toMatch(/^Operation Big costs 301; the limit is 200/);
    });

    it('rejects before execution: an over-deep login never runs (no failure counted)', async () => {
      const { email } = credentialOf(Role.AGENT);
      for (let i = 0; i < 5; i++) {
        const { body } = await gql(world.api, DEEP_LOGIN, { email, password: 'wrong-password-x' });
        expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      }
      const { body } = await gql(world.api, LOGIN, { email, password: 'wrong-password-x' });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('keeps introspection working', async () => {
      const { body } = await gql<{ __schema: { types: unknown[] } }>(
        world.api,
        getIntrospectionQuery(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.__schema.types.length).toBeGreaterThan(20);
    });
  });

  describe('login rate limiting', () => {
    it('refuses an email after too many failures from one IP, with a retry-after', async () => {
      const { email, password } = credentialOf(Role.CLIENT_USER);
      for (let i = 0; i < 3; i++) {
        const { body } = await gql(world.api, LOGIN, { email, password: 'not-the-password-!' });
        expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      // Locked out: even the right password waits (the limit is checked before the password).
      const { status, body } = await gql(world.api, LOGIN, { email, password });
      expect(status).toBe(200);
      expect(body.data ?? null).toBeNull();
      const error = body.errors?.[0];
      expect(error?.extensions?.code).toBe('RATE_LIMITED');
      const retryAfter = error?.extensions?.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(error?.message).toContain(`${retryAfter} s`);
      // The same email in other letter case is the same key.
      const upper = await gql(world.api, LOGIN, { email: email.toUpperCase(), password });
      expect(upper.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // Other users from the same IP are not affected.
      const other = credentialOf(Role.CLIENT_APPROVER);
      const ok = await gql<{ login: { token: string } }>(world.api, LOGIN, {
        email: other.email,
        password: other.password,
      });
      expect(ok.body.data?.login.token).toBeTruthy();
    });

    it('a successful login resets the failure count', async () => {
      const { email, password } = credentialOf(Role.MANAGER);
      const fail = async () =>
        (await gql(world.api, LOGIN, { email, password: 'not-the-password-!' })).body.errors?.[0]
          ?.extensions?.code;
      expect(await fail()).toBe('UNAUTHENTICATED');
      expect(await fail()).toBe('UNAUTHENTICATED');
      const ok = await gql<{ login: { token: string } }>(world.api, LOGIN, { email, password });
      expect(ok.body.data?.login.token).toBeTruthy();
      expect(await fail()).toBe('UNAUTHENTICATED');
      expect(await fail()).toBe('UNAUTHENTICATED');
      const again = await gql<{ login: { token: string } }>(world.api, LOGIN, { email, password });
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data?.login.token).toBeTruthy();
    });

    it('counts the failures of every API instance together (one limit behind a load balancer)', async () => {
      const { email, password } = credentialOf(Role.ADMIN);
      const second = await startApi(world.config);
      try {
        const failOn = async (api: RunningApi) =>
          (await gql(api, LOGIN, { email, password: 'not-the-password-!' })).body.errors?.[0]
            ?.extensions?.code;
        expect(await failOn(world.api)).toBe('UNAUTHENTICATED');
        expect(await failOn(second)).toBe('UNAUTHENTICATED');
        expect(await failOn(world.api)).toBe('UNAUTHENTICATED');
        // Three failures over two instances: the right password is refused on either.
        const locked = await gql(second, LOGIN, { email, password });
        expect(locked.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
        const other = await gql(world.api, LOGIN, { email, password });
        expect(other.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
        const [{ n }] = await world.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM login_failure WHERE throttle_key LIKE $1`,
          [`login:${email.toLowerCase()}|%`],
        );
        expect(n).toBe(3);
      } finally {
        await second.close();
      }
    });

    it('forgets failures that left the window as new ones come', async () => {
      await world.db.query(
        `INSERT INTO login_failure (throttle_key, failed_at)
         VALUES ('login:antes@example.com|127.0.0.1', now() - interval '120 seconds')`,
      );
      const { body } = await gql(world.api, LOGIN, {
        email: 'nadie@example.com',
        password: 'not-the-password-!',
      });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const left = await world.db.query<{ throttle_key: string }[]>(
        `SELECT throttle_key FROM login_failure WHERE throttle_key LIKE 'login:antes@%'`,
      );
      expect(left).toEqual([]);
      const [{ n }] = await world.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM login_failure WHERE throttle_key LIKE 'login:nadie@%'`,
      );
      expect(n).toBe(1);
    });
  });

  // Issue 10 item 3: bad input is the client's mistake, refused typed before it reaches a
  // resolver or the database (and never logged as a crash).
  describe('request hygiene', () => {
    const TICKET = 'query ($n: String!) { ticket(number: $n) { number } }';

    it('refuses a NUL character in variables or string literals before any resolver runs', async () => {
      const inVariable = await gql(
        world.api,
        TICKET,
        { n: 'L3-2026-\u0000001' },
        world.bearer(Role.AGENT),
      );
      expect(inVariable.status).toBe(400);
      expect(inVariable.body.errors?.[0]).toMatchObject({
        message: 'Text may not contain the NUL character (U+0000): $n',
        extensions: { code: 'VALIDATION_FAILED' },
      });
      const inLiteral = await gql(
        world.api,
        '{ tickets(filter: { text: "a\\u0000b" }) { items { number } } }',
        {},
        world.bearer(Role.AGENT),
      );
      expect(inLiteral.body.errors?.[0]).toMatchObject({
        message: 'Text may not contain the NUL character (U+0000): a string literal',
        extensions: { code: 'VALIDATION_FAILED' },
      });
    });

    it('answers a body over the limit or malformed JSON as a typed request error', async () => {
      const post = async (body: string) => {
        const res = await fetch(`${world.api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...world.bearer(Role.AGENT) },
          body,
        });
        return { status: res.status, body: (await res.json()) as { errors?: unknown[] } };
      };
      const huge = await post(
        JSON.stringify({ query: '{ me { id } }', variables: { a: 'x'.repeat(200_000) } }),
      );
      expect(huge).toEqual({
        status: 413,
        body: {
          errors: [
            {
              message: 'request entity too large',
              extensions: { code: 'VALIDATION_FAILED', reason: 'entity.too.large' },
            },
          ],
        },
      });
      const malformed = await post('{"query": "{ me { id } }"');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors?.[0]).toMatchObject({
        extensions: { code: 'VALIDATION_FAILED', reason: 'entity.parse.failed' },
      });
    });
  });
});
