import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { loadScriptConfig } from '../config/app-config';
import { ConfigValidationError } from '../config/env-reader';
import { typeOrmOptions } from '../database/typeorm-options';
import {
  type AdoptionOptions,
  DEFAULT_ADOPTION_OPTIONS,
  NoWorkerAnsweredError,
  wakeTicketsOwedReminders,
} from './reminder-adoption';

/** The operator's message when Temporal cannot be reached: it names the address to check. */
class TemporalUnreachableError extends Error {}

/** A command-line option the command does not know or whose value is not a positive integer. */
class UsageError extends Error {}

/**
 * `--concurrency=<tickets>` and `--query-timeout=<seconds>` over the defaults, or a
 * {@link UsageError} naming the option.
 */
function optionsFrom(args: readonly string[]): AdoptionOptions {
  let options = DEFAULT_ADOPTION_OPTIONS;
  for (const arg of args) {
    const [, name, value] = /^--(concurrency|query-timeout)=(\d+)$/.exec(arg) ?? [];
    const n = Number(value);
    if (!name || !Number.isSafeInteger(n) || n < 1) {
      throw new UsageError(
        `Unknown option or value: ${arg}. Usage: npm run tickets:adopt-reminders -- ` +
          `[--concurrency=<tickets at once, default ${DEFAULT_ADOPTION_OPTIONS.concurrency}>] ` +
          `[--query-timeout=<seconds, default ${DEFAULT_ADOPTION_OPTIONS.queryTimeoutMs / 1000}>]`,
      );
    }
    options =
      name === 'concurrency'
        ? { ...options, concurrency: n }
        : { ...options, queryTimeoutMs: n * 1000 };
  }
  return options;
}

/**
 * `npm run tickets:adopt-reminders`: after an upgrade that brought the L3-09/L3-12 reminders,
 * wakes each open ticket that waits for an estimate's or a change order's authorization or for
 * the client's tests without its reminder series, so it adopts them now (reminder-adoption.ts).
 * Run it once every worker runs this version (an older worker would take the wake-up and adopt
 * nothing); running it again is harmless. Without DATABASE_URL / TEMPORAL_ADDRESS it uses
 * `npm start`'s local services.
 */
async function main(): Promise<void> {
  const config = loadScriptConfig();
  const options = optionsFrom(process.argv.slice(2));
  const logger = new Logger('AdoptReminders');
  const { address, namespace } = config.temporal;
  const connection = await Connection.connect({ address, connectTimeout: '5s' }).catch(
    (err: unknown) => {
      throw new TemporalUnreachableError(
        `Temporal is unreachable at ${address} (TEMPORAL_ADDRESS): ${
          err instanceof Error ? err.message : String(err)
        }. Nothing was signalled; start Temporal and run this again.`,
      );
    },
  );
  const db = await new DataSource(typeOrmOptions(config.database.url)).initialize();
  try {
    const report = await wakeTicketsOwedReminders(
      db,
      new Client({ connection, namespace }),
      options,
    );
    logger.log(
      `woke ${report.woken.length} ticket(s) to adopt their reminders` +
        (report.woken.length ? ` (${listed(report.woken)})` : '') +
        `; ${report.armed} of ${report.candidates} waiting ticket(s) already had them` +
        (report.ended ? `, ${report.ended} ended meanwhile` : ''),
    );
    if (report.failed.length) {
      for (const { number, reason } of report.failed) logger.error(`${number}: ${reason}`);
      throw new Error(`${report.failed.length} ticket(s) could not be woken; run this again`);
    }
  } finally {
    await db.destroy();
    await connection.close();
  }
}

/** The first tickets by number, so a run over thousands prints one readable line. */
function listed(numbers: readonly string[], shown = 20): string {
  const more = numbers.length - shown;
  return [...numbers].sort().slice(0, shown).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

main().catch((err: unknown) => {
  // Entry-point crash handler: the one place a plain console write is right.
  const known =
    err instanceof ConfigValidationError ||
    err instanceof TemporalUnreachableError ||
    err instanceof UsageError ||
    err instanceof NoWorkerAnsweredError;
  // eslint-disable-next-line no-console
  console.error(known ? err.message : err);
  process.exit(1);
});
