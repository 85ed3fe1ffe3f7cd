import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A local service an earlier `npm start` left running: its orchestrator got `kill -9` (the
 * Temporal dev server runs in its own process group, so killing the group misses it) or the
 * terminal closed under it. It still holds the port and the data files, so the next start would
 * stop at «port in use». We stop it first, but only when it really is that service: the process
 * named in the pid file must still be alive and its command line must contain `marker` (the
 * data file or folder it serves), so a recycled pid is never signalled.
 */
export interface Leftover {
  /** For the log line, e.g. `Temporal dev server`. */
  readonly name: string;
  /** A file whose first line is the pid (PostgreSQL's own `postmaster.pid` has this shape). */
  readonly pidFile: string;
  /** Text the process's command line contains when it is ours, e.g. the data folder. */
  readonly marker: string;
  /** The polite stop: `SIGTERM`, or `SIGINT` for PostgreSQL's fast shutdown. */
  readonly signal: NodeJS.Signals;
}

/**
 * Stops the leftover (its signal, then `SIGKILL` after `graceMs`) and resolves once it is gone.
 * Resolves false, signalling nothing, when the pid file is missing, its process is gone or is
 * not ours.
 */
export async function stopLeftover(
  leftover: Leftover,
  log: (line: string) => void,
  graceMs = 15_000,
): Promise<boolean> {
  const pid = livePid(leftover.pidFile, leftover.marker);
  if (pid === undefined) return false;
  log(`${leftover.name}: stopping the one an earlier start left running (pid ${pid}) …`);
  process.kill(pid, leftover.signal);
  if (!(await gone(pid, graceMs))) {
    process.kill(pid, 'SIGKILL');
    await gone(pid, 5_000);
  }
  return true;
}

/** The pid in `pidFile` when that process is alive and its command line contains `marker`. */
export function livePid(pidFile: string, marker: string): number | undefined {
  const pid = pidIn(pidFile);
  return pid !== undefined && alive(pid) && commandLine(pid).includes(marker) ? pid : undefined;
}

/** Undefined when the file is missing, also when it goes between a check and the read. */
function pidIn(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const pid = Number(text.split('\n', 1)[0].trim());
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: another user's process, so not one we started.
    return false;
  }
}

/** The process's arguments: /proc on Linux, `ps` elsewhere; empty when neither answers. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }
}

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}
