import type { Logger } from '@nestjs/common';
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';

/**
 * The logger Temporal's workflow bundler writes to, through Nest's so LOG_LEVEL applies: its
 * webpack listing (36 lines, info) and «bundle created» go to debug, shown with LOG_LEVEL debug or
 * verbose only; warnings and errors (a failed bundle prints webpack's errors) always show.
 */
export function bundlerLogger(nest: Pick<Logger, 'debug' | 'warn' | 'error'>): TemporalLogger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata): void => {
    const text =
      meta && Object.keys(meta).length > 0 ? `${message} ${JSON.stringify(meta)}` : message;
    if (level === 'ERROR') nest.error(text);
    else if (level === 'WARN') nest.warn(text);
    else nest.debug(text);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
