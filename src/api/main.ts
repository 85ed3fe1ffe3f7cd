import 'reflect-metadata';
import { loadAppConfig } from '../config/app-config';
import { ConfigValidationError } from '../config/env-reader';
import { apiLogger, createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
  apiLogger.log(`API listening on http://${config.api.host}:${config.api.port}/graphql`);
}

main().catch((err: unknown) => {
  // Entry-point crash handler: the one place a plain console write is right.
  // eslint-disable-next-line no-console
  console.error(err instanceof ConfigValidationError ? err.message : err);
  process.exit(1);
});
