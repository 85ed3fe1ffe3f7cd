import type { INestApplicationContext } from '@nestjs/common';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from '../config/app-config';
import { createActivities } from './activities';

/** Path Temporal bundles: the `workflows/` entry point, from `src/` (ts) or `dist/src/` (js). */
export const WORKFLOWS_PATH = require.resolve('../../workflows');

/**
 * Creates the ticket worker. Tests pass a prebuilt `workflowBundle` (bundled once per file) and
 * their own task queue; the worker entry point lets Temporal bundle `workflows/`.
 */
export async function createTicketWorker(
  app: INestApplicationContext,
  connection: NativeConnection,
  config: AppConfig,
  overrides: Partial<Pick<WorkerOptions, 'workflowBundle' | 'taskQueue'>> = {},
): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: overrides.taskQueue ?? config.temporal.taskQueue,
    ...(overrides.workflowBundle
      ? { workflowBundle: overrides.workflowBundle }
      : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(app),
    shutdownGraceTime: '10 seconds',
  });
}
