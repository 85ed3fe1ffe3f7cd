import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_NODE_FLAGS,
  spawnNode,
  startNodeProcess,
  stopInOrder,
} from '../../../src/dev/child-process';

// Foundation (`npm start`, QA S19): Ctrl-C in the terminal reached PostgreSQL, the API and the
// worker at the same moment as the orchestrator, which logged a fast shutdown and connections
// terminated under the worker. The API and the worker now run in process groups of their own and
// the orchestrator stops them first, one after the other, then the services.

/** Field 5 of /proc/<pid>/stat: the process group. */
function processGroup(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

describe('npm start child processes', () => {
  let dir: string;
  const spawned: ChildProcess[] = [];

  /** A Node app that says «up», then on SIGTERM says «finishing» and exits after a moment. */
  function app(name: string, lines: string[]): Promise<ChildProcess> {
    const script = join(dir, `${name}.js`);
    writeFileSync(
      script,
      `process.on('SIGTERM', () => { console.log('finishing'); setTimeout(() => process.exit(0), 100); });
       console.log('up'); setInterval(() => {}, 1000);`,
    );
    return new Promise((resolve) => {
      const child = spawnNode(name, script, process.env, (line) => {
        lines.push(line);
        if (line === `[${name}] up`) resolve(child);
      });
      spawned.push(child);
    });
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'child-process-'));
  });
  afterEach(() => {
    for (const child of spawned.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs each app in a process group of its own, out of reach of the terminal’s Ctrl-C', async () => {
    const child = await app('api', []);

    expect(processGroup(child.pid!)).toBe(child.pid);
    expect(processGroup(child.pid!)).not.toBe(processGroup(process.pid));
  });

  it('stops the API, then the worker, each to its end, and only then the services', async () => {
    const lines: string[] = [];
    const say = (line: string): void => void lines.push(line);
    const [api, worker] = [await app('api', lines), await app('worker', lines)];
    const services = {
      stop: jest.fn(() => {
        expect([api.exitCode, worker.exitCode]).toEqual([0, 0]);
        say('services stopped');
        return Promise.resolve();
      }),
    };

    await stopInOrder(
      [
        { name: 'api', child: api },
        { name: 'worker', child: worker },
      ],
      services,
      say,
    );

    expect(services.stop).toHaveBeenCalledTimes(1);
    expect(lines.filter((line) => !line.endsWith(' up'))).toEqual([
      '[api] finishing',
      'api stopped',
      '[worker] finishing',
      'worker stopped',
      'services stopped',
    ]);
  });

  // Perf (issues 5/10, session 22): the API's young generation is sized for a page of the SLA board.
  it('starts the API with its V8 flags, under `npm start` and as a kept-output process', async () => {
    const script = join(dir, 'flags.js');
    writeFileSync(script, `console.log(JSON.stringify(process.execArgv));`);
    const printed = await new Promise<string>((resolve) => {
      spawned.push(spawnNode('api', script, process.env, resolve, API_NODE_FLAGS));
    });
    const kept = startNodeProcess(script, process.env, dir, API_NODE_FLAGS);
    await kept.exited;

    expect(API_NODE_FLAGS).toContain('--max-semi-space-size=64');
    expect(JSON.parse(printed.replace('[api] ', ''))).toEqual(
      expect.arrayContaining([...API_NODE_FLAGS]),
    );
    expect(JSON.parse(kept.output())).toEqual([...API_NODE_FLAGS]);
  });

  it('kills an app that does not end within the grace time, then goes on', async () => {
    const script = join(dir, 'stuck.js');
    writeFileSync(
      script,
      `process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000);`,
    );
    const stuck = await new Promise<ChildProcess>((resolve) => {
      const child = spawnNode('stuck', script, process.env, () => resolve(child));
      spawned.push(child);
    });
    const services = { stop: jest.fn(() => Promise.resolve()) };

    await stopInOrder([{ name: 'stuck', child: stuck }], services, () => undefined, 200);

    expect(stuck.signalCode).toBe('SIGKILL');
    expect(services.stop).toHaveBeenCalledTimes(1);
  });
});
