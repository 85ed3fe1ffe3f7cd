import type { Browser } from 'playwright-core';
import { createSeededWorld, type SeededWorld } from '../../support/seeded-world';
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
    password(email) {
      const found = world.seed.credentials.find((c) => c.email === email);
      if (!found) throw new Error(`no demo user ${email}`);
      return found.password;
    },
    async close() {
      await browser.close();
      await world.close();
    },
  };
}
