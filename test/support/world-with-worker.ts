import type { AppConfig } from '../../src/config/app-config';
import { Role } from '../../src/identity/role.enum';
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

  const started = (): SeededWorld => {
    if (!world) throw new Error(`world '${label}' is used before its beforeAll ran`);
    return world;
  };
  return {
    get api() {
      return started().api;
    },
    get db() {
      return started().db;
    },
    get config() {
      return started().config;
    },
    get seed() {
      return started().seed;
    },
    get orgIds() {
      return started().orgIds;
    },
    bearer: (role, organization) => started().bearer(role, organization),
    get worker() {
      if (!background) throw new Error(`worker of '${label}' is used before its beforeAll ran`);
      return background.worker;
    },
  };
}

/** What `registerTicket` needs of a world: its API and the demo users' logins. */
export type TicketApi = Pick<SeededWorld, 'api' | 'bearer'> & { readonly api: RunningApi };

export interface TicketRegistration {
  category?: string;
  subject?: string;
  description?: string;
}

/**
 * Registers a ticket through GraphQL as the demo client user of `organization` (default: the
 * first client organisation) and returns its number; fails the test on any GraphQL error.
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
