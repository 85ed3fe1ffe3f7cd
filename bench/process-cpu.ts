import { readdirSync, readFileSync } from 'node:fs';

// Where a scenario's CPU went, by part of the stack: the CPU time (user + system) of every process
// on the machine, read from /proc and grouped by what the process runs. Linux only: elsewhere the
// snapshot is empty and the scenario reports no split.

/** The parts of the stack a process is counted in. */
export type StackPart = 'API' | 'ticket worker' | 'Temporal server' | 'PostgreSQL' | 'bench';

const PARTS: readonly { part: StackPart; test: (cmd: string) => boolean }[] = [
  { part: 'API', test: (cmd) => cmd.includes('/src/api/main.js') },
  { part: 'ticket worker', test: (cmd) => cmd.includes('/src/worker/main.js') },
  { part: 'Temporal server', test: (cmd) => /temporal\S*\s+server\s/.test(cmd) },
  { part: 'PostgreSQL', test: (cmd) => /(^|\/)postgres(\s|:|$)/.test(cmd) },
];

/** CPU seconds so far per process ID, with the part it belongs to. */
export type CpuSnapshot = ReadonlyMap<
  number,
  { readonly part: StackPart; readonly seconds: number }
>;

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux we run on). */
const TICKS = 100;

export function cpuSnapshot(): CpuSnapshot {
  const snapshot = new Map<number, { part: StackPart; seconds: number }>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return snapshot;
  }
  for (const name of pids) {
    const pid = Number(name);
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const part =
        pid === process.pid ? 'bench' : PARTS.find((candidate) => candidate.test(cmd))?.part;
      if (!part) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      snapshot.set(pid, { part, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return snapshot;
}

/** CPU seconds each part used between two snapshots (a process new in `after` counts from 0). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Map<StackPart, number> {
  const used = new Map<StackPart, number>();
  for (const [pid, { part, seconds }] of after) {
    const spent = seconds - (before.get(pid)?.seconds ?? 0);
    used.set(part, (used.get(part) ?? 0) + spent);
  }
  return used;
}
