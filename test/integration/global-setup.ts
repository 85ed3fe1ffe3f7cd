import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../src/database/run-migrations';
import { startLocalStack, type LocalStack } from '../../src/infra/local-stack/local-stack';
import { freePort } from '../../src/infra/provisioning/temporal-binaries';
import { TOOLS_DIR } from '../support/paths';

declare global {
  var __integrationStack: { stack: LocalStack; dataDir: string } | undefined;
}

/**
 * Starts real PostgreSQL, a real Temporal dev server and a real SMTP catcher once for the tier,
 * on free ports in a throwaway folder, and applies the committed migrations.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sla-it-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must reach its folder.
  chmodSync(dataDir, 0o755);
  const [pgPort, temporalPort, smtpPort, viewerPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const stack = await startLocalStack({
    dataDir,
    toolsDir: TOOLS_DIR,
    host: '127.0.0.1',
    postgres: { port: pgPort, database: 'sla_test' },
    temporal: { port: temporalPort, namespace: 'default' },
    smtp: { port: smtpPort, viewerPort },
    log: (line) => process.stdout.write(`  [stack] ${line}\n`),
  });
  await runMigrations(stack.databaseUrl);
  forgetTypeormMetadata();
  globalThis.__integrationStack = { stack, dataDir };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    SMTP_URL: stack.smtpUrl,
    MAIL_VIEWER_URL: stack.mailViewerUrl,
    // Files attached one after another share an email (L3-11); a minute is long for tests.
    MAIL_BATCH_WINDOW_MS: '5000',
  });
}

/**
 * TypeORM keeps its entity metadata on the realm's global (`typeormMetadataArgsStorage`), and the
 * migrations above created it on the main realm, where jest runs in band. jest-environment-node
 * lends every main-realm global to each spec file's context, so every file's entity classes went
 * into that one storage and kept each file's whole module graph alive: about 35 MB a file, 3.7 GB
 * of heap after the tier's 113 files, and one CI run out of memory (stop 65). Without it, each
 * file's context makes its own.
 */
function forgetTypeormMetadata(): void {
  delete (globalThis as { typeormMetadataArgsStorage?: unknown }).typeormMetadataArgsStorage;
}
