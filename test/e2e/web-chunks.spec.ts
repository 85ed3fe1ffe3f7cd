import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_BUILD_OUTPUT, WEB_DIST } from './support/web-build';

// `npm start` showed Vite's «Some chunks are larger than 500 kB» on every start (QA S19): the
// pages now load on first visit (web/src/app.tsx) and React has its own chunk. This reads the
// production build the e2e tier makes once (global-setup, as `npm start` builds it) rather than
// building the app again.
const LIMIT = 500 * 1000; // Vite's chunkSizeWarningLimit, in its kB

describe('web app chunks', () => {
  it('builds with no chunk over 500 kB, no size warning, and the pages out of the entry chunk', () => {
    expect(readFileSync(WEB_BUILD_OUTPUT, 'utf8')).not.toMatch(/larger than/);

    const assets = join(WEB_DIST, 'assets');
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const sizes = Object.fromEntries(chunks.map((f) => [f, statSync(join(assets, f)).size]));
    expect(Object.entries(sizes).filter(([, size]) => size > LIMIT)).toEqual([]);

    // The ticket page is its own chunk, not part of what every visitor downloads first.
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const entry = /<script[^>]+src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(chunks.some((f) => f.startsWith('ticket-page-'))).toBe(true);
    expect(entry).not.toMatch(/^ticket-page-/);
  });
});
