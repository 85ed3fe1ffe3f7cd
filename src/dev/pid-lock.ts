import { link, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { livePid } from '../infra/local-stack/leftover-process';

/**
 * What the command line of `npm start`'s orchestrator contains however it was run: run.cjs gives
 * the absolute path of dist/src/dev/start.js, a user in the repository `dist/src/dev/start.js`.
 */
export const START_MARKER = join('src', 'dev', 'start');

/**
 * Takes `file` as a lock holding `pid`, atomically: the pid goes into a file of its own, which is
 * then hard-linked to `file` (the link fails when `file` exists), so no reader ever sees it empty
 * and two callers at the same moment cannot both take it. A file left by a dead process, or one
 * whose command line lacks `marker` (a recycled pid), is stale: removed, then the link is tried
 * once more. Resolves undefined once taken, or the live holder's pid.
 */
export async function takePidLock(
  file: string,
  marker: string,
  pid = process.pid,
): Promise<number | undefined> {
  const own = `${file}.${pid}`;
  await writeFile(own, `${pid}\n`);
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (await linked(own, file)) return undefined;
      const holder = livePid(file, marker);
      if (holder !== undefined) return holder;
      if (attempt === 2) {
        throw new Error(`Could not take ${file}: another start took it and ended meanwhile.`);
      }
      await removeStale(file, marker, pid);
    }
  } finally {
    await rm(own, { force: true });
  }
}

async function linked(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Moves the stale file aside before deleting it: between our check and the move another start
 * may have replaced it with its live lock, which then goes back (the link fails only when a
 * third one took the name meanwhile, and that one holds it then).
 */
async function removeStale(file: string, marker: string, pid: number): Promise<void> {
  const aside = `${file}.${pid}.stale`;
  try {
    await rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    if (livePid(aside, marker) !== undefined) await linked(aside, file);
  } finally {
    await rm(aside, { force: true });
  }
}
