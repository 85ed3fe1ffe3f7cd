import { randomUUID } from 'node:crypto';
import { parseServerTiming } from '../../src/common/server-timing';
import { Role } from '../../src/identity/role.enum';
import { type RunningApi, startApi } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// Issues 5/10: with API_SERVER_TIMING=on, an answer's `Server-Timing` header says where the
// request's time went, so a slow transition can be taken apart (the bench reads it per sample).
// Off by default. Real API over HTTP, real worker, PostgreSQL and Temporal.

const CLASSIFY = `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { ticket { state } } }`;
const PROGRESS = `mutation ($input: TicketActionInput!) { addProgressUpdate(input: $input) { seq } }`;

describe('Server-Timing on API answers (API_SERVER_TIMING)', () => {
  const world = useWorldWithWorker('server-timing', { API_SERVER_TIMING: 'on' });
  let plain: RunningApi | undefined;
  afterAll(async () => plain?.close());

  async function post(api: RunningApi, query: string, variables: object, role: Role) {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...world.bearer(role) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    return { timing: res.headers.get('server-timing'), body };
  }

  it('times a transition’s parts (L3-07 progress update): auth, access, Update, answer read, total', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No timbra la factura',
      description: 'Error al timbrar.',
    });
    const classified = await post(
      world.api,
      CLASSIFY,
      { input: { number, classification: 'PROBLEM' } },
      Role.AGENT,
    );
    expect(classified.body.errors).toBeUndefined();
    const input = { number, note: 'Revisando el PAC.', requestId: randomUUID() };
    const { timing, body } = await post(world.api, PROGRESS, { input }, Role.AGENT);
    expect(body.errors).toBeUndefined();
    const spans = parseServerTiming(timing ?? undefined);
    expect([...spans.keys()].sort()).toEqual(['access', 'auth', 'read', 'total', 'update']);
    for (const ms of spans.values()) expect(ms).toBeGreaterThan(0);
    // The parts ran one after another inside the request.
    const parts = ['auth', 'access', 'update', 'read'].map((p) => spans.get(p) ?? 0);
    expect(parts.reduce((a, b) => a + b)).toBeLessThanOrEqual(spans.get('total') ?? 0);
  });

  it('a query has its total (and auth); a refused request still gets its header', async () => {
    const me = await post(world.api, '{ me { id } }', {}, Role.CLIENT_USER);
    expect([...parseServerTiming(me.timing ?? undefined).keys()].sort()).toEqual(['auth', 'total']);
    const bad = await fetch(`${world.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(
      ((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0],
    ).toEqual(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    expect(parseServerTiming(bad.headers.get('server-timing') ?? undefined).has('total')).toBe(
      true,
    );
  });

  it("the SLA board's list times its SQL as read (managers watch SLA timers)", async () => {
    const list = await post(
      world.api,
      '{ slaTimers(filter: { first: 10 }) { ticketNumber clock { deadline } } }',
      {},
      Role.MANAGER,
    );
    expect(list.body.errors).toBeUndefined();
    const spans = parseServerTiming(list.timing ?? undefined);
    expect([...spans.keys()].sort()).toEqual(['auth', 'read', 'total']);
    expect(spans.get('read')).toBeGreaterThan(0);
    expect((spans.get('auth') ?? 0) + (spans.get('read') ?? 0)).toBeLessThanOrEqual(
      spans.get('total') ?? 0,
    );
  });

  it('is off by default: no header', async () => {
    plain = await startApi({ ...world.config, api: { ...world.config.api, serverTiming: false } });
    const me = await post(plain, '{ me { id } }', {}, Role.AGENT);
    expect(me.body.errors).toBeUndefined();
    expect(me.timing).toBeNull();
  });
});
