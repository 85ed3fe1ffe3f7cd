import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { type AppConfig, loadAppConfig } from '../../src/config/app-config';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { seedDemoWorld } from '../../src/dev/demo-world';
import type { DemoSeedResult } from '../../src/identity/demo-seed';
import type { Role } from '../../src/identity/role.enum';
import type { EmbeddedPostgresOptions } from '../../src/infra/local-stack/embedded-postgres';
import { startSmtpCatcher } from '../../src/infra/local-stack/smtp-catcher';
import {
  type RunningTemporalDevServer,
  startTemporalDevServer,
} from '../../src/infra/local-stack/temporal-dev-server';
import {
  freePort,
  resolveTemporalBinary,
  TEMPORAL_CLI,
} from '../../src/infra/provisioning/temporal-binaries';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { type CaughtMail, caughtMails } from './caught-mail';
import { gql, type GraphQLResponse, type RunningApi, startApi } from './integration-harness';
import { TOOLS_DIR } from './paths';
import {
  type AppProcess,
  spawnApi,
  spawnWorker,
  waitFor,
  type WorkerProcess,
} from './worker-process';
import { AURORA_ORG, PROVIDER_ORG } from './demo-contract';

/**
 * A whole stack of one fault spec, each piece separately stoppable: embedded PostgreSQL, the
 * Temporal dev server (SQLite file) and the SMTP catcher on free ports in a temp folder, the
 * committed migrations and the demo seed, the real API in this process and the real worker as a
 * child process. `stopPostgres`/`startPostgres` and `stopTemporal`/`startTemporal` restart a
 * service on the same data and port, as an operator (or a crash and a supervisor) would. A spec
 * that kills the API runs a second one as a child process (`startApiProcess`).
 */
