import { seedDemoTickets } from '../../src/dev/demo-tickets';
import { Role } from '../../src/identity/role.enum';
import { TULUM_ORG } from '../support/demo-contract';
import { eventually } from '../support/eventually';
import { useWorldWithWorker, worldCalls } from '../support/world-with-worker';
import { fillCanned, unfilledPlaceholders } from '../../web/src/canned-responses/canned-fill';

// A first `npm start` shows a living demo (src/dev/demo-tickets.ts): through the real API and the
// real worker, the demo users register and move a few tickets, which the client and the manager
// then see in typical states with their clocks (L3-05, L3-07, L3-08, L3-09, L3-12/L3-13). A second
// run, as a restarted first start would make, adds nothing.

interface ListedTicket {
  number: string;
  subject: string;
  state: string;
  category: string;
  classification: string | null;
  assigneeName: string | null;
  clocks: { kind: string; status: string }[];
  estimates: { hours: number; status: string }[];
  timeline: { type: string }[];
}

const TICKETS = `query ($filter: TicketFilter) { tickets(first: 20, filter: $filter) {
  totalCount items { number subject state category classification assigneeName
    clocks { kind status } estimates { hours status } timeline { type } } } }`;

describe('Demo tickets of a first npm start (L3-05, L3-07, L3-08, L3-09, L3-12)', () => {
  const world = useWorldWithWorker('demo-tickets');
  const { ok } = worldCalls(world);

  const listed = async (as: Role, organization?: string, filter?: object) =>
    (
      await ok<{ tickets: { totalCount: number; items: ListedTicket[] } }>(
        TICKETS,
        { filter },
        world.bearer(as, organization),
      )
    ).tickets;
  const clocks = (t: ListedTicket) => Object.fromEntries(t.clocks.map((c) => [c.kind, c.status]));

  it('registers a problem in analysis, an estimate to authorize, a question and a closed requirement; a second run adds none', async () => {
    const lines: string[] = [];
    const say = (line: string) => lines.push(line);
    expect(await seedDemoTickets(world.api.url, world.seed.credentials, say)).toBe(4);
    expect(lines).toContainEqual(expect.stringMatching(/^Demo tickets: 4 created/));
    expect(lines).toContain('Demo canned responses: 3 created');
    // The agent finds the manager's canned responses on a ticket page, in both languages.
    const { cannedResponses } = await ok<{
      cannedResponses: { title: string; body: string; bodyEn: string | null }[];
    }>('query { cannedResponses { title body bodyEn } }', {}, world.bearer(Role.AGENT));
    expect(cannedResponses.map((r) => r.title).sort()).toEqual([
      'Avance: seguimos trabajando',
      'Solicitar evidencia del error',
      'Solución aplicada: confirme por favor',
    ]);
    expect(cannedResponses.every((r) => r.bodyEn)).toBe(true);
    // The email carrying a reply greets its reader, so no text greets again (QA S54), and what the
    // agent must write in is flagged on the page until replaced (a «…» was sent as it was).
    expect(cannedResponses.filter((r) => /^(Hola|Hello)\b/.test(r.body + r.bodyEn))).toEqual([]);
    const update = cannedResponses.find((r) => r.title === 'Avance: seguimos trabajando')!;
    const values = { client: 'C', ticket: 'T', subject: 'S', requester: 'R', agent: 'A' };
    expect(unfilledPlaceholders(fillCanned(update.body, values))).toEqual([
      '{{lo hecho hasta ahora}}',
      '{{siguiente paso}}',
    ]);
    expect(unfilledPlaceholders(fillCanned(update.bodyEn!, values))).toEqual([
      '{{progress so far}}',
      '{{next step}}',
    ]);

    // The Aurora client user: the problem, triaged and assigned, progress clock running, one
    // update (L3-07); the requirement estimated at 6 h, waiting on the approver (L3-08/L3-09).
    const aurora = await listed(Role.CLIENT_USER);
    expect(aurora.totalCount).toBe(2);
    const problem = aurora.items.find((t) => t.subject.startsWith('Error al validar facturas'))!;
    expect(problem).toMatchObject({
      state: 'IN_ANALYSIS',
      category: 'INCIDENT',
      classification: 'PROBLEM',
      assigneeName: 'Alex Agent',
    });
    expect(clocks(problem)).toMatchObject({ triage: 'MET', progress: 'RUNNING' });
    expect(problem.timeline.filter((e) => e.type === 'addProgress')).toHaveLength(1);
    const requirement = aurora.items.find((t) => t.subject.startsWith('Reporte de ventas'))!;
    expect(requirement).toMatchObject({
      state: 'ESTIMATE_SUBMITTED',
      classification: 'REQUIREMENT',
      estimates: [{ hours: 6, status: 'SUBMITTED' }],
    });
    // The Aurora approver has something to do: that estimate.
    const toAuthorize = await listed(Role.CLIENT_APPROVER, undefined, {
      awaitingAuthorization: true,
    });
    expect(toAuthorize.items.map((t) => t.number)).toEqual([requirement.number]);

    // The Tulum client user: the question just registered, its triage clock running (L3-05)…
    const tulum = await listed(Role.CLIENT_USER, TULUM_ORG);
    expect(tulum.totalCount).toBe(2);
    const question = tulum.items.find((t) => t.category === 'QUESTION')!;
    expect(question).toMatchObject({ state: 'REGISTERED', classification: null });
    // Its clocks come with its first projection, which the registration does not wait for.
    await eventually(
      async () => (await listed(Role.CLIENT_USER, TULUM_ORG)).items,
      (items) => clocks(items.find((t) => t.number === question.number)!).triage === 'RUNNING',
    );
    // …and the requirement developed with 2.5 h logged and accepted: closed, so its hours show
    // as consumed and the rest of the 3 h authorized went back (L3-12/L3-13).
    const closed = tulum.items.find((t) => t.category === 'DEVELOPMENT')!;
    expect(closed).toMatchObject({
      state: 'CLOSED',
      estimates: [{ hours: 3, status: 'AUTHORIZED' }],
    });
    const balance = await eventually(
      async () =>
        (
          await ok<{ hourBalance: { consumed: number; reserved: number } }>(
            'query ($id: ID!) { hourBalance(organizationId: $id) { consumed reserved } }',
            { id: world.orgIds['grupo-industrial-tulum'] },
            world.bearer(Role.CLIENT_USER, TULUM_ORG),
          )
        ).hourBalance,
      (b) => b.reserved === 0,
    );
    expect(balance).toEqual({ consumed: 2.5, reserved: 0 });

    // The manager sees all four; a second run (a restarted first start) registers none.
    expect((await listed(Role.MANAGER)).totalCount).toBe(4);
    lines.length = 0;
    expect(await seedDemoTickets(world.api.url, world.seed.credentials, say)).toBe(0);
    expect(lines).toEqual(['Demo tickets: none added (4 tickets exist already)']);
    expect((await listed(Role.MANAGER)).totalCount).toBe(4);
  }, 120_000);
});
