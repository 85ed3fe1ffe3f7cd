import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { Role } from '../../src/identity/role.enum';
import { gql, startWorker, type RunningWorker } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';

// Issue 5: every ticket mutation × role × own/other organisation, table-style. A refused call
// (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND) changes nothing; an authorized one is never refused for
// who or where the caller is (it may still be INVALID_TRANSITION or VALIDATION_FAILED for the
// ticket's state or the arguments — "authorized but invalid").

const CLIENT = [Role.CLIENT_USER, Role.CLIENT_APPROVER];
const APPROVER = [Role.CLIENT_APPROVER];
const PROVIDER = [Role.AGENT, Role.MANAGER, Role.ADMIN];
const ROLES = [...CLIENT, ...PROVIDER];
const OWN_ORG = 'Comercializadora Aurora';
const OTHER_ORG = 'Grupo Industrial Tulum';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

interface Row {
  mutation: string;
  inputType: string;
  roles: readonly Role[];
  extra?: Record<string, unknown>;
  /** Guarded by @Roles before the ticket is looked up: FORBIDDEN even on another org's ticket. */
  roleGuardFirst?: boolean;
}

/** The contract (L3-04…L3-17): who may call each ticket mutation. */
const MATRIX: readonly Row[] = [
  { mutation: 'requestInformation', inputType: 'TicketActionInput', roles: PROVIDER },
  {
    mutation: 'proposeRemoteSession',
    inputType: 'ProposeRemoteSessionInput',
    roles: PROVIDER,
    extra: { at: inDays(3) },
  },
  { mutation: 'provideInformation', inputType: 'TicketActionInput', roles: CLIENT },
  {
    mutation: 'classifyTicket',
    inputType: 'ClassifyTicketInput',
    roles: PROVIDER,
    extra: { classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
  },
  { mutation: 'addProgressUpdate', inputType: 'TicketActionInput', roles: PROVIDER },
  { mutation: 'waitOnClient', inputType: 'TicketActionInput', roles: PROVIDER },
  { mutation: 'replyToTicket', inputType: 'TicketActionInput', roles: CLIENT },
  { mutation: 'resolveTicket', inputType: 'TicketActionInput', roles: PROVIDER },
  { mutation: 'confirmResolution', inputType: 'TicketActionInput', roles: CLIENT },
  { mutation: 'reopenTicket', inputType: 'TicketActionInput', roles: CLIENT },
  { mutation: 'declareOutOfScope', inputType: 'TicketActionInput', roles: PROVIDER },
  {
    mutation: 'declareNotFeasible',
    inputType: 'DeclareNotFeasibleInput',
    roles: PROVIDER,
    extra: { reasons: ['Fuera del alcance técnico'] },
  },
  {
    mutation: 'submitEstimate',
    inputType: 'SubmitEstimateInput',
    roles: PROVIDER,
    extra: { hours: 4, scope: 'Reporte por zona' },
  },
  {
    mutation: 'authorizeEstimate',
    inputType: 'AuthorizeEstimateInput',
    roles: APPROVER,
    extra: { estimateVersion: 1, statement: 'Autorizo la estimación de 4 horas.' },
  },
  {
    mutation: 'rejectEstimate',
    inputType: 'EstimateFeedbackInput',
    roles: APPROVER,
    extra: { estimateVersion: 1, reason: 'Demasiadas horas' },
  },
  {
    mutation: 'requestReestimate',
    inputType: 'EstimateFeedbackInput',
    roles: CLIENT,
    extra: { estimateVersion: 1, reason: 'Falta el filtro por fecha' },
  },
  {
    mutation: 'setReleaseDate',
    inputType: 'SetReleaseDateInput',
    roles: PROVIDER,
    extra: { releaseDate: inDays(10) },
  },
  { mutation: 'startDevelopment', inputType: 'TicketActionInput', roles: PROVIDER },
  { mutation: 'releaseForTesting', inputType: 'TicketActionInput', roles: PROVIDER },
  { mutation: 'acceptDelivery', inputType: 'TicketActionInput', roles: CLIENT },
  { mutation: 'reportFailures', inputType: 'TicketActionInput', roles: CLIENT },
  {
    mutation: 'recordAdminAction',
    inputType: 'RecordAdminActionInput',
    roles: PROVIDER,
    extra: { action: 'BACKUP', details: 'respaldo-diario' },
  },
  { mutation: 'closeAdminAction', inputType: 'TicketActionInput', roles: PROVIDER },
  { mutation: 'cancelTicket', inputType: 'TicketActionInput', roles: CLIENT },
  {
    mutation: 'logTicketTime',
    inputType: 'LogTicketTimeInput',
    roles: PROVIDER,
    extra: { date: new Date().toISOString().slice(0, 10), hours: 1, description: 'Análisis' },
    roleGuardFirst: true,
  },
];

const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

interface Case {
  row: Row;
  role: Role | 'ANONYMOUS';
  org: 'own' | 'other';
  /** An error code, or AUTHORIZED. */
  expected: string;
}

/** Expected outcome: anonymous, then visibility (clients: own org only), then role. */
function expectedFor(row: Row, role: Role | 'ANONYMOUS', org: 'own' | 'other'): string {
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  const allowed = row.roles.includes(role);
  if (row.roleGuardFirst && !allowed) return 'FORBIDDEN';
  const isClient = CLIENT.includes(role);
  if (isClient && org === 'other') return 'NOT_FOUND';
  return allowed ? 'AUTHORIZED' : 'FORBIDDEN';
}

const CASES: Case[] = MATRIX.flatMap((row) =>
  (['ANONYMOUS', ...ROLES] as const).flatMap((role) =>
    (['own', 'other'] as const).map((org) => ({
      row,
      role,
      org,
      expected: expectedFor(row, role, org),
    })),
  ),
);

describe('Ticket mutation access matrix (role × organisation)', () => {
  let world: SeededWorld;
  let worker: RunningWorker;
  let bundle: WorkflowBundleWithSourceMap;
  let running: Promise<void>;
  const taskQueue = `matrix-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    installQuietRuntime();
    bundle = await bundleWorkflows();
    world = await createSeededWorld('matrix', { TEMPORAL_TASK_QUEUE: taskQueue });
    worker = await startWorker(bundle, world.config);
    running = worker.worker.run();
  });
  afterAll(async () => {
    if (worker) {
      worker.worker.shutdown();
      await running;
      await worker.close();
    }
    await world?.close();
  });

  /** Registers a ticket and waits until the read model holds every event of its first state. */
  async function register(org: string): Promise<string> {
    const { body } = await gql<{ registerTicket: { number: string; timeline: { seq: number }[] } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number timeline { seq } } }`,
      {
        input: {
          category: 'DEVELOPMENT',
          subject: 'Reporte de ventas',
          description: 'Un reporte de ventas por zona.',
        },
      },
      world.bearer(Role.CLIENT_USER, org),
    );
    expect(body.errors).toBeUndefined();
    const { number, timeline } = body.data!.registerTicket;
    const end = Date.now() + 15_000;
    while ((await snapshot(number)).events < timeline.length) {
      if (Date.now() > end) throw new Error(`read model of ${number} did not catch up`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return number;
  }

  async function call(c: Case, number: string) {
    const headers =
      c.role === 'ANONYMOUS'
        ? {}
        : world.bearer(c.role, CLIENT.includes(c.role) ? OWN_ORG : undefined);
    const fields = c.row.mutation === 'logTicketTime' ? 'id' : 'seq ticket { state }';
    const { body } = await gql<Record<string, { ticket?: { state: string } } | undefined>>(
      world.api,
      `mutation ($input: ${c.row.inputType}!) { ${c.row.mutation}(input: $input) { ${fields} } }`,
      { input: { number, ...c.row.extra } },
      headers,
    );
    return {
      code: body.errors?.[0]?.extensions?.code,
      message: body.errors?.[0]?.message,
      state: body.data?.[c.row.mutation]?.ticket?.state,
    };
  }

  async function snapshot(number: string) {
    const [row] = await world.db.query<{ state: string; last_event_seq: number }[]>(
      'SELECT state, last_event_seq FROM ticket WHERE number = $1',
      [number],
    );
    const [{ n }] = await world.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1',
      [number],
    );
    return { ...row, events: n };
  }

  it('refuses anonymous callers, wrong roles and other organisations, changing nothing', async () => {
    const tickets = { own: await register(OWN_ORG), other: await register(OTHER_ORG) };
    const before = { own: await snapshot(tickets.own), other: await snapshot(tickets.other) };
    const timeEntries = () =>
      world.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM time_entry');
    const [entriesBefore] = await timeEntries();
    const refused = CASES.filter((c) => c.expected !== 'AUTHORIZED');
    expect(refused.length).toBeGreaterThan(100);
    const mismatches: string[] = [];
    for (const c of refused) {
      const got = await call(c, tickets[c.org]);
      if (got.code !== c.expected) {
        mismatches.push(`${c.row.mutation} × ${c.role} × ${c.org}: ${got.code} (${got.message})`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(await snapshot(tickets.own)).toEqual(before.own);
    expect(await snapshot(tickets.other)).toEqual(before.other);
    // No time was logged by a refused logTicketTime either.
    expect(await timeEntries()).toEqual([entriesBefore]);
  });

  it('never refuses an authorized role for who or where it is (own and other organisation)', async () => {
    // Scratch tickets per organisation; a call that closes one (cancel, out of scope…) gets a
    // fresh one for the next case, so each case meets a live workflow.
    const scratch: Record<'own' | 'other', string> = {
      own: await register(OWN_ORG),
      other: await register(OTHER_ORG),
    };
    const authorized = CASES.filter((c) => c.expected === 'AUTHORIZED');
    expect(authorized.length).toBeGreaterThan(50);
    const refusedWrongly: string[] = [];
    for (const c of authorized) {
      const got = await call(c, scratch[c.org]);
      if (got.code && REFUSALS.includes(got.code)) {
        refusedWrongly.push(
          `${c.row.mutation} × ${c.role} × ${c.org}: ${got.code} (${got.message})`,
        );
      }
      if (got.state && (TERMINAL_STATES as readonly string[]).includes(got.state)) {
        scratch[c.org] = await register(c.org === 'own' ? OWN_ORG : OTHER_ORG);
      }
    }
    expect(refusedWrongly).toEqual([]);
  });
});
