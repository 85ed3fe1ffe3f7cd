import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createApiApp } from '../src/api/create-api-app';
import { API_NODE_FLAGS, startNodeProcess } from '../src/dev/child-process';
import { type AppConfig, loadAppConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/run-migrations';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { seedDemoWorld } from '../src/dev/demo-world';
import { Role } from '../src/identity/role.enum';
import { type LocalStack, startLocalStack } from '../src/infra/local-stack/local-stack';
import { freePort } from '../src/infra/provisioning/temporal-binaries';
import { createTicketWorker, WORKFLOWS_PATH } from '../src/worker/create-worker';
import { seededRandom } from './bench-harness';
import { parseServerTiming } from '../src/common/server-timing';
import { JsonPoster } from './json-post';
import * as noopActivities from './workflows/noop.activities';
import { WorkerModule } from '../src/worker/worker.module';
import { FOLDED_PATCHES_LEVEL } from '../workflows/ticket/folded-patches';
import type { TicketInput } from '../workflows/ticket/ticket.contract';
import { ticketWorkflowId } from '../workflows/ticket/ticket.contract';
import type { ticketWorkflow } from '../workflows/ticket/ticket.workflow';

// The real stack for the end-to-end scenarios: embedded PostgreSQL, a headless Temporal dev server
// and the SMTP catcher on free ports in a temp folder (`startLocalStack`, as the integration tier),
// the committed migrations, the demo seed, the real API over HTTP and the real ticket worker, in
// this process or as their own processes (`BenchWorldOptions`). Each scenario gets its own and
// tears it down.

/* eslint-disable no-console */

const ROOT = join(__dirname, '..', '..');
const TOOLS_DIR = process.env.TOOLS_DIR ?? join(ROOT, '.tools');
export const NOOP_TASK_QUEUE = 'bench-noop';

let runtimeInstalled = false;
let ticketBundle: Promise<WorkflowBundleWithSourceMap> | undefined;
let noopBundle: Promise<WorkflowBundleWithSourceMap> | undefined;

function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
  });
  runtimeInstalled = true;
}

/** `workflows/` bundled once per bench run (what `workflowsPath` would bundle per worker). */
function ticketWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  ticketBundle ??= bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: new DefaultLogger('ERROR'),
  });
  return ticketBundle;
}

function noopWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  noopBundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows/noop'),
    logger: new DefaultLogger('ERROR'),
  });
  return noopBundle;
}

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export type GqlPost = <T>(
  query: string,
  variables: Record<string, unknown>,
  role?: Role,
) => Promise<GqlResult<T>>;

export interface BenchWorld {
  readonly config: AppConfig;
  /** The stack's temp folder (`temporal/temporal.db` is the dev server's SQLite file). */
  readonly dataDir: string;
  readonly db: DataSource;
  readonly apiUrl: string;
  /** A Temporal client of its own (for the baselines), on the same server. */
  readonly client: Client;
  /** The worker's process ID when it runs as its own process (`worker: 'own-process'`). */
  readonly workerPid?: number;
  /** POSTs one GraphQL operation as the demo user holding `role` (no login for `undefined`). */
  readonly gql: GqlPost;
  /** {@link gql} through Node's global `fetch` instead of `node:http` (see `JsonPoster`). */
  readonly gqlByFetch: GqlPost;
  /** {@link gql}, with the answer's `Server-Timing` spans (empty unless `serverTiming`). */
  readonly gqlTimed: <T>(
    query: string,
    variables: Record<string, unknown>,
    role?: Role,
  ) => Promise<{ result: GqlResult<T>; spans: Map<string, number> }>;
}

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

/** Starts the whole stack, runs `body`, and stops everything (also on failure). */
export interface BenchWorldOptions {
  /**
   * Where the ticket worker runs. `own-process`: `dist/src/worker/main.js` as a child process,
   * API and worker apart as `npm start` and docker-compose run them (the API-facing scenarios).
   * `in-process` (default): in the bench process, for scenarios that measure the worker itself.
   */
  readonly worker?: 'in-process' | 'own-process';
  /**
   * Where the API runs. `own-process`: `dist/src/api/main.js` as a child process, as `npm start`
   * and docker-compose run it, so the bench's HTTP client, its SQL baseline and the API do not
   * share one event loop. `in-process` (default): a Nest app in the bench process.
   */
  readonly api?: 'in-process' | 'own-process';
  /** The API answers with `Server-Timing` headers (`API_SERVER_TIMING=on`), read by `gqlTimed`. */
  readonly serverTiming?: boolean;
}

