import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Spawns a Node entry point with the given env, prefixing each output line with `[name]`. */
export function spawnNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => print(`[${name}] ${line}`));
  }
  return child;
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

/** Starts `node <script>` in `cwd` with exactly `env`, keeping its output. */
export function startNodeProcess(script: string, env: NodeJS.ProcessEnv, cwd: string): NodeProcess {
  const proc = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
