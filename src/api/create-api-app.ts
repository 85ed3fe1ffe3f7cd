import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module';
import { InputValidationPipe } from '../common/errors/input-validation.pipe';
import type { AppConfig } from '../config/app-config';
import { serverTiming } from '../common/server-timing';
import { bodyParserErrors } from './request-hygiene';

/** Builds the API application (used by `main.ts` and by the integration tests). */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: loggerLevels(config.logLevel),
    bufferLogs: false,
    // Nest's own parsers, registered here so that their refusals (413, malformed JSON) are
    // answered right after them as typed request errors.
    bodyParser: false,
  });
  // The client address the login and reset throttles count (L3-04): behind N proxies, the
  // address the nearest of them saw; otherwise the socket's, whatever X-Forwarded-For says.
  app.set('trust proxy', config.api.trustProxyHops);
  // No ETag on API answers: Express hashed every response body (SHA-1 of a 60 KB page of the SLA
  // board on each refresh) for a validator no GraphQL POST is ever revalidated with. The web
  // app's files are sent by WebAssets with their own cache headers, not through this.
  app.set('etag', false);
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: true });
  app.use(bodyParserErrors);
  // After the body parsers: their stream callbacks would run outside the request's timing context.
  if (config.api.serverTiming) app.use(serverTiming());
  app.useGlobalPipes(new InputValidationPipe());
  app.enableShutdownHooks();
  return app;
}

export function loggerLevels(
  level: AppConfig['logLevel'],
): ('error' | 'warn' | 'log' | 'debug' | 'verbose')[] {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}

export const apiLogger = new Logger('Api');