export async function withBenchWorld<T>(
  label: string,
  body: (world: BenchWorld) => Promise<T>,
  options: BenchWorldOptions = {},
): Promise<T> {
  quietRuntime();
  const started = Date.now();
  const say = (line: string): void =>
    console.log(`  [${label} ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
  const dataDir = mkdtempSync(join(tmpdir(), `sla-bench-${label}-`));
  chmodSync(dataDir, 0o755);
  const stops: (() => Promise<void>)[] = [];
  try {
    const [pgPort, temporalPort, smtpPort, viewerPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const bundles = Promise.all([ticketWorkflows(), noopWorkflows()]);
    const stack: LocalStack = await startLocalStack({
      dataDir,
      toolsDir: TOOLS_DIR,
      host: '127.0.0.1',
      postgres: { port: pgPort, database: 'sla_bench' },
      temporal: { port: temporalPort, namespace: 'default' },
      smtp: { port: smtpPort, viewerPort },
      log: () => undefined,
    });
    stops.push(() => stack.stop());
    await runMigrations(stack.databaseUrl);
    // Production settings, as deployed (a fresh token secret: production refuses the dev one).
    const production = {
      NODE_ENV: 'production',
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      API_SERVER_TIMING: options.serverTiming ? 'on' : 'off',
    };
    const config = loadAppConfig({
      ...process.env,
      ...production,
      LOG_LEVEL: 'warn',
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      SMTP_URL: stack.smtpUrl,
    });
    const db = await new DataSource(typeOrmOptions(config.database.url)).initialize();
    stops.push(() => db.destroy());
    const seed = await seedDemoWorld(db);
    say('stack up, migrated, seeded');

    let apiUrl: string;
    const stackEnv = {
      ...production,
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      SMTP_URL: stack.smtpUrl,
    };
    if (options.api === 'own-process') {
      const port = await freePort();
      const api = await startChildProcess(
        join(ROOT, 'dist', 'src', 'api', 'main.js'),
        API_READY,
        { ...stackEnv, API_HOST: '127.0.0.1', API_PORT: String(port) },
        API_NODE_FLAGS,
      );
      stops.push(api.stop);
      apiUrl = `http://127.0.0.1:${port}`;
      say('API process up');
    } else {
      const app: INestApplication = await createApiApp(config);
      await app.listen(0, '127.0.0.1');
      stops.push(() => app.close());
      apiUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    }

    const [ticketBundleCode, noopBundleCode] = await bundles;
    const nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
    stops.push(() => nativeConnection.close());
    const workers: Worker[] = [];
    let workerPid: number | undefined;
    if (options.worker === 'own-process') {
      const worker = await startChildProcess(
        join(ROOT, 'dist', 'src', 'worker', 'main.js'),
        WORKER_READY,
        stackEnv,
      );
      stops.push(worker.stop);
      workerPid = worker.pid;
      say('ticket worker process up');
    } else {
      const context: INestApplicationContext = await NestFactory.createApplicationContext(
        WorkerModule.forRoot(config),
        { logger: ['error', 'warn'] },
      );
      stops.push(() => context.close());
      workers.push(
        await createTicketWorker(context, nativeConnection, config, {
          workflowBundle: ticketBundleCode,
        }),
      );
    }
    const noopWorker = await Worker.create({
      connection: nativeConnection,
      namespace: config.temporal.namespace,
      taskQueue: NOOP_TASK_QUEUE,
      workflowBundle: noopBundleCode,
      activities: noopActivities,
    });
    for (const worker of [...workers, noopWorker]) {
      const running = worker.run();
      stops.push(async () => {
        worker.shutdown();
        await running;
      });
    }
    const connection = await Connection.connect({ address: config.temporal.address });
    stops.push(() => connection.close());
    const client = new Client({ connection, namespace: config.temporal.namespace });

    const poster = new JsonPoster(new URL(`${apiUrl}/graphql`));
    stops.push(() => Promise.resolve(poster.close()));
    const post = <R>(
      query: string,
      variables: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GqlResult<R>> => poster.post<GqlResult<R>>({ query, variables }, headers);
    const postByFetch = async <R>(
      query: string,
      variables: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GqlResult<R>> => {
      const res = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult<R>;
    };
    const auth = (role: Role | undefined): Record<string, string> =>
      role ? { authorization: `Bearer ${tokens.get(role)}` } : {};
    const tokens = new Map<Role, string>();
    for (const role of [Role.CLIENT_USER, Role.AGENT, Role.MANAGER]) {
      const org = role === Role.CLIENT_USER ? 'Comercializadora Aurora' : 'Becken';
      const user = seed.credentials.find((c) => c.roles.includes(role) && c.organization === org);
      if (!user) throw new Error(`no demo user with ${role} in ${org}`);
      const login = await post<{ login: { token: string } }>(LOGIN, {
        email: user.email,
        password: user.password,
      });
      if (!login.data) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
      tokens.set(role, login.data.login.token);
    }
    say('API and workers up');

    const world: BenchWorld = {
      config,
      dataDir,
      db,
      workerPid,
      apiUrl,
      client,
      gql: (query, variables, role) => post(query, variables, auth(role)),
      gqlByFetch: (query, variables, role) => postByFetch(query, variables, auth(role)),
      gqlTimed: async <R>(query: string, variables: Record<string, unknown>, role?: Role) => {
        const { answer, headers } = await poster.exchange<GqlResult<R>>(
          { query, variables },
          auth(role),
        );
        const timing = [headers['server-timing'] ?? []].flat().join(', ');
        return { result: answer, spans: parseServerTiming(timing) };
      },
    };
    return await body(world);
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => console.error(`  [${label}] stop failed:`, err));
    }
    rmSync(dataDir, { recursive: true, force: true });
    say('torn down');
  }
}

