'use strict';
// Plain Node (no dependencies): run.cjs needs it before node_modules exists.
//
// `npm start` skips an install or a build whose output is up to date. A stamp beside the output keeps a digest
// of the build's inputs (every file's content, the environment variables it reads) and of the
// output as the build left it (every file's path, size and time). The build is skipped only when
// both still match: a changed source, a missing output or an output anyone rebuilt or touched
// since (from other sources, say) means building again, so no stale code ever starts.
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

/**
 * @typedef {object} Build
 * @property {string[]} inputs   files and folders (whole trees) the build reads, under `root`
 * @property {RegExp} [env]      names of the environment variables it reads
 * @property {string[]} outputs  files and folders it writes
 * @property {string} entry      an output file that must exist
 * @property {string} stamp      where its stamp goes (outside `outputs`)
 * @property {string} [buildInfo] tsc's incremental build info, when it has one
 */

/** Every file under `path` (itself when a file), relative to `root`, sorted; none when absent. */
function files(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** @param {string} root @param {Build} build @param {NodeJS.ProcessEnv} env */
function inputsDigest(root, build, env) {
  const hash = createHash('sha256');
  for (const path of build.inputs) {
    hash.update(`\0${path}\0`);
    for (const file of files(root, path)) {
      const content = readFileSync(join(root, file));
      hash.update(`${file}\0${content.length}\0`).update(content);
    }
  }
  const names = Object.keys(env)
    .filter((name) => build.env?.test(name))
    .sort();
  for (const name of names) hash.update(`\0${name}=${env[name]}`);
  return hash.digest('hex');
}

/** @param {string} root @param {Build} build */
function outputsDigest(root, build) {
  const hash = createHash('sha256');
  for (const path of build.outputs) {
    for (const file of files(root, path)) {
      const { size, mtimeMs } = statSync(join(root, file));
      hash.update(`${file}\0${size}\0${mtimeMs}\0`);
    }
  }
  return hash.digest('hex');
}

/**
 * Whether `build` must run, and why: `{ upToDate: true }` or `{ upToDate: false, reason }`. Only
 * with the reason `sources changed` is the output as the last build left it (an incremental build
 * may reuse it). `inputs` is what `recordBuild` stamps once it has run.
 * @param {string} root @param {Build} build @param {NodeJS.ProcessEnv} [env]
 */
function buildState(root, build, env = process.env) {
  const inputs = inputsDigest(root, build, env);
  if (!existsSync(join(root, build.entry))) return { upToDate: false, reason: 'no output', inputs };
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, build.stamp), 'utf8'));
  } catch {
    return { upToDate: false, reason: 'no stamp', inputs };
  }
  if (stamp.outputs !== outputsDigest(root, build))
    return { upToDate: false, reason: 'output changed since', inputs };
  if (stamp.inputs !== inputs) return { upToDate: false, reason: 'sources changed', inputs };
  return { upToDate: true, inputs };
}

/** After a successful build: stamps the inputs it was given and its output as it is now. */
function recordBuild(root, build, inputs) {
  writeFileSync(
    join(root, build.stamp),
    `${JSON.stringify({ inputs, outputs: outputsDigest(root, build) })}\n`,
  );
}

const DEPS_STAMP = join('node_modules', '.npm-start-lock.sha256');
const lockDigest = (root) =>
  createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');

/**
 * Whether node_modules is the one `npm ci` installed from this package-lock.json: by the
 * lockfile's digest, which `recordDeps` stamps. Not by times: a fresh clone's lockfile is newer
 * than a node_modules linked or copied in, which `npm ci` would empty. Without a stamp (an install
 * made before it): npm's own record of the install is newer than the lockfile.
 * @param {string} root
 */
function depsUpToDate(root) {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  if (existsSync(join(root, DEPS_STAMP)))
    return readFileSync(join(root, DEPS_STAMP), 'utf8') === lockDigest(root);
  return statSync(join(root, 'package-lock.json')).mtimeMs <= statSync(installed).mtimeMs;
}

/** node_modules is up to date with package-lock.json (after `npm ci`, or found so). */
function recordDeps(root) {
  writeFileSync(join(root, DEPS_STAMP), lockDigest(root));
}

/** `npm start`'s two builds; each reads node_modules, which package-lock.json pins. @type {Record<'tsc' | 'web', Build>} */
const builds = {
  tsc: {
    // package.json too: the code imports it (the version), and tsc copies it to dist/.
    inputs: [
      'src',
      'workflows',
      'tsconfig.json',
      'tsconfig.build.json',
      'package.json',
      'package-lock.json',
    ],
    outputs: ['dist/src', 'dist/workflows', 'dist/package.json', 'dist/.tsbuildinfo.build'],
    entry: 'dist/src/dev/start.js',
    stamp: 'dist/.npm-start-tsc.json',
    buildInfo: 'dist/.tsbuildinfo.build',
  },
  web: {
    // web/ imports src/shared/ and the ticket's states (test/unit/foundation/build-stamp.spec.ts
    // holds it to that), whose files esbuild compiles with the root tsconfig.json. NODE_ENV picks
    // vite's mode.
    inputs: [
      'web',
      'src/shared',
      'workflows/ticket/ticket-states.ts',
      'tsconfig.json',
      'package.json',
      'package-lock.json',
    ],
    env: /^(NODE_ENV|VITE_\w+)$/,
    outputs: ['dist/web'],
    entry: 'dist/web/index.html',
    stamp: 'dist/.npm-start-web.json',
  },
};

module.exports = { buildState, recordBuild, builds, depsUpToDate, recordDeps };
