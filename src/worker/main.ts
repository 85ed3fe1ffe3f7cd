import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NativeConnection } from '@temporalio/worker';
import { loggerLevels } from '../api/create-api-app';
import { loadAppConfig } from '../config/app-config';
import { ConfigValidationError } from '../config/env-reader';
import { createTicketWorker } from './create-worker';
import { WorkerModule } from './worker.module';

/**
 * Worker entry point: a Nest application context (no HTTP) that hosts the Temporal worker. The SDK
 * runtime turns SIGINT/SIGTERM into a graceful shutdown: in-flight activities finish, then we exit.
 */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const logger = new Logger('Worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: loggerLevels(config.logLevel),
  });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  try {
    const worker = await createTicketWorker(app, connection, config);
    logger.log(
      `Worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`,
    );
    await worker.run();
    logger.log('Worker stopped');
  } finally {
    await connection.close();
    await app.close();
  }
}

main().catch((err: unknown) => {
  // Entry-point crash handler: the one place a plain console write is right.
  // eslint-disable-next-line no-console
  console.error(err instanceof ConfigValidationError ? err.message : err);
  process.exit(1);
});
