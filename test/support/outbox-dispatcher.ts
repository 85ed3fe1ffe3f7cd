import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { freePort } from '../../src/infra/provisioning/temporal-binaries';
import { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import { eventually } from './eventually';
import { integrationConfig } from './integration-harness';

/**
 * The one way a spec runs the outbox dispatcher (L3-11) without the worker process: the real
 * `EmailDispatcher` on `world`'s database and mail config (a seeded world, or a spec's own
 * database and SMTP/retry settings), started, so queued emails reach the SMTP catcher. The caller
 * stops what it returns (in `afterAll`, before closing the world: the email in flight is then
 * still marked).
 */
export async function startDispatcher(world: {
  readonly db: DataSource;
  readonly config: AppConfig;
}): Promise<EmailDispatcher> {
  const dispatcher = new EmailDispatcher(world.db, world.config);
  await dispatcher.start();
  return dispatcher;
}

/**
 * SMTP down (L3-11): a dispatcher of the spec's, on `world`'s database with `settings` (retry
 * delays, `MAIL_MAX_ATTEMPTS`), tries the due emails against an SMTP port nobody listens on until
 * `read` gives what `tried` accepts (an email waiting for its retry, or failed for good); then it
 * stops. What `read` gave. No other dispatcher may run meanwhile (`MAIL_DISPATCHER=off`, or the
 * worker's stopped), or it would send them.
 */
export async function triedWithoutSmtp<T>(
  world: { readonly db: DataSource; readonly config: AppConfig },
  settings: Record<string, string>,
  read: () => Promise<T>,
  tried: (value: T) => boolean,
): Promise<T> {
  const dispatcher = await startDispatcher({
    db: world.db,
    config: integrationConfig({
      DATABASE_URL: world.config.database.url,
      SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      ...settings,
    }),
  });
  try {
    return await eventually(read, tried);
  } finally {
    await dispatcher.stop();
  }
}
