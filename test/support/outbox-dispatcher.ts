import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { EmailDispatcher } from '../../src/notifications/email-dispatcher';

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
