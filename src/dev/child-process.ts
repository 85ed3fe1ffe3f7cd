import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild } from '../infra/local-stack/temporal-dev-server';

/**
 * V8 flags the API process runs with wherever it starts: `npm start`, the benches, the fault tier,
 * and docker-compose.yml and the Dockerfile (a unit spec keeps those two in step).
 * `--max-semi-space-size=64` (MB, default 16): a page of the SLA board (200 clocks) leaves a few MB
 * of short-lived objects (rows, dates, GraphQL results, its JSON), so the default young generation
 * was swept every third request. Measured over 500 such pages (docs/PERFORMANCE.md, session 22):
 * 166 scavenges and 4 full collections with the default, 67 and 1 with this; about 30 MB more RSS.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * Spawns a Node entry point with the given env, prefixing each output line with `[name]`. In a
 * process group of its own: Ctrl-C in the terminal goes to the whole foreground group, and the
 * API or the worker taking it at once would stop beside the services it still uses; `npm start`
 * stops them itself, in order (`stopInOrder`).
 */
export function spawnNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  nodeFlags: readonly string[] = [],
): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags, script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => print(`[${name}] ${line}`));
  }
  return child;
}

/**
 * Stops the processes one after the other (SIGTERM: each finishes what it is doing; SIGKILL after
 * `graceMs`), then the services they use: the API before the worker that runs its Updates, both
 * before Temporal and PostgreSQL (`LocalStack.stop`).
 */
export async function stopInOrder(
  children: readonly { readonly name: string; readonly child: ChildProcess }[],
  services: { stop(): Promise<void> },
  say: (line: string) => void,
  graceMs = 15_000,
): Promise<void> {
  for (const { name, child } of children) {
    await stopChild(child, graceMs);
    say(`${name} stopped`);
  }
  await services.stop();
}

/** A running Node child process whose output is kept (for failure messages). */
export interface NodeProcess {
  readonly proc: ChildProcess;
  /** Resolves with the exit signal or code. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
  /** Its stdout and stderr so far (the last 20,000 characters). */
  output(): string;
  /** `kill -9`: no shutdown hook runs; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful: in-flight work finishes), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `node <nodeFlags> <script>` in `cwd` with exactly `env`, keeping its output. */
export function startNodeProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  nodeFlags: readonly string[] = [],
): NodeProcess {
  const proc = spawn(process.execPath, [...nodeFlags, script], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer): void => {
    out = (out + d.toString()).slice(-20_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null)
      return resolve(proc.signalCode ?? proc.exitCode);
    proc.once('exit', (code, signal) => resolve(signal ?? code));
  });
  const gone = (): boolean => proc.exitCode !== null || proc.signalCode !== null;
  return {
    proc,
    exited,
    output: () => out,
    async kill9() {
      if (!gone()) proc.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 15_000) {
      if (gone()) return;
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      proc.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
