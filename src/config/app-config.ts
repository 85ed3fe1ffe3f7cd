import { EnvReader } from './env-reader';

/**
 * Configuration of the API and the worker, validated once at boot. An abstract class so that it is
 * both the type and the Nest injection token (no string tokens).
 */
export abstract class AppConfig {
  abstract readonly nodeEnv: 'development' | 'test' | 'production';
  abstract readonly logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  abstract readonly api: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string;
    /** Static GraphQL limits, checked before execution (`src/api/query-limits.ts`). */
    readonly maxQueryDepth: number;
    readonly maxQueryCost: number;
    /**
     * Reverse proxies in front of the API whose `X-Forwarded-For` is believed (Express's
     * `trust proxy` hop count). 0: the client address is the socket's, and a forwarded header a
     * client writes itself is ignored. Behind N proxies, N: each client is throttled on its own
     * address rather than all of them sharing the proxy's.
     */
    readonly trustProxyHops: number;
    /**
     * `Server-Timing` headers on API answers (`API_SERVER_TIMING=on`): where a request's time
     * went (auth, access read, workflow Update, answer read, total). For operators and the bench.
     */
    readonly serverTiming: boolean;
  };
  abstract readonly database: { readonly url: string };
  abstract readonly temporal: {
    readonly address: string;
    readonly namespace: string;
    readonly taskQueue: string;
    /**
     * How long a reorder's date Update (L3-19) waits for its ticket's worker before it counts as
     * a transient failure, retried by the reconciliation sweep.
     */
    readonly reorderUpdateTimeoutMs: number;
  };
  abstract readonly mail: {
    readonly smtpUrl: string;
    readonly from: string;
    /**
     * How long an email that may be combined (files attached one after another) waits for the
     * next one of its kind before it goes; 0 sends each on its own at once.
     */
    readonly batchWindowMs: number;
    /** Email outbox dispatcher (L3-11): safety poll, retries with backoff, then FAILED. */
    readonly dispatcher: {
      readonly enabled: boolean;
      readonly pollIntervalMs: number;
      readonly maxAttempts: number;
      readonly retryBaseMs: number;
      readonly retryCapMs: number;
      /** How long a claimed row belongs to its dispatcher before another one may reclaim it. */
      readonly leaseMs: number;
    };
  };
  abstract readonly auth: {
    /** HS256 key of the session tokens; never logged. */
    readonly tokenSecret: string;
    /** Lifetime of a session token, in seconds. */
    readonly tokenTtlSeconds: number;
  };
  /** Failed logins per email + IP within the window before RATE_LIMITED (kept in PostgreSQL). */
  abstract readonly loginRateLimit: {
    readonly maxFailures: number;
    readonly windowSeconds: number;
  };
  /** Files attached to tickets (stored in PostgreSQL): refusals beyond these are typed. */
  abstract readonly attachments: {
    /** Largest file accepted, in bytes. */
    readonly maxBytes: number;
    /** Most files one ticket may hold. */
    readonly maxPerTicket: number;
  };
}

/** Default `ATTACHMENT_MAX_BYTES`: 10 MiB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Shortest accepted `AUTH_TOKEN_SECRET` (HS256 wants at least 256 bits of key). */
export const MIN_TOKEN_SECRET_LENGTH = 32;

/**
 * Token key used in development and test when `AUTH_TOKEN_SECRET` is unset. Public by design (it
 * is in the source), so production refuses it.
 */
export const DEV_TOKEN_SECRET = 'sla-engine-development-only-token-secret-not-for-production';

/**
 * Builds the {@link AppConfig} from an environment map (normally `process.env`), listing every
 * invalid or missing variable in one {@link ConfigValidationError}.
 */
