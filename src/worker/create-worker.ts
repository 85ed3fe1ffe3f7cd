import { type INestApplicationContext, Logger } from '@nestjs/common';
import {
  bundleWorkflowCode,
  type NativeConnection,
  Worker,
  type WorkerOptions,
} from '@temporalio/worker';
import type { AppConfig } from '../config/app-config';
import { createActivities } from './activities';
import { bundlerLogger } from './bundler-logger';

/** Path Temporal bundles: the `workflows/` entry point, from `src/` (ts) or `dist/src/` (js). */
export const WORKFLOWS_PATH = require.resolve('../../workflows');

/**
 * Creates the ticket worker. Tests pass a prebuilt `workflowBundle` (bundled once per file) and
 * their own task queue; the worker entry point bundles `workflows/` here, with a logger that keeps
 * webpack's module listing out of every `npm start` unless LOG_LEVEL is debug or verbose (the
 * SDK's own bundling would print it through the runtime's logger, at info).
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
    workflowBundle:
      overrides.workflowBundle ??
      (await bundleWorkflowCode({
        workflowsPath: WORKFLOWS_PATH,
        logger: bundlerLogger(new Logger('WorkflowBundler')),
      })),
    activities: createActivities(app),
    shutdownGraceTime: '10 seconds',
  });
}
