import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/app-config';

/**
 * The API's Temporal client. The connection is lazy so the API boots (and reports Temporal as down
 * in `/health`) while the Temporal server is away.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(config: AppConfig) {
    this.connection = Connection.lazy({ address: config.temporal.address, connectTimeout: '5s' });
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
