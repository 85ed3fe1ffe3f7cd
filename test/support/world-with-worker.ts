import type { AppConfig } from '../../src/config/app-config';
import { HourLedgerService } from '../../src/contracts/hour-ledger.service';
import { Role } from '../../src/identity/role.enum';
import { calendarToday } from './calendar-month';
import { eventually } from './eventually';
import { gql, startWorker, type RunningApi, type RunningWorker } from './integration-harness';
import { createSeededWorld, type SeededWorld } from './seeded-world';
import { bundleWorkflows, installQuietRuntime } from './time-skipping-env';

/** The real worker running in the background on the task queue `config` names, until `stop`. */
export interface BackgroundWorker {
  readonly worker: RunningWorker;
  stop(): Promise<void>;
}

/**
 * Bundles `workflows/` and runs the real worker (real activities, real PostgreSQL) on the task
 * queue of `config`; call once per spec file (one bundle per file, as the SDK advises).
 */
export async function startBackgroundWorker(config: AppConfig): Promise<BackgroundWorker> {
  installQuietRuntime();
  const bundle = await bundleWorkflows();
  const worker = await startWorker(bundle, config);
  const running = worker.worker.run();
  return {
    worker,
    async stop() {
      worker.worker.shutdown();
      await running;
      await worker.close();
    },
  };
}

/** A spec file's seeded world (see `createSeededWorld`) with its own worker running. */
export interface WorldWithWorker extends Omit<SeededWorld, 'close'> {
  readonly worker: RunningWorker;
}

/**
 * Registers one spec file's `beforeAll`/`afterAll`: a seeded world whose API starts ticket
 * workflows on a task queue of its own, and the real worker running on it. The returned object
 * reads the world live, so specs use it as they would a `SeededWorld` inside their hooks and tests.
 * Register it before the spec's own `beforeAll` (hooks run in declaration order).
 */
export function useWorldWithWorker(
  label: string,
  overrides: Record<string, string> = {},
  demoContracts = true,
  setupTimeoutMs = 120_000,
): WorldWithWorker {
  let world: SeededWorld | undefined;
  let background: BackgroundWorker | undefined;
  const taskQueue = `${label}-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    world = await createSeededWorld(
      label,
      { TEMPORAL_TASK_QUEUE: taskQueue, ...overrides },
      demoContracts,
    );
    background = await startBackgroundWorker(world.config);
  }, setupTimeoutMs);
  afterAll(async () => {
    await background?.stop();
    await world?.close();
  });

  return new LiveWorldWithWorker(
    label,
    () => world,
    () => background,
  );
}

/** A spec file's seeded world with no worker (see `useLedgerWorld`), and its GraphQL calls. */
export interface LedgerWorld extends WorldCalls {
  readonly world: Omit<SeededWorld, 'close'>;
  /**
   * L3-12, L3-13: as the provider manager, the client's support policy (since 2026-01-01) and an
   * hour package of `hours` bought today under invoice `reference`.
   */
  readonly boughtHours: (organizationId: string, hours: number, reference: string) => Promise<void>;
  /**
   * L3-12, L3-13: a DEVELOPMENT ticket the first client's user registers, 4 h reserved for its
   * estimate v1 straight in the ledger (no worker runs its workflow), and 1.5 h of them logged
   * today by an agent: its number and the time entry's ID.
   */
  readonly consumedTicket: (
    organizationId: string,
  ) => Promise<{ number: string; timeEntryId: string }>;
}

/**
 * Registers one spec file's `beforeAll`/`afterAll`: a seeded world with the demo users only (no
 * demo policies or hour packages: the spec buys its own) whose API starts ticket workflows on a
 * task queue no worker polls, so registered tickets wait and the spec drives the ledger directly.
 * Returns the world, read live like `useWorldWithWorker`'s, and `worldCalls` on it (the provider
 * manager by default). Register it before the spec's own `beforeAll`.
 */
export function useLedgerWorld(label: string): LedgerWorld {
  let world: SeededWorld | undefined;

  beforeAll(async () => {
    world = await createSeededWorld(
      label,
      { TEMPORAL_TASK_QUEUE: `${label}-${process.pid}-${Date.now()}` },
      false,
    );
  });
  afterAll(async () => {
    await world?.close();
  });

  const live = new LiveWorld(label, () => world);
  const calls = worldCalls(live);
  const today = () => calendarToday();
  return {
    world: live,
    ...calls,
    async boughtHours(organizationId, hours, reference) {
      await calls.ok(
        `mutation ($input: UpsertSupportPolicyInput!) { upsertSupportPolicy(input: $input) { id } }`,
        { input: { organizationId, monthlyFee: 15000, startDate: '2026-01-01' } },
      );
      await calls.ok(
        `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) { id } }`,
        { input: { organizationId, hours, purchasedOn: today(), reference, price: 1 } },
      );
    },
    async consumedTicket(organizationId) {
      const { registerTicket } = await calls.ok<{ registerTicket: { number: string } }>(
        `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
        {
          input: { category: 'DEVELOPMENT', subject: 'Reporte', description: 'Un reporte nuevo.' },
        },
        Role.CLIENT_USER,
      );
      const { number } = registerTicket;
      await live.api.app.get(HourLedgerService).reserveForEstimate({
        organizationId,
        ticketNumber: number,
        estimateVersion: 1,
        hours: 4,
        category: 'DEVELOPMENT',
        actorId: null,
        idempotencyKey: `${number}:estimate-1`,
      });
      const { logTime } = await calls.ok<{ logTime: { id: string } }>(
        `mutation ($input: LogTimeInput!) { logTime(input: $input) { id } }`,
        {
          input: {
            ticketNumber: number,
            organizationId,
            date: today(),
            hours: 1.5,
            description: 'Trabajo capturado por error',
          },
        },
        Role.AGENT,
      );
      return { number, timeEntryId: logTime.id };
    },
  };
}

