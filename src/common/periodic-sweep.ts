import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A reconciliation sweep run at boot and then every `everyMs`, one at a time: a tick while the
 * previous sweep still runs is skipped, a failed sweep is one warning and the next tick retries.
 * Shutdown waits for a sweep in flight.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  protected constructor(
    private readonly everyMs: number,
    /** Names the sweep in its failure warning, e.g. `ticket start`. */
    private readonly what: string,
  ) {}

  /** One pass; returns how many things it repaired. */
  abstract sweep(now?: Date): Promise<number>;

  onApplicationBootstrap(): void {
    this.sweepInBackground();
    this.timer = setInterval(() => this.sweepInBackground(), this.everyMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  private sweepInBackground(): void {
    if (this.running) return;
    this.running = this.sweep()
      .catch((err: unknown) => {
        this.logger.warn(`${this.what} sweep failed: ${String(err)}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
  }
}
