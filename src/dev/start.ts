import 'reflect-metadata';
import { type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../common/repo-root';
import { ConfigValidationError } from '../config/env-reader';
import { loadStackConfig } from '../config/stack-config';
import { runMigrations } from '../database/run-migrations';
import { ensureDemoLogins, formatDemoLogins } from '../identity/demo-credentials';
import type { DemoCredential } from '../identity/demo-seed';
import { stopLeftover } from '../infra/local-stack/leftover-process';
import { startLocalStack } from '../infra/local-stack/local-stack';
import { assertPortFree } from '../infra/local-stack/ports';
import { BinaryProvisioningError } from '../infra/provisioning/temporal-binaries';
import { API_NODE_FLAGS, spawnNode, stopInOrder } from './child-process';
import { seedDemoTickets } from './demo-tickets';
import { START_MARKER, takePidLock } from './pid-lock';

// `npm start`: every backing service, the worker and the API, with progress on the terminal.
// Console output is this entry point's user interface.
/* eslint-disable no-console */

// `scripts/run.cjs` installs and builds first and passes when it began, so the times run on from
// its own and «Ready in» counts the whole `npm start`.
const handedOver = Number(process.env.NPM_START_BEGAN_AT);
const started = Number.isFinite(handedOver) && handedOver > 0 ? handedOver : Date.now();
const say = (line: string): void => console.log(`${elapsed()} ${line}`);
const elapsed = (): string => `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`;

async function main(): Promise<void> {
  const root = repoRoot();
  const stack = loadStackConfig(process.env, root);
  mkdirSync(stack.dataDir, { recursive: true });
  // One npm start per data folder: a second one (say with another API_PORT) would otherwise take
  // the first one's PostgreSQL and Temporal for left-overs and stop them under it.
  const ownPidFile = join(stack.dataDir, 'npm-start.pid');
  const running = await takePidLock(ownPidFile, START_MARKER);
  if (running !== undefined) {
    console.error(
      `npm start is already running on ${stack.dataDir} (pid ${running}). Stop it first ` +
        '(Ctrl-C in its terminal), or give this one its own DATA_DIR and ports.',
    );
    process.exit(1);
  }
  process.once('exit', () => rmSync(ownPidFile, { force: true }));
  // The API and the worker run in process groups of their own (Ctrl-C is ours to pass on), so a
  // start that got `kill -9` leaves them running, holding API_PORT: their pid files say so.
  const dist = join(root, 'dist', 'src');
  const apps = { worker: join(dist, 'worker', 'main.js'), api: join(dist, 'api', 'main.js') };
  const appPidFile = (name: keyof typeof apps): string => join(stack.dataDir, `${name}.pid`);
  for (const name of ['api', 'worker'] as const) {
    await stopLeftover(
      { name, pidFile: appPidFile(name), marker: apps[name], signal: 'SIGTERM' },
      say,
    );
  }
  await assertPortFree(stack.host, stack.apiPort, 'API', 'API_PORT');

  // Ctrl-C, SIGTERM and a closed terminal (SIGHUP) stop everything. A signal while the services
  // are still starting waits for them, then stops them: Node's default would exit at once and leave
  // the Temporal dev server (its own process group) running. SIGHUP: by default Node would exit
  // at once, PostgreSQL takes it as «reload»; the terminal is gone, so a failed write must not end
  // the shutdown.
  let stopRequested = false;
  let onStopSignal = (): void => {
    if (!stopRequested) say('Stopping once the services that are starting are up …');
    stopRequested = true;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => onStopSignal());
  }
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  // run.cjs runs us outside the terminal's process group and keeps our stdin open while it lives:
  // killed (say `kill -9` of that group), it can pass nothing on, so its end is our stop signal.
  if (Number.isFinite(handedOver)) {
    process.stdin.on('error', () => undefined);
    process.stdin.once('end', () => onStopSignal()).resume();
  }

  const services = await startLocalStack({
    dataDir: stack.dataDir,
    toolsDir: stack.toolsDir,
    host: stack.host,
    postgres: stack.postgres,
    temporal: stack.temporal,
    smtp: stack.smtp,
    log: say,
  });
  const children: { name: string; child: ChildProcess }[] = [];
  let stopping = false;
  const shutdown = async (code: number): Promise<never> => {
    if (stopping) return new Promise<never>(() => undefined);
    stopping = true;
    say('Stopping …');
    await stopInOrder([...children].reverse(), services, say);
    say('All stopped.');
    process.exit(code);
  };
  onStopSignal = () => void shutdown(0);
  if (stopRequested) return shutdown(0);

  let demoLogins = '';
  // The logins of demo data this run created: only then are demo tickets added.
  let newDemoLogins: readonly DemoCredential[] | undefined;
  try {
    say('Database: applying migrations …');
    const applied = await runMigrations(services.databaseUrl);
    say(applied.length ? `Database: applied ${applied.join(', ')}` : 'Database: schema up to date');
    if (process.env.NODE_ENV !== 'production') {
      const demo = await ensureDemoLogins(services.databaseUrl, stack.dataDir);
      say(demo.created ? 'Demo data: created (logins below)' : 'Demo data: already there');
      demoLogins = `${formatDemoLogins(demo)}\n`;
      if (demo.created) newDemoLogins = demo.credentials;
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATABASE_URL: services.databaseUrl,
      TEMPORAL_ADDRESS: services.temporalAddress,
      TEMPORAL_NAMESPACE: stack.temporal.namespace,
      SMTP_URL: services.smtpUrl,
      API_HOST: stack.host,
      API_PORT: String(stack.apiPort),
    };
    const spawnWatched = (name: keyof typeof apps, readyLine?: string): Promise<void> => {
      let ready = (): void => undefined;
      const seen = new Promise<void>((resolve) => (ready = resolve));
      const child = spawnNode(
        name,
        apps[name],
        env,
        (line) => {
          console.log(line);
          if (readyLine && line.includes(readyLine)) ready();
        },
        name === 'api' ? API_NODE_FLAGS : [],
      );
      if (child.pid !== undefined) writeFileSync(appPidFile(name), `${child.pid}\n`);
      child.on('exit', (code, signal) => {
        rmSync(appPidFile(name), { force: true });
        if (stopping) return;
        say(`${name} exited unexpectedly (${code ?? signal}); stopping everything.`);
        void shutdown(1);
      });
      children.push({ name, child });
      return seen;
    };
    say('Worker: starting (bundles the workflows) …');
    // Its own log line (src/worker/main.ts) once the bundle is built and it polls: the URLs and
    // logins come after the bundler's output, not buried under it.
    const workerPolling = spawnWatched('worker', 'Worker polling');
    say('API: starting …');
    void spawnWatched('api');
    await waitForHealth(`http://${stack.host}:${stack.apiPort}/health`, 90_000);
    await withTimeout(workerPolling, 120_000, 'The worker did not start polling within 120 s');
  } catch (err) {
    console.error(`\n${describe(err)}`);
    return shutdown(1);
  }
  // Through the running API, as the web app: real workflows, clocks and emails. The demo is still
  // usable without them, so a failure is a warning; they are added only when no ticket exists yet.
  if (newDemoLogins) {
    try {
      await seedDemoTickets(`http://${stack.host}:${stack.apiPort}`, newDemoLogins, say);
    } catch (err) {
      say(
        `Warning: demo tickets not created (${err instanceof Error ? err.message : String(err)}).`,
      );
    }
  }

  const api = `http://localhost:${stack.apiPort}`;
  console.log(
    [
      '',
      `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
      `  Web app                  ${api}/`,
      `  GraphQL API + GraphiQL   ${api}/graphql`,
      `  Health                   ${api}/health`,
      `  Temporal UI              ${services.temporalUiUrl ?? '(external Temporal: its own UI)'}`,
      `  Mail viewer              ${services.mailViewerUrl ?? '(SMTP_URL relay: no local viewer)'}`,
      `  Temporal gRPC            ${services.temporalAddress}`,
      `  Data                     ${stack.dataDir}`,
      '',
      demoLogins,
      'Press Ctrl-C to stop everything.',
    ].join('\n'),
  );
}

async function withTimeout(promise: Promise<void>, ms: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`API did not become healthy within ${timeoutMs / 1000} s: ${last}`);
}

function describe(err: unknown): string {
  if (err instanceof ConfigValidationError || err instanceof BinaryProvisioningError)
    return err.message;
  if (err instanceof Error && err.name === 'PortInUseError') return err.message;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

main().catch((err: unknown) => {
  console.error(describe(err));
  process.exit(1);
});
