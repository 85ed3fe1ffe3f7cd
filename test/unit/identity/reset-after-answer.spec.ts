import { Logger } from '@nestjs/common';
import { type AppConfig, loadAppConfig } from '../../../src/config/app-config';
import {
  AuthService,
  RESET_RETRY_PAUSES_MS,
  RESET_SHUTDOWN_WAIT_MS,
} from '../../../src/identity/auth.service';
import type { FailureLog } from '../../../src/identity/login-rate-limiter';
import type { PasswordResetRequestsService } from '../../../src/identity/password-reset-requests.service';
import type { PgFailureLog } from '../../../src/identity/pg-failure-log';

// L3-04 (review S19 of 6f2eab2; S20): requestPasswordReset records the request, answers, and
// carries it out after the answer, so an address with an account answers as fast as one without.
// What it claims of that work, checked here with a requests service we hold: the record is written
// before the answer, the work runs after it, a failure is warned of and tried again after 1 s and
// then 5 s (not at once), a third failure is logged with its stack, never thrown at nobody, and
// shutdown waits for the work, but stops a pause between tries and waits no longer than its bound.

const config: AppConfig = loadAppConfig({
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/sla',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  AUTH_TOKEN_SECRET: 'unit-test-secret-that-is-long-enough-for-hs256',
});

/** A throttle store that never throttles these few requests. */
const failures: FailureLog = {
  recent: () => Promise.resolve({ now: 0, failures: [] }),
  add: () => Promise.resolve(),
  clear: () => Promise.resolve(),
};

/** Lets the event loop run `n` turns (the work starts from the next one). */
async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

function serviceWith(process: (id: string) => Promise<boolean>) {
  const requests = {
    record: jest.fn((email: string) => Promise.resolve(`request-of-${email}`)),
    process: jest.fn(process),
  };
  const auth = new AuthService(
    {} as never,
    {} as never,
    {} as never,
    {} as never,
    requests as unknown as PasswordResetRequestsService,
    failures as PgFailureLog,
    config,
  );
  return { auth, requests };
}

describe('password reset work after the answer (L3-04)', () => {
  let logged: jest.SpyInstance;
  let warned: jest.SpyInstance;
  beforeEach(() => {
    // Timers only: the work starts on setImmediate, which `turns` lets run.
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    logged.mockRestore();
    warned.mockRestore();
    jest.useRealTimers();
  });

  it('records the request before answering; answers while the work is still running; shutdown waits for it', async () => {
    let finish = (): void => undefined;
    const { auth, requests } = serviceWith(
      () => new Promise<boolean>((resolve) => (finish = () => resolve(true))),
    );
    await auth.requestPasswordReset('  Olvido@Aurora.Example ', '127.0.0.9');
    expect(requests.record).toHaveBeenCalledWith('olvido@aurora.example');
    expect(requests.process).not.toHaveBeenCalled();
    await turns();
    expect(requests.process).toHaveBeenCalledWith('request-of-olvido@aurora.example');

    let stopped = false;
    const shutdown = auth.beforeApplicationShutdown().then(() => (stopped = true));
    await turns();
    expect(stopped).toBe(false);
    finish();
    await shutdown;
    expect(stopped).toBe(true);
    expect(requests.process).toHaveBeenCalledTimes(1);
    expect(logged).not.toHaveBeenCalled();
  });

  it('a request that cannot be recorded is an error to the caller, and nothing runs after it', async () => {
    const { auth, requests } = serviceWith(() => Promise.resolve(true));
    requests.record.mockRejectedValueOnce(new Error('connection refused'));
    await expect(auth.requestPasswordReset('olvido@aurora.example', '127.0.0.9')).rejects.toThrow(
      'connection refused',
    );
    await turns();
    expect(requests.process).not.toHaveBeenCalled();
  });

  it('a failed try is warned of and tried again after 1 s, then after 5 s', async () => {
    expect(RESET_RETRY_PAUSES_MS).toEqual([1_000, 5_000]);
    let calls = 0;
    const { auth, requests } = serviceWith(() =>
      ++calls <= 2 ? Promise.reject(new Error('connection reset')) : Promise.resolve(true),
    );
    await auth.requestPasswordReset('olvido@aurora.example', '127.0.0.9');
    await turns();
    expect(requests.process).toHaveBeenCalledTimes(1);
    expect(String(warned.mock.calls[0][0])).toContain('connection reset');

    await jest.advanceTimersByTimeAsync(999);
    expect(requests.process).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(requests.process).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(requests.process).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(requests.process).toHaveBeenCalledTimes(3);

    await auth.beforeApplicationShutdown();
    expect(warned).toHaveBeenCalledTimes(2);
    expect(logged).not.toHaveBeenCalled();
  });

  it('a third failure is logged with its stack, and shutdown does not wait for it again', async () => {
    const { auth, requests } = serviceWith(() => Promise.reject(new Error('pool is closed')));
    await auth.requestPasswordReset('olvido@aurora.example', '127.0.0.9');
    await turns();
    await jest.advanceTimersByTimeAsync(1_000);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(requests.process).toHaveBeenCalledTimes(3);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0][0])).toContain('pool is closed');
    expect(String(logged.mock.calls[0][1])).toContain('Error: pool is closed');
    await auth.beforeApplicationShutdown();
    expect(requests.process).toHaveBeenCalledTimes(3);
  });

  it('shutdown ends a pause between tries at once: no more tries, the request is left to the sweep', async () => {
    const { auth, requests } = serviceWith(() => Promise.reject(new Error('connection reset')));
    await auth.requestPasswordReset('olvido@aurora.example', '127.0.0.9');
    await turns();
    expect(requests.process).toHaveBeenCalledTimes(1);
    // No timer advanced: the shutdown itself ends the 1 s pause.
    await auth.beforeApplicationShutdown();
    expect(requests.process).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('shutdown waits no longer than its bound for work that does not end', async () => {
    const { auth } = serviceWith(() => new Promise<boolean>(() => undefined));
    await auth.requestPasswordReset('olvido@aurora.example', '127.0.0.9');
    await turns();
    let stopped = false;
    const shutdown = auth.beforeApplicationShutdown().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(RESET_SHUTDOWN_WAIT_MS - 1);
    expect(stopped).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await shutdown;
    expect(String(warned.mock.calls.at(-1)?.[0])).toContain('still running at shutdown');
  });
});
