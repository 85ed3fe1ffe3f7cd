import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` showed Vite's «Some chunks are larger than 500 kB» on every start (QA S19): the
// pages now load on first visit (web/src/app.tsx) and React has its own chunk. This builds the web
// app as `npm start` does, into a temporary folder (dist/web is what the e2e runs serve).
const ROOT = join(__dirname, '..', '..', '..');
const LIMIT = 500 * 1000; // Vite's chunkSizeWarningLimit, in its kB

describe('web app chunks', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'web-chunks-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds with no chunk over 500 kB, no size warning, and the pages out of the entry chunk', () => {
    const build = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'web/vite.config.ts',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
    );
    expect(build.status).toBe(0);
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/larger than/);

    const assets = join(outDir, 'assets');
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const sizes = Object.fromEntries(chunks.map((f) => [f, statSync(join(assets, f)).size]));
    expect(Object.entries(sizes).filter(([, size]) => size > LIMIT)).toEqual([]);

    // The ticket page is its own chunk, not part of what every visitor downloads first.
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(chunks.some((f) => f.startsWith('ticket-page-'))).toBe(true);
    expect(entry).not.toMatch(/^ticket-page-/);
  });
});
