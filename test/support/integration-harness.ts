import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  NativeConnection,
  type Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createApiApp } from '../../src/api/create-api-app';
import { type AppConfig, loadAppConfig } from '../../src/config/app-config';
import { createTicketWorker } from '../../src/worker/create-worker';
import { WorkerModule } from '../../src/worker/worker.module';

/** The app configuration the integration tier's global setup wired to the real services. */
export function integrationConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadAppConfig({ ...process.env, ...overrides });
}

export interface RunningApi {
  readonly app: INestApplication;
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the real API on a free port. */
export async function startApi(config = integrationConfig()): Promise<RunningApi> {
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** POSTs a GraphQL operation to the running API, as any client would. */
export async function gql<T = Record<string, unknown>>(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<T> };
}

export interface RunningWorker {
  readonly context: INestApplicationContext;
  readonly worker: Worker;
  readonly taskQueue: string;
  /** Runs the worker while `body` runs, then shuts it down. */
  run<T>(body: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The real worker (real activities, real PostgreSQL) on its own task queue. */
export async function startWorker(
  bundle: WorkflowBundleWithSourceMap,
  config = integrationConfig(),
): Promise<RunningWorker> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  // A queue of its own unless the config names one (then the API under test starts work on it).
  const taskQueue =
    config.temporal.taskQueue !== 'sla-tickets'
      ? config.temporal.taskQueue
      : `it-${Math.random().toString(36).slice(2)}`;
  const worker = await createTicketWorker(context, connection, config, {
    workflowBundle: bundle,
    taskQueue,
  });
  return {
    context,
    worker,
    taskQueue,
    run: (body) => worker.runUntil(body()),
    close: async () => {
      await connection.close();
      await context.close();
    },
  };
}
