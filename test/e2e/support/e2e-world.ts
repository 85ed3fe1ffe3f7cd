import type { Browser } from 'playwright-core';
import { createSeededWorld, type SeededWorld } from '../../support/seeded-world';
import { useWorldWithWorker, type WorldWithWorker } from '../../support/world-with-worker';
import { launchBrowser } from './browser';

/** A spec file's demo-seeded database and API (serving the built web app), and a browser. */
export interface E2eWorld {
  readonly world: SeededWorld;
  readonly browser: Browser;
  /** Where the API serves the web app, e.g. http://127.0.0.1:40123 */
  readonly baseURL: string;
  /** The demo user's random password from the seed. */
  password(email: string): string;
  close(): Promise<void>;
}

/** `overrides`: app config (e.g. `TEMPORAL_TASK_QUEUE` for a spec that runs its own worker). */
export async function startE2eWorld(
  label: string,
  overrides: Record<string, string> = {},
): Promise<E2eWorld> {
  const world = await createSeededWorld(`e2e_${label}`, overrides);
  const browser = await launchBrowser();
  return {
    world,
    browser,
    baseURL: world.api.url,
    password: (email) => demoPassword(world, email),
    async close() {
      await browser.close();
      await world.close();
    },
  };
}

/** The demo user's random password from the seed of `world`. */
function demoPassword(world: Pick<SeededWorld, 'seed'>, email: string): string {
  const found = world.seed.credentials.find((c) => c.email === email);
  if (!found) throw new Error(`no demo user ${email}`);
  return found.password;
}

/** An `E2eWorld` whose seeded world has the real worker running on a task queue of its own. */
export interface E2eWorldWithWorker extends Omit<E2eWorld, 'world' | 'close'> {
  readonly world: WorldWithWorker;
}

/**
 * Registers one spec file's hooks: a demo-seeded world (`useWorldWithWorker`) with the real worker
 * on its own task queue, a browser, and after each test the closing of every browser context the
 * test opened. The returned object reads them live. Register it before the spec's own hooks.
 */
export function useE2eWorldWithWorker(label: string): E2eWorldWithWorker {
  const world = useWorldWithWorker(`e2e_${label}`, {}, true, 180_000);
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  const launched = (): Browser => {
    if (!browser) throw new Error(`browser of '${label}' is used before its beforeAll ran`);
    return browser;
  };
  return {
    world,
    get browser() {
      return launched();
    },
    get baseURL() {
      return world.api.url;
    },
    password: (email) => demoPassword(world, email),
  };
}
