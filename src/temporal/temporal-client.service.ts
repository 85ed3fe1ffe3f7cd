import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';
import { AppConfig } from '../config/app-config';

/**
 * gRPC attempts per call. The SDK default (10, backoff up to 5 s) holds a request about 20 s when
 * the server is down; 4 attempts (≈ 1 s of backoff) ride out a blip, and a real outage reaches
 * the client as `UNAVAILABLE` at once, to retry with the same request ID (issue 10).
 */
const CALL_ATTEMPTS = 4;
/**
 * Reconnect at least this often while the server is away, so the API is back within about a second
 * of it (gRPC's default backoff grows to 2 minutes; 5 s here measured 5.6 s back in the fault tier).
 * One TCP connect per second per API instance is nothing for the server.
 */
const MAX_RECONNECT_BACKOFF_MS = 1_000;

/**
 * The API's Temporal client. The connection is lazy so the API boots (and reports Temporal as down
 * in `/health`) while the Temporal server is away.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(config: AppConfig) {
    this.connection = Connection.lazy({
      address: config.temporal.address,
      connectTimeout: '5s',
      interceptors: [
        makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: CALL_ATTEMPTS })),
      ],
      channelArgs: { 'grpc.max_reconnect_backoff_ms': MAX_RECONNECT_BACKOFF_MS },
    });
    this.client = new Client({ connection: this.connection, namespace: config.temporal.namespace });
  }

  /** Resolves when the frontend answers its gRPC health check within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<void> {
    await this.connection.withDeadline(Date.now() + timeoutMs, async () => {
      await this.connection.ensureConnected();
      await this.connection.healthService.check({});
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
