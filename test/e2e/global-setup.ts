import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import integrationGlobalSetup from '../integration/global-setup';
import { ROOT } from '../support/paths';
import { WEB_BUILD_OUTPUT } from './support/web-build';
import { CHROMIUM_PATH, assertChromium } from './support/browser';

/**
 * The integration tier's real services (PostgreSQL, Temporal, SMTP on free ports, migrations
 * applied), plus the web app built once into `dist/web`, where the API's WebModule serves it.
 */
export default async function globalSetup(): Promise<void> {
  assertChromium();
  process.stdout.write(`\n  [e2e] building the web app (vite) …\n`);
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    // The bundle that ships: jest sets NODE_ENV=test, which vite would take for a development
    // build (React's StrictMode double effects and all), unlike `npm start`'s (scripts/run.cjs).
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  // What vite said (warnings only), for web-chunks.spec; beside dist/web, which the API serves.
  writeFileSync(WEB_BUILD_OUTPUT, `${build.stdout}${build.stderr}`);
  process.stdout.write(`  [e2e] web app built; browser ${CHROMIUM_PATH}\n`);
  await integrationGlobalSetup();
}
