import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { livePid, stopLeftover } from '../../../src/infra/local-stack/leftover-process';

// Foundation (`npm start`): a Temporal dev server or PostgreSQL that an earlier start left running
// (its process group got `kill -9`, its terminal closed) is stopped by the next start instead of
// ending it at «port in use»; a pid file naming someone else's process signals nobody.

describe('stopLeftover', () => {
  let dir: string;
  const spawned: ChildProcess[] = [];
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);

  /** A long-running process whose command line carries `marker`, in its own group like the dev server. */
  function sleeper(marker: string, ignoreTerm = false): Promise<ChildProcess> {
    const code = `${ignoreTerm ? "process.on('SIGTERM', () => {});" : ''} console.log('up'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', code, '--', marker], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    spawned.push(child);
    return new Promise((resolve) => child.stdout.once('data', () => resolve(child)));
  }

  const exited = (child: ChildProcess): Promise<NodeJS.Signals | number | null> =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve(child.signalCode ?? child.exitCode)
      : new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leftover-'));
    lines.length = 0;
  });
  afterEach(() => {
    for (const child of spawned.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the process its pid file names when its command line shows it is ours', async () => {
    const db = join(dir, 'temporal.db');
    const server = await sleeper(`--db-filename=${db}`);
    const pidFile = join(dir, 'dev-server.pid');
    writeFileSync(pidFile, `${server.pid}\n`);

    const stopped = await stopLeftover(
      { name: 'Temporal dev server', pidFile, marker: db, signal: 'SIGTERM' },
      log,
    );

    expect(stopped).toBe(true);
    expect(await exited(server)).toBe('SIGTERM');
    expect(lines).toEqual([
      `Temporal dev server: stopping the one an earlier start left running (pid ${server.pid}) …`,
    ]);
  });

  it('kills it when it does not stop on the polite signal within the grace time', async () => {
    const server = await sleeper(`-D ${dir}/postgres`, true);
    const pidFile = join(dir, 'postmaster.pid');
    // PostgreSQL's own pid file: the pid on the first line, the data folder and more after it.
    writeFileSync(pidFile, `${server.pid}\n${dir}/postgres\n1764316800\n54329\n`);

    const stopped = await stopLeftover(
      { name: 'PostgreSQL', pidFile, marker: `${dir}/postgres`, signal: 'SIGTERM' },
      log,
      300,
    );

    expect(stopped).toBe(true);
    expect(await exited(server)).toBe('SIGKILL');
  });

  it('signals nobody when the pid now belongs to another program', async () => {
    const stranger = await sleeper('--some-other-program');
    const pidFile = join(dir, 'dev-server.pid');
    writeFileSync(pidFile, `${stranger.pid}\n`);

    const stopped = await stopLeftover(
      { name: 'Temporal dev server', pidFile, marker: join(dir, 'temporal.db'), signal: 'SIGTERM' },
      log,
    );

    expect(stopped).toBe(false);
    expect(livePid(pidFile, '--some-other-program')).toBe(stranger.pid);
    expect(livePid(pidFile, join(dir, 'temporal.db'))).toBeUndefined();
    expect(stranger.exitCode).toBeNull();
    expect(stranger.signalCode).toBeNull();
    expect(process.kill(stranger.pid!, 0)).toBe(true);
    expect(lines).toEqual([]);
  });

  it('does nothing without a pid file, or when its process is gone', async () => {
    const marker = join(dir, 'temporal.db');
    const none = { name: 'Temporal dev server', marker, signal: 'SIGTERM' as const };
    expect(await stopLeftover({ ...none, pidFile: join(dir, 'missing.pid') }, log)).toBe(false);

    const done = await sleeper(`--db-filename=${marker}`);
    done.kill('SIGKILL');
    await exited(done);
    const pidFile = join(dir, 'dev-server.pid');
    writeFileSync(pidFile, `${done.pid}\n`);
    expect(await stopLeftover({ ...none, pidFile }, log)).toBe(false);
    expect(lines).toEqual([]);
  });
});
