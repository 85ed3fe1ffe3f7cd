import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

// Foundation (`npm start`, QA S19): every start rebuilt tsc and vite (40–60 s). A build is now
// skipped while its output is the one built from the current inputs, and never otherwise: a
// changed source, setting or output means building again, so no stale code starts.

interface Build {
  inputs: string[];
  env?: RegExp;
  outputs: string[];
  entry: string;
  stamp: string;
}
type State =
  { upToDate: true; inputs: string } | { upToDate: false; reason: string; inputs: string };

const root = join(__dirname, '..', '..', '..');
const { buildState, recordBuild, builds, depsUpToDate, recordDeps } = createRequire(__filename)(
  join(root, 'scripts', 'build-stamp.cjs'),
) as {
  buildState: (root: string, build: Build, env?: NodeJS.ProcessEnv) => State;
  recordBuild: (root: string, build: Build, inputs: string) => void;
  builds: Record<'tsc' | 'web', Build>;
  depsUpToDate: (root: string) => boolean;
  recordDeps: (root: string) => void;
};

describe('the build stamp (scripts/build-stamp.cjs)', () => {
  let dir: string;
  const build: Build = {
    inputs: ['src', 'tsconfig.json'],
    env: /^VITE_\w+$/,
    outputs: ['out'],
    entry: 'out/main.js',
    stamp: 'stamp.json',
  };
  const put = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  /** What the build does: every source to the output; then the stamp, as run.cjs does. */
  const runBuild = (env: NodeJS.ProcessEnv = {}): void => {
    const { inputs } = buildState(dir, build, env);
    for (const name of readdirSync(join(dir, 'src'))) {
      put(`out/${name.replace('.ts', '.js')}`, readFileSync(join(dir, 'src', name), 'utf8'));
    }
    recordBuild(dir, build, inputs);
  };
  const state = (env: NodeJS.ProcessEnv = {}): string => {
    const s = buildState(dir, build, env);
    return s.upToDate ? 'up to date' : s.reason;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'build-stamp-'));
    put('src/main.ts', 'export const a = 1;');
    put('src/lib.ts', 'export const b = 2;');
    put('tsconfig.json', '{}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds when there is no output yet, and skips once it is built from these sources', () => {
    expect(state()).toBe('no output');
    runBuild();
    expect(state()).toBe('up to date');
  });

  it('builds again when a source or a setting changes, is added or removed', () => {
    runBuild();
    put('src/lib.ts', 'export const b = 3;');
    expect(state()).toBe('sources changed');
    put('src/lib.ts', 'export const b = 2;');
    expect(state()).toBe('up to date');

    for (const change of [
      () => put('tsconfig.json', '{"compilerOptions":{}}'),
      () => put('src/new.ts', ''),
      () => rmSync(join(dir, 'src/lib.ts')),
    ]) {
      change();
      expect(state()).toBe('sources changed');
      runBuild();
      expect(state()).toBe('up to date');
    }
  });

  it('builds again when an environment variable the build reads changes, not for others', () => {
    runBuild({ VITE_MODE: 'a' });
    expect(state({ VITE_MODE: 'a', HOME: '/elsewhere' })).toBe('up to date');
    expect(state({ VITE_MODE: 'b' })).toBe('sources changed');
    expect(state({})).toBe('sources changed');
  });

  it('builds again when the output is missing or changed since the last build', () => {
    runBuild();
    rmSync(join(dir, 'out/main.js'));
    expect(state()).toBe('no output');

    runBuild();
    // Another build (from other sources, say) wrote the output since: its time says so.
    utimesSync(join(dir, 'out/lib.js'), new Date(), new Date(Date.now() + 60_000));
    expect(state()).toBe('output changed since');

    runBuild();
    rmSync(join(dir, 'out/lib.js'));
    expect(state()).toBe('output changed since');

    runBuild();
    rmSync(join(dir, 'stamp.json'));
    expect(state()).toBe('no stamp');
  });
});

describe("npm start's builds", () => {
  /** Relative imports of the TypeScript files under `folder`, resolved from the repository root. */
  function relativeImports(folder: string): { file: string; target: string }[] {
    const found: { file: string; target: string }[] = [];
    for (const entry of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(entry)) continue;
      const file = join(folder, entry);
      const source = readFileSync(join(root, file), 'utf8');
      for (const m of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        found.push({ file, target: relative(root, resolve(root, dirname(file), m[1])) });
      }
    }
    return found;
  }

  it('count every file the web app imports among the vite build’s inputs', () => {
    const inputs = builds.web.inputs;
    const imports = [...relativeImports('web'), ...relativeImports('src/shared')];
    expect(imports.filter(({ target }) => target.startsWith('src/shared/')).length).toBeGreaterThan(
      3,
    );
    // An import names a file without its extension (`../ticket-states`); an input may be that file.
    const counted = (target: string, input: string) =>
      [target, `${target}.ts`, `${target}.tsx`].includes(input) || target.startsWith(`${input}/`);
    const outside = imports.filter(({ target }) => !inputs.some((input) => counted(target, input)));
    expect(outside).toEqual([]);
  });

  it('count every folder tsc compiles among its inputs', () => {
    const config = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    for (const pattern of config.include)
      expect(builds.tsc.inputs).toContain(pattern.split('/')[0]);
  });
});

describe('the npm dependencies (npm ci)', () => {
  let dir: string;
  const lock = (text: string): void => writeFileSync(join(dir, 'package-lock.json'), text);
  const install = (): void => {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{}');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deps-stamp-'));
    lock('{"lockfileVersion":3}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('installs when node_modules is missing', () => {
    expect(depsUpToDate(dir)).toBe(false);
  });

  it('keeps what npm ci installed from this lockfile, however new the lockfile file is', () => {
    install();
    recordDeps(dir);
    // A fresh clone with node_modules linked in: the same lockfile, checked out after the install.
    utimesSync(join(dir, 'package-lock.json'), new Date(), new Date(Date.now() + 60_000));
    expect(depsUpToDate(dir)).toBe(true);
  });

  it('installs again when the lockfile changed since', () => {
    install();
    recordDeps(dir);
    lock('{"lockfileVersion":3,"packages":{}}');
    expect(depsUpToDate(dir)).toBe(false);
  });

  it('without a stamp (an install from before it), compares npm’s record with the lockfile', () => {
    install();
    const installed = join(dir, 'node_modules', '.package-lock.json');
    utimesSync(installed, new Date(), new Date(Date.now() + 60_000));
    expect(depsUpToDate(dir)).toBe(true);
    utimesSync(installed, new Date(), new Date(Date.now() - 60_000));
    expect(depsUpToDate(dir)).toBe(false);
  });
});
