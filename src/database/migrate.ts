import { Logger } from '@nestjs/common';
import { loadAppConfig } from '../config/app-config';
import { ConfigValidationError } from '../config/env-reader';
import { runMigrations } from './run-migrations';

/** `node dist/src/database/migrate.js`: applies pending migrations (the compose `migrate` job). */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const applied = await runMigrations(config.database.url);
  new Logger('Migrations').log(
    applied.length ? `applied ${applied.join(', ')}` : 'schema up to date',
  );
}

main().catch((err: unknown) => {
  // Entry-point crash handler: the one place a plain console write is right.
  // eslint-disable-next-line no-console
  console.error(err instanceof ConfigValidationError ? err.message : err);
  process.exit(1);
});
