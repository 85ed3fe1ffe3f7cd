import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEV_SERVER_START_ATTEMPTS,
  devServerArgs,
  devServerExitError,
  startTemporalDevServer,
} from '../../../src/infra/local-stack/temporal-dev-server';
import { freePort } from '../../../src/infra/provisioning/temporal-binaries';
import { ALL_SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';

// Foundation: the dev server persists to SQLite under .data/ and registers our search attributes.

describe('devServerArgs', () => {
  const base = {
    cliPath: 'temporal',
    dbFile: '/repo/.data/temporal/temporal.db',
    host: '127.0.0.1',
    port: 7233,
    namespace: 'default',
    searchAttributes: ALL_SEARCH_ATTRIBUTES,
  };

  it('starts a persistent dev server with the UI and every search attribute', () => {
    const args = devServerArgs({ ...base, uiPort: 8233 });
    expect(args.slice(0, 2)).toEqual(['server', 'start-dev']);
    expect(args).toEqual(
      expect.arrayContaining(['--db-filename', base.dbFile, '--ui-port', '8233']),
    );
    expect(args).not.toContain('--headless');
    const attrs = args.filter((_, i) => args[i - 1] === '--search-attribute');
    expect(attrs).toEqual([
      'SlaTicketNumber=Keyword',
      'SlaClientOrg=Keyword',
      'SlaTicketState=Keyword',
      'SlaStatus=Keyword',
      'SlaNextDeadline=Datetime',
    ]);
  });

  it('writes its SQLite file through a write-ahead log synced at every commit (durable, and no disk wait per write burst)', () => {
    const args = devServerArgs(base);
    const pragmas = args.filter((_, i) => args[i - 1] === '--sqlite-pragma');
    expect(pragmas).toEqual(['journal_mode=wal', 'synchronous=full']);
  });

  it('runs headless without a UI port', () => {
    expect(devServerArgs(base)).toContain('--headless');
  });
});

// CI (stop 61): `start-dev` panicked while asking the OS for one of its own ephemeral ports, and
// the error showed only the tail of the Go stack, without the panic's reason.
describe('a dev server that exits while starting', () => {
  const PORT_PANIC =
    'panic: failed assigning ephemeral port: failed to assign a free port: dial tcp 127.0.0.1:41234: connect: cannot assign requested address';
  const goStack = Array.from(
    { length: 60 },
    (_, i) => `github.com/temporalio/cli/internal/devserver.frame${i}(...)\n\t/src/server.go:${i}`,
  ).join('\n');
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fake-temporal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A stand-in CLI that counts its starts and dies with `panic` and a long Go stack (exit 2). */
  function panickingCli(panic: string): { cliPath: string; starts: () => number } {
    const cliPath = join(dir, 'temporal');
    const starts = join(dir, 'starts');
    writeFileSync(join(dir, 'stack'), `${panic}\n\ngoroutine 1 [running]:\n${goStack}\n`);
    writeFileSync(
      cliPath,
      `#!/bin/sh\necho x >> '${starts}'\ncat '${join(dir, 'stack')}' >&2\nexit 2\n`,
    );
    chmodSync(cliPath, 0o755);
    return {
      cliPath,
      starts: () => readFileSync(starts, 'utf8').split('\n').filter(Boolean).length,
    };
  }

  async function start(cliPath: string): Promise<unknown> {
    const logged: string[] = [];
    return startTemporalDevServer({
      cliPath,
      dbFile: join(dir, 'temporal.db'),
      host: '127.0.0.1',
      port: await freePort(),
      namespace: 'default',
      searchAttributes: [],
      log: (line) => logged.push(line),
      startTimeoutMs: 10_000,
    }).then(
      () => ({ started: true, logged }),
      (err: Error) => ({ message: err.message, logged }),
    );
  }

  it('is started again when it panicked assigning its own ephemeral port, and the error names the panic', async () => {
    const cli = panickingCli(PORT_PANIC);
    const outcome = (await start(cli.cliPath)) as { message: string; logged: string[] };
    expect(cli.starts()).toBe(DEV_SERVER_START_ATTEMPTS);
    expect(outcome.message.split('\n')[0]).toBe(
      `Temporal dev server exited (2) while starting: ${PORT_PANIC}:`,
    );
    expect(
      outcome.logged.filter((l) => l.includes('starting the Temporal dev server again')),
    ).toEqual([
      `${PORT_PANIC}; starting the Temporal dev server again (attempt 2)`,
      `${PORT_PANIC}; starting the Temporal dev server again (attempt 3)`,
    ]);
  });

  it('is not started again for any other panic', async () => {
    const cli = panickingCli('panic: sqlite: database disk image is malformed');
    const outcome = (await start(cli.cliPath)) as { message: string };
    expect(cli.starts()).toBe(1);
    expect(outcome.message).toMatch(
      /^Temporal dev server exited \(2\) while starting: panic: sqlite: database disk image is malformed:\n/,
    );
  });

  it('says what it printed last when it exited without a panic', () => {
    const err = devServerExitError(1, 'Error: failed starting server: bad flag\n');
    expect(err.message).toBe(
      'Temporal dev server exited (1) while starting:\nError: failed starting server: bad flag\n',
    );
  });
});
