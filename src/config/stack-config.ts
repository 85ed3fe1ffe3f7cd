import { resolve } from 'node:path';
import { EnvReader } from './env-reader';

/**
 * What `npm start` brings up locally. A component whose URL/address is given in the environment
 * is used as it is instead of being started.
 */
export interface StackConfig {
  readonly rootDir: string;
  readonly dataDir: string;
  readonly toolsDir: string;
  readonly host: string;
  readonly apiPort: number;
  readonly postgres: {
    readonly external?: string;
    readonly port: number;
    readonly database: string;
  };
  readonly temporal: {
    readonly external?: string;
    readonly port: number;
    readonly uiPort: number;
    readonly namespace: string;
  };
  readonly smtp: { readonly external?: string; readonly port: number; readonly viewerPort: number };
}

export function loadStackConfig(
  env: Readonly<Record<string, string | undefined>>,
  rootDir: string,
): StackConfig {
  const r = new EnvReader(env);
  const dataDir = resolve(rootDir, r.string('DATA_DIR', '.data'));
  const config: StackConfig = {
    rootDir,
    dataDir,
    toolsDir: resolve(rootDir, r.string('TOOLS_DIR', '.tools')),
    host: '127.0.0.1',
    apiPort: r.port('API_PORT', 3000),
    postgres: {
      external: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
      port: r.port('PGPORT', 54329),
      database: r.string('PGDATABASE', 'sla'),
    },
    temporal: {
      external: r.hostPort('TEMPORAL_ADDRESS'),
      port: r.port('TEMPORAL_PORT', 7233),
      uiPort: r.port('TEMPORAL_UI_PORT', 8233),
      namespace: r.string('TEMPORAL_NAMESPACE', 'default'),
    },
    smtp: {
      external: r.url('SMTP_URL', ['smtp:', 'smtps:']),
      port: r.port('SMTP_CATCHER_PORT', 1025),
      viewerPort: r.port('MAIL_VIEWER_PORT', 1080),
    },
  };
  r.done();
  return config;
}