export interface FaultStack {
  readonly config: AppConfig;
  readonly db: DataSource;
  readonly api: RunningApi;
  /** A Temporal client of the test's own (reconnects by itself after a server restart). */
  readonly client: Client;
  readonly seed: DemoSeedResult;
  readonly orgIds: Record<string, string>;
  /** The Temporal dev server's SQLite file (its write-ahead log is this path with `-wal`). */
  readonly temporalDbFile: string;
  /** `Authorization` header of the demo user holding `role` (first client org for client roles). */
  bearer(role: Role, organization?: string): Record<string, string>;
  /** POSTs a GraphQL operation to the API as `role` (anonymous without one). */
  gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    role?: Role,
  ): Promise<{ status: number; body: GraphQLResponse<T> }>;
  /** Every message the SMTP catcher received so far. */
  mail(): Promise<CaughtMail[]>;
  /** The worker child process currently running, if any. */
  readonly worker: WorkerProcess | null;
  startWorker(): WorkerProcess;
  /**
   * Starts the real API as a child process (the compiled `src/api/main.ts`) on a port of its own,
   * the same port on every start; resolves once it answers HTTP. Logins of `bearer` are valid there.
   */
  startApiProcess(): Promise<ApiProcess>;
  /**
   * Stops PostgreSQL: SIGTERM (a clean fast shutdown), or SIGKILL of the postmaster (a crash:
   * nothing flushed, no shutdown checkpoint; the next start runs WAL crash recovery). After a
   * SIGKILL it resolves once the server's own processes have exited too.
   */
  stopPostgres(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  startPostgres(): Promise<void>;
  /** The cluster state in `pg_control`: `shut down` after a clean stop, else `in production`. */
  postgresClusterState(): string;
  /** Stops the dev server: SIGTERM (a clean stop), or SIGKILL (a crash). */
  stopTemporal(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  startTemporal(): Promise<void>;
  /**
   * Freezes the dev server (SIGSTOP): connections stay open and calls wait without an answer
   * until `resumeTemporal` (SIGCONT). Nothing is lost: the process just does not run meanwhile.
   */
  pauseTemporal(): void;
  resumeTemporal(): void;
  close(): Promise<void>;
}

/** Worker settings that make a fault visible within a test: short lease, poll and backoff. */
const WORKER_ENV = {
  MAIL_POLL_INTERVAL_MS: '1000',
  MAIL_LEASE_MS: '3000',
  MAIL_RETRY_BASE_MS: '500',
  MAIL_RETRY_CAP_MS: '3000',
};

/**
 * App settings of every process of the stack: files attached one after another, and those sent
 * with a registration, wait to share one email (L3-11); the default minute is longer than a
 * fault test's wait for every email to be sent.
 */
const MAIL_ENV = { MAIL_BATCH_WINDOW_MS: '5000' };

/** The API as a child process. */
export interface ApiProcess extends AppProcess {
  /** Its base URL (`/graphql` below it). */
  readonly url: string;
}

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;

export async function startFaultStack(label: string): Promise<FaultStack> {
  const buildDir = process.env.FAULT_WORKER_BUILD;
  if (!buildDir) throw new Error('FAULT_WORKER_BUILD is not set; the fault tier setup builds it');
  const dataDir = mkdtempSync(join(tmpdir(), `sla-fault-${label}-`));
  // PostgreSQL runs as the `postgres` user when we are root: it must reach its folder.
  chmodSync(dataDir, 0o755);
  const host = '127.0.0.1';
  const [pgPort, temporalPort, smtpPort, viewerPort, apiPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const stops: (() => Promise<void>)[] = [];
  const cleanUp = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const pgOptions = { dataDir: join(dataDir, 'postgres'), port: pgPort, database: 'sla_fault' };
    let pg: PostgresProcess | null = await startPostgresProcess(buildDir, pgOptions);
    stops.push(() => pg?.stop() ?? Promise.resolve());

    const cli = await resolveTemporalBinary(TEMPORAL_CLI, { cacheDir: TOOLS_DIR });
    const temporalOptions = {
      cliPath: cli.path,
      dbFile: join(dataDir, 'temporal', 'temporal.db'),
      host,
      port: temporalPort,
      namespace: 'default',
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
    };
    let temporal: RunningTemporalDevServer | null = await startTemporalDevServer(temporalOptions);
    stops.push(() => temporal?.stop() ?? Promise.resolve());

    const smtp = await startSmtpCatcher({
      host,
      smtpPort,
      httpPort: viewerPort,
      dir: join(dataDir, 'mail'),
    });
    stops.push(() => smtp.stop());

    await runMigrations(pg.url);
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      SMTP_URL: smtp.smtpUrl,
      ...MAIL_ENV,
    };
    const config = loadAppConfig(env);
    const db = await new DataSource(typeOrmOptions(config.database.url)).initialize();
    stops.push(() => db.destroy());
    const seed = await seedDemoWorld(db);
    const api = await startApi(config);
    stops.push(() => api.close());
    const connection = await Connection.connect({ address: config.temporal.address });
    stops.push(() => connection.close());
    const client = new Client({ connection, namespace: config.temporal.namespace });

    const tokens = new Map<string, string>();
    for (const c of seed.credentials) {
      const { body } = await gql<{ login: { token: string } }>(api, LOGIN, {
        email: c.email,
        password: c.password,
      });
      tokens.set(c.email, body.data!.login.token);
    }
    const orgs = await db.query<{ id: string; slug: string }[]>(
      'SELECT id, slug FROM organization',
    );
    const bearer = (role: Role, organization?: string): Record<string, string> => {
      const org = organization ?? (role.startsWith('CLIENT') ? AURORA_ORG : PROVIDER_ORG);
      const user = seed.credentials.find((c) => c.roles.includes(role) && c.organization === org);
      if (!user) throw new Error(`no demo user with ${role} in ${org}`);
      return { authorization: `Bearer ${tokens.get(user.email)}` };
    };

    let worker: WorkerProcess | null = null;
    const children: AppProcess[] = [];
    stops.push(async () => {
      for (const child of children) await child.kill9();
    });
    const appEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: config.database.url,
      TEMPORAL_ADDRESS: config.temporal.address,
      SMTP_URL: config.mail.smtpUrl,
      ...MAIL_ENV,
    };

    return {
      config,
      db,
      api,
      client,
      seed,
      orgIds: Object.fromEntries(orgs.map((o) => [o.slug, o.id])),
      temporalDbFile: temporalOptions.dbFile,
      bearer,
      gql: (query, variables = {}, role) => gql(api, query, variables, role ? bearer(role) : {}),
      mail: () => caughtMails(undefined, smtp.webUrl),
      get worker() {
        return worker;
      },
      startWorker() {
        worker = spawnWorker(buildDir, { ...appEnv, LOG_LEVEL: 'warn', ...WORKER_ENV });
        children.push(worker);
        return worker;
      },
      async startApiProcess() {
        const api = spawnApi(buildDir, {
          ...appEnv,
          LOG_LEVEL: 'error',
          API_HOST: host,
          API_PORT: String(apiPort),
        });
        children.push(api);
        const url = `http://${host}:${apiPort}`;
        await Promise.race([
          waitFor('the API process to answer', async () => (await fetch(`${url}/health`)).status),
          api.exited.then((how) => {
            throw new Error(`the API process exited (${how}):\n${api.output()}`);
          }),
        ]);
        return { ...api, url };
      },
      async stopPostgres(signal = 'SIGTERM') {
        const running = pg;
        pg = null;
        if (signal === 'SIGTERM') return running?.stop();
        await running?.crash();
      },
      async startPostgres() {
        pg = await startPostgresProcess(buildDir, pgOptions);
      },
      postgresClusterState: () => clusterState(pgOptions.dataDir),
      async stopTemporal(signal = 'SIGTERM') {
        const running = temporal;
        temporal = null;
        if (!running) return;
        if (signal === 'SIGTERM') return running.stop();
        const exited = new Promise((resolve) => running.process.once('exit', resolve));
        if (running.process.exitCode === null && running.process.signalCode === null) {
          running.process.kill('SIGKILL');
          await exited;
        }
      },
      async startTemporal() {
        temporal = await startTemporalDevServer(temporalOptions);
      },
      pauseTemporal: () => temporal?.process.kill('SIGSTOP'),
      resumeTemporal: () => temporal?.process.kill('SIGCONT'),
      close: cleanUp,
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

interface PostgresProcess {
  readonly url: string;
  stop(): Promise<void>;
  /** `kill -9` of the postmaster; resolves once it and every process it had started are gone. */
  crash(): Promise<void>;
}

// `embedded-postgres` is ESM-only, and jest's module sandbox cannot run its dynamic import: the
// server is run by a small supervisor process with the compiled `startEmbeddedPostgres` instead.
const PG_SUPERVISOR = `
const { startEmbeddedPostgres } = require(process.argv[1]);
startEmbeddedPostgres(JSON.parse(process.argv[2])).then(
  (pg) => {
    process.on('SIGTERM', () => pg.stop().then(() => process.exit(0), () => process.exit(1)));
    process.stdout.write('READY ' + pg.url + '\\n');
  },
  (err) => {
    process.stderr.write(String((err && err.stack) || err));
    process.exit(1);
  },
);`;

/**
 * Starts embedded PostgreSQL (the `npm start` code, compiled in `buildDir`) in a supervisor
 * process; `stop()` shuts the server down cleanly (SIGINT to postgres: fast shutdown), `crash()`
 * kills the postmaster (the supervisor's child) with SIGKILL.
 */
async function startPostgresProcess(
  buildDir: string,
  options: Omit<EmbeddedPostgresOptions, 'log'>,
): Promise<PostgresProcess> {
  const module = join(buildDir, 'src', 'infra', 'local-stack', 'embedded-postgres.js');
  const proc = spawn(process.execPath, ['-e', PG_SUPERVISOR, module, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4_000)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let line = '';
    proc.stdout?.on('data', (d: Buffer) => {
      line += d.toString();
      const ready = /READY (\S+)/.exec(line);
      if (ready) resolve(ready[1]);
    });
    void exited.then(() => reject(new Error(`PostgreSQL did not start:\n${out}`)));
  });
  const stop = async (): Promise<void> => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    stop,
    async crash() {
      const postmaster = Number(
        readFileSync(join(options.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      const serverProcesses = [postmaster, ...childPids(postmaster)];
      process.kill(postmaster, 'SIGKILL');
      // Its backends and background processes see the postmaster die and exit at once; a new
      // postmaster refuses to start while any of them still holds the old shared memory.
      await waitFor(
        'the PostgreSQL server processes to exit',
        () => serverProcesses.every((pid) => !isRunning(pid)),
        30_000,
        50,
      );
      // The supervisor's SIGTERM handler finds its server gone and exits.
      await stop();
    },
  };
}

/** Linux `/proc/<pid>/stat` of a process: its state letter and parent PID (null: gone). */
function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (comm) state ppid …`; the command may contain spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, ppid: Number(ppid) };
  } catch {
    return null;
  }
}

const isRunning = (pid: number): boolean => {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z';
};

function childPids(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => procStat(pid)?.ppid === parent);
}

/**
 * The `state` of `global/pg_control` (the 5th field, after the 8-byte system identifier and two
 * 4-byte version numbers; `DBState` in PostgreSQL's `pg_control.h`).
 */
function clusterState(dataDir: string): string {
  const states = [
    'starting up',
    'shut down',
    'shut down in recovery',
    'shutting down',
    'in crash recovery',
    'in archive recovery',
    'in production',
  ];
  const state = readFileSync(join(dataDir, 'global', 'pg_control')).readUInt32LE(16);
  return states[state] ?? `unknown (${state})`;
}
