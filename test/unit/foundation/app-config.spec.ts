import { loadAppConfig } from '../../../src/config/app-config';
import { ConfigValidationError } from '../../../src/config/env-reader';
import { loadStackConfig } from '../../../src/config/stack-config';

// Foundation: configuration is validated once at boot and every bad variable is listed.

const VALID = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/sla',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  SMTP_URL: 'smtp://127.0.0.1:1025',
};

describe('loadAppConfig', () => {
  it('builds a typed config with defaults', () => {
    const config = loadAppConfig(VALID);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      api: {
        host: '127.0.0.1',
        port: 3000,
        publicUrl: 'http://localhost:3000',
        // L3-04: no proxy's X-Forwarded-For is believed unless TRUST_PROXY says how many.
        trustProxyHops: 0,
        serverTiming: false,
      },
      database: { url: VALID.DATABASE_URL },
      temporal: {
        address: '127.0.0.1:7233',
        namespace: 'default',
        taskQueue: 'sla-tickets',
        reorderUpdateTimeoutMs: 30_000,
      },
      mail: { smtpUrl: VALID.SMTP_URL },
    });
  });

  it('lists every invalid and missing variable at once', () => {
    let error: unknown;
    try {
      loadAppConfig({
        API_PORT: '70000',
        NODE_ENV: 'staging',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'not a url',
        MAIL_FROM: 'nobody',
        TRUST_PROXY: 'yes',
        API_SERVER_TIMING: 'yes',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const issues = (error as ConfigValidationError).issues.join('\n');
    for (const key of [
      'API_PORT',
      'NODE_ENV',
      'DATABASE_URL',
      'TEMPORAL_ADDRESS',
      'SMTP_URL',
      'MAIL_FROM',
      'TRUST_PROXY',
      'API_SERVER_TIMING',
    ]) {
      expect(issues).toContain(key);
    }
  });
});

describe('loadStackConfig', () => {
  it('defaults to local services under .data/', () => {
    const stack = loadStackConfig({}, '/repo');
    expect(stack).toMatchObject({
      dataDir: '/repo/.data',
      toolsDir: '/repo/.tools',
      postgres: { external: undefined, port: 54329 },
      temporal: { external: undefined, port: 7233, uiPort: 8233 },
      smtp: { external: undefined, port: 1025, viewerPort: 1080 },
    });
  });

  it('uses external services when their URLs are given', () => {
    const stack = loadStackConfig(VALID, '/repo');
    expect(stack.postgres.external).toBe(VALID.DATABASE_URL);
    expect(stack.smtp.external).toBe(VALID.SMTP_URL);
    expect(() => loadStackConfig({ TEMPORAL_PORT: 'x' }, '/repo')).toThrow(/TEMPORAL_PORT/);
  });
});
