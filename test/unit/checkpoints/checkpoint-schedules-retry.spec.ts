import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { CalendarsService } from '../../../src/business-time/calendars/calendars.service';
import { CheckpointSchedulesService } from '../../../src/checkpoints/checkpoint-schedules.service';
import type { AppConfig } from '../../../src/config/app-config';
import type { TemporalClientService } from '../../../src/temporal/temporal-client.service';
import { eventuallyHeld } from '../../support/eventually';

// L3-15: each client's checkpoint Schedule follows its calendar's zone. When Temporal is away at
// boot or at a calendar edit, the sync is tried again until it lands (before: only at the next
// boot, save or edit, the Schedule firing at the old instants meanwhile). Typed fakes of the
// database, the calendars and Temporal's schedule client; the real Schedule is checked on the dev
// server in test/integration/checkpoints.spec.ts.

const SETTINGS = {
  organizationId: '0b7f2c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f',
  anchorDate: '2026-01-06',
  localTime: '10:00',
  timeZone: 'America/Mexico_City',
};

describe('checkpoint Schedules synced again after a failure (L3-15)', () => {
  let creates: number;
  let failuresLeft: number;
  let calendarChanged: (() => Promise<void>) | undefined;
  let service: CheckpointSchedulesService;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    creates = 0;
    calendarChanged = undefined;
    const settings = {
      find: () => Promise.resolve([{ organizationId: SETTINGS.organizationId }]),
      findOneBy: () => Promise.resolve(SETTINGS),
      update: () => Promise.resolve(),
    };
    // Each client is synced in a transaction of its own, under its settings lock.
    const tx = { query: () => Promise.resolve([]), getRepository: () => settings };
    const db = {
      getRepository: () => settings,
      transaction: (work: (manager: typeof tx) => Promise<void>) => work(tx),
    };
    const temporal = {
      client: {
        schedule: {
          create: () => {
            creates += 1;
            if (failuresLeft > 0) {
              failuresLeft -= 1;
              return Promise.reject(new Error('14 UNAVAILABLE: No connection established'));
            }
            return Promise.resolve();
          },
        },
      },
    };
    const calendars = {
      onChange: (listener: () => Promise<void>) => (calendarChanged = listener),
      forOrganization: () => Promise.resolve({ engine: { timeZone: 'America/Tijuana' } }),
    };
    service = new CheckpointSchedulesService(
      db as unknown as DataSource,
      temporal as unknown as TemporalClientService,
      calendars as unknown as CalendarsService,
      { temporal: { taskQueue: 'sla' } } as unknown as AppConfig,
    );
    service.retryAfterMs = 20;
  });
  afterEach(() => service.beforeApplicationShutdown());

  /** Long enough for several retries (20 ms apart): what must not happen has had its chance. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
  /**
   * Waits for chained retries to land rather than for a fixed time: when the worker is descheduled
   * past the sleep's end, the first retry runs only then, and the second it schedules comes after
   * the sleep (a single retry, scheduled before the sleep, always fires first).
   */
  const createsReach = (n: number) =>
    eventuallyHeld(
      () => creates,
      (c) => c >= n,
    );

  it('retries a sync that failed at boot until it lands, then stops', async () => {
    failuresLeft = 2;
    service.onApplicationBootstrap();
    await createsReach(3);
    await settle();
    expect(creates).toBe(3);
  });

  it('retries a sync that failed after a calendar edit; the edit itself does not fail', async () => {
    failuresLeft = 0;
    service.onApplicationBootstrap();
    await settle();
    expect(creates).toBe(1);

    failuresLeft = 1;
    await expect(calendarChanged!()).resolves.toBeUndefined();
    expect(creates).toBe(2);
    await settle();
    expect(creates).toBe(3);
  });
});
