import { appendFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { seedDemoWorld } from '../../src/dev/demo-world';
import { type DemoSeedResult, seedDemoData } from '../../src/identity/demo-seed';
import type { Role } from '../../src/identity/role.enum';
import { gql, integrationConfig, startApi, type RunningApi } from './integration-harness';
import { AURORA_ORG, PROVIDER_ORG } from './demo-contract';

/**
 * A spec's own world on the integration tier's PostgreSQL server: a fresh database with the
 * committed migrations and the demo seed (as on a first `npm start`), the real API on it, and a
 * login per demo user. Nothing leaks between spec files.
 */
export interface SeededWorld {
  readonly api: RunningApi;
  readonly db: DataSource;
  readonly config: AppConfig;
  readonly seed: DemoSeedResult;
  /** `Authorization` header of the demo user holding `role` (first client org for client roles). */
  bearer(role: Role, organization?: string): Record<string, string>;
  /** Organization IDs by slug. */
  readonly orgIds: Record<string, string>;
  close(): Promise<void>;
}

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;

export async function createSeededWorld(
  label: string,
  overrides: Record<string, string> = {},
  /** `false`: users only, no demo policies or hour packages (specs that build their own). */
  demoContracts = true,
): Promise<SeededWorld> {
  const shared = integrationConfig();
  const databaseName = `sla_${label}_${process.pid}_${Date.now()}`;
  const url = new URL(shared.database.url);
  url.pathname = `/${databaseName}`;
  const config = integrationConfig({ ...overrides, DATABASE_URL: url.toString() });

  await onServer(shared.database.url, `CREATE DATABASE "${databaseName}"`);
  await runMigrations(config.database.url);
  const db = await new DataSource(typeOrmOptions(config.database.url)).initialize();
  // Every world numbers tickets from its own base: ticket workflow IDs (`ticket:<number>`) then
  // never meet another spec's workflows on the tier's shared Temporal server.
  const base = nextNumberBase();
  const year = new Date().getUTCFullYear();
  await db.query(`INSERT INTO ticket_number_counter (year, last_value) VALUES ($1, $3), ($2, $3)`, [
    year,
    year + 1,
    base,
  ]);
  const seed = demoContracts ? await seedDemoWorld(db) : await seedDemoData(db);
  const api = await startApi(config);

  const tokens = new Map<string, string>();
  for (const c of seed.credentials) {
    const { body } = await gql<{ login: { token: string } }>(api, LOGIN, {
      email: c.email,
      password: c.password,
    });
    tokens.set(c.email, body.data!.login.token);
  }
  const orgs = await db.query<{ id: string; slug: string }[]>('SELECT id, slug FROM organization');

  return {
    api,
    db,
    config,
    seed,
    orgIds: Object.fromEntries(orgs.map((o) => [o.slug, o.id])),
    bearer(role, organization) {
      const org = organization ?? (role.startsWith('CLIENT') ? AURORA_ORG : PROVIDER_ORG);
      const user = seed.credentials.find((c) => c.roles.includes(role) && c.organization === org);
      if (!user) throw new Error(`no demo user with ${role} in ${org}`);
      return { authorization: `Bearer ${tokens.get(user.email)}` };
    },
    async close() {
      await api.close();
      await db.destroy();
      await onServer(shared.database.url, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    },
  };
}

/**
 * A ticket-number base unique to this world within the test run. Jest isolates modules and
 * `process.env` per spec file, so the count is a file shared by the run's spec files (named by
 * the jest parent process; each tier run starts its own Temporal server).
 */
function nextNumberBase(): number {
  const counter = join(tmpdir(), `sla-test-worlds-${process.ppid}`);
  appendFileSync(counter, 'x');
  return (statSync(counter).size % 900) * 1_000;
}

/** Runs one statement on the server (CREATE/DROP DATABASE cannot run in a transaction). */
async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = await new DataSource(typeOrmOptions(serverUrl)).initialize();
  try {
    await admin.query(sql);
  } finally {
    await admin.destroy();
  }
}
