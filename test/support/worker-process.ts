import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { API_NODE_FLAGS, type NodeProcess, startNodeProcess } from '../../src/dev/child-process';
import { ROOT } from './paths';

// The real worker (`src/worker/main.ts`, compiled) and, where a spec kills it, the real API
// (`src/api/main.ts`) as child processes of their own, so a test can SIGKILL one mid-work and
// start another: what `npm start` runs, not an in-process stand-in.

/**
 * Compiles `src/` and `workflows/` into a fresh folder outside the repository (its own build info,
 * so the repo's `dist/` stays untouched) and links `node_modules` next to it, where the packages
 * and Temporal's workflow bundler resolve from. Returns the folder.
 */
export async function buildWorker(): Promise<string> {
  const buildDir = mkdtempSync(join(tmpdir(), 'sla-worker-build-'));
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      ...['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', buildDir],
      ...['--tsBuildInfoFile', join(buildDir, 'build.tsbuildinfo')],
    ],
    { cwd: ROOT },
  );
  symlinkSync(join(ROOT, 'node_modules'), join(buildDir, 'node_modules'), 'dir');
  // The API finds its root by these two files (`src/common/repo-root.ts`; the compiler already
  // emitted `package.json`): there it looks for a built web app (none here: it serves its "not
  // built" page).
  for (const file of ['package.json', 'package-lock.json'])
    if (!existsSync(join(buildDir, file))) symlinkSync(join(ROOT, file), join(buildDir, file));
  return buildDir;
}

/** Removes a folder made by {@link buildWorker} (the links first, never what they point to). */
export function removeWorkerBuild(buildDir: string): void {
  for (const name of ['node_modules', 'package-lock.json']) {
    const link = join(buildDir, name);
    if (existsSync(link)) unlinkSync(link);
  }
  rmSync(buildDir, { recursive: true, force: true });
}

/** A running child process of the compiled app (the worker or the API). */
export type AppProcess = NodeProcess;

export type WorkerProcess = AppProcess;

/** Starts `node <buildDir>/src/worker/main.js` with `env` on top of this process's environment. */
export function spawnWorker(buildDir: string, env: Record<string, string>): WorkerProcess {
  return spawnApp(buildDir, join('src', 'worker', 'main.js'), env);
}

/** Starts `node <buildDir>/src/api/main.js` (it listens on `API_HOST`:`API_PORT` of `env`). */
export function spawnApi(buildDir: string, env: Record<string, string>): AppProcess {
  return spawnApp(buildDir, join('src', 'api', 'main.js'), env, API_NODE_FLAGS);
}

function spawnApp(
  buildDir: string,
  entry: string,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): AppProcess {
  return startNodeProcess(join(buildDir, entry), { ...process.env, ...env }, ROOT, nodeFlags);
}

/**
 * Polls `probe` every `intervalMs` until it returns something truthy, and returns that. The
 * deadline only keeps a broken run from hanging; it is not a speed assertion.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 60_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (err) {
      // A probe may fail while a service is down; keep trying until the deadline.
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
