import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START_MARKER, takePidLock } from '../../../src/dev/pid-lock';

// Foundation (`npm start`, QA S19): one start per data folder. Reading the pid file, then writing
// it, let two starts at the same moment both run; the lock is now taken in one atomic step.

describe('takePidLock', () => {
  let dir: string;
  let lock: string;
  const marker = '--npm-start-under-test';
  const spawned: ChildProcess[] = [];

  /** A live process whose command line carries the marker, as start.js's carries its path. */
  function start(): Promise<number> {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', marker], {
      stdio: 'ignore',
    });
    spawned.push(child);
    return new Promise((resolve) => child.once('spawn', () => resolve(child.pid!)));
  }

  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '', '--', marker], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    return child.pid!;
  }

  const holder = (): number => Number(readFileSync(lock, 'utf8').trim());

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pid-lock-'));
    lock = join(dir, 'npm-start.pid');
  });
  afterEach(() => {
    for (const child of spawned.splice(0)) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Two starts take the lock at the same moment: one holds it, the other is told its pid. */
  async function expectOneOfTwoToRun(): Promise<void> {
    const [a, b] = await Promise.all([start(), start()]);

    const answers = await Promise.all([takePidLock(lock, marker, a), takePidLock(lock, marker, b)]);

    const winner = holder();
    expect([a, b]).toContain(winner);
    expect(answers).toEqual(winner === a ? [undefined, a] : [b, undefined]);
    expect(readdirSync(dir)).toEqual(['npm-start.pid']);
  }

  it('lets exactly one of two starts at the same moment take it; the other learns its pid', () =>
    expectOneOfTwoToRun());

  it('replaces a file a dead start left, once, even when two starts find it together', async () => {
    writeFileSync(lock, `${await deadPid()}\n`);
    await expectOneOfTwoToRun();
  });

  // CI (TZ=Asia/Tokyo, 2026-12-02): one start read the file while the other had moved the dead
  // start's file aside, and stopped with ENOENT instead of trying again. One race in many runs.
  it('replaces a file a dead start left when two starts race for it, in any interleaving', async () => {
    for (let round = 0; round < 40; round += 1) {
      writeFileSync(lock, `${await deadPid()}\n`);
      await expectOneOfTwoToRun();
      for (const child of spawned.splice(0)) child.kill('SIGKILL');
      rmSync(lock);
    }
  });

  it('knows the orchestrator run by an absolute path (npm start) or a relative one', async () => {
    for (const script of [join(process.cwd(), 'dist/src/dev/start.js'), 'dist/src/dev/start.js']) {
      const running = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', script], {
        stdio: 'ignore',
      });
      spawned.push(running);
      await new Promise((resolve) => running.once('spawn', resolve));
      rmSync(lock, { force: true });
      expect(await takePidLock(lock, START_MARKER, running.pid)).toBeUndefined();

      expect(await takePidLock(lock, START_MARKER)).toBe(running.pid);
    }
  });

  it('takes a file whose pid now belongs to another program', async () => {
    const stranger = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    spawned.push(stranger);
    writeFileSync(lock, `${stranger.pid}\n`);
    const a = await start();

    expect(await takePidLock(lock, marker, a)).toBeUndefined();
    expect(holder()).toBe(a);
  });

  it('refuses while the holder runs, and is free again once it is gone', async () => {
    const first = await start();
    const second = await start();
    expect(await takePidLock(lock, marker, first)).toBeUndefined();

    expect(await takePidLock(lock, marker, second)).toBe(first);
    expect(holder()).toBe(first);

    spawned[0].kill('SIGKILL');
    await new Promise((resolve) => spawned[0].once('exit', resolve));
    expect(await takePidLock(lock, marker, second)).toBeUndefined();
    expect(holder()).toBe(second);
  });
});