const WORKER_READY = 'Worker polling task queue';
const API_READY = 'API listening on';

/**
 * Starts a compiled entry point (what `npm start` runs) on the bench's stack and waits until its
 * output shows `ready`; returns its PID and its stop (SIGTERM: in-flight work finishes; SIGKILL after 15 s).
 */
async function startChildProcess(
  script: string,
  ready: string,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = startNodeProcess(
    script,
    { ...process.env, ...env, LOG_LEVEL: 'log' },
    ROOT,
    nodeFlags,
  );
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (!child.output().includes(ready)) {
    if (exited) throw new Error(`${script} exited:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { pid: child.proc.pid ?? 0, stop: () => child.stop() };
}

/** Runs `task` on `clients` concurrent loops until `count` tasks ran or `ms` passed; tasks/s. */
export async function concurrentRate(
  clients: number,
  count: number,
  ms: number,
  task: (i: number) => Promise<void>,
): Promise<{ perSecond: number; done: number }> {
  let next = 0;
  let done = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count && Date.now() - start < ms) {
        await task(next++);
        done++;
      }
    }),
  );
  return { perSecond: done / ((Date.now() - start) / 1000), done };
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * How sure a ratio of percentiles is: the 2.5th and 97.5th percentiles of `percentile(a, p) /
 * percentile(b, p)` over `rounds` bootstrap resamples of both sides (seeded, so a rerun on the
 * same samples gives the same interval). A p99 of 400 samples is the 4th-highest one: a few slow
 * samples on either side move it, and the interval shows by how much.
 */
export function percentileRatioInterval(
  a: readonly number[],
  b: readonly number[],
  p: number,
  rounds = 2_000,
): [number, number] {
  const random = seededRandom(p * 1_000 + a.length);
  const resample = (values: readonly number[]): number[] =>
    values.map(() => values[Math.floor(random() * values.length)]);
  const ratios = Array.from(
    { length: rounds },
    () => percentile(resample(a), p) / percentile(resample(b), p),
  );
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}

/**
 * A pause between two timed samples. The latency scenarios time one request at a time, as one
 * user acts; without it a request's own tail (a GC, the email sent after the commit) would land
 * on the next sample, which is the other side's half the time. Both sides get the same pause.
 */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Milliseconds `fn` took. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * A timed request's time by part, from its answer's `Server-Timing` spans: the API's `parts`, the
 * rest of the API's time (HTTP, GraphQL parsing, validation, execution, the answer's
 * serialisation), and what was outside the API (the client, the socket, Express before the timing
 * began). `took` is the request's time as the bench measured it.
 */
export function partsOf(
  spans: ReadonlyMap<string, number>,
  took: number,
  parts: readonly string[],
): Record<string, number> {
  const total = spans.get('total') ?? 0;
  const timed = Object.fromEntries(parts.map((p) => [p, spans.get(p) ?? 0]));
  const inParts = Object.values(timed).reduce((a, b) => a + b, 0);
  return { ...timed, 'rest of the API': total - inParts, 'outside the API': took - total };
}

/** What {@link openBenchTickets} makes of each ticket besides its number. */
export interface BenchTicketsSpec {
  /** Sequence numbers `firstSeq … firstSeq + count − 1` of this year (the API never reaches them). */
  readonly firstSeq: number;
  readonly count: number;
  readonly calendarId: string;
  /** The subject is this, then the sequence number. */
  readonly subject: string;
  readonly description: string;
  readonly progressCadenceMinutes?: number;
}

/**
 * Tickets of the demo client's user opened the way `registerTicket` opens them, in bulk: their
 * read-model rows first, in one statement, marked started (the API's start reconciler must not
 * race the bench's own starts); then `start(i)` starts the i-th ticket's workflow.
 */
export async function openBenchTickets(
  world: BenchWorld,
  spec: BenchTicketsSpec,
): Promise<{ numbers: string[]; start: (i: number) => Promise<void> }> {
  const year = new Date().getUTCFullYear();
  const [{ org, user }] = await world.db.query<{ org: string; user: string }[]>(
    `SELECT o.id AS org, u.id AS "user" FROM organization o JOIN app_user u ON u.organization_id = o.id
      WHERE o.slug = 'comercializadora-aurora' AND u.email = 'usuario@aurora.example'`,
  );
  const numbers = Array.from(
    { length: spec.count },
    (_, i) => `L3-${year}-${String(spec.firstSeq + i).padStart(6, '0')}`,
  );
  const registeredAt = new Date();
  await world.db.query(
    `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id, calendar_id,
                         category, subject, description, state, sla_status, details, registered_at,
                         workflow_started_at, last_event_seq, updated_at)
     SELECT 'L3-' || $1::text || '-' || lpad(s::text, 6, '0'), $1::int, s,
            'ticket:L3-' || $1::text || '-' || lpad(s::text, 6, '0'), $2, $3, $4,
            'INCIDENT', $8 || ' ' || s, $9, 'REGISTERED', 'ok', '{}'::jsonb, $5, $5, 0, $5
       FROM generate_series($6::int, $7::int) AS s`,
    [
      year,
      org,
      user,
      spec.calendarId,
      registeredAt,
      spec.firstSeq,
      spec.firstSeq + spec.count - 1,
      spec.subject,
      spec.description,
    ],
  );
  const start = async (i: number): Promise<void> => {
    const input: TicketInput = {
      ticketNumber: numbers[i],
      clientOrgId: org,
      calendarId: spec.calendarId,
      registrantId: user,
      category: 'INCIDENT',
      subject: `${spec.subject} ${spec.firstSeq + i}`,
      description: spec.description,
      registeredAt: registeredAt.toISOString(),
      // As the API starts a ticket (ticketInputOf).
      foldedPatches: FOLDED_PATCHES_LEVEL,
      ...(spec.progressCadenceMinutes
        ? { progressCadenceMinutes: spec.progressCadenceMinutes }
        : {}),
    };
    await world.client.workflow.start<typeof ticketWorkflow>('ticketWorkflow', {
      taskQueue: world.config.temporal.taskQueue,
      workflowId: ticketWorkflowId(numbers[i]),
      args: [input],
    });
  };
  return { numbers, start };
}