/** Who a call runs as: a demo user's role (of the world's default organization) or headers. */
export type Caller = Role | Record<string, string>;

/** GraphQL calls on a world that fail the test on what they do not expect. */
export interface WorldCalls {
  /** Runs `query` as `as`; fails the test on any GraphQL error; returns its data. */
  readonly ok: <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    as?: Caller,
  ) => Promise<T>;
  /**
   * Runs the mutation `query` with `{ input }` as `as`, expecting it refused (no data); returns the
   * first error's `extensions` (its typed code and details).
   */
  readonly refused: (
    query: string,
    input: Record<string, unknown>,
    as?: Caller,
  ) => Promise<Record<string, unknown>>;
}

/** `WorldCalls` on `world`, as the demo user holding `role` unless a call says otherwise. */
export function worldCalls(world: TicketApi, role: Role = Role.MANAGER): WorldCalls {
  const headers = (as: Caller = role) => (typeof as === 'string' ? world.bearer(as) : as);
  return {
    async ok<T>(query: string, variables: Record<string, unknown>, as?: Caller) {
      const { body } = await gql<T>(world.api, query, variables, headers(as));
      expect(body.errors).toBeUndefined();
      return body.data!;
    },
    async refused(query, input, as) {
      const { body } = await gql(world.api, query, { input }, headers(as));
      expect(body.data ?? null).toBeNull();
      return body.errors![0].extensions as Record<string, unknown>;
    },
  };
}

/**
 * A spec file's world read live: its hooks and tests use it as they would a `SeededWorld` once
 * the `beforeAll` that creates it ran.
 */
class LiveWorld implements Omit<SeededWorld, 'close'> {
  constructor(
    protected readonly label: string,
    private readonly current: () => SeededWorld | undefined,
  ) {}

  private get started(): SeededWorld {
    const world = this.current();
    if (!world) throw new Error(`world '${this.label}' is used before its beforeAll ran`);
    return world;
  }
  get api() {
    return this.started.api;
  }
  get db() {
    return this.started.db;
  }
  get config() {
    return this.started.config;
  }
  get seed() {
    return this.started.seed;
  }
  get orgIds() {
    return this.started.orgIds;
  }
  /** A property, not a method: specs hand it around unbound. */
  readonly bearer = (role: Role, organization?: string): Record<string, string> =>
    this.started.bearer(role, organization);
}

class LiveWorldWithWorker extends LiveWorld implements WorldWithWorker {
  constructor(
    label: string,
    current: () => SeededWorld | undefined,
    private readonly background: () => BackgroundWorker | undefined,
  ) {
    super(label, current);
  }

  get worker(): RunningWorker {
    const background = this.background();
    if (!background) throw new Error(`worker of '${this.label}' is used before its beforeAll ran`);
    return background.worker;
  }
}

/** What `registerTicket` needs of a world: its API and the demo users' logins. */
export type TicketApi = Pick<SeededWorld, 'api' | 'bearer'> & { readonly api: RunningApi };

export interface TicketRegistration {
  category?: string;
  subject?: string;
  description?: string;
  attachmentsToFollow?: number;
  announcedFileNames?: string[];
}

/**
 * Registers a ticket through GraphQL as the demo client user of `organization` (default: the
 * first client organization) and returns its number; fails the test on any GraphQL error.
 */
export async function registerTicket(
  world: TicketApi,
  input: TicketRegistration = {},
  organization?: string,
): Promise<string> {
  return (await register(world, input, organization)).number;
}

/**
 * `registerTicket`, then waits until the read model holds every event the registration answered
 * with in its timeline, so a later read or snapshot of the database sees them.
 */
export async function registerProjectedTicket(
  world: TicketApi & Pick<SeededWorld, 'db'>,
  input: TicketRegistration = {},
  organization?: string,
): Promise<string> {
  const { number, timeline } = await register(world, input, organization);
  await eventually(
    () =>
      world.db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1',
        [number],
      ),
    ([{ n }]) => n >= timeline.length,
  );
  return number;
}

async function register(
  world: TicketApi,
  input: TicketRegistration,
  organization: string | undefined,
): Promise<{ number: string; timeline: { seq: number }[] }> {
  const { body } = await gql<{
    registerTicket: { number: string; timeline: { seq: number }[] };
  }>(
    world.api,
    `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number timeline { seq } } }`,
    {
      input: {
        category: 'DEVELOPMENT',
        subject: 'Reporte de ventas',
        description: 'Un reporte de ventas por zona.',
        ...input,
      },
    },
    world.bearer(Role.CLIENT_USER, organization),
  );
  expect(body.errors).toBeUndefined();
  return body.data!.registerTicket;
}
