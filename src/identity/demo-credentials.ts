import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../database/typeorm-options';
import { seedDemoWorld } from '../dev/demo-world';
import type { DemoCredential } from './demo-seed';

/** Where `npm start` keeps the demo logins, so a later start can show them again. */
export function demoCredentialsPath(dataDir: string): string {
  return join(dataDir, 'demo-credentials.json');
}

export interface DemoLogins {
  /** True when this call created the demo data. */
  readonly created: boolean;
  /** Undefined when the data existed but its credentials file is gone. */
  readonly credentials?: readonly DemoCredential[];
  readonly file: string;
}

/**
 * `npm start`: seeds the demo data into an empty database and saves its logins under `dataDir`
 * (owner-only); on later starts reads them back.
 */
export async function ensureDemoLogins(databaseUrl: string, dataDir: string): Promise<DemoLogins> {
  const file = demoCredentialsPath(dataDir);
  const dataSource = await new DataSource(typeOrmOptions(databaseUrl)).initialize();
  try {
    const seeded = await seedDemoWorld(dataSource);
    if (seeded.created) {
      writeFileSync(file, `${JSON.stringify(seeded.credentials, null, 2)}\n`, { mode: 0o600 });
      return { created: true, credentials: seeded.credentials, file };
    }
  } finally {
    await dataSource.destroy();
  }
  const credentials = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredential[])
    : undefined;
  return { created: false, credentials, file };
}

/** The logins as an aligned text table (email, roles, organization, password). */
export function formatDemoLogins(logins: DemoLogins): string {
  if (!logins.credentials) {
    return `Demo logins: users exist, but ${logins.file} is missing (passwords were shown once).`;
  }
  const rows = [
    ['email', 'role', 'organization', 'password'],
    ...logins.credentials.map((c) => [c.email, c.roles.join(','), c.organization, c.password]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) =>
    `  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd(),
  );
  return [`Demo logins (also in ${logins.file}):`, ...lines].join('\n');
}
