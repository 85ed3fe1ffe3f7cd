import { RESET_REQUESTS_PER_IP_FACTOR } from '../../src/identity/auth.service';
import { gql, type RunningApi, startApi } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-04: the login and «¿Olvidó su contraseña?» throttles count per client address. Behind a
// reverse proxy every request comes from the proxy's socket, so without TRUST_PROXY all clients
// would share one per-IP budget of reset requests; with it, each counts on the address the proxy
// saw. And with no proxy trusted, an X-Forwarded-For a client writes itself changes nothing.
// Real API over HTTP, real PostgreSQL (the throttle's log).

const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) { email } }`;

describe('The client address the throttles count (L3-04, TRUST_PROXY)', () => {
  let world: SeededWorld;
  let proxied: RunningApi | undefined;
  const unique = `${process.pid}-${Date.now()}`;
  let n = 0;
  /** An address with no account: the same answer, and every request counts all the same. */
  const nextEmail = () => `nadie-${unique}-${(n += 1)}@example.com`;

  beforeAll(async () => {
    // One failure per email + IP, so the per-IP figure is small and each request names a new
    // address (the per-email throttle never decides).
    world = await createSeededWorld('client-address', { LOGIN_MAX_FAILURES: '1' });
  });
  afterAll(async () => {
    await proxied?.close();
    await world?.close();
  });

  const perIp = () => RESET_REQUESTS_PER_IP_FACTOR * world.config.loginRateLimit.maxFailures;
  async function ask(api: RunningApi, forwardedFor?: string): Promise<string> {
    const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const { body } = await gql(api, REQUEST, { email: nextEmail() }, headers);
    return body.errors?.[0]?.extensions?.code ?? 'OK';
  }

  it('trusts no proxy by default: a forwarded address a client writes does not give it a new budget', async () => {
    expect(world.config.api.trustProxyHops).toBe(0);
    const codes: string[] = [];
    for (let i = 0; i <= perIp(); i += 1) codes.push(await ask(world.api, `198.51.100.${i + 1}`));
    expect(codes).toEqual([...Array(perIp()).fill('OK'), 'RATE_LIMITED']);
  });

  it('behind one trusted proxy, each client counts on the address the proxy saw, not on the proxy', async () => {
    proxied = await startApi({ ...world.config, api: { ...world.config.api, trustProxyHops: 1 } });
    // Every request reaches this API from 127.0.0.1, the "proxy", whose budget the first test
    // spent; the clients behind it each still have their own.
    const first: string[] = [];
    for (let i = 0; i <= perIp(); i += 1) first.push(await ask(proxied, '203.0.113.10'));
    expect(first).toEqual([...Array(perIp()).fill('OK'), 'RATE_LIMITED']);
    // Another client behind the same proxy is not held back by the first.
    expect(await ask(proxied, '203.0.113.20')).toBe('OK');
    // The first client cannot escape by writing an address of its own in front: the proxy
    // appends the one it saw, and only that last hop is believed.
    expect(await ask(proxied, '192.0.2.99, 203.0.113.10')).toBe('RATE_LIMITED');
  });
});
