import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';
import { stopLeftover } from './leftover-process';
import { assertPortFree, waitForPort } from './ports';

export interface TemporalDevServerOptions {
  /** Resolved path of the Temporal CLI. */
  readonly cliPath: string;
  /** SQLite file kept between runs, e.g. `.data/temporal/temporal.db`. */
  readonly dbFile: string;
  readonly host: string;
  readonly port: number;
  /** Web UI port, or `undefined` for a headless server (tests). */
  readonly uiPort?: number;
  readonly namespace: string;
  readonly searchAttributes: readonly SearchAttributeKey<SearchAttributeType>[];
  readonly log?: (line: string) => void;
  readonly startTimeoutMs?: number;
}

export interface RunningTemporalDevServer {
  readonly address: string;
  readonly uiUrl?: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const CLI_TYPE_NAMES: Record<SearchAttributeType, string> = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/** How the dev server's SQLite file is written: WAL, synced at every commit (`FULL`). */
const SQLITE_PRAGMAS: readonly string[] = ['journal_mode=wal', 'synchronous=full'];

/** The `temporal server start-dev` arguments for these options (exported for tests). */
export function devServerArgs(options: TemporalDevServerOptions): string[] {
  const args = [
    'server',
    'start-dev',
    '--ip',
    options.host,
    '--port',
    String(options.port),
    '--db-filename',
    options.dbFile,
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    // SQLite's write-ahead log, still synced on every commit (as durable as the default rollback
    // journal, which syncs the journal and the database file on each). With the default, a burst
    // of clocks falling due waited on the dev server's disk: breaches recorded 0.3–4.9 s after
    // their deadline at p50 on this VM, 0.11–0.17 s with these (docs/PERFORMANCE.md, session 42).
    ...SQLITE_PRAGMAS.flatMap((pragma) => ['--sqlite-pragma', pragma]),
  ];
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  for (const key of options.searchAttributes) {
    args.push('--search-attribute', `${key.name}=${CLI_TYPE_NAMES[key.type]}`);
  }
  return args;
}

/**
 * How many times a start that the CLI aborts while picking its internal ports is tried. `start-dev`
 * asks the OS for ephemeral ports for its HTTP, metrics and internal services, and panics
 * ("failed assigning ephemeral port") when that fails; a moment later it is free to succeed.
 */
export const DEV_SERVER_START_ATTEMPTS = 3;

/**
 * Starts the Temporal dev server on a persistent SQLite file and waits until its frontend serves
 * the namespace over gRPC (an open port alone is not enough: a client that connects between the
 * two waits out its own connect deadline). A start the CLI aborts while assigning its own
 * ephemeral ports is tried again, up to {@link DEV_SERVER_START_ATTEMPTS} times.
 */
export async function startTemporalDevServer(
  options: TemporalDevServerOptions,
): Promise<RunningTemporalDevServer> {
  const log = options.log ?? (() => undefined);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, log);
    } catch (err) {
      if (!(err instanceof PortAssignmentPanic) || attempt >= DEV_SERVER_START_ATTEMPTS) throw err;
      log(`${err.panic}; starting the Temporal dev server again (attempt ${attempt + 1})`);
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/**
 * The error for a dev server that exited while starting: the `panic:` line of its first output
 * (`head`) first (a Go panic prints the reason before a long stack, which the tail alone cuts
 * off), then its last output.
 */
export function devServerExitError(
  exit: number | string | null,
  output: string,
  head: string = output,
): Error {
  const panic = panicLine(head);
  const what = `Temporal dev server exited (${String(exit)}) while starting`;
  const message = `${what}${panic ? `: ${panic}` : ''}:\n${output.slice(-1500)}`;
  return panic && /failed assigning ephemeral port/.test(panic)
    ? new PortAssignmentPanic(message, panic)
    : new Error(message);
}

function panicLine(output: string): string | undefined {
  return output
    .split('\n')
    .find((line) => line.startsWith('panic:'))
    ?.trim();
}

/** The CLI panicked while asking the OS for one of its own ephemeral ports: worth another try. */
class PortAssignmentPanic extends Error {
  constructor(
    message: string,
    readonly panic: string,
  ) {
    super(message);
  }
}

async function startOnce(
  options: TemporalDevServerOptions,
  log: (line: string) => void,
): Promise<RunningTemporalDevServer> {
  // It runs in its own process group, so a `kill -9` of `npm start`'s group leaves it behind.
  const pidFile = join(dirname(options.dbFile), 'dev-server.pid');
  await stopLeftover(
    { name: 'Temporal dev server', pidFile, marker: options.dbFile, signal: 'SIGTERM' },
    log,
  );
  await assertPortFree(options.host, options.port, 'Temporal gRPC', 'TEMPORAL_PORT');
  if (options.uiPort !== undefined) {
    await assertPortFree(options.host, options.uiPort, 'Temporal UI', 'TEMPORAL_UI_PORT');
  }
  mkdirSync(dirname(options.dbFile), { recursive: true });

  const child = spawn(options.cliPath, devServerArgs(options), {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so Ctrl-C in the terminal reaches us first and we stop it in order.
    detached: true,
  });
  if (child.pid !== undefined) writeFileSync(pidFile, `${child.pid}\n`);
  child.once('exit', () => rmSync(pidFile, { force: true }));
  // The first lines (a panic's reason) and the last ones (everything else).
  let head = '';
  let output = '';
  const keep = (chunk: Buffer): void => {
    if (head.length < 2000) head = (head + chunk.toString()).slice(0, 2000);
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(devServerExitError(code ?? signal, output, head))),
  );
  const failedToSpawn = new Promise<never>((_, reject) => child.once('error', reject));
  const address = `${options.host}:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  // Stops the waiting below once the race is decided (a server that exited is not polled on).
  const decided = new AbortController();
  try {
    await Promise.race([
      waitForPort(options.host, options.port, deadline - Date.now(), decided.signal).then(() =>
        waitForNamespace(address, options.namespace, deadline, decided.signal),
      ),
      exited,
      failedToSpawn,
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    if (err instanceof NotServing) {
      throw new Error(`${err.message}; its output:\n${output.slice(-1500)}`, { cause: err });
    }
    throw err;
  } finally {
    decided.abort();
  }
  exited.catch(() => undefined);
  log(`Temporal dev server serving on ${address}`);

  return {
    address,
    uiUrl: options.uiPort === undefined ? undefined : `http://${options.host}:${options.uiPort}`,
    process: child,
    stop: () => stopChild(child, 15_000),
  };
}

class NotServing extends Error {}

/** Polls until the frontend describes `namespace` over gRPC, or throws {@link NotServing} at `deadline`. */
async function waitForNamespace(
  address: string,
  namespace: string,
  deadline: number,
  signal: AbortSignal,
): Promise<void> {
  let last: unknown;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    const connection = await Connection.connect({ address, connectTimeout: '2s' }).catch(
      (err: unknown) => {
        last = err;
        return null;
      },
    );
    if (connection) {
      try {
        await connection.withDeadline(Math.min(deadline, Date.now() + 2_000), () =>
          connection.workflowService.describeNamespace({ namespace }),
        );
        return;
      } catch (err) {
        last = err;
      } finally {
        await connection.close();
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const reason = last instanceof Error ? last.message : String(last);
  throw new NotServing(
    `Temporal dev server on ${address} listened but did not serve namespace '${namespace}' in time (${reason})`,
  );
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
