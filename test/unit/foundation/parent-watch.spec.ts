import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Foundation (`npm start`, QA S59): `kill` of the npm process left run.cjs, its child, running
// with the whole system, because npm ends on SIGTERM without passing it on. run.cjs watches its
// parent (scripts/parent-watch.cjs) and stops the orchestrator once the parent is gone. Real
// processes here: a parent that is killed, and a child that reports what it saw.

const watcher = join(__dirname, '..', '..', '..', 'scripts', 'parent-watch.cjs');

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe('watchParent (npm start, QA S59)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parent-watch-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells the child once its parent is killed, and not while the parent lives', async () => {
    const report = join(dir, 'report');
    const ready = join(dir, 'ready');
    // The child: writes `ready`, then on its parent's end writes its pid and exits.
    const child = `
      const fs = require('node:fs');
      require(${JSON.stringify(watcher)}).watchParent(() => {
        fs.writeFileSync(${JSON.stringify(report)}, String(process.pid));
        process.exit(0);
      }, 20);
      fs.writeFileSync(${JSON.stringify(ready)}, '');
      setInterval(() => undefined, 1000);
    `;
    // The parent: like npm, it starts the child and ends on SIGTERM without passing it on.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'ignore' });
         setInterval(() => undefined, 1000);`,
      ],
      { stdio: 'ignore' },
    );
    try {
      expect(await until(() => existsSync(ready), 10_000)).toBe(true);
      // Alive parent: nothing to report, after many checks.
      await new Promise((r) => setTimeout(r, 300));
      expect(existsSync(report)).toBe(false);

      parent.kill('SIGTERM');
      expect(await until(() => existsSync(report), 10_000)).toBe(true);
      // The child's own pid: the callback ran in the watching process itself.
      expect(Number(readFileSync(report, 'utf8'))).toBeGreaterThan(1);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
