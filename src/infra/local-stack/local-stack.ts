import { join } from 'node:path';
import { ALL_SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';
import { resolveTemporalBinary, TEMPORAL_CLI } from '../provisioning/temporal-binaries';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startSmtpCatcher } from './smtp-catcher';
import { startTemporalDevServer } from './temporal-dev-server';

export interface LocalStackOptions {
  readonly dataDir: string;
  readonly toolsDir: string;
  readonly host: string;
  readonly postgres: {
    readonly external?: string;
    readonly port: number;
    readonly database: string;
  };
  readonly temporal: {
    readonly external?: string;
    readonly port: number;
    /** `undefined` runs the dev server headless. */
    readonly uiPort?: number;
    readonly namespace: string;
  };
  readonly smtp: { readonly external?: string; readonly port: number; readonly viewerPort: number };
  readonly log: (line: string) => void;
}

/** The addresses of the running backing services, as the app's configuration wants them. */
export interface LocalStack {
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalUiUrl?: string;
  readonly smtpUrl: string;
  readonly mailViewerUrl?: string;
  /** Stops what this stack started, in reverse order. */
  stop(): Promise<void>;
}

/**
 * Brings up PostgreSQL, the Temporal dev server and an SMTP catcher under `dataDir` (or uses the
 * external ones given). Shared by `npm start` and the integration tests' global setup.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { log } = options;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => log(`stop failed: ${String(err)}`));
    }
  };

  try {
    let databaseUrl = options.postgres.external;
    if (databaseUrl) log(`PostgreSQL: using DATABASE_URL`);
    else {
      log('PostgreSQL: starting embedded server …');
      const pg = await startEmbeddedPostgres({
        dataDir: join(options.dataDir, 'postgres'),
        port: options.postgres.port,
        database: options.postgres.database,
        log,
      });
      stops.push(() => pg.stop());
      databaseUrl = pg.url;
      log(
        `PostgreSQL: ready on 127.0.0.1:${options.postgres.port}${pg.created ? ' (new cluster)' : ''}`,
      );
    }

    let temporalAddress = options.temporal.external;
    let temporalUiUrl: string | undefined;
    if (temporalAddress) log(`Temporal: using TEMPORAL_ADDRESS=${temporalAddress}`);
    else {
      const cli = await resolveTemporalBinary(TEMPORAL_CLI, { cacheDir: options.toolsDir, log });
      log(`Temporal: ${cli.description} (${cli.source}); starting dev server …`);
      const server = await startTemporalDevServer({
        cliPath: cli.path,
        dbFile: join(options.dataDir, 'temporal', 'temporal.db'),
        host: options.host,
        port: options.temporal.port,
        uiPort: options.temporal.uiPort,
        namespace: options.temporal.namespace,
        searchAttributes: ALL_SEARCH_ATTRIBUTES,
        log,
      });
      stops.push(() => server.stop());
      temporalAddress = server.address;
      temporalUiUrl = server.uiUrl;
    }

    let smtpUrl = options.smtp.external;
    let mailViewerUrl: string | undefined;
    if (smtpUrl) log('SMTP: using SMTP_URL');
    else {
      const catcher = await startSmtpCatcher({
        host: options.host,
        smtpPort: options.smtp.port,
        httpPort: options.smtp.viewerPort,
        dir: join(options.dataDir, 'mail'),
      });
      stops.push(() => catcher.stop());
      smtpUrl = catcher.smtpUrl;
      mailViewerUrl = catcher.webUrl;
      log(`SMTP: catcher on ${catcher.smtpUrl}, viewer on ${catcher.webUrl}`);
    }

    return { databaseUrl, temporalAddress, temporalUiUrl, smtpUrl, mailViewerUrl, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
