import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TemporalClientService } from '../temporal/temporal-client.service';

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: 'temporal', timeoutMs = 2_000) {
    const indicator = this.health.check(key);
    try {
      await this.temporal.ping(timeoutMs);
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}