export function loadAppConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const r = new EnvReader(env);
  const nodeEnv = r.oneOf(
    'NODE_ENV',
    ['development', 'test', 'production'] as const,
    'development',
  );
  const logLevel = r.oneOf(
    'LOG_LEVEL',
    ['error', 'warn', 'log', 'debug', 'verbose'] as const,
    'log',
  );
  const host = r.string('API_HOST', '127.0.0.1');
  const port = r.port('API_PORT', 3000);
  const publicUrl = r.url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;

  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!env.DATABASE_URL)
    r.problem('DATABASE_URL is required (postgres://user:pass@host:port/db; `npm start` sets it)');
  const temporalAddress = r.hostPort('TEMPORAL_ADDRESS');
  if (!env.TEMPORAL_ADDRESS)
    r.problem('TEMPORAL_ADDRESS is required (host:port; `npm start` sets it)');
  const smtpUrl = r.url('SMTP_URL', ['smtp:', 'smtps:']);
  if (!env.SMTP_URL) r.problem('SMTP_URL is required (smtp://host:port; `npm start` sets it)');

  const tokenSecret = r.string('AUTH_TOKEN_SECRET');
  // The value itself never appears in a message: only whether it is missing or too short.
  if (tokenSecret === undefined && nodeEnv === 'production')
    r.problem(
      `AUTH_TOKEN_SECRET is required in production (a random string of at least ${MIN_TOKEN_SECRET_LENGTH} characters)`,
    );
  else if (tokenSecret !== undefined && tokenSecret.length < MIN_TOKEN_SECRET_LENGTH)
    r.problem(`AUTH_TOKEN_SECRET must be at least ${MIN_TOKEN_SECRET_LENGTH} characters`);
  else if (tokenSecret === DEV_TOKEN_SECRET && nodeEnv === 'production')
    r.problem('AUTH_TOKEN_SECRET must not be the public development default in production');
  const tokenTtlSeconds = r.int('AUTH_TOKEN_TTL', 8 * 60 * 60, 60, 30 * 24 * 60 * 60);
  const loginMaxFailures = r.int('LOGIN_MAX_FAILURES', 5, 1, 1_000);
  const loginWindowSeconds = r.int('LOGIN_WINDOW_SECONDS', 15 * 60, 1, 24 * 60 * 60);
  const maxQueryDepth = r.int('GRAPHQL_MAX_DEPTH', 12, 2, 100);
  const maxQueryCost = r.int('GRAPHQL_MAX_COST', 5_000, 10, 10_000_000);
  const trustProxyHops = r.int('TRUST_PROXY', 0, 0, 10);
  const serverTiming = r.oneOf('API_SERVER_TIMING', ['off', 'on'] as const, 'off') === 'on';
  // A file travels whole through the API's memory and one bytea value: 100 MiB at most.
  const attachmentMaxBytes = r.int(
    'ATTACHMENT_MAX_BYTES',
    DEFAULT_ATTACHMENT_MAX_BYTES,
    1_024,
    100 * 1024 * 1024,
  );
  const attachmentMaxPerTicket = r.int('ATTACHMENT_MAX_PER_TICKET', 20, 1, 1_000);

  const config: AppConfig = {
    nodeEnv,
    logLevel,
    api: { host, port, publicUrl, maxQueryDepth, maxQueryCost, trustProxyHops, serverTiming },
    database: { url: databaseUrl ?? '' },
    temporal: {
      address: temporalAddress ?? '',
      namespace: r.string('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: r.string('TEMPORAL_TASK_QUEUE', 'sla-tickets'),
      reorderUpdateTimeoutMs: r.int('REORDER_UPDATE_TIMEOUT_MS', 30_000, 100, 600_000),
    },
    mail: {
      smtpUrl: smtpUrl ?? '',
      from: r.email('MAIL_FROM', 'Soporte L3 <soporte@localhost>'),
      batchWindowMs: r.int('MAIL_BATCH_WINDOW_MS', 60_000, 0, 3_600_000),
      dispatcher: {
        enabled: r.oneOf('MAIL_DISPATCHER', ['on', 'off'] as const, 'on') === 'on',
        pollIntervalMs: r.int('MAIL_POLL_INTERVAL_MS', 30_000, 100, 3_600_000),
        maxAttempts: r.int('MAIL_MAX_ATTEMPTS', 12, 1, 100),
        retryBaseMs: r.int('MAIL_RETRY_BASE_MS', 5_000, 10, 3_600_000),
        retryCapMs: r.int('MAIL_RETRY_CAP_MS', 600_000, 10, 86_400_000),
        leaseMs: r.int('MAIL_LEASE_MS', 120_000, 1_000, 3_600_000),
      },
    },
    auth: { tokenSecret: tokenSecret ?? DEV_TOKEN_SECRET, tokenTtlSeconds },
    loginRateLimit: { maxFailures: loginMaxFailures, windowSeconds: loginWindowSeconds },
    attachments: { maxBytes: attachmentMaxBytes, maxPerTicket: attachmentMaxPerTicket },
  };
  r.done();
  return config;
}

/**
 * The configuration of an operator script (`npm run read-model:rebuild`,
 * `npm run tickets:adopt-reminders`): `env`, with `npm start`'s local services where it names none.
 */
export function loadScriptConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AppConfig {
  return loadAppConfig({
    DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/sla',
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    ...env,
  });
}
